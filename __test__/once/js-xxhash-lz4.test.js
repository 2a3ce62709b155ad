'use strict';
// The pure-JS xxHash and LZ4 frame code against references: @node-rs/xxhash
// (native bindings) for hashes, the `lz4` command-line tool for frames
// in both directions, plus hand-made and mutated frames for the error paths.

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ref = require('@node-rs/xxhash');
const { xxh32, xxh64, xxh3 } = require('../../lib/js/xxhash.js');
const { compressFrame, decompressFrame } = require('../../lib/js/lz4.js');

/** Seeded generator (mulberry32): every run tests the same inputs. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBytes(n, seed) {
  const next = rng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (next() * 256) | 0;
  return out;
}

/** Words from a small vocabulary: compressible like logs or JSON. */
function textBytes(n, seed) {
  const words = ['alpha', 'beta', 'gamma', 'delta', '{"id":', '"name":', 'true', 'false',
    'null', '1234', ' ', '\n', 'error', 'warning', 'the quick brown fox', 'jumps'];
  const next = rng(seed);
  const parts = [];
  let len = 0;
  while (len < n) {
    const w = words[(next() * words.length) | 0];
    parts.push(w);
    len += w.length;
  }
  return new Uint8Array(Buffer.from(parts.join('')).subarray(0, n));
}

/** Random runs of repeated and fresh bytes, with long-range repeats. */
function mixedBytes(n, seed) {
  const next = rng(seed);
  const out = new Uint8Array(n);
  let i = 0;
  while (i < n) {
    const kind = next();
    const len = Math.min(n - i, 1 + ((next() * 300) | 0));
    if (kind < 0.3) {
      out.fill((next() * 256) | 0, i, i + len);
    } else if (kind < 0.6 && i > 0) {
      const from = (next() * i) | 0;
      for (let k = 0; k < len; k++) out[i + k] = out[from + k];
    } else {
      for (let k = 0; k < len; k++) out[i + k] = (next() * 256) | 0;
    }
    i += len;
  }
  return out;
}

/** The same bytes in a view with a nonzero byteOffset. */
function offsetView(bytes, offset) {
  const backing = new Uint8Array(bytes.length + offset + 3).fill(0xa5);
  backing.set(bytes, offset);
  return backing.subarray(offset, offset + bytes.length);
}

function equalBytes(actual, expected, message) {
  assert.ok(actual instanceof Uint8Array, 'result is a Uint8Array');
  assert.equal(actual.length, expected.length, `${message}: length`);
  assert.ok(Buffer.from(actual).equals(Buffer.from(expected)), `${message}: content`);
}

const LENGTHS = [...Array(301).keys(), 511, 512, 1000, 1023, 1024, 1025, 1087, 1088, 4096, 65536 + 7, 1 << 20];

test('xxhash: known vectors of the empty input', () => {
  assert.equal(xxh32(new Uint8Array(0), 0), 0x02cc5d05);
  assert.equal(xxh64(new Uint8Array(0), 0n), 0xef46db3751d8e999n);
  assert.equal(xxh3(new Uint8Array(0)), 0x2d06800538d394c2n);
});

test('xxh32 matches the reference for every length 0..300 and large ones', () => {
  for (const n of LENGTHS) {
    const bytes = randomBytes(n, n + 1);
    const seeds = n <= 300 ? [0, 1, 0x9e3779b1, 0xffffffff] : [0, 0x12345678];
    for (const seed of seeds) {
      assert.equal(xxh32(bytes, seed), ref.xxh32(bytes, seed), `length ${n} seed ${seed}`);
    }
  }
});

test('xxh64 matches the reference for every length 0..300 and large ones', () => {
  const max = (1n << 64n) - 1n;
  for (const n of LENGTHS) {
    const bytes = randomBytes(n, n + 2);
    const seeds = n <= 300 ? [0n, 1n, 1n << 63n, max, 0x9e3779b185ebca87n] : [0n, 0x0123456789abcdefn];
    for (const seed of seeds) {
      assert.equal(xxh64(bytes, seed), ref.xxh64(bytes, seed), `length ${n} seed ${seed}`);
    }
  }
});

