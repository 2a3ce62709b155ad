#!/usr/bin/env node
'use strict';
// `node bench/make-readme-section.js [bench/results.json] > bench/README-section.md`
//
// Writes the README's performance section from a bench run: the machine,
// the goals with their measured figures, the chart and a table of ratios.
// Everything in it comes from the results file; nothing is typed by hand.

const fs = require('node:fs');
const path = require('node:path');
const { checkGoals } = require('../lib/cli/bench-goals');

const file = process.argv[2] || path.join(__dirname, 'results.json');
const results = JSON.parse(fs.readFileSync(file, 'utf8'));
const m = results.machine;

const t = (ns) =>
  !Number.isFinite(ns) ? '–' : ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(1)} µs` : `${ns.toFixed(0)} ns`;
const x = (r) => (!Number.isFinite(r) ? '–' : `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x`);
const bold = (r, s) => (Number.isFinite(r) && r < 0.9 ? `*${s}*` : s);

// Where the dispatch table this run used came from (it is recorded in the results).
const src = (results.thresholds && results.thresholds._source) || {};
const routedFrom = src.runs
  ? `derived before this run from ${src.runs.length} full run${src.runs.length > 1 ? 's' : ''} on this machine (${src.runs.map((r) => r.slice(11, 16)).join(', ')} UTC; kept in bench/runs/, re-derive with \`node scripts/derive-thresholds.js bench/runs/*.json\`; the table says which ratios justify each entry)`
  : 're-derived by `node scripts/derive-thresholds.js bench/results.json`';

const lines = [];
lines.push('## Performance');
lines.push('');
lines.push(
  `Measured with \`npm run bench\` (\`cfn-accel bench\`) on ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, Node ${m.node} (${m.platform}), ${m.date.slice(0, 16).replace('T', ' ')} UTC, load average ${m.loadavg.map((v) => v.toFixed(2)).join(' / ')} at the end (${(m.loadavgStart || m.loadavg).map((v) => v.toFixed(2)).join(' / ')} at the start): a shared 2-core machine, so small differences are noise. Best-of-batches timing (batches of ~5 ms, the best per-call time). The default backend here is **${results.defaultBackend}**, routed per primitive and input size to plain JS where plain JS measured faster: \`lib/thresholds.json\`, ${routedFrom}. Raw data: [bench/results.json](bench/results.json).`,
);
lines.push('');
lines.push('![ratios of the default backend against the best alternative, per operation and input size](bench/ratios.svg)');
lines.push('');
lines.push('### Goals');
lines.push('');
lines.push('| goal | measured | |');
lines.push('|---|---|---|');
for (const g of results.goals || checkGoals(results)) {
  lines.push(`| ${g.goal} | ${g.figure} | ${g.met === null ? 'not measured' : g.met ? 'met' : '**missed**'} |`);
}
lines.push('');
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
lines.push('Context for the misses, from the same run:');
lines.push('');
lines.push(
  `- LZ4: our frames carry a content size and a content checksum (xxHash32 over the data) that decoding verifies; \`lz4-napi\`'s \`compressSync\` writes a size-prefixed block with neither. Against its frame API (\`compressFrameSync\` / \`decompressFrameSync\`) the default backend measures ${vs('memoryOps.compress (LZ4 frame)', '64 KiB', 'default', 'lz4-napi compressFrameSync')} / ${vs('memoryOps.decompress (LZ4 frame)', '64 KiB', 'default', 'lz4-napi decompressFrameSync')} at 64 KiB and ${vs('memoryOps.compress (LZ4 frame)', '1 MiB', 'default', 'lz4-napi compressFrameSync')} / ${vs('memoryOps.decompress (LZ4 frame)', '1 MiB', 'default', 'lz4-napi decompressFrameSync')} at 1 MiB (compress / decompress).`,
);
lines.push(
  `- Short hashes: a call into the native addon costs more than hashing 19 bytes. Native xxh64 of 19 bytes takes ${nsOf('stringOps.xxh64 (bytes)', '19 ch', 'native')}, \`@node-rs/xxhash\` ${nsOf('stringOps.xxh64 (bytes)', '19 ch', '@node-rs/xxhash')}, plain JS ${nsOf('stringOps.xxh64 (bytes)', '19 ch', 'js')}, the wasm build ${nsOf('stringOps.xxh64 (bytes)', '19 ch', 'wasm')}; the default routes inputs below the measured crossover to plain JS.`,
);
lines.push(
  `- AES-256-GCM and MD5 on larger inputs: Node's OpenSSL is faster than the Rust crates (encrypt 1 MiB: native ${nsOf('crypto.encrypt', '1 MiB', 'native')}, node:crypto ${nsOf('crypto.encrypt', '1 MiB', 'node:crypto')}), so the default routes them to node:crypto from the sizes in \`lib/thresholds.json\` (AES-GCM from 64 KiB, MD5 from 1 KiB in this table).`,
);
{
  const str = pick('validation.validateJSON (string)', '1 MiB');
  const byt = pick('validation.validateJSON (bytes)', '1 MiB');
  const r = str && byt ? x(str.ns['JSON.parse'] / byt.ns.default) : 'not measured';
  lines.push(
    `- validateJSON on a string: the native backend has TextEncoder#encodeInto write the string's UTF-8 into a reused buffer and checks those bytes (lib/backends/text.js); the same ~1 MiB document given as bytes takes ${nsOf('validation.validateJSON (bytes)', '1 MiB', 'default')} against ${nsOf('validation.validateJSON (string)', '1 MiB', 'default')} for the string (bytes: ${r} against \`JSON.parse\` on the string).`,
  );
}
lines.push('');
if (results.requireTime) {
  const r = results.requireTime;
  lines.push(
    `Time \`require('cfn-accel')\` adds (fresh processes, best of ${r.runs}, minus a bare \`node\` start of ${r.bare.toFixed(1)} ms): native ${r.native.toFixed(1)} ms, wasm ${r.wasm.toFixed(1)} ms, js ${r.js.toFixed(1)} ms, default ${r.default.toFixed(1)} ms.`,
  );
  lines.push('');
}
lines.push('### Ratios');
lines.push('');
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
process.stdout.write(`${lines.join('\n')}\n`);
