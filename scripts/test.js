#!/usr/bin/env node
'use strict';
// `npm test`: builds what is missing (incrementally), runs the Rust tests,
// then the node:test suite in __test__/ once per backend
// (CFN_ACCEL_BACKEND=native|wasm|js), then __test__/once/ (cross-backend
// parity and integration checks) a single time.

const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const step = (title) => console.log(`\n== ${title}`);

step('build (incremental)');
execFileSync(process.execPath, [path.join(__dirname, 'build.js'), 'all'], { stdio: 'inherit', cwd: root });

step('cargo test');
// The core's own tests, optimizer and parallel paths included (the bindings have none).
execFileSync('cargo', ['test', '-p', 'cfn-accel-core', '--features', 'optimize,parallel', '--quiet'], {
  stdio: 'inherit',
  cwd: root,
});

const files = (dir) =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /\.test\.(c|m)?js$/.test(f)).sort().map((f) => path.join(dir, f))
    : [];
const only = process.argv.slice(2);
const pick = (list) => (only.length ? list.filter((f) => only.some((o) => f.includes(o))) : list);

let failed = 0;
const nodeTest = (label, testFiles, env) => {
  if (testFiles.length === 0) return;
  step(label);
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...testFiles], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) failed++;
};

const perBackend = pick(files(path.join(root, '__test__')));
for (const backend of ['native', 'wasm', 'js']) {
  nodeTest(`node --test (CFN_ACCEL_BACKEND=${backend})`, perBackend, { CFN_ACCEL_BACKEND: backend });
}
nodeTest('node --test (once: parity and integration)', pick(files(path.join(root, '__test__', 'once'))), {});

if (failed) {
  console.error(`\n${failed} test run(s) failed`);
  process.exit(1);
}
console.log('\nall test runs passed');
