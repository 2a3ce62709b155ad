'use strict';
// Loads the napi-rs addon: CFN_ACCEL_NATIVE_PATH, then a local build in
// npm/<triple>/, then the platform package. Returns a backend or throws with
// every attempt's reason in `attempts`.

const path = require('node:path');
const fs = require('node:fs');
const { triple } = require('../platform');
const { guard } = require('./guard');

/** Where a local `npm run build:native` puts the addon. */
function localAddonPath(t) {
  return path.join(__dirname, '..', '..', 'npm', t, `cfn-accel.${t}.node`);
}

function loadNative() {
  const attempts = [];
  const tryLoad = (id, kind) => {
    try {
      return require(id);
    } catch (e) {
      const missing = e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(id);
      attempts.push({ from: id, code: missing ? 'MODULE_NOT_FOUND' : e.code || 'ERR_DLOPEN_FAILED', message: `${kind} ${id}: ${e.message}` });
      return null;
    }
  };
  let binding = null;
  const forcedPath = process.env.CFN_ACCEL_NATIVE_PATH;
  if (forcedPath) {
    binding = tryLoad(path.resolve(forcedPath), 'CFN_ACCEL_NATIVE_PATH');
  } else {
    const t = triple();
    if (!t) {
      attempts.push({ from: null, code: 'ERR_CFN_UNSUPPORTED_PLATFORM', message: `no prebuilt binary for ${process.platform}-${process.arch}` });
    } else {
      const local = localAddonPath(t);
      if (fs.existsSync(local)) binding = tryLoad(local, 'local build');
      if (!binding) binding = tryLoad(`cfn-accel-${t}`, 'platform package');
    }
  }
  if (!binding) {
    const last = attempts[attempts.length - 1];
    const err = new Error(
      attempts.map((a) => a.message).join('; ') +
        (last && last.code === 'MODULE_NOT_FOUND'
          ? ' (the platform package is an optional dependency: npm sometimes skips it, see npm/cli#4828; reinstall with `rm -rf node_modules package-lock.json && npm install`, or build it with `npm run build:native`)'
          : ''),
    );
    // A missing package and a binary that fails to load are told apart.
    err.code = attempts.some((a) => a.code !== 'MODULE_NOT_FOUND') ? attempts.find((a) => a.code !== 'MODULE_NOT_FOUND').code : 'MODULE_NOT_FOUND';
    throw err;
  }
  return guard('native', (name) => binding[name]);
}

module.exports = { loadNative, localAddonPath };
