//! A JSON validator that builds nothing: RFC 8259 as `JSON.parse` accepts
//! it, iterative (one byte of stack per nesting level, so no depth can
//! overflow), reporting the first error with a position. `lib/js/json.js`
//! implements the same algorithm with the same messages; keep them in step.

/// The first error in a JSON text: a message and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// What is wrong, e.g. `Unexpected token 'x'`.
    pub message: String,
    /// 1-based line (lines end at `\n`).
    pub line: usize,
    /// 1-based column, in UTF-16 units when `utf16` was asked, else bytes.
    pub column: usize,
    /// 0-based offset, in the same units as `column`.
    pub offset: usize,
}

const END: &str = "Unexpected end of JSON input";

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

struct Scanner<'a> {
    s: &'a [u8],
    pos: usize,
}

type Step = Result<(), (&'static str, usize)>;

impl<'a> Scanner<'a> {
    fn ws(&mut self) {
        while let Some(&b) = self.s.get(self.pos) {
            if b == b' ' || b == b'\n' || b == b'\r' || b == b'\t' {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn unexpected(&self) -> (&'static str, usize) {
        match self.s.get(self.pos) {
            None => (END, self.pos),
            Some(_) => ("", self.pos), // message filled in by `token_message`
        }
    }

    fn string(&mut self) -> Step {
        // self.s[self.pos] == b'"'
        self.pos += 1;
        loop {
            let rest = &self.s[self.pos..];
            let skip = rest.iter().position(|&b| STRING_CLASS[b as usize] != 0);
            match skip {
                None => {
                    self.pos = self.s.len();
                    return Err(("Unterminated string in JSON", self.pos));
                }
                Some(n) => self.pos += n,
            }
            match STRING_CLASS[self.s[self.pos] as usize] {
                1 => {
                    self.pos += 1;
                    return Ok(());
                }
                3 => return Err(("Bad control character in string literal", self.pos)),
                _ => {
                    self.pos += 1;
                    match self.s.get(self.pos) {
                        None => return Err(("Unterminated string in JSON", self.pos)),
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 1,
                        Some(b'u') => {
                            self.pos += 1;
                            for _ in 0..4 {
                                match self.s.get(self.pos) {
                                    None => return Err(("Unterminated string in JSON", self.pos)),
                                    Some(b) if b.is_ascii_hexdigit() => self.pos += 1,
                                    Some(_) => return Err(("Bad Unicode escape in JSON", self.pos)),
                                }
                            }
                        }
                        Some(_) => return Err(("Bad escaped character in JSON", self.pos)),
                    }
                }
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Step {
        if self.s[self.pos] == b'-' {
            self.pos += 1;
        }
        match self.s.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(("No number after minus sign in JSON", self.pos)),
        }
        if self.s.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(("Unterminated fractional number in JSON", self.pos));
            }
        }
        if matches!(self.s.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.s.get(self.pos), Some(b'+' | b'-')) {
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
            if self.s.get(self.pos) != Some(&w) {
                return Err(self.unexpected());
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// Parses a scalar, or opens a container (pushed on `stack`, `pos` left
    /// at its first value).
    fn value(&mut self, stack: &mut Vec<u8>) -> Step {
        match self.s.get(self.pos) {
            None => Err((END, self.pos)),
            Some(b'{') => {
                self.pos += 1;
                self.ws();
                match self.s.get(self.pos) {
                    Some(b'}') => {
                        self.pos += 1;
                        Ok(())
                    }
                    Some(b'"') => {
                        stack.push(b'{');
                        self.key()
                    }
                    None => Err((END, self.pos)),
                    Some(_) => Err(("Expected property name or '}' in JSON", self.pos)),
                }
            }
            Some(b'[') => {
                self.pos += 1;
                self.ws();
                if self.s.get(self.pos) == Some(&b']') {
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

    /// A key and its colon; leaves `pos` at the value.
    fn key(&mut self) -> Step {
        self.string()?;
        self.ws();
        match self.s.get(self.pos) {
            Some(b':') => {
                self.pos += 1;
                self.ws();
                Ok(())
            }
            None => Err((END, self.pos)),
            Some(_) => Err(("Expected ':' after property name in JSON", self.pos)),
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
                match (top, self.s.get(self.pos)) {
                    (_, None) => return Err((END, self.pos)),
                    (b'{', Some(b'}')) | (b'[', Some(b']')) => {
                        stack.pop();
                        self.pos += 1;
                    }
                    (b'{', Some(b',')) => {
                        self.pos += 1;
                        self.ws();
                        match self.s.get(self.pos) {
                            Some(b'"') => self.key()?,
                            None => return Err((END, self.pos)),
                            Some(_) => {
                                return Err(("Expected double-quoted property name in JSON", self.pos))
                            }
                        }
                        break;
                    }
                    (b'[', Some(b',')) => {
                        self.pos += 1;
                        self.ws();
                        break;
                    }
                    (b'{', Some(_)) => {
                        return Err(("Expected ',' or '}' after property value in JSON", self.pos))
                    }
                    (_, Some(_)) => {
                        return Err(("Expected ',' or ']' after array element in JSON", self.pos))
                    }
                }
            }
        }
    }
}

/// Offset of the first byte that is not part of valid UTF-8, if any.
fn first_invalid_utf8(s: &[u8]) -> Option<usize> {
    std::str::from_utf8(s).err().map(|e| e.valid_up_to())
}

fn token_message(s: &[u8], pos: usize) -> String {
    match s.get(pos) {
        Some(&b) if (0x21..0x7f).contains(&b) => format!("Unexpected token '{}' in JSON", b as char),
        _ => "Unexpected character in JSON".to_string(),
    }
}

/// Checks `s` as JSON; `None` when valid. Positions count UTF-16 units when
/// `utf16` is set (the text came from a JS string), else bytes.
pub fn check(s: &[u8], utf16: bool) -> Option<JsonError> {
    let mut sc = Scanner { s, pos: 0 };
    let structural = sc.run().err();
    let bad_utf8 = first_invalid_utf8(s);
    let (message, pos) = match (structural, bad_utf8) {
        (None, None) => return None,
        (Some((_, p)), Some(u)) if u < p => ("Invalid UTF-8 in JSON".to_string(), u),
        (None, Some(u)) => ("Invalid UTF-8 in JSON".to_string(), u),
        (Some((m, p)), _) => (if m.is_empty() { token_message(s, p) } else { m.to_string() }, p),
    };
    let (line, column, offset) = crate::text::locate(s, pos, utf16);
    Some(JsonError { message, line, column, offset })
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
            "0", "-0.5e+10", " [1, 2, {\"a\": [true, false, null]}] ", "\"\\u00e9\\n\"", "{}", "[]",
            "{\"a\":{\"b\":{}}}", "\"é😀\"",
        ] {
            assert_eq!(check(s.as_bytes(), true), None, "{s}");
        }
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(check(deep.as_bytes(), true), None);
    }

    #[test]
    fn invalid() {
        assert_eq!(err(""), (END.into(), 1, 1));
        assert_eq!(err("[1,]"), ("Unexpected token ']' in JSON".into(), 1, 4));
        assert_eq!(err("{\"a\" 1}"), ("Expected ':' after property name in JSON".into(), 1, 6));
        assert_eq!(err("[1\n,2 x"), ("Expected ',' or ']' after array element in JSON".into(), 2, 4));
        assert_eq!(err("\"😀\" x"), ("Unexpected non-whitespace character after JSON".into(), 1, 6));
        assert_eq!(err("tru"), (END.into(), 1, 4));
        assert_eq!(err("01"), ("Unexpected non-whitespace character after JSON".into(), 1, 2));
        assert_eq!(err("\"a\u{1}\""), ("Bad control character in string literal".into(), 1, 3));
        assert_eq!(check(b"\"\xff\"", false).unwrap().message, "Invalid UTF-8 in JSON");
        let deep = "[".repeat(100_000);
        assert_eq!(err(&deep).0, END);
    }
}
