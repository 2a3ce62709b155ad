'use strict';
// Picks the backend once, at load: native, then wasm, then js.
// CFN_ACCEL_BACKEND forces one and fails loudly; DISABLE_WASM=true skips
// wasm; CFN_ACCEL_DEBUG=1 tells the choice on stderr. Otherwise silent.

const { cfnError } = require('./errors');

const TIERS = {
  native: () => require('./backends/native').loadNative(),
  wasm: () => require('./backends/wasm').loadWasm(),
  js: () => require('./backends/js'),
};

/**
 * Loads the backend. Returns `{backend, forced, loadErrors}` where
 * loadErrors lists `{backend, code, message}` for each tier skipped.
 */
function load(env = process.env) {
  const loadErrors = [];
  const forced = env.CFN_ACCEL_BACKEND ? String(env.CFN_ACCEL_BACKEND).trim().toLowerCase() : '';
  const debug = env.CFN_ACCEL_DEBUG === '1' || env.CFN_ACCEL_DEBUG === 'true';
  if (forced) {
    if (!TIERS[forced]) {
      throw cfnError('ERR_CFN_INVALID_ARG', `CFN_ACCEL_BACKEND must be native, wasm or js, got '${env.CFN_ACCEL_BACKEND}'`);
    }
    try {
      const backend = TIERS[forced]();
      if (debug) process.stderr.write(`cfn-accel: using ${forced} backend (forced by CFN_ACCEL_BACKEND)\n`);
      return { backend, forced: true, loadErrors };
    } catch (e) {
      const err = cfnError(
        'ERR_CFN_BACKEND_UNAVAILABLE',
        `CFN_ACCEL_BACKEND=${forced} but the ${forced} backend cannot load: ${e.message}`,
      );
      err.cause = e;
      throw err;
    }
  }
  const disableWasm = env.DISABLE_WASM === 'true' || env.DISABLE_WASM === '1';
  for (const name of ['native', 'wasm', 'js']) {
    if (name === 'wasm' && disableWasm) {
      loadErrors.push({ backend: 'wasm', code: 'DISABLED', message: 'skipped: DISABLE_WASM=true' });
      continue;
    }
    try {
      const backend = TIERS[name]();
      if (debug) {
        const why = loadErrors.map((e) => `${e.backend}: ${e.message}`).join('; ');
        process.stderr.write(`cfn-accel: using ${name} backend${why ? ` (${why})` : ''}\n`);
      }
      return { backend, forced: false, loadErrors };
    } catch (e) {
      loadErrors.push({ backend: name, code: e.code || 'ERR_CFN_LOAD_FAILED', message: e.message });
    }
  }
  /* istanbul ignore next: the js tier has no native parts and always loads */
  throw cfnError('ERR_CFN_BACKEND_UNAVAILABLE', 'no backend could load');
}

module.exports = { load };
