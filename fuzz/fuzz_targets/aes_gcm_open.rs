//! `digest::open` on arbitrary key and ciphertext: `ERR_CFN_DECRYPT` (or
//! `ERR_CFN_INVALID_ARG` for a key that is not 32 bytes), never a panic; and
//! seal/open round trips, with any single flipped bit rejected.
#![no_main]
use cfn_accel_core::digest;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.is_empty() {
        return;
    }
    // First byte: key length (so wrong key lengths are covered too).
    let klen = (data[0] as usize) % 40;
    let rest = &data[1..];
    if rest.len() < klen {
        let _ = digest::open(rest, rest);
        return;
    }
    let (key, body) = rest.split_at(klen);
    match digest::open(key, body) {
        Ok(_) => {} // only possible for a genuine seal; nothing to assert
        Err(e) => assert!(e.code() == "ERR_CFN_DECRYPT" || e.code() == "ERR_CFN_INVALID_ARG"),
    }
    if klen == digest::KEY_LEN && body.len() >= digest::NONCE_LEN {
        let (nonce, pt) = body.split_at(digest::NONCE_LEN);
        let sealed = digest::seal(key, nonce, pt).unwrap();
        assert_eq!(digest::open(key, &sealed).unwrap(), pt);
        let bit = (data.len() * 7919) % (sealed.len() * 8);
        let mut bad = sealed.clone();
        bad[bit / 8] ^= 1 << (bit % 8);
        assert_eq!(digest::open(key, &bad).unwrap_err().code(), "ERR_CFN_DECRYPT");
        assert_eq!(digest::open(key, &sealed[..sealed.len() - 1]).unwrap_err().code(), "ERR_CFN_DECRYPT");
    }
});
