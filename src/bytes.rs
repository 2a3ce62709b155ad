//! Byte-slice search and comparison.

/// First index of `needle` in `hay` at or after `from`, or `None`.
/// An empty needle is found at `min(from, hay.len())`, as `Buffer#indexOf`.
pub fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return if needle.is_empty() { Some(hay.len()) } else { None };
    }
    memchr::memmem::find(&hay[from..], needle).map(|i| i + from)
}

/// -1, 0 or 1 by lexicographic byte order, as `Buffer.compare`.
pub fn compare(a: &[u8], b: &[u8]) -> i32 {
    match a.cmp(b) {
        std::cmp::Ordering::Less => -1,
        std::cmp::Ordering::Equal => 0,
        std::cmp::Ordering::Greater => 1,
    }
}
