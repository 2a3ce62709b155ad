//! gzip, zlib ("deflate" in `node:zlib` terms), brotli and LZ4 frames, each
//! decoder bounded by an output cap so a decompression bomb stops at the cap
//! instead of at the allocator.

use crate::error::{CfnError, Result};
use std::io::{Read, Write};

/// Output cap used when the caller gives none: 256 MiB.
pub const DEFAULT_MAX_OUTPUT: usize = 256 << 20;

/// Reads all of `reader`, failing with `ERR_CFN_LIMIT` once more than `max`
/// bytes come out. Memory grows with the output actually produced, never with
/// sizes a header claims, and never past `max` plus 16 KiB (see
/// `append_capped`): the buffer doubles but is clamped there (`read_to_end`
/// would double past the cap, which on wasm32 is memory the instance keeps
/// for good).
fn read_capped<R: Read>(reader: R, max: usize, what: &str) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    append_capped(reader, &mut out, max, what)?;
    Ok(out)
}

/// Output window of `node:zlib`'s synchronous decoders: they inflate into
/// 16 KiB chunks and compare the total with the cap after each chunk, so a
/// stream that is corrupt within the chunk where the cap is crossed is an
/// error about the data there, not about the cap. Reading to the end of that
/// window gives the same answer on every backend.
const NODE_CHUNK: usize = 16 * 1024;

/// `read_capped` appending to `out`, whose length counts toward `max`.
/// Decoding goes on past `max` to the end of `node:zlib`'s output window
/// holding byte `max` (at most 16 KiB more), then stops with `ERR_CFN_LIMIT`;
/// a decoding error before that point is `ERR_CFN_CORRUPT`.
fn append_capped<R: Read>(mut reader: R, out: &mut Vec<u8>, max: usize, what: &str) -> Result<()> {
    let window_end = (max / NODE_CHUNK).saturating_add(1).saturating_mul(NODE_CHUNK);
    let mut len = out.len();
    let result = loop {
        if len == out.len() {
            if len >= window_end {
                break Ok(());
            }
            out.resize(len.saturating_mul(2).max(8192).min(window_end), 0);
        }
        match reader.read(&mut out[len..]) {
            Ok(0) => break Ok(()),
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => break Err(CfnError::Corrupt(format!("invalid {what} data: {e}"))),
        }
    };
    out.truncate(len);
    result?;
    if len > max {
        return Err(CfnError::Limit(format!(
            "{what} output exceeds maxOutputLength ({max} bytes)"
        )));
    }
    Ok(())
}

fn need_input(data: &[u8], what: &str) -> Result<()> {
    if data.is_empty() {
        return Err(CfnError::Corrupt(format!(
            "invalid {what} data: unexpected end of input"
        )));
    }
    Ok(())
}

fn level_of(level: i32) -> Result<flate2::Compression> {
    match level {
        -1 => Ok(flate2::Compression::new(6)),
        0..=9 => Ok(flate2::Compression::new(level as u32)),
        _ => Err(CfnError::InvalidArg(format!(
            "level must be -1..9, got {level}"
        ))),
    }
}

fn finish<W: Write>(mut w: W, data: &[u8]) -> Result<W> {
    w.write_all(data)
        .map_err(|e| CfnError::InvalidArg(format!("compression failed: {e}")))?;
    Ok(w)
}

/// gzip (RFC 1952) at `level` (-1 = default 6, 0..=9).
pub fn gzip(data: &[u8], level: i32) -> Result<Vec<u8>> {
    let enc =
        flate2::write::GzEncoder::new(Vec::with_capacity(data.len() / 2 + 64), level_of(level)?);
    finish(enc, data)?
        .finish()
        .map_err(|e| CfnError::InvalidArg(format!("gzip failed: {e}")))
}

/// Decodes one or more concatenated gzip members, at most `max` bytes out.
/// As `node:zlib` does, a zero byte where the next member would start ends
/// the input (zero padding is common): what follows it is not read.
pub fn gunzip(data: &[u8], max: usize) -> Result<Vec<u8>> {
    need_input(data, "gzip")?;
    let mut out = Vec::new();
    let mut rest = data;
    loop {
        // The bufread decoder takes exactly one member from the slice.
        let mut member = flate2::bufread::GzDecoder::new(rest);
        append_capped(&mut member, &mut out, max, "gzip")?;
        rest = member.into_inner();
        if rest.first().map_or(true, |&b| b == 0) {
            return Ok(out);
        }
    }
}

