'use strict';
// Hostile input on the backend CFN_ACCEL_BACKEND picks (run once per backend
// by scripts/test.js): garbage into every decoder, every truncation and
// seeded single-bit flips of valid frames, records and envelopes,
// decompression bombs, deep nesting, lone surrogates and invalid UTF-8, and
// wrong argument types for every export. The rule everywhere: a coded error
// (err.code starts with ERR_CFN_) or the exact original, never another value,
// never a crash, never a Rust panic surfacing as a message. The last test
// checks that ordinary calls still work after all of it.
//
// JS/TS source nesting for validate/outline is covered by the syntax tests;
// here validate only gets a smoke call.

const test = require('node:test');
const assert = require('node:assert/strict');
const zlib = require('node:zlib');
const nodeCrypto = require('node:crypto');
const api = require('..');
const { rng } = require('./helpers');

const { memoryOps, compression, crypto, validation, astParser, stringOps } = api;
const { encodeRecord, decodeRecord, encodeEnvelope, decodeEnvelope } = api;

const PANIC = /panicked|unreachable|RuntimeError|called `(Option|Result)::unwrap|ERR_CFN_INTERNAL/;

/** Runs `fn`; returns {value} or {error}, failing on an uncoded error. */
function outcome(fn, label) {
  try {
    return { value: fn() };
  } catch (e) {
    assert.ok(e && typeof e.code === 'string' && e.code.startsWith('ERR_CFN_'), `${label}: uncoded error ${e && e.stack}`);
    assert.notEqual(e.code, 'ERR_CFN_INTERNAL', `${label}: internal error (a panic or trap): ${e.message}`);
    assert.doesNotMatch(String(e.message), PANIC, label);
    return { error: e };
  }
}

/** `fn()` must throw a coded error or give exactly `expected`. */
function errorOrExact(fn, expected, label) {
  const r = outcome(fn, label);
  if ('value' in r) assert.deepEqual(r.value, expected, `${label}: decoded to a different value`);
  return r;
}

function bytes(r, n) {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
  return b;
}

/** Text-like, compressible data with some structure. */
function sample(seed, n) {
  const r = rng(seed);
  const words = ['agent', 'swarm', 'task', 'memory', 'hook', '{"id":', '0123', '\n', 'ünï', '😀'];
  let s = '';
  while (s.length < n) s += words[Math.floor(r() * words.length)] + (r() < 0.3 ? ' ' : '');
  return Buffer.from(s.slice(0, n));
}

/** Every truncation (all cuts short of the full length) plus `flips` seeded single-bit flips. */
function mutate(enc, decode, expected, label, { flips = 300, seed = 7 } = {}) {
  let errors = 0;
  let exact = 0;
  const count = (r) => (r.error ? errors++ : exact++);
  for (let n = 0; n < enc.length; n++) {
    count(errorOrExact(() => decode(enc.subarray(0, n)), expected, `${label} cut at ${n}`));
  }
  const r = rng(seed);
  for (let i = 0; i < flips; i++) {
    const bit = Math.floor(r() * enc.length * 8);
    const bad = Buffer.from(enc);
    bad[bit >> 3] ^= 1 << (bit & 7);
    count(errorOrExact(() => decode(bad), expected, `${label} bit ${bit} flipped`));
  }
  // And the intact input still decodes, after all of it.
  assert.deepEqual(decode(enc), expected, `${label} intact`);
  return { errors, exact };
}

// --- LZ4 frames built by hand (lz4_Frame_format.md) ------------------------

function xxh32(buf) {
  // Through the API's own xxh64? No: xxh32 is not exported, so a plain
  // implementation of the reference algorithm, used only for frame headers.
  const P1 = 2654435761, P2 = 2246822519, P3 = 3266489917, P4 = 668265263, P5 = 374761393;
  const mul = (a, b) => Math.imul(a, b) >>> 0;
  const rotl = (x, r) => ((x << r) | (x >>> (32 - r))) >>> 0;
  const n = buf.length;
  let i = 0;
  let h;
  if (n >= 16) {
    const v = [(P1 + P2) >>> 0, P2, 0, (0 - P1) >>> 0];
    while (i + 16 <= n) {
      for (let j = 0; j < 4; j++) v[j] = mul(rotl((v[j] + mul(buf.readUInt32LE(i + 4 * j), P2)) >>> 0, 13), P1);
      i += 16;
    }
    h = (rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18)) >>> 0;
  } else {
    h = P5;
  }
  h = (h + n) >>> 0;
  for (; i + 4 <= n; i += 4) h = mul(rotl((h + mul(buf.readUInt32LE(i), P3)) >>> 0, 17), P4);
  for (; i < n; i++) h = mul(rotl((h + mul(buf[i], P5)) >>> 0, 11), P1);
  h = mul(h ^ (h >>> 15), P2);
  h = mul(h ^ (h >>> 13), P3);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * An LZ4 frame: `blocks` as given ({data, raw} where raw = stored
 * uncompressed), FLG options, optional declared content size.
 */
function lz4Frame(blocks, { contentSize, checksum = true, blockChecksum = false, independent = true, bd = 0x40, content } = {}) {
  let flg = 0x40 | (independent ? 0x20 : 0) | (blockChecksum ? 0x10 : 0) | (checksum ? 0x04 : 0);
  const desc = [flg, bd];
  if (contentSize !== undefined) {
    flg |= 0x08;
    desc[0] = flg;
    const cs = Buffer.alloc(8);
    cs.writeBigUInt64LE(BigInt(contentSize));
    desc.push(...cs);
  }
  const d = Buffer.from(desc);
  const parts = [Buffer.from([0x04, 0x22, 0x4d, 0x18]), d, Buffer.from([(xxh32(d) >>> 8) & 0xff])];
  for (const b of blocks) {
    const h = Buffer.alloc(4);
    h.writeUInt32LE((b.data.length | (b.raw ? 0x80000000 : 0)) >>> 0);
    parts.push(h, b.data);
    if (blockChecksum) {
      const c = Buffer.alloc(4);
      c.writeUInt32LE(xxh32(b.data));
      parts.push(c);
    }
  }
  parts.push(Buffer.alloc(4));
  if (checksum) {
    const c = Buffer.alloc(4);
    c.writeUInt32LE(xxh32(content));
    parts.push(c);
  }
  return Buffer.concat(parts);
}

/** The compressed block inside a one-block frame from memoryOps.compress. */
function firstBlock(frame) {
  const flg = frame[4];
  let ip = 4 + 2 + (flg & 0x08 ? 8 : 0) + 1;
  const word = frame.readUInt32LE(ip);
  assert.equal(word & 0x80000000, 0, 'the sample block is compressed');
  ip += 4;
  return frame.subarray(ip, ip + word);
}

// --- bombs: 1 GiB of zeros, built without allocating it --------------------

const GiB = 1 << 30;
const MiB = 1 << 20;

/** Raw deflate of `mib` MiB of zeros: one full-flushed 1 MiB segment repeated. */
function rawDeflateZeros(mib) {
  const seg = zlib.deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const parts = new Array(mib).fill(seg);
  parts.push(Buffer.from([0x03, 0x00])); // final, fixed-Huffman, empty block
  return Buffer.concat(parts);
}

function crc32Zeros(mib) {
  const z = Buffer.alloc(MiB);
  let c = 0;
  for (let i = 0; i < mib; i++) c = zlib.crc32(z, c);
  return c;
}

function gzipZeros(mib) {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32Zeros(mib), 0);
  trailer.writeUInt32LE((mib * MiB) >>> 0, 4);
  return Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]), rawDeflateZeros(mib), trailer]);
}

function zlibZeros(mib) {
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((mib * MiB) % 65521) * 65536 + 1) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), rawDeflateZeros(mib), adler]);
}

/** Brotli of `mib` MiB of zeros, streamed through node:zlib 16 MiB at a time. */
function brotliZeros(mib) {
  return new Promise((resolve, reject) => {
    const enc = zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } });
    const chunks = [];
    enc.on('data', (c) => chunks.push(c));
    enc.on('end', () => resolve(Buffer.concat(chunks)));
    enc.on('error', reject);
    const z = Buffer.alloc(Math.min(mib, 16) * MiB);
    let left = mib / Math.min(mib, 16);
    const write = () => {
      while (left > 0) {
        left--;
        if (!enc.write(z)) return enc.once('drain', write);
      }
      enc.end();
    };
    write();
  });
}

/** An LZ4 frame of `mib` MiB of zeros: one 4 MiB compressed block, repeated. */
function lz4Zeros(mib, opts = {}) {
  // compress() writes 256 KiB blocks (block maximum code 5).
  const block = firstBlock(memoryOps.compress(Buffer.alloc(MiB / 4)));
  const blocks = new Array(mib * 4).fill({ data: block });
  return lz4Frame(blocks, { checksum: false, bd: 0x50, ...opts });
}

// ---------------------------------------------------------------------------

const KEY = nodeCrypto.createHash('sha256').update('hostile').digest();

/** Every decoder, taking bytes. */
const DECODERS = {
  decompress: (b) => memoryOps.decompress(b, { maxOutputLength: 4 * MiB }),
  gunzip: (b) => compression.gunzip(b, { maxOutputLength: 4 * MiB }),
  inflate: (b) => compression.inflate(b, { maxOutputLength: 4 * MiB }),
  unbrotli: (b) => compression.unbrotli(b, { maxOutputLength: 4 * MiB }),
  decrypt: (b) => crypto.decrypt(b, KEY),
  decodeRecord: (b) => decodeRecord(b),
  decodeEnvelope: (b) => decodeEnvelope(b),
  checkJSON: (b) => validation.checkJSON(b),
};

/** Magic prefixes that get garbage past the first check of each format. */
const PREFIXES = {
  decompress: [Buffer.from([0x04, 0x22, 0x4d, 0x18, 0x64, 0x40, 0xa7]), Buffer.from([0x04, 0x22, 0x4d, 0x18])],
  gunzip: [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3])],
  inflate: [Buffer.from([0x78, 0x9c]), Buffer.from([0x78, 0xda])],
  unbrotli: [Buffer.from([0x1b]), Buffer.from([0x0b]), Buffer.from([0x8b])],
  decrypt: [],
  decodeRecord: [Buffer.from('CFNR\x01\x00\x00\x00', 'latin1'), Buffer.from('CFNR\x01\x01\x00\x00', 'latin1')],
  decodeEnvelope: [Buffer.from('CFNE\x01\x00\x00\x00', 'latin1'), Buffer.from('CFNE\x01\x01\x00\x00', 'latin1')],
  checkJSON: [Buffer.from('{"a":['), Buffer.from('"')],
};

test('random garbage into every decoder: a coded error, never a crash', () => {
  const r = rng(0xbad);
  const seen = {};
  for (const [name, decode] of Object.entries(DECODERS)) {
    const codes = (seen[name] = {});
    const inputs = [Buffer.alloc(0), Buffer.alloc(1), Buffer.alloc(64), Buffer.alloc(64, 0xff)];
    for (let i = 0; i < 300; i++) inputs.push(bytes(r, Math.floor(r() ** 3 * 4096)));
    for (const p of PREFIXES[name]) {
      for (let i = 0; i < 150; i++) inputs.push(Buffer.concat([p, bytes(r, Math.floor(r() * 600))]));
    }
    for (const input of inputs) {
      const res = outcome(() => decode(input), `${name}(${input.length} garbage bytes)`);
      if (name === 'checkJSON') {
        assert.equal(typeof res.value.valid, 'boolean');
        let ok = true;
        try {
          JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(input));
        } catch {
          ok = false;
        }
        assert.equal(res.value.valid, ok, `checkJSON agrees with V8 on ${input.toString('hex').slice(0, 80)}`);
      } else if (res.error) {
        codes[res.error.code] = (codes[res.error.code] || 0) + 1;
      }
    }
  }
  // Garbage is corrupt (or a failed decryption), not a limit or a bad argument.
  for (const name of ['decompress', 'gunzip', 'inflate', 'unbrotli', 'decodeRecord', 'decodeEnvelope']) {
    assert.deepEqual(Object.keys(seen[name]), ['ERR_CFN_CORRUPT'], `${name}: ${JSON.stringify(seen[name])}`);
  }
  assert.deepEqual(Object.keys(seen.decrypt), ['ERR_CFN_DECRYPT']);
});

test('garbage text into parseJSON, checkJSON and validateRegex agrees with V8', () => {
  const r = rng(0x7e57);
  const alphabet = '{}[]",:0123456789.eE+-truefalsnl \\/u\n\t()?*+|^$.[]{}\\bBdDwWsSkpP<>=!:-,ud800\ud800\udc00😀';
  for (let i = 0; i < 1500; i++) {
    const n = Math.floor(r() * 40);
    let s = '';
    for (let j = 0; j < n; j++) s += alphabet[Math.floor(r() * alphabet.length)];
    let v8 = { ok: true };
    try {
      v8.value = JSON.parse(s);
    } catch {
      v8 = { ok: false };
    }
    const check = validation.checkJSON(s);
    assert.equal(check.valid, v8.ok, `checkJSON(${JSON.stringify(s)})`);
    if (!v8.ok) {
      assert.ok(Number.isInteger(check.error.line) && Number.isInteger(check.error.column), JSON.stringify(check.error));
      assert.ok(check.error.offset >= 0 && check.error.offset <= s.length, JSON.stringify(check.error));
    }
    const parsed = outcome(() => astParser.parseJSON(s), `parseJSON(${JSON.stringify(s)})`);
    if (v8.ok) assert.deepEqual(parsed.value, v8.value);
    else {
      assert.equal(parsed.error.code, 'ERR_CFN_SYNTAX');
      assert.ok(parsed.error instanceof SyntaxError);
    }

    const flags = ['', 'u', 'g', 'i', 'v', 'x', 'uu'][i % 7];
    let re = true;
    try {
      new RegExp(s, flags);
    } catch {
      re = false;
    }
    const mine = outcome(() => validation.validateRegex(s, flags), `validateRegex(${JSON.stringify(s)}, ${flags})`);
    assert.equal(mine.value, re, `validateRegex(${JSON.stringify(s)}, '${flags}') vs V8`);
  }
});

test('LZ4 frames: every truncation and bit flips give an error or the original', () => {
  const data = sample(1, 9000);
  const frames = {
    ours: memoryOps.compress(data),
    // Several blocks, including an empty one (0x80000000 is an empty block,
    // not the end mark), with block checksums.
    handMade: lz4Frame(
      [{ data: data.subarray(0, 3000), raw: true }, { data: Buffer.alloc(0), raw: true }, { data: firstBlock(memoryOps.compress(data.subarray(3000))) }],
      { blockChecksum: true, contentSize: data.length, content: data },
    ),
    // No content checksum and no size: only the end mark tells a cut.
    unchecked: lz4Frame(
      [{ data: data.subarray(0, 4500), raw: true }, { data: data.subarray(4500), raw: true }],
      { checksum: false },
    ),
  };
  for (const [name, frame] of Object.entries(frames)) {
    assert.deepEqual(memoryOps.decompress(frame), data, `${name} decodes`);
    const { errors } = mutate(frame, (b) => memoryOps.decompress(b), data, `lz4 ${name}`, { flips: name === 'unchecked' ? 0 : 300 });
    assert.ok(errors >= frame.length, `${name}: every cut is an error`);
  }
  // The reference tool agrees on the empty block (decoded by lz4 -d when present).
  const tiny = lz4Frame([{ data: Buffer.from('hello '), raw: true }, { data: Buffer.alloc(0), raw: true }, { data: Buffer.from('world'), raw: true }], {
    content: Buffer.from('hello world'),
  });
  assert.equal(memoryOps.decompress(tiny).toString(), 'hello world');
  const lz4 = require('node:child_process').spawnSync('lz4', ['-dc'], { input: tiny });
  if (!lz4.error) assert.equal(lz4.stdout.toString(), 'hello world');
});

test('gzip, zlib and brotli: every truncation and bit flips give an error or the original', () => {
  const data = sample(2, 12000);
  const gz = compression.gzip(data);
  const { errors } = mutate(gz, (b) => compression.gunzip(b), data, 'gzip');
  assert.ok(errors >= gz.length);
  mutate(zlib.gzipSync(data), (b) => compression.gunzip(b), data, 'node gzip', { flips: 100 });
  mutate(compression.deflate(data), (b) => compression.inflate(b), data, 'zlib', { flips: 200 });
  // Brotli carries no checksum, so a flipped bit may decode to other bytes;
  // only truncation is checked.
  const br = compression.brotli(data);
  mutate(br, (b) => compression.unbrotli(b), data, 'brotli', { flips: 0 });
});

test('records and envelopes: every truncation and bit flips give an error or the original', () => {
  const small = { id: 'agent-7', status: 'busy', tags: ['a', 'ü', '😀'], n: -1.5, nested: { ok: true, none: null } };
  const big = { rows: Array.from({ length: 400 }, (_, i) => ({ id: `task-${i}`, note: 'x'.repeat(i % 40), i })) };
  assert.ok(JSON.stringify(big).length > 10240);
  const cases = [
    ['small record', encodeRecord(small), decodeRecord, small],
    ['compressed record', encodeRecord(big), decodeRecord, big],
    ['record, compressAbove 0', encodeRecord(small, { compressAbove: 0 }), decodeRecord, small],
  ];
  const env = stringOps.createEnvelope({ text: 'hi ü 😀' }, { priority: 1 }, 'agent-1');
  const bigEnv = stringOps.createEnvelope(big, {}, 'agent-2');
  cases.push(['small envelope', encodeEnvelope(env), decodeEnvelope, env]);
  cases.push(['compressed envelope', encodeEnvelope(bigEnv), decodeEnvelope, bigEnv]);
  for (const [label, buf, decode, value] of cases) {
    assert.deepEqual(decode(buf), value, label);
    const { errors } = mutate(buf, (b) => decode(b), value, label, { flips: 300 });
    assert.ok(errors >= buf.length, `${label}: every cut is an error`);
  }
  // A record is never read as an envelope, nor the other way.
  assert.equal(outcome(() => decodeEnvelope(encodeRecord(env)), 'cross').error.code, 'ERR_CFN_CORRUPT');
  assert.equal(outcome(() => decodeRecord(encodeEnvelope(env)), 'cross').error.code, 'ERR_CFN_CORRUPT');
});

test('decrypt: every truncation and bit flips are ERR_CFN_DECRYPT', () => {
  const data = sample(3, 500);
  const sealed = crypto.encrypt(data, KEY);
  for (let n = 0; n < sealed.length; n++) {
    assert.equal(outcome(() => crypto.decrypt(sealed.subarray(0, n), KEY), `cut ${n}`).error.code, 'ERR_CFN_DECRYPT');
  }
  const r = rng(5);
  for (let i = 0; i < 300; i++) {
    const bit = Math.floor(r() * sealed.length * 8);
    const bad = Buffer.from(sealed);
    bad[bit >> 3] ^= 1 << (bit & 7);
    assert.equal(outcome(() => crypto.decrypt(bad, KEY), `bit ${bit}`).error.code, 'ERR_CFN_DECRYPT');
  }
  const wrongKey = Buffer.from(KEY);
  wrongKey[0] ^= 1;
  assert.equal(outcome(() => crypto.decrypt(sealed, wrongKey), 'wrong key').error.code, 'ERR_CFN_DECRYPT');
  assert.deepEqual(crypto.decrypt(sealed, KEY), data);
});

test('decompression bombs stop at the cap with ERR_CFN_LIMIT', async () => {
  // Each construction is checked first on a small size against the
  // reference (node:zlib) and the exact result.
  assert.deepEqual(zlib.gunzipSync(gzipZeros(3)), Buffer.alloc(3 * MiB));
  assert.deepEqual(zlib.inflateSync(zlibZeros(3)), Buffer.alloc(3 * MiB));
  assert.deepEqual(compression.gunzip(gzipZeros(3)), Buffer.alloc(3 * MiB));
  assert.deepEqual(compression.inflate(zlibZeros(3)), Buffer.alloc(3 * MiB));
  assert.deepEqual(memoryOps.decompress(lz4Zeros(8)), Buffer.alloc(8 * MiB));
  const br16 = await brotliZeros(16);
  assert.deepEqual(compression.unbrotli(br16), Buffer.alloc(16 * MiB));

  const bombs = {
    'lz4 frame': [lz4Zeros(1024), memoryOps.decompress],
    gzip: [gzipZeros(1024), compression.gunzip],
    deflate: [zlibZeros(1024), compression.inflate],
    brotli: [await brotliZeros(1024), compression.unbrotli],
  };
  for (const [name, [bomb, decode]] of Object.entries(bombs)) {
    assert.ok(bomb.length < 8 * MiB, `${name} bomb is ${bomb.length} bytes for 1 GiB`);
    for (const maxOutputLength of [0, 1000, 5 * MiB]) {
      const r = outcome(() => decode(bomb, { maxOutputLength }), `${name} bomb, cap ${maxOutputLength}`);
      assert.equal(r.error && r.error.code, 'ERR_CFN_LIMIT', `${name} bomb, cap ${maxOutputLength}`);
    }
    // The default cap (256 MiB) stops it too.
    const r = outcome(() => decode(bomb), `${name} bomb, default cap`);
    assert.equal(r.error && r.error.code, 'ERR_CFN_LIMIT', `${name} bomb, default cap`);
  }
});

test('LZ4 frames declaring a huge content size are refused before decoding', () => {
  const body = Buffer.from('tiny');
  const block = [{ data: body, raw: true }];
  for (const size of [2 ** 40, 2 ** 53 + 2, 300 * MiB]) {
    const f = lz4Frame(block, { contentSize: size, content: body });
    assert.equal(outcome(() => memoryOps.decompress(f), `declares ${size}`).error.code, 'ERR_CFN_LIMIT');
    assert.equal(outcome(() => memoryOps.decompress(f, { maxOutputLength: 100 }), `declares ${size}`).error.code, 'ERR_CFN_LIMIT');
  }
  // Declared within the cap but not what the frame holds: corrupt.
  const liar = lz4Frame(block, { contentSize: 1000, content: body });
  assert.equal(outcome(() => memoryOps.decompress(liar), 'liar').error.code, 'ERR_CFN_CORRUPT');
  // Honest and exactly at the cap: fine; one under: a limit.
  const honest = lz4Frame(block, { contentSize: 4, content: body });
  assert.deepEqual(memoryOps.decompress(honest, { maxOutputLength: 4 }), body);
  assert.equal(outcome(() => memoryOps.decompress(honest, { maxOutputLength: 3 }), 'cap').error.code, 'ERR_CFN_LIMIT');
  // A record whose header declares more JSON than the cap allows.
  const rec = encodeRecord({ a: 'x'.repeat(100) });
  assert.equal(outcome(() => decodeRecord(rec, { maxOutputLength: 10 }), 'record cap').error.code, 'ERR_CFN_LIMIT');
  // Large-window brotli (a 1 GiB window for a few bytes) is refused as node:zlib does.
  assert.equal(outcome(() => compression.unbrotli(Buffer.from([0x11, 0x1e, 0, 0, 0, 0])), 'large window').error.code, 'ERR_CFN_CORRUPT');
});

/** A value nested `depth` arrays deep, built without recursion. */
function nested(depth) {
  let v = [0];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function depthOf(v) {
  let d = 0;
  while (Array.isArray(v) && v.length === 1 && Array.isArray(v[0])) {
    v = v[0];
    d++;
  }
  return d;
}

test('deep nesting: JSON text a million levels deep, records of deep values', () => {
  const N = 1e6;
  const open = '['.repeat(N);
  const deep = open + ']'.repeat(N);
  for (const text of [open, Buffer.from(open)]) {
    const c = validation.checkJSON(text);
    assert.equal(c.valid, false);
    assert.equal(c.error.offset, N, 'the error is at the end of the input');
    assert.equal(validation.validateJSON(text), false);
    assert.equal(outcome(() => astParser.parseJSON(text), 'parseJSON deep open').error.code, 'ERR_CFN_SYNTAX');
  }
  for (const text of [deep, Buffer.from(deep), '{"a":'.repeat(N / 10) + '1' + '}'.repeat(N / 10)]) {
    assert.equal(validation.checkJSON(text).valid, true);
    assert.equal(validation.validateJSON(text), true);
  }
  const badDeep = open + ']'.repeat(N) + 'x';
  assert.equal(validation.checkJSON(badDeep).error.offset, 2 * N);
  const parsed = outcome(() => astParser.parseJSON(deep), 'parseJSON deep');
  if (parsed.value !== undefined) assert.equal(depthOf(parsed.value), N - 1);

  // Records: deep values either round-trip or are refused with a coded error
  // (JSON.stringify recursion), never a crash or another value.
  for (const depth of [1000, 5000, 100000]) {
    const v = nested(depth);
    const enc = outcome(() => encodeRecord(v), `encodeRecord depth ${depth}`);
    if (enc.error) assert.equal(enc.error.code, 'ERR_CFN_INVALID_ARG');
    else assert.equal(depthOf(decodeRecord(enc.value)), depth);
  }
  // fastJSONStringify of deep values: JSON.stringify's text or a coded error.
  for (const depth of [1000, 100000]) {
    const r = outcome(() => stringOps.fastJSONStringify(nested(depth)), `fastJSONStringify depth ${depth}`);
    if (r.value !== undefined) assert.equal(r.value, '['.repeat(depth + 1) + '0' + ']'.repeat(depth + 1));
  }
  // A record whose JSON is a million levels deep, framed by hand: the
  // decoder gives the value or a coded error.
  const json = Buffer.from(deep);
  const frame = Buffer.alloc(16 + json.length + 8);
  frame.write('CFNR', 0, 'latin1');
  frame[4] = 1;
  frame.writeUInt32LE(json.length, 8);
  frame.writeUInt32LE(json.length, 12);
  json.copy(frame, 16);
  frame.writeBigUInt64LE(stringOps.xxh64(frame.subarray(0, 16 + json.length)), 16 + json.length);
  const dec = outcome(() => decodeRecord(frame), 'decodeRecord depth 1e6');
  if (dec.value !== undefined) assert.equal(depthOf(dec.value), N - 1);
  // Deep regex groups: an answer (V8's), not a crash.
  for (const d of [100, 2000]) {
    const p = '('.repeat(d) + 'a' + ')'.repeat(d);
    let v8 = true;
    try {
      new RegExp(p);
    } catch {
      v8 = false;
    }
    assert.equal(outcome(() => validation.validateRegex(p), `regex depth ${d}`).value, v8);
  }
});

test('lone surrogates and invalid UTF-8 where text is accepted', () => {
  const lone = ['\ud800', 'a\udfffb', '\udc00\ud800', 'x\ud83d', '😀\ud83d'];
  for (const s of lone) {
    const utf8 = Buffer.from(s, 'utf8'); // lone surrogates become U+FFFD
    assert.equal(stringOps.fastHash(s), stringOps.fastHash(utf8), `fastHash ${JSON.stringify(s)}`);
    assert.equal(stringOps.xxh64(s), stringOps.xxh64(utf8));
    assert.equal(stringOps.xxh3(s), stringOps.xxh3(utf8));
    assert.deepEqual(crypto.hashSHA256(s), nodeCrypto.createHash('sha256').update(s).digest());
    assert.deepEqual(crypto.hashMD5(s), nodeCrypto.createHash('md5').update(s).digest());
    assert.deepEqual(memoryOps.decompress(memoryOps.compress(s)), utf8);
    assert.deepEqual(compression.gunzip(compression.gzip(s)), utf8);
    assert.deepEqual(crypto.decrypt(crypto.encrypt(s, KEY), KEY), utf8);
    const json = JSON.stringify(s); // escapes lone surrogates
    assert.equal(validation.checkJSON(json).valid, true);
    assert.equal(astParser.parseJSON(json), s);
    const raw = `"${s}"`; // unescaped lone surrogates: valid JSON text for V8
    assert.equal(validation.checkJSON(raw).valid, true, `raw ${JSON.stringify(raw)}`);
    assert.deepEqual(decodeRecord(encodeRecord({ s })), { s });
    const env = stringOps.createEnvelope(s, { s }, 'agent');
    assert.deepEqual(decodeEnvelope(encodeEnvelope(env)), env);
    let v8 = true;
    try {
      new RegExp(s, 'u');
    } catch {
      v8 = false;
    }
    assert.equal(validation.validateRegex(s, 'u'), v8);
    assert.equal(validation.validateRegex(s), true);
    const v = astParser.validate(`const s = "${s}";\nlet t = '${s}' + \`${s}\`;`);
    assert.equal(typeof v.valid, 'boolean');
    assert.ok(Array.isArray(v.errors));
    assert.equal(typeof stringOps.fastCompare(s, 'a'), 'number');
    assert.equal(stringOps.fastSearch(`zz${s}`, s), 2);
    const set = new api.PatternSet([s.replace(/[\ud800-\udfff]/g, '.'), 'b']);
    assert.equal(set.scan(s + 'b').length, 2);
  }
  // Invalid UTF-8 bytes where JSON text is accepted: not JSON (a JSON text is
  // UTF-8), with the position of the bad byte.
  const bad = [Buffer.from([0x22, 0xff, 0x22]), Buffer.from([0x22, 0xc0, 0xaf, 0x22]), Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]), Buffer.from([0x22, 0xe2, 0x82])];
  for (const b of bad) {
    const c = validation.checkJSON(b);
    assert.equal(c.valid, false, b.toString('hex'));
    assert.ok(c.error.offset >= 1 && c.error.offset <= b.length, JSON.stringify(c.error));
    outcome(() => astParser.parseJSON(b), `parseJSON ${b.toString('hex')}`);
  }
  // Bytes are bytes to the hashes, codecs and cipher.
  const junk = Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]);
  assert.deepEqual(crypto.hashSHA256(junk), nodeCrypto.createHash('sha256').update(junk).digest());
  assert.deepEqual(memoryOps.decompress(memoryOps.compress(junk)), junk);
  assert.deepEqual(compression.unbrotli(compression.brotli(junk)), junk);
  assert.equal(stringOps.fastSearch(junk, Buffer.from([0xed, 0xa0])), 4);
});

