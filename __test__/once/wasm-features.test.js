'use strict';
// The design's detectCapabilities() keys: each is what V8 itself says of a
// module that needs the feature, so true only when really there.

const test = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { wasmFeatures, PROBES, accepts } = require('../../lib/callsites/wasm-features');

const FEATURES = path.join(__dirname, '..', '..', 'lib', 'callsites', 'wasm-features.js');

test('on this Node every probe is a module V8 compiles, and each feature is detected', () => {
  for (const [name, bytes] of Object.entries(PROBES)) {
    assert.ok(new WebAssembly.Module(bytes) instanceof WebAssembly.Module, `${name} compiles`);
  }
  // Node 20's V8 ships SIMD, bulk memory and threads (shared memory, atomics).
  assert.deepEqual(wasmFeatures(), { wasmSupported: true, simdSupported: true, threadsSupported: true, bulkMemorySupported: true });
});

test('each probe depends on its feature\'s instruction: with it replaced, V8 refuses the module', () => {
  const prefix = { simd: 0xfd, bulkMemory: 0xfc, threads: 0xfe };
  for (const [name, op] of Object.entries(prefix)) {
    const bytes = Uint8Array.from(PROBES[name]);
    const at = bytes.lastIndexOf(op);
    assert.ok(at > 8, `${name} uses prefix 0x${op.toString(16)}`);
    bytes[at] = 0xff; // no such opcode
    assert.equal(accepts(bytes), false, name);
  }
  assert.equal(accepts(PROBES.simd, null), false);
  assert.equal(accepts(PROBES.simd, { validate: () => { throw new Error('x'); } }), false);
});

test('without WebAssembly (node --jitless) every key is false', () => {
  const r = spawnSync(process.execPath, ['--jitless', '-e', `console.log(JSON.stringify(require(${JSON.stringify(FEATURES)}).wasmFeatures()))`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { wasmSupported: false, simdSupported: false, threadsSupported: false, bulkMemorySupported: false });
});