test('xxh64 takes the seed modulo 2^64', () => {
  const bytes = randomBytes(100, 7);
  assert.equal(xxh64(bytes, -1n), ref.xxh64(bytes, (1n << 64n) - 1n));
  assert.equal(xxh64(bytes, (1n << 64n) + 5n), ref.xxh64(bytes, 5n));
  assert.equal(xxh64(bytes), ref.xxh64(bytes, 0n));
});

test('xxh3 matches the reference for every length 0..300 and large ones', () => {
  for (const n of LENGTHS) {
    const bytes = randomBytes(n, n + 3);
    assert.equal(xxh3(bytes), ref.xxh3.xxh64(bytes), `length ${n}`);
  }
  // Around the 1024-byte block and 64-byte stripe boundaries of long inputs.
  for (let n = 2040; n <= 2120; n++) {
    const bytes = randomBytes(n, n);
    assert.equal(xxh3(bytes), ref.xxh3.xxh64(bytes), `length ${n}`);
  }
});

test('xxhash works on views with a nonzero byteOffset, and on Buffers', () => {
  for (const n of [0, 3, 7, 15, 16, 31, 33, 100, 129, 241, 1500]) {
    const bytes = randomBytes(n, n + 4);
    for (const offset of [1, 2, 3, 5, 8]) {
      const view = offsetView(bytes, offset);
      assert.equal(xxh32(view, 9), ref.xxh32(bytes, 9), `xxh32 ${n}@${offset}`);
      assert.equal(xxh64(view, 9n), ref.xxh64(bytes, 9n), `xxh64 ${n}@${offset}`);
      assert.equal(xxh3(view), ref.xxh3.xxh64(bytes), `xxh3 ${n}@${offset}`);
    }
    assert.equal(xxh3(Buffer.from(bytes)), ref.xxh3.xxh64(bytes));
  }
});

// ---- LZ4 -------------------------------------------------------------------

const MAX_BUFFER = 256 << 20;

/** Runs the reference `lz4` tool on stdin. */
function lz4(args, input) {
  return execFileSync('lz4', args, { input, maxBuffer: MAX_BUFFER, stdio: ['pipe', 'pipe', 'ignore'] });
}

function assertCode(fn, code, message) {
  assert.throws(fn, (err) => {
    assert.ok(err instanceof Error, 'an Error');
    assert.equal(err.code, code, `${message}: code (message: ${err.message})`);
    return true;
  });
}

function assertCorrupt(bytes, message, limit = 1 << 20) {
  assertCode(() => decompressFrame(bytes, limit), 'ERR_CFN_CORRUPT', message);
}

/** Builds a frame from hand-made parts; checksums via the reference xxh32. */
function makeFrame({ flg = 0x60, bd = 0x40, contentSize, dictId, blocks = [], checksum, endMark = true }) {
  const desc = [flg, bd];
  if (contentSize !== undefined) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(contentSize));
    desc.push(...b);
  }
  if (dictId !== undefined) desc.push(dictId & 0xff, 0, 0, 0);
  const hc = (ref.xxh32(Uint8Array.from(desc), 0) >>> 8) & 0xff;
  const parts = [Buffer.from([0x04, 0x22, 0x4d, 0x18, ...desc, hc])];
  for (const block of blocks) {
    const data = Buffer.from(block.data);
    const head = Buffer.alloc(4);
    head.writeUInt32LE(block.size ?? ((data.length | (block.raw ? 0x80000000 : 0)) >>> 0));
    parts.push(head, data);
    if (block.checksum !== undefined) {
      const c = Buffer.alloc(4);
      c.writeUInt32LE(block.checksum >>> 0);
      parts.push(c);
    }
  }
  if (endMark) parts.push(Buffer.alloc(4));
  if (checksum !== undefined) {
    const c = Buffer.alloc(4);
    c.writeUInt32LE(checksum >>> 0);
    parts.push(c);
  }
  return new Uint8Array(Buffer.concat(parts));
}

const LZ4_INPUTS = [
  ['empty', new Uint8Array(0)],
  ['one byte', Uint8Array.of(42)],
  ['12 bytes', textBytes(12, 1)],
  ['13 bytes', textBytes(13, 1)],
  ['random 1000', randomBytes(1000, 11)],
  ['random 64K+1', randomBytes(65537, 12)],
  ['zeros 100000', new Uint8Array(100000)],
  ['period 3', Uint8Array.from({ length: 70000 }, (_, i) => i % 3)],
  ['period 1000', Uint8Array.from({ length: 300000 }, (_, i) => (i % 1000) * 7)],
  ['text 64K', textBytes(65536, 13)],
  ['text 300K', textBytes(300000, 14)],
  ['mixed 1M', mixedBytes(1 << 20, 15)],
  ['mixed 1M+1', mixedBytes((1 << 20) + 1, 16)],
];
const BIG = mixedBytes((4 << 20) + 12345, 17); // many blocks, the last one partial

