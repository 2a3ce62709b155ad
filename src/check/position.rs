//! Byte offsets to 1-based line and column the way editors count them: a
//! line ends at `\n`, `\r\n` or a lone `\r`, and columns are UTF-16 units
//! (what JavaScript strings index, so every backend reports the same column).
//! `lib/lines.js` is the JavaScript twin.

/// Line starts of one text, for many offset lookups.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` (one pass over its bytes).
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { text, starts }
    }

    /// `(line, column)`, both 1-based, column in UTF-16 units, of the byte
    /// offset `at` (clamped to the text; an offset inside a character counts
    /// from that character's start).
    pub fn position(&self, at: usize) -> (u32, u32) {
        let at = at.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= at) - 1;
        let start = self.starts[line];
        let mut end = at;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column: usize = self.text[start..end].chars().map(char::len_utf16).sum();
        (line as u32 + 1, column as u32 + 1)
    }

    /// The byte offset of 1-based `line` and UTF-16 `column` (the inverse of
    /// `position`), clamped to the line's end.
    pub fn offset(&self, line: u32, column: u32) -> usize {
        let Some(&start) = self.starts.get((line.max(1) - 1) as usize) else {
            return self.text.len();
        };
        let end = self.starts.get(line as usize).copied().unwrap_or(self.text.len());
        let mut units = 1;
        for (i, c) in self.text[start..end].char_indices() {
            if units >= column {
                return start + i;
            }
            units += c.len_utf16() as u32;
        }
        end
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text(&self, line: u32) -> &'a str {
        let Some(&start) = self.starts.get((line.max(1) - 1) as usize) else {
            return "";
        };
        let end = self.starts.get(line as usize).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// Number of lines (a text without a break is one line).
    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_utf16_columns() {
        let t = "a\r\nb\rc\n😀x";
        let ix = LineIndex::new(t);
        assert_eq!(ix.position(0), (1, 1));
        assert_eq!(ix.position(3), (2, 1));
        assert_eq!(ix.position(5), (3, 1));
        assert_eq!(ix.position(t.len() - 1), (4, 3));
        assert_eq!(ix.line_text(4), "😀x");
        assert_eq!(ix.offset(4, 3), t.len() - 1);
        assert_eq!(ix.line_count(), 4);
    }
}
