'use strict';
// LZ4 frames (lz4_Frame_format.md, lz4_Block_format.md) in plain JavaScript:
// the fallback for hosts where neither the native addon nor wasm loads.
//
// The compressor writes one kind of frame, readable by any LZ4 decoder:
// independent blocks, content size, content checksum, no block checksums.
// The decompressor reads what the reference `lz4` tool writes, and treats
// every input as hostile: any malformation throws ERR_CFN_CORRUPT, and output
// past maxOutputLength throws ERR_CFN_LIMIT before it is allocated.

const { constants: bufferConstants } = require('buffer');
const { cfnError, typeError, rangeError } = require('../errors.js');
const { xxh32, bufferView } = require('./xxhash.js');

const FRAME_MAGIC = 0x184d2204;
const SKIPPABLE_MAGIC = 0x184d2a50; // the low 4 bits are free
const VERSION = 1;
const FLG_INDEPENDENT = 0x20;
const FLG_BLOCK_CHECKSUM = 0x10;
const FLG_CONTENT_SIZE = 0x08;
const FLG_CONTENT_CHECKSUM = 0x04;
const FLG_RESERVED = 0x02;
const FLG_DICT_ID = 0x01;
const BD_RESERVED = 0x8f;
const BLOCK_UNCOMPRESSED = 0x80000000;
// Index: the BD byte's block-maximum code; codes 0-3 are reserved.
const BLOCK_MAX_SIZES = [0, 0, 0, 0, 64 << 10, 256 << 10, 1 << 20, 4 << 20];
// magic, FLG, BD, 8-byte content size, header checksum.
const HEADER_LEN = 4 + 2 + 8 + 1;

// LZ4 block rules: matches are at least 4 bytes, the last 5 bytes of a block
// are literals, and the last match starts at least 12 bytes before the end.
const MIN_MATCH = 4;
const LAST_LITERALS = 5;
const MF_LIMIT = 12;
const MAX_OFFSET = 65535;
const MAX_HASH_LOG = 16;
const HASH_MULTIPLIER = 2654435761; // Knuth's, as LZ4 uses for 4-byte hashing
// Like LZ4's fast mode: after 2^SKIP_STRENGTH misses in a row the search
// steps further each time, so incompressible data is crossed quickly.
const SKIP_STRENGTH = 6;
const SHORT_COPY = 64; // up to this a loop beats set()/copyWithin()

// Reused across calls (calls are synchronous and each block starts by
// clearing the part it uses), so compressing small inputs allocates little.
const hashTable = new Int32Array(1 << MAX_HASH_LOG);

// Working buffers up to SCRATCH_MAX bytes are kept between calls too:
// allocating a zeroed ArrayBuffer costs more than compressing a small input.
// Every call copies its result out, so nothing returned aliases them.
const SCRATCH_MAX = (1 << 20) + 4096;
let scratch = new Uint8Array(0);

/** A buffer of at least `size` bytes: the scratch one when small enough. */
function workBuffer(size) {
  if (size > SCRATCH_MAX) return new Uint8Array(size);
  if (scratch.length < size) {
    scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(size, 2 * scratch.length, 4096)));
  }
  return scratch;
}

function corrupt(message) {
  return cfnError('ERR_CFN_CORRUPT', `invalid lz4 data: ${message}`);
}