/// zlib (RFC 1950), what `node:zlib` calls deflate, at `level`.
pub fn deflate(data: &[u8], level: i32) -> Result<Vec<u8>> {
    let enc =
        flate2::write::ZlibEncoder::new(Vec::with_capacity(data.len() / 2 + 64), level_of(level)?);
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
        _ => {
            return Err(CfnError::InvalidArg(format!(
                "level must be 0..11, got {quality}"
            )))
        }
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
    // `Decompressor::new` accepts the large-window extension (up to 2^30-byte
    // windows, so a 1 GiB ring buffer for a few bytes of input; fatal on
    // wasm32). node:zlib rejects it by default, and so do we: the window-bits
    // field 0b0010001 in the first byte's low 7 bits marks it (RFC 7932 9.1
    // reserves that code; the extension took it).
    if data[0] & 0x7f == 0x11 {
        return Err(CfnError::Corrupt(
            "invalid brotli data: large-window brotli is not supported".into(),
        ));
    }
    read_capped(brotli::Decompressor::new(data, 4096), max, "brotli")
}

/// LZ4 frame (the `lz4` tool's format) with a content checksum and the
/// content size recorded, so any LZ4 frame reader can verify it.
///
/// The blocks are independent (each compressed without the one before as
/// dictionary), so with the `parallel` feature they are compressed on
/// rayon's pool while another worker computes the content checksum; the
/// bytes are the same either way. Independent 256 KiB blocks cost a little
/// ratio at block starts (LZ4's window is 64 KiB) and give up to four
/// workers a MiB.
pub fn lz4_compress(data: &[u8]) -> Result<Vec<u8>> {
    // Small inputs get small blocks: a reader allocates one block buffer.
    let (block_code, block_max) = if data.len() <= 65_536 { (4u8, 65_536) } else { (5u8, 262_144) };
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    out.extend_from_slice(&LZ4_MAGIC.to_le_bytes());
    let desc_start = out.len();
    // Version 01, independent blocks, content size, content checksum.
    out.push(0b0110_1100);
    out.push(block_code << 4);
    out.extend_from_slice(&(data.len() as u64).to_le_bytes());
    out.push((xxhash_rust::xxh32::xxh32(&out[desc_start..], 0) >> 8) as u8);

    let (blocks, checksum) = lz4_blocks(data, block_max);
    for block in &blocks {
        block.write(data, &mut out);
    }
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&checksum.to_le_bytes());
    Ok(out)
}

/// One block of a frame being written: compressed bytes, or (when they
/// would not be smaller) a range of the input stored as it is.
enum Lz4Block {
    Compressed(Vec<u8>),
    Stored(std::ops::Range<usize>),
}

impl Lz4Block {
    fn compress(data: &[u8], at: usize, len: usize) -> Lz4Block {
        let mut compressed = vec![0; lz4_flex::block::get_maximum_output_size(len)];
        match lz4_flex::block::compress_into(&data[at..at + len], &mut compressed) {
            Ok(n) if n < len => {
                compressed.truncate(n);
                Lz4Block::Compressed(compressed)
            }
            _ => Lz4Block::Stored(at..at + len),
        }
    }

    /// The block's header word and bytes.
    fn write(&self, data: &[u8], out: &mut Vec<u8>) {
        let (word, bytes) = match self {
            Lz4Block::Compressed(c) => (c.len() as u32, &c[..]),
            Lz4Block::Stored(r) => (r.len() as u32 | LZ4_UNCOMPRESSED, &data[r.clone()]),
        };
        out.extend_from_slice(&word.to_le_bytes());
        out.extend_from_slice(bytes);
    }
}

const LZ4_UNCOMPRESSED: u32 = 0x8000_0000;

/// The blocks of `data` and its xxHash32, in parallel where there is more
/// than one block to share.
fn lz4_blocks(data: &[u8], block_max: usize) -> (Vec<Lz4Block>, u32) {
    let starts = (0..data.len()).step_by(block_max);
    let block = |at: usize| Lz4Block::compress(data, at, block_max.min(data.len() - at));
    #[cfg(feature = "parallel")]
    if data.len() > block_max {
        use rayon::prelude::*;
        let starts: Vec<usize> = starts.collect();
        let (blocks, sum) = rayon::join(|| starts.into_par_iter().map(block).collect(), || xxhash_rust::xxh32::xxh32(data, 0));
        return (blocks, sum);
    }
    (starts.map(block).collect(), xxhash_rust::xxh32::xxh32(data, 0))
}