// --- wrong argument types ---------------------------------------------------

const BAD = {
  undefined: undefined,
  null: null,
  number: 42,
  NaN: NaN,
  boolean: true,
  string: 'text',
  bigint: 10n,
  symbol: Symbol('s'),
  object: { a: 1 },
  array: [1, 2],
  function: () => 1,
  buffer: Buffer.from('ab'),
  arrayBuffer: new ArrayBuffer(4),
  int32Array: new Int32Array(2),
  date: new Date(0),
};

// Per argument: which kinds of value it accepts. s = string, b = Uint8Array,
// o = options object (undefined/null/plain object), n = number, bool,
// seed = bigint or safe integer, any = anything; `?` = may be omitted.
const SIGNATURES = {
  'stringOps.fastHash': ['sb'],
  'stringOps.xxh64': ['sb', 'seed?'],
  'stringOps.xxh3': ['sb'],
  'stringOps.fastCompare': ['s', 's'],
  'stringOps.fastSearch': ['sb', 'sb', 'n?'],
  'stringOps.fastReplace': ['s', 's', 's'],
  'stringOps.fastJSONStringify': ['any'],
  'stringOps.createEnvelope': ['any', 'o', 's'],
  'astParser.parseJSON': ['sb', 'any'],
  'astParser.parseJavaScript': ['s', 'o'],
  'astParser.parseTypeScript': ['s', 'o'],
  'astParser.validate': ['s', 'o'],
  'astParser.outline': ['s', 'o'],
  'memoryOps.fastCopy': ['b', 'b', 'n?'],
  'memoryOps.fastCompare': ['b', 'b'],
  'memoryOps.compress': ['sb'],
  'memoryOps.decompress': ['b', 'o'],
  'memoryOps.aggregateMetrics': ['values'],
  'crypto.hashSHA256': ['sb', 'o'],
  'crypto.hashMD5': ['sb', 'o'],
  'crypto.encrypt': ['sb', 'b'],
  'crypto.decrypt': ['b', 'b'],
  'validation.validateJavaScript': ['s', 'o'],
  'validation.validateJSON': ['sb'],
  'validation.checkJSON': ['sb'],
  'validation.validateRegex': ['s', 's?'],
  'compression.gzip': ['sb', 'o'],
  'compression.gunzip': ['b', 'o'],
  'compression.deflate': ['sb', 'o'],
  'compression.inflate': ['b', 'o'],
  'compression.brotli': ['sb', 'o'],
  'compression.unbrotli': ['b', 'o'],
  encodeRecord: ['any', 'o'],
  decodeRecord: ['b', 'o'],
  encodeEnvelope: ['envelope', 'o'],
  decodeEnvelope: ['b', 'o'],
};

