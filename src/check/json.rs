//! JSON files: strict JSON (RFC 8259, as `JSON.parse` accepts it) with the
//! first error's position and V8's wording (`crate::json`).
//!
//! | rule | severity | catches |
//! |---|---|---|
//! | `json-syntax` | error | the first place the text stops being JSON |

use super::{Analysis, Severity};

/// Reports the first JSON syntax error of `text` into `out`.
pub fn check(text: &str, out: &mut Analysis) {
    if let Some(e) = crate::json::check(text.as_bytes(), true) {
        out.push(Severity::Error, "json-syntax", e.message, e.line as u32, e.column as u32);
    }
}

/// JSON with comments and trailing commas (tsconfig.json and kin). Not
/// checked yet beyond the scans every text gets.
pub fn check_jsonc(_text: &str, _out: &mut Analysis) {}
