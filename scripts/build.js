#!/usr/bin/env node
'use strict';
// `npm run build [native|wasm]`: builds the release napi addon into
// npm/<triple>/ and the wasm package into wasm-build/pkg/. Incremental: cargo
// rebuilds only what changed, and wasm-bindgen reruns only on a newer .wasm.
// Installs the wasm32 target and the wasm-bindgen CLI pinned by Cargo.lock
// when they are missing.

const fs = require('node:fs');
const path = require('node:path');
const { triple } = require('../lib/platform');
const { root, run, quiet, mtime, copyIfNewer } = require('./shell');

function buildNative() {
  const t = triple();
  if (!t) throw new Error(`no native target for ${process.platform}-${process.arch}`);
  // The addon and the executable in one cargo run: they share one build of the core.
  run('cargo', ['build', '--release', '-p', 'cfn-accel-napi', '-p', 'cfn-accel-cli']);
  const lib = { linux: 'libcfn_accel_napi.so', darwin: 'libcfn_accel_napi.dylib', win32: 'cfn_accel_napi.dll' }[process.platform];
  const from = path.join(root, 'target', 'release', lib);
  const to = path.join(root, 'npm', t, `cfn-accel.${t}.node`);
  copyIfNewer(from, to);
  console.log(`native: ${path.relative(root, to)}, target/release/cfn-accel (packed into the platform package)`);
}

/** The wasm-bindgen version Cargo.lock pins (the CLI must match it exactly). */
function pinnedWasmBindgen() {
  const lock = fs.readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const m = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock);
  if (!m) throw new Error('wasm-bindgen is not in Cargo.lock');
  return m[1];
}

function buildWasm() {
  if (!(quiet('rustup', ['target', 'list', '--installed']) || '').includes('wasm32-unknown-unknown')) {
    run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
  }
  if (!fs.existsSync(path.join(root, 'Cargo.lock'))) run('cargo', ['generate-lockfile']);
  const want = pinnedWasmBindgen();
  if (!(quiet('wasm-bindgen', ['--version']) || '').includes(want)) {
    console.log(`installing wasm-bindgen-cli ${want} (about 2.5 minutes, once)`);
    run('cargo', ['install', 'wasm-bindgen-cli', '--version', want]);
  }
  // Two modules: the core, and the optimizer (swc's transforms and code
  // generator, as large again), which the wasm backend loads on first use.
  // Two cargo runs: in one, cargo would unify the core's features and put
  // the optimizer into both.
  for (const pkg of ['cfn-accel-wasm', 'cfn-accel-wasm-optimize']) {
    run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', pkg]);
  }
  const out = path.join(root, 'wasm-build', 'pkg');
  const web = path.join(root, 'wasm-build', 'pkg-web');
  for (const name of ['cfn_accel_wasm', 'cfn_accel_wasm_optimize']) {
    const wasm = path.join(root, 'target', 'wasm32-unknown-unknown', 'release', `${name}.wasm`);
    if (mtime(wasm) > mtime(path.join(out, `${name}_bg.wasm`))) {
      run('wasm-bindgen', ['--target', 'nodejs', '--out-dir', out, wasm]);
    }
    // The same .wasm with ES-module glue for browsers (the browser test loads the core).
    if (mtime(wasm) > mtime(path.join(web, `${name}_bg.wasm`))) {
      run('wasm-bindgen', ['--target', 'web', '--out-dir', web, wasm]);
    }
  }
  console.log(`wasm: ${path.relative(root, out)}`);
}

const what = process.argv[2] || 'all';
if (what === 'native' || what === 'all') buildNative();
if (what === 'wasm' || what === 'all') buildWasm();
