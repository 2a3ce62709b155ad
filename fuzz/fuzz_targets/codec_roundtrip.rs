//! Every codec round-trips arbitrary bytes at every level, and one flipped
//! bit in a checksummed format (LZ4 frame, gzip, zlib) decodes to an error
//! or to the original, never to other bytes.
#![no_main]
use cfn_accel_core::compress;
use libfuzzer_sys::fuzz_target;

const CAP: usize = 1 << 22;
type Dec = fn(&[u8], usize) -> cfn_accel_core::Result<Vec<u8>>;

fn flips(enc: &[u8], dec: Dec, orig: &[u8], seed: usize) {
    for k in 0..4 {
        let bit = (seed.wrapping_mul(2654435761).wrapping_add(k * 40503)) % (enc.len() * 8);
        let mut bad = enc.to_vec();
        bad[bit / 8] ^= 1 << (bit % 8);
        if let Ok(out) = dec(&bad, CAP) {
            assert_eq!(out, orig, "bit {bit} flipped decoded to other bytes");
        }
        let cut = seed.wrapping_add(k) % enc.len();
        if let Ok(out) = dec(&enc[..cut], CAP) {
            assert_eq!(out, orig, "cut at {cut} decoded to other bytes");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&level, body)) = data.split_first() else { return };
    let seed = data.len().wrapping_mul(31).wrapping_add(level as usize);

    let lz = compress::lz4_compress(body).unwrap();
    assert_eq!(compress::lz4_decompress(&lz, CAP).unwrap(), body);
    flips(&lz, compress::lz4_decompress, body, seed);

    let l = (level % 11) as i32 - 1; // -1..=9
    let gz = compress::gzip(body, l).unwrap();
    assert_eq!(compress::gunzip(&gz, CAP).unwrap(), body);
    flips(&gz, compress::gunzip, body, seed);

    let zl = compress::deflate(body, l).unwrap();
    assert_eq!(compress::inflate(&zl, CAP).unwrap(), body);
    flips(&zl, compress::inflate, body, seed);

    // Brotli has no checksum: only the round trip is checked. Quality kept
    // low so the target stays fast.
    let br = compress::brotli(body, (level % 5) as i32).unwrap();
    assert_eq!(compress::unbrotli(&br, CAP).unwrap(), body);
});
