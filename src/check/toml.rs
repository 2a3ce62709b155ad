//! TOML files, parsed by the `toml` crate (toml-rs). `lib/check/rules/toml.js`
//! (smol-toml) is the JavaScript twin; Python's `tomllib` is the referee in
//! the suite.
//!
//! | rule | severity | catches | lets pass |
//! |---|---|---|---|
//! | `toml-syntax` | error | the first place the text stops being TOML | every valid TOML 1.0 document |
//! | `toml-duplicate-key` | error | a key or table defined twice (TOML forbids it) | dotted keys and sub-tables that extend a table, arrays of tables |
//!
//! Messages are fixed per rule (the parsers word theirs differently), so
//! every backend says the same.

use super::position::LineIndex;
use super::{Analysis, Severity};

/// The family's rules for `check --help`: (id, severity, summary).
pub const RULES: &[(&str, Severity, &str)] = &[
    ("toml-syntax", Severity::Error, "TOML 1.0: the first place the text stops being TOML"),
    ("toml-duplicate-key", Severity::Error, "a key or table defined twice"),
];

const SYNTAX: &str = "invalid TOML: the parser stops here";
const DUPLICATE: &str = "this key or table is already defined";

/// Reports the first TOML error of `text` into `out`.
pub fn check(text: &str, out: &mut Analysis) {
    let Err(e) = toml::de::DeTable::parse(text) else {
        return;
    };
    let at = e.span().map(|s| s.start).unwrap_or(0);
    let (line, column) = LineIndex::new(text).position(at);
    if e.message().contains("duplicate") {
        out.push(Severity::Error, "toml-duplicate-key", DUPLICATE, line, column);
    } else {
        out.push(Severity::Error, "toml-syntax", SYNTAX, line, column);
    }
}