test('lz4: round trip of many inputs, including more than 4 MiB', () => {
  for (const [name, input] of [...LZ4_INPUTS, ['mixed >4M', BIG]]) {
    const frame = compressFrame(input);
    equalBytes(decompressFrame(frame, input.length), input, name);
  }
  for (let n = 0; n < 300; n++) {
    const input = n % 2 ? textBytes(n, n) : mixedBytes(n, n);
    equalBytes(decompressFrame(compressFrame(input), n), input, `length ${n}`);
  }
});

test('lz4: compressFrame writes the promised header and compresses', () => {
  // The core's layout: 64 KiB blocks up to 64 KiB of input, else 256 KiB.
  const cases = [[0, 4], [65536, 4], [65537, 5], [262144, 5], [262145, 5], [1 << 20, 5], [(1 << 20) + 1, 5]];
  for (const [n, code] of cases) {
    const frame = compressFrame(new Uint8Array(n));
    assert.equal(Buffer.from(frame).readUInt32LE(0), 0x184d2204);
    assert.equal(frame[4], 0x6c, 'version 1, independent blocks, content size and checksum');
    assert.equal(frame[5], code << 4, `block maximum for ${n} bytes`);
    assert.equal(Buffer.from(frame).readBigUInt64LE(6), BigInt(n));
    assert.equal(frame[14], (ref.xxh32(frame.subarray(4, 14), 0) >>> 8) & 0xff);
    const sum = Buffer.from(frame).readUInt32LE(frame.length - 4);
    assert.equal(sum, ref.xxh32(new Uint8Array(n), 0), 'content checksum');
  }
  assert.ok(compressFrame(textBytes(100000, 3)).length < 60000, 'text shrinks');
  assert.ok(compressFrame(new Uint8Array(10 << 20)).length < 60000, 'zeros shrink a lot');
  // Incompressible data is stored raw: at most the header, block sizes, end mark and checksum more.
  assert.equal(compressFrame(randomBytes(5000, 5)).length, 5000 + 15 + 4 + 8);
});

test('lz4: compressFrame and decompressFrame take views with a nonzero byteOffset', () => {
  const input = textBytes(5000, 21);
  const frame = compressFrame(offsetView(input, 3));
  equalBytes(decompressFrame(offsetView(frame, 5), input.length), input, 'offset views');
  equalBytes(decompressFrame(Buffer.from(frame), input.length), input, 'Buffer input');
});

test('lz4: results own their memory (working buffers are reused between calls)', () => {
  const x = textBytes(3000, 23);
  const y = mixedBytes(2000, 24);
  const fx = compressFrame(x);
  const fxCopy = Uint8Array.from(fx);
  const fy = compressFrame(y);
  equalBytes(fx, fxCopy, 'first frame after a second compression');
  assert.notEqual(fx.buffer, fy.buffer);
  const dx = decompressFrame(fx, x.length);
  const dy = decompressFrame(fy, y.length);
  equalBytes(dx, x, 'first output after a second decompression');
  equalBytes(dy, y, 'second output');
  assert.notEqual(dx.buffer, dy.buffer);
  assert.equal(dx.byteOffset, 0);
  assert.equal(dx.buffer.byteLength, x.length);
});

test('lz4: our frames decode with the reference lz4 tool', () => {
  for (const [name, input] of [...LZ4_INPUTS, ['mixed >4M', BIG]]) {
    equalBytes(lz4(['-d', '-c'], compressFrame(input)), input, name);
  }
});

