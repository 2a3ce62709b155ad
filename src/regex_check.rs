//! ECMAScript regular expression syntax checks: whether `new RegExp(pattern,
//! flags)` throws, and V8's message when it does.
//!
//! A validator written for this, not a regex engine: it follows V8's parser
//! (`src/regexp/regexp-parser.cc`, V8 11.3 as in Node 20) production by
//! production, Annex B legacy syntax included, so the answer is the one Node
//! gives. Only Unicode data comes from `regress` (property names and values,
//! `ID_Start`/`ID_Continue` for group names), through tiny fixed patterns.
//!
//! `regress` itself is not used to parse the pattern: against V8 it accepts
//! `\b+`, `^*`-like quantified assertions, reads `\x` followed by a non-hex
//! digit wrongly, ignores most of the `v` flag's rules (`/{/v`, `/[a-]/v`
//! pass), parses non-unicode patterns by code point rather than by UTF-16
//! unit (so `/[😀-😁]/` passes where V8 sees a reversed range), accepts the
//! ES2025 modifiers `(?i:...)` and duplicate group names that Node 20 rejects,
//! lacks `Script=Unknown`, and recurses per group (a deeply nested pattern
//! overflowed the stack). This parser is iterative: nesting is bounded by
//! memory only.
//!
//! Known, deliberate differences from V8 (all documented, none reachable by
//! ordinary patterns):
//! - V8 rejects `v`-mode character classes nested deeper than its stack
//!   allows (about 6000 levels with Node's default stack: "Maximum call stack
//!   size exceeded"); this check accepts any depth.
//! - The bindings hand the core UTF-8, so a lone surrogate in the pattern
//!   arrives as U+FFFD. Only a character range whose ends are literal lone
//!   surrogates can change answer (`[\u{DBFF}-\u{D800}]` written with literal
//!   surrogates: V8 rejects it as reversed; here both ends are U+FFFD).
//! - Node 20 (V8 11.3) rejects the ES2025 syntax of pattern modifiers
//!   (`(?i:a)`) and duplicate named groups in different alternatives; so does
//!   this check. Newer Node versions accept both.
//! - Unicode property data is regress's (Unicode 16); Node's ICU may be a
//!   version behind or ahead for newly added scripts.

use std::sync::OnceLock;

/// Why `new RegExp(pattern, flags)` would throw, or `None` if it would not.
pub fn check(pattern: &str, flags: &str) -> Option<String> {
    if let Some(msg) = check_flags(flags) {
        return Some(msg);
    }
    let unicode_sets = flags.contains('v');
    let unicode = unicode_sets || flags.contains('u');
    match validate(pattern, unicode, unicode_sets) {
        Ok(()) => None,
        Err(why) => Some(format!("Invalid regular expression: /{pattern}/{flags}: {why}")),
    }
}

/// Flags must come from `dgimsuvy`, each at most once, not both `u` and `v`.
fn check_flags(flags: &str) -> Option<String> {
    let mut seen = 0u32;
    for c in flags.chars() {
        let Some(bit) = "dgimsuvy".find(c) else {
            return Some(format!("Invalid flags supplied to RegExp constructor '{flags}'"));
        };
        if seen & (1 << bit) != 0 {
            return Some(format!("Invalid flags supplied to RegExp constructor '{flags}'"));
        }
        seen |= 1 << bit;
    }
    let (u, v) = (1 << 5, 1 << 6);
    if seen & u != 0 && seen & v != 0 {
        return Some(format!("Invalid flags supplied to RegExp constructor '{flags}'"));
    }
    None
}

type R<T> = Result<T, &'static str>;

