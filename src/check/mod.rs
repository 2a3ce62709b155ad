//! The post-edit gate's rules: what `cfn-accel check` says about one file's
//! text, as data in (text, path, kind, source type) and diagnostics out.
//! One module per rule family; `analyze` runs the families a kind has, then
//! the scans every text gets, then drops findings silenced inline.
//!
//! What depends on the disk (whether a linked file or anchor exists) is not
//! decided here: `Analysis::links` lists the local link targets for the
//! caller to look up, so an analysis can be cached by content.
//! `lib/check/rules/` is the JavaScript twin for the js backend; the suite
//! compares the two on real corpora.

pub mod javascript;
pub mod json;
pub mod markdown;
pub mod notebook;
pub mod position;
pub mod risks;
pub mod rust_lint;
pub mod secrets;
pub mod suppress;
pub mod toml;
pub mod yaml;

use crate::syntax::{Lang, SourceKind};

/// Bumped when a rule changes what it reports: cached analyses from before
/// are dropped (the Node CLI's `RULES_VERSION` in lib/check/index.js is the
/// same number).
pub const RULES_VERSION: u32 = 4;
use std::fmt::Write as _;

/// How much a finding matters: an error fails the gate (the hook exits 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails the check.
    Error,
    /// Reported, does not fail the check.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as reported.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line; 0 when it concerns the whole file.
    pub line: u32,
    /// 1-based column in UTF-16 units; 0 with line 0.
    pub column: u32,
    /// Error or warning.
    pub severity: Severity,
    /// Stable rule id, e.g. `syntax`, `secret-github-token`.
    pub rule: &'static str,
    /// What is wrong, for a person.
    pub message: String,
    /// In a notebook: the 1-based cell (line and column are within it).
    pub cell: Option<u32>,
}

/// A relative link target in a document, for the caller to look up on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalLink {
    /// The file the link names, relative to the document's folder, decoded;
    /// empty for a link to an anchor of the same document.
    pub target: String,
    /// The `#fragment`, decoded, if the link has one.
    pub fragment: Option<String>,
    /// 1-based line of the link.
    pub line: u32,
    /// 1-based UTF-16 column of the link.
    pub column: u32,
}

/// What the rules found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Findings, sorted by position, then rule.
    pub diagnostics: Vec<Diagnostic>,
    /// Local link targets still to be checked on disk (Markdown).
    pub links: Vec<LocalLink>,
    /// Anchors this document defines (heading slugs, GitHub's rules), for
    /// links from other documents to `this.md#anchor`.
    pub anchors: Vec<String>,
}

impl Analysis {
    /// Adds a finding at a 1-based line and UTF-16 column.
    pub fn push(&mut self, severity: Severity, rule: &'static str, message: impl Into<String>, line: u32, column: u32) {
        self.diagnostics.push(Diagnostic { line, column, severity, rule, message: message.into(), cell: None });
    }

    /// The analysis as JSON `{diagnostics: [{line, column, severity, rule,
    /// message}], links: [{target, fragment, line, column}], anchors: [..]}`,
    /// the one encoding both bindings hand to JavaScript.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64 + self.diagnostics.len() * 96);
        out.push_str("{\"diagnostics\":[");
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{{\"line\":{},\"column\":{},\"severity\":\"{}\",\"rule\":", d.line, d.column, d.severity.as_str());
            push_json_string(&mut out, d.rule);
            out.push_str(",\"message\":");
            push_json_string(&mut out, &d.message);
            if let Some(cell) = d.cell {
                let _ = write!(out, ",\"cell\":{cell}");
            }
            out.push('}');
        }
        out.push_str("],\"links\":[");
        for (i, l) in self.links.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str("{\"target\":");
            push_json_string(&mut out, &l.target);
            out.push_str(",\"fragment\":");
            match &l.fragment {
                Some(f) => push_json_string(&mut out, f),
                None => out.push_str("null"),
            }
            let _ = write!(out, ",\"line\":{},\"column\":{}}}", l.line, l.column);
        }
        out.push_str("],\"anchors\":[");
        for (i, a) in self.anchors.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_json_string(&mut out, a);
        }
        out.push_str("]}");
        out
    }
}

