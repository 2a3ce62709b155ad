//! A second look at TypeScript that swc parses speculatively.
//!
//! swc tries some TypeScript constructs in a throwaway mode that ignores
//! errors (`try_parse_ts`): `export` before `abstract`, `namespace`,
//! `module`, `enum`, `interface` and `type`, and generic arrow functions
//! (`<T,>(x: T) => ...`). When the attempt succeeds, errors inside it are
//! dropped (broken code is reported valid); when it fails, swc falls back
//! and reports an error at the head of the construct instead of where the
//! code is broken. Masking those heads with spaces (same byte offsets, so
//! positions still match the original) makes swc parse them directly: the
//! masked text's errors are the real ones.

use super::Lang;

/// The masked text, the byte ranges where a misplaced error would point,
/// and whether a masked construct holds code (whose errors can be dropped).
pub(super) struct Masked {
    pub text: String,
    pub zones: Vec<(usize, usize)>,
    pub holds_code: bool,
}

const EXPORT_DECLS: &[&[u8]] = &[b"abstract", b"namespace", b"module", b"enum", b"interface", b"type"];
const CODE_DECLS: &[&[u8]] = &[b"abstract", b"namespace", b"module", b"enum"];

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

fn skip_ws(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && s[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn word_at(s: &[u8], i: usize) -> &[u8] {
    let mut j = i;
    while j < s.len() && is_word(s[j]) {
        j += 1;
    }
    &s[i..j]
}

/// Blanks `s[from..to]` except line breaks.
fn blank(s: &mut [u8], from: usize, to: usize) {
    for b in &mut s[from..to] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// The masked copy of `src`, or `None` when nothing speculative is in it
/// (or the scan would cost more than a few passes over the text).
pub(super) fn mask(src: &str, lang: Lang) -> Option<Masked> {
    let s = src.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut zones = Vec::new();
    let mut holds_code = false;
    let mut exported = false;

    for at in memchr::memmem::find_iter(s, b"export") {
        if at > 0 && (is_word(s[at - 1]) || s[at - 1] == b'.') {
            continue;
        }
        if s.get(at + 6).is_some_and(|&c| is_word(c)) {
            continue;
        }
        let k = skip_ws(s, at + 6);
        let kw = word_at(s, k);
        if !EXPORT_DECLS.contains(&kw) {
            continue;
        }
        let after = skip_ws(s, k + kw.len());
        // `export type { A }` and `export type * from` are exports, not declarations.
        if kw == b"type" && matches!(s.get(after), Some(b'{') | Some(b'*')) {
            continue;
        }
        let name_end = after + word_at(s, after).len();
        blank(out.get_or_insert_with(|| s.to_vec()), at, at + 6);
        zones.push((at, name_end.max(k + kw.len())));
        holds_code |= CODE_DECLS.contains(&kw);
        exported = true;
    }

    // Generic arrow heads: `<` where an operand starts, a type parameter
    // list, then `(`. Each scan is bounded, and so is their total.
    let mut budget = 4 * s.len() + 4096;
    for lt in memchr::memchr_iter(b'<', s) {
        let Some(&next) = s.get(lt + 1) else { break };
        if !(next.is_ascii_alphabetic() || next == b'_' || next == b'$') {
            continue;
        }
        let mut p = lt;
        while p > 0 && s[p - 1].is_ascii_whitespace() && lt - p < 64 {
            p -= 1;
        }
        let operand_start = p == 0 || {
            let c = s[p - 1];
            if b"=(,:?[{};!&|".contains(&c) || (c == b'>' && p >= 2 && s[p - 2] == b'=') {
                true
            } else {
                let mut w = p;
                while w > 0 && is_word(s[w - 1]) && p - w < 16 {
                    w -= 1;
                }
                matches!(&s[w..p], b"return" | b"async" | b"default" | b"yield" | b"await")
            }
        };
        if !operand_start {
            continue;
        }
        // The matching `>`; `=>` inside (function types) is no bracket.
        let mut depth = 0usize;
        let mut j = lt;
        let mut gt = None;
        let mut generic = false;
        while j < s.len() && j - lt < 512 {
            match s[j] {
                b'<' => depth += 1,
                b'>' if j > 0 && s[j - 1] == b'=' => {}
                b'>' => {
                    depth -= 1;
                    if depth == 0 {
                        gt = Some(j);
                        break;
                    }
                }
                b';' => break,
                b',' => generic = true,
                b'e' if depth == 1 && s[j..].starts_with(b"extends") && !is_word(s[j - 1]) => generic = true,
                _ => {}
            }
            j += 1;
        }
        budget = budget.saturating_sub(j - lt + 1);
        if budget == 0 {
            return None;
        }
        let Some(gt) = gt else { continue };
        if s.get(skip_ws(s, gt + 1)) != Some(&b'(') {
            continue;
        }
        // In TSX, `<T>(` is an element; only `<T,>` or `<T extends U>` is a
        // type parameter list.
        if lang == Lang::Tsx && !generic {
            continue;
        }
        blank(out.get_or_insert_with(|| s.to_vec()), lt, gt + 1);
        let arrow = memchr::memmem::find(&s[gt..(gt + 2000).min(s.len())], b"=>").map_or(gt + 1, |k| gt + k + 2);
        zones.push((lt, arrow));
        holds_code = true;
    }

    let mut text = out?;
    if exported {
        // Keep the text a module whatever `export`s were masked.
        text.extend_from_slice(b"\n;export {};");
    }
    // Only ASCII bytes were replaced, by ASCII: still UTF-8.
    let text = String::from_utf8(text).ok()?;
    Some(Masked { text, zones, holds_code })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_speculative_heads_only() {
        let m = mask("export interface A { a: T }\nexport type { B } from 'b';\nconst f = <T,>(x: T) => x;\nf<T>(x); a < b > (c);", Lang::Ts).unwrap();
        assert_eq!(
            m.text,
            "       interface A { a: T }\nexport type { B } from 'b';\nconst f =     (x: T) => x;\nf<T>(x); a < b > (c);\n;export {};"
        );
        assert!(m.holds_code);
        assert!(mask("export function f<T>(a: T): T { return a }", Lang::Ts).is_none());
        assert!(mask("x = <div>(a)</div>", Lang::Tsx).is_none());
    }
}
