'use strict';
// Best-of-batches timing. A batch runs the function n times back to back,
// with n chosen so one batch takes about 5-20 ms (long enough for the clock,
// short enough to land between the neighbours' time slices on a shared
// machine); the result is the best per-call time over the batches. The best,
// not the mean: noise on a busy machine only ever adds time.

const now = () => process.hrtime.bigint();
const ms = (t0, t1) => Number(t1 - t0) / 1e6;

/**
 * Whether a measurement has batches enough: the budget spent over at least
 * `minBatches`; or slow calls (one batch far above the budget) after 2-3.
 */
function enough(batches, spentMs, batchMs, budgetMs, minBatches) {
  return (
    (batches >= minBatches && spentMs >= budgetMs) ||
    (batches >= 2 && batchMs > budgetMs) ||
    (batches >= 3 && spentMs >= budgetMs * 4)
  );
}

/** Keeps results alive so V8 cannot drop a call whose value is unused. */
let sink;

/**
 * A full collection, run before each measurement. The garbage one
 * measurement leaves (a 1 MiB case makes hundreds of MB) is otherwise marked
 * and swept during the next, and charged to whichever implementation is
 * measured first: the default API, in every case (createEnvelope measured
 * 260-340 ns on the default API and 67 ns on each forced backend, the same
 * code, in full runs; 51 ns alone).
 */
const collect = (() => {
  try {
    require('node:v8').setFlagsFromString('--expose-gc');
    const gc = require('node:vm').runInNewContext('gc');
    return typeof gc === 'function' ? gc : () => {};
  } catch {
    return () => {};
  }
})();

/**
 * Times `fn` (synchronous). Returns `{ns, batches, perBatch}`: the best
 * per-call time in nanoseconds.
 * @param {() => unknown} fn
 * @param {{budgetMs?: number, minBatches?: number, maxBatches?: number, targetMs?: number}} [opts]
 */
function measure(fn, opts = {}) {
  const { budgetMs = 250, minBatches = 5, maxBatches = 60, targetMs = 10 } = opts;
  collect();
  // Warm up (JIT, lazy loading, caches) and size the batch.
  let t0 = now();
  sink = fn();
  let one = ms(t0, now());
  let n = 1;
  if (one < targetMs / 2) {
    for (;;) {
      t0 = now();
      for (let i = 0; i < n; i++) sink = fn();
      const t = ms(t0, now());
      if (t >= targetMs / 2 || n >= 1 << 24) {
        one = t / n;
        break;
      }
      n = t <= 0.05 ? n * 16 : Math.max(n * 2, Math.ceil((n * targetMs) / t));
    }
    n = Math.max(1, Math.round(targetMs / Math.max(one, 1e-6)));
    // The first estimate includes unoptimized runs: re-size on a warm batch.
    for (let round = 0; round < 2; round++) {
      t0 = now();
      for (let i = 0; i < n; i++) sink = fn();
      one = ms(t0, now()) / n;
      n = Math.max(1, Math.round(targetMs / Math.max(one, 1e-6)));
    }
  }
  let best = Infinity;
  let batches = 0;
  const start = now();
  while (batches < maxBatches) {
    t0 = now();
    for (let i = 0; i < n; i++) sink = fn();
    const per = ms(t0, now()) / n;
    if (per < best) best = per;
    batches++;
    if (enough(batches, ms(start, now()), per * n, budgetMs, minBatches)) break;
  }
  return { ns: best * 1e6, batches, perBatch: n };
}

/**
 * Times `fn` returning a promise: the same scheme, awaiting each call.
 * @param {() => Promise<unknown>} fn
 */
async function measureAsync(fn, opts = {}) {
  const { budgetMs = 250, minBatches = 5, maxBatches = 40, targetMs = 10 } = opts;
  collect();
  let t0 = now();
  sink = await fn();
  const one = ms(t0, now());
  const n = Math.max(1, Math.round(targetMs / Math.max(one, 1e-6)));
  let best = Infinity;
  let batches = 0;
  const start = now();
  while (batches < maxBatches) {
    t0 = now();
    for (let i = 0; i < n; i++) sink = await fn();
    const per = ms(t0, now()) / n;
    if (per < best) best = per;
    batches++;
    if (enough(batches, ms(start, now()), per * n, budgetMs, minBatches)) break;
  }
  return { ns: best * 1e6, batches, perBatch: n };
}

module.exports = { measure, measureAsync, sinkValue: () => sink };
