'use strict';
// The plain-JavaScript backend: the same primitives as the native and wasm
// bindings, on Node's built-ins where Node has one (crypto, zlib) and
// hand-written where it has none (xxHash, LZ4 frames, the JSON checker).

// node:crypto (~2.7 ms to load here) and node:zlib load on first use: the
// native backend routes short hashes here, and their first call should not
// pay for OpenSSL's bindings.
let cryptoModule;
let zlibModule;
const nodeCrypto = () => cryptoModule || (cryptoModule = require('node:crypto'));
const nodeZlib = () => zlibModule || (zlibModule = require('node:zlib'));
const { cfnError } = require('../errors');
const { xxh32, xxh64, xxh3 } = require('../js/xxhash');
const lz4 = require('../js/lz4');
const { checkJSON } = require('../js/json');
const { aggregate } = require('../js/stats');
// The syntax judges (meriyah and Babel glue, the TypeScript checker) load
// with the first syntax call, terser with the first optimize call: a hash
// the native backend routes here on its first call should not pay ~3 ms
// for them.
const syntax = (name) => (...a) => require('../js/syntax')[name](...a);
const optimizer = (name) => (...a) => require('../js/optimize')[name](...a);

const { MAX_LENGTH } = require('node:buffer').constants;

const DEFAULT_MAX_OUTPUT = 256 * 1024 * 1024;
const utf8 = (s) => Buffer.from(s, 'utf8');
const cap = (max) => (Number.isFinite(max) && max >= 0 ? Math.floor(max) : DEFAULT_MAX_OUTPUT);

function fnv1a32(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/** FNV-1a over a string's UTF-8 without encoding it when it is ASCII. */
function fnv1a32Str(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return fnv1a32(utf8(s));
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

function zlibLevel(level, max) {
  if (!Number.isInteger(level) || level < -1 || level > max) {
    throw cfnError('ERR_CFN_INVALID_ARG', `level must be -1..${max}, got ${level}`, RangeError);
  }
  return level;
}

/** Maps node:zlib failures onto the package's codes. */
function decode(fn, data, max, what) {
  if (data.length === 0) throw cfnError('ERR_CFN_CORRUPT', `invalid ${what} data: unexpected end of input`);
  const limit = cap(max);
  try {
    // node:zlib wants 1 <= maxOutputLength <= buffer.constants.MAX_LENGTH.
    return fn(data, { maxOutputLength: Math.max(1, Math.min(limit, MAX_LENGTH)) });
  } catch (e) {
    if (e && e.code === 'ERR_BUFFER_TOO_LARGE') {
      throw cfnError('ERR_CFN_LIMIT', `${what} output exceeds maxOutputLength (${limit} bytes)`);
    }
    throw cfnError('ERR_CFN_CORRUPT', `invalid ${what} data: ${e && e.message}`);
  }
}

function sealKey(key) {
  if (key.length !== 32) throw cfnError('ERR_CFN_INVALID_ARG', `key must be 32 bytes, got ${key.length}`, RangeError);
}

module.exports = {
  name: 'js',
  fnv1a32,
  fnv1a32Str,
  xxh32,
  xxh64,
  xxh64Str: (s, seed) => xxh64(utf8(s), seed),
  xxh3,
  xxh3Str: (s) => xxh3(utf8(s)),
  jsonCheck: checkJSON,
  jsonCheckStr: checkJSON,
  regexCheck(pattern, flags) {
    try {
      new RegExp(pattern, flags); // eslint-disable-line no-new
      return null;
    } catch (e) {
      return e.message;
    }
  },
  bytesFind(hay, needle, from) {
    if (from > hay.length) return needle.length === 0 ? hay.length : -1;
    return Buffer.from(hay.buffer, hay.byteOffset, hay.length).indexOf(needle, from);
  },
  bytesCompare: (a, b) => Buffer.compare(a, b),
  aggregate,
  sha256: (d) => nodeCrypto().createHash('sha256').update(d).digest(),
  md5: (d) => nodeCrypto().createHash('md5').update(d).digest(),
  aesGcmSeal(key, nonce, data) {
    sealKey(key);
    const c = nodeCrypto().createCipheriv('aes-256-gcm', key, nonce);
    return Buffer.concat([nonce, c.update(data), c.final(), c.getAuthTag()]);
  },
  aesGcmOpen(key, data) {
    sealKey(key);
    if (data.length < 28) {
      throw cfnError('ERR_CFN_DECRYPT', `ciphertext too short: ${data.length} bytes, need at least 28`);
    }
    const d = nodeCrypto().createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
    d.setAuthTag(data.subarray(data.length - 16));
    try {
      return Buffer.concat([d.update(data.subarray(12, data.length - 16)), d.final()]);
    } catch {
      throw cfnError('ERR_CFN_DECRYPT', 'authentication failed: wrong key or tampered data');
    }
  },
  gzip: (d, level) => nodeZlib().gzipSync(d, { level: zlibLevel(level, 9) }),
  gunzip: (d, max) => decode(nodeZlib().gunzipSync, d, max, 'gzip'),
  deflate: (d, level) => nodeZlib().deflateSync(d, { level: zlibLevel(level, 9) }),
  inflate: (d, max) => decode(nodeZlib().inflateSync, d, max, 'deflate'),
  brotli: (d, level) =>
    nodeZlib().brotliCompressSync(d, {
      params: {
        [nodeZlib().constants.BROTLI_PARAM_QUALITY]: level === -1 ? 11 : zlibLevel(level, 11),
        [nodeZlib().constants.BROTLI_PARAM_LGWIN]: 22,
        [nodeZlib().constants.BROTLI_PARAM_SIZE_HINT]: d.length,
      },
    }),
  unbrotli: (d, max) => decode(nodeZlib().brotliDecompressSync, d, max, 'brotli'),
  lz4Compress: (d) => toBuffer(lz4.compressFrame(d)),
  lz4Decompress: (d, max) => toBuffer(lz4.decompressFrame(d, cap(max))),
  jsValidate: syntax('jsValidate'),
  jsOutline: syntax('jsOutline'),
  jsParse: syntax('jsParse'),
  jsOptimize: optimizer('jsOptimize'),
  astOptimize: optimizer('astOptimize'),
  astCheck: optimizer('astCheck'),
  // The rules load on first use: most programs never check files.
  checkText: (text, file, kind, sourceType) =>
    JSON.stringify(require('../check/rules').analyzeText(text, file, kind ?? undefined, sourceType ?? undefined)),
  hasThreads: () => false,
};

function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}