// V8's messages (regexp-error.h).
const NOTHING_TO_REPEAT: &str = "Nothing to repeat";
const ESCAPE_AT_END: &str = "\\ at end of pattern";
const INVALID_GROUP: &str = "Invalid group";
const UNTERMINATED_GROUP: &str = "Unterminated group";
const UNMATCHED_PAREN: &str = "Unmatched ')'";
const INVALID_ESCAPE: &str = "Invalid escape";
const INVALID_DECIMAL_ESCAPE: &str = "Invalid decimal escape";
const INVALID_UNICODE_ESCAPE: &str = "Invalid Unicode escape";
const INVALID_CLASS_ESCAPE: &str = "Invalid class escape";
const LONE_QUANTIFIER_BRACKETS: &str = "Lone quantifier brackets";
const INCOMPLETE_QUANTIFIER: &str = "Incomplete quantifier";
const INVALID_QUANTIFIER: &str = "Invalid quantifier";
const RANGE_OUT_OF_ORDER: &str = "numbers out of order in {} quantifier";
const INVALID_CHARACTER_CLASS: &str = "Invalid character class";
const CLASS_OUT_OF_ORDER: &str = "Range out of order in character class";
const UNTERMINATED_CLASS: &str = "Unterminated character class";
const INVALID_PROPERTY_NAME: &str = "Invalid property name";
const INVALID_CLASS_PROPERTY_NAME: &str = "Invalid property name in character class";
const INVALID_CAPTURE_GROUP_NAME: &str = "Invalid capture group name";
const DUPLICATE_CAPTURE_GROUP_NAME: &str = "Duplicate capture group name";
const INVALID_NAMED_REFERENCE: &str = "Invalid named reference";
const INVALID_NAMED_CAPTURE_REFERENCED: &str = "Invalid named capture referenced";
const TOO_MANY_CAPTURES: &str = "Too many captures";
const INVALID_CHARACTER_IN_CLASS: &str = "Invalid character in character class";
const INVALID_CLASS_SET_OPERATION: &str = "Invalid set operation in character class";
const NEGATED_CLASS_WITH_STRINGS: &str = "Negated character class may contain strings";

/// V8 allows at most this many capture groups (`kMaxCaptures` - 1).
const MAX_CAPTURES: u32 = (1 << 15) - 1;
/// Quantifier bounds saturate here, as V8's `RegExpTree::kInfinity`.
const INFINITY: u64 = i32::MAX as u64;

/// A class atom: one character, or a class escape such as `\d` or `\p{L}`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Atom {
    Char(u32),
    Class,
}

/// What a `v`-mode class operand was, for range and string rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Operand {
    Char(u32),
    /// A class escape, nested class or `\q{}`; `true` if it may contain strings.
    Set(bool),
}

#[derive(Clone, Copy)]
enum Group {
    Capture,
    NonCapture,
    Lookahead,
    Lookbehind,
}

fn validate(pattern: &str, unicode: bool, unicode_sets: bool) -> R<()> {
    // Without u/v the pattern is UTF-16 units (a surrogate pair is two
    // characters, as V8 sees it); with them, code points.
    let s: Vec<u32> = if unicode {
        pattern.chars().map(u32::from).collect()
    } else {
        pattern.encode_utf16().map(u32::from).collect()
    };
    let (capture_total, has_named) = scan_for_captures(&s);
    let mut p = Parser {
        s,
        i: 0,
        unicode,
        unicode_sets,
        named: unicode || has_named,
        captures: 0,
        capture_total,
        names: Vec::new(),
        references: Vec::new(),
    };
    p.disjunction()?;
    for r in &p.references {
        if !p.names.contains(r) {
            return Err(INVALID_NAMED_CAPTURE_REFERENCED);
        }
    }
    Ok(())
}

/// V8's `ScanForCaptures`: counts capture groups and sees whether any is
/// named, skipping escapes and classes, before the real parse.
fn scan_for_captures(s: &[u32]) -> (u32, bool) {
    let mut count = 0u32;
    let mut named = false;
    let mut i = 0;
    let at = |i: usize| s.get(i).copied();
    while let Some(c) = at(i) {
        i += 1;
        match ch(c) {
            '\\' => i += 1,
            '[' => {
                while let Some(c) = at(i) {
                    i += 1;
                    if c == u32::from('\\') {
                        i += 1;
                    } else if c == u32::from(']') {
                        break;
                    }
                }
            }
            '(' => {
                if at(i) == Some(u32::from('?')) {
                    i += 1;
                    if at(i) != Some(u32::from('<')) {
                        continue;
                    }
                    i += 1;
                    if matches!(at(i).map(ch), Some('=' | '!')) {
                        continue;
                    }
                    named = true;
                }
                count += 1;
            }
            _ => {}
        }
    }
    (count, named)
}

/// `c` as a char for matching; non-chars (surrogates) map to NUL-free U+FFFF.
fn ch(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{ffff}')
}

fn is_syntax_char(c: u32) -> bool {
    matches!(ch(c), '^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|')
}

