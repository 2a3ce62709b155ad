//! Markdown documents (CommonMark with GitHub's tables): not checked yet in
//! the core beyond the scans every text gets.

use super::Analysis;

/// Reports Markdown structure problems of `text` into `out`.
pub fn check(_text: &str, _out: &mut Analysis) {}
