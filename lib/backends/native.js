'use strict';
// The napi-rs addon as a backend. Where the binary comes from
// (CFN_ACCEL_NATIVE_PATH, a local build in npm/<triple>/, the platform
// package) and why it may not load is decided in lib/loader.js. Strings
// reach the addon as UTF-8 bytes (backends/text.js).

const { guard } = require('./guard');
const { textCrossing } = require('./text');

function loadNative(env = process.env) {
  const binding = require('../loader').loadNativeBinding(env);
  const text = textCrossing((name) => binding[name]);
  return guard('native', (name) => text[name] || binding[name], undefined, { stable: true });
}

module.exports = { loadNative };
