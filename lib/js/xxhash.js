'use strict';
// xxHash32, XXH64 and XXH3_64bits in plain JavaScript, bit-exact with the
// reference C implementation (xxHash 0.8).
//
// This is the fallback for hosts where neither the native addon nor wasm
// loads, so speed matters: every 64-bit quantity is carried as a pair of
// int32 halves (hi, lo) and computed with Math.imul, shifts and manual
// carries. BigInt, which allocates on every operation, is only used for the
// seed and the result. Helpers that yield a 64-bit value write it to the
// scratch pair R (R[0] = hi, R[1] = lo): an Int32Array keeps the halves
// unboxed, where returning an object or array would allocate. The long-input
// loops read through a DataView; shorter code reads bytewise, as making a
// DataView costs more than a few reads.

const { typeError } = require('../errors.js');

const R = new Int32Array(2);

const P32_1 = 0x9e3779b1 | 0;
const P32_2 = 0x85ebca77 | 0;
const P32_3 = 0xc2b2ae3d | 0;
const P32_4 = 0x27d4eb2f | 0;
const P32_5 = 0x165667b1 | 0;

const P64_1H = 0x9e3779b1 | 0;
const P64_1L = 0x85ebca87 | 0;
const P64_2H = 0xc2b2ae3d | 0;
const P64_2L = 0x27d4eb4f | 0;
const P64_3H = 0x165667b1 | 0;
const P64_3L = 0x9e3779f9 | 0;
const P64_4H = 0x85ebca77 | 0;
const P64_4L = 0xc2b2ae63 | 0;
const P64_5H = 0x27d4eb2f | 0;
const P64_5L = 0x165667c5 | 0;

const MX1H = 0x16566791 | 0;
const MX1L = 0x9e3779f9 | 0;
const MX2H = 0x9fb21c65 | 0;
const MX2L = 0x1e98df25 | 0;

const TWO_32 = 4294967296;

// XXH3's default 192-byte secret (kSecret in xxhash.h).
const SECRET = Uint8Array.from(
  Buffer.from(
    'b8fe6c3923a44bbe7c01812cf721ad1cded46de9839097db7240a4a4b7b3671f' +
      'cb79e64eccc0e578825ad07dccff7221b8084674f743248ee03590e6813a264c' +
      '3c2852bb91c300cb88d0658b1b532ea371644897a20df94e3819ef46a9deacd8' +
      'a8fa763fe39c343ff9dcbbc7c70b4f1d8a51e04bcdb45931c89f7ec9d9787364' +
      'eac5ac8334d3ebc3c581a0fffa1363eb170ddd51b7f0da49d316552629d4689e' +
      '2b16be587d47a1fc8ff8b8d17ad031ce45cb3a8f95160428afd7fbcabb4b407e',
    'hex'
  )
);
const SECRET_VIEW = new DataView(SECRET.buffer);
const STRIPE_LEN = 64;
const STRIPES_PER_BLOCK = (SECRET.length - STRIPE_LEN) / 8; // 16
const BLOCK_LEN = STRIPE_LEN * STRIPES_PER_BLOCK; // 1024
const SCRAMBLE_OFFSET = SECRET.length - STRIPE_LEN; // 128
const LAST_STRIPE_OFFSET = SECRET.length - STRIPE_LEN - 7; // 121
const MERGE_OFFSET = 11;

/** `count` little-endian int32 words of the secret from byte `offset`. */
function secretWords(offset, count) {
  const words = new Int32Array(count);
  for (let i = 0; i < count; i++) words[i] = SECRET_VIEW.getInt32(offset + 4 * i, true);
  return words;
}

// The long-input loop reads its keys at 8-byte steps (word-aligned) from the
// start of the secret; the scramble and last-stripe keys sit at fixed offsets,
// the latter unaligned, so each gets its own word array.
const KEY_WORDS = secretWords(0, SECRET.length / 4);
const SCRAMBLE_KEY = secretWords(SCRAMBLE_OFFSET, 16);
const LAST_STRIPE_KEY = secretWords(LAST_STRIPE_OFFSET, 16);

