//! A linear pre-scan that bounds how deep swc's parser recursion and the
//! resulting AST can go on a text, so that text nested beyond `MAX_NESTING`
//! is refused with a diagnostic instead of overflowing the stack (a segfault
//! on native, a trap on wasm), and dropping the AST stays shallow too.
//! `lib/js/depth.js` is the same rule for the js backend: keep them in step.
//!
//! The model is a stack of levels (brackets, template `${`, TypeScript angle
//! brackets, JSX elements). Each level costs one, plus a count of the tokens
//! that nest the parse or the AST without a bracket:
//! - prefix operators and keywords (`!`, `-`, `new`, `await`, `typeof`,
//!   `keyof`, ...), binary and assignment operators (left-nested chains like
//!   `a+a+a` nest the AST), `?` and `=>` (right recursion), `.`/`?.` and
//!   calls or indexing after an operand (`a.b()[c]` nests the AST), tagged
//!   templates, labels (`a: b: ...`);
//! - statement heads: `if`, `for`, `while`, `with`, `do`; `else` counts in a
//!   separate chain that survives `;` (an `if ... else if` chain nests).
//!
//! A level's count is cleared where a list item or statement ends: at `;`
//! and `,`, and at a statement boundary without one (ASI): an operand, then
//! a newline or a `}`, then a word that starts a new statement. The else
//! chain is cleared when a statement ends without `else` after it. JSX
//! elements are levels that only their closing tag or `/>` ends, so text in
//! them cannot reset anything. Strings, comments and template text are
//! skipped. Counts err on the high side; real code stays far below the limit.

/// Deepest nesting estimate accepted; deeper input gets a diagnostic.
///
/// Every backend uses the same limit so all three give the same answer, and
/// the tightest binds: Babel (the js backend) in TypeScript mode overflows
/// V8's default stack at about 370 nested parentheses (swc on wasm32 near
/// 900), so 256 keeps a margin of 1.4. Real code stays far below: the
/// deepest estimate in TypeScript's own 9 MB `typescript.js` is 99.
pub const MAX_NESTING: usize = 256;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Top,
    Bracket,
    /// The `(` after `if`, `for`, `while`, `with`, `switch`, `catch`.
    Head,
    /// `${` inside a template: its `}` goes back to template text.
    Template,
    /// TypeScript `<` after an operand: type arguments (or a comparison).
    Angle,
    /// TypeScript `<` where an operand starts: a type assertion `<T>x` or
    /// type parameters `<T>(x) => x`, whose operand or body nests inside.
    Assert,
    /// A JSX element: ended only by its closing tag or `/>`.
    Jsx,
}

#[derive(Clone, Copy)]
struct Level {
    kind: Kind,
    /// Nesting tokens since the last list item or statement boundary.
    count: usize,
    /// Cheap nesting tokens not yet making up a unit (see `CHEAP`).
    cheap: usize,
    /// Length of the `else` chain going on at this level.
    chain: usize,
    /// JSX levels a closing bracket went past: still charged, as they may
    /// be real elements whose text held the bracket.
    ghost: usize,
}

/// Which parser the text is for: decides what `<` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dialect {
    /// JSX is on: `<` where an operand starts opens an element.
    pub jsx: bool,
    /// TypeScript: `<` after an operand opens type arguments.
    pub ts: bool,
}

struct Scan<'a> {
    src: &'a [u8],
    levels: Vec<Level>,
    total: usize,
    deepest: usize,
    limit: usize,
}

