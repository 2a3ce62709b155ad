#!/usr/bin/env node
'use strict';
// `node scripts/derive-thresholds.js bench/results.json [more runs.json...] [--out lib/thresholds.json] [--dry-run]`
//
// With several runs, each size's ratio is the median over the runs (one
// run on a shared machine can be off by 2x at a single point).
// Re-derives the adaptive-dispatch table (lib/thresholds.json, read by
// lib/dispatch.js) from a `cfn-accel bench --json` run: for each backend
// primitive and each of native and wasm, the input sizes where the plain-JS
// backend was measured faster than that backend, with the ratios that
// justify each entry. Sizes between two measured sizes go with the larger
// one (JS up to, not including, the first size where the backend won).
// Plain JS must win by MARGIN: within 5% the two are one measurement's noise
// apart on a shared machine, and flipping the route on noise helps no one.

const fs = require('node:fs');
const path = require('node:path');

// Never routed to JS: the JS backend's syntax primitives run on Babel, an
// optional dependency (and its AST is Babel's, not swc's: the one documented
// difference between backends); hasThreads is no work.
const NEVER = new Set(['jsParse', 'jsValidate', 'jsOutline', 'hasThreads', 'validateFiles']);
const BACKENDS = ['native', 'wasm'];
const MARGIN = 0.95;

const label = (n) => (n === 19 ? '19 ch' : n >= 1048576 ? `${+(n / 1048576).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} B`);
const x = (r) => `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`;

/**
 * The table for one or more bench runs: {native: {prim: entry}, wasm: {...}, _source}.
 * @param {object|object[]} runs bench JSON documents
 */
function derive(runs) {
  const all = Array.isArray(runs) ? runs : [runs];
  const results = all[0];
  const describe = (r) => `${r.machine.date} (load ${(r.machine.loadavg || []).map((v) => v.toFixed(2)).join(' ')}${r.quick ? ', --quick' : ''})`;
  const table = {
    _source: {
      what: 'where plain JS beat the backend; derived by scripts/derive-thresholds.js, read by lib/dispatch.js',
      machine: results.machine && `${results.machine.cpu}, ${results.machine.cores} cores, node ${results.machine.node}`,
      runs: all.filter((r) => r.machine).map(describe),
      ratios: all.length > 1 ? 'median over the runs of the backend speed relative to plain JS' : 'backend speed relative to plain JS',
    },
  };
  const median = (xs) => {
    const v = [...xs].sort((a, b) => a - b);
    const m = v.length >> 1;
    return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  };
  for (const be of BACKENDS) {
    // prim -> size -> [per run: speed of the backend relative to js]
    const byPrim = new Map();
    all.forEach((run, ri) => {
      if (!run.backends.includes(be) || !run.backends.includes('js')) return;
      for (const c of run.cases) {
        // dsize: the input's .length, which is what lib/dispatch.js compares.
        const size = c.dsize ?? c.size;
        if (!c.prim || NEVER.has(c.prim) || size == null) continue;
        const tb = c.ns[be];
        const tj = c.ns.js;
        if (!Number.isFinite(tb) || !Number.isFinite(tj)) continue;
        if (!byPrim.has(c.prim)) byPrim.set(c.prim, new Map());
        const sizes = byPrim.get(c.prim);
        if (!sizes.has(size)) sizes.set(size, new Map());
        // Several cases of one run may share a primitive and size: the backend's worst.
        const perRun = sizes.get(size);
        perRun.set(ri, Math.min(perRun.get(ri) ?? Infinity, tj / tb));
      }
    });
    const entries = {};
    for (const prim of [...byPrim.keys()].sort()) {
      const points = [...byPrim.get(prim)]
        .map(([size, perRun]) => ({ size, speed: median(perRun.values()) }))
        .sort((a, b) => a.size - b.size);
      const jsWins = points.map((p) => p.speed < MARGIN);
      const measured = `${be} speed relative to plain JS: ${points.map((p) => `${x(p.speed)} at ${label(p.size)}`).join(', ')}`;
      // Only runs that reach an end count: plain JS wins below a size (the
      // boundary crossing dominates) or above one (a Node built-in such as
      // OpenSSL or zlib out-runs our crate). A lone win in the middle is a
      // noisy measurement, not a property of the code: it is reported, not routed.
      let lo = 0;
      while (lo < points.length && jsWins[lo]) lo++;
      let hi = points.length;
      while (hi > lo && jsWins[hi - 1]) hi--;
      const ranges = [];
      if (lo > 0) ranges.push([0, lo < points.length ? points[lo].size : null]);
      if (hi < points.length) ranges.push([points[hi].size, null]);
      const ignored = points.filter((p, i) => i >= lo && i < hi && jsWins[i]);
      if (ranges.length === 0) continue;
      const note = ignored.length ? `; not routed (isolated): ${ignored.map((p) => `${x(p.speed)} at ${label(p.size)}`).join(', ')}` : '';
      const why = measured + note;
      if (ranges.length === 1 && ranges[0][0] === 0) {
        entries[prim] = { minSize: ranges[0][1], measured: why };
      } else {
        entries[prim] = { jsRanges: ranges, measured: why };
      }
    }
    table[be] = entries;
  }
  return table;
}

function main(argv) {
  const outAt = argv.indexOf('--out');
  const files = argv.filter((a, i) => !a.startsWith('--') && !(outAt >= 0 && i === outAt + 1));
  if (files.length === 0) {
    process.stderr.write('usage: node scripts/derive-thresholds.js <bench results.json>... [--out FILE] [--dry-run]\n');
    return 2;
  }
  const out = outAt >= 0 ? argv[outAt + 1] : path.join(__dirname, '..', 'lib', 'thresholds.json');
  const results = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')));
  const table = derive(results);
  const text = `${JSON.stringify(table, null, 2)}\n`;
  if (argv.includes('--dry-run')) process.stdout.write(text);
  else {
    fs.writeFileSync(out, text);
    const n = BACKENDS.map((be) => `${be}: ${Object.keys(table[be] || {}).length}`).join(', ');
    process.stderr.write(`wrote ${out} (${n} primitives routed to JS somewhere)\n`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { derive };
