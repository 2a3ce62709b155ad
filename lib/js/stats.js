'use strict';
// aggregate() of src/stats.rs in JS, with the same operation order so every
// bit of the result matches.

/** Linear-interpolation percentile of an ascending Float64Array. */
function percentile(sorted, p) {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = (p / 100) * (n - 1);
  const lo = Math.floor(rank);
  const frac = rank - lo;
  if (lo + 1 >= n) return sorted[n - 1];
  return sorted[lo] + (sorted[lo + 1] - sorted[lo]) * frac;
}

/**
 * `[count, dropped, sum, min, max, mean, stddev, p50, p90, p95, p99]` of the
 * finite values in `values` (a Float64Array), NaN where a field is absent.
 */
function aggregate(values) {
  const finite = new Float64Array(values.length);
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      finite[count++] = v;
      sum += v;
    }
  }
  const sorted = finite.subarray(0, count);
  let mean = NaN;
  let stddev = NaN;
  if (count > 0) {
    mean = sum / count;
    let sq = 0;
    for (let i = 0; i < count; i++) sq += (sorted[i] - mean) * (sorted[i] - mean);
    stddev = Math.sqrt(sq / count);
  }
  // TypedArray sort is numeric and puts -0 before +0, as Rust's total_cmp.
  sorted.sort();
  return [
    count, values.length - count, sum,
    count ? sorted[0] : NaN, count ? sorted[count - 1] : NaN, mean, stddev,
    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 95), percentile(sorted, 99),
  ];
}

module.exports = { aggregate, percentile };