const LZ4_MAGIC: u32 = 0x184D_2204;
/// Skippable frames: magic 0x184D2A50..=0x184D2A5F.
const LZ4_SKIPPABLE_MASK: u32 = 0xFFFF_FFF0;
const LZ4_SKIPPABLE: u32 = 0x184D_2A50;
/// How far back an LZ4 match may reach.
const LZ4_WINDOW: usize = 65_536;

fn lz4_corrupt(why: &str) -> CfnError {
    CfnError::Corrupt(format!("invalid lz4 data: {why}"))
}

fn lz4_limit(max: usize) -> CfnError {
    CfnError::Limit(format!("lz4 output exceeds maxOutputLength ({max} bytes)"))
}

/// Little-endian u32 at `at`, or `ERR_CFN_CORRUPT` naming `what` if the input
/// ends first.
fn le32(data: &[u8], at: usize, what: &str) -> Result<u32> {
    data.get(at..at.saturating_add(4))
        .and_then(|b| b.try_into().ok())
        .map(u32::from_le_bytes)
        .ok_or_else(|| lz4_corrupt(&format!("truncated {what}")))
}

/// Decodes one or more concatenated LZ4 frames (skippable frames skipped), at
/// most `max` bytes out. Supports independent and linked blocks, uncompressed
/// blocks, block and content checksums and the content size; frames needing
/// a dictionary are rejected. Every checksum present is verified, and input
/// that ends anywhere but after a complete frame is `ERR_CFN_CORRUPT`.
///
/// A frame parser of our own over lz4_flex's block decoder: lz4_flex's
/// `FrameDecoder` takes end of input before the end mark as a clean end (so a
/// truncated frame decodes to a prefix, checksum unchecked) and stops at an
/// empty uncompressed block (`0x80000000`), which the reference `lz4` tool
/// (and the format) treat as a block of zero bytes.
pub fn lz4_decompress(data: &[u8], max: usize) -> Result<Vec<u8>> {
    need_input(data, "lz4")?;
    let mut out = Vec::new();
    let mut ip = 0;
    while ip < data.len() {
        let magic = le32(data, ip, "frame magic number")?;
        if magic & LZ4_SKIPPABLE_MASK == LZ4_SKIPPABLE {
            let size = le32(data, ip + 4, "skippable frame header")? as usize;
            if size > data.len() - ip - 8 {
                return Err(lz4_corrupt("truncated skippable frame"));
            }
            ip += 8 + size;
        } else if magic == LZ4_MAGIC {
            ip = lz4_frame(data, ip + 4, max, &mut out)?;
        } else {
            return Err(lz4_corrupt(&format!("bad magic number 0x{magic:08x}")));
        }
    }
    Ok(out)
}

