//! A linear pre-scan that bounds how deep swc's recursive descent can go on
//! a text, so that text nested beyond `MAX_NESTING` is refused with a
//! diagnostic instead of overflowing the stack (a segfault on native, a
//! corrupted instance on wasm).
//!
//! The estimate over-counts on purpose: it adds, per open bracket (`(`,
//! `[`, `{`, `${`), one level plus every token that makes the parser recurse
//! without a bracket: prefix operators, right-associative operators (`=`,
//! `?`, `=>`, `**`), `<` (JSX elements, type arguments) and the keywords
//! `new`, `typeof`, `void`, `delete`, `await`, `yield`. A `;` or `,` ends a
//! list item, where swc's loops return to the level's own depth, so it
//! clears the level's count. Strings, comments and template text are
//! skipped. Real code stays far below the limit; the guard is checked by
//! tests that nest each construct past it.

/// Deepest nesting estimate accepted; deeper input gets a diagnostic.
///
/// The binding is wasm's: swc compiled to wasm32 spends about 1 KiB of V8's
/// ~1 MiB native stack per level and overflows near 900 levels of `(`, so
/// 400 keeps a margin of two. Every backend uses the same limit so all
/// three give the same answer.
pub const MAX_NESTING: usize = 400;

/// The nesting estimate of `src`: `Ok(deepest)`, or `Err(offset)` where it
/// first exceeds `limit`.
pub fn estimate(src: &[u8], limit: usize) -> Result<usize, usize> {
    // Per open level: its count of recursing tokens; `true` for `${`.
    let mut levels: Vec<(usize, bool)> = Vec::new();
    let mut top_count = 0usize; // the level outside every bracket
    let mut total = 0usize; // levels.len() + all counts
    let mut i = 0;
    let n = src.len();
    // Whether the previous significant token ends an operand: decides
    // whether `/` starts a regex and whether `+`/`-` are prefix operators.
    let mut after_operand = false;
    let mut deepest = 0usize;
    macro_rules! bump {
        ($at:expr) => {{
            match levels.last_mut() {
                Some(l) => l.0 += 1,
                None => top_count += 1,
            }
            total += 1;
            deepest = deepest.max(total);
            if total > limit {
                return Err($at);
            }
        }};
    }
    while i < n {
        let c = src[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'/' if src.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &src[i..]).map_or(n, |k| i + k);
                continue;
            }
            b'/' if src.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&src[i + 2..], b"*/").map_or(n, |k| i + 2 + k + 2);
                continue;
            }
            b'\'' | b'"' => {
                i = skip_string(src, i + 1, c);
                after_operand = true;
                continue;
            }
            b'`' => {
                i = skip_template(src, i + 1, &mut levels, &mut total);
                deepest = deepest.max(total);
                if total > limit {
                    return Err(i.min(n));
                }
                after_operand = true;
                continue;
            }
            b'/' if !after_operand => {
                i = skip_regex(src, i + 1);
                after_operand = true;
                continue;
            }
            b'(' | b'[' | b'{' => {
                levels.push((0, false));
                total += 1;
                deepest = deepest.max(total);
                if total > limit {
                    return Err(i);
                }
                after_operand = false;
            }
            b')' | b']' | b'}' => {
                if let Some((count, template)) = levels.pop() {
                    total -= 1 + count;
                    if template && c == b'}' {
                        // Back in the template's text.
                        i = skip_template(src, i + 1, &mut levels, &mut total);
                        deepest = deepest.max(total);
                        if total > limit {
                            return Err(i.min(n));
                        }
                        after_operand = true;
                        continue;
                    }
                }
                after_operand = true;
            }
            b';' | b',' => {
                let count = match levels.last_mut() {
                    Some(l) => std::mem::take(&mut l.0),
                    None => std::mem::take(&mut top_count),
                };
                total -= count;
                after_operand = false;
            }
            // A JSX closing tag (`</a>`) or a self-closing end (`/>`) ends an
            // element the parser recursed into.
            b'<' if src.get(i + 1) == Some(&b'/') => {
                unbump(&mut levels, &mut top_count, &mut total);
                i += 2;
                after_operand = false;
                continue;
            }
            b'/' if src.get(i + 1) == Some(&b'>') => {
                unbump(&mut levels, &mut top_count, &mut total);
                i += 2;
                after_operand = true;
                continue;
            }
            b'=' | b'?' | b'<' | b'!' | b'~' => {
                bump!(i);
                after_operand = false;
            }
            b'+' | b'-' => {
                if !after_operand {
                    bump!(i);
                }
                after_operand = false;
            }
            b'*' if src.get(i + 1) == Some(&b'*') => {
                bump!(i);
                i += 2;
                after_operand = false;
                continue;
            }
            b'\\' => {
                i += 2;
                continue;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80 => {
                let start = i;
                while i < n && (src[i].is_ascii_alphanumeric() || src[i] == b'_' || src[i] == b'$' || src[i] >= 0x80) {
                    i += 1;
                }
                let word = &src[start..i];
                let prefix = matches!(
                    word,
                    b"new" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" | b"return" | b"throw" | b"case" | b"in" | b"of" | b"extends" | b"keyof"
                );
                if matches!(word, b"new" | b"typeof" | b"void" | b"delete" | b"await" | b"yield" | b"extends" | b"keyof") {
                    bump!(start);
                }
                after_operand = !prefix;
                continue;
            }
            _ => after_operand = false,
        }
        i += 1;
    }
    Ok(deepest)
}

