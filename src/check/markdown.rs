//! Markdown documents as CommonMark sees them (with GitHub's tables), parsed
//! by pulldown-cmark. `lib/check/rules/markdown.js` (markdown-it) is the
//! JavaScript twin; the suite compares the two on every README in
//! node_modules. Whether a linked file or anchor exists depends on the disk:
//! `Analysis::links` lists the local links for `lib/check/links.js`, and
//! `Analysis::anchors` the anchors this document defines (GitHub's heading
//! slugs: lowercase, punctuation but `-` and `_` dropped, spaces to `-`,
//! repeats get `-1`, `-2`; and HTML `name=`/`id=`).
//!
//! | rule | severity | catches | lets pass |
//! |---|---|---|---|
//! | `md-broken-link` | error | a relative link or image to a file that does not exist (links.js) | URLs with a scheme, protocol- and root-relative links (the site root is unknown) |
//! | `md-broken-anchor` | warning | a link to a `#fragment` no heading or HTML anchor of the target defines (links.js) | fragments of non-Markdown targets |
//! | `md-unclosed-fence` | warning | a fence never closed (CommonMark runs it to the end of its container, rarely meant) | a fence closed by a longer one |
//! | `md-empty-link` | warning | `[text]()`, `[text](<>)` | `[text](#)` |
//! | `md-heading-space` | warning | `#Heading` starting a paragraph (not a heading without the space) | `#123`, hashtags inside a line |
//! | `md-empty-heading` | warning | a heading with no text | |
//! | `md-heading-increment` | warning | a heading more than one level below the previous one | going back up any number of levels |
//!
//! Nothing CommonMark does not make a link is one: text in code spans,
//! fenced or indented code, HTML blocks and comments, after an escaped `\[`,
//! or `[x][y]` with no definition of `y` (plain text). YAML front matter is
//! skipped.

use super::position::LineIndex;
use super::{Analysis, LocalLink, Severity};
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The family's rules for `check --help`: (id, severity, summary).
pub const RULES: &[(&str, Severity, &str)] = &[
    ("md-broken-link", Severity::Error, "a relative link or image to a file that does not exist"),
    ("md-broken-anchor", Severity::Warning, "a link to a #heading the target document does not define (GitHub slugs, HTML name/id)"),
    ("md-unclosed-fence", Severity::Warning, "a code fence never closed (it runs to the end of its container)"),
    ("md-empty-link", Severity::Warning, "a link with an empty target"),
    ("md-heading-space", Severity::Warning, "'#Heading' without the space is not a heading"),
    ("md-empty-heading", Severity::Warning, "a heading with no text"),
    ("md-heading-increment", Severity::Warning, "a heading more than one level below the previous one"),
];

fn html_anchor() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r#"(?i)\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#).expect("valid pattern"))
}

fn heading_no_space() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"^ {0,3}#{1,6}[A-Za-z]").expect("valid pattern"))
}

