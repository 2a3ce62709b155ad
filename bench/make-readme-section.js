#!/usr/bin/env node
'use strict';
// `node bench/make-readme-section.js [bench/results.json] [--write]`
//
// Writes the performance pages from a bench run; everything generated comes
// from the results file, nothing is typed by hand:
//
// - bench/README.md: the full report (the machine, the goals with their
//   measured figures, the context for the misses, the time `require` adds,
//   the chart, the ratios of the default backend and of every backend, the
//   notes). Only the part between `<!-- bench:start -->` and
//   `<!-- bench:end -->` is replaced: the hand-written text around it stays.
//   A missing bench/README.md is created with a title and the markers.
// - bench/README-section.md: the README's short summary (the machine, the
//   goals table, the chart, a link to bench/README.md).
// - with --write, also README.md: the summary replaces what is between the
//   same two markers there.
//
// Links are written relative to the page they are in (`ratios.svg` in
// bench/README.md, `bench/ratios.svg` in README.md).

const fs = require('node:fs');
const path = require('node:path');
const { checkGoals } = require('../lib/cli/bench-goals');

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const BENCH = __dirname;
const ROOT = path.join(__dirname, '..');
const FULL = path.join(BENCH, 'README.md');
const SUMMARY = path.join(BENCH, 'README-section.md');
const README = path.join(ROOT, 'README.md');

const args = process.argv.slice(2);
const write = args.includes('--write');
const unknown = args.filter((a) => a.startsWith('-') && a !== '--write');
if (unknown.length > 0) {
  process.stderr.write(`unknown option ${unknown.join(', ')}\nusage: node bench/make-readme-section.js [bench/results.json] [--write]\n`);
  process.exit(2);
}
const file = path.resolve(args.find((a) => !a.startsWith('-')) || path.join(BENCH, 'results.json'));
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const m = results.machine;

const t = (ns) =>
  !Number.isFinite(ns) ? '–' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;
