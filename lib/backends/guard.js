'use strict';
// Wraps a binding's functions so that whatever they throw leaves with a
// stable code (see errors.normalize), and byte results are Buffers.

const { normalize } = require('../errors');

/** Names of the primitives every backend provides (the backend interface). */
const PRIMITIVES = [
  'fnv1a32', 'fnv1a32Str', 'xxh32', 'xxh64', 'xxh64Str', 'xxh3', 'xxh3Str',
  'jsonCheck', 'jsonCheckStr', 'regexCheck', 'bytesFind', 'bytesCompare', 'aggregate',
  'sha256', 'md5', 'aesGcmSeal', 'aesGcmOpen',
  'gzip', 'gunzip', 'deflate', 'inflate', 'brotli', 'unbrotli', 'lz4Compress', 'lz4Decompress',
  'jsValidate', 'jsOutline', 'jsParse', 'jsOptimize', 'astOptimize', 'astCheck', 'checkText',
  'hasThreads',
];

/** Primitives a backend may lack; the API has a JS path for each. */
const OPTIONAL = ['validateFiles', 'jsParseTape'];

/** Primitives whose result is bytes. */
const BYTES_OUT = new Set([
  'sha256', 'md5', 'aesGcmSeal', 'aesGcmOpen', 'gzip', 'gunzip', 'deflate', 'inflate',
  'brotli', 'unbrotli', 'lz4Compress', 'lz4Decompress',
]);

const asBuffer = (u8) => (Buffer.isBuffer(u8) ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.length));

/**
 * Builds a backend object from `resolve(name)`, which returns the binding's
 * current function (the wasm binding swaps instances after a trap, so the
 * lookup happens per call; with `stable`, as for the addon, once).
 * `onFailure(err)` sees every raw error first.
 */
function guard(name, resolve, onFailure = () => {}, { stable = false } = {}) {
  const backend = { name };
  for (const prim of [...PRIMITIVES, ...OPTIONAL]) {
    if (typeof resolve(prim) !== 'function') {
      if (OPTIONAL.includes(prim)) continue;
      throw new Error(`binding lacks ${prim}`);
    }
    const toBuffer = BYTES_OUT.has(prim);
    const fixed = stable ? resolve(prim) : null;
    backend[prim] = function (a, b, c, d) {
      try {
        const out = (fixed || resolve(prim))(a, b, c, d);
        return toBuffer ? asBuffer(out) : out;
      } catch (err) {
        onFailure(err);
        throw normalize(err);
      }
    };
  }
  return backend;
}

module.exports = { guard, PRIMITIVES, OPTIONAL };