function checkBytes(bytes) {
  if (!(bytes instanceof Uint8Array)) throw typeError('input', 'a Uint8Array', bytes);
}

// DataViews by ArrayBuffer, held weakly: making one costs more than hashing
// a short input, and inputs often share a buffer (Node's Buffer pool).
// lz4.js uses the same cache.
const views = new WeakMap();

/** A DataView over the whole buffer under `bytes`: offsets add byteOffset. */
function bufferView(bytes) {
  const buffer = bytes.buffer;
  let view = views.get(buffer);
  if (view === undefined) {
    view = new DataView(buffer);
    views.set(buffer, view);
  }
  return view;
}

/** Little-endian int32 at byte `p`: cheaper than a DataView for a few reads. */
function readI32(bytes, p) {
  return bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16) | (bytes[p + 3] << 24);
}

// BigInts cross into and out of (hi, lo) halves through one 64-bit slot,
// which costs a single BigInt allocation where shifts and masks cost several.
const U64 = new BigUint64Array(1);
const U32 = new Uint32Array(U64.buffer);
const LO = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 0 : 1;
const HI = 1 - LO;

function toBigInt(hi, lo) {
  U32[HI] = hi;
  U32[LO] = lo;
  return U64[0];
}

function rotl32(x, r) {
  return (x << r) | (x >>> (32 - r));
}

