'use strict';
// `cfn-accel bench` (shape of its JSON, never its timings), the chart, and
// scripts/derive-thresholds.js on hand-made results.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { derive } = require('../../scripts/derive-thresholds');
const { ratioChart } = require('../../lib/cli/bench-svg');
const { jsWhen } = require('../../lib/dispatch');

const root = path.join(__dirname, '..', '..');

test('bench --json --filter runs the matching cases on every backend, with alternatives and ratios', () => {
  const out = execFileSync(process.execPath, [path.join(root, 'bin', 'cfn-accel.js'), 'bench', '--json', '--quick', '--no-require', '--filter', '^stringOps\\.xxh64 \\(bytes\\)$'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const r = JSON.parse(out);
  assert.equal(r.tool, 'cfn-accel bench');
  for (const k of ['cpu', 'cores', 'node', 'loadavg', 'date']) assert.ok(k in r.machine, `machine.${k}`);
  assert.ok(r.backends.includes('default') && r.backends.includes('js'));
  assert.deepEqual(r.cases.map((c) => c.size), [19, 32, 64, 256, 1024, 65536, 1048576]);
  for (const c of r.cases) {
    assert.equal(c.label, 'stringOps.xxh64 (bytes)');
    assert.equal(c.prim, 'xxh64');
    for (const b of r.backends) assert.ok(c.ns[b] > 0, `${b} timed`);
    for (const a of c.alts) assert.ok(c.ns[a] > 0, `${a} timed`);
    assert.ok(c.alts.includes(c.bestAlt));
    assert.equal(c.ratios.default, c.ns[c.bestAlt] / c.ns.default);
  }
  const svg = ratioChart(r);
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svg.match(/<rect [^>]*><title>/g) || []).length, r.cases.length, 'one bar per case');
});

test('bench rejects a bad --filter as a usage error', () => {
  assert.throws(
    () => execFileSync(process.execPath, [path.join(root, 'bin', 'cfn-accel.js'), 'bench', '--filter', '('], { stdio: 'pipe' }),
    (e) => e.status === 2 && /--filter/.test(String(e.stderr)),
  );
});

/** Results with one primitive, timed as given: {size: [backend ns, js ns]}. */
function fakeResults(prim, points) {
  return {
    machine: { cpu: 'x', cores: 2, node: 'v20', loadavg: [0, 0, 0], date: '2026-01-01' },
    backends: ['default', 'native', 'wasm', 'js'],
    cases: Object.entries(points).map(([size, [be, js]]) => ({ prim, size: Number(size), ns: { native: be, js } })),
  };
}

test('derive-thresholds: a JS win at small sizes becomes minSize at the first size the backend wins', () => {
  const t = derive(fakeResults('xxh64Str', { 19: [200, 100], 64: [220, 200], 256: [250, 400], 1024: [300, 1200] }));
  assert.equal(t.native.xxh64Str.minSize, 256);
  assert.match(t.native.xxh64Str.measured, /0\.50x at 19 ch, 0\.91x at 64 B, 1\.60x at 256 B/);
  const use = jsWhen(t.native.xxh64Str);
  assert.deepEqual([0, 19, 255, 256, 5000].map(use), [true, true, true, false, false]);
});

test('derive-thresholds: wins at the top become an open range, isolated ones are only reported', () => {
  const t = derive(fakeResults('md5', { 64: [100, 150], 1024: [100, 50], 65536: [100, 150], 1048576: [100, 50] }));
  assert.deepEqual(t.native.md5.jsRanges, [[1048576, null]]);
  assert.match(t.native.md5.measured, /not routed \(isolated\): 0\.50x at 1 KiB/);
});

test('derive-thresholds: within the 5% margin, or a backend win everywhere, routes nothing; a loss everywhere routes all', () => {
  assert.equal(derive(fakeResults('sha256', { 64: [100, 97], 1024: [100, 300] })).native.sha256, undefined);
  assert.equal(derive(fakeResults('bytesFind', { 64: [100, 50], 1024: [100, 60] })).native.bytesFind.minSize, null);
  assert.equal(derive(fakeResults('jsParse', { 64: [100, 50] })).native.jsParse, undefined, 'never routed: Babel AST on js');
});