/** Whether `kind` accepts `v` by type (so a TypeError is required when not). */
function accepts(kind, v) {
  const optional = kind.endsWith('?');
  const k = optional ? kind.slice(0, -1) : kind;
  if (v === undefined && optional) return true;
  const isBytes = v instanceof Uint8Array;
  switch (k) {
    case 's':
      return typeof v === 'string';
    case 'b':
      return isBytes;
    case 'sb':
      return typeof v === 'string' || isBytes;
    case 'o':
      return v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v));
    case 'n':
      return typeof v === 'number';
    case 'seed':
      return typeof v === 'bigint' || typeof v === 'number';
    default:
      return null; // no type rule: any coded outcome is fine
  }
}

function validArgs(path) {
  const env = stringOps.createEnvelope('m', {}, 'me');
  const byKind = {
    s: 'abc',
    b: Buffer.from('abc'),
    sb: 'abc',
    o: undefined,
    n: 0,
    seed: 1n,
    any: { x: 1 },
    values: [1, 2, 3],
    envelope: env,
  };
  const sig = SIGNATURES[path];
  const out = sig.map((k) => byKind[k.replace('?', '')]);
  // Valid data where a decoder needs it.
  if (path === 'crypto.encrypt' || path === 'crypto.decrypt') out[1] = KEY;
  if (path === 'crypto.decrypt') out[0] = crypto.encrypt('abc', KEY);
  if (path === 'memoryOps.decompress') out[0] = memoryOps.compress('abc');
  if (path.startsWith('compression.') && ['gunzip', 'inflate', 'unbrotli'].includes(path.split('.')[1])) {
    out[0] = compression[{ gunzip: 'gzip', inflate: 'deflate', unbrotli: 'brotli' }[path.split('.')[1]]]('abc');
  }
  if (path === 'decodeRecord') out[0] = encodeRecord({ a: 1 });
  if (path === 'decodeEnvelope') out[0] = encodeEnvelope(env);
  if (path === 'astParser.parseJSON') out[0] = '{"a":1}';
  return out;
}

