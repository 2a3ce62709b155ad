//! Hard-coded credentials, scanned in every text file. An error here stops
//! the agent, so a finding is an error only where the secret is evidently
//! real; `lib/check/rules/secrets.js` is the JavaScript twin (same
//! patterns, ASCII classes only and no look-around, so both engines find
//! the same matches).
//!
//! | rule | severity | catches | lets pass |
//! |---|---|---|---|
//! | `secret-aws-access-key` | error | `AKIA`/`ASIA`/`ABIA`/`ACCA` + 16 base32 | AWS's documented ids ending in `EXAMPLE`, repeated characters |
//! | `secret-aws-secret-key` | error | `aws_secret_access_key = <40 chars>` | values containing `EXAMPLE`, low entropy |
//! | `secret-github-token` | error | `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` tokens whose CRC32 checksum holds; `github_pat_` fine-grained tokens | a wrong checksum (made-up tokens) |
//! | `secret-gitlab-token` | error | `glpat-`, `glptt-`, `gldt-`, `glrt-`, `glcbt-`, `gloas-` | placeholders |
//! | `secret-slack-token` | error | `xoxb-`/`xoxp-`/… with a numeric team part | `xoxb-your-token` |
//! | `secret-slack-webhook` | error | `https://hooks.slack.com/services/T…/B…/…` | `XXXX` placeholders |
//! | `secret-stripe-key` | error | `sk_live_`/`rk_live_` | test keys (`sk_test_`) |
//! | `secret-google-api-key` | error | `AIza` + 35 | placeholders |
//! | `secret-npm-token` | error | `npm_` + 36 with a valid CRC32 checksum | a wrong checksum |
//! | `secret-anthropic-key` | error | `sk-ant-api03-`/`sk-ant-admin01-` + 93 + `AA` (the real length) | `sk-ant-xxx` and other short ones |
//! | `secret-openai-key` | error | `sk-…T3BlbkFJ…` (`sk-proj-`, `sk-svcacct-`, `sk-admin-`) | `sk-...` placeholders |
//! | `secret-sendgrid-key` | error | `SG.` + 22 + `.` + 43 | |
//! | `secret-twilio-key` | error | `SK` + 32 lower-case hex | account SIDs (`AC…`, not secret) |
//! | `secret-pypi-token` | error | `pypi-AgEIcHlwaS5vcmc…` | |
//! | `secret-shopify-token` | error | `shpat_`/`shpca_`/`shppa_`/`shpss_` + 32 hex | |
//! | `secret-discord-token` | error | bot tokens (`M…`.6.27+) on a line that says `discord` | the same shape elsewhere |
//! | `secret-telegram-token` | error | `123456789:AA…` (33) | |
//! | `secret-private-key` | error | `-----BEGIN … PRIVATE KEY-----` followed by a base64 key body (≥ 64 chars) | an empty, `...` or `<key>` body; public keys, certificates |
//! | `secret-hardcoded` | error | `password`/`secret`/`token`/`api_key`/`access_key`/`client_secret`-style keys (`DB_PASSWORD=`, `SECRET_KEY = '…'`, `"apiKey": "…"`, `token: …`) with a value of ≥ 8 printable characters, letters and digits or symbols, ≥ 6 distinct characters, Shannon entropy ≥ 3.0 bits (≥ 3.5 from 16 characters) | placeholders (`changeme`, `your-…`, `xxx`, `***`, `<…>`, `example`, `dummy`, `test`, `password`), references (`${X}`, `$X`, `{{ x }}`, `process.env.X`, `os.environ`, `%X%`, `env("X")`), labels and sentences (spaces), names (`ALL_CAPS`, dotted paths, `words-joined-2`), URLs, file paths, AWS ARNs, arrays and regex classes (`[…]`), `1234`/`abcdef` runs, UUIDs, versions and ranges (`^4.0.20`), `sha512-…` integrity strings, booleans and numbers; keys that name something else (`*_hash`, `*_id`, `*_url`, `*_name`, `token_type`, `max_tokens`, pagination fields such as `NextToken` and `output_token`, …); lock files, vendored folders and minified files or lines over 500 characters |
//! | `secret-url-credentials` | error | `scheme://user:password@host` where the password passes the `secret-hardcoded` value test | `user:pass@`, `${PW}`; a warning where generic scans are off |
//! | `secret-jwt` | warning | `eyJ….eyJ….…` JSON Web Tokens (often test fixtures, sometimes live sessions) | |
//!
//! Hex strings of 32, 40 or 64 characters after a secret key are treated as
//! secrets (Flask and Rails keys look like that); a hash lives under a key
//! that says so (`*_hash`, `checksum`, `sha256`), which is let pass.
//! Every finding in a test, fixture, example or documentation path
//! (`test/`, `tests/`, `__tests__/`, `spec/`, `fixtures/`, `examples/`,
//! `docs/`, `templates/`, `samples/`, `seed/`, `*.test.*`, `*.spec.*`,
//! `*example*`, `*.md`) is a warning. Messages show a
//! secret's first 4 characters only.