/// Decodes the frame whose descriptor starts at `ip` onto `out`; returns the
/// offset after the frame.
fn lz4_frame(
    data: &[u8],
    mut ip: usize,
    max: usize,
    out: &mut Vec<u8>,
) -> Result<usize> {
    let (flg, bd) = match data.get(ip..ip + 2) {
        Some(&[f, b]) => (f, b),
        _ => return Err(lz4_corrupt("truncated frame header")),
    };
    if flg >> 6 != 1 {
        return Err(lz4_corrupt(&format!(
            "unsupported frame version {}",
            flg >> 6
        )));
    }
    if flg & 0x02 != 0 || bd & 0x8f != 0 {
        return Err(lz4_corrupt("reserved bits set in the frame descriptor"));
    }
    let block_max = match bd >> 4 {
        4 => 64 << 10,
        5 => 256 << 10,
        6 => 1 << 20,
        7 => 4 << 20,
        code => {
            return Err(lz4_corrupt(&format!(
                "reserved block maximum size code {code}"
            )))
        }
    };
    let independent = flg & 0x20 != 0;
    let block_checksums = flg & 0x10 != 0;
    let has_size = flg & 0x08 != 0;
    let content_checksum = flg & 0x04 != 0;
    let desc_len = 2 + if has_size { 8 } else { 0 } + if flg & 0x01 != 0 { 4 } else { 0 };
    let desc = data
        .get(ip..ip + desc_len)
        .ok_or_else(|| lz4_corrupt("truncated frame header"))?;
    let hc = *data
        .get(ip + desc_len)
        .ok_or_else(|| lz4_corrupt("truncated frame header"))?;
    if (xxhash_rust::xxh32::xxh32(desc, 0) >> 8) as u8 != hc {
        return Err(lz4_corrupt("frame header checksum mismatch"));
    }
    if flg & 0x01 != 0 {
        return Err(lz4_corrupt(
            "frame needs a dictionary, which is not supported",
        ));
    }
    let declared = if has_size {
        let mut b = [0u8; 8];
        b.copy_from_slice(&desc[2..10]);
        Some(u64::from_le_bytes(b))
    } else {
        None
    };
    let start = out.len();
    // A header-declared size is checked against the cap before anything is
    // allocated for it, and only trusted as far as the input could hold it
    // (LZ4 expands at most ~255x), so a small frame claiming a huge size
    // costs nothing.
    if let Some(n) = declared {
        if n > (max - start) as u64 {
            return Err(CfnError::Limit(format!(
                "lz4 frame declares {n} bytes of content, above maxOutputLength ({max} bytes)"
            )));
        }
        let plausible = (data.len() - ip).saturating_mul(255);
        out.reserve((n as usize).min(plausible));
    }
    ip += desc_len + 1;
    let mut hasher = content_checksum.then(|| xxhash_rust::xxh32::Xxh32::new(0));
    loop {
        let word = le32(data, ip, "block header")?;
        ip += 4;
        if word == 0 {
            break; // end mark
        }
        let size = (word & 0x7fff_ffff) as usize;
        if size > block_max {
            return Err(lz4_corrupt(&format!(
                "block of {size} bytes exceeds the frame's maximum of {block_max}"
            )));
        }
        let end = ip + size;
        let block = data
            .get(ip..end)
            .ok_or_else(|| lz4_corrupt("truncated block"))?;
        if block_checksums {
            let sum = le32(data, end, "block checksum")?;
            if xxhash_rust::xxh32::xxh32(block, 0) != sum {
                return Err(lz4_corrupt("block checksum mismatch"));
            }
        }
        ip = end + if block_checksums { 4 } else { 0 };
        if word & LZ4_UNCOMPRESSED != 0 {
            if size > max - out.len() {
                return Err(lz4_limit(max));
            }
            out.extend_from_slice(block);
            if let Some(h) = hasher.as_mut() {
                h.update(block);
            }
            continue;
        }
        // A block of `size` bytes decodes to at most ~255x that, so the
        // output grows by no more than the block could fill. Blocks decode
        // in place at the end of `out`, the earlier output (the last 64 KiB
        // of this frame) as their dictionary: no scratch buffer, no copy.
        let room = block_max.min(size.saturating_mul(255).saturating_add(64));
        let len = out.len();
        out.resize(len + room, 0);
        let (done, tail) = out.split_at_mut(len);
        let dict = if independent {
            &[][..]
        } else {
            &done[start.max(len.saturating_sub(LZ4_WINDOW))..]
        };
        let decoded = lz4_flex::block::decompress_into_with_dict(block, tail, dict);
        let n = match decoded {
            Ok(n) => n,
            Err(e) => {
                out.truncate(len);
                return Err(lz4_corrupt(&format!("bad block: {e}")));
            }
        };
        out.truncate(len + n);
        if n > max - len {
            return Err(lz4_limit(max));
        }
        // Hashed while the block is still in cache: one pass over the output.
        if let Some(h) = hasher.as_mut() {
            h.update(&out[len..]);
        }
    }
    if let Some(h) = hasher {
        let sum = le32(data, ip, "content checksum")?;
        if h.digest() != sum {
            return Err(lz4_corrupt("content checksum mismatch"));
        }
        ip += 4;
    }
    if let Some(n) = declared {
        if (out.len() - start) as u64 != n {
            return Err(lz4_corrupt(&format!(
                "frame declares {n} bytes of content but holds {}",
                out.len() - start
            )));
        }
    }
    Ok(ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<u8> {
        (0..200_000u32)
            .map(|i| (i % 251) as u8 ^ (i / 1000) as u8)
            .collect()
    }

    #[test]
    fn gunzip_reads_members_and_stops_at_zero_padding_as_node_does() {
        let (a, b) = (gzip(b"hello ", 6).unwrap(), gzip(b"world", 1).unwrap());
        let both = [a.clone(), b.clone()].concat();
        assert_eq!(gunzip(&both, 100).unwrap(), b"hello world");
        let padded = [a.clone(), vec![0; 10], b"not gzip".to_vec()].concat();
        assert_eq!(gunzip(&padded, 100).unwrap(), b"hello ");
        let garbage = [a.clone(), b"x".to_vec()].concat();
        assert!(matches!(gunzip(&garbage, 100), Err(CfnError::Corrupt(_))));
        // The cap counts every member's output together.
        assert!(matches!(gunzip(&both, 8), Err(CfnError::Limit(_))));
        assert!(matches!(gunzip(&a[..a.len() - 1], 100), Err(CfnError::Corrupt(_))));
    }

    #[test]
    fn roundtrips() {
        let d = sample();
        assert_eq!(gunzip(&gzip(&d, 6).unwrap(), usize::MAX >> 1).unwrap(), d);
        assert_eq!(
            inflate(&deflate(&d, 1).unwrap(), usize::MAX >> 1).unwrap(),
            d
        );
        assert_eq!(
            unbrotli(&brotli(&d, 5).unwrap(), usize::MAX >> 1).unwrap(),
            d
        );
        assert_eq!(
            lz4_decompress(&lz4_compress(&d).unwrap(), usize::MAX >> 1).unwrap(),
            d
        );
        assert_eq!(
            lz4_decompress(&lz4_compress(b"").unwrap(), 10).unwrap(),
            b""
        );
    }

    #[test]
    fn caps_and_garbage() {
        let zeros = vec![0u8; 1 << 20];
        let bomb = gzip(&zeros, 9).unwrap();
        assert_eq!(gunzip(&bomb, 1000).unwrap_err().code(), "ERR_CFN_LIMIT");
        let bomb = lz4_compress(&zeros).unwrap();
        assert_eq!(
            lz4_decompress(&bomb, 1000).unwrap_err().code(),
            "ERR_CFN_LIMIT"
        );
        for f in [gunzip, inflate, unbrotli, lz4_decompress] {
            assert_eq!(f(b"", 10).unwrap_err().code(), "ERR_CFN_CORRUPT");
            assert!(f(b"\x04\x22\x4d\x18garbage-garbage", 1000).is_err());
        }
    }

    /// An LZ4 frame of uncompressed blocks, built by hand: descriptor `flg`
    /// (block maximum 64 KiB), optional content size, content checksum.
    fn frame(flg: u8, size: Option<u64>, blocks: &[&[u8]]) -> Vec<u8> {
        let mut desc = vec![flg | if size.is_some() { 0x08 } else { 0 }, 0x40];
        if let Some(n) = size {
            desc.extend_from_slice(&n.to_le_bytes());
        }
        let mut f = LZ4_MAGIC.to_le_bytes().to_vec();
        f.extend_from_slice(&desc);
        f.push((xxhash_rust::xxh32::xxh32(&desc, 0) >> 8) as u8);
        let mut content = Vec::new();
        for b in blocks {
            f.extend_from_slice(&(b.len() as u32 | 0x8000_0000).to_le_bytes());
            f.extend_from_slice(b);
            content.extend_from_slice(b);
        }
        f.extend_from_slice(&[0; 4]);
        if flg & 0x04 != 0 {
            f.extend_from_slice(&xxhash_rust::xxh32::xxh32(&content, 0).to_le_bytes());
        }
        f
    }

    #[test]
    fn lz4_empty_block_is_not_the_end_mark() {
        // `lz4 -d` decodes this to "hello world"; lz4_flex's FrameDecoder
        // stopped at the empty block and gave "hello ".
        let f = frame(0x64, None, &[b"hello ", b"", b"world"]);
        assert_eq!(lz4_decompress(&f, 100).unwrap(), b"hello world");
    }

    #[test]
    fn lz4_every_truncation_is_an_error() {
        // Several 64 KiB blocks, so some cuts fall exactly between blocks
        // (where lz4_flex's FrameDecoder returned a prefix).
        let d = sample();
        let mut f = lz4_compress(&d).unwrap();
        assert_eq!(lz4_decompress(&f, usize::MAX >> 1).unwrap(), d);
        let blocks: Vec<&[u8]> = d.chunks(65_536).collect();
        let hand = frame(0x64, None, &blocks);
        for f in [&mut f, &mut hand.clone()] {
            for n in 0..f.len() {
                let e = lz4_decompress(&f[..n], usize::MAX >> 1).unwrap_err();
                assert_eq!(e.code(), "ERR_CFN_CORRUPT", "cut at {n}");
            }
        }
        // Without a content checksum, a cut before the end mark still fails.
        let plain = frame(0x60, None, &blocks);
        assert_eq!(lz4_decompress(&plain, usize::MAX >> 1).unwrap(), d);
        for n in 0..plain.len() {
            assert!(
                lz4_decompress(&plain[..n], usize::MAX >> 1).is_err(),
                "cut at {n}"
            );
        }
    }

    #[test]
    fn lz4_declared_sizes_are_checked_first() {
        let f = frame(0x64, Some(u64::MAX), &[b"abc"]);
        assert_eq!(
            lz4_decompress(&f, 1 << 30).unwrap_err().code(),
            "ERR_CFN_LIMIT"
        );
        let f = frame(0x64, Some(5), &[b"abc"]);
        assert_eq!(
            lz4_decompress(&f, 1 << 30).unwrap_err().code(),
            "ERR_CFN_CORRUPT"
        );
        let f = frame(0x64, Some(3), &[b"abc"]);
        assert_eq!(lz4_decompress(&f, 3).unwrap(), b"abc");
        assert_eq!(lz4_decompress(&f, 2).unwrap_err().code(), "ERR_CFN_LIMIT");
        // Concatenated frames and a skippable frame between them.
        let mut two = f.clone();
        two.extend_from_slice(&0x184D_2A5Fu32.to_le_bytes());
        two.extend_from_slice(&2u32.to_le_bytes());
        two.extend_from_slice(b"xx");
        two.extend_from_slice(&frame(0x64, None, &[b"def"]));
        assert_eq!(lz4_decompress(&two, 6).unwrap(), b"abcdef");
        assert_eq!(lz4_decompress(&two, 5).unwrap_err().code(), "ERR_CFN_LIMIT");
    }

    #[test]
    fn lz4_linked_blocks_reach_back_across_blocks() {
        // A linked-mode frame whose second block is one match into the first.
        let first: Vec<u8> = (0..32u8).collect();
        let mut desc = vec![0x44u8, 0x40]; // linked, content checksum
        let mut f = LZ4_MAGIC.to_le_bytes().to_vec();
        f.extend_from_slice(&desc);
        f.push((xxhash_rust::xxh32::xxh32(&desc, 0) >> 8) as u8);
        f.extend_from_slice(&(32u32 | 0x8000_0000).to_le_bytes());
        f.extend_from_slice(&first);
        // token: 0 literals, match length 15+ (4 + 15 + 13 = 32), offset 32;
        // then the final literals-only sequence of 5 bytes.
        let block = [0x0fu8, 32, 0, 13, 0x50, 1, 2, 3, 4, 5];
        f.extend_from_slice(&(block.len() as u32).to_le_bytes());
        f.extend_from_slice(&block);
        f.extend_from_slice(&[0; 4]);
        let mut want = first.clone();
        want.extend_from_slice(&first);
        want.extend_from_slice(&[1, 2, 3, 4, 5]);
        f.extend_from_slice(&xxhash_rust::xxh32::xxh32(&want, 0).to_le_bytes());
        assert_eq!(lz4_decompress(&f, 1000).unwrap(), want);
        // The same blocks marked independent: the match has nothing to reach.
        desc[0] = 0x64;
        f[4] = desc[0];
        f[6] = (xxhash_rust::xxh32::xxh32(&desc, 0) >> 8) as u8;
        assert_eq!(
            lz4_decompress(&f, 1000).unwrap_err().code(),
            "ERR_CFN_CORRUPT"
        );
    }

    #[test]
    fn brotli_large_window_is_rejected_without_allocating() {
        // The large-window header (window bits 30) then garbage: the decoder
        // used to allocate a 1 GiB ring buffer for it.
        let bomb = [0x11u8, 0x1e, 0x00, 0x00, 0x00, 0x00];
        assert_eq!(unbrotli(&bomb, 100).unwrap_err().code(), "ERR_CFN_CORRUPT");
    }

    #[test]
    fn capped_output_stops_at_the_cap() {
        let zeros = vec![0u8; 3 << 20];
        for (enc, dec) in [
            (
                gzip(&zeros, 1).unwrap(),
                gunzip as fn(&[u8], usize) -> Result<Vec<u8>>,
            ),
            (deflate(&zeros, 1).unwrap(), inflate),
            (brotli(&zeros, 1).unwrap(), unbrotli),
            (lz4_compress(&zeros).unwrap(), lz4_decompress),
        ] {
            assert_eq!(dec(&enc, zeros.len()).unwrap(), zeros);
            assert_eq!(
                dec(&enc, zeros.len() - 1).unwrap_err().code(),
                "ERR_CFN_LIMIT"
            );
            assert_eq!(dec(&enc, 0).unwrap_err().code(), "ERR_CFN_LIMIT");
        }
    }
}
