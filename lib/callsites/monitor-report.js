'use strict';
// The coordinator's performance report: the original design's shape
// (`summary` and an `operations` array with times as '0.012ms' and speedups
// as '1.23x' strings) beside ours (`byOperation`, keyed by
// "module.operation", with the full timing aggregate). A speedup is only ever
// a ratio of two measured means; where one side was not timed the field says
// why instead of showing a number (parseFloat of it is NaN, which the
// design's sort treats as equal).

const ms = (x) => `${x.toFixed(3)}ms`;

/**
 * Mean of a window's timings, or null when it is empty or any run in it
 * failed (a failure's time is not the operation's).
 */
const meanOf = (window) => {
  if (!window) return null;
  const s = window.snapshot();
  return s.count > 0 && s.failureRate === 0 ? s.mean : null;
};

/**
 * One design-shaped row. `method` is the backend the coordinator runs on;
 * accelerated calls (native or wasm) count as the design's wasmCalls.
 */
function row(key, e, { metrics, method, compared }) {
  const accelerated = method !== 'js';
  const callMean = meanOf(e.window);
  const accelMean = accelerated ? callMean : null;
  const jsMean = accelerated ? meanOf(e.jsWindow) : callMean;
  let speedup;
  if (!metrics) speedup = 'not measured (metrics off)';
  else if (accelMean !== null && jsMean !== null && accelMean > 0) speedup = `${(jsMean / accelMean).toFixed(2)}x`;
  else if (!accelerated) speedup = 'not measured (no accelerated runs)';
  else if (!compared) speedup = 'not measured (no js runs: use compareJs)';
  else speedup = 'not measured (a timed run failed)';
  const time = (mean) => (!metrics ? 'not measured (metrics off)' : mean === null ? 'not measured' : ms(mean));
  return {
    operation: key,
    speedup,
    wasmCalls: accelerated ? e.count : 0,
    jsCalls: accelerated ? 0 : e.count,
    avgWasmTime: time(accelMean),
    avgJsTime: time(jsMean),
    method,
  };
}

/**
 * The report over the coordinator's per-operation entries.
 * @param {Map<string, {count: number, failures: number, window: object | null, jsWindow: object | null}>} ops
 * @param {{metrics: boolean, method: 'native' | 'wasm' | 'js', compared: boolean}} how
 */
function report(ops, how) {
  const byOperation = {};
  const operations = [];
  let totalCalls = 0;
  for (const [key, e] of ops) {
    totalCalls += e.count;
    byOperation[key] = { count: e.count, failures: e.failures };
    if (e.window) byOperation[key].timing = e.window.snapshot();
    if (e.jsWindow) byOperation[key].jsTiming = e.jsWindow.snapshot();
    operations.push(row(key, e, how));
  }
  const wasmCalls = how.method === 'js' ? 0 : totalCalls;
  return {
    summary: {
      totalCalls,
      wasmCalls,
      jsCalls: totalCalls - wasmCalls,
      wasmPercentage: (totalCalls ? (wasmCalls / totalCalls) * 100 : 0).toFixed(2),
    },
    operations,
    enabled: how.metrics,
    backend: how.method,
    byOperation,
  };
}

module.exports = { report };