mod assign;
mod pem;
mod tokens;
pub mod value;

use super::position::LineIndex;
use super::{Analysis, FileContext, FileKind, Severity};
use regex::Regex;
use std::sync::OnceLock;

/// Every rule of the family: `(id, severity, summary)`, for `check --help`.
pub const RULES: &[(&str, &str, &str)] = &[
    ("secret-aws-access-key", "error", "AWS access key id (not AWS's documented EXAMPLE ids)"),
    ("secret-aws-secret-key", "error", "AWS secret access key after aws_secret_access_key"),
    ("secret-github-token", "error", "GitHub token with a valid checksum, or a fine-grained github_pat_ token"),
    ("secret-gitlab-token", "error", "GitLab personal, pipeline, deploy or runner token"),
    ("secret-slack-token", "error", "Slack bot, user or app token"),
    ("secret-slack-webhook", "error", "Slack incoming-webhook URL"),
    ("secret-stripe-key", "error", "Stripe live secret or restricted key"),
    ("secret-google-api-key", "error", "Google API key"),
    ("secret-npm-token", "error", "npm access token with a valid checksum"),
    ("secret-anthropic-key", "error", "Anthropic API or admin key of the real length"),
    ("secret-openai-key", "error", "OpenAI API key"),
    ("secret-sendgrid-key", "error", "SendGrid API key"),
    ("secret-twilio-key", "error", "Twilio API key"),
    ("secret-pypi-token", "error", "PyPI upload token"),
    ("secret-shopify-token", "error", "Shopify access token"),
    ("secret-discord-token", "error", "Discord bot token (on a line that says discord)"),
    ("secret-telegram-token", "error", "Telegram bot token"),
    ("secret-private-key", "error", "private key block with a key body"),
    ("secret-hardcoded", "error", "password/secret/token/api_key assignment whose value looks like a secret (length, classes, entropy; not a placeholder, reference, label, name, path, hash, UUID or version)"),
    ("secret-url-credentials", "error", "password in a URL that looks like a secret"),
    ("secret-jwt", "warning", "JSON Web Token literal"),
];

const ADVICE: &str = "read it from the environment or a secret store";

/// Compiled patterns, once per process.
struct Compiled {
    tokens: Vec<Regex>,
    aws_secret: Regex,
    private_key: Regex,
    assignment: Regex,
    url: Regex,
    jwt: Regex,
}

fn compiled() -> Option<&'static Compiled> {
    static SET: OnceLock<Option<Compiled>> = OnceLock::new();
    SET.get_or_init(|| {
        // ASCII case folding, as JavaScript's `i` flag without `u`.
        let ci = |p: &str| Regex::new(&format!("(?i-u){p}")).ok();
        Some(Compiled {
            tokens: tokens::TOKENS.iter().map(|t| Regex::new(t.pattern).ok()).collect::<Option<_>>()?,
            aws_secret: ci(AWS_SECRET)?,
            private_key: Regex::new(PRIVATE_KEY).ok()?,
            assignment: ci(assign::ASSIGNMENT)?,
            url: Regex::new(URL_CREDENTIALS).ok()?,
            jwt: Regex::new(JWT).ok()?,
        })
    })
    .as_ref()
}

const AWS_SECRET: &str = r#"aws_?secret_?(?:access_?)?key["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9/+]{40})"#;
const PRIVATE_KEY: &str = r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----";
const URL_CREDENTIALS: &str = r"[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._%~-]+:([A-Za-z0-9._%~!*+=-]{3,})@";
const JWT: &str = r"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}";

