//! Inline silencing: a comment (in whatever syntax the file has) saying
//! `cfn-accel-ignore <rule>[, <rule>...]` drops those rules' findings on
//! its own line and on the next line; `cfn-accel-ignore-file <rule>...`
//! drops them in the whole file. Anything after ` -- ` is a reason, for
//! people. A marker names rules explicitly: there is no "ignore all", so a
//! silenced secret rule cannot hide a syntax error.

use super::position::LineIndex;
use super::Diagnostic;

const MARKER: &str = "cfn-accel-ignore";

/// One marker: the rules it names, and the line it silences from (0 for
/// the whole file).
struct Marker {
    line: u32,
    whole_file: bool,
    rules: Vec<String>,
}

/// The rule list after a marker: names of `[a-z0-9-]` separated by commas
/// or spaces, up to ` -- `, the end of the line, or anything else.
fn rule_list(rest: &str) -> Vec<String> {
    let rest = rest.split(" -- ").next().unwrap_or("");
    let mut rules = Vec::new();
    for word in rest.split([',', ' ', '\t']) {
        if word.is_empty() {
            continue;
        }
        if !word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            break;
        }
        rules.push(word.to_string());
    }
    rules
}

fn markers(text: &str) -> Vec<Marker> {
    let mut found = Vec::new();
    let mut index = None;
    for (at, _) in text.match_indices(MARKER) {
        let after = &text[at + MARKER.len()..];
        let (whole_file, rest) = match after.strip_prefix("-file") {
            Some(rest) => (true, rest),
            None => (false, after),
        };
        // The marker is a word of its own: followed by a space or tab.
        if !rest.starts_with([' ', '\t']) {
            continue;
        }
        let line_rest = rest.split(['\n', '\r']).next().unwrap_or("");
        let rules = rule_list(line_rest);
        if rules.is_empty() {
            continue;
        }
        let index = index.get_or_insert_with(|| LineIndex::new(text));
        found.push(Marker { line: index.position(at).0, whole_file, rules });
    }
    found
}

/// Drops from `list` the findings that markers in `text` silence.
pub fn apply(text: &str, list: &mut Vec<Diagnostic>) {
    retain_unsilenced(text, list, |d| (d.rule, d.line));
}

/// Drops from `list` the findings (each seen by `rule_and_line` as its rule
/// and 1-based line) that markers in `text` silence. For findings made
/// outside [`super::analyze`]: the CLIs' link checks, which need the disk.
pub fn retain_unsilenced<T>(text: &str, list: &mut Vec<T>, rule_and_line: impl Fn(&T) -> (&str, u32)) {
    if list.is_empty() || !text.contains(MARKER) {
        return;
    }
    let marks = markers(text);
    list.retain(|d| {
        let (rule, line) = rule_and_line(d);
        !marks
            .iter()
            .any(|m| m.rules.iter().any(|r| r == rule) && (m.whole_file || line == m.line || line == m.line + 1))
    });
}

#[cfg(test)]
mod tests {
    use super::super::{Diagnostic, Severity};
    use super::*;

    fn d(rule: &'static str, line: u32) -> Diagnostic {
        Diagnostic { line, column: 1, severity: Severity::Error, rule, message: String::new(), cell: None }
    }

    #[test]
    fn same_and_next_line_by_rule() {
        let text = "a\n# cfn-accel-ignore secret-hardcoded, eval -- fixture\nb\nc\n";
        let mut list = vec![d("secret-hardcoded", 2), d("eval", 3), d("syntax", 3), d("eval", 4)];
        apply(text, &mut list);
        assert_eq!(list, vec![d("syntax", 3), d("eval", 4)]);
    }

    #[test]
    fn whole_file_and_no_bare_marker() {
        let text = "<!-- cfn-accel-ignore-file md-broken-link -->\nx cfn-accel-ignore\n";
        let mut list = vec![d("md-broken-link", 9), d("syntax", 2)];
        apply(text, &mut list);
        assert_eq!(list, vec![d("syntax", 2)]);
    }
}
