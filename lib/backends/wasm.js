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
      // code: either leaves the instance unusable.
      if (err instanceof WebAssembly.RuntimeError || err instanceof RangeError) binding = instantiate();
    },
  );
  backend.reinstantiate = () => {
    binding = instantiate();
  };
  return backend;
}

module.exports = { loadWasm };
