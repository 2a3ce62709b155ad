//! Risky code, scanned in JavaScript and TypeScript (and, for TLS, in every
//! text but Markdown): code that runs strings, builds shell commands from
//! templates or turns TLS verification off. Always warnings: sometimes
//! deliberate, always worth a look. One finding per rule and file (the
//! first, with a count). `lib/check/rules/risks.js` is the twin.
//!
//! | rule | severity | catches | lets pass |
//! |---|---|---|---|
//! | `eval` | warning | `eval(` not preceded by an identifier character or `.` | `x.eval(`, `myeval(` |
//! | `new-function` | warning | `new Function(` | `new FunctionX(` |
//! | `shell-injection` | warning | `exec(`/`execSync(` with a template literal holding `${` | a plain string or template without substitutions |
//! | `tls-verification-disabled` | warning | `NODE_TLS_REJECT_UNAUTHORIZED=0`, `rejectUnauthorized: false`, Python's `verify=False` | the same in Markdown |
//!
//! Nothing is looked for in Markdown or in declaration files (`.d.ts`):
//! neither runs.

use super::position::LineIndex;
use super::{Analysis, FileContext, FileKind, Severity};
use crate::syntax::Lang;
use regex::Regex;
use std::sync::OnceLock;

/// Every rule of the family: `(id, severity, summary)`, for `check --help`.
pub const RULES: &[(&str, &str, &str)] = &[
    ("eval", "warning", "call to eval: runs a string as code"),
    ("new-function", "warning", "Function constructor: builds code from a string"),
    ("shell-injection", "warning", "shell command built from a template literal (command injection risk)"),
    ("tls-verification-disabled", "warning", "TLS certificate verification disabled"),
];

/// Patterns, in `RULES` order (the JS twin has the same text).
const PATTERNS: &[&str] = &[
    r"eval[ \t\r\n]*\(",
    r"new[ \t\r\n]+Function[ \t\r\n]*\(",
    r"exec(?:Sync)?[ \t\r\n]*\([ \t\r\n]*`[^`]*\$\{",
    r#"NODE_TLS_REJECT_UNAUTHORIZED["']?[ \t]*[:=][ \t]*["']?0|rejectUnauthorized[ \t\r\n]*:[ \t\r\n]*false|verify[ \t]*=[ \t]*False"#,
];

fn compiled() -> Option<&'static Vec<Regex>> {
    static SET: OnceLock<Option<Vec<Regex>>> = OnceLock::new();
    SET.get_or_init(|| PATTERNS.iter().map(|p| Regex::new(p).ok()).collect()).as_ref()
}

fn ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// Reports risky code found in `text` into `out`.
pub fn check(text: &str, ctx: &FileContext, out: &mut Analysis) {
    // Declaration files do not run (`eval(script: string)` there is a
    // method signature); Markdown shows code, it does not run it.
    if matches!(ctx.kind, FileKind::Markdown | FileKind::Script(Lang::Dts)) {
        return;
    }
    let script = matches!(ctx.kind, FileKind::Script(_));
    let Some(set) = compiled() else { return };
    let bytes = text.as_bytes();
    let index = LineIndex::new(text);
    for (i, re) in set.iter().enumerate() {
        if i < 3 && !script {
            continue;
        }
        let mut first = None;
        let mut count = 0;
        for m in re.find_iter(text) {
            let before = m.start().checked_sub(1).map(|k| bytes[k]);
            // A word of its own: not `myeval(`, `x.eval(`, `renew Function`.
            if before.is_some_and(|b| ident_byte(b) || (i == 0 && b == b'.')) {
                continue;
            }
            // `False`/`false`/`0` end there: not `falsey`, `01`.
            if i == 3 && bytes.get(m.end()).copied().is_some_and(ident_byte) {
                continue;
            }
            count += 1;
            first.get_or_insert(m.start());
        }
        if let Some(at) = first {
            let (rule, _, what) = RULES[i];
            let more = if count > 1 { format!(" ({count} occurrences, first shown)") } else { String::new() };
            let (line, column) = index.position(at);
            out.push(Severity::Warning, rule, format!("{what}{more}"), line, column);
        }
    }
}
