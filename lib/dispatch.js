'use strict';
// Adaptive dispatch: where crossing into native or wasm costs more than the
// work saves (short inputs, mostly), the JS implementation runs instead.
// Only used when the backend was picked automatically; a forced backend
// (CFN_ACCEL_BACKEND) runs everything itself.
//
// thresholds.json holds, per backend and primitive, where plain JS won in a
// bench run, with the measured ratios that justify it:
//   {"minSize": N}            JS below N (input length in bytes, or string
//                             units for strings), the backend from N on;
//                             null: JS at every size
//   {"jsRanges": [[a, b]]}    JS for a <= size < b (b null: no upper end)
// `node scripts/derive-thresholds.js bench/results.json` re-derives the
// table from a `cfn-accel bench --json` run.

const THRESHOLDS = require('./thresholds.json');

/** Which argument carries the input whose size decides (default: the first). */
const SIZE_ARG = { aesGcmSeal: 2, aesGcmOpen: 1 };

const sizeOf = (x) => (x == null ? 0 : typeof x.length === 'number' ? x.length : 0);

/**
 * `size => true when JS should run`, from one table entry, or null when the
 * entry routes nothing.
 */
function jsWhen(entry) {
  if (!entry || typeof entry !== 'object') return null;
  if (Array.isArray(entry.jsRanges)) {
    const ranges = entry.jsRanges
      .filter((r) => Array.isArray(r) && typeof r[0] === 'number')
      .map(([lo, hi]) => [lo, hi === null || hi === undefined ? Infinity : hi]);
    if (ranges.length === 0) return null;
    if (ranges.length === 1) {
      const [[lo, hi]] = ranges;
      return (n) => n >= lo && n < hi;
    }
    return (n) => ranges.some(([lo, hi]) => n >= lo && n < hi);
  }
  if (!('minSize' in entry)) return null;
  const min = entry.minSize;
  if (min === null || min === Infinity) return () => true;
  if (typeof min !== 'number' || min <= 0) return null;
  return (n) => n < min;
}

/**
 * A backend object that routes each primitive listed for `primary.name` in
 * `table` by the size of its input: JS where the table says plain JS won,
 * `primary` elsewhere. `js` is the JS backend or a function returning it
 * (loaded on first use only).
 * @param {object} primary the loaded backend
 * @param {object|(() => object)} js
 * @param {object} [table] the thresholds (default: thresholds.json)
 */
function adaptive(primary, js, table = THRESHOLDS) {
  const entries = table[primary.name] || {};
  const routed = Object.create(primary);
  let jsBackend;
  const getJs = () => jsBackend || (jsBackend = typeof js === 'function' ? js() : js);
  for (const [prim, entry] of Object.entries(entries)) {
    const fast = primary[prim];
    if (typeof fast !== 'function') continue;
    const useJs = jsWhen(entry);
    if (!useJs) continue;
    const at = SIZE_ARG[prim] || 0;
    let jsFn;
    const jsImpl = () => jsFn || (jsFn = getJs()[prim]);
    // The common case, a size floor on the first argument, is one comparison
    // in front of the call: these wrappers sit on paths of ~50 ns.
    const min = typeof entry.minSize === 'number' && !entry.jsRanges ? entry.minSize : null;
    if (entry.minSize === null || entry.minSize === Infinity) {
      routed[prim] = (a, b, c) => (jsFn || jsImpl())(a, b, c);
    } else if (min !== null && at === 0) {
      routed[prim] = (a, b, c) => (a != null && a.length < min ? (jsFn || jsImpl())(a, b, c) : fast(a, b, c));
    } else if (at === 0) routed[prim] = (a, b, c) => (useJs(sizeOf(a)) ? jsImpl()(a, b, c) : fast(a, b, c));
    else if (at === 1) routed[prim] = (a, b, c) => (useJs(sizeOf(b)) ? jsImpl()(a, b, c) : fast(a, b, c));
    else routed[prim] = (a, b, c) => (useJs(sizeOf(c)) ? jsImpl()(a, b, c) : fast(a, b, c));
  }
  return routed;
}

module.exports = { adaptive, jsWhen, THRESHOLDS, SIZE_ARG };