/** Every function reachable from the API object, as [path, fn, thisArg]. */
function walk(obj, prefix = '', seen = new Set()) {
  const out = [];
  for (const key of Object.keys(obj)) {
    if (key === '_backend') continue;
    const v = obj[key];
    if (typeof v === 'function') out.push([prefix + key, v, obj]);
    else if (v && typeof v === 'object' && !seen.has(v) && !(v instanceof Uint8Array)) {
      seen.add(v);
      out.push(...walk(v, `${prefix}${key}.`, seen));
    }
  }
  return out;
}

test('wrong argument types for every export: TypeError with ERR_CFN_INVALID_ARG, never a crash', async () => {
  const fns = walk(api);
  assert.ok(fns.length >= 40, `walked ${fns.length} functions`);
  const classes = new Set(['StatsWindow', 'PatternSet', 'WASMRuntimeCoordinator']);
  for (const [path, fn, self] of fns) {
    if (classes.has(path) || path === 'validateFiles' || path === 'capabilities') continue;
    const sig = SIGNATURES[path];
    if (!sig) {
      // An export without a signature here still gets garbage in every
      // position: a value or a coded error.
      for (let pos = 0; pos < Math.max(fn.length, 1); pos++) {
        for (const [name, bad] of Object.entries(BAD)) {
          const a = new Array(Math.max(fn.length, 1)).fill('x');
          a[pos] = bad;
          const r = outcome(() => fn.apply(self, a), `${path} arg ${pos} = ${name}`);
          if (r.value instanceof Promise) await r.value.catch((e) => assert.match(String(e.code), /^ERR_CFN_/, path));
        }
      }
      continue;
    }
    const good = validArgs(path);
    outcome(() => fn.apply(self, good), `${path} with valid arguments`);
    for (let pos = 0; pos < sig.length; pos++) {
      for (const [name, bad] of Object.entries(BAD)) {
        const a = good.slice();
        a[pos] = bad;
        const label = `${path} arg ${pos} = ${name}`;
        const r = outcome(() => fn.apply(self, a), label);
        const ok = accepts(sig[pos], bad);
        if (ok === false) {
          assert.ok(r.error, `${label}: accepted`);
          assert.ok(r.error instanceof TypeError, `${label}: ${r.error.constructor.name} ${r.error.message}`);
          assert.equal(r.error.code, 'ERR_CFN_INVALID_ARG', label);
        } else if (r.error && r.error.code === 'ERR_CFN_INVALID_ARG') {
          // A right type with an unusable value is a RangeError or TypeError.
          assert.ok(r.error instanceof RangeError || r.error instanceof TypeError, label);
        }
      }
    }
  }
  // Options with wrong-typed fields.
  for (const [label, call] of [
    ['decompress maxOutputLength', () => memoryOps.decompress(memoryOps.compress('a'), { maxOutputLength: '5' })],
    ['gunzip maxOutputLength', () => compression.gunzip(compression.gzip('a'), { maxOutputLength: 5n })],
    ['gzip level', () => compression.gzip('a', { level: 'max' })],
    ['hashSHA256 encoding', () => crypto.hashSHA256('a', { encoding: 5 })],
    ['validate lang', () => astParser.validate('1', { lang: 5 })],
    ['encodeRecord compressAbove', () => encodeRecord(1, { compressAbove: '1' })],
    ['decodeRecord maxOutputLength', () => decodeRecord(encodeRecord(1), { maxOutputLength: {} })],
  ]) {
    const r = outcome(call, label);
    assert.ok(r.error instanceof TypeError, label);
    assert.equal(r.error.code, 'ERR_CFN_INVALID_ARG', label);
  }
  // Wrong values of the right type: RangeError with the same code.
  for (const [label, call] of [
    ['negative cap', () => memoryOps.decompress(memoryOps.compress('a'), { maxOutputLength: -1 })],
    ['gzip level 99', () => compression.gzip('a', { level: 99 })],
    ['short key', () => crypto.encrypt('a', Buffer.alloc(5))],
    ['unknown lang', () => astParser.validate('1', { lang: 'cobol' })],
  ]) {
    const r = outcome(call, label);
    assert.equal(r.error && r.error.code, 'ERR_CFN_INVALID_ARG', label);
    assert.ok(r.error instanceof RangeError || r.error instanceof TypeError, label);
  }
  // The classes and their methods.
  for (const [name, bad] of Object.entries(BAD)) {
    outcome(() => new api.StatsWindow(bad), `StatsWindow(${name})`);
    const sw = new api.StatsWindow(8);
    const rec = outcome(() => sw.record(bad), `record(${name})`);
    if (typeof bad !== 'number') assert.ok(rec.error instanceof TypeError, `record(${name})`);
    const ps = outcome(() => new api.PatternSet(bad), `PatternSet(${name})`);
    if (!Array.isArray(bad)) assert.ok(ps.error instanceof TypeError, `PatternSet(${name})`);
    outcome(() => new api.PatternSet([bad]), `PatternSet([${name}])`);
    const scan = outcome(() => new api.PatternSet(['a']).scan(bad), `scan(${name})`);
    if (typeof bad !== 'string') assert.ok(scan.error instanceof TypeError, `scan(${name})`);
    const co = outcome(() => new api.WASMRuntimeCoordinator(bad), `WASMRuntimeCoordinator(${name})`);
    if (!co.error) {
      await co.value.execute(bad, 'fastHash', 'x').then(
        () => assert.fail(`execute(${name}) resolved`),
        (e) => assert.match(String(e.code), /^ERR_CFN_/, `execute(${name})`),
      );
    }
    const vf = outcome(() => api.validateFiles(bad), `validateFiles(${name})`);
    if (vf.value) {
      await vf.value.then(
        () => assert.ok(Array.isArray(bad)),
        (e) => {
          assert.ok(e instanceof TypeError, `validateFiles(${name})`);
          assert.equal(e.code, 'ERR_CFN_INVALID_ARG');
        },
      );
    } else {
      assert.ok(vf.error instanceof TypeError);
    }
  }
  assert.equal(typeof api.capabilities(), 'object');
});

