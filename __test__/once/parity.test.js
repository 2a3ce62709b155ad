'use strict';
// Cross-backend parity: the package is loaded three times in child processes
// (CFN_ACCEL_BACKEND=native, wasm, js), each runs the same fixed-seed
// workload of every non-parsing operation, and the deterministic outputs
// (hashes, digests, decrypts of node:crypto ciphertexts, decompressions of
// reference-tool data, JSON check results, regex verdicts, aggregates, error
// codes and classes) must be deep-equal. Compressed bytes may differ between
// backends, so a second round has each backend decompress every backend's
// output instead.

const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');

/**
 * Known differences: compared in their own tests, marked todo, so they stay
 * visible. (unbrotli's ERR_CFN_LIMIT-vs-ERR_CFN_CORRUPT case on one corrupt
 * stream is in conformance.test.js.)
 */
const KNOWN = {};
const BACKENDS = ['native', 'wasm', 'js'];

if (process.env.CFN_PARITY_CHILD) {
  child(process.env.CFN_PARITY_CHILD, process.env.CFN_PARITY_FILE);
} else {
  parent();
}

/** Numbers, bigints and -0 in a JSON-safe, exact form. */
function exact(v) {
  return JSON.parse(
    JSON.stringify(v, (k, x) => {
      if (typeof x === 'bigint') return `bigint:${x}`;
      if (typeof x === 'number') return Object.is(x, -0) ? 'num:-0' : `num:${x}`;
      if (x && x.type === 'Buffer' && Array.isArray(x.data)) return `hex:${Buffer.from(x.data).toString('hex')}`;
      return x;
    }),
  );
}

/** A result or the thrown error's class, code and position. */
function outcome(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    const o = { error: e && e.constructor && e.constructor.name, code: e && e.code };
    for (const k of ['line', 'column', 'offset']) if (e && e[k] !== undefined) o[k] = e[k];
    return o;
  }
}