/// Longest line (UTF-16 units) still scanned for generic assignments:
/// longer ones are minified code or data.
const MAX_LINE: usize = 500;

/// The path's segments and lower-case file name.
fn segments(path: &str) -> (Vec<String>, String) {
    let norm = path.replace('\\', "/").to_ascii_lowercase();
    let parts: Vec<String> = norm.split('/').map(str::to_owned).collect();
    let name = parts.last().cloned().unwrap_or_default();
    (parts, name)
}

const LOCK_NAMES: &[&str] = &["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "go.sum", "packages.lock.json"];
const VENDORED: &[&str] = &["node_modules", "vendor", "third_party", "third-party", "bower_components", ".yarn", "jspm_packages"];
const TEST_DIRS: &[&str] = &[
    "test", "tests", "__tests__", "spec", "specs", "fixtures", "__fixtures__", "fixture", "testdata", "__mocks__",
    "example", "examples", "docs", "doc", "template", "templates", "sample", "samples", "seed", "seeds",
];

/// Generic assignments are not scanned in lock files, vendored folders or
/// minified files: their values are hashes, names and data, not secrets.
fn generic_off(parts: &[String], name: &str) -> bool {
    name.ends_with(".lock")
        || LOCK_NAMES.contains(&name)
        || name.contains(".min.")
        || parts[..parts.len() - 1].iter().any(|p| VENDORED.contains(&p.as_str()))
}

/// Tests, fixtures, examples and docs: findings there are warnings.
fn is_test_or_doc(parts: &[String], name: &str) -> bool {
    parts[..parts.len() - 1].iter().any(|p| TEST_DIRS.contains(&p.as_str()))
        || name.contains(".test.")
        || name.contains("example")
        || name.contains(".spec.")
        || name.ends_with(".md")
        || name.ends_with(".mdx")
        || name.ends_with(".markdown")
}

/// Source files where a bare value after `=` is an expression, not a value.
const CODE_EXTENSIONS: &[&str] = &[
    "py", "rb", "go", "java", "kt", "kts", "cs", "php", "c", "h", "cc", "cpp", "hpp", "swift", "scala", "dart", "lua",
    "pl", "r", "ex", "exs", "html", "htm", "vue", "svelte", "astro", "xml", "css", "scss", "less", "sql",
];

/// Whether bare (unquoted) values count: `.env`, shell, INI, YAML, TOML.
fn bare_values(kind: FileKind, name: &str) -> bool {
    match kind {
        FileKind::Yaml | FileKind::Toml => true,
        FileKind::Text => !name.rsplit_once('.').is_some_and(|(_, ext)| CODE_EXTENSIONS.contains(&ext)),
        _ => false,
    }
}

fn ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Where secrets are found and how they are reported.
struct Scan<'a> {
    text: &'a str,
    index: LineIndex<'a>,
    test_path: bool,
    generic: bool,
    found: Vec<(u32, u32, Severity, &'static str, String)>,
}

impl<'a> Scan<'a> {
    fn report(&mut self, at: usize, severity: Severity, rule: &'static str, message: String) {
        let (line, column) = self.index.position(at);
        let severity = if self.test_path { Severity::Warning } else { severity };
        let message = if self.test_path && severity == Severity::Warning && rule != "secret-jwt" {
            format!("{message} (a warning in tests, fixtures and docs)")
        } else {
            message
        };
        self.found.push((line, column, severity, rule, message));
    }

    /// The rest of the line from byte `at`, and the line's UTF-16 length.
    fn rest_of_line(&self, at: usize) -> (&'a str, usize) {
        let (line, _) = self.index.position(at);
        let whole = self.index.line_text(line);
        let start = whole.as_ptr() as usize - self.text.as_ptr() as usize;
        let rest = &self.text[at..(start + whole.len()).max(at)];
        (rest, whole.chars().map(char::len_utf16).sum())
    }

    fn line_has(&self, at: usize, word: &str) -> bool {
        let (line, _) = self.index.position(at);
        self.index.line_text(line).to_ascii_lowercase().contains(word)
    }
}

/// Reports credentials found in `text` into `out`.
pub fn check(text: &str, ctx: &FileContext, out: &mut Analysis) {
    let Some(c) = compiled() else { return };
    let (parts, name) = segments(ctx.path);
    let mut scan = Scan {
        text,
        index: LineIndex::new(text),
        test_path: is_test_or_doc(&parts, &name),
        generic: !generic_off(&parts, &name),
        found: Vec::new(),
    };
    let bytes = text.as_bytes();
    for (t, re) in tokens::TOKENS.iter().zip(&c.tokens) {
        for m in re.find_iter(text) {
            let before = m.start().checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(m.end()).copied();
            if before.is_some_and(|b| ident_byte(b) || b == b'+') || after.is_some_and(ident_byte) {
                continue;
            }
            if t.keyword.is_some_and(|k| !scan.line_has(m.start(), k)) || !tokens::confirm(t, m.as_str()) {
                continue;
            }
            let msg = format!("{} ({}): revoke it and {ADVICE}", t.what, value::mask(m.as_str()));
            scan.report(m.start(), Severity::Error, t.rule, msg);
        }
    }
    for caps in c.aws_secret.captures_iter(text) {
        let (Some(all), Some(v)) = (caps.get(0), caps.get(1)) else { continue };
        let after = bytes.get(v.end()).copied();
        if after.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'+') || !tokens::confirm(&tokens::TOKENS[2], v.as_str()) {
            continue;
        }
        let msg = format!("AWS secret access key ({}): revoke it and {ADVICE}", value::mask(v.as_str()));
        scan.report(all.start(), Severity::Error, "secret-aws-secret-key", msg);
    }
    for m in c.private_key.find_iter(text) {
        if pem::has_key_body(&text[m.end()..]) {
            scan.report(m.start(), Severity::Error, "secret-private-key", format!("private key block: {ADVICE}"));
        }
    }
    for m in c.jwt.find_iter(text) {
        let before = m.start().checked_sub(1).map(|i| bytes[i]);
        if before.is_some_and(|b| ident_byte(b) || b == b'-') || bytes.get(m.end()).is_some_and(|&b| b == b'.') {
            continue;
        }
        scan.report(m.start(), Severity::Warning, "secret-jwt", format!("JSON Web Token literal ({})", value::mask(m.as_str())));
    }
    urls(&mut scan, c);
    if scan.generic {
        assignments(&mut scan, c, bare_values(ctx.kind, &name));
    }
    for (line, column, severity, rule, message) in scan.found {
        out.push(severity, rule, message, line, column);
    }
}