fn is_class_set_syntax_char(c: u32) -> bool {
    matches!(ch(c), '(' | ')' | '[' | ']' | '{' | '}' | '/' | '-' | '\\' | '|')
}

fn is_class_set_reserved_punctuator(c: u32) -> bool {
    matches!(ch(c), '&' | '-' | '!' | '#' | '%' | ',' | ':' | ';' | '<' | '=' | '>' | '@' | '`' | '~')
}

fn is_class_set_reserved_double(c: u32) -> bool {
    matches!(
        ch(c),
        '&' | '!' | '#' | '$' | '%' | '*' | '+' | ',' | '.' | ':' | ';' | '<' | '=' | '>' | '?' | '@' | '^' | '`' | '~'
    )
}

fn hex_value(c: u32) -> Option<u32> {
    ch(c).to_digit(16)
}

fn is_digit(c: Option<u32>) -> bool {
    matches!(c.map(ch), Some('0'..='9'))
}

fn is_octal(c: Option<u32>) -> bool {
    matches!(c.map(ch), Some('0'..='7'))
}

/// Whether `\p{body}` names a property: `Some(false)` for a property of
/// characters, `Some(true)` for a property of strings (only with `v`).
fn property(body: &str, unicode_sets: bool) -> Option<bool> {
    // V8 takes only [A-Za-z0-9_] around one optional '='.
    let (name, value) = match body.split_once('=') {
        Some((n, v)) => (n, Some(v)),
        None => (body, None),
    };
    let word = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if !word(name) || value.is_some_and(|v| !word(v)) {
        return None;
    }
    // regress lacks Script=Unknown (Zzzz), which V8 accepts.
    if matches!(name, "sc" | "Script" | "scx" | "Script_Extensions") && matches!(value, Some("Zzzz" | "Unknown")) {
        return Some(false);
    }
    if regress::Regex::with_flags(&format!("\\p{{{body}}}"), "u").is_ok() {
        return Some(false);
    }
    if unicode_sets && value.is_none() && regress::Regex::with_flags(&format!("\\p{{{body}}}"), "v").is_ok() {
        return Some(true);
    }
    None
}