const x = (r) => (!Number.isFinite(r) ? '–' : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`);
const bold = (r, s) => (Number.isFinite(r) && r < 0.9 ? `*${s}*` : s);
/** A link target for `target` as seen from a page in folder `from`. */
const rel = (from, target) => path.relative(from, target).split(path.sep).join('/');

// Where the dispatch table this run used came from (it is recorded in the results).
const src = (results.thresholds && results.thresholds._source) || {};
const routedFrom = src.runs
  ? `derived before this run from ${src.runs.length} full run${src.runs.length > 1 ? 's' : ''} on this machine (${src.runs.map((r) => r.slice(11, 16)).join(', ')} UTC; kept in bench/runs/, re-derive with \`node scripts/derive-thresholds.js bench/runs/*.json\`; the table says which ratios justify each entry)`
  : 're-derived by `node scripts/derive-thresholds.js bench/results.json`';

/** The machine and method paragraph, then the chart, for a page in folder `from`. */
function machine(from) {
  return [
    `Measured with \`npm run bench\` (\`cfn-accel bench\`) on ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, Node ${m.node} (${m.platform}), ${m.date.slice(0, 16).replace('T', ' ')} UTC, load average ${m.loadavg.map((v) => v.toFixed(2)).join(' / ')} at the end (${(m.loadavgStart || m.loadavg).map((v) => v.toFixed(2)).join(' / ')} at the start): a shared 2-core machine, so small differences are noise. Best-of-batches timing (batches of ~5 ms, the best per-call time). The default backend here is **${results.defaultBackend}**, routed per primitive and input size to plain JS where plain JS measured faster: \`lib/thresholds.json\`, ${routedFrom}. Raw data: [${rel(ROOT, file)}](${rel(from, file)}).`,
    '',
    `![ratios of the default backend against the best alternative, per operation and input size](${rel(from, path.join(BENCH, 'ratios.svg'))})`,
    '',
  ];
}

function goals() {
  const lines = ['| goal | measured | |', '|---|---|---|'];
  for (const g of results.goals || checkGoals(results)) {
    lines.push(`| ${g.goal} | ${g.figure} | ${g.met === null ? 'not measured' : g.met ? 'met' : '**missed**'} |`);
  }
  lines.push('');
  return lines;
}

// Figures the misses are explained by, from the same run.
const pick = (label, size) => results.cases.find((c) => c.label === label && c.sizeLabel === size);
const vs = (label, size, impl, alt) => {
  const c = pick(label, size);
  return c && Number.isFinite(c.ns[impl]) && Number.isFinite(c.ns[alt]) ? x(c.ns[alt] / c.ns[impl]) : 'not measured';
};
const nsOf = (label, size, impl) => {
  const c = pick(label, size);
  return c ? t(c.ns[impl]) : 'not measured';
};

function context() {
  const lines = ['Context for the misses, from the same run:', ''];
  lines.push(
    `- LZ4: our frames carry a content size and a content checksum (xxHash32 over the data) that decoding verifies; \`lz4-napi\`'s \`compressSync\` writes a size-prefixed block with neither. Against its frame API (\`compressFrameSync\` / \`decompressFrameSync\`) the default backend measures ${vs('memoryOps.compress (LZ4 frame)', '64 KiB', 'default', 'lz4-napi compressFrameSync')} / ${vs('memoryOps.decompress (LZ4 frame)', '64 KiB', 'default', 'lz4-napi decompressFrameSync')} at 64 KiB and ${vs('memoryOps.compress (LZ4 frame)', '1 MiB', 'default', 'lz4-napi compressFrameSync')} / ${vs('memoryOps.decompress (LZ4 frame)', '1 MiB', 'default', 'lz4-napi decompressFrameSync')} at 1 MiB (compress / decompress).`,
  );
  lines.push(
    `- Short hashes: a call into the native addon costs more than hashing 19 bytes. Native xxh64 of 19 bytes takes ${nsOf('stringOps.xxh64 (bytes)', '19 ch', 'native')}, \`@node-rs/xxhash\` ${nsOf('stringOps.xxh64 (bytes)', '19 ch', '@node-rs/xxhash')}, plain JS ${nsOf('stringOps.xxh64 (bytes)', '19 ch', 'js')}, the wasm build ${nsOf('stringOps.xxh64 (bytes)', '19 ch', 'wasm')}; the default routes inputs below the measured crossover to plain JS.`,
  );
  lines.push(
    `- AES-256-GCM and MD5 on larger inputs: Node's OpenSSL is faster than the Rust crates (encrypt 1 MiB: native ${nsOf('crypto.encrypt', '1 MiB', 'native')}, node:crypto ${nsOf('crypto.encrypt', '1 MiB', 'node:crypto')}), so the default routes them to node:crypto from the sizes in \`lib/thresholds.json\` (AES-GCM from 64 KiB, MD5 from 1 KiB in this table).`,
  );
  const str = pick('validation.validateJSON (string)', '1 MiB');
  const byt = pick('validation.validateJSON (bytes)', '1 MiB');
  const r = str && byt ? x(str.ns['JSON.parse'] / byt.ns.default) : 'not measured';
  lines.push(
    `- validateJSON on a string: the native backend has TextEncoder#encodeInto write the string's UTF-8 into a reused buffer and checks those bytes (lib/backends/text.js); the same ~1 MiB document given as bytes takes ${nsOf('validation.validateJSON (bytes)', '1 MiB', 'default')} against ${nsOf('validation.validateJSON (string)', '1 MiB', 'default')} for the string (bytes: ${r} against \`JSON.parse\` on the string).`,
  );
  lines.push('');
  if (results.requireTime) {
    const q = results.requireTime;
    lines.push(
      `Time \`require('cfn-accel')\` adds (fresh processes, best of ${q.runs}, minus a bare \`node\` start of ${q.bare.toFixed(1)} ms): native ${q.native.toFixed(1)} ms, wasm ${q.wasm.toFixed(1)} ms, js ${q.js.toFixed(1)} ms, default ${q.default.toFixed(1)} ms.`,
    );
    lines.push('');
  }
  return lines;
}

function ratios() {
  const lines = [];
  lines.push(
    'Ratio = the reference time divided by ours: above 1x we are faster. The reference is the fastest alternative listed (per size, so it can change along a row), or plain JS (the js backend) where there is no alternative. *Italics*: below 0.9x.',
  );
  lines.push('');
  // The default backend, one row per operation, one column per input size.
  const SIZES = ['19 ch', '64 B', '256 B', '1 KiB', '64 KiB', '1 MiB'];
  const rows = new Map();
  for (const c of results.cases) {
    const col = SIZES.includes(c.sizeLabel) ? c.sizeLabel : 'one input';
    if (!rows.has(c.label)) rows.set(c.label, { cells: {}, refs: new Set(), note: col === 'one input' && c.size ? `${c.sizeLabel} input` : '' });
    const row = rows.get(c.label);
    row.cells[col] = c.ratios.default;
    row.refs.add(c.bestAlt || 'plain JS');
  }
  const cols = [...SIZES, 'one input'].filter((col) => [...rows.values()].some((r) => col in r.cells));
  lines.push(`**Default backend (${results.defaultBackend}, routed)**`);
  lines.push('');
  lines.push(`| operation | ${cols.join(' | ')} | against |`);
  lines.push(`|---|${cols.map(() => '---:').join('|')}|---|`);
  for (const [label, row] of rows) {
    const cells = cols.map((col) => (col in row.cells ? bold(row.cells[col], x(row.cells[col])) : ''));
    lines.push(`| ${label} | ${cells.join(' | ')} | ${[...row.refs].join(', ')}${row.note ? ` (${row.note})` : ''} |`);
  }
  lines.push('');
  const impls = results.backends;
  lines.push('<details><summary>Every backend, with the reference times</summary>');
  lines.push('');
  lines.push(`| operation | size | ${impls.join(' | ')} | reference (time) |`);
  lines.push(`|---|---|${impls.map(() => '---:').join('|')}|---|`);
  for (const c of results.cases) {
    const cells = impls.map((i) => bold(c.ratios[i], x(c.ratios[i])));
    lines.push(`| ${c.label} | ${c.sizeLabel || '–'} | ${cells.join(' | ')} | ${c.bestAlt || 'plain JS'} (${t(c.ns[c.reference])}) |`);
  }
  lines.push('');
  lines.push('</details>');
  lines.push('');
  lines.push('Notes:');
  for (const n of results.notes || []) lines.push(`- ${n}`);
  lines.push('');
  return lines;
}

// bench/README.md's generated part: under the page's `# Performance` title.
const full = [...machine(BENCH), '## Goals', '', ...goals(), ...context(), '## Ratios', '', ...ratios()];

// The README's summary: the whole `## Performance` section of README.md.
const summary = [
  '## Performance',
  '',
  ...machine(ROOT),
  ...goals(),
  `The context for the misses, the time \`require\` adds, the ratios of every operation on every backend with the reference times, and notes on earlier performance work are in [bench/README.md](${rel(ROOT, FULL)}).`,
  '',
];

/** `text` with what is between the bench markers replaced by `lines`; throws when the markers are not there once each, in order. */
function splice(text, lines, name) {
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < 0 || b < a || text.indexOf(START, a + 1) >= 0 || text.indexOf(END, b + 1) >= 0) {
    throw new Error(`${name}: needs one \`${START}\` line and, after it, one \`${END}\` line around the generated part`);
  }
  return `${text.slice(0, a + START.length)}\n\n${lines.join('\n').replace(/\n+$/, '')}\n\n${text.slice(b)}`;
}

const written = [];
function save(target, text) {
  if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text) return;
  fs.writeFileSync(target, text);
  written.push(rel(process.cwd(), target));
}

try {
  const page = fs.existsSync(FULL) ? fs.readFileSync(FULL, 'utf8') : `# Performance\n\n${START}\n${END}\n`;
  save(FULL, splice(page, full, rel(ROOT, FULL)));
  save(
    SUMMARY,
    `<!-- README.md's performance section, from bench/make-readme-section.js (\`--write\` puts it between README.md's bench markers); its links are relative to the repository root, so they resolve only there -->\n\n${summary.join('\n')}`,
  );
  if (write) save(README, splice(fs.readFileSync(README, 'utf8'), summary, 'README.md'));
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
process.stdout.write(written.length > 0 ? `wrote ${written.join(', ')}\n` : 'nothing changed\n');