fn unbump(levels: &mut [(usize, bool)], top_count: &mut usize, total: &mut usize) {
    let count = match levels.last_mut() {
        Some(l) => &mut l.0,
        None => top_count,
    };
    if *count > 0 {
        *count -= 1;
        *total -= 1;
    }
}

fn skip_string(src: &[u8], mut i: usize, quote: u8) -> usize {
    while i < src.len() {
        match src[i] {
            b'\\' => i += 2,
            b'\n' => return i, // unterminated: let the parser report it
            c if c == quote => return i + 1,
            _ => i += 1,
        }
    }
    src.len()
}

fn skip_regex(src: &[u8], mut i: usize) -> usize {
    let mut in_class = false;
    while i < src.len() {
        match src[i] {
            b'\\' => i += 2,
            b'\n' => return i,
            b'[' => {
                in_class = true;
                i += 1
            }
            b']' => {
                in_class = false;
                i += 1
            }
            b'/' if !in_class => return i + 1,
            _ => i += 1,
        }
    }
    src.len()
}

/// Skips template text up to the closing backtick, or up to a `${`, which
/// opens a level that the matching `}` closes back into the template.
fn skip_template(src: &[u8], mut i: usize, levels: &mut Vec<(usize, bool)>, total: &mut usize) -> usize {
    while i < src.len() {
        match src[i] {
            b'\\' => i += 2,
            b'`' => return i + 1,
            b'$' if src.get(i + 1) == Some(&b'{') => {
                levels.push((0, true));
                *total += 1;
                return i + 2;
            }
            _ => i += 1,
        }
    }
    src.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_code_is_shallow() {
        let src = b"const a = b ? c : d;\nfunction f(x, y) { return x => y => x + y; }\nlet s = `a${b ? `c${d}` : e}f`;";
        assert!(estimate(src, 20).is_ok());
    }

    #[test]
    fn nesting_is_caught() {
        for unit in ["(", "[", "{", "!", "-", "a=", "<a>", "x=>", "a?b:", "new ", "typeof ", "`${", "A<"] {
            let s = unit.repeat(5000);
            assert!(estimate(s.as_bytes(), MAX_NESTING).is_err(), "{unit}");
        }
        assert_eq!(estimate("[1],".repeat(5000).as_bytes(), MAX_NESTING), Ok(1));
        let jsx = format!("x = <div>{}</div>;", "<p>a, b; <b>c</b> <br/></p>".repeat(2000));
        assert!(estimate(jsx.as_bytes(), MAX_NESTING).unwrap() < 10);
    }
}
