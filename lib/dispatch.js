'use strict';
// Adaptive dispatch: below a measured input size, crossing into native or
// wasm costs more than the work saves, so the JS implementation runs
// instead. Only used when the backend was picked automatically; a forced
// backend (CFN_ACCEL_BACKEND) runs everything itself.
//
// Each entry: the primitive, and the smallest input (in bytes or string
// units) for which the loaded backend beats plain JS. `measured` says where
// the number comes from: `node scripts/derive-thresholds.js` re-derives the
// table from a `cfn-accel bench --json` run.

const THRESHOLDS = require('./thresholds.json');

const sizeOf = (x) => (x == null ? 0 : x.length);

/**
 * A backend object that routes each primitive by the size of its first
 * argument: `primary` at or above the threshold for `primary.name`, `js`
 * below it.
 */
function adaptive(primary, js) {
  const table = THRESHOLDS[primary.name] || {};
  const routed = Object.create(primary);
  for (const [prim, entry] of Object.entries(table)) {
    const min = entry.minSize;
    const fast = primary[prim];
    if (typeof fast !== 'function') continue;
    // `js` may be a loader: the JS backend is required on first use only.
    let jsFn;
    const slow = (a, b, c) => (jsFn || (jsFn = (typeof js === 'function' ? js() : js)[prim]))(a, b, c);
    if (min === Infinity || min === null) {
      routed[prim] = slow;
      continue;
    }
    routed[prim] = (a, b, c) => (sizeOf(a) < min ? slow(a, b, c) : fast(a, b, c));
  }
  return routed;
}

module.exports = { adaptive, THRESHOLDS };
