//! Rust quality rules: calls that panic at run time. They apply to code
//! only: comments, string and char literals are blanked out first (same
//! length, line breaks kept, so positions stay true), and test code
//! (`#[test]` functions and `#[cfg(test)]` items), where unwrapping is the
//! norm, is skipped. `lib/check/rules/rust.js` is the JavaScript twin.
//!
//! | rule | severity | catches |
//! |---|---|---|
//! | `rust-todo` | error | `todo!` (unfinished code panics when reached) |
//! | `rust-unimplemented` | error | `unimplemented!` |
//! | `rust-unwrap` | warning | `.unwrap()` |
//! | `rust-expect` | warning | `.expect(` |
//! | `rust-panic` | warning | `panic!` (may be deliberate) |
//!
//! Lets pass: the same words in comments, strings, char literals, raw
//! strings, and in test items; `unwrap_or`, `unwrap_or_else` and kin.

use super::position::LineIndex;
use super::{Analysis, Severity};
use regex::bytes::Regex;
use std::sync::OnceLock;

/// The family's rules for `check --help`: `(id, severity, summary)`.
pub const RULES: &[(&str, Severity, &str)] = &[
    ("rust-todo", Severity::Error, "Rust: todo! left in code (outside comments, strings and tests)"),
    ("rust-unimplemented", Severity::Error, "Rust: unimplemented! left in code"),
    ("rust-unwrap", Severity::Warning, "Rust: .unwrap() (panics on None/Err)"),
    ("rust-expect", Severity::Warning, "Rust: .expect( (panics on None/Err)"),
    ("rust-panic", Severity::Warning, "Rust: panic!"),
];

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `text` with comments and string/char literals replaced by spaces (line
/// breaks kept), byte for byte.
pub fn mask(text: &str) -> Vec<u8> {
    let s = text.as_bytes();
    let n = s.len();
    let mut out = s.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to.min(n)] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    };
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let mut i = 0;
    while i < n {
        let c = s[i];
        let next = at(i + 1);
        if c == b'/' && next == b'/' {
            let mut j = i;
            while j < n && s[j] != b'\n' && s[j] != b'\r' {
                j += 1;
            }
            blank(&mut out, i, j);
            i = j;
        } else if c == b'/' && next == b'*' {
            // Block comments nest in Rust.
            let mut depth = 0usize;
            let mut j = i;
            while j < n {
                if s[j] == b'/' && at(j + 1) == b'*' {
                    depth += 1;
                    j += 2;
                } else if s[j] == b'*' && at(j + 1) == b'/' {
                    j += 2;
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if c == b'"' || (matches!(c, b'r' | b'b' | b'c') && !(i > 0 && is_ident(s[i - 1]))) {
            match string_end(s, i) {
                Some(end) => {
                    blank(&mut out, i, end);
                    i = end;
                }
                None => i += 1,
            }
        } else if c == b'\'' {
            let end = char_end(text, i);
            blank(&mut out, i, end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// End (exclusive) of the string literal starting at `i` (`"..."`,
/// `b"..."`, `c"..."`, `r#"..."#`, `br"..."`, ...), or None when none
/// starts there.
fn string_end(s: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let mut j = i;
    if matches!(at(j), b'b' | b'c') {
        j += 1;
    }
    if at(j) == b'r' {
        j += 1;
        let mut hashes = 0;
        while at(j) == b'#' {
            hashes += 1;
            j += 1;
        }
        if at(j) != b'"' {
            return None;
        }
        let mut close = vec![b'"'];
        close.extend(std::iter::repeat_n(b'#', hashes));
        let from = j + 1;
        return Some(match memchr::memmem::find(&s[from.min(s.len())..], &close) {
            Some(k) => from + k + close.len(),
            None => s.len(),
        });
    }
    if at(j) != b'"' {
        return None;
    }
    j += 1;
    while j < s.len() {
        match s[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    Some(s.len())
}

/// End (exclusive) of a char literal at `i`, or `i + 1` when the quote
/// starts a lifetime or label (`'a`, `'static`), which is code.
fn char_end(text: &str, i: usize) -> usize {
    let s = text.as_bytes();
    if s.get(i + 1) == Some(&b'\\') {
        // Longest escape: '\u{10FFFF}'.
        return match s.get(i + 3..).and_then(|rest| memchr::memchr(b'\'', rest)) {
            Some(k) if k + 3 <= 12 => i + 3 + k + 1,
            _ => i + 1,
        };
    }
    let Some(c) = text.get(i + 1..).and_then(|rest| rest.chars().next()) else {
        return i + 1;
    };
    let after = i + 1 + c.len_utf8();
    if s.get(after) == Some(&b'\'') {
        after + 1
    } else {
        i + 1
    }
}

fn regexes() -> &'static (Regex, Regex, Regex, Regex) {
    static R: OnceLock<(Regex, Regex, Regex, Regex)> = OnceLock::new();
    R.get_or_init(|| {
        let re = |p: &str| Regex::new(p).expect("static pattern");
        (
            re(r"(?-u:\.)\s*(unwrap)\s*\(\s*\)|\.\s*(expect)\s*\(|(?-u:\b)(panic|todo|unimplemented)\s*!"),
            re(r"#\[\s*(test|cfg\s*\(([^\]]*)\))\s*\]"),
            re(r"(?-u:\b)test(?-u:\b)"),
            re(r"(?-u:\b)not\s*\("),
        )
    })
}

/// `[start, end)` byte ranges of test items in masked code.
fn test_ranges(code: &[u8]) -> Vec<(usize, usize)> {
    let (_, attr, test_word, not_call) = regexes();
    let mut ranges = Vec::new();
    for m in attr.captures_iter(code) {
        let whole = m.get(0).expect("group 0");
        if let Some(cfg) = m.get(2) {
            let cfg = cfg.as_bytes();
            if !test_word.is_match(cfg) || not_call.is_match(cfg) {
                continue;
            }
        }
        let mut j = whole.end();
        while j < code.len() && code[j] != b'{' && code[j] != b';' {
            j += 1;
        }
        if code.get(j) != Some(&b'{') {
            continue;
        }
        let mut depth = 0usize;
        while j < code.len() {
            if code[j] == b'{' {
                depth += 1;
            } else if code[j] == b'}' {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            j += 1;
        }
        ranges.push((whole.start(), j + 1));
    }
    ranges
}

/// Reports panicking calls in `text` (Rust source) into `out`.
pub fn check(text: &str, out: &mut Analysis) {
    let (calls, ..) = regexes();
    let code = mask(text);
    let skip = test_ranges(&code);
    let mut index = None;
    for m in calls.captures_iter(&code) {
        let whole = m.get(0).expect("group 0");
        if skip.iter().any(|&(a, b)| whole.start() >= a && whole.start() < b) {
            continue;
        }
        let name = m.get(1).or(m.get(2)).or(m.get(3)).expect("one group matches");
        let (severity, rule, message) = match name.as_bytes() {
            b"unwrap" => (Severity::Warning, "rust-unwrap", "`.unwrap()` panics on None/Err: handle the error or propagate it with `?`"),
            b"expect" => (Severity::Warning, "rust-expect", "`.expect()` panics on None/Err: handle the error or propagate it with `?`"),
            b"panic" => (Severity::Warning, "rust-panic", "`panic!` aborts the caller: return an error instead"),
            b"todo" => (Severity::Error, "rust-todo", "`todo!` left in code: unfinished code panics when reached"),
            _ => (Severity::Error, "rust-unimplemented", "`unimplemented!` left in code: panics when reached"),
        };
        // Point at the name, not the dot before it.
        let index = index.get_or_insert_with(|| LineIndex::new(text));
        let (line, column) = index.position(name.start());
        out.push(severity, rule, message, line, column);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> Vec<(&'static str, u32, u32)> {
        let mut a = Analysis::default();
        check(text, &mut a);
        a.diagnostics.iter().map(|d| (d.rule, d.line, d.column)).collect()
    }

    #[test]
    fn code_only_and_not_tests() {
        let src = "fn a() { x.unwrap(); todo!() }\n// y.unwrap()\nlet s = \"z.unwrap()\"; let r = r#\"q.unwrap()\"#;\n#[cfg(test)]\nmod t { fn b() { c.unwrap(); } }\nfn d<'a>(v: &'a str) { v.expect(\"e\"); }";
        assert_eq!(rules(src), vec![("rust-unwrap", 1, 12), ("rust-todo", 1, 22), ("rust-expect", 6, 26)]);
    }
}
