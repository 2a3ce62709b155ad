'use strict';
// `cfn-accel bench [--json] [--filter RE] [--quick] [--out DIR]`: every public
// operation on every backend that loads here (native, wasm, js, and the
// default routed API), next to the alternatives a user would pick, at
// several input sizes. Progress goes to stderr; the table (or JSON) to stdout.

const { parseArgs } = require('node:util');
const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { cfnError } = require('../errors');

const usage = `Usage: cfn-accel bench [--json] [--filter RE] [--quick] [--out DIR] [--no-require]

Times every public operation on every backend that loads here (the default
routed API, and native, wasm and js forced), at 64 B, 1 KiB, 64 KiB and 1 MiB
where sizes apply (hashes also at 19 characters and 256 B), next to what a
user would use instead: V8's JSON, node:crypto, node:zlib, lz4-napi, lz4js,
hash-wasm, xxhash-wasm, @node-rs/xxhash, oxc-parser, @swc/core,
@babel/parser, acorn (dev dependencies; a missing one is skipped).

Timing: batches of about 5 ms (up to 300 ms of them; --quick: 40 ms), the
best per-call time over the batches.
Ratios: the best alternative's time divided by ours (above 1: we are
faster); where there is no alternative, plain JS (the js backend) is the
reference. Also measured: the time require('cfn-accel') adds per backend,
in fresh processes (best of 10, minus a bare node start).

Options:
  --json         print the results as one JSON document
  --filter RE    only operations whose label matches RE (case-insensitive)
  --quick        shorter batches (noisier; for development)
  --out DIR      also write DIR/results.json and DIR/ratios.svg
  --no-require   skip the require-time measurement
  -h, --help     show this help
`;

const IMPLS = ['default', 'native', 'wasm', 'js'];

/** Our APIs side by side: the default one and each backend forced. */
function loadApis() {
  const { createApi } = require('../api');
  const apis = { default: require('../..') };
  const loaders = {
    native: () => require('../backends/native').loadNative(),
    wasm: () => require('../backends/wasm').loadWasm(),
    js: () => require('../backends/js'),
  };
  const skipped = {};
  for (const [name, load] of Object.entries(loaders)) {
    try {
      apis[name] = createApi({ backend: load(), forced: true, loadErrors: [] });
    } catch (e) {
      skipped[name] = e.message.split('\n')[0];
    }
  }
  return { apis, skipped };
}

function cpuModel() {
  const cpus = os.cpus();
  return cpus.length ? cpus[0].model.trim() : 'unknown';
}

function machine() {
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform}-${process.arch}`,
    loadavg: os.loadavg(),
    date: new Date().toISOString(),
  };
}

/**
 * Time `require` adds per backend: fresh processes, best of `runs` wall
 * times minus the best bare node start. Each child also reports the time
 * its own `require` call took (`inProcess`), which start-up noise does not blur.
 */
function requireTimes(root, runs = 10) {
  const timed = `const t=process.hrtime.bigint();require(${JSON.stringify(root)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const kinds = { bare: ['0', {}], native: [timed, { CFN_ACCEL_BACKEND: 'native' }], wasm: [timed, { CFN_ACCEL_BACKEND: 'wasm' }], js: [timed, { CFN_ACCEL_BACKEND: 'js' }], default: [timed, { CFN_ACCEL_BACKEND: '' }] };
  const wall = {};
  const inner = {};
  for (const k of Object.keys(kinds)) {
    wall[k] = Infinity;
    inner[k] = Infinity;
  }
  // Round robin, so a burst of load on the shared machine hits every kind alike.
  for (let i = 0; i < runs; i++) {
    for (const [k, [code, env]] of Object.entries(kinds)) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, ['-e', code], { env: { ...process.env, ...env }, encoding: 'utf8' });
      const t = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) {
        wall[k] = NaN;
        continue;
      }
      wall[k] = Math.min(wall[k], t);
      const v = parseFloat(r.stdout);
      if (Number.isFinite(v)) inner[k] = Math.min(inner[k], v);
    }
  }
  const out = { runs, bare: wall.bare, inProcess: {} };
  for (const k of ['native', 'wasm', 'js', 'default']) {
    out[k] = wall[k] - wall.bare;
    out.inProcess[k] = inner[k];
  }
  return out;
}

