//! What Markdown's links depend on besides the document's text: whether the
//! file a relative link names exists, and whether a `#fragment` is an anchor
//! of the document it names. Twin of lib/check/links.js (rules and
//! severities documented there).

use crate::paths;
use cfn_accel_core::check::{self, FileContext, FileKind};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const USER_CONTENT: &str = "user-content-";

/// The anchors of linked Markdown files, each read and analysed once per run.
#[derive(Default)]
pub struct Anchors {
    by_file: Mutex<HashMap<PathBuf, Option<Vec<String>>>>,
}

impl Anchors {
    fn of(&self, file: &Path) -> Option<Vec<String>> {
        if let Some(known) = self.by_file.lock().ok().and_then(|m| m.get(file).cloned()) {
            return known;
        }
        let found = std::fs::read(file).ok().map(|bytes| {
            let text = String::from_utf8_lossy(&bytes);
            let ctx = FileContext { path: &file.to_string_lossy(), kind: FileKind::Markdown, source_type: None };
            check::analyze(&text, &ctx).anchors
        });
        if let Ok(mut m) = self.by_file.lock() {
            m.insert(file.to_path_buf(), found.clone());
        }
        found
    }
}

/// Whether `fragment` names one of `anchors` (GitHub compares lowercase).
fn has_anchor<'a>(anchors: impl IntoIterator<Item = &'a str>, fragment: &str) -> bool {
    let f = fragment.to_lowercase();
    let f = f.strip_prefix(USER_CONTENT).unwrap_or(&f);
    anchors.into_iter().any(|a| a == f)
}

fn is_markdown(p: &Path) -> bool {
    p.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// The disk-dependent findings of the analysed document `file`.
pub fn check(file: &Path, analysis: &Value, anchors: &Anchors) -> Vec<Value> {
    let mut out = Vec::new();
    let dir = file.parent().unwrap_or(Path::new("/"));
    let own: Vec<&str> = analysis["anchors"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    for link in analysis["links"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
        let target = link["target"].as_str().unwrap_or("");
        let fragment = link["fragment"].as_str();
        let (line, column) = (link["line"].as_u64().unwrap_or(0), link["column"].as_u64().unwrap_or(0));
        let missing_anchor = |f: &str, where_: String| {
            json!({"line": line, "column": column, "severity": "warning", "rule": "md-broken-anchor",
                   "message": format!("no heading or anchor '#{f}' in {where_}")})
        };
        if target.is_empty() {
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                if !has_anchor(own.iter().copied(), f) {
                    out.push(missing_anchor(f, "this document".into()));
                }
            }
            continue;
        }
        let resolved = paths::resolve(dir, target);
        if !resolved.exists() {
            out.push(json!({"line": line, "column": column, "severity": "error", "rule": "md-broken-link",
                            "message": format!("link target '{target}' does not exist")}));
            continue;
        }
        if let Some(f) = fragment.filter(|f| !f.is_empty()) {
            if is_markdown(&resolved) {
                if let Some(theirs) = anchors.of(&resolved) {
                    if !has_anchor(theirs.iter().map(String::as_str), f) {
                        out.push(missing_anchor(f, format!("'{target}'")));
                    }
                }
            }
        }
    }
    out
}
