'use strict';
// Loads the wasm-bindgen build (wasm-build/pkg, made by `npm run build:wasm`).
// A trap (a Rust panic, or anything that aborts the instance) leaves the
// instance's memory and stack pointer in an unknown state, so after one the
// next call gets a fresh instance.

const path = require('node:path');
const { guard } = require('./guard');

const GLUE = path.join(__dirname, '..', '..', 'wasm-build', 'pkg', 'cfn_accel_wasm.js');

function instantiate() {
  // The nodejs-target glue instantiates at require time: a fresh require is a
  // fresh instance.
  delete require.cache[GLUE];
  return require(GLUE);
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
    const err = new Error(`wasm build ${GLUE}: ${e.message}`);
    err.code = e.code === 'MODULE_NOT_FOUND' ? 'MODULE_NOT_FOUND' : e.code || 'ERR_CFN_WASM_INIT';
    throw err;
  }
  const backend = guard(
    'wasm',
    (name) => binding[name],
    (err) => {
      // A trap, or V8's stack overflow (a RangeError) in the middle of wasm
      // code: either leaves the instance unusable. A RangeError raised in JS
      // (no wasm frame on its stack) does not, and a fresh instance costs
      // ~25 ms, so only those two cases re-instantiate.
      if (needsFreshInstance(err)) binding = instantiate();
    },
  );
  backend.reinstantiate = () => {
    binding = instantiate();
  };
  return backend;
}

module.exports = { loadWasm, needsFreshInstance };
