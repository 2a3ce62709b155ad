//! `compress::unbrotli` on arbitrary bytes: an error or at most the cap, never a
//! panic, a hang or an allocation beyond the cap.
#![no_main]
use cfn_accel_core::compress;
use libfuzzer_sys::fuzz_target;

const CAP: usize = 1 << 20;

fuzz_target!(|data: &[u8]| {
    if let Ok(out) = compress::unbrotli(data, CAP) {
        assert!(out.len() <= CAP);
    }
});