test('lz4: frames from the reference lz4 tool decode with every option', () => {
  const optionSets = [
    [], ['-1'], ['-9'], ['--no-frame-crc'], ['-BD'], ['-B4'], ['-B5'], ['-B6'], ['-B7'],
    ['-BX'], ['-B4', '-BD', '-BX'], ['-9', '-B4', '-BD', '--no-frame-crc'],
  ];
  const inputs = LZ4_INPUTS.filter(([name]) => !name.startsWith('mixed 1M'));
  for (const options of optionSets) {
    for (const [name, input] of inputs) {
      const frame = lz4(['-c', ...options], input);
      equalBytes(decompressFrame(frame, input.length), input, `${options.join(' ')} ${name}`);
    }
  }
  // Linked blocks whose matches reach into the previous block.
  const text = textBytes(300000, 22);
  const linked = lz4(['-c', '-B4', '-BD'], text);
  assert.equal(linked[4] & 0x20, 0, 'blocks are linked');
  equalBytes(decompressFrame(linked, text.length), text, 'linked blocks');
  equalBytes(decompressFrame(lz4(['-c', '-BD'], BIG), BIG.length), BIG, 'big, linked');
});

test('lz4: content size written by the reference tool is read and checked', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-lz4-'));
  try {
    for (const [name, input] of LZ4_INPUTS.slice(1, 8)) {
      const file = path.join(dir, 'in.bin');
      fs.writeFileSync(file, input);
      // Only a file, not stdin, gives lz4 the size to write.
      const frame = execFileSync('lz4', ['-c', '--content-size', file], {
        maxBuffer: MAX_BUFFER,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      assert.equal(frame[4] & 0x08, 0x08, `${name}: content size flag`);
      equalBytes(decompressFrame(frame, input.length), input, name);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('lz4: concatenated frames and skippable frames', () => {
  const a = textBytes(70000, 31);
  const b = mixedBytes(5000, 32);
  const both = Buffer.concat([a, b]);
  const twoRuns = Buffer.concat([lz4(['-c'], a), lz4(['-c', '-BD', '-BX'], b)]);
  equalBytes(decompressFrame(twoRuns, both.length), both, 'two lz4 runs');
  const twoOfOurs = Buffer.concat([compressFrame(a), compressFrame(b)]);
  equalBytes(decompressFrame(twoOfOurs, both.length), both, 'two of ours');
  const skippable = Buffer.from([0x5a, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 9, 9, 9]);
  const framed = Buffer.concat([skippable, compressFrame(a), skippable, compressFrame(b), skippable]);
  equalBytes(decompressFrame(framed, both.length), both, 'skippable frames between');
  equalBytes(decompressFrame(skippable, 0), new Uint8Array(0), 'only a skippable frame');
  assertCorrupt(skippable.subarray(0, 10), 'truncated skippable frame');
  assertCorrupt(skippable.subarray(0, 6), 'truncated skippable header');
});

test('lz4: maxOutputLength caps the output before it is allocated', () => {
  const zeros = compressFrame(new Uint8Array(10 << 20));
  assert.throws(() => decompressFrame(zeros, 1000), (err) => {
    assert.equal(err.code, 'ERR_CFN_LIMIT');
    assert.match(err.message, /maxOutputLength/);
    return true;
  });
  const input = textBytes(100000, 41);
  const frame = compressFrame(input);
  equalBytes(decompressFrame(frame, input.length), input, 'exact limit');
  assertCode(() => decompressFrame(frame, input.length - 1), 'ERR_CFN_LIMIT', 'one byte short');
  assertCode(() => decompressFrame(compressFrame(Uint8Array.of(1)), 0), 'ERR_CFN_LIMIT', 'limit 0');
  assertCode(() => decompressFrame(compressFrame(randomBytes(5000, 42)), 4999), 'ERR_CFN_LIMIT', 'raw block');
  const twoFrames = Buffer.concat([frame, frame]);
  assertCode(() => decompressFrame(twoFrames, 2 * input.length - 1), 'ERR_CFN_LIMIT', 'second frame');
  equalBytes(decompressFrame(twoFrames, 2 * input.length), Buffer.concat([input, input]), 'both frames');
  // A header that declares a huge content size must not drive allocation:
  // it is refused as over the cap (here the largest Buffer) before any block
  // is read, as the native and wasm decoders do.
  const liar = makeFrame({ flg: 0x68, contentSize: 2 ** 52, blocks: [{ data: [0x10, 0x61] }] });
  assertCode(() => decompressFrame(liar, Infinity), 'ERR_CFN_LIMIT', 'declared content size over the cap');
  // Within the cap, a declared size that the blocks do not match is corrupt.
  const short = makeFrame({ flg: 0x68, contentSize: 5, blocks: [{ data: [0x10, 0x61] }] });
  assertCorrupt(short, 'content size mismatch', 1000);
  assertCode(() => decompressFrame(frame, -1), 'ERR_CFN_INVALID_ARG', 'negative limit');
  assertCode(() => decompressFrame(frame, '10'), 'ERR_CFN_INVALID_ARG', 'string limit');
  assertCode(() => decompressFrame('x', 10), 'ERR_CFN_INVALID_ARG', 'string input');
});

test('lz4: every truncation of a valid frame is rejected', () => {
  const input = textBytes(300, 51);
  const frames = [
    compressFrame(input),
    lz4(['-c', '-BX', '-BD'], input),
    lz4(['-c', '--no-frame-crc'], input),
  ];
  for (const frame of frames) {
    equalBytes(decompressFrame(frame, input.length), input, 'whole frame');
    for (let n = 0; n < frame.length; n++) {
      assertCorrupt(frame.subarray(0, n), `truncated to ${n} of ${frame.length} bytes`);
    }
  }
});

test('lz4: every single-bit flip is rejected or harmless', () => {
  const input = textBytes(200, 61);
  for (const frame of [compressFrame(input), lz4(['-c', '-BX'], input)]) {
    for (let bit = 0; bit < frame.length * 8; bit++) {
      const bad = Uint8Array.from(frame);
      bad[bit >> 3] ^= 1 << (bit & 7);
      let out;
      try {
        out = decompressFrame(bad, 1 << 20);
      } catch (err) {
        assert.ok(['ERR_CFN_CORRUPT', 'ERR_CFN_LIMIT'].includes(err.code), `bit ${bit}: ${err.message}`);
        continue;
      }
      equalBytes(out, input, `bit ${bit} decoded to something else`);
    }
  }
});

test('lz4: random garbage is rejected', () => {
  const next = rng(71);
  for (let i = 0; i < 2000; i++) {
    const garbage = randomBytes((next() * 200) | 0, i);
    if (i % 2) garbage.set([0x04, 0x22, 0x4d, 0x18].slice(0, garbage.length)); // past the magic
    assertCorrupt(garbage, `garbage ${i}`);
  }
  assertCorrupt(new Uint8Array(0), 'empty input');
  // A valid header over random blocks and no checksum: any outcome but a
  // hang, an uncoded error or more output than allowed.
  for (let i = 0; i < 2000; i++) {
    const body = randomBytes(1 + ((next() * 100) | 0), 1000 + i);
    const frame = makeFrame({ blocks: [{ data: body }] });
    try {
      assert.ok(decompressFrame(frame, 5000).length <= 5000);
    } catch (err) {
      assert.ok(['ERR_CFN_CORRUPT', 'ERR_CFN_LIMIT'].includes(err.code), err.message);
    }
  }
});

test('lz4: malformed frame headers', () => {
  const good = compressFrame(textBytes(100, 81));
  const header = (mutate) => {
    const bad = Uint8Array.from(good);
    mutate(bad);
    bad[14] = (ref.xxh32(bad.subarray(4, 14), 0) >>> 8) & 0xff; // keep the checksum valid
    return bad;
  };
  assertCorrupt(Uint8Array.from(good, (b, i) => (i === 0 ? b ^ 1 : b)), 'bad magic');
  assertCorrupt(header((b) => { b[4] = (b[4] & 0x3f) | 0x80; }), 'version 2');
  assertCorrupt(header((b) => { b[4] &= 0x3f; }), 'version 0');
  assertCorrupt(header((b) => { b[4] |= 0x02; }), 'reserved FLG bit');
  assertCorrupt(header((b) => { b[5] |= 0x80; }), 'reserved BD bit 7');
  assertCorrupt(header((b) => { b[5] |= 0x01; }), 'reserved BD low bits');
  assertCorrupt(header((b) => { b[5] = 0x30; }), 'reserved block size code');
  assertCorrupt(Uint8Array.from(good, (b, i) => (i === 14 ? b ^ 0x10 : b)), 'header checksum');
  const withDict = makeFrame({ flg: 0x61, dictId: 7, blocks: [{ data: [0x10, 0x61] }] });
  assert.throws(() => decompressFrame(withDict, 100), {
    code: 'ERR_CFN_CORRUPT',
    message: /dictionary/,
  });
  assertCorrupt(Buffer.concat([good, Buffer.from([1, 2, 3, 4, 5])]), 'trailing garbage');
  assertCorrupt(Buffer.concat([good, Buffer.from([0x04, 0x22])]), 'trailing partial magic');
});

test('lz4: malformed blocks', () => {
  const abcd = [0x61, 0x62, 0x63, 0x64];
  const ok = makeFrame({ blocks: [{ data: [0x40, ...abcd, 0x04, 0x00, 0x10, 0x7a] }] });
  equalBytes(decompressFrame(ok, 100), Buffer.from('abcdabcdz'), 'hand-made block');
  const block = (data) => makeFrame({ blocks: [{ data }] });
  assertCorrupt(block([0x40, ...abcd, 0x00, 0x00, 0x00]), 'offset 0');
  assertCorrupt(block([0x40, ...abcd, 0x05, 0x00, 0x00]), 'offset before the output start');
  assertCorrupt(block([0x50, ...abcd]), 'literals past the block end');
  assertCorrupt(block([0xf0]), 'literal length past the block end');
  assertCorrupt(block([0xf0, 0xff]), 'literal length continuation past the block end');
  assertCorrupt(block([0x40, ...abcd, 0x04]), 'offset past the block end');
  assertCorrupt(block([0x4f, ...abcd, 0x04, 0x00]), 'match length past the block end');
  assertCorrupt(block([0x40, ...abcd, 0x04, 0x00]), 'no final literals after a match');
  // 1 literal then a match of 4 + 15 + 255 * 300 bytes: past the 64 KiB block maximum.
  const huge = block([0x1f, 0x61, 0x01, 0x00, ...new Array(300).fill(255), 0, 0x00]);
  assertCorrupt(huge, 'block decodes past its maximum');
  assertCorrupt(makeFrame({ blocks: [{ data: new Uint8Array(65537), raw: true }] }), 'raw block past the maximum');
  assertCorrupt(makeFrame({ blocks: [{ data: [0x10, 0x61], size: 65537 }] }), 'block size past the maximum');
  assertCorrupt(makeFrame({ blocks: [{ data: [0x10, 0x61], size: 100 }] }), 'block size past the input');
  // Checksums and content size, around a block that decodes to 'a'.
  const one = [0x10, 0x61];
  const a = Buffer.from('a');
  const withBlockSum = (sum) => makeFrame({ flg: 0x70, blocks: [{ data: one, checksum: sum }] });
  const blockSum = ref.xxh32(Uint8Array.from(one), 0);
  equalBytes(decompressFrame(withBlockSum(blockSum), 10), a, 'block checksum');
  assertCorrupt(withBlockSum(blockSum ^ 1), 'block checksum mismatch');
  const withSum = (sum) => makeFrame({ flg: 0x64, blocks: [{ data: one }], checksum: sum });
  equalBytes(decompressFrame(withSum(ref.xxh32(a, 0)), 10), a, 'content checksum');
  assertCorrupt(withSum(ref.xxh32(a, 0) ^ 1), 'content checksum mismatch');
  const withSize = (size) => makeFrame({ flg: 0x68, contentSize: size, blocks: [{ data: one }] });
  equalBytes(decompressFrame(withSize(1), 10), a, 'content size');
  assertCorrupt(withSize(2), 'content size mismatch');
  assertCorrupt(makeFrame({ blocks: [{ data: one }], endMark: false }), 'missing end mark');
  // Raw blocks.
  const raw = makeFrame({ blocks: [{ data: abcd, raw: true }, { data: one }] });
  equalBytes(decompressFrame(raw, 10), Buffer.from('abcda'), 'raw block');
});

test('lz4: linked blocks reach back into earlier blocks, independent ones do not', () => {
  const blocks = [{ data: [0x40, 0x61, 0x62, 0x63, 0x64] }, { data: [0x00, 0x04, 0x00, 0x10, 0x7a] }];
  equalBytes(decompressFrame(makeFrame({ flg: 0x40, blocks }), 100), Buffer.from('abcdabcdz'), 'linked');
  assertCorrupt(makeFrame({ flg: 0x60, blocks }), 'independent blocks cannot share history');
  // Nor can a frame reach into the frame before it.
  const first = makeFrame({ flg: 0x40, blocks: blocks.slice(0, 1) });
  const second = makeFrame({ flg: 0x40, blocks: blocks.slice(1) });
  assertCorrupt(Buffer.concat([first, second]), 'matches across frames');
});
