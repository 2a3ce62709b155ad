'use strict';
// The loader's platform details: libc detection that does not misfire, the
// ELF check that keeps a truncated or foreign .node away from dlopen, and
// the codes that tell a missing platform package from a broken binary.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { detectLibc, muslLoaderPresent, triple } = require('../../lib/platform');
const { elfProblem, elfInterpreter } = require('../../lib/elf');
const { load, loadNativeBinding, localAddonPath } = require('../../lib/loader');
const { rng } = require('../helpers');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-accel-platform-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
const addon = localAddonPath('linux-x64-gnu');
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

test('libc: node\'s loader, then the report, then the musl loader on disk', () => {
  const never = () => {
    throw new Error('not consulted');
  };
  const src = (interpreter, header, muslPresent) => ({ interpreter: () => interpreter, header: () => header, muslPresent: () => muslPresent });
  // Debian with the musl package installed: glibc node, /lib/ld-musl-* present.
  assert.equal(detectLibc({ interpreter: () => '/lib64/ld-linux-x86-64.so.2', header: never, muslPresent: never }), 'glibc');
  assert.equal(detectLibc(src('/lib/ld-linux-aarch64.so.1', null, true)), 'glibc');
  assert.equal(detectLibc({ interpreter: () => '/lib/ld-musl-x86_64.so.1', header: never, muslPresent: never }), 'musl');
  // A static node (no interpreter): the report decides, whatever is on disk.
  assert.equal(detectLibc(src(null, { glibcVersionRuntime: '2.36' }, true)), 'glibc');
  assert.equal(detectLibc(src(null, { osName: 'Linux' }, false)), 'musl');
  // No report either: the disk.
  assert.equal(detectLibc(src(null, null, true)), 'musl');
  assert.equal(detectLibc(src(null, null, false)), 'glibc');

  fs.mkdirSync(path.join(tmp, 'lib-musl'));
  fs.writeFileSync(path.join(tmp, 'lib-musl', 'ld-musl-x86_64.so.1'), '');
  fs.mkdirSync(path.join(tmp, 'lib-gnu'));
  fs.writeFileSync(path.join(tmp, 'lib-gnu', 'ld-linux-x86-64.so.2'), '');
  assert.equal(muslLoaderPresent(path.join(tmp, 'lib-musl')), true);
  assert.equal(muslLoaderPresent(path.join(tmp, 'lib-gnu')), false);
  assert.equal(muslLoaderPresent(path.join(tmp, 'no-such-dir')), false);

  if (process.platform === 'linux') {
    // This machine: the fast path agrees with node's own report.
    const glibc = Boolean(process.report.getReport().header.glibcVersionRuntime);
    assert.equal(detectLibc(), glibc ? 'glibc' : 'musl');
    assert.equal(detectLibc({ interpreter: () => null }), glibc ? 'glibc' : 'musl');
    assert.match(elfInterpreter(process.execPath), glibc ? /\/ld-linux/ : /\/ld-musl-/);
  }
});

test('triples for the platforms the loader knows', () => {
  assert.equal(triple('linux', 'x64', false), 'linux-x64-gnu');
  assert.equal(triple('linux', 'x64', true), 'linux-x64-musl');
  assert.equal(triple('linux', 'arm64', false), 'linux-arm64-gnu');
  assert.equal(triple('linux', 'ia32', false), null);
  assert.equal(triple('darwin', 'arm64'), 'darwin-arm64');
  assert.equal(triple('darwin', 'x64'), 'darwin-x64');
  assert.equal(triple('win32', 'x64'), 'win32-x64-gnu');
  assert.equal(triple('win32', 'arm64'), null, 'no Windows arm64 build: unsupported, not "not installed"');
  assert.equal(triple('win32', 'ia32'), null);
  assert.equal(triple('freebsd', 'x64'), null);
});

test('platform table: every triple the loader asks for has its package, and npm would install it only there', () => {
  const npmDir = path.join(__dirname, '..', '..', 'npm');
  const folders = fs.readdirSync(npmDir).filter((t) => fs.existsSync(path.join(npmDir, t, 'package.json'))).sort();
  const asked = new Map();
  for (const platform of ['linux', 'darwin', 'win32', 'freebsd', 'android']) {
    for (const arch of ['x64', 'arm64', 'ia32', 'arm']) {
      for (const musl of platform === 'linux' ? [false, true] : [false]) {
        const t = triple(platform, arch, musl);
        if (t) asked.set(t, { platform, arch, libc: platform === 'linux' ? (musl ? 'musl' : 'glibc') : null });
      }
    }
  }
  // Linux arm64 musl is asked for but not built: its absence must give the
  // loader's "not installed" path, so it is the one triple without a folder.
  assert.deepEqual([...asked.keys()].filter((t) => !folders.includes(t)), ['linux-arm64-musl']);
  assert.deepEqual(folders, ['darwin-arm64', 'darwin-x64', 'linux-arm64-gnu', 'linux-x64-gnu', 'linux-x64-musl', 'win32-x64-gnu']);
  for (const t of folders) {
    const meta = require(path.join(npmDir, t, 'package.json'));
    const want = asked.get(t);
    assert.ok(want, `npm/${t} is never asked for by the loader`);
    assert.equal(meta.name, `cfn-accel-${t}`);
    assert.equal(meta.main, `cfn-accel.${t}.node`);
    assert.ok(meta.files.includes(meta.main), `${t}: files lists the binary`);
    // npm's own fields decide where an optional dependency installs.
    assert.deepEqual(meta.os, [want.platform], t);
    assert.deepEqual(meta.cpu, [want.arch], t);
    assert.deepEqual(meta.libc, want.libc ? [want.libc] : undefined, `${t}: libc only on Linux`);
  }
});

