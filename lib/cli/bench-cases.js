'use strict';
// What `cfn-accel bench` measures: every public operation, at the sizes that
// apply, with the alternatives a user would reach for instead. Each case
// gives `ours(api)` (a call on one of our APIs: the default routed one or a
// forced backend) and `alts` (name -> call), all over the same input. `prim`
// names the backend primitive the case exercises, so that
// scripts/derive-thresholds.js can turn the native/wasm vs js ratios into
// the dispatch table.

const fs = require('node:fs');
const path = require('node:path');
const nodeCrypto = require('node:crypto');
const zlib = require('node:zlib');

const SIZES = [64, 1024, 65536, 1048576];
/**
 * Hashes also run on short strings: a 19-character key is the common case.
 * 32 B because plain JS's xxh64 starts its 32-byte stripe loop there (80 ns
 * at 24 B, 270 ns at 32 B, against ~180 ns for a native call): measured
 * only at 19 and 64, the route sent 32-63 byte inputs (a small record's
 * checksum) to plain JS at twice the native time.
 */
const HASH_SIZES = [19, 32, 64, 256, 1024, 65536, 1048576];

const { rng } = require('../rng');

const AGENTS = ['coder', 'reviewer', 'tester', 'architect', 'researcher', 'planner', 'security'];

/** One record as SwarmMemory stores them. */
function record(r, i) {
  return {
    id: `task-${i}-${Math.floor(r() * 1e9).toString(36)}`,
    agent: `${AGENTS[i % AGENTS.length]}-${i % 13}`,
    status: r() < 0.8 ? 'completed' : 'failed',
    durationMs: Math.round(r() * 5000) / 10,
    ok: r() < 0.9,
    tags: ['swarm', AGENTS[(i * 3) % AGENTS.length]],
    note: r() < 0.3 ? 'retried after timeout; see log ü' : null,
  };
}

/** A JSON-able value whose JSON text is about `n` bytes. */
function valueOfSize(n, seed = 1) {
  const r = rng(seed);
  if (n <= 80) return { id: 'a1b2c3', agent: 'coder-1', ok: true, ms: 12.5 };
  const out = [];
  let len = 2;
  for (let i = 0; len < n; i++) {
    const rec = record(r, i);
    len += JSON.stringify(rec).length + 1;
    out.push(rec);
  }
  return out;
}

/** JSON text of about `n` bytes (record-like, so it compresses like real data). */
const jsonText = (n, seed) => JSON.stringify(valueOfSize(n, seed));

/** `n` bytes of record-like text (exact length). */
function textBytes(n, seed = 2) {
  let s = jsonText(Math.max(n, 100), seed);
  while (s.length < n) s += s;
  // Cut the bytes, not the string: the text has multi-byte characters.
  return Buffer.from(Buffer.from(s, 'utf8').subarray(0, n));
}

/** An ASCII string of exactly `n` characters (mixed, incompressible-ish). */
function asciiString(n, seed = 3) {
  const r = rng(seed);
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_:/.';
  let s = '';
  for (let i = 0; i < n; i++) s += chars[Math.floor(r() * chars.length)];
  return s;
}

