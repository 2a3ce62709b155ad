'use strict';
// The napi-rs addon as a backend. Where the binary comes from
// (CFN_ACCEL_NATIVE_PATH, a local build in npm/<triple>/, the platform
// package) and why it may not load is decided in lib/loader.js.

const { guard } = require('./guard');

function loadNative(env = process.env) {
  const binding = require('../loader').loadNativeBinding(env);
  return guard('native', (name) => binding[name]);
}

module.exports = { loadNative };
