//! Hard-coded credentials: not scanned yet in the core.

use super::{Analysis, FileContext};

/// Reports credentials found in `text` into `out`.
pub fn check(_text: &str, _ctx: &FileContext, _out: &mut Analysis) {}
