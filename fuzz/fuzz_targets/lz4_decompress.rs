//! `compress::lz4_decompress` on arbitrary bytes: an error or at most the
//! cap, never a panic; whatever it accepts re-encodes and decodes to itself.
#![no_main]
use cfn_accel_core::compress;
use libfuzzer_sys::fuzz_target;

const CAP: usize = 1 << 20;

fuzz_target!(|data: &[u8]| {
    let Ok(out) = compress::lz4_decompress(data, CAP) else { return };
    assert!(out.len() <= CAP);
    // Whatever decodes must also re-encode and decode to itself.
    let again = compress::lz4_compress(&out).unwrap();
    assert_eq!(compress::lz4_decompress(&again, CAP).unwrap(), out);
});
