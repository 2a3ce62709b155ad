'use strict';
// The performance goals of issue #5, checked against one bench run. Each
// goal names the case (label), the column of ours, the alternative it is
// measured against and the sizes it applies to; the verdict quotes the
// measured ratios, including the worst one.

const BULK = [65536, 1048576];

const GOALS = [
  { goal: 'LZ4 frame compress >= 1.5x lz4-napi compressSync', label: 'memoryOps.compress (LZ4 frame)', impl: 'default', vs: 'lz4-napi compressSync', min: 1.5, sizes: BULK },
  { goal: 'LZ4 frame compress >= 5x lz4js', label: 'memoryOps.compress (LZ4 frame)', impl: 'default', vs: 'lz4js', min: 5, sizes: BULK },
  { goal: 'LZ4 frame decompress >= 1.2x lz4-napi', label: 'memoryOps.decompress (LZ4 frame)', impl: 'default', vs: 'lz4-napi uncompressSync', min: 1.2, sizes: BULK },
  { goal: 'xxh64 (bytes) >= 0.9x @node-rs/xxhash', label: 'stringOps.xxh64 (bytes)', impl: 'default', vs: '@node-rs/xxhash', min: 0.9 },
  { goal: 'xxh64 (string) >= 0.9x @node-rs/xxhash', label: 'stringOps.xxh64 (string)', impl: 'default', vs: '@node-rs/xxhash', min: 0.9 },
  { goal: 'xxh3 (bytes) >= 0.9x @node-rs/xxhash', label: 'stringOps.xxh3 (bytes)', impl: 'default', vs: '@node-rs/xxhash', min: 0.9 },
  { goal: 'xxh3 (string) >= 0.9x @node-rs/xxhash', label: 'stringOps.xxh3 (string)', impl: 'default', vs: '@node-rs/xxhash', min: 0.9 },
  { goal: 'SHA-256 >= 0.9x node:crypto', label: 'crypto.hashSHA256', impl: 'default', vs: 'node:crypto', min: 0.9 },
  { goal: 'wasm SHA-256 >= 1.0x hash-wasm', label: 'crypto.hashSHA256', impl: 'wasm', vs: 'hash-wasm', min: 1.0 },
  { goal: 'gzip level 6 >= 1.2x node:zlib', label: 'compression.gzip (level 6)', impl: 'default', vs: 'node:zlib', min: 1.2, sizes: BULK },
  { goal: 'gunzip >= 1.0x node:zlib', label: 'compression.gunzip', impl: 'default', vs: 'node:zlib', min: 1.0, sizes: BULK },
  { goal: 'validateJSON ~1 MiB >= 3x JSON.parse', label: 'validation.validateJSON (string)', impl: 'default', vs: 'JSON.parse', min: 3, sizes: [1048576] },
  { goal: 'default, 19-char xxh64 >= 0.9x plain JS', label: 'stringOps.xxh64 (string)', impl: 'default', vs: 'js', min: 0.9, sizes: [19] },
  { goal: 'default, 19-char xxh3 >= 0.9x plain JS', label: 'stringOps.xxh3 (string)', impl: 'default', vs: 'js', min: 0.9, sizes: [19] },
  { goal: 'default, 19-char fastHash >= 0.9x plain JS', label: 'stringOps.fastHash (string)', impl: 'default', vs: 'js', min: 0.9, sizes: [19] },
  { goal: "default, small object's JSON >= 0.9x plain JS", label: 'stringOps.fastJSONStringify', impl: 'default', vs: 'js', min: 0.9, sizes: [64] },
  { goal: 'default, small JSON validate >= 0.9x plain JS', label: 'validation.validateJSON (string)', impl: 'default', vs: 'js', min: 0.9, sizes: [64] },
  { goal: 'default, 1 KiB record round trip >= 0.9x plain JS', label: 'encodeRecord+decodeRecord (round trip)', impl: 'default', vs: 'js', min: 0.9, sizes: [1024] },
  { goal: 'default, 1 KiB envelope round trip >= 0.9x plain JS', label: 'encodeEnvelope+decodeEnvelope (round trip)', impl: 'default', vs: 'js', min: 0.9, sizes: [1024] },
];

const fmtRatio = (r) => (r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(2) : r.toFixed(2)) + 'x';

/**
 * Checks the goals. Returns [{goal, met, figure, worst}] (met null: not measured).
 * @param {object} results the bench JSON
 */
function checkGoals(results) {
  const out = [];
  for (const g of GOALS) {
    const rows = results.cases.filter((c) => c.label === g.label && (!g.sizes || g.sizes.includes(c.sizeClass ?? c.size)));
    const figures = [];
    for (const c of rows) {
      const mine = c.ns[g.impl];
      const theirs = c.ns[g.vs];
      if (!Number.isFinite(mine) || !Number.isFinite(theirs)) continue;
      figures.push({ size: c.sizeLabel, ratio: theirs / mine });
    }
    if (figures.length === 0) {
      out.push({ goal: g.goal, met: null, figure: 'not measured' });
      continue;
    }
    const worst = Math.min(...figures.map((f) => f.ratio));
    out.push({
      goal: g.goal,
      met: worst >= g.min,
      worst,
      figure: figures.map((f) => `${fmtRatio(f.ratio)} at ${f.size}`).join(', '),
    });
  }
  const rt = results.requireTime;
  if (rt) {
    for (const [be, limit] of [['native', 10], ['wasm', 50]]) {
      const v = rt[be];
      out.push(
        Number.isFinite(v)
          ? {
              goal: `require adds < ${limit} ms (${be})`,
              met: v < limit,
              worst: v,
              figure: `${v.toFixed(1)} ms (best of ${rt.runs} fresh processes, minus a bare node start of ${rt.bare.toFixed(1)} ms)${rt.inProcess && Number.isFinite(rt.inProcess[be]) ? `; ${rt.inProcess[be].toFixed(1)} ms timed inside the process` : ''}`,
            }
          : { goal: `require adds < ${limit} ms (${be})`, met: null, figure: 'not measured' },
      );
    }
  }
  return out;
}

module.exports = { GOALS, checkGoals, fmtRatio };
