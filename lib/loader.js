'use strict';
// Picks the backend once, at load: native, then wasm, then js.
// CFN_ACCEL_BACKEND forces one and fails loudly; DISABLE_WASM=true skips
// wasm; CFN_ACCEL_DEBUG=1 tells the choice on stderr. Otherwise silent.

const fs = require('node:fs');
const path = require('node:path');
const { cfnError } = require('./errors');
const { triple } = require('./platform');
const { elfProblem } = require('./elf');
const { isCheckout, ROOT } = require('./checkout');

/** Where `npm run build:native` puts the addon (a checkout, never a tarball). */
function localAddonPath(t) {
  return path.join(ROOT, 'npm', t, `cfn-accel.${t}.node`);
}

/**
 * The fix for a binary that is not there: in a checkout, build it; in an
 * installed package, the platform package npm did not install.
 */
function missingHint(pkg, t) {
  if (isCheckout()) {
    return (
      `no native build for ${t} in this checkout (${path.relative(ROOT, localAddonPath(t))}): ` +
      'run `npm run build:native` (needs Rust; see README.md, Building)'
    );
  }
  return (
    `${pkg} is not installed. It is an optional dependency of cfn-accel, so npm leaves it out under ` +
    '`--no-optional`/`--omit=optional`, and sometimes by mistake when package-lock.json was written on ' +
    'another platform (npm/cli#4828). Reinstall without --no-optional; if it is still missing, delete ' +
    'node_modules and package-lock.json and run `npm install` again.'
  );
}

/**
 * Loads one .node file after checking it is a complete shared object for
 * this machine (a truncated file would crash the process inside dlopen).
 * Returns the binding or throws ERR_CFN_NATIVE_LOAD.
 */
function dlopenChecked(file, what) {
  const problem = process.platform === 'linux' ? elfProblem(file) : null;
  if (problem) throw cfnError('ERR_CFN_NATIVE_LOAD', `${what} ${file} is unusable: ${problem}`);
  try {
    return require(file);
  } catch (e) {
    const err = cfnError('ERR_CFN_NATIVE_LOAD', `${what} ${file} failed to load: ${e.message}`);
    err.cause = e;
    throw err;
  }
}

/**
 * The napi binding: CFN_ACCEL_NATIVE_PATH alone when set; otherwise a local
 * build in npm/<triple>/, then the platform package cfn-accel-<triple>.
 * Throws with code MODULE_NOT_FOUND when the only problem is an absent
 * platform package, ERR_CFN_NATIVE_LOAD when a binary is there but cannot be
 * loaded, ERR_CFN_UNSUPPORTED_PLATFORM when none is built for this machine.
 */
function loadNativeBinding(env = process.env) {
  if (env.CFN_ACCEL_NATIVE_PATH) {
    const file = path.resolve(env.CFN_ACCEL_NATIVE_PATH);
    if (!fs.existsSync(file)) throw cfnError('ERR_CFN_NATIVE_LOAD', `CFN_ACCEL_NATIVE_PATH ${file} does not exist`);
    return dlopenChecked(file, 'CFN_ACCEL_NATIVE_PATH');
  }
  const t = triple();
  if (!t) throw cfnError('ERR_CFN_UNSUPPORTED_PLATFORM', `no prebuilt binary for ${process.platform}-${process.arch}`);
  const failures = [];
  const local = localAddonPath(t);
  if (fs.existsSync(local)) {
    try {
      return dlopenChecked(local, 'local build');
    } catch (e) {
      failures.push(e);
    }
  }
  const pkg = `cfn-accel-${t}`;
  let manifest;
  try {
    // Resolving package.json, not the package: a MODULE_NOT_FOUND here is the
    // package itself, never something missing inside it.
    manifest = require.resolve(`${pkg}/package.json`);
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    if (failures.length) throw withCauses(failures, `; and ${missingHint(pkg, t)}`);
    const err = cfnError('MODULE_NOT_FOUND', missingHint(pkg, t));
    err.cause = e;
    throw err;
  }
  try {
    const meta = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    const file = path.join(path.dirname(manifest), meta.main || `cfn-accel.${t}.node`);
    const version = require('../package.json').version;
    if (meta.version !== version) {
      throw cfnError('ERR_CFN_NATIVE_LOAD', `${pkg}@${meta.version} does not match cfn-accel@${version}: install ${pkg}@${version}`);
    }
    if (!fs.existsSync(file)) {
      throw cfnError('ERR_CFN_NATIVE_LOAD', `${pkg} is installed but its binary ${file} is missing: reinstall ${pkg}`);
    }
    return dlopenChecked(file, `${pkg}:`);
  } catch (e) {
    failures.push(e);
    throw withCauses(failures, ` (delete node_modules/${pkg} and reinstall, or set CFN_ACCEL_BACKEND=wasm)`);
  }
}

/** One ERR_CFN_NATIVE_LOAD error for every binary that failed, the first as cause. */
function withCauses(failures, hint) {
  const err = cfnError('ERR_CFN_NATIVE_LOAD', failures.map((f) => f.message).join('; ') + hint);
  err.cause = failures[0];
  return err;
}

const TIERS = {
  native: (env) => require('./backends/native').loadNative(env),
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
      const backend = TIERS[forced](env);
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
      const backend = TIERS[name](env);
      // Said only now that it is true: which backend answers instead.
      for (const e of loadErrors) if (e.code !== 'DISABLED') e.message += ` (The ${name} backend answers meanwhile: same results, slower.)`;
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

module.exports = { load, loadNativeBinding, localAddonPath };
