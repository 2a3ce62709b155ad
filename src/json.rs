//! A JSON validator that builds nothing: RFC 8259 as `JSON.parse` accepts
//! it, iterative (one byte of stack per nesting level, so no depth can
//! overflow), reporting the first error with a position. `lib/js/json.js`
//! implements the same algorithm with the same messages; keep them in step.
//!
//! Messages are V8's `JSON.parse` messages (V8 11.3, message-template.h)
//! word for word, without the " at position N" V8 appends to some: the
//! position is in the fields, and for bytes V8's would count other units.
//! Bytes get the message V8 gives for the decoded text. V8 may quote half of
//! a surrogate pair; a Rust string cannot hold one, so it is U+FFFD here
//! (the JS side recomputes such messages, see `lib/api.js`).

/// The first error in a JSON text: a message and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong, e.g. `Unexpected number in JSON`.
    pub message: String,
    /// 1-based line (lines end at `\n`).
    pub line: usize,
    /// 1-based column, in UTF-16 units when `utf16` was asked, else bytes.
    pub column: usize,
    /// 0-based offset, in the same units as `column`.
    pub offset: usize,
}

const END: &str = "Unexpected end of JSON input";
const UNTERMINATED: &str = "Unterminated string in JSON";
const BAD_UNICODE: &str = "Bad Unicode escape in JSON";
/// V8 quotes the text around an unexpected token only when the whole text
/// has at least this many UTF-16 units (kMinOriginalSourceLengthForContext)...
const MIN_FOR_CONTEXT: usize = 21;
/// ...and then this many on either side of it (kMaxContextCharacters).
const CONTEXT: usize = 10;
/// Whole texts V8 names without quoting a token (IsSpecialString): what
/// `String()` makes of values that are not JSON.
const SPECIAL: [&str; 4] = ["[object Object]", "undefined", "Infinity", "NaN"];

/// Byte classes inside a string: 0 plain, 1 quote, 2 backslash, 3 control.
static STRING_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = 3;
        i += 1;
    }
    t[b'"' as usize] = 1;
    t[b'\\' as usize] = 2;
    t
};

/// A code unit the scanner reads: a byte of UTF-8 text, or a unit of a JS
/// string's UTF-16. JSON's grammar is all ASCII, so a scanner needs the
/// ASCII value of a unit and nothing else; any other unit reads as 0x80
/// (plain string content, an unexpected token anywhere else).
trait Unit: Copy {
    /// The unit's value when it is ASCII (bytes: the byte itself).
    fn ascii(self) -> u8;
    /// Whether the character starting at `s[0]` is U+00FF or below, which is
    /// when V8 words a bad escape as one (bytes: a lead byte C2 or C3).
    fn latin1(s: &[Self]) -> bool;
}

impl Unit for u8 {
    #[inline(always)]
    fn ascii(self) -> u8 {
        self
    }
    fn latin1(s: &[u8]) -> bool {
        match s {
            [b, ..] if *b < 0x80 => true,
            [0xc2 | 0xc3, c, ..] => c & 0xc0 == 0x80,
            _ => false,
        }
    }
}

impl Unit for u16 {
    #[inline(always)]
    fn ascii(self) -> u8 {
        if self < 0x80 {
            self as u8
        } else {
            0x80
        }
    }
    fn latin1(s: &[u16]) -> bool {
        s.first().is_some_and(|&u| u <= 0xff)
    }
}

struct Scanner<'a, T: Unit> {
    s: &'a [T],
    pos: usize,
}