const sizeLabel = (n) =>
  n == null ? '' : n >= 1048576 ? `${+(n / 1048576).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : n === 19 ? '19 ch' : `${n} B`;

/** The syntax inputs: a TypeScript file from rxjs and its compiled JS. */
function syntaxInputs(root) {
  const rx = path.join(root, 'node_modules', 'rxjs');
  const pick = (...cands) => cands.map((c) => path.join(rx, c)).find((p) => fs.existsSync(p));
  const ts = pick('src/internal/ajax/ajax.ts', 'src/internal/Observable.ts');
  const js = pick('dist/cjs/internal/ajax/ajax.js', 'dist/cjs/internal/Observable.js');
  return { ts: ts && { file: path.relative(root, ts), code: fs.readFileSync(ts, 'utf8') }, js: js && { file: path.relative(root, js), code: fs.readFileSync(js, 'utf8') } };
}

/** Loads the optional peers; a missing one is left out of the run. */
async function loadPeers() {
  const peers = {};
  const tryReq = (name) => {
    try {
      return require(name);
    } catch {
      return null;
    }
  };
  peers.lz4napi = tryReq('lz4-napi');
  peers.lz4js = tryReq('lz4js');
  peers.nrsXxhash = tryReq('@node-rs/xxhash');
  peers.oxc = tryReq('oxc-parser');
  peers.swc = tryReq('@swc/core');
  peers.babel = tryReq('@babel/parser');
  peers.acorn = tryReq('acorn');
  const xw = tryReq('xxhash-wasm');
  peers.xxhashWasm = xw ? await xw() : null;
  const hw = tryReq('hash-wasm');
  if (hw) {
    peers.hashWasm = {
      sha256: await hw.createSHA256(),
      md5: await hw.createMD5(),
      xxh64: await hw.createXXHash64(),
      xxh3: await hw.createXXHash3(),
    };
  }
  return peers;
}

/** hash-wasm's synchronous path: a created hasher, reset per call. */
const hwDigest = (h, data) => {
  h.init();
  h.update(data);
  return h.digest('binary');
};

/**
 * The cases. Each: {op, variant, prim, size, ours(api) -> fn, alts: {name: fn}, ref}
 * `ref` is what the ratio compares against when there are no alternatives
 * (the plain-JS backend).
 */
function buildCases(peers, root) {
  const cases = [];
  // `dsize`: the size lib/dispatch.js sees (the input's .length) where it differs from the bytes.
  const add = (c) => cases.push({ variant: '', alts: {}, ...c, label: `${c.op}${c.variant ? ` (${c.variant})` : ''}` });
  const p = peers;

  // --- hashes over strings and bytes ---------------------------------------
  for (const n of HASH_SIZES) {
    const s = asciiString(n);
    const buf = Buffer.from(s);
    add({ op: 'stringOps.fastHash', variant: 'string', prim: 'fnv1a32Str', size: n, ours: (api) => () => api.stringOps.fastHash(s) });
    add({ op: 'stringOps.fastHash', variant: 'bytes', prim: 'fnv1a32', size: n, ours: (api) => () => api.stringOps.fastHash(buf) });
    const xs = {};
    if (p.nrsXxhash) xs['@node-rs/xxhash'] = () => p.nrsXxhash.xxh64(s, 0n);
    if (p.xxhashWasm) xs['xxhash-wasm'] = () => p.xxhashWasm.h64(s);
    add({ op: 'stringOps.xxh64', variant: 'string', prim: 'xxh64Str', size: n, ours: (api) => () => api.stringOps.xxh64(s), alts: xs });
    const xb = {};
    if (p.nrsXxhash) xb['@node-rs/xxhash'] = () => p.nrsXxhash.xxh64(buf, 0n);
    if (p.xxhashWasm) xb['xxhash-wasm'] = () => p.xxhashWasm.h64Raw(buf);
    if (p.hashWasm) xb['hash-wasm'] = () => hwDigest(p.hashWasm.xxh64, buf);
    add({ op: 'stringOps.xxh64', variant: 'bytes', prim: 'xxh64', size: n, ours: (api) => () => api.stringOps.xxh64(buf), alts: xb });
    const x3s = {};
    if (p.nrsXxhash) x3s['@node-rs/xxhash'] = () => p.nrsXxhash.xxh3.xxh64(s);
    add({ op: 'stringOps.xxh3', variant: 'string', prim: 'xxh3Str', size: n, ours: (api) => () => api.stringOps.xxh3(s), alts: x3s });
    const x3b = {};
    if (p.nrsXxhash) x3b['@node-rs/xxhash'] = () => p.nrsXxhash.xxh3.xxh64(buf);
    if (p.hashWasm) x3b['hash-wasm'] = () => hwDigest(p.hashWasm.xxh3, buf);
    add({ op: 'stringOps.xxh3', variant: 'bytes', prim: 'xxh3', size: n, ours: (api) => () => api.stringOps.xxh3(buf), alts: x3b });
  }

  // --- digests and AES-GCM -------------------------------------------------
  const key = Buffer.alloc(32, 7);
  for (const n of SIZES) {
    const data = textBytes(n);
    const sha = { 'node:crypto': () => nodeCrypto.createHash('sha256').update(data).digest() };
    if (p.hashWasm) sha['hash-wasm'] = () => hwDigest(p.hashWasm.sha256, data);
    add({ op: 'crypto.hashSHA256', prim: 'sha256', size: n, ours: (api) => () => api.crypto.hashSHA256(data), alts: sha });
    const md5 = { 'node:crypto': () => nodeCrypto.createHash('md5').update(data).digest() };
    if (p.hashWasm) md5['hash-wasm'] = () => hwDigest(p.hashWasm.md5, data);
    add({ op: 'crypto.hashMD5', prim: 'md5', size: n, ours: (api) => () => api.crypto.hashMD5(data), alts: md5 });
    const seal = () => {
      const iv = nodeCrypto.randomBytes(12);
      const c = nodeCrypto.createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([iv, c.update(data), c.final(), c.getAuthTag()]);
    };
    add({ op: 'crypto.encrypt', prim: 'aesGcmSeal', sizeArg: 2, size: n, ours: (api) => () => api.crypto.encrypt(data, key), alts: { 'node:crypto': seal } });
    const sealed = seal();
    const open = () => {
      const d = nodeCrypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      d.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]);
    };
    add({ op: 'crypto.decrypt', prim: 'aesGcmOpen', sizeArg: 1, size: n, ours: (api) => () => api.crypto.decrypt(sealed, key), alts: { 'node:crypto': open } });
  }

  // --- compression ---------------------------------------------------------
  for (const n of SIZES) {
    const data = textBytes(n);
    const lzc = {};
    if (p.lz4napi) {
      lzc['lz4-napi compressSync'] = () => p.lz4napi.compressSync(data);
      lzc['lz4-napi compressFrameSync'] = () => p.lz4napi.compressFrameSync(data);
    }
    if (p.lz4js) lzc.lz4js = () => p.lz4js.compress(data);
    add({ op: 'memoryOps.compress', variant: 'LZ4 frame', prim: 'lz4Compress', size: n, ours: (api) => () => api.memoryOps.compress(data), alts: lzc });
    const frame = require('../backends/js').lz4Compress(data, -1);
    const lzd = {};
    if (p.lz4napi) {
      const block = p.lz4napi.compressSync(data);
      lzd['lz4-napi uncompressSync'] = () => p.lz4napi.uncompressSync(block);
      lzd['lz4-napi decompressFrameSync'] = () => p.lz4napi.decompressFrameSync(frame);
    }
    if (p.lz4js) lzd.lz4js = () => p.lz4js.decompress(frame);
    add({ op: 'memoryOps.decompress', variant: 'LZ4 frame', prim: 'lz4Decompress', size: n, ours: (api) => () => api.memoryOps.decompress(frame), alts: lzd });

    const codecs = [
      ['gzip', 'gunzip', zlib.gzipSync, zlib.gunzipSync, 6, { level: 6 }],
      ['deflate', 'inflate', zlib.deflateSync, zlib.inflateSync, 6, { level: 6 }],
      // Brotli at quality 6: the default (11) takes seconds per MiB on either side.
      ['brotli', 'unbrotli', zlib.brotliCompressSync, zlib.brotliDecompressSync, 6, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6, [zlib.constants.BROTLI_PARAM_LGWIN]: 22, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }],
    ];
    for (const [enc, dec, zEnc, zDec, level, zOpts] of codecs) {
      add({ op: `compression.${enc}`, variant: `level ${level}`, prim: enc, size: n, ours: (api) => () => api.compression[enc](data, { level }), alts: { 'node:zlib': () => zEnc(data, zOpts) } });
      const packed = zEnc(data, zOpts);
      add({ op: `compression.${dec}`, prim: dec, size: n, ours: (api) => () => api.compression[dec](packed), alts: { 'node:zlib': () => zDec(packed) } });
    }
  }

  // --- JSON ------------------------------------------------------------------
  for (const n of SIZES) {
    const text = jsonText(n);
    const size = Buffer.byteLength(text);
    const bytes = Buffer.from(text);
    const parseOk = () => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    add({ op: 'validation.validateJSON', variant: 'string', prim: 'jsonCheckStr', size, dsize: text.length, sizeClass: n, ours: (api) => () => api.validation.validateJSON(text), alts: { 'JSON.parse': parseOk } });
    const parseBytes = () => {
      try {
        JSON.parse(bytes.toString('utf8'));
        return true;
      } catch {
        return false;
      }
    };
    add({ op: 'validation.validateJSON', variant: 'bytes', prim: 'jsonCheck', size, sizeClass: n, ours: (api) => () => api.validation.validateJSON(bytes), alts: { 'JSON.parse(buf.toString())': parseBytes } });
    add({ op: 'astParser.parseJSON', size, sizeClass: n, ours: (api) => () => api.astParser.parseJSON(text), alts: { 'JSON.parse': () => JSON.parse(text) } });
    const value = valueOfSize(n);
    add({ op: 'stringOps.fastJSONStringify', size, sizeClass: n, ours: (api) => () => api.stringOps.fastJSONStringify(value), alts: { 'JSON.stringify': () => JSON.stringify(value) } });
    // Records: the SwarmMemory round trip (encode then decode); plain JS is the reference.
    add({ op: 'encodeRecord+decodeRecord', variant: 'round trip', size, sizeClass: n, ours: (api) => () => api.decodeRecord(api.encodeRecord(value)) });
    // The host caps an envelope's JSON at 1 MiB: the largest one stays just under.
    const message = n >= 1048576 ? valueOfSize(n - 4096) : value;
    const env = { id: 'm-1', sender: 'coder-1', timestamp: 1764500000000, message, metadata: { topic: 'swarm' } };
    add({ op: 'encodeEnvelope+decodeEnvelope', variant: 'round trip', size, sizeClass: n, ours: (api) => () => api.decodeEnvelope(api.encodeEnvelope(env)) });
  }

  // --- bytes and strings -------------------------------------------------------
  for (const n of SIZES) {
    const a = textBytes(n);
    const b = Buffer.from(a);
    add({ op: 'memoryOps.fastCompare', variant: 'equal', prim: 'bytesCompare', size: n, ours: (api) => () => api.memoryOps.fastCompare(a, b), alts: { 'Buffer.compare': () => Buffer.compare(a, b) } });
    const hay = Buffer.concat([Buffer.alloc(n - Math.min(n, 8), 0x61), Buffer.from('needle!!').subarray(0, Math.min(n, 8))]);
    const needle = hay.subarray(hay.length - Math.min(n, 8));
    add({ op: 'stringOps.fastSearch', variant: 'bytes', prim: 'bytesFind', size: n, ours: (api) => () => api.stringOps.fastSearch(hay, needle), alts: { 'Buffer#indexOf': () => hay.indexOf(needle) } });
    const dest = Buffer.alloc(n);
    add({ op: 'memoryOps.fastCopy', size: n, ours: (api) => () => api.memoryOps.fastCopy(a, dest), alts: { 'Uint8Array#set': () => dest.set(a) } });
    const s = asciiString(n);
    const s2 = `${s.slice(0, -1)}~`;
    add({ op: 'stringOps.fastCompare', size: n, ours: (api) => () => api.stringOps.fastCompare(s, s2), alts: { '< and >': () => (s < s2 ? -1 : s > s2 ? 1 : 0) } });
    add({ op: 'stringOps.fastSearch', variant: 'string', size: n, ours: (api) => () => api.stringOps.fastSearch(s, 'zz~'), alts: { 'String#indexOf': () => s.indexOf('zz~') } });
    add({ op: 'stringOps.fastReplace', size: n, ours: (api) => () => api.stringOps.fastReplace(s, 'a', 'AA'), alts: { 'String#replaceAll': () => s.replaceAll('a', 'AA') } });
    // Metrics: n bytes of float64 values.
    const r = rng(5);
    const values = Array.from({ length: Math.max(1, n / 8) }, () => Math.round(r() * 1e5) / 100);
    const f64 = Float64Array.from(values);
    add({ op: 'memoryOps.aggregateMetrics', variant: 'Float64Array', prim: 'aggregate', size: n, dsize: f64.length, ours: (api) => () => api.memoryOps.aggregateMetrics(f64) });
  }

  // --- size-independent operations ---------------------------------------------
  add({ op: 'stringOps.createEnvelope', ours: (api) => () => api.stringOps.createEnvelope({ task: 'x' }, { topic: 't' }, 'coder-1'), alts: { 'object literal + randomUUID': () => ({ id: nodeCrypto.randomUUID(), sender: 'coder-1', timestamp: Date.now(), message: { task: 'x' }, metadata: { topic: 't' } }) } });
  const pattern = '^(?<user>[a-z0-9._%+-]+)@(?<host>[a-z0-9.-]+\\.[a-z]{2,})$';
  add({ op: 'validation.validateRegex', prim: 'regexCheck', dsize: pattern.length, ours: (api) => () => api.validation.validateRegex(pattern, 'iu'), alts: { 'new RegExp': () => { try { new RegExp(pattern, 'iu'); return true; } catch { return false; } } } }); // eslint-disable-line
  add({ op: 'StatsWindow', variant: '1000 records + snapshot', ours: (api) => { const w = new api.StatsWindow(1000); return () => { for (let i = 0; i < 1000; i++) w.record(i % 97, i % 13 !== 0); return w.snapshot(); }; } });

  // --- syntax ------------------------------------------------------------------
  const src = syntaxInputs(root);
  if (src.ts) {
    const { code, file } = src.ts;
    const size = Buffer.byteLength(code);
    const alts = {};
    if (p.oxc) alts['oxc-parser parseSync'] = () => p.oxc.parseSync('x.ts', code, { lang: 'ts' });
    if (p.swc) alts['@swc/core parseSync'] = () => p.swc.parseSync(code, { syntax: 'typescript' });
    if (p.babel) alts['@babel/parser'] = () => p.babel.parse(code, { sourceType: 'module', plugins: ['typescript'], errorRecovery: true });
    add({ op: 'validation.validateJavaScript', variant: `TS, ${file}`, prim: 'jsValidate', size, dsize: code.length, ours: (api) => () => api.validation.validateJavaScript(code, { lang: 'ts' }), alts });
    add({ op: 'astParser.outline', variant: `TS, ${file}`, prim: 'jsOutline', size, dsize: code.length, ours: (api) => () => api.astParser.outline(code, { lang: 'ts' }), alts });
    // parseSync builds its AST object on first read of `program` (a lazy
    // JSON.parse); a parse whose AST is wanted reads it.
    const parseAlts = { ...alts };
    if (p.oxc) parseAlts['oxc-parser parseSync'] = () => p.oxc.parseSync('x.ts', code, { lang: 'ts' }).program;
    add({ op: 'astParser.parseTypeScript', variant: `${file}`, prim: 'jsParse', size, ours: (api) => () => api.astParser.parseTypeScript(code), alts: parseAlts });
  }
  if (src.js) {
    const { code, file } = src.js;
    const size = Buffer.byteLength(code);
    const alts = {};
    if (p.oxc) alts['oxc-parser parseSync'] = () => p.oxc.parseSync('x.js', code);
    if (p.swc) alts['@swc/core parseSync'] = () => p.swc.parseSync(code, { syntax: 'ecmascript' });
    if (p.babel) alts['@babel/parser'] = () => p.babel.parse(code, { sourceType: 'script' });
    if (p.acorn) alts.acorn = () => p.acorn.parse(code, { ecmaVersion: 'latest' });
    const parseAlts = { ...alts };
    if (p.oxc) parseAlts['oxc-parser parseSync'] = () => p.oxc.parseSync('x.js', code).program;
    add({ op: 'astParser.parseJavaScript', variant: `${file}`, prim: 'jsParse', size, ours: (api) => () => api.astParser.parseJavaScript(code, { sourceType: 'commonjs' }), alts: parseAlts });
    add({ op: 'astParser.validate', variant: `JS, ${file}`, prim: 'jsValidate', size, dsize: code.length, ours: (api) => () => api.astParser.validate(code, { lang: 'cjs' }), alts });
  }
  return cases;
}

module.exports = { buildCases, loadPeers, SIZES, HASH_SIZES, sizeLabel, valueOfSize, jsonText, textBytes, asciiString, rng };