function readLE32(b, i) {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

function writeLE32(b, i, v) {
  b[i] = v;
  b[i + 1] = v >>> 8;
  b[i + 2] = v >>> 16;
  b[i + 3] = v >>> 24;
}

/** Writes the 255-run continuation of a length field; returns the new end. */
function writeLengthTail(dst, d, n) {
  for (; n >= 255; n -= 255) dst[d++] = 255;
  dst[d++] = n;
  return d;
}

/**
 * Writes a sequence's token (literal length in the high nibble, the match
 * length left to the caller), the length's continuation and the literals
 * src[from, to) at dst[d]; returns the new end.
 */
function writeLiterals(dst, d, src, from, to) {
  const n = to - from;
  if (n >= 15) {
    dst[d++] = 0xf0;
    d = writeLengthTail(dst, d, n - 15);
  } else {
    dst[d++] = n << 4;
  }
  if (n <= SHORT_COPY) {
    for (let i = 0; i < n; i++) dst[d + i] = src[from + i];
  } else {
    dst.set(src.subarray(from, to), d);
  }
  return d + n;
}

/**
 * An upper bound on the encoded size of a sequence's token, lengths and
 * literals (not its offset). n >>> 7 bounds a length's 255-byte continuation
 * run without a division, which would cost more than the rest of the check.
 */
function sequenceBound(litLen, matchLen) {
  return 1 + litLen + (litLen >>> 7) + 1 + (matchLen >>> 7) + 1;
}

/**
 * Greedy LZ4 block compression of src[start, end) into dst from `d`, in
 * fewer than end - start bytes. Returns the compressed size, or -1 when the
 * block would not shrink (the caller then stores it uncompressed).
 */
function compressBlock(src, view, start, end, dst, d) {
  const base = src.byteOffset; // of src in view
  const dStart = d;
  const dEnd = d + (end - start) - 1; // one past the last byte we may use
  let anchor = start;
  if (end - start > MF_LIMIT) {
    const lastMatchStart = end - MF_LIMIT;
    const matchLimit = end - LAST_LITERALS;
    // A table sized to the block: clearing 64K entries would dominate tiny
    // inputs. Entries are offsets from `start`, -1 when empty.
    const hashLog = Math.min(MAX_HASH_LOG, Math.max(8, 32 - Math.clz32(end - start)));
    const shift = 32 - hashLog;
    hashTable.fill(-1, 0, 1 << hashLog);
    let ip = start;
    let misses = 0;
    while (ip <= lastMatchStart) {
      const seq = view.getInt32(base + ip, true);
      const h = Math.imul(seq, HASH_MULTIPLIER) >>> shift;
      const ref = start + hashTable[h];
      hashTable[h] = ip - start;
      if (ref < start || ip - ref > MAX_OFFSET || view.getInt32(base + ref, true) !== seq) {
        ip += 1 + (misses++ >> SKIP_STRENGTH);
        continue;
      }
      misses = 0;
      // Grow the match backwards over literals not yet emitted...
      let mStart = ip;
      let mRef = ref;
      while (mStart > anchor && mRef > start && src[mStart - 1] === src[mRef - 1]) {
        mStart--;
        mRef--;
      }
      // ...and forwards a word at a time: the lowest set bit of the first
      // differing word's xor gives the matching bytes in one step, where a
      // byte loop's unpredictable exit costs more than the whole compare.
      let mEnd = ip + MIN_MATCH;
      let r = ref + MIN_MATCH;
      for (;;) {
        if (mEnd + 4 > matchLimit) {
          while (mEnd < matchLimit && src[mEnd] === src[r]) {
            mEnd++;
            r++;
          }
          break;
        }
        const diff = view.getInt32(base + mEnd, true) ^ view.getInt32(base + r, true);
        if (diff !== 0) {
          mEnd += (31 - Math.clz32(diff & -diff)) >>> 3;
          break;
        }
        mEnd += 4;
        r += 4;
      }

      const litLen = mStart - anchor;
      const matchLen = mEnd - mStart - MIN_MATCH;
      if (d + sequenceBound(litLen, matchLen) + 2 > dEnd) return -1;
      const token = d;
      d = writeLiterals(dst, d, src, anchor, mStart);
      const offset = mStart - mRef;
      dst[d++] = offset;
      dst[d++] = offset >>> 8;
      if (matchLen >= 15) {
        dst[token] |= 15;
        d = writeLengthTail(dst, d, matchLen - 15);
      } else {
        dst[token] |= matchLen;
      }
      anchor = ip = mEnd;
      // Index a position inside the match too (as LZ4 does): cheap, and it
      // finds repeats that start just before the next search position.
      const inside = mEnd - 2;
      hashTable[Math.imul(view.getInt32(base + inside, true), HASH_MULTIPLIER) >>> shift] = inside - start;
    }
  }
  if (d + sequenceBound(end - anchor, 0) > dEnd) return -1;
  return writeLiterals(dst, d, src, anchor, end) - dStart;
}

/**
 * Compresses `bytes` into one LZ4 frame: version 1, independent blocks, the
 * content size and a content checksum, no block checksums; 64 KiB blocks for
 * inputs up to 64 KiB, else 256 KiB blocks (the layout of the core's
 * `lz4_compress`, whose blocks the addon compresses in parallel). Blocks
 * that would not shrink are stored raw.
 * @param {Uint8Array} bytes data to compress (any view)
 * @returns {Uint8Array} the frame
 */
function compressFrame(bytes) {
  if (!(bytes instanceof Uint8Array)) throw typeError('input', 'a Uint8Array', bytes);
  const len = bytes.length;
  const code = len <= BLOCK_MAX_SIZES[4] ? 4 : 5;
  const blockMax = BLOCK_MAX_SIZES[code];
  const blocks = Math.ceil(len / blockMax);
  // Room for the worst case: every block stored raw, plus end mark and checksum.
  const out = workBuffer(HEADER_LEN + 4 * blocks + len + 8);
  writeLE32(out, 0, FRAME_MAGIC);
  out[4] = (VERSION << 6) | FLG_INDEPENDENT | FLG_CONTENT_SIZE | FLG_CONTENT_CHECKSUM;
  out[5] = code << 4;
  writeLE32(out, 6, len);
  writeLE32(out, 10, Math.floor(len / 4294967296));
  out[14] = xxh32(out.subarray(4, 14), 0) >>> 8;

  const view = bufferView(bytes);
  let op = HEADER_LEN;
  for (let start = 0; start < len; start += blockMax) {
    const end = Math.min(start + blockMax, len);
    const size = compressBlock(bytes, view, start, end, out, op + 4);
    if (size >= 0) {
      writeLE32(out, op, size);
      op += 4 + size;
    } else {
      writeLE32(out, op, (end - start) | BLOCK_UNCOMPRESSED);
      out.set(bytes.subarray(start, end), op + 4);
      op += 4 + end - start;
    }
  }
  writeLE32(out, op, 0); // end mark
  writeLE32(out, op + 4, xxh32(bytes, 0));
  return out.slice(0, op + 8);
}

/**
 * Decoded output: a buffer grown by doubling, never past `limit`, so a frame
 * cannot make us allocate more than the caller allowed whatever its header
 * claims.
 */
class Output {
  constructor(limit, hint) {
    this.limit = limit;
    this.buf = workBuffer(Math.min(limit, hint));
    this.view = bufferView(this.buf);
    // Where writes must stop: the buffer may be a larger scratch buffer.
    this.cap = Math.min(this.buf.length, limit);
    this.pos = 0;
  }

  /**
   * Makes room for output up to `needed`; `hardEnd` is where the current
   * block must stop, by the frame's maximum block size.
   */
  reserve(needed, hardEnd) {
    if (needed > hardEnd) throw corrupt("a block decodes to more than the frame's maximum block size");
    if (needed > this.limit) {
      throw cfnError('ERR_CFN_LIMIT', `lz4 output exceeds maxOutputLength (${this.limit} bytes)`);
    }
    if (needed > this.buf.length) {
      const old = this.buf;
      // workBuffer() may replace the scratch buffer `old` is, so keep it.
      const next = workBuffer(Math.min(Math.max(needed, 2 * old.length), this.limit));
      next.set(old.subarray(0, this.pos));
      this.buf = next;
      this.view = bufferView(next);
      this.cap = Math.min(next.length, this.limit);
    }
  }

  /** The output so far, in an array of its own exactly its length. */
  result() {
    const { buf, pos } = this;
    return buf !== scratch && buf.length === pos ? buf : buf.slice(0, pos);
  }
}

/**
 * Decodes the LZ4 block src[ip, ipEnd) onto `output`. Matches may reach back
 * to `lowLimit` (the block's own start, or the frame's for linked blocks).
 */
function decodeBlock(output, src, srcView, ip, ipEnd, lowLimit, blockMax) {
  const srcBase = src.byteOffset; // of src in srcView
  const hardEnd = output.pos + blockMax;
  let out = output.buf;
  let outView = output.view;
  let op = output.pos;
  // Writes up to `bound` need no check; past it, reserve() grows the buffer
  // or throws, and the bound is recomputed.
  let bound = Math.min(output.cap, hardEnd);
  // Most runs are short, so where both buffers have room they are copied in
  // fixed 16- or 8-byte steps (the reference decoder's "wild copy"), which
  // beats a byte loop's unpredictable trip count. The bytes written past a
  // run's end lie beyond `op`, so the next copy overwrites them or the final
  // slice drops them.
  for (;;) {
    if (ip >= ipEnd) throw corrupt('block ends without final literals');
    const token = src[ip++];
    let litLen = token >>> 4;
    if (litLen === 15) {
      let b;
      do {
        if (ip >= ipEnd) throw corrupt('literal length runs past the end of the block');
        b = src[ip++];
        litLen += b;
      } while (b === 255);
    }
    if (litLen > ipEnd - ip) throw corrupt('literals run past the end of the block');
    if (litLen <= 16 && op + litLen <= bound && op + 16 <= out.length && ip + 16 <= src.length) {
      outView.setInt32(op, srcView.getInt32(srcBase + ip, true), true);
      outView.setInt32(op + 4, srcView.getInt32(srcBase + ip + 4, true), true);
      outView.setInt32(op + 8, srcView.getInt32(srcBase + ip + 8, true), true);
      outView.setInt32(op + 12, srcView.getInt32(srcBase + ip + 12, true), true);
    } else {
      if (op + litLen > bound) {
        output.pos = op;
        output.reserve(op + litLen, hardEnd);
        out = output.buf;
        outView = output.view;
        bound = Math.min(output.cap, hardEnd);
      }
      if (litLen <= SHORT_COPY) {
        for (let i = 0; i < litLen; i++) out[op + i] = src[ip + i];
      } else {
        out.set(src.subarray(ip, ip + litLen), op);
      }
    }
    ip += litLen;
    op += litLen;
    if (ip === ipEnd) break; // the last sequence has literals only

    if (ipEnd - ip < 2) throw corrupt('match offset runs past the end of the block');
    const offset = src[ip] | (src[ip + 1] << 8);
    ip += 2;
    if (offset === 0) throw corrupt('match offset is 0');
    if (offset > op - lowLimit) throw corrupt('match offset points before the start of the output');
    let matchLen = token & 15;
    if (matchLen === 15) {
      let b;
      do {
        if (ip >= ipEnd) throw corrupt('match length runs past the end of the block');
        b = src[ip++];
        matchLen += b;
      } while (b === 255);
    }
    matchLen += MIN_MATCH;
    if (op + matchLen > bound) {
      output.pos = op;
      output.reserve(op + matchLen, hardEnd);
      out = output.buf;
      outView = output.view;
      bound = Math.min(output.cap, hardEnd);
    }
    const from = op - offset;
    if (matchLen <= SHORT_COPY && offset >= 8 && op + SHORT_COPY <= out.length) {
      // Each 8-byte step reads only bytes written before it, as offset >= 8.
      for (let i = 0; i < matchLen; i += 8) {
        outView.setInt32(op + i, outView.getInt32(from + i, true), true);
        outView.setInt32(op + i + 4, outView.getInt32(from + i + 4, true), true);
      }
    } else if (matchLen <= SHORT_COPY) {
      // Bytewise, so an overlapping match repeats its period as LZ4 requires.
      for (let i = 0; i < matchLen; i++) out[op + i] = out[from + i];
    } else if (offset >= matchLen) {
      out.copyWithin(op, from, from + matchLen);
    } else {
      // Overlapping and long (a run): copy what is already there, then the
      // copied span, which doubles each step and stays a whole number of
      // periods, so the pattern is preserved.
      const end = op + matchLen;
      for (let o = op; o < end; ) {
        const n = Math.min(o - from, end - o);
        out.copyWithin(o, from, from + n);
        o += n;
      }
    }
    op += matchLen;
  }
  output.pos = op;
}

/** Decodes the frame whose descriptor starts at `ip`; returns the offset after it. */
function decodeFrame(output, src, srcView, ip) {
  const n = src.length;
  if (n - ip < 3) throw corrupt('truncated frame header');
  const flg = src[ip];
  const bd = src[ip + 1];
  if (flg >>> 6 !== VERSION) throw corrupt(`unsupported frame version ${flg >>> 6}`);
  if (flg & FLG_RESERVED || bd & BD_RESERVED) throw corrupt('reserved bits set in the frame descriptor');
  const blockMax = BLOCK_MAX_SIZES[bd >>> 4];
  if (blockMax === 0) throw corrupt(`reserved block maximum size code ${bd >>> 4}`);
  const hasContentSize = (flg & FLG_CONTENT_SIZE) !== 0;
  const descLen = 2 + (hasContentSize ? 8 : 0) + (flg & FLG_DICT_ID ? 4 : 0);
  if (n - ip < descLen + 1) throw corrupt('truncated frame header');
  if (((xxh32(src.subarray(ip, ip + descLen), 0) >>> 8) & 0xff) !== src[ip + descLen]) {
    throw corrupt('frame header checksum mismatch');
  }
  if (flg & FLG_DICT_ID) throw corrupt('frame needs a dictionary, which is not supported');
  // Exact below 2^53; anything larger can never equal a real output length.
  const contentSize = hasContentSize ? readLE32(src, ip + 2) + readLE32(src, ip + 6) * 4294967296 : -1;
  if (hasContentSize && contentSize > output.limit - output.pos) {
    throw cfnError('ERR_CFN_LIMIT', `lz4 frame declares ${contentSize} bytes of content, above maxOutputLength (${output.limit} bytes)`);
  }
  const independent = (flg & FLG_INDEPENDENT) !== 0;
  const checksumLen = flg & FLG_BLOCK_CHECKSUM ? 4 : 0;
  ip += descLen + 1;

  const frameStart = output.pos;
  for (;;) {
    if (n - ip < 4) throw corrupt('truncated block header');
    const word = readLE32(src, ip);
    ip += 4;
    const size = word & ~BLOCK_UNCOMPRESSED;
    // Only 0 is the end mark: 0x80000000 is an empty block (as `lz4 -d` reads it).
    if (word === 0) break;
    if (size > blockMax) throw corrupt(`block of ${size} bytes exceeds the frame's maximum of ${blockMax}`);
    if (n - ip < size + checksumLen) throw corrupt('truncated block');
    if (checksumLen && xxh32(src.subarray(ip, ip + size), 0) !== readLE32(src, ip + size)) {
      throw corrupt('block checksum mismatch');
    }
    if (word & BLOCK_UNCOMPRESSED) {
      output.reserve(output.pos + size, output.pos + blockMax);
      output.buf.set(src.subarray(ip, ip + size), output.pos);
      output.pos += size;
    } else {
      decodeBlock(output, src, srcView, ip, ip + size, independent ? output.pos : frameStart, blockMax);
    }
    ip += size + checksumLen;
  }
  if (flg & FLG_CONTENT_CHECKSUM) {
    if (n - ip < 4) throw corrupt('truncated content checksum');
    if (xxh32(output.buf.subarray(frameStart, output.pos), 0) !== readLE32(src, ip)) {
      throw corrupt('content checksum mismatch');
    }
    ip += 4;
  }
  if (hasContentSize && output.pos - frameStart !== contentSize) {
    throw corrupt(`frame declares ${contentSize} bytes of content but holds ${output.pos - frameStart}`);
  }
  return ip;
}

/**
 * Decompresses one or more concatenated LZ4 frames (skippable frames are
 * skipped). Supports independent and linked blocks, uncompressed blocks,
 * block and content checksums and the content size; frames needing a
 * dictionary are rejected.
 * @param {Uint8Array} bytes the frames (any view)
 * @param {number} maxOutputLength most bytes of output to produce; the
 *   buffer never grows past it, whatever the frame headers claim
 * @returns {Uint8Array} the decoded content, exactly its length
 * @throws {Error} code ERR_CFN_CORRUPT for any malformed, truncated or
 *   checksum-failing input (including empty input); code ERR_CFN_LIMIT when
 *   the output would exceed maxOutputLength
 */
function decompressFrame(bytes, maxOutputLength) {
  if (!(bytes instanceof Uint8Array)) throw typeError('input', 'a Uint8Array', bytes);
  if (typeof maxOutputLength !== 'number' || Number.isNaN(maxOutputLength)) {
    throw typeError('maxOutputLength', 'a number', maxOutputLength);
  }
  if (maxOutputLength < 0) throw rangeError('maxOutputLength', 'must not be negative');
  const n = bytes.length;
  if (n === 0) throw corrupt('empty input');
  const limit = Math.min(Math.floor(maxOutputLength), bufferConstants.MAX_LENGTH);
  // Start at the input size (right for poorly compressible data) and double.
  const output = new Output(limit, Math.max(n, 4096));
  const srcView = bufferView(bytes);
  let ip = 0;
  while (ip < n) {
    if (n - ip < 4) throw corrupt('truncated frame magic number');
    const magic = readLE32(bytes, ip);
    if ((magic & 0xfffffff0) >>> 0 === SKIPPABLE_MAGIC) {
      if (n - ip < 8) throw corrupt('truncated skippable frame header');
      const size = readLE32(bytes, ip + 4);
      if (size > n - ip - 8) throw corrupt('truncated skippable frame');
      ip += 8 + size;
    } else if (magic === FRAME_MAGIC) {
      ip = decodeFrame(output, bytes, srcView, ip + 4);
    } else {
      throw corrupt(`bad magic number 0x${magic.toString(16).padStart(8, '0')}`);
    }
  }
  return output.result();
}

module.exports = { compressFrame, decompressFrame };
