'use strict';
// The call-site helpers (records, envelopes, StatsWindow, PatternSet,
// WASMRuntimeCoordinator) on the backend CFN_ACCEL_BACKEND picks; run once
// per backend by scripts/test.js.

const test = require('node:test');
const assert = require('node:assert/strict');
const { performance } = require('node:perf_hooks');
const api = require('..');
const { rng } = require('./helpers');

const { encodeRecord, decodeRecord, encodeEnvelope, decodeEnvelope, StatsWindow, PatternSet, WASMRuntimeCoordinator } = api;

const codeOf = (fn) => {
  try {
    fn();
  } catch (e) {
    return e.code;
  }
  return 'no error';
};

const jsonRoundTrip = (v) => JSON.parse(JSON.stringify(v));

// Builds a frame by hand (the documented layout), sealed with a valid
// checksum, to reach the checks behind the checksum.
function craft(magic, { version = 1, flags = 0, payload, originalLength = payload.length, payloadLength = payload.length }) {
  const out = Buffer.alloc(16 + payload.length + 8);
  out.write(magic, 0, 'latin1');
  out[4] = version;
  out[5] = flags;
  out.writeUInt32LE(payloadLength, 8);
  out.writeUInt32LE(originalLength, 12);
  Buffer.from(payload).copy(out, 16);
  const end = 16 + payload.length;
  out.writeBigUInt64LE(api.stringOps.xxh64(out.subarray(0, end)), end);
  return out;
}

test('extend() attaches every call-site helper', () => {
  for (const name of ['encodeRecord', 'decodeRecord', 'encodeEnvelope', 'decodeEnvelope', 'StatsWindow', 'PatternSet', 'WASMRuntimeCoordinator']) {
    assert.equal(typeof api[name], 'function', name);
  }
});

test('records: round-trip of many values, small and compressed', () => {
  const r = rng(1);
  const big = Array.from({ length: 800 }, (_, i) => ({ id: `agent-${i}`, status: i % 3 ? 'idle' : 'busy', note: 'ünïcödé 😀 ' + i }));
  const random = Buffer.from(Array.from({ length: 30000 }, () => Math.floor(r() * 256))).toString('base64');
  const values = [
    null, true, false, 0, -0, -1.5, 1e308, 5e-324, '', 'x', 'héllo 😀', '\ud800 lone \udfff', '\u2028\u2029', '"\\',
    [], {}, [1, [2, [3, [4]]]], { a: { b: { c: null } } }, { undefinedDropped: undefined, date: new Date(0) },
    big, { random }, 'z'.repeat(10240), 'z'.repeat(10241), JSON.parse('['.repeat(500) + ']'.repeat(500)),
  ];
  for (const v of values) {
    const buf = encodeRecord(v);
    assert.ok(Buffer.isBuffer(buf));
    assert.deepEqual(decodeRecord(buf), jsonRoundTrip(v));
    assert.deepEqual(decodeRecord(new Uint8Array(buf)), jsonRoundTrip(v), 'plain Uint8Array input');
  }
  assert.equal(encodeRecord(big)[5], 1, 'compressible JSON above 10 KiB is LZ4-compressed');
  assert.ok(encodeRecord(big).length < JSON.stringify(big).length / 2);
  assert.equal(encodeRecord({ random })[5], 0, 'incompressible JSON is stored as is');
  assert.equal(encodeRecord('z'.repeat(10238))[5], 0, '10240 bytes of JSON: not above the threshold');
  assert.equal(encodeRecord('z'.repeat(10239))[5], 1, '10241 bytes of JSON: above it');
});