/** Fixed inputs made with the reference tools (node:crypto, node:zlib, lz4). */
function fixtures(gen) {
  const crypto = require('node:crypto');
  const zlib = require('node:zlib');
  const key = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) key[i] = (i * 7 + 3) & 0xff;
  const sealed = [];
  const plains = [Buffer.alloc(0), Buffer.from('attack at dawn \u{1f600}'), Buffer.from(gen.randomBytes(require('../helpers').rng(21), 100000))];
  plains.forEach((p, i) => {
    const iv = Buffer.alloc(12, i + 1);
    const c = crypto.createCipheriv('aes-256-gcm', key, iv);
    sealed.push(Buffer.concat([iv, c.update(p), c.final(), c.getAuthTag()]).toString('base64'));
  });
  const inputs = gen.codecInputs(12);
  const packed = {};
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-parity-'));
  try {
    for (const [name, data] of Object.entries(inputs)) {
      packed[`gzip-${name}`] = zlib.gzipSync(data).toString('base64');
      packed[`deflate-${name}`] = zlib.deflateSync(data, { level: 1 }).toString('base64');
      packed[`brotli-${name}`] = zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).toString('base64');
      const f = path.join(tmp, name);
      fs.writeFileSync(f, data);
      for (const opts of [['-B4'], ['-BD', '--content-size'], ['-B7', '--no-frame-crc', '-BX']]) {
        const r = spawnSync('lz4', [...opts, '-c', '-f', f], { maxBuffer: 1 << 30 });
        if (r.status !== 0) throw new Error(`lz4 ${opts.join(' ')}: ${r.stderr}`);
        packed[`lz4${opts.join('')}-${name}`] = r.stdout.toString('base64');
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // Sources of the mutation round, encoded once (by the js backend's
  // primitives and node:zlib) so every backend mutates the same bytes.
  const jsb = require('../../lib/backends/js');
  const mnext = require('../helpers').rng(4242);
  const sources = [Buffer.from('hello world hello world hello world'), Buffer.from(gen.randomBytes(mnext, 3000)), Buffer.from('abcd'.repeat(20000)), Buffer.alloc(0)];
  const encodedByJs = {};
  sources.forEach((src, i) => {
    encodedByJs[`lz4-${i}`] = jsb.lz4Compress(src).toString('base64');
    encodedByJs[`gzip-${i}`] = jsb.gzip(src, -1).toString('base64');
    encodedByJs[`deflate-${i}`] = jsb.deflate(src, -1).toString('base64');
    encodedByJs[`brotli-${i}`] = jsb.brotli(src, 5).toString('base64');
  });
  return { key: key.toString('base64'), sealed, packed, encodedByJs };
}

/** Round 1: every deterministic output, plus this backend's compressed bytes. */
function workload(api, gen, fx) {
  const { rng } = require('../helpers');
  const { stringOps, astParser, memoryOps, validation, compression } = api;
  const out = {};
  const counts = {};
  const put = (op, value) => {
    (out[op] || (out[op] = [])).push(value);
    counts[op] = (counts[op] || 0) + 1;
  };
  const strings = gen.strings(1);
  const bytes = gen.byteInputs(2);
  for (const s of [...strings, ...bytes]) {
    put('fastHash', outcome(() => stringOps.fastHash(s)));
    for (const seed of [0n, 2n, 2n ** 64n - 1n]) put('xxh64', outcome(() => stringOps.xxh64(s, seed)));
    put('xxh3', outcome(() => stringOps.xxh3(s)));
    for (const enc of ['hex', 'base64']) {
      put('hashSHA256', outcome(() => api.crypto.hashSHA256(s, { encoding: enc })));
      put('hashMD5', outcome(() => api.crypto.hashMD5(s, { encoding: enc })));
    }
  }
  const next = rng(22);
  for (let i = 0; i + 1 < strings.length; i++) {
    const a = strings[i];
    const b = strings[i + 1];
    put('stringOps.fastCompare', outcome(() => stringOps.fastCompare(a, b)));
    put('fastReplace', outcome(() => stringOps.fastReplace(a, a.slice(0, 2) || 'x', '$&\u{1f600}')));
    put('fastSearch', outcome(() => stringOps.fastSearch(a, b.slice(0, 2), Math.floor(next() * 5))));
  }
  for (let i = 0; i + 1 < bytes.length; i++) {
    const a = bytes[i];
    const at = Math.floor(next() * (a.length + 1));
    put('fastSearch', outcome(() => stringOps.fastSearch(a, a.subarray(at, at + 3), Math.floor(next() * 10))));
    put('memoryOps.fastCompare', outcome(() => memoryOps.fastCompare(a, bytes[i + 1])));
    const dest = new Uint8Array(17);
    put('fastCopy', outcome(() => [memoryOps.fastCopy(a, dest), Buffer.from(dest).toString('hex')]));
  }
  for (let i = 0; i < 300; i++) put('fastJSONStringify', outcome(() => stringOps.fastJSONStringify(gen.randomValue(next, 4))));
  put('fastJSONStringify', outcome(() => stringOps.fastJSONStringify({ n: 1n })));

  const texts = gen.jsonTexts(8);
  for (const t of texts) {
    put('checkJSON', outcome(() => validation.checkJSON(t)));
    put('validateJSON', outcome(() => validation.validateJSON(t)));
    put('parseJSON', outcome(() => (t.length < 1e4 ? JSON.stringify(astParser.parseJSON(t)) : typeof astParser.parseJSON(t))));
    if (t.length < 1e4) put('checkJSON', outcome(() => validation.checkJSON(Buffer.from(t))));
  }
  for (const b of gen.invalidUtf8(9)) {
    put('checkJSON', outcome(() => validation.checkJSON(b)));
    put('parseJSON', outcome(() => astParser.parseJSON(b)));
  }
  for (const [p, f] of [...gen.regexCases(15, 10000), ...gen.propertyCases()]) put('validateRegex', outcome(() => validation.validateRegex(p, f)));

  const sets = [[], [NaN], [1, 2, 3], [-0, 0, 5, Infinity], [0.1, 0.2, 0.3, 1e300, -1e300]];
  for (let i = 0; i < 200; i++) {
    sets.push(Array.from({ length: Math.floor(next() * 300) }, () => (next() < 0.05 ? NaN : next() * 1e3 - 10)));
  }
  for (const s of sets) put('aggregateMetrics', outcome(() => memoryOps.aggregateMetrics(s)));

  const key = Buffer.from(fx.key, 'base64');
  for (const s of fx.sealed) {
    const box = Buffer.from(s, 'base64');
    put('decrypt', outcome(() => api.crypto.hashSHA256(api.crypto.decrypt(box, key), { encoding: 'hex' })));
    const bad = Buffer.from(box);
    bad[bad.length - 1] ^= 1;
    put('decrypt', outcome(() => api.crypto.decrypt(bad, key)));
    put('decrypt', outcome(() => api.crypto.decrypt(box, key.subarray(0, 31))));
  }
  const unpack = (name, data, opts) => {
    const [kind] = name.split('-');
    const fn = kind.startsWith('lz4') ? memoryOps.decompress : compression[{ gzip: 'gunzip', deflate: 'inflate', brotli: 'unbrotli' }[kind]];
    return outcome(() => api.crypto.hashSHA256(fn(data, opts), { encoding: 'hex' }));
  };
  for (const [name, b64] of Object.entries(fx.packed)) {
    const data = Buffer.from(b64, 'base64');
    put('decompress fixtures', unpack(name, data));
    put('decompress fixtures', unpack(name, data, { maxOutputLength: 1000 }));
    put('decompress fixtures', unpack(name, data.subarray(0, Math.max(0, data.length - 5))));
  }
  for (const garbage of [Buffer.alloc(0), Buffer.from('garbage garbage garbage'), Buffer.from([4, 0x22, 0x4d, 0x18, 0x60, 0x40, 0x82])]) {
    for (const fn of [memoryOps.decompress, compression.gunzip, compression.inflate, compression.unbrotli]) put('decompress garbage', outcome(() => fn(garbage)));
  }
  // Mutated compressed data (bytes changed, cut, inserted, appended): the
  // same output digest or the same error code on every backend.
  const encoders = {
    lz4: [(d) => memoryOps.compress(d), memoryOps.decompress],
    gzip: [(d) => compression.gzip(d), compression.gunzip],
    deflate: [(d) => compression.deflate(d), compression.inflate],
    brotli: [(d) => compression.brotli(d, { level: 5 }), compression.unbrotli],
  };
  const mnext = rng(4242);
  const sources = [Buffer.from('hello world hello world hello world'), Buffer.from(gen.randomBytes(mnext, 3000)), Buffer.from('abcd'.repeat(20000)), Buffer.alloc(0)];
  for (const [kind, [enc, dec]] of Object.entries(encoders)) {
    for (const src of sources) {
      // Encoded by js, so every backend mutates the same bytes.
      const good = fx.encodedByJs ? Buffer.from(fx.encodedByJs[`${kind}-${sources.indexOf(src)}`], 'base64') : enc(src);
      for (let i = 0; i < 400; i++) {
        let d = Buffer.from(good);
        for (let j = 1 + Math.floor(mnext() * 3); j > 0; j--) {
          const r = mnext();
          const at = Math.floor(mnext() * d.length);
          const byte = Buffer.from([Math.floor(mnext() * 256)]);
          if (r < 0.5 && d.length) d[at] = byte[0];
          else if (r < 0.7) d = d.subarray(0, at);
          else if (r < 0.85) d = Buffer.concat([d.subarray(0, at), byte, d.subarray(at)]);
          else d = Buffer.concat([d, byte]);
        }
        put(`mutated ${kind}`, outcome(() => api.crypto.hashSHA256(dec(d, { maxOutputLength: 1 << 20 }), { encoding: 'hex' })));
      }
    }
  }

  // Error classes and codes for bad arguments, on every export of the set.
  const badArgs = [
    () => stringOps.fastHash(1), () => stringOps.xxh64('a', 'x'), () => stringOps.xxh3(null), () => stringOps.fastCompare(1, 'a'),
    () => stringOps.fastSearch('a', 1), () => stringOps.fastReplace('a', 1, 'b'), () => stringOps.createEnvelope('m', {}, 1),
    () => astParser.parseJSON(5), () => memoryOps.fastCopy('a', Buffer.alloc(1)), () => memoryOps.fastCompare('a', 'b'),
    () => memoryOps.compress(5), () => memoryOps.decompress('x'), () => memoryOps.decompress(Buffer.alloc(1), { maxOutputLength: -1 }),
    () => memoryOps.aggregateMetrics('x'), () => api.crypto.hashSHA256(5), () => api.crypto.hashMD5(null),
    () => api.crypto.encrypt('a', 'k'), () => api.crypto.encrypt('a', Buffer.alloc(16)), () => api.crypto.decrypt('a', key),
    () => validation.validateJSON(5), () => validation.checkJSON(null), () => validation.validateRegex(1), () => validation.validateRegex('a', 1),
    () => compression.gzip(5), () => compression.gzip(Buffer.alloc(1), { level: 10 }), () => compression.gunzip('x'),
    () => compression.brotli(Buffer.alloc(1), { level: 12 }), () => compression.inflate(Buffer.alloc(1), { maxOutputLength: 1.5 }),
  ];
  for (const f of badArgs) put('bad arguments', outcome(f));

  // This backend's compressed bytes, for the other backends to read.
  const produced = {};
  for (const [name, data] of Object.entries(gen.codecInputs(12))) {
    produced[`lz4-${name}`] = memoryOps.compress(data).toString('base64');
    for (const level of [1, 6]) {
      produced[`gzip-${name}-${level}`] = compression.gzip(data, { level }).toString('base64');
      produced[`deflate-${name}-${level}`] = compression.deflate(data, { level }).toString('base64');
      produced[`brotli-${name}-${level}`] = compression.brotli(data, { level }).toString('base64');
    }
  }
  return { backend: api.backend, results: exact(out), counts, produced };
}

function child(phase, file) {
  const api = require(ROOT);
  const gen = require('../conformance-data');
  const input = JSON.parse(fs.readFileSync(file, 'utf8'));
  let result;
  if (phase === 'run') {
    result = workload(api, gen, input.fixtures);
  } else {
    // Round 2: decompress every backend's output; report digests.
    result = { backend: api.backend, digests: {} };
    for (const [from, produced] of Object.entries(input.produced)) {
      for (const [name, b64] of Object.entries(produced)) {
        const [kind] = name.split('-');
        const fn = kind === 'lz4' ? api.memoryOps.decompress : api.compression[{ gzip: 'gunzip', deflate: 'inflate', brotli: 'unbrotli' }[kind]];
        result.digests[`${from}:${name}`] = outcome(() => api.crypto.hashSHA256(fn(Buffer.from(b64, 'base64')), { encoding: 'hex' }));
      }
    }
  }
  fs.writeFileSync(`${file}.${api.backend}.out`, JSON.stringify(result));
}

function parent() {
  const test = require('node:test');
  const assert = require('node:assert/strict');
  const crypto = require('node:crypto');
  const gen = require('../conformance-data');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-parity-'));
  test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const runAll = (phase, input) => {
    const file = path.join(tmp, `${phase}.json`);
    fs.writeFileSync(file, JSON.stringify(input));
    const outs = {};
    for (const backend of BACKENDS) {
      const r = spawnSync(process.execPath, [__filename], {
        cwd: ROOT,
        env: { ...process.env, CFN_ACCEL_BACKEND: backend, CFN_PARITY_CHILD: phase, CFN_PARITY_FILE: file },
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      assert.equal(r.status, 0, `${backend} ${phase}: ${r.stderr}`);
      outs[backend] = JSON.parse(fs.readFileSync(`${file}.${backend}.out`, 'utf8'));
      assert.equal(outs[backend].backend, backend);
    }
    return outs;
  };

  let round1;
  test('the three backends give deep-equal outputs for the same workload', () => {
    round1 = runAll('run', { fixtures: fixtures(gen) });
    const { js } = round1;
    const line = Object.entries(js.counts).map(([k, v]) => `${k}=${v}`).join(' ');
    process.stdout.write(`# parity cases per backend: ${line}\n`);
    for (const backend of ['native', 'wasm']) {
      for (const op of Object.keys(js.results)) {
        if (KNOWN[op]) continue;
        const a = round1[backend].results[op];
        const b = js.results[op];
        assert.equal(a.length, b.length, `${op}: ${backend} ran ${a.length} cases, js ${b.length}`);
        const diffs = [];
        for (let i = 0; i < b.length; i++) {
          if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) diffs.push(`#${i} ${backend} ${JSON.stringify(a[i])} js ${JSON.stringify(b[i])}`);
        }
        assert.deepEqual(diffs.slice(0, 10), [], `${op}: ${diffs.length} differences between ${backend} and js`);
      }
    }
    // The fixtures decompressed to their inputs on js (so on all three).
    const inputs = Object.values(gen.codecInputs(12));
    const want = new Set(inputs.map((d) => crypto.createHash('sha256').update(d).digest('hex')));
    for (const r of js.results['decompress fixtures'].filter((_, i) => i % 3 === 0)) assert.ok(want.has(r.ok), JSON.stringify(r));
  });

  for (const [op, why] of Object.entries(KNOWN)) {
    test(`${op}: same outcome on every backend`, { todo: why }, () => {
      assert.ok(round1, 'round 1 ran');
      for (const backend of ['native', 'wasm']) {
        const a = round1[backend].results[op];
        const b = round1.js.results[op];
        const diffs = b.map((x, i) => JSON.stringify(a[i]) === JSON.stringify(x) ? null : `#${i} ${backend} ${JSON.stringify(a[i])} js ${JSON.stringify(x)}`).filter(Boolean);
        assert.deepEqual(diffs, []);
      }
    });
  }

  test('each backend decompresses every backend\'s compressed output', () => {
    assert.ok(round1, 'round 1 ran');
    const produced = Object.fromEntries(BACKENDS.map((b) => [b, round1[b].produced]));
    const round2 = runAll('decode', { produced });
    const inputs = gen.codecInputs(12);
    const digest = (d) => crypto.createHash('sha256').update(d).digest('hex');
    let n = 0;
    for (const backend of BACKENDS) {
      for (const [key, r] of Object.entries(round2[backend].digests)) {
        const name = key.split(':')[1].split('-')[1];
        assert.deepEqual(r, { ok: digest(inputs[name]) }, `${backend} reading ${key}`);
        n++;
      }
    }
    process.stdout.write(`# parity cross-decompressions: ${n}\n`);
  });
}