const fmtTime = (ns) =>
  !Number.isFinite(ns) ? '-' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`;
const fmtRatio = (r) => (!Number.isFinite(r) ? '-' : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`);

/** Runs the cases; returns the results document. */
async function runBench({ filter, quick, withRequire, progress }) {
  const root = path.join(__dirname, '..', '..');
  const { buildCases, loadPeers, sizeLabel } = require('./bench-cases');
  const { measure } = require('./bench-timer');
  const { checkGoals } = require('./bench-goals');
  // Fresh processes first, while this one has loaded nothing and run
  // nothing: measured last, after minutes of cases, the bare node start
  // alone came out 73 ms against 58 ms measured on its own.
  let requireTime;
  if (withRequire) {
    progress('require time (fresh processes)');
    requireTime = requireTimes(root);
  }
  const { apis, skipped } = loadApis();
  const peers = await loadPeers();
  const peerNames = {
    'lz4-napi': peers.lz4napi, lz4js: peers.lz4js, '@node-rs/xxhash': peers.nrsXxhash, 'xxhash-wasm': peers.xxhashWasm,
    'hash-wasm': peers.hashWasm, 'oxc-parser': peers.oxc, '@swc/core': peers.swc, '@babel/parser': peers.babel, acorn: peers.acorn,
  };
  const missingPeers = Object.keys(peerNames).filter((k) => !peerNames[k]);
  let cases = buildCases(peers, root);
  if (filter) cases = cases.filter((c) => filter.test(c.label));
  // Full runs: many ~5 ms batches, so that some land between the neighbours'
  // time slices on a shared machine (the best one is what counts).
  const timing = quick ? { budgetMs: 40, minBatches: 3, targetMs: 5 } : { budgetMs: 300, minBatches: 8, maxBatches: 80, targetMs: 5 };
  const loadStart = os.loadavg();
  const startedAt = Date.now();
  const out = [];
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const label = `${c.label}${c.size != null ? ` ${sizeLabel(c.sizeClass ?? c.size)}` : ''}`;
    progress(`[${i + 1}/${cases.length}] ${label}`);
    const ns = {};
    const errors = {};
    for (const impl of IMPLS) {
      if (!apis[impl]) continue;
      try {
        ns[impl] = measure(c.ours(apis[impl]), timing).ns;
      } catch (e) {
        errors[impl] = e.message;
      }
    }
    for (const [name, fn] of Object.entries(c.alts)) {
      try {
        ns[name] = measure(fn, timing).ns;
      } catch (e) {
        errors[name] = e.message;
      }
    }
    const altNames = Object.keys(c.alts).filter((n) => Number.isFinite(ns[n]));
    const bestAlt = altNames.length ? altNames.reduce((a, b) => (ns[a] <= ns[b] ? a : b)) : null;
    const reference = bestAlt || 'js';
    const ratios = {};
    const vsJs = {};
    for (const impl of IMPLS) {
      if (!Number.isFinite(ns[impl])) continue;
      if (Number.isFinite(ns[reference])) ratios[impl] = ns[reference] / ns[impl];
      if (Number.isFinite(ns.js)) vsJs[impl] = ns.js / ns[impl];
    }
    out.push({
      label: c.label,
      op: c.op,
      variant: c.variant || undefined,
      prim: c.prim,
      size: c.size ?? null,
      dsize: c.dsize ?? c.size ?? null,
      sizeClass: c.sizeClass ?? c.size ?? null,
      sizeLabel: sizeLabel(c.sizeClass ?? c.size),
      alts: Object.keys(c.alts),
      bestAlt,
      reference,
      ns,
      ratios,
      vsJs,
      errors: Object.keys(errors).length ? errors : undefined,
    });
  }
  const m = machine();
  m.loadavgStart = loadStart;
  const results = {
    tool: 'cfn-accel bench',
    version: require('../../package.json').version,
    machine: m,
    quick: Boolean(quick),
    filter: filter ? filter.source : null,
    seconds: Math.round((Date.now() - startedAt) / 1000),
    defaultBackend: apis.default.backend,
    backends: IMPLS.filter((n) => apis[n]),
    skippedBackends: skipped,
    missingPeers,
    thresholds: require('../dispatch').THRESHOLDS,
    notes: [
      'ns: best per-call time in nanoseconds over batches of ~5 ms (up to 300 ms of batches per measurement; --quick: 40 ms).',
      'ratios: reference time / ours, where the reference is the best alternative, or plain JS (the js backend) when there is none. vsJs: js backend time / ours.',
      'brotli at quality 6 on both sides; gzip and deflate at level 6.',
      'lz4-napi compressSync writes its block format with a size prefix, not an LZ4 frame; compressFrameSync is its frame API.',
    ],
    cases: out,
  };
  if (requireTime) results.requireTime = requireTime;
  results.goals = checkGoals(results);
  return results;
}