test('records: compressAbove decides compression', () => {
  const v = { s: 'abc'.repeat(100) };
  assert.equal(encodeRecord(v)[5], 0);
  assert.equal(encodeRecord(v, { compressAbove: 0 })[5], 1);
  assert.equal(encodeRecord(v, { compressAbove: JSON.stringify(v).length - 1 })[5], 1);
  assert.equal(encodeRecord(v, { compressAbove: JSON.stringify(v).length })[5], 0);
  assert.deepEqual(decodeRecord(encodeRecord(v, { compressAbove: 0 })), v);
  assert.throws(() => encodeRecord(v, { compressAbove: -1 }), { code: 'ERR_CFN_INVALID_ARG', name: 'RangeError' });
  assert.throws(() => encodeRecord(v, { compressAbove: '1' }), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => encodeRecord(v, 5), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
});

test('records: values JSON cannot hold are TypeErrors', () => {
  const cyclic = {};
  cyclic.self = cyclic;
  for (const v of [undefined, () => 1, Symbol('s'), 10n, { n: 10n }, cyclic]) {
    assert.throws(() => encodeRecord(v), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  }
  for (const b of [undefined, null, 'CFNR', [1, 2], {}]) {
    assert.throws(() => decodeRecord(b), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  }
});

test('records: a golden record decodes the same on every backend', () => {
  const small = Buffer.from(
    '43464e520100000027000000270000007b226167656e74223a22612d31222c226e223a312c2273223a2268c3a96c6c6f20f09f9880227d3d9e1853a05abaff',
    'hex',
  );
  assert.deepEqual(decodeRecord(small), { agent: 'a-1', n: 1, s: 'héllo 😀' });
  assert.deepEqual(encodeRecord({ agent: 'a-1', n: 1, s: 'héllo 😀' }), small, 'uncompressed records are byte-identical');
  const packed = Buffer.from(
    'Q0ZOUgEBAABsAAAAozoAAAQiTRhsQKM6AAAAAAAATFEAAADPeyJibG9iIjoiYWJjAwD/////////////////////////////////////////////////////////////////////////////uGBjYWJjIn0AAAAAWpbeKfAckoykpBE6',
    'base64',
  );
  assert.deepEqual(decodeRecord(packed), { blob: 'abc'.repeat(5000) });
});

test('records: every truncation and extension is ERR_CFN_CORRUPT', () => {
  for (const v of [{ a: 1, s: 'héllo' }, { blob: 'abcdefgh'.repeat(3000) }]) {
    const buf = encodeRecord(v);
    for (let n = 0; n < buf.length; n++) {
      assert.equal(codeOf(() => decodeRecord(buf.subarray(0, n))), 'ERR_CFN_CORRUPT', `truncated to ${n} of ${buf.length}`);
    }
    assert.equal(codeOf(() => decodeRecord(Buffer.concat([buf, Buffer.from([0])]))), 'ERR_CFN_CORRUPT', 'trailing byte');
    assert.equal(codeOf(() => decodeRecord(Buffer.concat([buf, buf]))), 'ERR_CFN_CORRUPT', 'two records');
  }
});

test('records: single-bit flips throw ERR_CFN_CORRUPT or decode to exactly the original', () => {
  const r = rng(2);
  const cases = [
    { a: 1, s: 'héllo 😀', list: [1, 2, 3] },
    { blob: 'abcdefgh'.repeat(3000), n: 42 },
    Array.from({ length: 400 }, (_, i) => ({ i, t: `task ${i}` })),
  ];
  for (const v of cases) {
    const buf = encodeRecord(v);
    const expected = jsonRoundTrip(v);
    // Every bit of the header and trailer, every bit of small payloads,
    // ~3000 random bits of large ones.
    const bits = [];
    const total = buf.length * 8;
    if (total <= 4096) for (let b = 0; b < total; b++) bits.push(b);
    else {
      for (let b = 0; b < 16 * 8; b++) bits.push(b);
      for (let b = total - 64; b < total; b++) bits.push(b);
      for (let k = 0; k < 3000; k++) bits.push(Math.floor(r() * total));
    }
    for (const bit of bits) {
      const bad = Buffer.from(buf);
      bad[bit >> 3] ^= 1 << (bit & 7);
      let got;
      try {
        got = decodeRecord(bad);
      } catch (e) {
        assert.equal(e.code, 'ERR_CFN_CORRUPT', `bit ${bit}: ${e.message}`);
        continue;
      }
      assert.deepEqual(got, expected, `bit ${bit} decoded to a different value`);
    }
  }
});

test('records: bad magic, version, flags and lying headers are ERR_CFN_CORRUPT', () => {
  const payload = Buffer.from('{"a":1}');
  assert.deepEqual(decodeRecord(craft('CFNR', { payload })), { a: 1 }, 'the crafting helper makes valid records');
  const corrupt = { code: 'ERR_CFN_CORRUPT' };
  assert.throws(() => decodeRecord(craft('XXXX', { payload })), corrupt);
  assert.throws(() => decodeRecord(craft('CFNE', { payload })), corrupt, 'an envelope frame is not a record');
  assert.throws(() => decodeRecord(craft('CFNR', { payload, version: 2 })), corrupt);
  assert.throws(() => decodeRecord(craft('CFNR', { payload, version: 0 })), corrupt);
  assert.throws(() => decodeRecord(craft('CFNR', { payload, flags: 2 })), corrupt);
  assert.throws(() => decodeRecord(craft('CFNR', { payload, originalLength: 6 })), corrupt);
  assert.throws(() => decodeRecord(craft('CFNR', { payload, payloadLength: 8 })), corrupt);
  assert.throws(() => decodeRecord(craft('CFNR', { payload: Buffer.from('{"a":') })), corrupt, 'not JSON');
  assert.throws(() => decodeRecord(craft('CFNR', { payload: Buffer.alloc(0) })), corrupt, 'empty payload');
  assert.throws(() => decodeRecord(craft('CFNR', { payload, flags: 1 })), corrupt, 'flagged LZ4 but is not');
  const lz = api.memoryOps.compress('{"s":"' + 'q'.repeat(500) + '"}');
  assert.deepEqual(decodeRecord(craft('CFNR', { payload: lz, flags: 1, originalLength: 508 })), { s: 'q'.repeat(500) });
  assert.throws(() => decodeRecord(craft('CFNR', { payload: lz, flags: 1, originalLength: 507 })), corrupt, 'inflates past its length');
  assert.throws(() => decodeRecord(craft('CFNR', { payload: lz, flags: 1, originalLength: 509 })), corrupt, 'inflates short of it');
  assert.throws(() => decodeRecord(Buffer.alloc(24)), corrupt);
  assert.throws(() => decodeRecord(Buffer.alloc(0)), corrupt);
});

test('records: absurd declared lengths fail before any allocation', () => {
  const before = process.memoryUsage().arrayBuffers;
  const t0 = performance.now();
  const lz = api.memoryOps.compress('{}');
  // Valid checksum, 4 GiB declared: a limit, not an allocation.
  assert.throws(() => decodeRecord(craft('CFNR', { payload: lz, flags: 1, originalLength: 0xffffffff })), { code: 'ERR_CFN_LIMIT' });
  assert.throws(() => decodeRecord(craft('CFNR', { payload: Buffer.from('{}'), originalLength: 0xffffffff })), { code: 'ERR_CFN_LIMIT' });
  // Lengths that disagree with the buffer are corruption.
  assert.throws(() => decodeRecord(craft('CFNR', { payload: Buffer.from('{}'), payloadLength: 0xffffffff })), { code: 'ERR_CFN_CORRUPT' });
  const forged = encodeRecord({ a: 1 });
  forged.writeUInt32LE(0xffffffff, 12);
  assert.throws(() => decodeRecord(forged), { code: 'ERR_CFN_CORRUPT' }, 'a changed length breaks the checksum');
  assert.ok(performance.now() - t0 < 1000);
  assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 1024 * 1024);

  const rec = encodeRecord({ s: 'x'.repeat(100) });
  assert.throws(() => decodeRecord(rec, { maxOutputLength: 50 }), { code: 'ERR_CFN_LIMIT' });
  assert.deepEqual(decodeRecord(rec, { maxOutputLength: 108 }), { s: 'x'.repeat(100) });
  assert.throws(() => decodeRecord(rec, { maxOutputLength: -1 }), { code: 'ERR_CFN_INVALID_ARG' });
});

const envelope = (message = { text: 'hello' }, metadata = { priority: 1 }) => api.stringOps.createEnvelope(message, metadata, 'agent-7');

test('envelopes: round-trip, golden bytes, compression', () => {
  for (const msg of ['hi', { text: 'ünïcödé 😀', n: [1, 2, 3] }, null, 0, 'x'.repeat(50000)]) {
    const env = envelope(msg);
    assert.deepEqual(decodeEnvelope(encodeEnvelope(env)), env);
  }
  const golden = Buffer.from(
    '43464e450100000071000000710000007b226964223a22306d777537796863312d30303030302d6165356631356233222c2273656e646572223a226167656e742d31222c2274696d657374616d70223a313739353439353939363232352c226d657373616765223a7b2274223a226869227d2c226d65746164617461223a7b7d7d4f9d3268c7af3af2',
    'hex',
  );
  const env = { id: '0mwu7yhc1-00000-ae5f15b3', sender: 'agent-1', timestamp: 1795495996225, message: { t: 'hi' }, metadata: {} };
  assert.deepEqual(decodeEnvelope(golden), env);
  assert.deepEqual(encodeEnvelope(env), golden);
  assert.equal(encodeEnvelope(envelope('y'.repeat(20000)))[5], 1, 'compressed above the threshold');
  assert.equal(encodeEnvelope(envelope('y'.repeat(2000)), { compressAbove: 100 })[5], 1);
  assert.equal(encodeEnvelope(envelope('y'.repeat(2000)))[5], 0);
});

test('envelopes: wrong shapes are TypeErrors', () => {
  const good = envelope();
  const bad = [
    null, 'str', [], 42,
    { ...good, id: '' }, { ...good, id: 5 }, { ...good, sender: undefined }, { ...good, sender: '' },
    { ...good, timestamp: '1' }, { ...good, timestamp: NaN }, { ...good, timestamp: Infinity },
    { ...good, message: undefined }, { ...good, message: () => 1 },
    { ...good, metadata: null }, { ...good, metadata: [] }, { ...good, metadata: 'x' },
  ];
  for (const b of bad) assert.throws(() => encodeEnvelope(b), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' }, JSON.stringify(b));
  assert.throws(() => encodeEnvelope({ ...good, message: 1n }), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => decodeEnvelope('x'), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
});

test('envelopes: ERR_CFN_LIMIT above 1 MiB of UTF-8 JSON, exactly at the boundary', () => {
  const LIMIT = 1048576;
  const base = envelope('');
  const overhead = Buffer.byteLength(JSON.stringify(base));
  const sized = (bytes, unit = 'a', unitBytes = 1) => {
    const n = bytes - overhead;
    const k = Math.floor(n / unitBytes);
    return { ...base, message: unit.repeat(k) + 'a'.repeat(n - k * unitBytes) };
  };
  for (const [unit, size] of [['a', 1], ['é', 2], ['€', 3], ['😀', 4]]) {
    const at = sized(LIMIT, unit, size);
    assert.equal(Buffer.byteLength(JSON.stringify(at)), LIMIT);
    assert.deepEqual(decodeEnvelope(encodeEnvelope(at)), at, `exactly 1 MiB (${unit}) passes`);
    const over = sized(LIMIT + 1, unit, size);
    assert.throws(() => encodeEnvelope(over), { code: 'ERR_CFN_LIMIT' }, `1 MiB + 1 byte (${unit}) fails`);
  }
  // Under 1 Mi UTF-16 units but over 1 MiB of UTF-8.
  assert.throws(() => encodeEnvelope({ ...base, message: '😀'.repeat(300000) }), { code: 'ERR_CFN_LIMIT' });
  // Escapes count as serialized.
  assert.throws(() => encodeEnvelope({ ...base, message: '\u0001'.repeat(LIMIT / 6 + 10) }), { code: 'ERR_CFN_LIMIT' });

  const large = sized(1.5 * LIMIT);
  const buf = encodeEnvelope(large, { maxBytes: 2 * LIMIT });
  assert.throws(() => decodeEnvelope(buf), { code: 'ERR_CFN_LIMIT' }, 'decoding caps at 1 MiB by default');
  assert.deepEqual(decodeEnvelope(buf, { maxOutputLength: 2 * LIMIT }), large);
});

test('envelopes: corruption is ERR_CFN_CORRUPT, records are not envelopes', () => {
  const buf = encodeEnvelope(envelope({ text: 'payload' }));
  for (let n = 0; n < buf.length; n++) assert.equal(codeOf(() => decodeEnvelope(buf.subarray(0, n))), 'ERR_CFN_CORRUPT');
  for (let bit = 0; bit < buf.length * 8; bit++) {
    const bad = Buffer.from(buf);
    bad[bit >> 3] ^= 1 << (bit & 7);
    assert.equal(codeOf(() => decodeEnvelope(bad)), 'ERR_CFN_CORRUPT', `bit ${bit}`);
  }
  assert.throws(() => decodeEnvelope(encodeRecord(envelope())), { code: 'ERR_CFN_CORRUPT' });
  assert.throws(() => decodeRecord(buf), { code: 'ERR_CFN_CORRUPT' });
  const notEnvelope = craft('CFNE', { payload: Buffer.from('{"id":"x","sender":"s","timestamp":1,"metadata":{}}') });
  assert.throws(() => decodeEnvelope(notEnvelope), { code: 'ERR_CFN_CORRUPT' }, 'intact frame, wrong shape');
});

test('StatsWindow: matches a naive last-N reference through wraparound', () => {
  const r = rng(3);
  for (const capacity of [1, 2, 7, 64]) {
    const w = new StatsWindow(capacity);
    const all = [];
    for (let i = 0; i < capacity * 3 + 5; i++) {
      const ms = r() < 0.05 ? NaN : Math.round(r() * 100000) / 100;
      const ok = r() > 0.3;
      w.record(ms, ok);
      all.push({ ms, ok });
      const window = all.slice(-capacity);
      const failures = window.filter((x) => !x.ok).length;
      const expected = {
        ...api.memoryOps.aggregateMetrics(window.map((x) => x.ms)),
        failureRate: failures / window.length,
        capacity,
      };
      assert.deepEqual(w.snapshot(), expected, `capacity ${capacity}, after ${i + 1} records`);
    }
  }
});

test('StatsWindow: empty, reset, defaults and bad input', () => {
  const w = new StatsWindow(4);
  const empty = w.snapshot();
  assert.equal(empty.count, 0);
  assert.equal(empty.failureRate, 0);
  assert.equal(empty.capacity, 4);
  assert.equal(empty.mean, null);
  w.record(5);
  w.record(7, false);
  assert.equal(w.snapshot().failureRate, 0.5);
  assert.equal(w.snapshot().p50, 6);
  w.reset();
  assert.deepEqual(w.snapshot(), empty);
  w.record(1);
  assert.equal(w.snapshot().count, 1);
  assert.equal(new StatsWindow().capacity, 1024);
  for (const c of [0, -1, 1.5, 2 ** 25]) assert.throws(() => new StatsWindow(c), { code: 'ERR_CFN_INVALID_ARG', name: 'RangeError' });
  assert.throws(() => new StatsWindow('8'), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => w.record('1'), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => w.record(1, 'yes'), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
});

test('StatsWindow: memory stays fixed however many records', () => {
  const w = new StatsWindow(100);
  const values = w._values;
  for (let i = 0; i < 200000; i++) w.record(i % 1000, i % 10 !== 0);
  assert.equal(w._values, values);
  const s = w.snapshot();
  assert.equal(s.count, 100);
  assert.equal(s.failureRate, 0.1);
  assert.equal(s.min, 900);
  assert.equal(s.max, 999);
});

// The reference: what JS's own matchAll gives.
function naiveScan(patterns, text) {
  return patterns.map((p) => {
    const src = typeof p === 'string' ? { source: p, flags: '' } : p instanceof RegExp ? p : { flags: '', ...p };
    const re = new RegExp(src.source, `${src.flags.replace(/[gyd]/g, '')}g`);
    const all = [...text.matchAll(re)];
    if (all.length === 0) return { count: 0, index: -1, line: 0, column: 0 };
    const index = all[0].index;
    const lines = text.slice(0, index).split(/\r\n|\r|\n/);
    return { count: all.length, index, line: lines.length, column: lines[lines.length - 1].length + 1 };
  });
}

const PATTERNS = [
  'a', 'foo', /\bfoo\b/i, /(?<=\$)\d+/, /(?<!x)y/, /(\w)\1/, /(?<q>["'])[^"']*\k<q>/, /^/m, /$/m, /^b/m,
  '', /(?:)/u, /a*?/, /a*/, /\b/, /(?=a)/, /\p{L}+/u, /[\u{1F600}-\u{1F64F}]/u, /./su, /./, /\r?\n/, /é/i,
  { source: '[\\p{L}--[a-z]]', flags: 'v' }, { source: 'x{0}', flags: 'u' }, { source: '\\$1', flags: 'y' }, /\ud83d/, /\ud83d/u,
];

test('PatternSet: same counts and first positions as matchAll', () => {
  const set = new PatternSet(PATTERNS);
  assert.equal(set.size, PATTERNS.length);
  const fixed = [
    '', 'a', 'abc', 'foo bar foo', 'x\r\ny\rz\n\n$123 $45 xy yy', '😀a😀\ud83d', '\ud800\udc00\udfff', 'aaa\nbbb\r\n\r\nfoo "q" \'r\'',
    'ÉéÀ\u2028é\n\u2029é', 'a'.repeat(1000),
  ];
  for (const text of fixed) assert.deepEqual(set.scan(text), naiveScan(PATTERNS, text), JSON.stringify(text));
  const r = rng(4);
  const alphabet = ['a', 'b', 'x', 'y', 'é', 'É', '😀', '\ud83d', '\ude00', '\n', '\r', '\r\n', ' ', '$', '1', 'foo', '"', "'"];
  for (let k = 0; k < 300; k++) {
    const len = Math.floor(r() * 60);
    let text = '';
    for (let i = 0; i < len; i++) text += alphabet[Math.floor(r() * alphabet.length)];
    assert.deepEqual(set.scan(text), naiveScan(PATTERNS, text), JSON.stringify(text));
  }
});

test('PatternSet: scans are independent and repeatable', () => {
  const set = new PatternSet([/o/g, /o/y]);
  const a = set.scan('foo boo');
  assert.deepEqual(set.scan('foo boo'), a);
  assert.deepEqual(a[0], { count: 4, index: 1, line: 1, column: 2 });
  assert.deepEqual(a[1], a[0], 'y is dropped, g is implied');
  assert.deepEqual(set.scan('nothing'.replace(/o/g, '')), [
    { count: 0, index: -1, line: 0, column: 0 },
    { count: 0, index: -1, line: 0, column: 0 },
  ]);
  const line = 'z'.repeat(100);
  const big = `${line}\n`.repeat(5000) + 'needle';
  assert.deepEqual(new PatternSet(['needle']).scan(big)[0], { count: 1, index: 505000, line: 5001, column: 1 });
});

test('PatternSet: invalid patterns name their index', () => {
  assert.throws(() => new PatternSet(['ok', 'a', '(unclosed']), (e) => e.code === 'ERR_CFN_INVALID_ARG' && /patterns\[2\]/.test(e.message));
  assert.throws(() => new PatternSet([{ source: 'a', flags: 'q' }]), (e) => e.code === 'ERR_CFN_INVALID_ARG' && /patterns\[0\]/.test(e.message));
  assert.throws(() => new PatternSet([{ source: 'a', flags: 'ii' }]), { code: 'ERR_CFN_INVALID_ARG' });
  assert.throws(() => new PatternSet(['(?<=a']), { code: 'ERR_CFN_INVALID_ARG' });
  assert.throws(() => new PatternSet([1]), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => new PatternSet([{ source: 'a', flags: 1 }]), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => new PatternSet('a'), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => new PatternSet(['a']).scan(Buffer.from('a')), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.deepEqual(new PatternSet([]).scan('abc'), []);
});

test('WASMRuntimeCoordinator: execute runs API operations and says which backend', async () => {
  const c = new WASMRuntimeCoordinator();
  assert.equal(await c.initialize(), true);
  assert.equal(c.initialized, true);
  const out = await c.execute('stringOps', 'fastHash', 'abc');
  assert.deepEqual(out, { result: api.stringOps.fastHash('abc'), accelerated: api.backend !== 'js', method: api.backend });
  const z = await c.execute('compression', 'gunzip', api.compression.gzip('zip me'));
  assert.equal(z.result.toString(), 'zip me');
  const v = await c.execute('validation', 'validateRegex', '(?<=a)b');
  assert.equal(v.result, true);
  // Ours, and the design's keys beside them.
  const caps = c.detectCapabilities();
  assert.deepEqual({ ...caps, wasmSupported: 0, simdSupported: 0, threadsSupported: 0, bulkMemorySupported: 0 },
    { ...api.capabilities(), wasmSupported: 0, simdSupported: 0, threadsSupported: 0, bulkMemorySupported: 0 });
  assert.equal(caps.version, require('../package.json').version);
});

test('WASMRuntimeCoordinator: unknown modules and operations reject with ERR_CFN_INVALID_ARG', async () => {
  const c = new WASMRuntimeCoordinator();
  for (const [m, op] of [
    ['nope', 'x'], ['stringOps', 'nope'], ['stringOps', 'constructor'], ['stringOps', '__proto__'], ['stringOps', 'toString'],
    ['capabilities', 'call'], ['_backend', 'sha256'], ['backend', 'length'],
  ]) {
    await assert.rejects(c.execute(m, op), { code: 'ERR_CFN_INVALID_ARG' }, `${m}.${op}`);
  }
  await assert.rejects(c.execute(1, 'x'), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  await assert.rejects(c.execute('crypto', 'decrypt', Buffer.alloc(40), Buffer.alloc(32)), { code: 'ERR_CFN_DECRYPT' });
  const report = c.performanceMonitor.getReport();
  assert.deepEqual(Object.keys(report.byOperation), ['crypto.decrypt'], 'only known operations are tracked');
  assert.deepEqual(report.byOperation['crypto.decrypt'], { count: 1, failures: 1 });
});

test('WASMRuntimeCoordinator: timing only when enabled, and then no clock when disabled', async () => {
  const realNow = performance.now;
  let reads = 0;
  performance.now = function () {
    reads++;
    return realNow.call(this);
  };
  try {
    const off = new WASMRuntimeCoordinator({ metrics: false });
    for (let i = 0; i < 10; i++) await off.execute('stringOps', 'xxh3', `s${i}`);
    assert.equal(reads, 0, 'a disabled monitor reads no clock');
    const offReport = off.performanceMonitor.getReport();
    assert.equal(offReport.enabled, false);
    assert.deepEqual(offReport.byOperation['stringOps.xxh3'], { count: 10, failures: 0 });

    const on = new WASMRuntimeCoordinator({ metrics: true, windowSize: 8 });
    for (let i = 0; i < 10; i++) await on.execute('stringOps', 'xxh3', `s${i}`);
    await assert.rejects(on.execute('memoryOps', 'decompress', Buffer.from('garbage')), { code: 'ERR_CFN_CORRUPT' });
    assert.equal(reads, 22);
    const report = on.performanceMonitor.getReport();
    assert.equal(report.enabled, true);
    assert.equal(report.backend, api.backend);
    const h = report.byOperation['stringOps.xxh3'];
    assert.equal(h.count, 10);
    assert.equal(h.failures, 0);
    assert.equal(h.timing.count, 8, 'the window keeps the latest 8');
    assert.equal(h.timing.capacity, 8);
    assert.ok(h.timing.min >= 0 && h.timing.max >= h.timing.min && h.timing.p50 >= h.timing.min);
    assert.equal(report.byOperation['memoryOps.decompress'].timing.failureRate, 1);
    on.performanceMonitor.reset();
    assert.deepEqual(on.performanceMonitor.getReport().byOperation, {});
    assert.deepEqual(on.performanceMonitor.getReport().operations, []);
  } finally {
    performance.now = realNow;
  }
});

test('WASMRuntimeCoordinator: CFN_ACCEL_METRICS=1 enables timing; bad options are rejected', () => {
  const saved = process.env.CFN_ACCEL_METRICS;
  try {
    process.env.CFN_ACCEL_METRICS = '1';
    assert.equal(new WASMRuntimeCoordinator().performanceMonitor.getReport().enabled, true);
    assert.equal(new WASMRuntimeCoordinator({ metrics: false }).performanceMonitor.getReport().enabled, false);
    delete process.env.CFN_ACCEL_METRICS;
    assert.equal(new WASMRuntimeCoordinator().performanceMonitor.getReport().enabled, false);
  } finally {
    if (saved === undefined) delete process.env.CFN_ACCEL_METRICS;
    else process.env.CFN_ACCEL_METRICS = saved;
  }
  assert.throws(() => new WASMRuntimeCoordinator({ metrics: 'yes' }), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => new WASMRuntimeCoordinator({ windowSize: 0 }), { code: 'ERR_CFN_INVALID_ARG' });
  assert.throws(() => new WASMRuntimeCoordinator('x'), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
});

test('WASMRuntimeCoordinator: the design\'s report shape, with speedups only where both sides were timed', async () => {
  const accelerated = api.backend !== 'js';
  // Metrics off: counts, and sentences where numbers would be.
  const off = new WASMRuntimeCoordinator({ metrics: false });
  for (let i = 0; i < 3; i++) await off.execute('stringOps', 'fastHash', `k${i}`);
  await off.execute('crypto', 'hashSHA256', 'abc');
  const r0 = off.performanceMonitor.getReport();
  assert.deepEqual(r0.summary, {
    totalCalls: 4, wasmCalls: accelerated ? 4 : 0, jsCalls: accelerated ? 0 : 4, wasmPercentage: accelerated ? '100.00' : '0.00',
  });
  assert.deepEqual(r0.operations.map((o) => [o.operation, o.wasmCalls + o.jsCalls]), [['stringOps.fastHash', 3], ['crypto.hashSHA256', 1]]);
  for (const o of r0.operations) {
    assert.deepEqual([o.speedup, o.avgWasmTime, o.avgJsTime], Array(3).fill('not measured (metrics off)'));
    assert.ok(Number.isNaN(parseFloat(o.speedup)), 'no number where none was measured');
  }
  // The design's own sort and slice run on it.
  assert.equal(r0.operations.sort((a, b) => parseFloat(b.speedup) - parseFloat(a.speedup)).slice(0, 5).length, 2);

  // Metrics on, one side only: times, but no speedup.
  const one = new WASMRuntimeCoordinator({ metrics: true });
  await one.execute('stringOps', 'xxh64', 'abc');
  const [row] = one.performanceMonitor.getReport().operations;
  assert.match(accelerated ? row.avgWasmTime : row.avgJsTime, /^\d+\.\d{3}ms$/);
  assert.match(row.speedup, /^not measured \(/);

  // Both sides timed (compareJs): the speedup is the ratio of the two means shown.
  const both = new WASMRuntimeCoordinator({ metrics: true, compareJs: true });
  for (let i = 0; i < 20; i++) await both.execute('crypto', 'hashSHA256', 'x'.repeat(4096));
  const report = both.performanceMonitor.getReport();
  const [op] = report.operations;
  assert.equal(op.operation, 'crypto.hashSHA256');
  if (accelerated) {
    assert.deepEqual([op.wasmCalls, op.jsCalls, op.method], [20, 0, api.backend]);
    assert.match(op.speedup, /^\d+\.\d\dx$/);
    const t = report.byOperation['crypto.hashSHA256'];
    assert.equal(t.timing.count, 20);
    assert.equal(t.jsTiming.count, 20, 'each call timed once in plain JS');
    assert.equal(op.avgWasmTime, `${t.timing.mean.toFixed(3)}ms`);
    assert.equal(op.avgJsTime, `${t.jsTiming.mean.toFixed(3)}ms`);
    assert.equal(op.speedup, `${(t.jsTiming.mean / t.timing.mean).toFixed(2)}x`);
  } else {
    assert.match(op.speedup, /^not measured \(no accelerated runs\)$/);
  }
});

test('WASMRuntimeCoordinator: wasmEnabled: false runs in plain JS with the same answers', async () => {
  const js = new WASMRuntimeCoordinator({ wasmEnabled: false });
  assert.equal(js.wasmEnabled, false);
  assert.equal(new WASMRuntimeCoordinator().wasmEnabled, true);
  const input = 'the design\'s opt-out';
  const out = await js.execute('stringOps', 'xxh64', input);
  assert.deepEqual(out, { result: api.stringOps.xxh64(input), accelerated: false, method: 'js' });
  const sha = await js.execute('crypto', 'hashSHA256', input, { encoding: 'hex' });
  assert.equal(sha.result, require('node:crypto').createHash('sha256').update(input).digest('hex'));
  const r = js.performanceMonitor.getReport();
  assert.equal(r.backend, 'js');
  assert.deepEqual(r.summary, { totalCalls: 2, wasmCalls: 0, jsCalls: 2, wasmPercentage: '0.00' });
  assert.throws(() => new WASMRuntimeCoordinator({ wasmEnabled: 'no' }), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
  assert.throws(() => new WASMRuntimeCoordinator({ compareJs: 1 }), { code: 'ERR_CFN_INVALID_ARG', name: 'TypeError' });
});