/// An error and its byte position; an empty message means "an unexpected
/// token there", worded by `token_message`.
type Step = Result<(), (&'static str, usize)>;

impl<T: Unit> Scanner<'_, T> {
    #[inline(always)]
    fn at(&self, i: usize) -> Option<u8> {
        self.s.get(i).map(|u| u.ascii())
    }

    fn ws(&mut self) {
        while let Some(b) = self.at(self.pos) {
            if b == b' ' || b == b'\n' || b == b'\r' || b == b'\t' {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn unexpected(&self) -> (&'static str, usize) {
        match self.at(self.pos) {
            None => (END, self.pos),
            Some(_) => ("", self.pos), // message filled in by `token_message`
        }
    }

    fn string(&mut self) -> Step {
        // self.s[self.pos] == b'"'
        self.pos += 1;
        loop {
            let rest = &self.s[self.pos..];
            let skip = rest.iter().position(|&b| STRING_CLASS[b.ascii() as usize] != 0);
            match skip {
                None => {
                    self.pos = self.s.len();
                    return Err((UNTERMINATED, self.pos));
                }
                Some(n) => self.pos += n,
            }
            match STRING_CLASS[self.s[self.pos].ascii() as usize] {
                1 => {
                    self.pos += 1;
                    return Ok(());
                }
                3 => return Err(("Bad control character in string literal in JSON", self.pos)),
                _ => {
                    self.pos += 1;
                    match self.at(self.pos) {
                        // V8 reads the escaped character as a token: at the end there is none.
                        None => return Err((END, self.pos)),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 1
                        }
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                match self.at(self.pos) {
                                    Some(b) if b.is_ascii_hexdigit() => self.pos += 1,
                                    _ => return Err((BAD_UNICODE, self.pos)),
                                }
                            }
                        }
                        // V8 names a bad escape only for a Latin-1 character
                        // (U+00FF and below, lead byte C2 or C3 in UTF-8);
                        // any other is an unexpected token.
                        Some(_) if T::latin1(&self.s[self.pos..]) => {
                            return Err(("Bad escaped character in JSON", self.pos))
                        }
                        Some(_) => return Err(("", self.pos)),
                    }
                }
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.at(self.pos).is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Step {
        if self.s[self.pos].ascii() == b'-' {
            self.pos += 1;
        }
        match self.at(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                // A digit after a leading zero: V8 reports it as a number token.
                if self.at(self.pos).is_some_and(|b| b.is_ascii_digit()) {
                    return Err(("", self.pos));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(("No number after minus sign in JSON", self.pos)),
        }
        if self.at(self.pos) == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(("Unterminated fractional number in JSON", self.pos));
            }
        }
        if matches!(self.at(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.at(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(("Exponent part is missing a number in JSON", self.pos));
            }
        }
        Ok(())
    }

    fn literal(&mut self, word: &[u8]) -> Step {
        for &w in word {
            if self.at(self.pos) != Some(w) {
                return Err(self.unexpected());
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// Parses a scalar, or opens a container (pushed on `stack`, `pos` left
    /// at its first value).
    fn value(&mut self, stack: &mut Vec<u8>) -> Step {
        match self.at(self.pos) {
            None => Err((END, self.pos)),
            Some(b'{') => {
                self.pos += 1;
                self.ws();
                match self.at(self.pos) {
                    Some(b'}') => {
                        self.pos += 1;
                        Ok(())
                    }
                    Some(b'"') => {
                        stack.push(b'{');
                        self.key(true)
                    }
                    _ => Err(("Expected property name or '}' in JSON", self.pos)),
                }
            }
            Some(b'[') => {
                self.pos += 1;
                self.ws();
                if self.at(self.pos) == Some(b']') {
                    self.pos += 1;
                    return Ok(());
                }
                stack.push(b'[');
                Ok(())
            }
            Some(b'"') => self.string(),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(_) => Err(self.unexpected()),
        }
    }

    /// A key and its colon; leaves `pos` at the value. V8 names the missing
    /// colon only after an object's `first` key; after the others it reports
    /// whatever token is there.
    fn key(&mut self, first: bool) -> Step {
        self.string()?;
        self.ws();
        match self.at(self.pos) {
            Some(b':') => {
                self.pos += 1;
                self.ws();
                Ok(())
            }
            _ if first => Err(("Expected ':' after property name in JSON", self.pos)),
            _ => Err(("", self.pos)),
        }
    }

    fn run(&mut self) -> Step {
        let mut stack: Vec<u8> = Vec::new();
        self.ws();
        loop {
            let depth = stack.len();
            self.value(&mut stack)?;
            if stack.len() > depth {
                // A container was opened and `pos` is at its first value.
                continue;
            }
            // A value is complete: close containers or move to the next item.
            loop {
                self.ws();
                let Some(&top) = stack.last() else {
                    return if self.pos == self.s.len() {
                        Ok(())
                    } else {
                        Err(("Unexpected non-whitespace character after JSON", self.pos))
                    };
                };
                match (top, self.at(self.pos)) {
                    (b'{', Some(b'}')) | (b'[', Some(b']')) => {
                        stack.pop();
                        self.pos += 1;
                    }
                    (b'{', Some(b',')) => {
                        self.pos += 1;
                        self.ws();
                        match self.at(self.pos) {
                            Some(b'"') => self.key(false)?,
                            _ => {
                                return Err((
                                    "Expected double-quoted property name in JSON",
                                    self.pos,
                                ))
                            }
                        }
                        break;
                    }
                    (b'[', Some(b',')) => {
                        self.pos += 1;
                        self.ws();
                        break;
                    }
                    (b'{', _) => {
                        return Err(("Expected ',' or '}' after property value in JSON", self.pos))
                    }
                    _ => return Err(("Expected ',' or ']' after array element in JSON", self.pos)),
                }
            }
        }
    }
}

/// Offset of the first byte that is not part of valid UTF-8, if any.
fn first_invalid_utf8(s: &[u8]) -> Option<usize> {
    std::str::from_utf8(s).err().map(|e| e.valid_up_to())
}

/// The last `k` UTF-16 units of `text` (the first may be a low surrogate).
fn units_before(text: &str, k: usize) -> Vec<u16> {
    let mut rev: Vec<u16> = Vec::with_capacity(k + 1);
    for c in text.chars().rev() {
        if rev.len() >= k {
            break;
        }
        let mut buf = [0u16; 2];
        rev.extend(c.encode_utf16(&mut buf).iter().rev());
    }
    rev.truncate(k);
    rev.reverse();
    rev
}

/// V8's message for an unexpected token at byte `pos` of `s`
/// (JsonParser::LookUpErrorMessageForJsonToken), for the text as V8 would
/// see it: U+FFFD for bad UTF-8 after `pos` (the bytes before it are valid,
/// or that error would have come first), positions in UTF-16 units.
fn token_message(s: &[u8], pos: usize) -> String {
    let text = String::from_utf8_lossy(s);
    // s[..pos] is valid UTF-8, so `pos` is the same character boundary in `text`.
    let Some(rest) = text.get(pos..) else {
        return END.to_string();
    };
    let Some(c) = rest.chars().next() else {
        return END.to_string();
    };
    match c {
        '"' => return "Unexpected string in JSON".to_string(),
        '-' | '0'..='9' => return "Unexpected number in JSON".to_string(),
        _ => {}
    }
    if SPECIAL.contains(&&*text) {
        return format!("\"{text}\" is not valid JSON");
    }
    // V8 quotes one UTF-16 unit: half of an astral character's pair.
    let token = if c.len_utf16() == 1 { c } else { '\u{fffd}' };
    let n = text.encode_utf16().count();
    if n < MIN_FOR_CONTEXT {
        return format!("Unexpected token '{token}', \"{text}\" is not valid JSON");
    }
    let before = &text[..pos];
    let pos16 = before.encode_utf16().count();
    let mut window = units_before(before, pos16.min(CONTEXT));
    let (lead, trail) = if pos16 < CONTEXT {
        window.extend(rest.encode_utf16().take(CONTEXT));
        ("", "...")
    } else if pos16 < n - CONTEXT {
        window.extend(rest.encode_utf16().take(CONTEXT));
        ("...", "...")
    } else {
        window.extend(rest.encode_utf16());
        ("...", "")
    };
    let quoted = String::from_utf16_lossy(&window);
    format!("Unexpected token '{token}', {lead}\"{quoted}\"{trail} is not valid JSON")
}

/// Checks `s` as JSON; `None` when valid. Positions count UTF-16 units when
/// `utf16` is set (the text came from a JS string), else bytes.
pub fn check(s: &[u8], utf16: bool) -> Option<JsonError> {
    let mut sc = Scanner { s, pos: 0 };
    let structural = sc.run().err();
    report(s, utf16, structural, first_invalid_utf8(s))
}

/// Checks a JS string's text as JSON (positions in UTF-16 units). A `str`
/// is valid UTF-8 already, so the second pass `check` makes over bytes to
/// find invalid UTF-8 is left out.
pub fn check_str(s: &str) -> Option<JsonError> {
    let mut sc = Scanner { s: s.as_bytes(), pos: 0 };
    let structural = sc.run().err();
    report(s.as_bytes(), true, structural, None)
}

/// Whether a JS string's UTF-16 units are JSON `JSON.parse` accepts. The
/// verdict only: a caller that needs the error's message and position asks
/// [`check_str`] (errors are rare, and wording them needs UTF-8). Reading
/// the units as V8 holds them skips transcoding the string at the boundary.
pub fn is_valid_utf16(units: &[u16]) -> bool {
    Scanner { s: units, pos: 0 }.run().is_ok()
}

/// The error of `check`: the structural one, or invalid UTF-8 where it
/// comes first.
fn report(
    s: &[u8],
    utf16: bool,
    structural: Option<(&'static str, usize)>,
    bad_utf8: Option<usize>,
) -> Option<JsonError> {
    let (message, pos) = match (structural, bad_utf8) {
        (None, None) => return None,
        (Some((_, p)), Some(u)) if u < p => ("Invalid UTF-8 in JSON".to_string(), u),
        (None, Some(u)) => ("Invalid UTF-8 in JSON".to_string(), u),
        (Some((m, p)), _) => (
            if m.is_empty() {
                token_message(s, p)
            } else {
                m.to_string()
            },
            p,
        ),
    };
    let (line, column, offset) = crate::text::locate(s, pos, utf16);
    Some(JsonError {
        message,
        line,
        column,
        offset,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> (String, usize, usize) {
        let e = check(s.as_bytes(), true).expect("should be invalid");
        (e.message, e.line, e.column)
    }

    #[test]
    fn valid() {
        for s in [
            "0",
            "-0.5e+10",
            " [1, 2, {\"a\": [true, false, null]}] ",
            "\"\\u00e9\\n\"",
            "{}",
            "[]",
            "{\"a\":{\"b\":{}}}",
            "\"é😀\"",
        ] {
            assert_eq!(check(s.as_bytes(), true), None, "{s}");
        }
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(check(deep.as_bytes(), true), None);
    }

    #[test]
    fn invalid() {
        assert_eq!(err(""), (END.into(), 1, 1));
        assert_eq!(
            err("[1,]"),
            (
                "Unexpected token ']', \"[1,]\" is not valid JSON".into(),
                1,
                4
            )
        );
        assert_eq!(
            err("{\"a\" 1}"),
            ("Expected ':' after property name in JSON".into(), 1, 6)
        );
        assert_eq!(err("{\"a\":1,\"b\" 1}").0, "Unexpected number in JSON");
        assert_eq!(
            err("[1\n,2 x"),
            (
                "Expected ',' or ']' after array element in JSON".into(),
                2,
                4
            )
        );
        assert_eq!(
            err("[0").0,
            "Expected ',' or ']' after array element in JSON"
        );
        assert_eq!(err("{").0, "Expected property name or '}' in JSON");
        assert_eq!(
            err("\"😀\" x"),
            (
                "Unexpected non-whitespace character after JSON".into(),
                1,
                6
            )
        );
        assert_eq!(err("tru"), (END.into(), 1, 4));
        assert_eq!(err("01"), ("Unexpected number in JSON".into(), 1, 2));
        assert_eq!(err("t\""), ("Unexpected string in JSON".into(), 1, 2));
        assert_eq!(
            err("\"a\u{1}\""),
            (
                "Bad control character in string literal in JSON".into(),
                1,
                3
            )
        );
        assert_eq!(err("\"\\é\"").0, "Bad escaped character in JSON");
        assert_eq!(
            err("\"\\ā\"").0,
            "Unexpected token 'ā', \"\"\\ā\"\" is not valid JSON"
        );
        assert_eq!(err("\"\\"), (END.into(), 1, 3));
        assert_eq!(err("\"\\u1").0, BAD_UNICODE);
        assert_eq!(err("undefined").0, "\"undefined\" is not valid JSON");
        // V8's 10-unit windows, in UTF-16 units; half a pair becomes U+FFFD.
        assert_eq!(
            err(&format!("x{}", "1".repeat(20))).0,
            "Unexpected token 'x', \"x111111111\"... is not valid JSON"
        );
        assert_eq!(
            err("[11111111,x,11111111111]").0,
            "Unexpected token 'x', ...\"[11111111,x,11111111\"... is not valid JSON"
        );
        assert_eq!(
            err("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, x]").0,
            "Unexpected token 'x', ...\", 19, 20, x]\" is not valid JSON"
        );
        assert_eq!(
            err("[\"😀😀😀😀😀\" ,😀,1111111111]").0,
            "Unexpected token '\u{fffd}', ...\"\u{fffd}😀😀😀\" ,😀,1111111\"... is not valid JSON"
        );
        assert_eq!(
            check(b"\"\xff\"", false).unwrap().message,
            "Invalid UTF-8 in JSON"
        );
        let deep = "[".repeat(100_000);
        assert_eq!(err(&deep).0, END);
    }

    #[test]
    fn utf16_verdict_is_the_byte_checkers() {
        let mut texts: Vec<String> = [
            "0", "-0.5e+10", " [1, 2, {\"a\": [true, false, null]}] ", "\"\\u00e9\\n\"", "{}", "[]",
            "\"é😀\"", "", "[1,]", "{\"a\" 1}", "[0", "{", "tru", "01", "t\"", "\"a\u{1}\"", "\"\\é\"",
            "\"\\ā\"", "\"\\", "\"\\u1", "undefined", "[\"Ġ\"]", "[1Ġ]", "{\"ÿ\":\"ā\"}", "é", "\"\u{7f}\"",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every prefix of a document with non-ASCII content and escapes.
        let doc = "{\"naïve\": [1.5e-3, \"Ā😀\\u0041\\n\", true, null, {\"k\": -0}], \"ÿ\": \"\"}";
        let cuts: Vec<usize> = doc.char_indices().map(|(i, _)| i).collect();
        texts.extend(cuts.iter().map(|&i| doc[..i].to_string()));
        texts.push(doc.to_string());
        for t in &texts {
            let units: Vec<u16> = t.encode_utf16().collect();
            assert_eq!(is_valid_utf16(&units), check_str(t).is_none(), "{t:?}");
        }
        // Lone surrogates are string content to JSON.parse.
        let lone: Vec<u16> = [0x22, 0xd800, 0x22].to_vec();
        assert!(is_valid_utf16(&lone));
        assert!(!is_valid_utf16(&[0xd800]));
    }

}