fn id_matcher(cell: &'static OnceLock<Option<regress::Regex>>, class: &str) -> &'static Option<regress::Regex> {
    cell.get_or_init(|| regress::Regex::with_flags(&format!("^[{class}]$"), "u").ok())
}

/// ID_Start, `$` or `_` (what V8 allows first in a group name).
fn is_id_start(c: u32) -> bool {
    static RE: OnceLock<Option<regress::Regex>> = OnceLock::new();
    let Some(c) = char::from_u32(c) else { return false };
    if c == '$' || c == '_' || c.is_ascii_alphabetic() {
        return true;
    }
    if c.is_ascii() {
        return false;
    }
    id_matcher(&RE, "\\p{ID_Start}").as_ref().is_some_and(|re| re.find(c.encode_utf8(&mut [0; 4])).is_some())
}

/// ID_Continue, `$`, ZWNJ or ZWJ (what V8 allows later in a group name).
fn is_id_part(c: u32) -> bool {
    static RE: OnceLock<Option<regress::Regex>> = OnceLock::new();
    let Some(c) = char::from_u32(c) else { return false };
    if c == '$' || c == '_' || c == '\u{200c}' || c == '\u{200d}' || c.is_ascii_alphanumeric() {
        return true;
    }
    if c.is_ascii() {
        return false;
    }
    id_matcher(&RE, "\\p{ID_Continue}").as_ref().is_some_and(|re| re.find(c.encode_utf8(&mut [0; 4])).is_some())
}

struct Parser {
    s: Vec<u32>,
    i: usize,
    unicode: bool,
    unicode_sets: bool,
    /// `\k` is a named reference (unicode mode, or the pattern has a named group).
    named: bool,
    captures: u32,
    capture_total: u32,
    names: Vec<Vec<u32>>,
    references: Vec<Vec<u32>>,
}

impl Parser {
    fn peek(&self) -> Option<u32> {
        self.s.get(self.i).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u32> {
        self.s.get(self.i + k).copied()
    }

    fn peek_char(&self) -> Option<char> {
        self.peek().map(ch)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(u32::from(c)) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// Decimal digits as V8 reads quantifier bounds: saturating at kInfinity.
    fn decimal(&mut self) -> u64 {
        let mut v: u64 = 0;
        while let Some(d) = self.peek_char().and_then(|c| c.to_digit(10)) {
            v = (v * 10 + u64::from(d)).min(INFINITY);
            self.i += 1;
        }
        v
    }

    /// `{n}`, `{n,}` or `{n,m}` at `i`; consumed only when complete.
    fn interval(&mut self) -> Option<(u64, u64)> {
        let start = self.i;
        self.i += 1; // '{'
        if !is_digit(self.peek()) {
            self.i = start;
            return None;
        }
        let min = self.decimal();
        let max = if self.eat('}') {
            min
        } else if self.eat(',') {
            if self.eat('}') {
                INFINITY
            } else if is_digit(self.peek()) {
                let max = self.decimal();
                if !self.eat('}') {
                    self.i = start;
                    return None;
                }
                max
            } else {
                self.i = start;
                return None;
            }
        } else {
            self.i = start;
            return None;
        };
        Some((min, max))
    }

    /// Pattern :: Disjunction, iteratively: groups live on an explicit stack.
    fn disjunction(&mut self) -> R<()> {
        let mut groups: Vec<Group> = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return if groups.is_empty() { Ok(()) } else { Err(UNTERMINATED_GROUP) };
            };
            // Parse one term; `quantifiable` says whether a quantifier may follow.
            let quantifiable = match ch(c) {
                ')' => {
                    let Some(g) = groups.pop() else { return Err(UNMATCHED_PAREN) };
                    self.i += 1;
                    match g {
                        Group::Lookbehind => false,
                        Group::Lookahead => !self.unicode,
                        Group::Capture | Group::NonCapture => true,
                    }
                }
                '|' => {
                    self.i += 1;
                    continue;
                }
                '*' | '+' | '?' => return Err(NOTHING_TO_REPEAT),
                '^' | '$' => {
                    self.i += 1;
                    continue;
                }
                '.' => {
                    self.i += 1;
                    true
                }
                '(' => {
                    groups.push(self.open_group()?);
                    continue;
                }
                '[' => {
                    self.class()?;
                    true
                }
                '\\' => match self.peek_at(1).map(ch) {
                    None => return Err(ESCAPE_AT_END),
                    Some('b' | 'B') => {
                        self.i += 2;
                        continue;
                    }
                    Some(_) => {
                        self.atom_escape()?;
                        true
                    }
                },
                '{' => {
                    if self.interval().is_some() {
                        return Err(NOTHING_TO_REPEAT);
                    }
                    if self.unicode {
                        return Err(LONE_QUANTIFIER_BRACKETS);
                    }
                    self.i += 1;
                    true
                }
                '}' | ']' => {
                    if self.unicode {
                        return Err(LONE_QUANTIFIER_BRACKETS);
                    }
                    self.i += 1;
                    true
                }
                _ => {
                    self.i += 1;
                    true
                }
            };
            // A quantifier, if one follows.
            let quantified = match self.peek_char() {
                Some('*' | '+' | '?') => {
                    self.i += 1;
                    true
                }
                Some('{') => match self.interval() {
                    Some((min, max)) => {
                        if max < min {
                            return Err(RANGE_OUT_OF_ORDER);
                        }
                        true
                    }
                    None if self.unicode => return Err(INCOMPLETE_QUANTIFIER),
                    None => false,
                },
                _ => false,
            };
            if quantified {
                self.eat('?');
                if !quantifiable {
                    return Err(INVALID_QUANTIFIER);
                }
            }
        }
    }

    /// `(` and what follows it up to the group's contents.
    fn open_group(&mut self) -> R<Group> {
        self.i += 1; // '('
        if self.eat('?') {
            match self.peek_char() {
                Some(':') => {
                    self.i += 1;
                    return Ok(Group::NonCapture);
                }
                Some('=' | '!') => {
                    self.i += 1;
                    return Ok(Group::Lookahead);
                }
                Some('<') => {
                    if matches!(self.peek_at(1).map(ch), Some('=' | '!')) {
                        self.i += 2;
                        return Ok(Group::Lookbehind);
                    }
                    self.i += 1;
                    self.new_capture()?;
                    let name = self.group_name()?;
                    if self.names.contains(&name) {
                        return Err(DUPLICATE_CAPTURE_GROUP_NAME);
                    }
                    self.names.push(name);
                    return Ok(Group::Capture);
                }
                // Node 20 has no pattern modifiers `(?i:...)`.
                _ => return Err(INVALID_GROUP),
            }
        }
        self.new_capture()?;
        Ok(Group::Capture)
    }

    fn new_capture(&mut self) -> R<()> {
        if self.captures >= MAX_CAPTURES {
            return Err(TOO_MANY_CAPTURES);
        }
        self.captures += 1;
        Ok(())
    }

    /// Reads one code point, joining a surrogate pair even without `u` (V8
    /// parses group names in unicode mode).
    fn next_code_point(&mut self) -> Option<u32> {
        let c = self.peek()?;
        self.i += 1;
        if (0xD800..0xDC00).contains(&c) {
            if let Some(t) = self.peek().filter(|t| (0xDC00..0xE000).contains(t)) {
                self.i += 1;
                return Some(0x10000 + ((c - 0xD800) << 10) + (t - 0xDC00));
            }
        }
        Some(c)
    }

    /// GroupName after `<`, through `>`.
    fn group_name(&mut self) -> R<Vec<u32>> {
        let mut name = Vec::new();
        loop {
            let Some(mut c) = self.next_code_point() else { return Err(INVALID_CAPTURE_GROUP_NAME) };
            if c == u32::from('\\') && self.peek() == Some(u32::from('u')) {
                self.i += 1;
                c = self.unicode_escape(true).ok_or(INVALID_UNICODE_ESCAPE)?;
            } else if c == u32::from('\\') {
                return Err(INVALID_CAPTURE_GROUP_NAME);
            }
            if name.is_empty() {
                if !is_id_start(c) {
                    return Err(INVALID_CAPTURE_GROUP_NAME);
                }
            } else if c == u32::from('>') {
                return Ok(name);
            } else if !is_id_part(c) {
                return Err(INVALID_CAPTURE_GROUP_NAME);
            }
            name.push(c);
        }
    }

    /// After `\u`: `XXXX` (a `\uXXXX` trail surrogate joins a lead in unicode
    /// mode) or, in unicode mode, `{X...}` up to 10FFFF. `None` if neither.
    fn unicode_escape(&mut self, unicode: bool) -> Option<u32> {
        let start = self.i;
        if unicode && self.eat('{') {
            let mut v: u32 = 0;
            let mut n = 0;
            while let Some(d) = self.peek().and_then(hex_value) {
                v = v.saturating_mul(16).saturating_add(d);
                n += 1;
                self.i += 1;
            }
            if n == 0 || v > 0x10FFFF || !self.eat('}') {
                self.i = start;
                return None;
            }
            return Some(v);
        }
        let v = self.hex(4)?;
        if unicode && (0xD800..0xDC00).contains(&v) {
            let back = self.i;
            if self.eat('\\') && self.eat('u') {
                if let Some(t) = self.hex(4).filter(|t| (0xDC00..0xE000).contains(t)) {
                    return Some(0x10000 + ((v - 0xD800) << 10) + (t - 0xDC00));
                }
            }
            self.i = back;
        }
        Some(v)
    }

    /// Exactly `n` hex digits, consumed only when all are there.
    fn hex(&mut self, n: usize) -> Option<u32> {
        let mut v = 0;
        for k in 0..n {
            v = v * 16 + self.peek_at(k).and_then(hex_value)?;
        }
        self.i += n;
        Some(v)
    }

    /// Legacy octal escape at `i` (an octal digit): up to 0o377.
    fn octal(&mut self) -> u32 {
        let mut v = self.peek().map_or(0, |c| c - u32::from('0'));
        self.i += 1;
        if is_octal(self.peek()) {
            v = v * 8 + self.peek().map_or(0, |c| c - u32::from('0'));
            self.i += 1;
            if v < 32 && is_octal(self.peek()) {
                v = v * 8 + self.peek().map_or(0, |c| c - u32::from('0'));
                self.i += 1;
            }
        }
        v
    }

    /// `\` outside a class, other than `\b`/`\B` (assertions).
    fn atom_escape(&mut self) -> R<()> {
        let next = self.peek_at(1).map(ch);
        match next {
            Some('1'..='9') => {
                self.i += 1;
                let start = self.i;
                let n = self.decimal();
                if n <= u64::from(self.capture_total) {
                    return Ok(()); // a backreference
                }
                if self.unicode {
                    return Err(INVALID_ESCAPE);
                }
                self.i = start;
                if matches!(next, Some('8' | '9')) {
                    self.i += 1; // identity escape
                } else {
                    self.octal();
                }
                Ok(())
            }
            Some('0') => {
                self.i += 1;
                if self.unicode && is_digit(self.peek_at(1)) {
                    return Err(INVALID_DECIMAL_ESCAPE);
                }
                self.octal();
                Ok(())
            }
            Some('k') if self.named => {
                self.i += 2;
                if !self.eat('<') {
                    return Err(INVALID_NAMED_REFERENCE);
                }
                let name = self.group_name()?;
                self.references.push(name);
                Ok(())
            }
            Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                self.i += 2;
                Ok(())
            }
            Some('p' | 'P') if self.unicode => {
                self.i += 2;
                self.property_escape(next == Some('P'), false).map(|_| ())
            }
            _ => self.character_escape(false).map(|_| ()),
        }
    }

    /// `{Name}` or `{Name=Value}` after `\p`/`\P` (unicode mode); `true` if a
    /// property of strings.
    fn property_escape(&mut self, negated: bool, in_class: bool) -> R<bool> {
        let err = if in_class { INVALID_CLASS_PROPERTY_NAME } else { INVALID_PROPERTY_NAME };
        if !self.eat('{') {
            return Err(err);
        }
        let start = self.i;
        while self.peek().is_some_and(|c| c != u32::from('}')) {
            self.i += 1;
        }
        if self.peek().is_none() {
            return Err(err);
        }
        let body: String = self.s[start..self.i].iter().map(|&c| ch(c)).collect();
        self.i += 1; // '}'
        match property(&body, self.unicode_sets) {
            Some(strings) if strings && negated => Err(err),
            Some(strings) => Ok(strings),
            None => Err(err),
        }
    }

    /// CharacterEscape at `\` (V8's `ParseCharacterEscape`): the character's
    /// value. In a class without `u`, `\c` not followed by a control letter
    /// is a literal backslash (the `c` is read next).
    fn character_escape(&mut self, in_class: bool) -> R<u32> {
        self.i += 1; // '\'
        let Some(c) = self.peek() else { return Err(ESCAPE_AT_END) };
        match ch(c) {
            'f' | 'n' | 'r' | 't' | 'v' => {
                self.i += 1;
                Ok(match ch(c) {
                    'f' => 0x0C,
                    'n' => 0x0A,
                    'r' => 0x0D,
                    't' => 0x09,
                    _ => 0x0B,
                })
            }
            'c' => {
                let letter = self.peek_at(1);
                if letter.is_some_and(|l| ch(l).is_ascii_alphabetic()) {
                    self.i += 2;
                    return Ok(letter.unwrap_or(0) & 0x1F);
                }
                if self.unicode {
                    return Err(INVALID_UNICODE_ESCAPE);
                }
                if in_class && letter.is_some_and(|l| ch(l).is_ascii_digit() || ch(l) == '_') {
                    self.i += 2;
                    return Ok(letter.unwrap_or(0) & 0x1F);
                }
                Ok(u32::from('\\')) // the backslash alone; `c` comes next
            }
            '0' if !is_digit(self.peek_at(1)) => {
                self.i += 1;
                Ok(0)
            }
            '0'..='7' => {
                if self.unicode {
                    return Err(INVALID_CLASS_ESCAPE);
                }
                Ok(self.octal())
            }
            'x' => {
                self.i += 1;
                if let Some(v) = self.hex(2) {
                    return Ok(v);
                }
                if self.unicode {
                    return Err(INVALID_ESCAPE);
                }
                Ok(c)
            }
            'u' => {
                self.i += 1;
                if let Some(v) = self.unicode_escape(self.unicode) {
                    return Ok(v);
                }
                if self.unicode {
                    return Err(INVALID_UNICODE_ESCAPE);
                }
                Ok(c)
            }
            _ => {
                if !self.unicode && !(ch(c) == 'k' && self.named) {
                    self.i += 1;
                    return Ok(c);
                }
                if is_syntax_char(c) || c == u32::from('/') {
                    self.i += 1;
                    return Ok(c);
                }
                if self.unicode_sets && in_class && is_class_set_reserved_punctuator(c) {
                    self.i += 1;
                    return Ok(c);
                }
                Err(INVALID_ESCAPE)
            }
        }
    }

    /// A character class at `[`.
    fn class(&mut self) -> R<()> {
        if self.unicode_sets {
            return self.class_set();
        }
        self.i += 1; // '['
        self.eat('^');
        loop {
            match self.peek_char() {
                None => return Err(UNTERMINATED_CLASS),
                Some(']') => {
                    self.i += 1;
                    return Ok(());
                }
                Some(_) => {}
            }
            let first = self.class_atom()?;
            if !self.eat('-') {
                continue;
            }
            match self.peek_char() {
                None => return Err(UNTERMINATED_CLASS),
                Some(']') => continue, // `-` is literal before `]`
                Some(_) => {}
            }
            let second = self.class_atom()?;
            match (first, second) {
                (Atom::Char(a), Atom::Char(b)) => {
                    if a > b {
                        return Err(CLASS_OUT_OF_ORDER);
                    }
                }
                _ if self.unicode => return Err(INVALID_CHARACTER_CLASS),
                _ => {} // Annex B: `[\d-z]` is \d, '-' and 'z'
            }
        }
    }

    /// ClassAtom outside `v` mode (V8's `ParseClassEscape` or one character).
    fn class_atom(&mut self) -> R<Atom> {
        let Some(c) = self.peek() else { return Err(UNTERMINATED_CLASS) };
        if c != u32::from('\\') {
            self.i += 1;
            return Ok(Atom::Char(c));
        }
        match self.peek_at(1).map(ch) {
            None => Err(ESCAPE_AT_END),
            Some('b') => {
                self.i += 2;
                Ok(Atom::Char(0x08))
            }
            Some('-') if self.unicode => {
                self.i += 2;
                Ok(Atom::Char(u32::from('-')))
            }
            Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                self.i += 2;
                Ok(Atom::Class)
            }
            Some(p @ ('p' | 'P')) if self.unicode => {
                self.i += 2;
                self.property_escape(p == 'P', true)?;
                Ok(Atom::Class)
            }
            Some(_) => self.character_escape(true).map(Atom::Char),
        }
    }

    /// A `v`-mode class at `[` (ClassSetExpression). Nested classes live on
    /// an explicit stack, so depth is bounded by memory, not the call stack.
    fn class_set(&mut self) -> R<()> {
        let mut stack = vec![self.open_set()];
        loop {
            let Some(top) = stack.last_mut() else { return Ok(()) };
            let Some(c) = self.peek() else { return Err(UNTERMINATED_CLASS) };
            let c1 = self.peek_at(1);
            if c == u32::from(']') {
                if top.expect_operand {
                    return Err(INVALID_CHARACTER_IN_CLASS);
                }
                self.i += 1;
                let done = stack.pop().ok_or(UNTERMINATED_CLASS)?;
                if done.negated && done.strings {
                    return Err(NEGATED_CLASS_WITH_STRINGS);
                }
                match stack.last_mut() {
                    // The closed class is an operand of the enclosing one.
                    Some(parent) => parent.add(Operand::Set(done.strings)),
                    None => return Ok(()),
                }
                continue;
            }
            let twice = |a: char| c == u32::from(a) && c1 == Some(u32::from(a));
            if top.operands > 0 && !top.expect_operand && (twice('&') || twice('-')) {
                let kind = if twice('&') { SetKind::Intersection } else { SetKind::Subtraction };
                if top.kind == SetKind::Union && top.operands == 1 && !top.ranged {
                    top.kind = kind;
                } else if top.kind != kind {
                    return Err(INVALID_CLASS_SET_OPERATION);
                }
                self.i += 2;
                if kind == SetKind::Intersection && self.peek() == Some(u32::from('&')) {
                    return Err(INVALID_CHARACTER_IN_CLASS);
                }
                top.expect_operand = true;
                continue;
            }
            if top.kind != SetKind::Union && !top.expect_operand {
                return Err(INVALID_CLASS_SET_OPERATION);
            }
            if c == u32::from('-') && top.operands > 0 && !top.expect_operand {
                // ClassSetRange: both ends single characters, in order.
                let Some(from) = top.last_char else { return Err(INVALID_CHARACTER_CLASS) };
                self.i += 1;
                if self.peek() == Some(u32::from('[')) {
                    return Err(INVALID_CHARACTER_CLASS);
                }
                match self.set_operand()? {
                    Operand::Char(to) if from <= to => {}
                    Operand::Char(_) => return Err(CLASS_OUT_OF_ORDER),
                    Operand::Set(_) => return Err(INVALID_CHARACTER_CLASS),
                }
                top.ranged = true;
                top.last_char = None;
                continue;
            }
            if c == u32::from('[') {
                let child = self.open_set();
                stack.push(child);
                continue;
            }
            let operand = self.set_operand()?;
            top.add(operand);
        }
    }

    fn open_set(&mut self) -> SetFrame {
        self.i += 1; // '['
        let negated = self.eat('^');
        SetFrame {
            negated,
            kind: SetKind::Union,
            strings: false,
            operands: 0,
            ranged: false,
            last_char: None,
            expect_operand: false,
        }
    }

    /// A ClassSetOperand other than a nested class: `\q{...}`, a class
    /// escape, or one ClassSetCharacter.
    fn set_operand(&mut self) -> R<Operand> {
        if self.peek() == Some(u32::from('\\')) {
            match self.peek_at(1).map(ch) {
                Some('q') => {
                    self.i += 2;
                    return self.string_disjunction().map(Operand::Set);
                }
                Some('d' | 'D' | 's' | 'S' | 'w' | 'W') => {
                    self.i += 2;
                    return Ok(Operand::Set(false));
                }
                Some(p @ ('p' | 'P')) => {
                    self.i += 2;
                    return self.property_escape(p == 'P', true).map(Operand::Set);
                }
                _ => {}
            }
        }
        self.set_character().map(Operand::Char)
    }

    /// ClassSetCharacter (V8's `ParseClassSetCharacter`).
    fn set_character(&mut self) -> R<u32> {
        let Some(c) = self.peek() else { return Err(UNTERMINATED_CLASS) };
        if c == u32::from('\\') {
            return match self.peek_at(1).map(ch) {
                None => Err(ESCAPE_AT_END),
                Some('b') => {
                    self.i += 2;
                    Ok(0x08)
                }
                Some(_) => self.character_escape(true),
            };
        }
        if is_class_set_syntax_char(c) {
            return Err(INVALID_CHARACTER_IN_CLASS);
        }
        if is_class_set_reserved_double(c) && self.peek_at(1) == Some(c) {
            return Err(INVALID_CLASS_SET_OPERATION);
        }
        self.i += 1;
        Ok(c)
    }

    /// `{...|...}` after `\q`; `true` if some string is not one character.
    fn string_disjunction(&mut self) -> R<bool> {
        if !self.eat('{') {
            return Err(INVALID_ESCAPE);
        }
        let mut strings = false;
        let mut len = 0usize;
        loop {
            match self.peek_char() {
                None => return Err(UNTERMINATED_CLASS),
                Some('}') => {
                    self.i += 1;
                    return Ok(strings || len != 1);
                }
                Some('|') => {
                    self.i += 1;
                    strings |= len != 1;
                    len = 0;
                }
                Some(_) => {
                    self.set_character()?;
                    len += 1;
                }
            }
        }
    }
}

/// The shape of a `v`-mode class: operands joined by nothing, `&&` or `--`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SetKind {
    Union,
    Intersection,
    Subtraction,
}

/// One open `v`-mode class.
struct SetFrame {
    negated: bool,
    kind: SetKind,
    /// MayContainStrings so far: any operand's for a union, every
    /// operand's for an intersection, the first operand's for a subtraction.
    strings: bool,
    operands: usize,
    /// A union that holds a range can no longer become `&&`/`--`.
    ranged: bool,
    /// The last operand, when it was a single character that may start a range.
    last_char: Option<u32>,
    /// After `&&`/`--`: an operand must come next.
    expect_operand: bool,
}

impl SetFrame {
    fn add(&mut self, op: Operand) {
        let (c, s) = match op {
            Operand::Char(c) => (Some(c), false),
            Operand::Set(s) => (None, s),
        };
        self.strings = match self.kind {
            _ if self.operands == 0 => s,
            SetKind::Union => self.strings || s,
            SetKind::Intersection => self.strings && s,
            SetKind::Subtraction => self.strings,
        };
        self.last_char = if self.kind == SetKind::Union { c } else { None };
        self.operands += 1;
        self.expect_operand = false;
    }
}
