//! gzip, zlib ("deflate" in `node:zlib` terms), brotli and LZ4 frames, each
//! decoder bounded by an output cap so a decompression bomb stops at the cap
//! instead of at the allocator.

use crate::error::{CfnError, Result};
use std::io::{Read, Write};

/// Output cap used when the caller gives none: 256 MiB.
pub const DEFAULT_MAX_OUTPUT: usize = 256 << 20;

/// Reads all of `reader`, failing with `ERR_CFN_LIMIT` once more than `max`
/// bytes come out. Memory grows with the output actually produced, never with
/// sizes a header claims.
fn read_capped<R: Read>(mut reader: R, max: usize, what: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut limited = (&mut reader).take(max as u64 + 1);
    limited
        .read_to_end(&mut out)
        .map_err(|e| CfnError::Corrupt(format!("invalid {what} data: {e}")))?;
    if out.len() > max {
        return Err(CfnError::Limit(format!(
            "{what} output exceeds maxOutputLength ({max} bytes)"
        )));
    }
    Ok(out)
}

fn need_input(data: &[u8], what: &str) -> Result<()> {
    if data.is_empty() {
        return Err(CfnError::Corrupt(format!("invalid {what} data: unexpected end of input")));
    }
    Ok(())
}

fn level_of(level: i32) -> Result<flate2::Compression> {
    match level {
        -1 => Ok(flate2::Compression::new(6)),
        0..=9 => Ok(flate2::Compression::new(level as u32)),
        _ => Err(CfnError::InvalidArg(format!("level must be -1..9, got {level}"))),
    }
}

fn finish<W: Write>(mut w: W, data: &[u8]) -> Result<W> {
    w.write_all(data)
        .map_err(|e| CfnError::InvalidArg(format!("compression failed: {e}")))?;
    Ok(w)
}

/// gzip (RFC 1952) at `level` (-1 = default 6, 0..=9).
pub fn gzip(data: &[u8], level: i32) -> Result<Vec<u8>> {
    let enc = flate2::write::GzEncoder::new(Vec::with_capacity(data.len() / 2 + 64), level_of(level)?);
    finish(enc, data)?
        .finish()
        .map_err(|e| CfnError::InvalidArg(format!("gzip failed: {e}")))
}

/// Decodes one or more concatenated gzip members, at most `max` bytes out.
pub fn gunzip(data: &[u8], max: usize) -> Result<Vec<u8>> {
    need_input(data, "gzip")?;
    read_capped(flate2::read::MultiGzDecoder::new(data), max, "gzip")
}

/// zlib (RFC 1950), what `node:zlib` calls deflate, at `level`.
pub fn deflate(data: &[u8], level: i32) -> Result<Vec<u8>> {
    let enc = flate2::write::ZlibEncoder::new(Vec::with_capacity(data.len() / 2 + 64), level_of(level)?);
    finish(enc, data)?
        .finish()
        .map_err(|e| CfnError::InvalidArg(format!("deflate failed: {e}")))
}

/// Decodes a zlib stream, at most `max` bytes out.
pub fn inflate(data: &[u8], max: usize) -> Result<Vec<u8>> {
    need_input(data, "deflate")?;
    read_capped(flate2::read::ZlibDecoder::new(data), max, "deflate")
}

/// brotli at `quality` (0..=11; -1 = 11, `node:zlib`'s default), window 22.
pub fn brotli(data: &[u8], quality: i32) -> Result<Vec<u8>> {
    let q = match quality {
        -1 => 11,
        0..=11 => quality as u32,
        _ => return Err(CfnError::InvalidArg(format!("level must be 0..11, got {quality}"))),
    };
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, q, 22);
        w.write_all(data)
            .map_err(|e| CfnError::InvalidArg(format!("brotli failed: {e}")))?;
        w.flush()
            .map_err(|e| CfnError::InvalidArg(format!("brotli failed: {e}")))?;
    }
    Ok(out)
}

/// Decodes a brotli stream, at most `max` bytes out.
pub fn unbrotli(data: &[u8], max: usize) -> Result<Vec<u8>> {
    need_input(data, "brotli")?;
    read_capped(brotli::Decompressor::new(data, 4096), max, "brotli")
}

/// LZ4 frame (the `lz4` tool's format) with a content checksum and the
/// content size recorded, so any LZ4 frame reader can verify it.
pub fn lz4_compress(data: &[u8]) -> Result<Vec<u8>> {
    use lz4_flex::frame::{BlockSize, FrameEncoder, FrameInfo};
    // Small inputs get small blocks: the encoder allocates one block buffer.
    let block_size = match data.len() {
        0..=65_536 => BlockSize::Max64KB,
        65_537..=262_144 => BlockSize::Max256KB,
        262_145..=1_048_576 => BlockSize::Max1MB,
        _ => BlockSize::Max4MB,
    };
    let info = FrameInfo::new()
        .block_size(block_size)
        .content_checksum(true)
        .content_size(Some(data.len() as u64));
    let mut enc = FrameEncoder::with_frame_info(info, Vec::with_capacity(data.len() / 2 + 32));
    enc.write_all(data)
        .map_err(|e| CfnError::InvalidArg(format!("lz4 failed: {e}")))?;
    enc.finish()
        .map_err(|e| CfnError::InvalidArg(format!("lz4 failed: {e}")))
}

/// Decodes one or more concatenated LZ4 frames, at most `max` bytes out.
/// Checksums present in the frame are verified.
pub fn lz4_decompress(data: &[u8], max: usize) -> Result<Vec<u8>> {
    need_input(data, "lz4")?;
    read_capped(lz4_flex::frame::FrameDecoder::new(data), max, "lz4")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        (0..200_000u32).map(|i| (i % 251) as u8 ^ (i / 1000) as u8).collect()
    }

    #[test]
    fn roundtrips() {
        let d = sample();
        assert_eq!(gunzip(&gzip(&d, 6).unwrap(), usize::MAX >> 1).unwrap(), d);
        assert_eq!(inflate(&deflate(&d, 1).unwrap(), usize::MAX >> 1).unwrap(), d);
        assert_eq!(unbrotli(&brotli(&d, 5).unwrap(), usize::MAX >> 1).unwrap(), d);
        assert_eq!(lz4_decompress(&lz4_compress(&d).unwrap(), usize::MAX >> 1).unwrap(), d);
        assert_eq!(lz4_decompress(&lz4_compress(b"").unwrap(), 10).unwrap(), b"");
    }

    #[test]
    fn caps_and_garbage() {
        let zeros = vec![0u8; 1 << 20];
        let bomb = gzip(&zeros, 9).unwrap();
        assert_eq!(gunzip(&bomb, 1000).unwrap_err().code(), "ERR_CFN_LIMIT");
        let bomb = lz4_compress(&zeros).unwrap();
        assert_eq!(lz4_decompress(&bomb, 1000).unwrap_err().code(), "ERR_CFN_LIMIT");
        for f in [gunzip, inflate, unbrotli, lz4_decompress] {
            assert_eq!(f(b"", 10).unwrap_err().code(), "ERR_CFN_CORRUPT");
            assert!(f(b"\x04\x22\x4d\x18garbage-garbage", 1000).is_err());
        }
    }
}
