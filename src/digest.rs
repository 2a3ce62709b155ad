//! Cryptographic digests and AES-256-GCM sealing in the `node:crypto` layout.

use crate::error::{CfnError, Result};
use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use md5::Md5;
use sha2::{Digest, Sha256};

/// Length of the GCM nonce that prefixes every ciphertext.
pub const NONCE_LEN: usize = 12;
/// Length of the GCM authentication tag that ends every ciphertext.
pub const TAG_LEN: usize = 16;
/// Length of an AES-256 key.
pub const KEY_LEN: usize = 32;

/// SHA-256 digest of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// MD5 digest of `data` (for compatibility checksums, not security).
pub fn md5(data: &[u8]) -> [u8; 16] {
    Md5::digest(data).into()
}

fn cipher(key: &[u8]) -> Result<Aes256Gcm> {
    if key.len() != KEY_LEN {
        return Err(CfnError::InvalidArg(format!(
            "key must be {KEY_LEN} bytes, got {}",
            key.len()
        )));
    }
    Aes256Gcm::new_from_slice(key).map_err(|_| CfnError::InvalidArg("invalid key".into()))
}

/// Encrypts `data` under `key` with `nonce`; returns `nonce ‖ ciphertext ‖ tag`.
///
/// The nonce comes from the caller so the core needs no randomness source
/// (which `wasm32-unknown-unknown` lacks); the JS layer draws it from the
/// platform's CSPRNG.
pub fn seal(key: &[u8], nonce: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    if nonce.len() != NONCE_LEN {
        return Err(CfnError::InvalidArg(format!(
            "nonce must be {NONCE_LEN} bytes, got {}",
            nonce.len()
        )));
    }
    let sealed = cipher(key)?
        .encrypt(Nonce::from_slice(nonce), data)
        .map_err(|_| CfnError::Limit("input too large for AES-GCM".into()))?;
    let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
    out.extend_from_slice(nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Decrypts `nonce ‖ ciphertext ‖ tag` under `key`; a wrong key, a tampered
/// byte or a truncated input is `ERR_CFN_DECRYPT`.
pub fn open(key: &[u8], data: &[u8]) -> Result<Vec<u8>> {
    let aes = cipher(key)?;
    if data.len() < NONCE_LEN + TAG_LEN {
        return Err(CfnError::Decrypt(format!(
            "ciphertext too short: {} bytes, need at least {}",
            data.len(),
            NONCE_LEN + TAG_LEN
        )));
    }
    let (nonce, body) = data.split_at(NONCE_LEN);
    aes.decrypt(Nonce::from_slice(nonce), body)
        .map_err(|_| CfnError::Decrypt("authentication failed: wrong key or tampered data".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roundtrip_and_tamper() {
        let key = [7u8; 32];
        let sealed = seal(&key, &[1u8; 12], b"hello").unwrap();
        assert_eq!(sealed.len(), 12 + 5 + 16);
        assert_eq!(open(&key, &sealed).unwrap(), b"hello");
        let mut bad = sealed.clone();
        bad[14] ^= 1;
        assert_eq!(open(&key, &bad).unwrap_err().code(), "ERR_CFN_DECRYPT");
        assert_eq!(open(&[8u8; 32], &sealed).unwrap_err().code(), "ERR_CFN_DECRYPT");
        assert_eq!(open(&key, &sealed[..20]).unwrap_err().code(), "ERR_CFN_DECRYPT");
    }

    #[test]
    fn digests() {
        let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(hex(&sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(hex(&md5(b"abc")), "900150983cd24fb0d6963f7d28e17f72");
    }
}
