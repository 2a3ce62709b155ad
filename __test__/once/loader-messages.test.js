'use strict';
// What the loader and `cfn-accel info` say when a backend is missing, in
// copies of the package laid out as a fresh clone (nothing built), a clone
// with only the wasm build, and an installed tarball without its platform
// package: every message must be true there (no "wasm answers" when no
// wasm loads; a checkout is told to build, an install to reinstall).

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const T = require('../../lib/platform').triple();
const re = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-loader-msg-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const env = { ...process.env };
for (const k of ['CFN_ACCEL_BACKEND', 'CFN_ACCEL_NATIVE_PATH', 'CFN_ACCEL_DEBUG', 'DISABLE_WASM']) delete env[k];

/**
 * A copy of the package's JS (lib/, bin/, index.js, package.json) in a new
 * folder, with node_modules linked; `checkout` adds Cargo.toml (what marks a
 * clone), `wasm` links the built wasm package.
 */
function layout(name, { checkout, wasm }) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const f of ['lib', 'bin', 'index.js', 'package.json']) fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  if (checkout) fs.copyFileSync(path.join(ROOT, 'Cargo.toml'), path.join(dir, 'Cargo.toml'));
  if (wasm) {
    fs.mkdirSync(path.join(dir, 'wasm-build'));
    fs.symlinkSync(path.join(ROOT, 'wasm-build', 'pkg'), path.join(dir, 'wasm-build', 'pkg'));
  }
  return dir;
}

/** `cfn-accel info` (text and JSON) in `dir`. */
function info(dir) {
  const run = (args) => spawnSync(process.execPath, [path.join(dir, 'bin', 'cfn-accel.js'), 'info', ...args], { cwd: dir, env, encoding: 'utf8' });
  const text = run([]);
  const json = run(['--json']);
  assert.equal(text.status, 0, text.stderr);
  assert.equal(json.status, 0, json.stderr);
  return { text: text.stdout, doc: JSON.parse(json.stdout) };
}

const errorOf = (doc, backend) => doc.loadErrors.find((e) => e.backend === backend);

test('fresh clone, nothing built: js answers; the messages say what to build and nothing about wasm working', () => {
  const { text, doc } = info(layout('clone', { checkout: true, wasm: false }));
  assert.equal(doc.backend, 'js');
  const native = errorOf(doc, 'native');
  assert.equal(native.code, 'MODULE_NOT_FOUND');
  assert.match(native.message, new RegExp(`^no native build for ${re(T)} in this checkout \\(${re(`npm/${T}/cfn-accel.${T}.node`)}\\): run \`npm run build:native\``));
  assert.match(native.message, /The js backend answers meanwhile/);
  const wasm = errorOf(doc, 'wasm');
  assert.equal(wasm.code, 'MODULE_NOT_FOUND');
  assert.match(wasm.message, /run `npm run build:wasm`/);
  assert.doesNotMatch(text, /wasm backend (works|answers)/);
  assert.doesNotMatch(text, /npm\/cli#4828|--no-optional/);
  assert.equal(doc.capabilities.wasm, false);
  assert.match(text, /backend: +js/);
});

test('clone with the wasm build only: wasm answers, and the native message says so', () => {
  const { doc } = info(layout('clone-wasm', { checkout: true, wasm: true }));
  assert.equal(doc.backend, 'wasm');
  assert.equal(doc.loadErrors.length, 1);
  assert.match(errorOf(doc, 'native').message, /run `npm run build:native`.*The wasm backend answers meanwhile/);
});

test('installed package without its platform package: the reinstall advice; wasm answers', () => {
  const { doc } = info(layout('installed', { checkout: false, wasm: true }));
  assert.equal(doc.backend, 'wasm');
  const native = errorOf(doc, 'native');
  assert.equal(native.code, 'MODULE_NOT_FOUND');
  assert.match(native.message, new RegExp(`^cfn-accel-${re(T)} is not installed\\..*npm/cli#4828.*The wasm backend answers meanwhile`));
  assert.doesNotMatch(native.message, /build:native/);
});

test('installed package missing its wasm too: reinstall, and only js is said to answer', () => {
  const { doc } = info(layout('installed-broken', { checkout: false, wasm: false }));
  assert.equal(doc.backend, 'js');
  assert.match(errorOf(doc, 'wasm').message, /reinstall cfn-accel/);
  for (const e of doc.loadErrors) assert.doesNotMatch(e.message, /wasm backend answers/);
});
