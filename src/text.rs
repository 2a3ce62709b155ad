//! Positions in text: byte offsets to 1-based lines and columns, with
//! columns in UTF-16 units (as editors and JS count) when asked.

/// Line, column (both 1-based) and offset of byte `pos` in `s`; column and
/// offset count UTF-16 units when `utf16` (text that came from a JS string,
/// so valid UTF-8), else bytes. Lines end at `\n`.
pub fn locate(s: &[u8], pos: usize, utf16: bool) -> (usize, usize, usize) {
    let pos = pos.min(s.len());
    let before = &s[..pos];
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let line = 1 + memchr::memchr_iter(b'\n', before).count();
    let units = |b: &[u8]| -> usize { if utf16 { utf16_len(b) } else { b.len() } };
    (line, 1 + units(&before[line_start..]), units(before))
}

/// UTF-16 length of valid UTF-8 bytes: one unit per char, two for 4-byte ones.
pub fn utf16_len(b: &[u8]) -> usize {
    b.iter().filter(|&&c| (c & 0xC0) != 0x80).count() + b.iter().filter(|&&c| c >= 0xF0).count()
}

/// Maps byte offsets to lines quickly for many lookups in one text.
pub struct LineIndex<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a [u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// 1-based line and UTF-16 column of byte offset `pos`.
    pub fn line_col(&self, pos: usize) -> (usize, usize) {
        let pos = pos.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= pos);
        let start = self.starts[line - 1];
        (line, 1 + utf16_len(&self.text[start..pos]))
    }
}
