'use strict';
// The native addon and the wasm backend in several worker_threads at once:
// four workers per backend, each loading the package itself (the backend
// forced through its own environment), each computing hashes, compression
// round trips, JSON checks and records on its own fixed data; every result is
// compared with the main thread's. Then workers that end (or are terminated)
// while another worker is still calling into the addon.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const api = require('../..');
const { load } = require('../../lib/loader');
const { createApi } = require('../../lib/api');
const { rng } = require('../helpers');

/** The API over `backend`, loaded in this (the main) thread, as index.js does. */
function mainApi(backend) {
  return createApi(load({ ...process.env, CFN_ACCEL_BACKEND: backend }));
}
const HASHES = ['fnv', 'xxh64', 'xxh3', 'sha256', 'md5'];

const PKG = path.join(__dirname, '..', '..');

// The work each thread does, as source shared by the main thread and the
// workers (so both compute exactly the same thing).
const WORK = `
${rng}
function inputs(seed) {
  const r = rng(seed);
  const words = ['agent', 'task', 'swarm', 'ü', '😀', '{', '}', '"', '0', ' '];
  const texts = [];
  for (let i = 0; i < 24; i++) {
    let s = 'seed ' + seed + ' #' + i + ' ';
    const n = Math.floor(r() * 3000);
    while (s.length < n) s += words[Math.floor(r() * words.length)];
    texts.push(s);
  }
  return texts;
}
function work(api, seed, rounds) {
  const texts = inputs(seed);
  const out = [];
  for (let round = 0; round < rounds; round++) {
    for (const s of texts) {
      const b = Buffer.from(s);
      const packed = api.memoryOps.compress(b);
      const gz = api.compression.gzip(b);
      const rec = api.encodeRecord({ s, round });
      if (round > 0) {
        // Later rounds only re-check: the work repeats to overlap in time.
        if (!api.memoryOps.decompress(packed).equals(b)) throw new Error('lz4 round trip failed');
        if (!api.compression.gunzip(gz).equals(b)) throw new Error('gzip round trip failed');
        continue;
      }
      out.push({
        fnv: api.stringOps.fastHash(s),
        xxh64: String(api.stringOps.xxh64(s, BigInt(seed))),
        xxh3: String(api.stringOps.xxh3(b)),
        sha256: api.crypto.hashSHA256(s, { encoding: 'hex' }),
        md5: api.crypto.hashMD5(b, { encoding: 'hex' }),
        lz4: api.memoryOps.decompress(packed).equals(b),
        lz4Frame: packed.toString('base64'),
        gzip: api.compression.gunzip(gz).equals(b),
        inflate: api.compression.inflate(api.compression.deflate(b)).toString('utf8') === s,
        json: api.validation.checkJSON(s),
        jsonOk: api.validation.checkJSON(JSON.stringify({ s })).valid,
        record: api.decodeRecord(rec).s === s,
        decrypt: api.crypto.decrypt(api.crypto.encrypt(b, Buffer.alloc(32, seed)), Buffer.alloc(32, seed)).equals(b),
      });
    }
  }
  return { backend: api.backend, out };
}
`;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
process.env.CFN_ACCEL_BACKEND = workerData.backend;
const api = require(workerData.pkg);
${WORK}
if (workerData.exitEarly) {
  // Load, make one call, and end while others keep working.
  api.stringOps.fastHash('x');
  api.memoryOps.compress(Buffer.alloc(1000));
  parentPort.postMessage({ backend: api.backend, done: true });
  process.exit(0);
}
parentPort.postMessage(work(api, workerData.seed, workerData.rounds));
`;

// The main thread's own copy of the work function.
// eslint-disable-next-line no-new-func
const mainWork = new Function(`${WORK}; return work;`)();

function runWorker(backend, seed, rounds, extra = {}) {
  const w = new Worker(WORKER, {
    eval: true,
    workerData: { backend, seed, rounds, pkg: PKG, ...extra },
    env: { ...process.env, CFN_ACCEL_BACKEND: backend },
  });
  const result = new Promise((resolve, reject) => {
    let message;
    w.on('message', (m) => (message = m));
    w.on('error', reject);
    w.on('exit', (code) => (message ? resolve(message) : reject(new Error(`${backend} worker ${seed} exited with ${code} and no result`))));
  });
  return { worker: w, result };
}

const SEEDS = [11, 22, 33, 44];

for (const backend of ['native', 'wasm']) {
  test(`four ${backend} workers at once give the main thread's results`, async () => {
    const main = mainApi(backend);
    assert.equal(main.backend, backend);
    const runs = SEEDS.map((seed) => runWorker(backend, seed, 6));
    const results = await Promise.all(runs.map((r) => r.result));
    for (let i = 0; i < SEEDS.length; i++) {
      const got = results[i];
      assert.equal(got.backend, backend, 'the worker loaded the forced backend');
      const want = mainWork(main, SEEDS[i], 1);
      // Hashes are bit-identical across backends too: check against the
      // package's default backend as well.
      const other = mainWork(api, SEEDS[i], 1);
      for (let j = 0; j < want.out.length; j++) {
        for (const h of HASHES) assert.equal(got.out[j][h], other.out[j][h], `${h} vs ${api.backend}`);
      }
      assert.equal(got.out.length, want.out.length);
      for (let j = 0; j < want.out.length; j++) {
        const g = got.out[j];
        const w = want.out[j];
        // Compressed bytes may differ between backends; each must decode here.
        const frame = Buffer.from(g.lz4Frame, 'base64');
        assert.deepEqual(api.memoryOps.decompress(frame), api.memoryOps.decompress(Buffer.from(w.lz4Frame, 'base64')));
        delete g.lz4Frame;
        delete w.lz4Frame;
        assert.deepEqual(g, w, `${backend} worker seed ${SEEDS[i]} item ${j}`);
        for (const k of ['lz4', 'gzip', 'inflate', 'record', 'decrypt', 'jsonOk']) assert.equal(g[k], true, k);
      }
    }
  });
}

test('workers that end or are terminated while others still use the addon', async () => {
  for (const backend of ['native', 'wasm']) {
    const busy = [runWorker(backend, 55, 40), runWorker(backend, 66, 40)];
    // Workers that load the backend and exit at once, several times over,
    // while the busy ones are mid-way.
    for (let i = 0; i < 3; i++) {
      const quick = runWorker(backend, 70 + i, 1, { exitEarly: true });
      assert.deepEqual(await quick.result, { backend, done: true });
    }
    // One terminated from outside in the middle of its work.
    const doomed = runWorker(backend, 77, 1000);
    await new Promise((r) => setTimeout(r, 50));
    await doomed.worker.terminate();
    await doomed.result.catch(() => {}); // no result: it was stopped
    const [a, b] = await Promise.all(busy.map((r) => r.result));
    const main = mainApi(backend);
    for (const [got, seed] of [[a, 55], [b, 66]]) {
      const want = mainWork(main, seed, 1);
      for (const x of [got, want]) for (const o of x.out) delete o.lz4Frame;
      assert.deepEqual(got.out, want.out, `${backend} seed ${seed}`);
    }
  }
  // The main thread is unaffected.
  const r = rng(1);
  const data = Buffer.from(Array.from({ length: 5000 }, () => Math.floor(r() * 4)));
  assert.deepEqual(api.memoryOps.decompress(api.memoryOps.compress(data)), data);
});
