'use strict';
// Loads the wasm-bindgen build (wasm-build/pkg, made by `npm run build:wasm`).
// A trap (a Rust panic, or anything that aborts the instance) leaves the
// instance's memory and stack pointer in an unknown state, so after one the
// next call gets a fresh instance.

const path = require('node:path');
const { guard } = require('./guard');
const { digestCrossing } = require('./wasm-digest');
const { textCrossing } = require('./text');
const { cfnError } = require('../errors');
const { isCheckout } = require('../checkout');

const PKG = path.join(__dirname, '..', '..', 'wasm-build', 'pkg');
const GLUE = path.join(PKG, 'cfn_accel_wasm.js');
// The optimizer is a module of its own (swc's transforms double the size):
// compiled on the first call that needs it, not at require.
const OPTIMIZER_GLUE = path.join(PKG, 'cfn_accel_wasm_optimize.js');
const OPTIMIZER_EXPORTS = ['jsOptimize', 'astOptimize', 'astCheck'];

function instantiate(glue = GLUE) {
  // The nodejs-target glue instantiates at require time: a fresh require is a
  // fresh instance.
  delete require.cache[glue];
  return require(glue);
}

/** Whether `err` may have left the instance in an unknown state. */
function needsFreshInstance(err) {
  if (err instanceof WebAssembly.RuntimeError) return true;
  return err instanceof RangeError && typeof err.stack === 'string' && err.stack.includes('wasm://');
}

function loadWasm() {
  let binding;
  try {
    binding = instantiate();
  } catch (e) {
    // Not built (a checkout) or not shipped (a broken install): say which fix applies.
    const fix = e.code !== 'MODULE_NOT_FOUND' ? '' : isCheckout() ? '; run `npm run build:wasm`' : '; reinstall cfn-accel';
    const err = new Error(`wasm build ${GLUE}: ${e.message.split('\n')[0]}${fix}`);
    err.code = e.code === 'MODULE_NOT_FOUND' ? 'MODULE_NOT_FOUND' : e.code || 'ERR_CFN_WASM_INIT';
    throw err;
  }
  let optimizer;
  const optimizerModule = () => {
    if (optimizer === undefined) {
      try {
        optimizer = instantiate(OPTIMIZER_GLUE);
      } catch (e) {
        throw cfnError('ERR_CFN_BACKEND_UNAVAILABLE', `the wasm optimizer (${OPTIMIZER_GLUE}) does not load: ${e.message}; run \`npm run build:wasm\``);
      }
    }
    return optimizer;
  };
  const lazyExports = Object.fromEntries(OPTIMIZER_EXPORTS.map((name) => [name, (a, b) => optimizerModule()[name](a, b)]));
  // Strings cross as UTF-8 from encodeInto: wasm-bindgen's string argument
  // copies ASCII one character per loop turn (64 KiB: 175 µs, against 8 µs
  // to hash it).
  Object.assign(lazyExports, textCrossing((name) => binding[name]), digestCrossing(() => binding));
  const backend = guard(
    'wasm',
    (name) => lazyExports[name] || binding[name],
    (err) => {
      // A trap, or V8's stack overflow (a RangeError) in the middle of wasm
      // code: either leaves the instance unusable. A RangeError raised in JS
      // (no wasm frame on its stack) does not, and a fresh instance costs
      // ~25 ms, so only those two cases re-instantiate. Which of the two
      // modules trapped does not matter: both start afresh (the optimizer
      // on its next use).
      if (needsFreshInstance(err)) {
        binding = instantiate();
        optimizer = undefined;
      }
    },
  );
  backend.reinstantiate = () => {
    binding = instantiate();
    optimizer = undefined;
  };
  return backend;
}

module.exports = { loadWasm, needsFreshInstance };
