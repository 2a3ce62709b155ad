//! The nesting pre-scan that guards swc (`src/syntax/depth.rs`, private to
//! the core, so compiled in here by path): never a panic, linear, and an
//! over-limit offset inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[path = "../../src/syntax/depth.rs"]
mod depth;

fuzz_target!(|data: &[u8]| {
    for limit in [0, 3, depth::MAX_NESTING] {
        match depth::estimate(data, limit) {
            Ok(d) => assert!(d <= limit),
            Err(at) => assert!(at <= data.len()),
        }
    }
});