fn urls(scan: &mut Scan, c: &Compiled) {
    for caps in c.url.captures_iter(scan.text) {
        let (Some(all), Some(pw)) = (caps.get(0), caps.get(1)) else { continue };
        if !value::looks_like_secret(pw.as_str()) {
            continue;
        }
        let (_, width) = scan.rest_of_line(all.start());
        let severity = if scan.generic && width <= MAX_LINE { Severity::Error } else { Severity::Warning };
        let msg = format!("password in a URL ({}): {ADVICE}", value::mask(pw.as_str()));
        scan.report(pw.start(), severity, "secret-url-credentials", msg);
    }
}

fn assignments(scan: &mut Scan, c: &Compiled, bare: bool) {
    let mut last_line = 0;
    for caps in c.assignment.captures_iter(scan.text) {
        let (Some(all), Some(key)) = (caps.get(0), caps.get(1)) else { continue };
        let (rest, width) = scan.rest_of_line(all.end());
        if width > MAX_LINE || !assign::secret_key(key.as_str()) {
            continue;
        }
        let Some(v) = assign::value_at(rest, bare) else { continue };
        if !value::looks_like_secret(v) {
            continue;
        }
        let (line, _) = scan.index.position(key.start());
        // A line already reported (a provider token, a URL password, an
        // earlier assignment) is not reported twice.
        if line == last_line || scan.found.iter().any(|f| f.0 == line) {
            continue;
        }
        last_line = line;
        let msg = format!("hard-coded secret in '{}' ({}, {} characters): {ADVICE}", key.as_str(), value::mask(v), v.len());
        scan.report(key.start(), Severity::Error, "secret-hardcoded", msg);
    }
}
