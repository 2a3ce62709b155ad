'use strict';
// WASMRuntimeCoordinator: the original design's entry point, kept so call
// sites written for it work unchanged. It runs an API operation by name and
// says which backend ran it; its performance monitor counts calls always
// (two integer increments) and times them only when asked to, so that a
// disabled monitor never reads a clock.

const { performance } = require('node:perf_hooks');
const args = require('../args');
const { cfnError, typeError } = require('../errors');
const { wasmFeatures } = require('./wasm-features');
const { report } = require('./monitor-report');

/** The API namespaces `execute` may run operations of. */
const MODULES = Object.freeze(['stringOps', 'astParser', 'memoryOps', 'crypto', 'validation', 'compression']);

/** CFN_ACCEL_METRICS: `1`/`true` times calls; `compare` also times them in plain JS. */
const metricsFromEnv = () => {
  const v = process.env.CFN_ACCEL_METRICS;
  return { metrics: v === '1' || v === 'true' || v === 'compare', compareJs: v === 'compare' };
};

let jsApiCache;
/** The public API over the plain-JS backend, built once, for opted-out and comparison runs. */
function jsApi() {
  if (!jsApiCache) jsApiCache = require('../api').createApi({ backend: require('../backends/js'), forced: true, loadErrors: [] });
  return jsApiCache;
}

/** The value of `result`, awaited only when it is a thenable. */
const settle = async (result) =>
  result !== null && typeof result === 'object' && typeof result.then === 'function' ? await result : result;

/**
 * Times one run of the same operation on the JS API into `window`, for a
 * measured speedup. A failure there is not the caller's: it is recorded as a
 * failed run and never thrown.
 */
async function timeInJs(js, window, moduleName, operation, params) {
  const ns = js[moduleName];
  const t0 = performance.now();
  let ok = false;
  try {
    await settle(ns[operation](...params));
    ok = true;
  } catch {
    // counted below as a failed comparison run
  }
  window.record(performance.now() - t0, ok);
}

/**
 * Makes the WASMRuntimeCoordinator class over a public API object.
 * @param {object} api
 * @param {Function} StatsWindow the class from stats-window.js, over the same api
 */
function makeCoordinator(api, StatsWindow) {
  const invalid = (message) => cfnError('ERR_CFN_INVALID_ARG', message, RangeError);

  /** Looks up `on[moduleName][operation]`, or throws. */
  function resolve(on, moduleName, operation) {
    if (typeof moduleName !== 'string') throw typeError('moduleName', 'a string', moduleName);
    if (typeof operation !== 'string') throw typeError('operation', 'a string', operation);
    if (!MODULES.includes(moduleName)) throw invalid(`unknown module '${moduleName}' (one of ${MODULES.join(', ')})`);
    const ns = on[moduleName];
    const fn = Object.hasOwn(ns, operation) ? ns[operation] : undefined;
    if (typeof fn !== 'function') throw invalid(`unknown operation '${moduleName}.${operation}'`);
    return { ns, fn };
  }

  /** Runs API operations by name, as the original runtime coordinator did. */
  class WASMRuntimeCoordinator {
    /**
     * @param {{metrics?: boolean, windowSize?: number, wasmEnabled?: boolean, compareJs?: boolean}} [options]
     *   `metrics` turns timing on (default: CFN_ACCEL_METRICS=1 or compare); `windowSize`
     *   is how many of the latest timings each operation keeps (default
     *   1024); `wasmEnabled: false` (the design's opt-out) runs every
     *   operation in plain JS; `compareJs` (with metrics) also times each
     *   accelerated call once in plain JS, so the report's speedups are
     *   measured on both sides (default: CFN_ACCEL_METRICS=compare)
     */
    constructor(options) {
      const o = args.options(options);
      for (const key of ['metrics', 'wasmEnabled', 'compareJs']) {
        if (o[key] !== undefined && typeof o[key] !== 'boolean') throw typeError(`options.${key}`, 'a boolean', o[key]);
      }
      const fromEnv = metricsFromEnv();
      const metrics = o.metrics === undefined ? fromEnv.metrics : o.metrics;
      const compareJs = o.compareJs === undefined ? fromEnv.compareJs : o.compareJs;
      const windowSize = args.integer(o.windowSize, 'options.windowSize', 1, 1 << 24, 1024);
      this.wasmEnabled = o.wasmEnabled !== false;
      // The api operations run on: the loaded backend, or plain JS when opted out.
      this._api = this.wasmEnabled || api.backend === 'js' ? api : jsApi();
      this._compare = metrics && compareJs && this._api.backend !== 'js' ? jsApi() : null;
      /** @type {Map<string, {count: number, failures: number, window: StatsWindow | null, jsWindow: StatsWindow | null}>} */
      const ops = new Map();
      this.initialized = false;
      this._metrics = metrics;
      this._entry = (key) => {
        let e = ops.get(key);
        if (!e) {
          const window = metrics ? new StatsWindow(windowSize) : null;
          const jsWindow = this._compare ? new StatsWindow(windowSize) : null;
          ops.set(key, (e = { count: 0, failures: 0, window, jsWindow }));
        }
        return e;
      };
      const method = this._api.backend;
      this.performanceMonitor = {
        /**
         * The design's `summary` and `operations` array, and ours: `enabled`,
         * `backend` and `byOperation` (per "module.operation": calls,
         * failures and, when enabled, the timing aggregate in ms).
         */
        getReport: () => report(ops, { metrics, method, compared: this._compare !== null }),
        /** Forgets everything recorded so far. */
        reset: () => ops.clear(),
      };
    }

    /** Nothing to set up (the backend loaded with the package); resolves true. */
    async initialize() {
      this.initialized = true;
      return true;
    }

    /**
     * Runs `api[moduleName][operation](...args)`.
     * @returns {Promise<{result: unknown, accelerated: boolean, method: 'native' | 'wasm' | 'js'}>}
     */
    async execute(moduleName, operation, ...params) {
      const { ns, fn } = resolve(this._api, moduleName, operation);
      const entry = this._entry(`${moduleName}.${operation}`);
      entry.count++;
      const t0 = this._metrics ? performance.now() : 0;
      let ok = false;
      let result;
      try {
        result = await settle(fn.apply(ns, params));
        ok = true;
      } finally {
        if (!ok) entry.failures++;
        if (entry.window) entry.window.record(performance.now() - t0, ok);
      }
      if (entry.jsWindow) await timeInJs(this._compare, entry.jsWindow, moduleName, operation, params);
      return { result, accelerated: this._api.backend !== 'js', method: this._api.backend };
    }

    /**
     * The design's keys (`wasmSupported`, `simdSupported`, `threadsSupported`,
     * `bulkMemorySupported`: what this engine's WebAssembly validates;
     * `version`: the package's) beside ours (`api.capabilities()`).
     */
    detectCapabilities() {
      return { ...api.capabilities(), ...wasmFeatures(), version: api.capabilities().version };
    }
  }
  return WASMRuntimeCoordinator;
}

module.exports = { makeCoordinator, MODULES };
