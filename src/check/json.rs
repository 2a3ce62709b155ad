//! JSON files: strict JSON (RFC 8259, as `JSON.parse` accepts it) with the
//! first error's position and V8's wording (`crate::json`), and JSONC.
//!
//! | rule | severity | catches | lets pass |
//! |---|---|---|---|
//! | `json-syntax` | error | the first place the text stops being JSON | duplicate keys (JSON allows them) |
//! | `json-comments` | warning | a `.json` file that is valid JSONC but not JSON (comments, trailing commas: config files read by tools that allow them, e.g. firebase.json, cjson) | — (an error in package.json, package-lock.json, npm-shrinkwrap.json, composer.json, which their tools parse strictly) |
//! | `jsonc-syntax` | error | the same in JSONC (tsconfig.json and kin) | `//` and `/* */` comments, trailing commas, duplicate keys, an empty file (TypeScript reads it as `{}`) |
//!
//! JSONC is checked by blanking comments and trailing commas (same length,
//! line breaks kept, so positions stay true) and running the strict
//! checker: one grammar and one wording on every backend.
//! `lib/check/rules/json.js` is the JavaScript twin.

use super::position::LineIndex;
use super::{Analysis, Severity};

/// The family's rules for `check --help`: (id, severity, summary).
pub const RULES: &[(&str, Severity, &str)] = &[
    ("json-syntax", Severity::Error, "strict JSON: the first place the text stops being JSON"),
    ("json-comments", Severity::Warning, "a .json file with comments or trailing commas (valid JSONC; an error in package.json and other strictly parsed files)"),
    ("jsonc-syntax", Severity::Error, "JSONC (tsconfig.json, .vscode/*.json, *.jsonc): the same, comments and trailing commas allowed"),
];

/// JSON files their tools parse strictly: comments there break the tool.
const STRICT_NAMES: [&str; 4] = ["package.json", "package-lock.json", "npm-shrinkwrap.json", "composer.json"];

/// Reports the first JSON syntax error of `text` (the file at `path`) into
/// `out`: an error, or a warning where the text is valid JSONC and the file
/// is not one its tools parse strictly (a comment is not a broken file).
pub fn check(text: &str, path: &str, out: &mut Analysis) {
    let Some(e) = crate::json::check(text.as_bytes(), true) else { return };
    let base = path.rsplit(['/', '\\']).next().unwrap_or(path).to_ascii_lowercase();
    let is_jsonc = || blank_jsonc(text).is_ok_and(|b| !b.trim().is_empty() && crate::json::check(b.as_bytes(), true).is_none());
    if !STRICT_NAMES.contains(&base.as_str()) && is_jsonc() {
        let message = format!("not strict JSON (comments or trailing commas; JSON.parse refuses it): {}", e.message);
        out.push(Severity::Warning, "json-comments", message, e.line as u32, e.column as u32);
    } else {
        out.push(Severity::Error, "json-syntax", e.message, e.line as u32, e.column as u32);
    }
}

/// `text` with comments and trailing commas replaced by spaces (line breaks
/// kept), or `Err(offset)` of a block comment that is never closed.
pub fn blank_jsonc(text: &str) -> Result<String, usize> {
    let s = text.as_bytes();
    let n = s.len();
    let mut out = s.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    };
    let mut last_comma: Option<usize> = None;
    let mut i = 0;
    while i < n {
        let c = s[i];
        let next = s.get(i + 1).copied();
        if c == b'"' {
            last_comma = None;
            i += 1;
            while i < n && s[i] != b'"' && s[i] != b'\n' {
                i += if s[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
        } else if c == b'/' && next == Some(b'/') {
            let mut j = i;
            while j < n && s[j] != b'\n' && s[j] != b'\r' {
                j += 1;
            }
            blank(&mut out, i, j);
            i = j;
        } else if c == b'/' && next == Some(b'*') {
            let end = memchr::memmem::find(&s[i + 2..], b"*/").ok_or(i)? + i + 2;
            blank(&mut out, i, end + 2);
            i = end + 2;
        } else {
            match c {
                b',' => last_comma = Some(i),
                b'}' | b']' => {
                    if let Some(k) = last_comma.take() {
                        out[k] = b' ';
                    }
                }
                b' ' | b'\t' | b'\n' | b'\r' => {}
                _ => last_comma = None,
            }
            i += 1;
        }
    }
    // Only ASCII bytes outside strings were replaced by spaces.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// Reports the first JSONC syntax error of `text` into `out`.
pub fn check_jsonc(text: &str, out: &mut Analysis) {
    match blank_jsonc(text) {
        Err(at) => {
            let (line, column) = LineIndex::new(text).position(at);
            out.push(Severity::Error, "jsonc-syntax", "Unterminated comment in JSONC", line, column);
        }
        Ok(plain) if plain.trim().is_empty() => {}
        Ok(plain) => {
            if let Some(e) = crate::json::check(plain.as_bytes(), true) {
                out.push(Severity::Error, "jsonc-syntax", e.message, e.line as u32, e.column as u32);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonc_allows_comments_and_trailing_commas() {
        let mut a = Analysis::default();
        check_jsonc("{\n  // c\n  \"a\": [1, 2,], /* x */\n}\n", &mut a);
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        check_jsonc("{\"a\": 1 \"b\": 2}", &mut a);
        assert_eq!(a.diagnostics.len(), 1);
        assert_eq!(a.diagnostics[0].rule, "jsonc-syntax");
    }
}