impl Scan<'_> {
    fn top(&mut self) -> &mut Level {
        // levels[0] is Top and is never popped.
        let i = self.levels.len() - 1;
        &mut self.levels[i]
    }

    fn check(&mut self, at: usize) -> Result<(), usize> {
        self.deepest = self.deepest.max(self.total);
        if self.total > self.limit {
            Err(at.min(self.src.len()))
        } else {
            Ok(())
        }
    }

    fn bump(&mut self, at: usize) -> Result<(), usize> {
        self.top().count += 1;
        self.total += 1;
        self.check(at)
    }

    /// A token that nests only the AST (the parser loops over it): one unit
    /// per `CHEAP` of them.
    fn bump_cheap(&mut self, at: usize) -> Result<(), usize> {
        let l = self.top();
        l.cheap += 1;
        if l.cheap < CHEAP {
            return Ok(());
        }
        l.cheap = 0;
        self.bump(at)
    }

    fn push(&mut self, kind: Kind, at: usize) -> Result<(), usize> {
        self.levels.push(Level { kind, count: 0, cheap: 0, chain: 0, ghost: 0 });
        self.total += 1;
        self.check(at)
    }

    fn pop(&mut self) -> Level {
        let l = self.levels.pop().unwrap_or(Level { kind: Kind::Top, count: 0, cheap: 0, chain: 0, ghost: 0 });
        self.total -= 1 + l.count + l.chain + l.ghost;
        l
    }

    /// Ends a list item or statement: clears the top level's count, and
    /// closes TypeScript angle levels (type arguments never span it).
    fn reset(&mut self) {
        while matches!(self.top().kind, Kind::Angle | Kind::Assert) {
            self.pop();
        }
        self.top().cheap = 0;
        let c = std::mem::take(&mut self.top().count);
        self.total -= c;
    }

    /// Pops down to and including the innermost JSX element, if any.
    fn close_jsx(&mut self) {
        if let Some(k) = self.levels.iter().rposition(|l| l.kind == Kind::Jsx) {
            while self.levels.len() > k {
                self.pop();
            }
        }
    }
}

/// Tokens that nest only the AST, as left-nested chains (`a+b+c`, `a.b.c`,
/// `f()()`) that swc's parser builds in a loop: dropping or serializing such
/// a chain recurses in small frames, so `CHEAP` of them make one unit.
const CHEAP: usize = 4;
fn is_binary(tok: &[u8]) -> bool {
    matches!(
        tok,
        b"+" | b"-" | b"*" | b"/" | b"%" | b"<" | b">" | b"<=" | b">=" | b"==" | b"!=" | b"===" | b"!==" | b"<<"
            | b">>" | b">>>" | b"&" | b"|" | b"^" | b"&&" | b"||" | b"??"
    )
}

// What a word does to the scan (bits), decided by one `match`.
/// Does not start a statement (`a\nin b` goes on).
const W_CONT: u8 = 1;
/// Nests what follows: prefix operators and statement heads.
const W_PREFIX: u8 = 2;
/// Reserved words after which an operand starts (so `/` is a regex).
const W_NOT_OPERAND: u8 = 4;
/// Binary operator words: left-nested chains (see `CHEAP`).
const W_CHEAP: u8 = 8;
/// Its `(` is a statement head (`if (a) /re/` has a regex).
const W_HEAD: u8 = 16;

/// `else`, `if`, and `case`/`default`: words the scan treats one by one.
const W_ELSE: u8 = 32;
const W_IF: u8 = 64;
const W_CASE: u8 = 128;

fn classify(w: &[u8]) -> u8 {
    if w.len() < 2 || w.len() > 10 || !w[0].is_ascii_lowercase() {
        return 0;
    }
    // Length and first two bytes pick the one keyword `w` can be, so a word
    // costs a jump and one comparison rather than a test per keyword: most
    // words are names, and this runs for each of them.
    let (kw, bits): (&[u8], u8) = match (w.len(), w[0], w[1]) {
        (2, b'i', b'n') => (b"in", W_CONT | W_PREFIX | W_CHEAP),
        (2, b'a', b's') => (b"as", W_CONT | W_PREFIX | W_CHEAP),
        (2, b'o', b'f') => (b"of", W_CONT | W_NOT_OPERAND),
        (2, b'd', b'o') => (b"do", W_PREFIX),
        (2, b'i', b'f') => (b"if", W_PREFIX | W_HEAD | W_IF),
        (3, b'n', _) => (b"new", W_PREFIX),
        (3, b'f', _) => (b"for", W_PREFIX | W_HEAD),
        (3, b'v', _) => (b"var", W_NOT_OPERAND),
        (4, b'e', b'l') => (b"else", W_CONT | W_NOT_OPERAND | W_ELSE),
        (4, b'e', b'n') => (b"enum", W_NOT_OPERAND),
        (4, b'v', _) => (b"void", W_PREFIX),
        (4, b'w', _) => (b"with", W_PREFIX | W_HEAD),
        (4, b'c', _) => (b"case", W_NOT_OPERAND | W_CASE),
        (5, b'w', _) => (b"while", W_CONT | W_PREFIX | W_HEAD),
        (5, b'c', b'a') => (b"catch", W_CONT | W_NOT_OPERAND | W_HEAD),
        (5, b'c', b'o') => (b"const", W_NOT_OPERAND),
        (5, b'c', b'l') => (b"class", W_NOT_OPERAND),
        (5, b'a', _) => (b"await", W_PREFIX),
        (5, b'y', _) => (b"yield", W_PREFIX),
        (5, b'k', _) => (b"keyof", W_PREFIX),
        (5, b'i', _) => (b"infer", W_PREFIX),
        (5, b't', _) => (b"throw", W_NOT_OPERAND),
        (6, b't', _) => (b"typeof", W_PREFIX),
        (6, b'd', _) => (b"delete", W_PREFIX),
        (6, b'u', _) => (b"unique", W_PREFIX),
        (6, b's', _) => (b"switch", W_NOT_OPERAND | W_HEAD),
        (6, b'r', _) => (b"return", W_NOT_OPERAND),
        (6, b'e', _) => (b"export", W_NOT_OPERAND),
        (7, b'e', _) => (b"extends", W_CONT | W_PREFIX),
        (7, b'f', _) => (b"finally", W_CONT),
        (7, b'd', _) => (b"default", W_NOT_OPERAND | W_CASE),
        (8, b'f', _) => (b"function", W_NOT_OPERAND),
        (9, b's', _) => (b"satisfies", W_CONT | W_PREFIX | W_CHEAP),
        (10, b'i', b'n') => (b"instanceof", W_CONT | W_PREFIX | W_CHEAP),
        (10, b'i', b'm') => (b"implements", W_CONT),
        _ => return 0,
    };
    // Equal lengths here; a byte loop, as `==` on slices calls `memcmp`.
    if w.iter().zip(kw).all(|(a, b)| a == b) {
        bits
    } else {
        0
    }
}