/// `%XX` decoded; the raw text when the bytes are not UTF-8 (as
/// `decodeURIComponent` refuses them).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16);
    while i < b.len() {
        if b[i] == b'%' {
            match (b.get(i + 1).and_then(|&c| hex(c)), b.get(i + 2).and_then(|&c| hex(c))) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => return s.to_string(),
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn has_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && s.find(':').is_some_and(|k| s[..k].chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-')))
}

/// The local part of a link destination: `(target, fragment)` for a
/// relative path (target empty for an anchor of the same document), `None`
/// for a URL with a scheme, a protocol- or root-relative link, or an empty one.
pub fn local_target(href: &str) -> Option<(String, Option<String>)> {
    if href.is_empty() || href.starts_with('/') || has_scheme(href) {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(percent_decode(f))),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() && fragment.as_deref().is_none_or(str::is_empty) {
        return None;
    }
    Some((percent_decode(path), fragment))
}

/// GitHub's slug of a heading's text.
pub fn slug(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|&c| c.is_alphabetic() || c.is_numeric() || matches!(c, '_' | '-' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn html_anchors(html: &str, into: &mut Vec<String>) {
    for m in html_anchor().captures_iter(html) {
        if let Some(v) = m.get(1).or(m.get(2)).or(m.get(3)) {
            into.push(v.as_str().to_lowercase());
        }
    }
}

/// Front matter (`---` ... `---`/`...` at the very start) with all but its
/// line breaks removed, so lines keep their numbers and nothing parses it.
fn blank_front_matter(text: &str) -> std::borrow::Cow<'_, str> {
    let first_end = text.find('\n').map(|k| k + 1).unwrap_or(text.len());
    if !(text.starts_with("---") && text[3..first_end].trim().is_empty() && first_end < text.len()) {
        return text.into();
    }
    let mut at = first_end;
    while at < text.len() {
        let end = text[at..].find('\n').map(|k| at + k + 1).unwrap_or(text.len());
        let line = text[at..end].trim_end_matches(['\n', '\r']);
        let line = line.trim_end_matches([' ', '\t']);
        if line == "---" || line == "..." {
            let breaks: String = text[..end].chars().filter(|&c| c == '\n' || c == '\r').collect();
            return format!("{breaks}{}", &text[end..]).into();
        }
        at = end;
    }
    text.into()
}

/// Lines of a text by 0-based number, without their line break.
struct Lines<'a> {
    text: &'a str,
    index: LineIndex<'a>,
}

impl<'a> Lines<'a> {
    fn line(&self, line: u32) -> &'a str {
        let start = self.index.offset(line, 1);
        let rest = &self.text[start..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        &rest[..end]
    }
}

fn indent_column(line: &str) -> u32 {
    (line.len() - line.trim_start_matches([' ', '\t']).len()) as u32 + 1
}

/// Reports Markdown structure problems of `text` into `out`, and its local
/// links and anchors.
pub fn check(text: &str, out: &mut Analysis) {
    let source = blank_front_matter(text);
    let source = source.as_ref();
    let lines = Lines { text: source, index: LineIndex::new(source) };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut prev_level = 0u32;
    let mut heading: Option<(u32, u32, u32, String)> = None; // level, line, column, text
    let mut in_image = 0u32;
    for (event, range) in Parser::new_ext(source, Options::ENABLE_TABLES).into_offset_iter() {
        let (line, column) = lines.index.position(range.start);
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let col = indent_column(lines.line(line));
                heading = Some((level as u32, line, col, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, hl, hc, text)) = heading.take() else { continue };
                if text.trim().is_empty() {
                    out.push(Severity::Warning, "md-empty-heading", "heading has no text", hl, hc);
                }
                if prev_level > 0 && level > prev_level + 1 {
                    out.push(Severity::Warning, "md-heading-increment", format!("heading level jumps from h{prev_level} to h{level}"), hl, hc);
                }
                prev_level = level;
                let s = slug(text.trim());
                let n = seen.entry(s.clone()).or_insert(0);
                out.anchors.push(if *n > 0 { format!("{s}-{n}") } else { s });
                *n += 1;
            }
            Event::Start(Tag::Paragraph) => {
                let src = lines.line(line);
                if heading_no_space().is_match(src) {
                    let col = src.find('#').map(|k| src[..k].encode_utf16().count() as u32 + 1).unwrap_or(1);
                    out.push(Severity::Warning, "md-heading-space", "no space after '#': this line is not a heading", line, col);
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => {
                let open = source[range.start..].trim_start_matches([' ', '\t', '>']);
                let mark = open.chars().next().unwrap_or('`');
                let len = open.chars().take_while(|&c| c == mark).count();
                let (last, _) = lines.index.position(range.end.saturating_sub(1).max(range.start));
                let tail = lines.line(last).trim_start_matches(|c: char| c.is_whitespace() || c == '>').trim_end();
                let closed = last > line && tail.chars().count() >= len && tail.chars().all(|c| c == mark);
                if !closed {
                    let markup: String = std::iter::repeat_n(mark, len).collect();
                    out.push(Severity::Warning, "md-unclosed-fence", format!("code fence opened here ({markup}) is never closed"), line, indent_column(lines.line(line)));
                }
            }
            Event::Start(Tag::Link { link_type, dest_url, .. }) | Event::Start(Tag::Image { link_type, dest_url, .. }) => {
                if range.start < source.len() && source.as_bytes()[range.start] == b'!' {
                    in_image += 1;
                }
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    continue;
                }
                if dest_url.is_empty() {
                    out.push(Severity::Warning, "md-empty-link", "link has an empty target", line, column);
                } else if let Some((target, fragment)) = local_target(&dest_url) {
                    out.links.push(LocalLink { target, fragment, line, column });
                }
            }
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if let (Some(h), 0) = (heading.as_mut(), in_image) {
                    h.3.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => html_anchors(&h, &mut out.anchors),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_commonmark_makes() {
        let mut a = Analysis::default();
        let text = "# T\n\nSee [a](a.md#x) and ![i](img/p.png).\n\n<!-- [c](no.md) -->\n\\[n](no.md) `[s](no.md)`\n\n    [i](no.md)\n";
        check(text, &mut a);
        let got: Vec<_> = a.links.iter().map(|l| (l.target.as_str(), l.line, l.column)).collect();
        assert_eq!(got, vec![("a.md", 3, 5), ("img/p.png", 3, 21)]);
        assert_eq!(a.anchors, vec!["t"]);
        assert_eq!(slug("Sec ✓ & Co."), "sec---co");
    }
}
