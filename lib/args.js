'use strict';
// Argument checks shared by the public API: wrong types are TypeErrors,
// unusable values RangeErrors, both with code ERR_CFN_INVALID_ARG.

const { typeError, rangeError } = require('./errors');

const isBytes = (x) => x instanceof Uint8Array;

/** A string or bytes, returned as given. */
function textOrBytes(x, name) {
  if (typeof x === 'string' || isBytes(x)) return x;
  throw typeError(name, 'a string, Buffer or Uint8Array', x);
}

/** Bytes; a string is taken as its UTF-8 encoding. */
function bytesOf(x, name) {
  if (isBytes(x)) return x;
  if (typeof x === 'string') return Buffer.from(x, 'utf8');
  throw typeError(name, 'a Buffer, Uint8Array or string', x);
}

/** Bytes only (keys, ciphertexts, compressed frames). */
function strictBytes(x, name) {
  if (isBytes(x)) return x;
  throw typeError(name, 'a Buffer or Uint8Array', x);
}

function string(x, name) {
  if (typeof x === 'string') return x;
  throw typeError(name, 'a string', x);
}

/** An options object or undefined/null (as {}). */
function options(x, name = 'options') {
  if (x === undefined || x === null) return {};
  if (typeof x === 'object' && !Array.isArray(x)) return x;
  throw typeError(name, 'an object', x);
}

/** An integer in [min, max], or `dflt` when undefined. */
function integer(x, name, min, max, dflt) {
  if (x === undefined) return dflt;
  if (typeof x !== 'number') throw typeError(name, 'an integer', x);
  if (!Number.isInteger(x) || x < min || x > max) throw rangeError(name, `must be an integer in ${min}..${max}, got ${x}`);
  return x;
}

/** A 64-bit seed: bigint or non-negative safe integer, taken modulo 2^64. */
function seed64(x, name = 'seed') {
  if (x === undefined) return 0n;
  if (typeof x === 'bigint') return BigInt.asUintN(64, x);
  if (typeof x === 'number' && Number.isSafeInteger(x)) return BigInt.asUintN(64, BigInt(x));
  throw typeError(name, 'a bigint or safe integer', x);
}

module.exports = { isBytes, textOrBytes, bytesOf, strictBytes, string, options, integer, seed64 };
