//! Risky code (eval, TLS checks off, shell commands from templates): not
//! scanned yet in the core.

use super::{Analysis, FileContext};

/// Reports risky code found in `text` into `out`.
pub fn check(_text: &str, _ctx: &FileContext, _out: &mut Analysis) {}
