'use strict';
// WASMRuntimeCoordinator: the original design's entry point, kept so call
// sites written for it work unchanged. It runs an API operation by name and
// says which backend ran it; its performance monitor counts calls always
// (two integer increments) and times them only when asked to, so that a
// disabled monitor never reads a clock.

const { performance } = require('node:perf_hooks');
const args = require('../args');
const { cfnError, typeError } = require('../errors');

/** The API namespaces `execute` may run operations of. */
const MODULES = Object.freeze(['stringOps', 'astParser', 'memoryOps', 'crypto', 'validation', 'compression']);

const metricsFromEnv = () => {
  const v = process.env.CFN_ACCEL_METRICS;
  return v === '1' || v === 'true';
};

/**
 * Makes the WASMRuntimeCoordinator class over a public API object.
 * @param {object} api
 * @param {Function} StatsWindow the class from stats-window.js, over the same api
 */
function makeCoordinator(api, StatsWindow) {
  const invalid = (message) => cfnError('ERR_CFN_INVALID_ARG', message, RangeError);

  /** Looks up `api[moduleName][operation]`, or throws. */
  function resolve(moduleName, operation) {
    if (typeof moduleName !== 'string') throw typeError('moduleName', 'a string', moduleName);
    if (typeof operation !== 'string') throw typeError('operation', 'a string', operation);
    if (!MODULES.includes(moduleName)) throw invalid(`unknown module '${moduleName}' (one of ${MODULES.join(', ')})`);
    const ns = api[moduleName];
    const fn = Object.hasOwn(ns, operation) ? ns[operation] : undefined;
    if (typeof fn !== 'function') throw invalid(`unknown operation '${moduleName}.${operation}'`);
    return { ns, fn };
  }

  /** Runs API operations by name, as the original runtime coordinator did. */
  class WASMRuntimeCoordinator {
    /**
     * @param {{metrics?: boolean, windowSize?: number}} [options] `metrics`
     *   turns timing on (default: CFN_ACCEL_METRICS=1); `windowSize` is how
     *   many of the latest timings each operation keeps (default 1024)
     */
    constructor(options) {
      const o = args.options(options);
      if (o.metrics !== undefined && typeof o.metrics !== 'boolean') throw typeError('options.metrics', 'a boolean', o.metrics);
      const metrics = o.metrics === undefined ? metricsFromEnv() : o.metrics;
      const windowSize = args.integer(o.windowSize, 'options.windowSize', 1, 1 << 24, 1024);
      /** @type {Map<string, {count: number, failures: number, window: StatsWindow | null}>} */
      const ops = new Map();
      this.initialized = false;
      this._metrics = metrics;
      this._entry = (key) => {
        let e = ops.get(key);
        if (!e) ops.set(key, (e = { count: 0, failures: 0, window: metrics ? new StatsWindow(windowSize) : null }));
        return e;
      };
      this.performanceMonitor = {
        /** Per "module.operation": calls, failures and (when enabled) the timing aggregate in ms. */
        getReport: () => {
          const operations = {};
          for (const [key, e] of ops) {
            operations[key] = { count: e.count, failures: e.failures };
            if (e.window) operations[key].timing = e.window.snapshot();
          }
          return { enabled: metrics, backend: api.backend, operations };
        },
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
      const { ns, fn } = resolve(moduleName, operation);
      const entry = this._entry(`${moduleName}.${operation}`);
      entry.count++;
      const t0 = this._metrics ? performance.now() : 0;
      let ok = false;
      try {
        let result = fn.apply(ns, params);
        if (result !== null && typeof result === 'object' && typeof result.then === 'function') result = await result;
        ok = true;
        return { result, accelerated: api.backend !== 'js', method: api.backend };
      } finally {
        if (!ok) entry.failures++;
        if (entry.window) entry.window.record(performance.now() - t0, ok);
      }
    }

    /** The loaded backend's capabilities (`api.capabilities()`). */
    detectCapabilities() {
      return api.capabilities();
    }
  }
  return WASMRuntimeCoordinator;
}

module.exports = { makeCoordinator, MODULES };