/// Length of the punctuator at `s[i..]` (maximal munch; 1 for any other byte).
fn punct_len(s: &[u8], i: usize) -> usize {
    let at = |k: usize| s.get(i + k).copied().unwrap_or(0);
    let (a, b, c) = (at(0), at(1), at(2));
    let then_eq = |n: usize| if c == b'=' { n + 1 } else { n };
    match a {
        b'>' if b == b'>' && c == b'>' => {
            if at(3) == b'=' {
                4
            } else {
                3
            }
        }
        // `x`, `xx`, `xx=`, `x=` for the operators that double.
        b'>' | b'<' | b'*' | b'&' | b'|' | b'?' if b == a => then_eq(2),
        b'>' | b'<' | b'*' | b'&' | b'|' if b == b'=' => 2,
        b'?' if b == b'.' => 2,
        b'.' if b == b'.' && c == b'.' => 3,
        b'=' | b'!' if b == b'=' => then_eq(2),
        b'=' if b == b'>' => 2,
        b'+' | b'-' if b == a || b == b'=' => 2,
        b'/' | b'%' | b'^' if b == b'=' => 2,
        _ => 1,
    }
}

/// Byte classes, by table: the scan's two hottest loops are runs of
/// identifier bytes and of white space.
const WORD: u8 = 1;
const SPACE: u8 = 2;
/// `#` and `\` start a word (`#private`, `\u0061b`) but do not go on one:
/// `CLASS[c] & WORD` tests for a word start in one lookup.
const WORD_START: u8 = WORD | 4;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80 {
            t[c] = WORD;
        } else if b == b' ' || b == b'\t' || b == b'\r' || b == b'\n' {
            t[c] = SPACE;
        } else if b == b'#' || b == b'\\' {
            t[c] = WORD_START;
        }
        c += 1;
    }
    t
};

fn is_word_byte(c: u8) -> bool {
    CLASS[c as usize] == WORD
}

