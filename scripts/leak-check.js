#!/usr/bin/env node
'use strict';
// Leak check: a million mixed calls per backend (hashes, LZ4, gzip, brotli,
// digests, AES-GCM, JSON checks, records, envelopes, and errors thrown and
// caught), with resident memory (and, on wasm, the instance's linear memory)
// measured after forced GCs before and after. Not part of `npm test`: it
// takes a while.
//
//   node scripts/leak-check.js [--calls N] [--backend native|wasm|js]
//
// Without --backend it runs itself once per backend in a child process (with
// --expose-gc). Exits non-zero when memory grows past a generous bound:
// RSS by more than 64 MiB, or the wasm memory by more than 16 MiB, between
// the end of the warm-up and the end of the run.

const { spawnSync } = require('node:child_process');
const path = require('node:path');

const RSS_BOUND = 64 * 1024 * 1024;
const WASM_BOUND = 16 * 1024 * 1024;

function parseArgs(argv) {
  const out = { calls: 1e6, backend: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--calls') out.calls = Number(argv[++i]);
    else if (argv[i] === '--backend') out.backend = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --calls N, --backend native|wasm|js)`);
  }
  if (!Number.isInteger(out.calls) || out.calls < 1000) throw new Error('--calls must be an integer >= 1000');
  return out;
}

const MiB = (n) => (n / 1048576).toFixed(1);

function parent(opts) {
  let failed = false;
  for (const backend of ['native', 'wasm', 'js']) {
    const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--calls', String(opts.calls), '--backend', backend], {
      stdio: 'inherit',
      env: { ...process.env, CFN_ACCEL_BACKEND: backend },
    });
    if (r.status !== 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

async function child(opts) {
  if (typeof global.gc !== 'function') {
    // Re-run with --expose-gc.
    const r = spawnSync(process.execPath, ['--expose-gc', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status);
  }
  process.env.CFN_ACCEL_BACKEND = opts.backend;
  // Capture wasm instances as they are made, to read their memory size
  // (the wasm-bindgen glue does not export it).
  const instances = [];
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    const inst = new Instance(module, imports);
    instances.push(inst);
    return inst;
  };
  const api = require(path.join(__dirname, '..'));
  if (api.backend !== opts.backend) throw new Error(`loaded ${api.backend}, wanted ${opts.backend}`);
  const wasmBytes = () => {
    const inst = instances[instances.length - 1];
    return inst && inst.exports.memory ? inst.exports.memory.buffer.byteLength : 0;
  };

  const key = Buffer.alloc(32, 7);
  const texts = Array.from({ length: 64 }, (_, i) => `{"agent":"a-${i}","task":${i},"note":"${'ü😀x'.repeat(i % 20)}"}`);
  const blobs = texts.map((t) => Buffer.from(t.repeat(1 + (t.length % 30))));
  const packed = blobs.map((b) => api.memoryOps.compress(b));
  const gz = blobs.map((b) => api.compression.gzip(b));
  const sealed = blobs.map((b) => api.crypto.encrypt(b, key));
  const records = texts.map((t, i) => api.encodeRecord({ t, i, pad: i % 8 === 0 ? 'p'.repeat(12000) : '' }));
  const env = api.stringOps.createEnvelope({ body: 'hello' }, { priority: 1 }, 'agent-1');
  const envBuf = api.encodeEnvelope(env);
  const garbage = Buffer.from('\x04\x22\x4d\x18garbage-garbage-garbage', 'latin1');
  let caught = 0;
  const expectThrow = (fn) => {
    try {
      fn();
    } catch (e) {
      if (!String(e.code).startsWith('ERR_CFN_')) throw e;
      caught++;
      return;
    }
    throw new Error('expected an error');
  };

  const ops = [
    (i) => api.stringOps.fastHash(texts[i & 63]),
    (i) => api.stringOps.xxh64(blobs[i & 63]),
    (i) => api.stringOps.xxh3(texts[i & 63]),
    (i) => api.memoryOps.decompress(api.memoryOps.compress(blobs[i & 63])),
    (i) => api.memoryOps.decompress(packed[i & 63]),
    (i) => api.compression.gunzip(gz[i & 63]),
    (i) => (i % 16 === 0 ? api.compression.unbrotli(api.compression.brotli(blobs[i & 63], { level: 1 })) : api.compression.gzip(blobs[i & 63], { level: 1 })),
    (i) => api.crypto.hashSHA256(blobs[i & 63]),
    (i) => api.crypto.hashMD5(texts[i & 63], { encoding: 'hex' }),
    (i) => api.crypto.decrypt(sealed[i & 63], key),
    (i) => api.crypto.encrypt(blobs[i & 63], key),
    (i) => api.validation.checkJSON(texts[i & 63]),
    (i) => api.validation.checkJSON(blobs[i & 63]), // invalid: concatenated JSON
    (i) => api.decodeRecord(records[i & 63]),
    (i) => api.encodeRecord({ i, t: texts[i & 63] }),
    () => api.decodeEnvelope(envBuf),
    () => expectThrow(() => api.memoryOps.decompress(garbage)),
    (i) => expectThrow(() => api.crypto.decrypt(sealed[i & 63], Buffer.alloc(32))),
    () => expectThrow(() => api.astParser.parseJSON('{"a": [1, 2,, 3]}')),
    () => expectThrow(() => api.compression.inflate(garbage)),
    () => expectThrow(() => api.memoryOps.decompress(packed[1], { maxOutputLength: 10 })),
    () => expectThrow(() => api.stringOps.fastHash(42)),
    (i) => api.validation.validateRegex(`(a|b)+${i & 7}[x-z]`, 'u'),
  ];

  // node:zlib's sync calls free a failed stream on the next tick (destroy()
  // defers), so a purely synchronous loop would hold every failure's ~16 KiB
  // until it ends. Hosts run on an event loop: yield every 200 calls, as
  // they would, and before each measurement.
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const measure = async () => {
    await tick();
    for (let i = 0; i < 4; i++) global.gc();
    await tick();
    const m = process.memoryUsage();
    return { rss: m.rss, heap: m.heapUsed, external: m.external, wasm: wasmBytes() };
  };
  const run = async (from, to) => {
    for (let i = from; i < to; i++) {
      ops[i % ops.length](i);
      if (i % 200 === 199) await tick();
    }
  };

  const t0 = Date.now();
  // A quarter of the calls first: allocators (glibc arenas under node:zlib)
  // reach their high-water mark there, so what follows is growth, not warm-up.
  const warm = Math.floor(opts.calls / 4);
  await run(0, warm);
  const before = await measure();
  const points = [];
  const steps = 5;
  for (let s = 0; s < steps; s++) {
    await run(warm + Math.floor((s * opts.calls) / steps), warm + Math.floor(((s + 1) * opts.calls) / steps));
    points.push(await measure());
  }
  const after = points[points.length - 1];
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const growth = after.rss - before.rss;
  const wasmGrowth = after.wasm - before.wasm;
  const line =
    `${opts.backend}: ${opts.calls} calls (+${warm} warm-up, ${caught} errors caught) in ${secs} s; ` +
    `RSS ${MiB(before.rss)} -> ${MiB(after.rss)} MiB (${growth >= 0 ? '+' : ''}${MiB(growth)}), ` +
    `by fifths ${points.map((p) => MiB(p.rss)).join(' ')}; heap ${MiB(before.heap)} -> ${MiB(after.heap)} MiB; ` +
    `external ${MiB(before.external)} -> ${MiB(after.external)} MiB` +
    (opts.backend === 'wasm' ? `; wasm memory ${MiB(before.wasm)} -> ${MiB(after.wasm)} MiB (${instances.length} instance(s))` : '');
  console.log(line);
  const bad = [];
  if (growth > RSS_BOUND) bad.push(`RSS grew ${MiB(growth)} MiB (bound ${MiB(RSS_BOUND)})`);
  if (wasmGrowth > WASM_BOUND) bad.push(`wasm memory grew ${MiB(wasmGrowth)} MiB (bound ${MiB(WASM_BOUND)})`);
  if (bad.length) {
    console.error(`${opts.backend}: LEAK? ${bad.join('; ')}`);
    process.exit(1);
  }
}

const opts = parseArgs(process.argv.slice(2));
if (opts.backend) {
  child(opts).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
else parent(opts);