/// Appends `s` as a JSON string literal.
pub fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// What a file is checked as, decided by its name (`kind_of`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// JavaScript or TypeScript in one of its dialects.
    Script(Lang),
    /// Strict JSON (RFC 8259).
    Json,
    /// JSON with comments and trailing commas (tsconfig.json and kin).
    Jsonc,
    /// CommonMark with GitHub's tables.
    Markdown,
    /// Rust source.
    Rust,
    /// YAML 1.2.
    Yaml,
    /// TOML 1.0.
    Toml,
    /// A Jupyter notebook: each cell checked on its own.
    Notebook,
    /// Anything else: only the scans every text gets.
    Text,
}

impl FileKind {
    /// The kind's name as reported (`js`, ..., `d.ts`, `json`, `jsonc`,
    /// `markdown`, `rust`, `yaml`, `toml`, `text`).
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Script(l) => l.name(),
            FileKind::Json => "json",
            FileKind::Jsonc => "jsonc",
            FileKind::Markdown => "markdown",
            FileKind::Rust => "rust",
            FileKind::Yaml => "yaml",
            FileKind::Toml => "toml",
            FileKind::Notebook => "notebook",
            FileKind::Text => "text",
        }
    }

    /// The kind named `name` (an `as_str` value), or `None`.
    pub fn parse(name: &str) -> Option<FileKind> {
        Some(match name {
            "json" => FileKind::Json,
            "jsonc" => FileKind::Jsonc,
            "markdown" => FileKind::Markdown,
            "rust" => FileKind::Rust,
            "yaml" => FileKind::Yaml,
            "toml" => FileKind::Toml,
            "notebook" => FileKind::Notebook,
            "text" => FileKind::Text,
            other => FileKind::Script(Lang::parse(other).ok()?),
        })
    }
}

/// JSON files that by convention allow comments and trailing commas.
fn is_jsonc_name(path: &str) -> bool {
    let norm = path.replace('\\', "/");
    let base = norm.rsplit('/').next().unwrap_or("");
    let lower = base.to_ascii_lowercase();
    if lower.ends_with(".jsonc") {
        return true;
    }
    if !lower.ends_with(".json") {
        return false;
    }
    let stem = &lower[..lower.len() - 5];
    let named = |prefix: &str| stem == prefix || stem.starts_with(&format!("{prefix}."));
    named("tsconfig")
        || named("jsconfig")
        || lower == ".eslintrc.json"
        || lower == "devcontainer.json"
        || lower == ".devcontainer.json"
        || norm.split('/').rev().nth(1) == Some(".vscode")
}

/// What the file at `path` is checked as, by its name alone.
pub fn kind_of(path: &str) -> FileKind {
    let base = path.rsplit(['/', '\\']).next().unwrap_or(path);
    if let Some(lang) = Lang::of_path(base) {
        return FileKind::Script(lang);
    }
    let ext = base.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "json" if is_jsonc_name(path) => FileKind::Jsonc,
        "json" => FileKind::Json,
        "jsonc" => FileKind::Jsonc,
        "md" | "markdown" => FileKind::Markdown,
        "rs" => FileKind::Rust,
        "yml" | "yaml" => FileKind::Yaml,
        "toml" => FileKind::Toml,
        "ipynb" => FileKind::Notebook,
        _ => FileKind::Text,
    }
}

/// Where a text comes from: the facts rules may depend on besides the text.
#[derive(Debug, Clone, Copy)]
pub struct FileContext<'a> {
    /// The file's path as the user named it (forward or back slashes);
    /// rules look only at its segments and name (a lock file, a test
    /// folder, a minified bundle).
    pub path: &'a str,
    /// What it is checked as.
    pub kind: FileKind,
    /// How Node loads it, for JavaScript (None: the language's default).
    pub source_type: Option<SourceKind>,
}

/// Runs every rule that applies to `text` in `ctx`: the kind's own family,
/// then the secret and risk scans, then drops what inline
/// `cfn-accel-ignore <rule>` comments silence; sorted by position.
pub fn analyze(text: &str, ctx: &FileContext) -> Analysis {
    // Editors do not count a byte-order mark as a column.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if ctx.kind == FileKind::Notebook {
        return notebook::analyze_notebook(text, ctx);
    }
    let mut out = Analysis::default();
    match ctx.kind {
        FileKind::Script(lang) => javascript::check(text, lang, ctx.source_type, &mut out),
        FileKind::Json => json::check(text, ctx.path, &mut out),
        FileKind::Jsonc => json::check_jsonc(text, &mut out),
        FileKind::Markdown => markdown::check(text, &mut out),
        FileKind::Rust => rust_lint::check(text, &mut out),
        FileKind::Yaml => yaml::check(text, &mut out),
        FileKind::Toml => toml::check(text, &mut out),
        FileKind::Text | FileKind::Notebook => {}
    }
    secrets::check(text, ctx, &mut out);
    risks::check(text, ctx, &mut out);
    suppress::apply(text, &mut out.diagnostics);
    sort(&mut out.diagnostics);
    out
}

