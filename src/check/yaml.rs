//! YAML files (YAML 1.2, every document of a stream), parsed by
//! `saphyr-parser`'s event stream. `lib/check/rules/yaml.js` (the `yaml`
//! package, the referee) is the JavaScript twin.
//!
//! | rule | severity | catches | lets pass |
//! |---|---|---|---|
//! | `yaml-syntax` | error | the first place the stream stops being YAML (bad indentation, unclosed quote or bracket, tab indentation, an alias to no anchor) | anchors and aliases, merge keys, tags, multi-document streams, comments |
//! | `yaml-duplicate-key` | error | a scalar key repeated in one mapping (YAML forbids it; loaders keep the last silently) | keys that look alike but are different values (`1` and `"1"`), complex keys |
//!
//! Messages are fixed per rule (the parsers word theirs differently), so
//! every backend says the same.

use super::position::LineIndex;
use super::{Analysis, Severity};
use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashSet;

/// The family's rules for `check --help`: (id, severity, summary).
pub const RULES: &[(&str, Severity, &str)] = &[
    ("yaml-syntax", Severity::Error, "YAML 1.2: the first place the stream stops being YAML"),
    ("yaml-duplicate-key", Severity::Error, "a key repeated in one mapping"),
];

const SYNTAX: &str = "invalid YAML: the parser stops here";
const DUPLICATE: &str = "duplicate key in this mapping";

/// One open collection: a mapping keeps the keys seen and whether the next
/// node is a key.
enum Open {
    Sequence,
    Mapping { keys: HashSet<String>, at_key: bool },
}

/// A scalar key as the core schema resolves it: plain `1`, `true`, `null`
/// are not the string keys `"1"`, `"true"`, `"null"`.
fn key_of(value: &str, style: ScalarStyle) -> String {
    let typed = style == ScalarStyle::Plain
        && (matches!(value, "" | "~" | "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
            || value.parse::<f64>().is_ok()
            || value.starts_with("0x")
            || value.starts_with("0o"));
    format!("{}{value}", if typed { 't' } else { 's' })
}

/// Char index (saphyr's markers count chars) to byte offset.
fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map(|(b, _)| b).unwrap_or(text.len())
}

/// How many flow closers at their parent's indentation are re-tried.
const MAX_RETRIES: usize = 16;

/// Reports YAML syntax errors and duplicate keys of `text` into `out`.
///
/// saphyr-parser refuses a flow collection closed at its key's indentation
/// (`key: [` ... `]` with the `]` under the `k`), which the `yaml` package,
/// CircleCI and most loaders read: such a line is re-parsed indented by one
/// more space (its findings' columns shift by one on that line only).
pub fn check(text: &str, out: &mut Analysis) {
    let mut src = std::borrow::Cow::Borrowed(text);
    for _ in 0..MAX_RETRIES {
        let mut found = Analysis::default();
        match check_once(&src, &mut found) {
            Some(at) if closes_flow(&src, at) => {
                let lines = LineIndex::new(&src);
                let (line, _) = lines.position(at);
                let start = lines.offset(line, 1);
                src = format!("{} {}", &src[..start], &src[start..]).into();
            }
            _ => {
                out.diagnostics.extend(found.diagnostics);
                return;
            }
        }
    }
    check_once(&src, out);
}

/// Whether the line of byte offset `at` starts with a flow closer.
fn closes_flow(text: &str, at: usize) -> bool {
    let lines = LineIndex::new(text);
    let (line, _) = lines.position(at);
    let start = lines.offset(line, 1);
    matches!(text[start..].trim_start_matches([' ', '\t']).as_bytes().first(), Some(b']' | b'}'))
}

/// One pass: findings into `out`, and the byte offset of the syntax error.
fn check_once(text: &str, out: &mut Analysis) -> Option<usize> {
    let lines = LineIndex::new(text);
    let at = |chars: usize| lines.position(byte_offset(text, chars));
    let mut stack: Vec<Open> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    // A node begins: in a mapping it alternates key, value.
    fn begins(stack: &mut [Open]) -> bool {
        match stack.last_mut() {
            Some(Open::Mapping { at_key, .. }) => {
                let was_key = *at_key;
                *at_key = !*at_key;
                was_key
            }
            _ => false,
        }
    }
    while let Some(next) = parser.next_event() {
        let (event, span) = match next {
            Ok(e) => e,
            Err(e) => {
                let (line, column) = at(e.marker().index());
                out.push(Severity::Error, "yaml-syntax", SYNTAX, line, column);
                return Some(byte_offset(text, e.marker().index()));
            }
        };
        match event {
            Event::Scalar(value, style, ..) => {
                let is_key = begins(&mut stack);
                if let (true, Some(Open::Mapping { keys, .. })) = (is_key, stack.last_mut()) {
                    if !keys.insert(key_of(&value, style)) {
                        let (line, column) = at(span.start.index());
                        out.push(Severity::Error, "yaml-duplicate-key", DUPLICATE, line, column);
                    }
                }
            }
            Event::Alias(_) => {
                begins(&mut stack);
            }
            Event::SequenceStart(..) => {
                begins(&mut stack);
                stack.push(Open::Sequence);
            }
            Event::MappingStart(..) => {
                begins(&mut stack);
                stack.push(Open::Mapping { keys: HashSet::new(), at_key: true });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                stack.pop();
            }
            Event::StreamEnd => break,
            _ => {}
        }
    }
    None
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
    fn duplicates_and_syntax() {
        assert_eq!(rules("a: 1\nb:\n  c: 1\n  c: 2\n"), vec![("yaml-duplicate-key", 4, 3)]);
        assert_eq!(rules("a: 1\n\"1\": x\n1: y\n"), vec![]);
        assert_eq!(rules("a: &x [1]\nb: *x\n---\na: 2\n"), vec![]);
        assert_eq!(rules("a: [1, 2\n").first().map(|r| r.0), Some("yaml-syntax"));
        assert_eq!(rules("a:\n  b: [\n    1\n  ]\n  c: 2\n"), vec![]);
    }
}
