//! How check results are shown, exactly as the Node CLI shows them
//! (lib/cli/report.js): compiler-style lines and a summary for people; one
//! JSON document, laid out as `JSON.stringify(doc, null, 2)`, for programs.

use serde_json::{json, Value};

/// One checked file: its shown path, kind, whether from the cache, and its
/// diagnostics (JSON objects `{line, column, severity, rule, message}`).
pub struct FileResult {
    /// The path as printed (relative to the working folder when inside).
    pub shown: String,
    /// The absolute path (the sort key).
    pub path: std::path::PathBuf,
    /// What it was checked as.
    pub kind: &'static str,
    /// Whether the content-derived part came from the cache.
    pub cached: bool,
    /// Findings, sorted by position then rule.
    pub diagnostics: Vec<Value>,
}

/// Counts over a report.
#[derive(Default)]
pub struct Summary {
    /// Files checked (missing arguments not counted).
    pub files: usize,
    /// Files answered from the cache.
    pub cached: usize,
    /// Error-level findings.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

impl Summary {
    /// Counts `results`, of which `files` were files found.
    pub fn of(results: &[FileResult], files: usize) -> Summary {
        let mut s = Summary { files, ..Summary::default() };
        for r in results {
            s.cached += r.cached as usize;
            for d in &r.diagnostics {
                if d["severity"] == "error" {
                    s.errors += 1;
                } else {
                    s.warnings += 1;
                }
            }
        }
        s
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `path:line:column: severity: message [rule]` (no position for whole-file
/// findings); in a notebook `path: cell N, line L, column C: ...`.
pub fn format_diagnostic(file: &str, d: &Value) -> String {
    let line = d["line"].as_u64().unwrap_or(0);
    let column = d["column"].as_u64().unwrap_or(0);
    let where_ = match d["cell"].as_u64().filter(|&c| c > 0) {
        Some(cell) if line > 0 => format!("{file}: cell {cell}, line {line}, column {column}"),
        Some(cell) => format!("{file}: cell {cell}"),
        None if line > 0 => format!("{file}:{line}:{column}"),
        None => file.to_string(),
    };
    format!(
        "{where_}: {}: {} [{}]",
        d["severity"].as_str().unwrap_or(""),
        d["message"].as_str().unwrap_or(""),
        d["rule"].as_str().unwrap_or("")
    )
}

/// Every diagnostic as a line, then the summary line.
pub fn human(results: &[FileResult], s: &Summary) -> String {
    let mut out = String::new();
    for r in results {
        for d in &r.diagnostics {
            out.push_str(&format_diagnostic(&r.shown, d));
            out.push('\n');
        }
    }
    let from_cache = if s.cached > 0 { format!(" ({} from cache)", s.cached) } else { String::new() };
    out.push_str(&format!(
        "{} checked{from_cache}: {}, {}\n",
        plural(s.files, "file"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning")
    ));
    out
}

/// The JSON document of `check --json`.
pub fn json_doc(results: &[FileResult], s: &Summary, version: &str) -> String {
    let files: Vec<Value> = results
        .iter()
        .map(|r| json!({"path": r.shown, "kind": r.kind, "cached": r.cached, "diagnostics": r.diagnostics}))
        .collect();
    let doc = json!({
        "tool": "cfn-accel",
        "version": version,
        "backend": "native",
        "ok": s.errors == 0,
        "summary": {"files": s.files, "cached": s.cached, "errors": s.errors, "warnings": s.warnings},
        "files": files,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