test('after all of it, ordinary calls still work', () => {
  const text = 'hello, swarm ü 😀';
  const bytesOf = Buffer.from(text);
  let fnv = 0x811c9dc5;
  for (const b of bytesOf) fnv = Math.imul(fnv ^ b, 16777619) >>> 0;
  assert.equal(stringOps.fastHash(text), fnv);
  assert.deepEqual(crypto.hashSHA256(text), nodeCrypto.createHash('sha256').update(text).digest());
  const data = sample(9, 50000);
  assert.deepEqual(memoryOps.decompress(memoryOps.compress(data)), data);
  assert.deepEqual(zlib.gunzipSync(compression.gzip(data)), data);
  assert.deepEqual(compression.inflate(zlib.deflateSync(data)), data);
  assert.deepEqual(compression.unbrotli(zlib.brotliCompressSync(data)), data);
  assert.deepEqual(crypto.decrypt(crypto.encrypt(data, KEY), KEY), data);
  assert.deepEqual(validation.checkJSON('{"a":[1,2'), { valid: false, error: validation.checkJSON('{"a":[1,2').error });
  assert.equal(validation.validateJSON('{"a":[1,2]}'), true);
  assert.deepEqual(decodeRecord(encodeRecord({ ok: true })), { ok: true });
  // validate smoke call: the syntax path still answers on this backend.
  assert.deepEqual(astParser.validate('const a = 1;\nfunction f() { return a; }'), { valid: true, errors: [] });
  const broken = astParser.validate('const = ;');
  assert.equal(broken.valid, false);
  assert.equal(broken.errors[0].line, 1);
});