/** High 32 bits of the unsigned 64-bit product of two uint32 (as int32). */
function mulhi32(a, b) {
  // Schoolbook on 16-bit limbs: every partial product is below 2^32, so
  // Math.imul's result, read unsigned, is exact.
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const m1 = Math.imul(a1, b0);
  const m2 = Math.imul(a0, b1);
  const mid = (Math.imul(a0, b0) >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  return (Math.imul(a1, b1) + (m1 >>> 16) + (m2 >>> 16) + (mid >>> 16)) | 0;
}

/** Carry out of the 32-bit addition a + b whose truncated sum is `sum`. */
function carry(a, b, sum) {
  return ((a & b) | ((a | b) & ~sum)) >>> 31;
}

/** R = a * b mod 2^64. */
function mul64(ah, al, bh, bl) {
  R[1] = Math.imul(al, bl);
  R[0] = mulhi32(al, bl) + Math.imul(ah, bl) + Math.imul(al, bh);
}

/** R = a + b mod 2^64. */
function add64(ah, al, bh, bl) {
  const lo = (al + bl) | 0;
  R[1] = lo;
  R[0] = ah + bh + carry(al, bl, lo);
}

/** R = a - b mod 2^64. */
function sub64(ah, al, bh, bl) {
  const lo = (al - bl) | 0;
  R[1] = lo;
  // Borrow out of al - bl, the subtraction counterpart of carry().
  R[0] = ah - bh - (((~al & bl) | (~(al ^ bl) & lo)) >>> 31);
}

/** R = rotate-left of (h, l) by r, 0 < r < 32 (swap halves for r > 32). */
function rotl64(h, l, r) {
  R[0] = (h << r) | (l >>> (32 - r));
  R[1] = (l << r) | (h >>> (32 - r));
}

/** R = the 64-bit xor-fold (low ^ high) of the 128-bit product a * b. */
function mul128fold64(ah, al, bh, bl) {
  const llLo = Math.imul(al, bl);
  const llHi = mulhi32(al, bl);
  const lhLo = Math.imul(al, bh);
  const lhHi = mulhi32(al, bh);
  const hlLo = Math.imul(ah, bl);
  const hlHi = mulhi32(ah, bl);
  const hhLo = Math.imul(ah, bh);
  const hhHi = mulhi32(ah, bh);
  // Column sums stay below 2^35, exact in a double; the quotient is the carry.
  const t1 = (llHi >>> 0) + (lhLo >>> 0) + (hlLo >>> 0);
  const t2 = (lhHi >>> 0) + (hlHi >>> 0) + (hhLo >>> 0) + Math.floor(t1 / TWO_32);
  const w3 = (hhHi + Math.floor(t2 / TWO_32)) | 0;
  R[0] = t1 ^ w3; // ToInt32 of t1 and t2 keeps their low 32 bits
  R[1] = llLo ^ t2;
}

/**
 * XXH64's main loop over the 32-byte stripes from `p` to `limit` (the last
 * stripe's start) in `view`: each of the four lanes in `v`, as (hi, lo)
 * pairs, becomes rotl(v + input * P2, 31) * P1. Returns the offset after the
 * last stripe.
 */
function stripes64(view, v, p, limit) {
  // The hottest code of xxh64, so written out on locals and a lane array:
  // going through the helpers and R costs nearly half the speed.
  do {
    for (let i = 0; i < 8; i += 2) {
      const inl = view.getInt32(p + 4 * i, true);
      const inh = view.getInt32(p + 4 * i + 4, true);
      const accl = v[i + 1];
      const ml = Math.imul(inl, P64_2L);
      const mh = mulhi32(inl, P64_2L) + Math.imul(inh, P64_2L) + Math.imul(inl, P64_2H);
      const l = (accl + ml) | 0;
      const h = (v[i] + mh + carry(accl, ml, l)) | 0;
      const rh = (h << 31) | (l >>> 1);
      const rl = (l << 31) | (h >>> 1);
      v[i + 1] = Math.imul(rl, P64_1L);
      v[i] = mulhi32(rl, P64_1L) + Math.imul(rh, P64_1L) + Math.imul(rl, P64_1H);
    }
    p += 32;
  } while (p <= limit);
  return p;
}

/** XXH64 round: R = rotl(acc + input * P2, 31) * P1. */
function round64(acch, accl, inh, inl) {
  mul64(inh, inl, P64_2H, P64_2L);
  add64(acch, accl, R[0], R[1]);
  rotl64(R[0], R[1], 31);
  mul64(R[0], R[1], P64_1H, P64_1L);
}

/** XXH64 merge round: R = (acc ^ round(0, val)) * P1 + P4. */
function mergeRound64(acch, accl, vh, vl) {
  round64(0, 0, vh, vl);
  mul64(acch ^ R[0], accl ^ R[1], P64_1H, P64_1L);
  add64(R[0], R[1], P64_4H, P64_4L);
}

/** XXH64's final mix. */
function avalanche64(h, l) {
  l ^= h >>> 1; // >> 33
  mul64(h, l, P64_2H, P64_2L);
  h = R[0];
  l = R[1];
  l ^= (l >>> 29) | (h << 3); // >> 29
  h ^= h >>> 29;
  mul64(h, l, P64_3H, P64_3L);
  R[1] ^= R[0]; // >> 32
}

/** XXH3's final mix for inputs of 9 bytes and more. */
function avalanche3(h, l) {
  mul64(h, l ^ (h >>> 5), MX1H, MX1L); // ^= >> 37
  R[1] ^= R[0]; // >> 32
}

/**
 * xxHash32's main loop over the 16-byte stripes from `p` to `limit` (the
 * last stripe's start) in `view`, on the four lanes in `v`.
 *
 * The lanes live in `v` throughout rather than in locals stored back after
 * the loop, and the other hot loops here likewise sit alone in functions that
 * end with them: V8 compiles a loop that gets hot mid-call (on-stack
 * replacement) before the code after it has ever run, and code without type
 * feedback there can send every later call back to the interpreter.
 */
function stripes32(view, p, limit, v) {
  do {
    v[0] = Math.imul(rotl32((v[0] + Math.imul(view.getInt32(p, true), P32_2)) | 0, 13), P32_1);
    v[1] = Math.imul(rotl32((v[1] + Math.imul(view.getInt32(p + 4, true), P32_2)) | 0, 13), P32_1);
    v[2] = Math.imul(rotl32((v[2] + Math.imul(view.getInt32(p + 8, true), P32_2)) | 0, 13), P32_1);
    v[3] = Math.imul(rotl32((v[3] + Math.imul(view.getInt32(p + 12, true), P32_2)) | 0, 13), P32_1);
    p += 16;
  } while (p <= limit);
}

/**
 * Reference xxHash32 of `bytes`.
 * @param {Uint8Array} bytes data to hash (any view; byteOffset may be nonzero)
 * @param {number} [seed=0] 32-bit seed, taken modulo 2^32
 * @returns {number} the hash as an unsigned 32-bit integer
 */
function xxh32(bytes, seed = 0) {
  checkBytes(bytes);
  const len = bytes.length;
  seed |= 0;
  let p = 0;
  let h;
  if (len >= 16) {
    const v = Int32Array.of(seed + P32_1 + P32_2, seed + P32_2, seed, seed - P32_1);
    stripes32(bufferView(bytes), bytes.byteOffset, bytes.byteOffset + len - 16, v);
    h = rotl32(v[0], 1) + rotl32(v[1], 7) + rotl32(v[2], 12) + rotl32(v[3], 18);
    p = len - (len % 16);
  } else {
    h = seed + P32_5;
  }
  h = (h + len) | 0;
  for (; p + 4 <= len; p += 4) {
    h = Math.imul(rotl32((h + Math.imul(readI32(bytes, p), P32_3)) | 0, 17), P32_4);
  }
  for (; p < len; p++) {
    h = Math.imul(rotl32((h + Math.imul(bytes[p], P32_5)) | 0, 11), P32_1);
  }
  h ^= h >>> 15;
  h = Math.imul(h, P32_2);
  h ^= h >>> 13;
  h = Math.imul(h, P32_3);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Reference XXH64 of `bytes`.
 * @param {Uint8Array} bytes data to hash (any view; byteOffset may be nonzero)
 * @param {bigint} [seed=0n] seed, taken modulo 2^64
 * @returns {bigint} the hash as an unsigned 64-bit bigint
 */
function xxh64(bytes, seed = 0n) {
  checkBytes(bytes);
  U64[0] = typeof seed === 'bigint' ? seed : BigInt(seed); // stored modulo 2^64
  const sh = U32[HI] | 0;
  const sl = U32[LO] | 0;
  const len = bytes.length;
  let p = 0;
  let h;
  let l;
  if (len >= 32) {
    const v = new Int32Array(8);
    add64(sh, sl, P64_1H, P64_1L);
    add64(R[0], R[1], P64_2H, P64_2L);
    v[0] = R[0];
    v[1] = R[1];
    add64(sh, sl, P64_2H, P64_2L);
    v[2] = R[0];
    v[3] = R[1];
    v[4] = sh;
    v[5] = sl;
    sub64(sh, sl, P64_1H, P64_1L);
    v[6] = R[0];
    v[7] = R[1];
    p = stripes64(bufferView(bytes), v, bytes.byteOffset, bytes.byteOffset + len - 32) - bytes.byteOffset;
    rotl64(v[0], v[1], 1);
    h = R[0];
    l = R[1];
    rotl64(v[2], v[3], 7);
    add64(h, l, R[0], R[1]);
    h = R[0];
    l = R[1];
    rotl64(v[4], v[5], 12);
    add64(h, l, R[0], R[1]);
    h = R[0];
    l = R[1];
    rotl64(v[6], v[7], 18);
    add64(h, l, R[0], R[1]);
    mergeRound64(R[0], R[1], v[0], v[1]);
    mergeRound64(R[0], R[1], v[2], v[3]);
    mergeRound64(R[0], R[1], v[4], v[5]);
    mergeRound64(R[0], R[1], v[6], v[7]);
  } else {
    add64(sh, sl, P64_5H, P64_5L);
  }
  add64(R[0], R[1], Math.floor(len / TWO_32), len | 0);
  h = R[0];
  l = R[1];
  for (; p + 8 <= len; p += 8) {
    round64(0, 0, readI32(bytes, p + 4), readI32(bytes, p));
    rotl64(h ^ R[0], l ^ R[1], 27);
    mul64(R[0], R[1], P64_1H, P64_1L);
    add64(R[0], R[1], P64_4H, P64_4L);
    h = R[0];
    l = R[1];
  }
  if (p + 4 <= len) {
    mul64(0, readI32(bytes, p), P64_1H, P64_1L);
    rotl64(h ^ R[0], l ^ R[1], 23);
    mul64(R[0], R[1], P64_2H, P64_2L);
    add64(R[0], R[1], P64_3H, P64_3L);
    h = R[0];
    l = R[1];
    p += 4;
  }
  for (; p < len; p++) {
    mul64(0, bytes[p], P64_5H, P64_5L);
    rotl64(h ^ R[0], l ^ R[1], 11);
    mul64(R[0], R[1], P64_1H, P64_1L);
    h = R[0];
    l = R[1];
  }
  avalanche64(h, l);
  return toBigInt(R[0], R[1]);
}

/** XXH3's mix of 16 input bytes at `p` with 16 secret bytes at `s`. */
function mix16B(bytes, p, s) {
  mul128fold64(
    readI32(bytes, p + 4) ^ SECRET_VIEW.getInt32(s + 4, true),
    readI32(bytes, p) ^ SECRET_VIEW.getInt32(s, true),
    readI32(bytes, p + 12) ^ SECRET_VIEW.getInt32(s + 12, true),
    readI32(bytes, p + 8) ^ SECRET_VIEW.getInt32(s + 8, true)
  );
}

function xxh3Len1to3(bytes, len) {
  const combined = (bytes[0] << 16) | (bytes[len >> 1] << 24) | bytes[len - 1] | (len << 8);
  avalanche64(0, combined ^ SECRET_VIEW.getInt32(0, true) ^ SECRET_VIEW.getInt32(4, true));
}

function xxh3Len4to8(bytes, len) {
  // keyed = ((first32 << 32) + last32) ^ (secret[8..16) ^ secret[16..24))
  let h = readI32(bytes, 0) ^ SECRET_VIEW.getInt32(12, true) ^ SECRET_VIEW.getInt32(20, true);
  let l = readI32(bytes, len - 4) ^ SECRET_VIEW.getInt32(8, true) ^ SECRET_VIEW.getInt32(16, true);
  // rrmxmx: h ^= rotl(h, 49) ^ rotl(h, 24)
  const h49 = (l << 17) | (h >>> 15);
  const l49 = (h << 17) | (l >>> 15);
  const h24 = (h << 24) | (l >>> 8);
  const l24 = (l << 24) | (h >>> 8);
  h ^= h49 ^ h24;
  l ^= l49 ^ l24;
  mul64(h, l, MX2H, MX2L);
  // h ^= (h >> 35) + len: (h >> 35) < 2^29, so adding len cannot carry.
  mul64(R[0], R[1] ^ ((R[0] >>> 3) + len), MX2H, MX2L);
  h = R[0];
  l = R[1];
  R[1] = l ^ ((l >>> 28) | (h << 4)); // ^= >> 28
  R[0] = h ^ (h >>> 28);
}

function xxh3Len9to16(bytes, len) {
  const lol = readI32(bytes, 0) ^ SECRET_VIEW.getInt32(24, true) ^ SECRET_VIEW.getInt32(32, true);
  const loh = readI32(bytes, 4) ^ SECRET_VIEW.getInt32(28, true) ^ SECRET_VIEW.getInt32(36, true);
  const hil = readI32(bytes, len - 8) ^ SECRET_VIEW.getInt32(40, true) ^ SECRET_VIEW.getInt32(48, true);
  const hih = readI32(bytes, len - 4) ^ SECRET_VIEW.getInt32(44, true) ^ SECRET_VIEW.getInt32(52, true);
  // acc = len + bswap64(lo) + hi + mul128fold64(lo, hi)
  mul128fold64(loh, lol, hih, hil);
  add64(R[0], R[1], hih, hil);
  add64(R[0], R[1], bswap32(lol), bswap32(loh));
  add64(R[0], R[1], 0, len);
  avalanche3(R[0], R[1]);
}

function bswap32(x) {
  return (x >>> 24) | ((x >>> 8) & 0xff00) | ((x & 0xff00) << 8) | (x << 24);
}

function xxh3Len17to128(bytes, len) {
  // acc = len * P64_1; len < 2^32, so the product needs no high input half.
  mul64(0, len, P64_1H, P64_1L);
  let h = R[0];
  let l = R[1];
  // Pairs of 16-byte chunks from both ends, the widest pairs first as in the
  // reference (addition order does not matter mod 2^64, but keep it obvious).
  const pairs = len > 96 ? 4 : len > 64 ? 3 : len > 32 ? 2 : 1;
  for (let i = pairs - 1; i >= 0; i--) {
    mix16B(bytes, 16 * i, 32 * i);
    add64(h, l, R[0], R[1]);
    h = R[0];
    l = R[1];
    mix16B(bytes, len - 16 * (i + 1), 32 * i + 16);
    add64(h, l, R[0], R[1]);
    h = R[0];
    l = R[1];
  }
  avalanche3(h, l);
}

function xxh3Len129to240(bytes, len) {
  mul64(0, len, P64_1H, P64_1L);
  let h = R[0];
  let l = R[1];
  for (let i = 0; i < 8; i++) {
    mix16B(bytes, 16 * i, 16 * i);
    add64(h, l, R[0], R[1]);
    h = R[0];
    l = R[1];
  }
  avalanche3(h, l);
  h = R[0];
  l = R[1];
  // The remaining full chunks use the secret from offset 3, the last 16 bytes
  // the secret at 136 - 17 (XXH3_MIDSIZE_STARTOFFSET / _LASTOFFSET).
  const rounds = len >>> 4;
  for (let i = 8; i < rounds; i++) {
    mix16B(bytes, 16 * i, 16 * (i - 8) + 3);
    add64(h, l, R[0], R[1]);
    h = R[0];
    l = R[1];
  }
  mix16B(bytes, len - 16, 119);
  add64(h, l, R[0], R[1]);
  avalanche3(R[0], R[1]);
}

/**
 * Runs `stripes` 64-byte stripes from `p` through XXH3's accumulator.
 * `acc` holds the 8 lanes as (hi, lo) pairs; lane i's keys start at word
 * `k` + 2i of `key`.
 */
function accumulate(acc, view, p, stripes, key, k) {
  for (let n = 0; n < stripes; n++, p += STRIPE_LEN, k += 2) {
    // Lanes go in pairs (2m, 2m + 1): each lane takes the 32x32->64 product
    // of its own keyed halves plus its neighbour's raw data.
    for (let i = 0; i < 16; i += 4) {
      const d0l = view.getInt32(p + 4 * i, true);
      const d0h = view.getInt32(p + 4 * i + 4, true);
      const d1l = view.getInt32(p + 4 * i + 8, true);
      const d1h = view.getInt32(p + 4 * i + 12, true);
      const k0l = d0l ^ key[k + i];
      const k0h = d0h ^ key[k + i + 1];
      const k1l = d1l ^ key[k + i + 2];
      const k1h = d1h ^ key[k + i + 3];
      const p0l = Math.imul(k0l, k0h);
      const p0h = mulhi32(k0l, k0h);
      const p1l = Math.imul(k1l, k1h);
      const p1h = mulhi32(k1l, k1h);
      let a = acc[i + 1];
      let t = (a + d1l) | 0;
      let h = acc[i] + d1h + carry(a, d1l, t);
      let u = (t + p0l) | 0;
      acc[i] = h + p0h + carry(t, p0l, u);
      acc[i + 1] = u;
      a = acc[i + 3];
      t = (a + d0l) | 0;
      h = acc[i + 2] + d0h + carry(a, d0l, t);
      u = (t + p1l) | 0;
      acc[i + 2] = h + p1h + carry(t, p1l, u);
      acc[i + 3] = u;
    }
  }
}

/** XXH3's scramble: acc = (acc ^ (acc >> 47) ^ key) * P32_1 per lane. */
function scramble(acc) {
  for (let i = 0; i < 16; i += 2) {
    const h = acc[i] ^ SCRAMBLE_KEY[i + 1];
    const l = acc[i + 1] ^ (acc[i] >>> 15) ^ SCRAMBLE_KEY[i];
    acc[i + 1] = Math.imul(l, P32_1);
    acc[i] = mulhi32(l, P32_1) + Math.imul(h, P32_1);
  }
}

/** XXH3's loop over whole 1024-byte blocks, alone in its function as stripes32 explains. */
function fullBlocks(acc, view, p, blocks) {
  for (let b = 0; b < blocks; b++, p += BLOCK_LEN) {
    accumulate(acc, view, p, STRIPES_PER_BLOCK, KEY_WORDS, 0);
    scramble(acc);
  }
}

function xxh3Long(view, base, len) {
  const acc = Int32Array.of(
    0, P32_3, P64_1H, P64_1L, P64_2H, P64_2L, P64_3H, P64_3L,
    P64_4H, P64_4L, 0, P32_2, P64_5H, P64_5L, 0, P32_1
  );
  const blocks = Math.floor((len - 1) / BLOCK_LEN);
  fullBlocks(acc, view, base, blocks);
  const p = blocks * BLOCK_LEN;
  accumulate(acc, view, base + p, Math.floor((len - 1 - p) / STRIPE_LEN), KEY_WORDS, 0);
  // The last stripe always ends at the input's end, overlapping if need be.
  accumulate(acc, view, base + len - STRIPE_LEN, 1, LAST_STRIPE_KEY, 0);

  mul64(Math.floor(len / TWO_32), len | 0, P64_1H, P64_1L);
  let h = R[0];
  let l = R[1];
  for (let i = 0; i < 4; i++) {
    const s = MERGE_OFFSET + 16 * i;
    mul128fold64(
      acc[4 * i] ^ SECRET_VIEW.getInt32(s + 4, true),
      acc[4 * i + 1] ^ SECRET_VIEW.getInt32(s, true),
      acc[4 * i + 2] ^ SECRET_VIEW.getInt32(s + 12, true),
      acc[4 * i + 3] ^ SECRET_VIEW.getInt32(s + 8, true)
    );
    add64(h, l, R[0], R[1]);
    h = R[0];
    l = R[1];
  }
  avalanche3(h, l);
}

/**
 * Reference XXH3_64bits of `bytes` (default secret, seed 0).
 * @param {Uint8Array} bytes data to hash (any view; byteOffset may be nonzero)
 * @returns {bigint} the hash as an unsigned 64-bit bigint
 */
function xxh3(bytes) {
  checkBytes(bytes);
  const len = bytes.length;
  if (len > 240) xxh3Long(bufferView(bytes), bytes.byteOffset, len);
  else if (len > 128) xxh3Len129to240(bytes, len);
  else if (len > 16) xxh3Len17to128(bytes, len);
  else if (len > 8) xxh3Len9to16(bytes, len);
  else if (len >= 4) xxh3Len4to8(bytes, len);
  else if (len > 0) xxh3Len1to3(bytes, len);
  else {
    avalanche64(
      SECRET_VIEW.getInt32(60, true) ^ SECRET_VIEW.getInt32(68, true),
      SECRET_VIEW.getInt32(56, true) ^ SECRET_VIEW.getInt32(64, true)
    );
  }
  return toBigInt(R[0], R[1]);
}

module.exports = { xxh32, xxh64, xxh3, bufferView };
