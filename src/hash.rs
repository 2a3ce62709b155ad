//! Non-cryptographic hashes: FNV-1a 32, xxHash64, XXH3-64.

/// FNV-1a 32-bit over `data` (offset basis 2166136261, prime 16777619).
pub fn fnv1a32(data: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in data {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// xxHash64 of `data` with `seed`, as the reference implementation.
pub fn xxh64(data: &[u8], seed: u64) -> u64 {
    xxhash_rust::xxh64::xxh64(data, seed)
}

/// XXH3 64-bit of `data` with the default secret and seed 0.
pub fn xxh3(data: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(data)
}

/// xxHash32 of `data` with `seed` (used by LZ4 frame checksums and records).
pub fn xxh32(data: &[u8], seed: u32) -> u32 {
    xxhash_rust::xxh32::xxh32(data, seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_known_vectors() {
        assert_eq!(fnv1a32(b""), 0x811c9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c292c);
        assert_eq!(fnv1a32(b"foobar"), 0xbf9cf968);
    }

    #[test]
    fn xxh_known_vectors() {
        assert_eq!(xxh64(b"", 0), 0xef46db3751d8e999);
        assert_eq!(xxh3(b""), 0x2d06800538d394c2);
        assert_eq!(xxh32(b"", 0), 0x02cc5d05);
    }
}
