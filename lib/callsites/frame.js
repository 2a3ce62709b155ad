'use strict';
// The binary frame shared by records and envelopes: a JSON text behind a
// small versioned header, LZ4-compressed above a threshold, sealed by an
// xxHash64 trailer over everything before it.
//
//   offset  size  field
//   0       4     magic (one per kind, so a record is never read as an envelope)
//   4       1     version (1)
//   5       1     flags (bit 0: payload is an LZ4 frame; other bits must be 0)
//   6       2     reserved, must be 0
//   8       4     payload length in bytes (u32 LE)
//   12      4     original length: the JSON's UTF-8 bytes (u32 LE)
//   16      n     payload
//   16+n    8     xxh64(bytes 0 .. 16+n), seed 0 (u64 LE)
//
// The checksum is a trailer rather than a header field so it covers one
// contiguous range and encoding never copies the payload to hash it.
// Decoding checks, in order: size, magic, version, flags, that the declared
// payload length is exactly what is there (truncation and trailing bytes),
// the checksum, and only then the declared original length against the
// caller's cap, before anything is allocated for the output. A corrupt
// length therefore reads as corruption, never as a limit or a wrong value.

const args = require('../args');
const { cfnError, typeError } = require('../errors');

const HEADER = 16;
const TRAILER = 8;
const VERSION = 1;
const FLAG_LZ4 = 1;
const U32_MAX = 0xffffffff;
const DEFAULT_COMPRESS_ABOVE = 10240;
const DEFAULT_MAX_OUTPUT = 256 * 1024 * 1024;

const corrupt = (what, why) => cfnError('ERR_CFN_CORRUPT', `corrupt ${what}: ${why}`);

/** A Buffer view of any Uint8Array (no copy). */
const asBuffer = (u8) => (Buffer.isBuffer(u8) ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.length));

/**
 * `JSON.stringify(value)`, or a TypeError (ERR_CFN_INVALID_ARG) for values
 * JSON cannot represent (undefined, functions, symbols, bigints, cycles).
 * @param {unknown} value
 * @param {string} name argument name for the message
 * @returns {string}
 */
function toJSON(value, name) {
  let json;
  try {
    json = JSON.stringify(value);
  } catch (e) {
    throw cfnError('ERR_CFN_INVALID_ARG', `${name} cannot be serialized as JSON: ${e.message}`, TypeError);
  }
  if (json === undefined) throw typeError(name, 'a JSON-serializable value', value);
  return json;
}

/**
 * Makes the frame codec over a public API object (for xxh64 and LZ4).
 * @param {object} api the object createApi builds
 */
function makeFrameCodec(api) {
  const checksum = (buf, end) => api.stringOps.xxh64(buf.subarray(0, end));

  /**
   * Frames a JSON text.
   * @param {Buffer} magic 4 bytes
   * @param {string} json
   * @param {{compressAbove?: number}} opts
   * @param {string} what kind name for messages
   * @returns {Buffer}
   */
  function pack(magic, json, opts, what) {
    const o = args.options(opts);
    const compressAbove = args.integer(o.compressAbove, 'options.compressAbove', 0, Number.MAX_SAFE_INTEGER, DEFAULT_COMPRESS_ABOVE);
    const raw = Buffer.from(json, 'utf8');
    if (raw.length > U32_MAX) throw cfnError('ERR_CFN_LIMIT', `${what} JSON is ${raw.length} bytes, above the format's 4 GiB`);
    let payload = raw;
    let flags = 0;
    if (raw.length > compressAbove) {
      const packed = api.memoryOps.compress(raw);
      // Incompressible data is stored as is: never bigger than the JSON.
      if (packed.length < raw.length) {
        payload = packed;
        flags = FLAG_LZ4;
      }
    }
    const out = Buffer.allocUnsafe(HEADER + payload.length + TRAILER);
    magic.copy(out, 0);
    out[4] = VERSION;
    out[5] = flags;
    out.writeUInt16LE(0, 6);
    out.writeUInt32LE(payload.length, 8);
    out.writeUInt32LE(raw.length, 12);
    payload.copy(out, HEADER);
    const end = HEADER + payload.length;
    out.writeBigUInt64LE(checksum(out, end), end);
    return out;
  }

  /**
   * Checks a frame and gives back its JSON text.
   * @param {Buffer} magic
   * @param {Uint8Array} input
   * @param {{maxOutputLength?: number}} opts
   * @param {string} what kind name for messages
   * @param {number} [defaultMax]
   * @returns {string}
   */
  function unpack(magic, input, opts, what, defaultMax = DEFAULT_MAX_OUTPUT) {
    const buf = asBuffer(args.strictBytes(input, 'buf'));
    const o = args.options(opts);
    const max = args.integer(o.maxOutputLength, 'options.maxOutputLength', 0, Number.MAX_SAFE_INTEGER, defaultMax);
    if (buf.length < HEADER + TRAILER) throw corrupt(what, `${buf.length} bytes is shorter than any ${what}`);
    if (buf.compare(magic, 0, 4, 0, 4) !== 0) throw corrupt(what, `bad magic bytes (not a cfn-accel ${what})`);
    if (buf[4] !== VERSION) throw corrupt(what, `unknown version ${buf[4]}`);
    const flags = buf[5];
    if ((flags & ~FLAG_LZ4) !== 0 || buf.readUInt16LE(6) !== 0) throw corrupt(what, 'unknown flags');
    const payloadLength = buf.readUInt32LE(8);
    const originalLength = buf.readUInt32LE(12);
    const expected = HEADER + payloadLength + TRAILER;
    if (buf.length < expected) throw corrupt(what, `truncated: ${buf.length} of ${expected} bytes`);
    if (buf.length > expected) throw corrupt(what, `${buf.length - expected} trailing bytes`);
    const end = HEADER + payloadLength;
    if (buf.readBigUInt64LE(end) !== checksum(buf, end)) throw corrupt(what, 'checksum mismatch');
    if (originalLength > max) {
      throw cfnError('ERR_CFN_LIMIT', `${what} declares ${originalLength} bytes of JSON, above maxOutputLength (${max})`);
    }
    let raw = buf.subarray(HEADER, end);
    if (flags & FLAG_LZ4) {
      try {
        raw = api.memoryOps.decompress(raw, { maxOutputLength: originalLength });
      } catch (e) {
        // The checksum held, so the frame was built wrong on purpose; either
        // way its payload is not what the header says.
        if (e.code === 'ERR_CFN_CORRUPT' || e.code === 'ERR_CFN_LIMIT') throw corrupt(what, `payload: ${e.message}`);
        throw e;
      }
    }
    if (raw.length !== originalLength) throw corrupt(what, `payload is ${raw.length} bytes, header says ${originalLength}`);
    return raw.toString('utf8');
  }

  return { pack, unpack };
}

/**
 * `JSON.parse(json)`, where a failure means the frame lied (its checksum
 * held), so it is reported as corruption.
 */
function parseFramed(json, what) {
  try {
    return JSON.parse(json);
  } catch (e) {
    throw corrupt(what, `payload is not JSON: ${e.message}`);
  }
}

module.exports = { makeFrameCodec, toJSON, parseFramed, corrupt, HEADER, TRAILER, DEFAULT_COMPRESS_ABOVE, DEFAULT_MAX_OUTPUT };