/// The nesting estimate of `src`: `Ok(deepest)`, or `Err(offset)` where it
/// first exceeds `limit`.
pub fn estimate(src: &[u8], limit: usize, dialect: Dialect) -> Result<usize, usize> {
    let mut s = Scan { src, levels: vec![Level { kind: Kind::Top, count: 0, cheap: 0, chain: 0, ghost: 0 }], total: 0, deepest: 0, limit };
    let n = src.len();
    let mut i = 0;
    // Whether the previous token ends an operand: decides regex vs `/`,
    // prefix vs binary `+`/`-`, call vs group `(`, JSX vs `<`.
    let mut after_operand = false;
    // A newline or `}` since the previous token (for the ASI boundary).
    let mut newline = false;
    let mut after_brace = false;
    // A statement just ended: the else chain ends unless `else` follows.
    let mut chain_may_end = false;
    // `case`/`default` seen: its `:` is no label.
    let mut case_colon = false;
    // The previous word opens a statement head `(`.
    let mut head_word = false;
    let mut else_word = false;
    while i < n {
        let c = src[i];
        if CLASS[c as usize] == SPACE {
            while i < n && CLASS[src[i] as usize] == SPACE {
                newline |= src[i] == b'\n';
                i += 1;
            }
            continue;
        }
        if c == b'/' && src.get(i + 1) == Some(&b'/') {
            i = memchr::memchr(b'\n', &src[i..]).map_or(n, |k| i + k);
            continue;
        }
        if c == b'/' && src.get(i + 1) == Some(&b'*') {
            let end = comment_end(src, i + 2);
            newline |= memchr::memchr(b'\n', &src[i..end]).is_some();
            i = end;
            continue;
        }
        // The word (if any) that starts here, for the boundary rule.
        let (word_end, class) = if CLASS[c as usize] & WORD != 0 {
            let mut j = i + 1;
            if c.is_ascii_digit() {
                let mut dot = false;
                while j < n && (is_word_byte(src[j]) || (src[j] == b'.' && !dot)) {
                    dot |= src[j] == b'.';
                    j += 1;
                }
            } else {
                loop {
                    while j < n && CLASS[src[j] as usize] == WORD {
                        j += 1;
                    }
                    if j < n && src[j] == b'\\' {
                        j += 2; // an escape in a name: `\u0061`
                    } else {
                        break;
                    }
                }
            }
            let j = j.min(n);
            (j, classify(&src[i..j]))
        } else {
            (i, 0)
        };
        let starts_statement = if word_end > i { class & W_CONT == 0 } else { c == b'\'' || c == b'"' };
        if after_operand && (newline || after_brace) && starts_statement {
            s.reset();
            chain_may_end = true;
        }
        if chain_may_end && class & W_ELSE == 0 {
            s.end_chain();
        }
        chain_may_end = false;
        let was_after_brace = after_brace;
        after_brace = false;
        let had_newline = newline;
        newline = false;
        let was_head_word = head_word;
        head_word = false;
        let prev_else = std::mem::take(&mut else_word);

        if word_end > i {
            i = word_end;
            if class & W_ELSE != 0 {
                s.top().chain += 1;
                s.total += 1;
                s.check(i)?;
            } else if class & W_IF != 0 && prev_else {
                // `else if`: one step of the chain, counted at `else`.
            } else if class & W_CHEAP != 0 {
                s.bump_cheap(i)?;
            } else if class & W_PREFIX != 0 {
                s.bump(i)?;
            }
            if class & W_CASE != 0 {
                case_colon = true;
            }
            head_word = class & W_HEAD != 0;
            else_word = class & W_ELSE != 0;
            after_operand = class & (W_PREFIX | W_NOT_OPERAND) == 0;
            continue;
        }
        match c {
            b'\'' | b'"' => {
                i = skip_string(src, i + 1, c);
                after_operand = true;
                continue;
            }
            b'`' => {
                if after_operand {
                    s.bump_cheap(i)?; // a tagged template nests its tag
                }
                i = s.template_text(i + 1)?;
                after_operand = true;
                continue;
            }
            b'/' if src.get(i + 1) == Some(&b'>') && s.levels.iter().any(|l| l.kind == Kind::Jsx) => {
                s.close_jsx();
                i += 2;
                after_operand = true;
                continue;
            }
            b'/' if !after_operand || (was_after_brace && had_newline) => {
                i = skip_regex(src, i + 1);
                after_operand = true;
                continue;
            }
            b'(' | b'[' | b'{' => {
                if after_operand && c != b'{' {
                    s.bump_cheap(i)?; // a call or an index nests its callee
                }
                let kind = if c == b'(' && was_head_word { Kind::Head } else { Kind::Bracket };
                s.push(kind, i)?;
                after_operand = false;
            }
            b')' | b']' | b'}' => {
                // The innermost bracket level; JSX elements above it were
                // not closed (or were not JSX): their cost stays charged.
                match s.levels.iter().rposition(|l| matches!(l.kind, Kind::Bracket | Kind::Head | Kind::Template)) {
                    Some(k) => {
                        let mut discarded = 0;
                        while s.levels.len() > k + 1 {
                            if s.pop().kind == Kind::Jsx {
                                discarded += 1;
                            }
                        }
                        let l = s.pop();
                        s.top().ghost += discarded;
                        s.total += discarded;
                        if l.kind == Kind::Template && c == b'}' {
                            i = s.template_text(i + 1)?;
                            after_operand = true;
                            continue;
                        }
                        after_operand = l.kind != Kind::Head;
                        if c == b'}' {
                            after_brace = true;
                            chain_may_end = true;
                        }
                    }
                    None => after_operand = true, // stray: text, or an error swc reports
                }
            }
            b';' => {
                s.reset();
                chain_may_end = true;
                case_colon = false;
                after_operand = false;
            }
            b',' => {
                s.top().cheap = 0;
                let c = std::mem::take(&mut s.top().count);
                s.total -= c;
                after_operand = false;
            }
            b'<' if src.get(i + 1) == Some(&b'/') && dialect.jsx => {
                // A closing tag: ends the innermost element.
                s.close_jsx();
                i = memchr::memchr(b'>', &src[i..]).map_or(n, |k| i + k + 1);
                after_operand = true;
                continue;
            }
            // Where an operand starts, or among an element's children.
            b'<' if dialect.jsx
                && (!after_operand || s.top().kind == Kind::Jsx)
                && src.get(i + 1).is_some_and(|&d| is_word_byte(d) || d == b'>') =>
            {
                s.push(Kind::Jsx, i)?;
                after_operand = false;
            }
            b'<' if dialect.ts && src.get(i + 1) != Some(&b'<') && src.get(i + 1) != Some(&b'=') => {
                s.push(if after_operand { Kind::Angle } else { Kind::Assert }, i)?;
                after_operand = false;
            }
            b'>' if dialect.ts && matches!(s.top().kind, Kind::Angle | Kind::Assert) => {
                if s.pop().kind == Kind::Assert {
                    s.bump(i)?;
                    after_operand = false;
                } else {
                    after_operand = true;
                }
            }
            b'.' if src.get(i + 1).is_some_and(u8::is_ascii_digit) && !after_operand => {
                // A number like `.5`.
                i += 1;
                while i < n && is_word_byte(src[i]) {
                    i += 1;
                }
                after_operand = true;
                continue;
            }
            b'.' if src.get(i + 1) != Some(&b'.') => {
                s.bump_cheap(i)?; // member access nests its object
                after_operand = false;
            }
            b':' => {
                if !std::mem::take(&mut case_colon) {
                    s.bump(i)?; // labels, annotations
                }
                after_operand = false;
            }
            b'@' => after_operand = false,
            _ => {
                let len = punct_len(src, i);
                let tok = &src[i..i + len];
                i += len;
                match tok {
                    // Postfix: the operand goes on.
                    b"++" | b"--" if after_operand => {}
                    b"..." => after_operand = false,
                    b"?." => {
                        s.bump_cheap(i - len)?;
                        after_operand = false;
                    }
                    _ if after_operand && is_binary(tok) => {
                        s.bump_cheap(i - len)?;
                        after_operand = false;
                    }
                    _ => {
                        s.bump(i - len)?;
                        after_operand = false;
                    }
                }
                continue;
            }
        }
        i += 1;
    }
    Ok(s.deepest)
}