function formatTable(results) {
  const impls = results.backends;
  const head = ['operation', 'size', ...impls, 'best alternative', ...impls.map((i) => `${i} ratio`)];
  const rows = results.cases.map((c) => [
    c.label,
    c.sizeLabel || '-',
    ...impls.map((i) => fmtTime(c.ns[i])),
    c.bestAlt ? `${c.bestAlt} ${fmtTime(c.ns[c.bestAlt])}` : '(plain JS)',
    ...impls.map((i) => fmtRatio(c.ratios[i])),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((v, i) => (i < 2 || i === impls.length + 2 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
  const m = results.machine;
  const lines = [
    `cfn-accel ${results.version} bench: default backend ${results.defaultBackend}; ${m.cpu}, ${m.cores} cores, node ${m.node}, load ${m.loadavg.map((v) => v.toFixed(2)).join(' ')}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    'ratio = reference time / ours (above 1x: faster than the best alternative, or than plain JS where there is none)',
  ];
  if (results.requireTime) {
    const r = results.requireTime;
    const ip = r.inProcess || {};
    const f = (v) => (Number.isFinite(v) ? v.toFixed(1) : '-');
    lines.push(`require adds: native ${f(r.native)} ms, wasm ${f(r.wasm)} ms, js ${f(r.js)} ms, default ${f(r.default)} ms (wall, minus bare node ${f(r.bare)} ms; best of ${r.runs})`);
    lines.push(`  timed inside the process: native ${f(ip.native)} ms, wasm ${f(ip.wasm)} ms, js ${f(ip.js)} ms, default ${f(ip.default)} ms`);
  }
  lines.push('', 'goals:');
  for (const g of results.goals) lines.push(`  ${g.met === null ? '?   ' : g.met ? 'met ' : 'MISS'}  ${g.goal}: ${g.figure}`);
  return `${lines.join('\n')}\n`;
}

/** @param {string[]} argv @returns {Promise<number>} */
async function run(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      filter: { type: 'string' },
      quick: { type: 'boolean' },
      out: { type: 'string' },
      'no-require': { type: 'boolean' },
    },
  });
  let filter = null;
  if (values.filter !== undefined) {
    try {
      filter = new RegExp(values.filter, 'i');
    } catch (e) {
      throw cfnError('ERR_CFN_USAGE', `--filter is not a valid regular expression: ${e.message}`);
    }
  }
  const tty = process.stderr.isTTY;
  const progress = (msg) => {
    if (tty) process.stderr.write(`\r\x1b[K${msg}`);
    else process.stderr.write(`${msg}\n`);
  };
  const results = await runBench({ filter, quick: values.quick, withRequire: !values['no-require'] && !filter, progress });
  if (tty) process.stderr.write('\r\x1b[K');
  process.stderr.write(`done in ${results.seconds} s\n`);
  if (values.out) {
    fs.mkdirSync(values.out, { recursive: true });
    fs.writeFileSync(path.join(values.out, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
    fs.writeFileSync(path.join(values.out, 'ratios.svg'), require('./bench-svg').ratioChart(results));
  }
  process.stdout.write(values.json ? `${JSON.stringify(results, null, 1)}\n` : formatTable(results));
  return 0;
}

module.exports = { usage, run, runBench, formatTable, requireTimes };