test('ELF check: the built addon passes; every truncation, a foreign arch and non-ELF files fail', { skip: !onLinuxX64 && 'needs the linux-x64 build' }, () => {
  assert.ok(fs.existsSync(addon), `${addon} is missing: run \`npm run build:native\``);
  assert.equal(elfProblem(addon), null);
  assert.match(elfProblem(addon, 'arm64'), /built for x86-64 \(ELF64\), this is AArch64/);
  const whole = fs.readFileSync(addon);
  const next = rng(11);
  const cuts = [0, 3, 16, 63, 64, 65, 700, whole.length - 1, whole.length - 64];
  for (let i = 0; i < 20; i++) cuts.push(Math.floor(next() * whole.length));
  const cut = path.join(tmp, 'cut.node');
  for (const n of cuts) {
    fs.writeFileSync(cut, whole.subarray(0, n));
    assert.ok(elfProblem(cut), `a file cut to ${n} of ${whole.length} bytes must be refused`);
  }
  fs.writeFileSync(cut, whole.subarray(0, 5000));
  assert.match(elfProblem(cut), /^truncated: 5000 bytes, but its loadable segment \d+ ends at byte \d+$/);
  assert.match(elfProblem(__filename), /^not an ELF file/);
  assert.match(elfProblem(path.join(tmp, 'absent.node')), /^cannot open/);
});

test('codes: a broken binary is ERR_CFN_NATIVE_LOAD, and the wasm tier answers', { skip: !onLinuxX64 && 'needs the linux-x64 build' }, () => {
  const cut = path.join(tmp, 'half.node');
  fs.writeFileSync(cut, fs.readFileSync(addon).subarray(0, 100_000));
  assert.throws(() => loadNativeBinding({ CFN_ACCEL_NATIVE_PATH: cut }), (e) => e.code === 'ERR_CFN_NATIVE_LOAD' && /truncated/.test(e.message));
  assert.throws(() => loadNativeBinding({ CFN_ACCEL_NATIVE_PATH: path.join(tmp, 'none.node') }), { code: 'ERR_CFN_NATIVE_LOAD' });

  const r = load({ CFN_ACCEL_NATIVE_PATH: cut });
  assert.equal(r.backend.name, 'wasm');
  assert.deepEqual(r.loadErrors.map((e) => [e.backend, e.code]), [['native', 'ERR_CFN_NATIVE_LOAD']]);
  // Forced: no fallback, the reason kept.
  assert.throws(() => load({ CFN_ACCEL_BACKEND: 'native', CFN_ACCEL_NATIVE_PATH: cut }), (e) =>
    e.code === 'ERR_CFN_BACKEND_UNAVAILABLE' && e.cause.code === 'ERR_CFN_NATIVE_LOAD');
  // The local build still loads by path.
  assert.equal(load({ CFN_ACCEL_NATIVE_PATH: addon }).backend.name, 'native');
});

test('packaging: a platform package ships the native executable when cargo built one for its target', () => {
  const { executableFor } = require('../../scripts/package.js');
  const saved = process.env.CARGO_TARGET_DIR;
  const dir = path.join(tmp, 'cargo-target');
  const pkg = (t) => ({ triple: t, meta: require(`../../npm/${t}/package.json`) });
  try {
    process.env.CARGO_TARGET_DIR = dir;
    assert.equal(executableFor(pkg('win32-x64-gnu')), null);
    fs.mkdirSync(path.join(dir, 'x86_64-pc-windows-gnu', 'release'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'x86_64-pc-windows-gnu', 'release', 'cfn-accel.exe'), 'MZ');
    fs.mkdirSync(path.join(dir, 'aarch64-apple-darwin', 'release'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'aarch64-apple-darwin', 'release', 'cfn-accel'), '');
    assert.deepEqual(executableFor(pkg('win32-x64-gnu')), { name: 'cfn-accel.exe', file: path.join(dir, 'x86_64-pc-windows-gnu', 'release', 'cfn-accel.exe') });
    assert.equal(executableFor(pkg('darwin-arm64')).name, 'cfn-accel');
    assert.equal(executableFor(pkg('darwin-x64')), null, 'only the target it was built for');
  } finally {
    if (saved === undefined) delete process.env.CARGO_TARGET_DIR;
    else process.env.CARGO_TARGET_DIR = saved;
  }
});