impl Scan<'_> {
    /// A statement ended without `else` after it: the chain is over.
    fn end_chain(&mut self) {
        let c = std::mem::take(&mut self.top().chain);
        self.total -= c;
    }

    /// Skips template text from `i` to the closing backtick, or to a `${`,
    /// which opens a level whose `}` comes back here.
    fn template_text(&mut self, mut i: usize) -> Result<usize, usize> {
        let src = self.src;
        while i < src.len() {
            match src[i] {
                b'\\' => i += 2,
                b'`' => return Ok(i + 1),
                b'$' if src.get(i + 1) == Some(&b'{') => {
                    self.push(Kind::Template, i)?;
                    return Ok(i + 2);
                }
                _ => i += 1,
            }
        }
        Ok(src.len())
    }
}

/// The offset just past the first `*/` at or after `from` (or the end).
/// Looks for `/` and checks the byte before it: cheaper than setting up a
/// `memmem` finder per comment, and JSDoc has few `/` but a `*` per line.
fn comment_end(src: &[u8], from: usize) -> usize {
    let mut k = from + 1;
    while let Some(p) = src.get(k..).and_then(|t| memchr::memchr(b'/', t)) {
        let slash = k + p;
        if src[slash - 1] == b'*' {
            return slash + 1;
        }
        k = slash + 1;
    }
    src.len()
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

#[cfg(test)]
mod tests {
    use super::*;

    const JS: Dialect = Dialect { jsx: true, ts: false };
    const TS: Dialect = Dialect { jsx: false, ts: true };
    const TSX: Dialect = Dialect { jsx: true, ts: true };

    #[test]
    fn real_code_is_shallow() {
        let src = b"const a = b ? c : d;\nfunction f(x, y) { return x => y => x + y; }\nlet s = `a${b ? `c${d}` : e}f`;";
        assert!(estimate(src, 20, JS).is_ok());
        // Statements without semicolons do not add up.
        let asi = "x = a.b.c(d) + e\nif (x) { y() } else { z() }\n".repeat(2000);
        assert!(estimate(asi.as_bytes(), 20, JS).is_ok());
        let ts = "export function f<T extends Map<K, V>>(a: Array<T>, b: T): T { if (a < b) return b; return a }\n".repeat(1000);
        assert!(estimate(ts.as_bytes(), 20, TS).is_ok());
        let jsx = format!("x = <div>{}</div>;", "<p>a, b; <b>c</b> <br/></p>\n".repeat(2000));
        assert!(estimate(jsx.as_bytes(), 20, TSX).is_ok());
    }

    #[test]
    fn punctuators_by_maximal_munch() {
        for p in [
            ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=", "<=", ">=", "&&",
            "||", "??", "?.", "**", "++", "--", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "+", ">", ".",
        ] {
            assert_eq!(punct_len(format!("{p} x").as_bytes(), 0), p.len(), "{p}");
        }
        assert_eq!(punct_len(b"..x", 0), 1);
        assert_eq!(punct_len(b">", 0), 1);
    }

    #[test]
    fn keywords_are_whole_words() {
        let kws = [
            "in", "instanceof", "as", "satisfies", "of", "else", "extends", "implements", "finally", "while", "catch", "new",
            "typeof", "void", "delete", "await", "yield", "keyof", "infer", "unique", "do", "if", "for", "with", "switch",
            "return", "throw", "case", "default", "export", "const", "var", "function", "class", "enum",
        ];
        for kw in kws {
            assert_ne!(classify(kw.as_bytes()), 0, "{kw}");
            for other in [format!("{kw}x"), format!("x{kw}"), kw.to_uppercase(), kw[..kw.len() - 1].to_string()] {
                if !kws.contains(&other.as_str()) {
                    assert_eq!(classify(other.as_bytes()), 0, "{other}");
                }
            }
        }
        assert_eq!(classify(b"else"), W_CONT | W_NOT_OPERAND | W_ELSE);
        assert_eq!(classify(b"enum"), W_NOT_OPERAND);
        assert_eq!(classify(b"implements"), W_CONT);
    }

    #[test]
    fn comment_end_is_the_first_close() {
        for src in ["/**/", "/*/", "/* a */ b */", "/* / * /*/ x", "/*** / **/", "/* x", "/*", "/* */*/", "/*/ */"] {
            let src = src.as_bytes();
            for from in 2..=src.len() {
                let want = src[from..].windows(2).position(|w| w == b"*/").map_or(src.len(), |k| from + k + 2);
                assert_eq!(comment_end(src, from), want, "{:?} from {from}", std::str::from_utf8(src));
            }
        }
    }

    #[test]
    fn nesting_is_caught() {
        for unit in [
            "(", "[", "{", "!", "-", "a=", "<a>", "x=>", "a?b:", "new ", "typeof ", "`${", "a+", "a.", "f()", "a[0]",
            "if(a)", "if(a){}else ", "if(a);else ", "a:", "await ", "<a>;", "<a>x\ny", "<a>)", "(<a>)",
        ] {
            let s = unit.repeat(5000);
            for d in [JS, TSX] {
                assert!(estimate(s.as_bytes(), MAX_NESTING, d).is_err(), "{unit}");
            }
        }
        for unit in ["A<", "Map<A, ", "a as A ", "keyof ", "x: A[]", "<a>", "<T,>() => "] {
            let s = unit.repeat(5000);
            assert!(estimate(s.as_bytes(), MAX_NESTING, TS).is_err(), "{unit}");
        }
        assert_eq!(estimate("[1],".repeat(5000).as_bytes(), MAX_NESTING, JS), Ok(1));
        // Left-nested chains cost a unit per `CHEAP` links.
        let chain = format!("{}a", "a+".repeat(CHEAP * MAX_NESTING));
        assert_eq!(estimate(chain.as_bytes(), MAX_NESTING, JS), Ok(MAX_NESTING));
        let chain = format!("{}a", "a+".repeat(CHEAP * (MAX_NESTING + 1)));
        assert!(estimate(chain.as_bytes(), MAX_NESTING, JS).is_err());
    }
}