/// `analyze` with the arguments as the bindings receive them: `kind` a
/// `FileKind` name (None: decided by `path`), `source_type` a `SourceKind`
/// name (None: the language's default). Unknown names are
/// `CfnError::InvalidArg`.
pub fn analyze_named(text: &str, path: &str, kind: Option<&str>, source_type: Option<&str>) -> crate::Result<Analysis> {
    let kind = match kind {
        Some(name) => FileKind::parse(name)
            .ok_or_else(|| crate::CfnError::InvalidArg(format!("unknown file kind '{name}'")))?,
        None => kind_of(path),
    };
    let source_type = source_type.map(SourceKind::parse).transpose()?;
    Ok(analyze(text, &FileContext { path, kind, source_type }))
}

/// Rules reported by the drivers (the CLIs) rather than a family.
const DRIVER_RULES: &[(&str, Severity, &str)] = &[
    ("io", Severity::Error, "a named path that does not exist or a file that cannot be read"),
    ("too-large", Severity::Warning, "a file over 16 MiB, not checked"),
    ("config", Severity::Warning, "a .cfn-accel.json that cannot be used (it then applies nothing)"),
];

/// Every rule, family by family: `(id, severity, summary)`, for
/// `check --help` (the Node CLI prints the same list from lib/check/rules).
pub fn rules() -> Vec<(&'static str, Severity, &'static str)> {
    let families: [&[(&str, Severity, &str)]; 6] =
        [javascript::RULES, json::RULES, yaml::RULES, toml::RULES, markdown::RULES, rust_lint::RULES];
    // The scans name their severities as reported.
    let scans = secrets::RULES.iter().chain(risks::RULES).map(|&(id, severity, summary)| {
        (id, if severity == "error" { Severity::Error } else { Severity::Warning }, summary)
    });
    families.iter().flat_map(|f| f.iter().copied()).chain(scans).chain(DRIVER_RULES.iter().copied()).collect()
}

/// The rules reference `check --help` ends with.
pub fn rules_help() -> String {
    let width = rules().iter().map(|r| r.0.len()).max().unwrap_or(0);
    let mut out = String::from("Rules (silence one with `cfn-accel-ignore <rule>` or .cfn-accel.json):\n");
    for (id, severity, summary) in rules() {
        let _ = writeln!(out, "  {:<7}  {id:<width$}  {summary}", severity.as_str());
    }
    out
}

/// Sorts by cell, line, column, then rule (the order findings are shown in).
pub fn sort(list: &mut [Diagnostic]) {
    list.sort_by(|a, b| (a.cell, a.line, a.column, a.rule).cmp(&(b.cell, b.line, b.column, b.rule)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name() {
        assert_eq!(kind_of("a/b.ts"), FileKind::Script(Lang::Ts));
        assert_eq!(kind_of("x.d.ts"), FileKind::Script(Lang::Dts));
        assert_eq!(kind_of("tsconfig.build.json"), FileKind::Jsonc);
        assert_eq!(kind_of("proj/.vscode/settings.json"), FileKind::Jsonc);
        assert_eq!(kind_of("package.json"), FileKind::Json);
        assert_eq!(kind_of(".github/workflows/ci.yml"), FileKind::Yaml);
        assert_eq!(kind_of("Cargo.toml"), FileKind::Toml);
        assert_eq!(kind_of(".env"), FileKind::Text);
        assert_eq!(FileKind::parse("d.ts"), Some(FileKind::Script(Lang::Dts)));
    }

    #[test]
    fn json_encoding_escapes() {
        let mut a = Analysis::default();
        a.push(Severity::Error, "syntax", "a \"q\"\n\u{1}", 1, 2);
        assert_eq!(
            a.to_json(),
            r#"{"diagnostics":[{"line":1,"column":2,"severity":"error","rule":"syntax","message":"a \"q\"\n\u0001"}],"links":[],"anchors":[]}"#
        );
    }
}
