#!/usr/bin/env node
'use strict';
// `npm run cross [musl|arm64|darwin-x64|darwin-arm64|win32]...` (none: all):
// cross-builds the napi addon for the platform packages the host build does
// not make (Linux x64 musl and arm64 glibc, macOS x64 and arm64, Windows x64)
// with cargo-zigbuild, zig being the linker and the C toolchain, into
// npm/<triple>/cfn-accel.<triple>.node. Not part of `npm test` or CI: a first
// build of one target takes minutes (see the README); after that cargo
// rebuilds only what changed, and the copy happens only for a newer library.
// CARGO_TARGET_DIR is honoured (a separate one keeps a worktree's own
// incremental build untouched). Installs what is missing, each from its own
// registry: the rustup targets, zig (`pip install ziglang`, PyPI) and
// cargo-zigbuild (crates.io). Then checks every output: ELF files a complete
// shared object for their arch and, where binutils' readelf exists, the
// libraries and glibc versions they need; Mach-O and PE files their format,
// arch and N-API entry point (scripts/objfile.js; scripts/verify-cross.js
// goes further).

const fs = require('node:fs');
const path = require('node:path');
const { elfProblem } = require('../lib/elf');
const { objectProblem } = require('./objfile');
const { root, run, quiet, copyIfNewer } = require('./shell');

/**
 * What gets built. `zig` is the target as cargo-zigbuild takes it: a `.2.17`
 * suffix links against glibc 2.17's symbol versions (CentOS 7, Amazon Linux 2
 * and later; Rust's own floor for aarch64), so the addon loads on old distros.
 */
const TARGETS = [
  {
    name: 'musl',
    rust: 'x86_64-unknown-linux-musl',
    zig: 'x86_64-unknown-linux-musl',
    triple: 'linux-x64-musl',
    arch: 'x64',
    // Rust links musl statically by default, and a static libc cannot be a
    // cdylib that node dlopens. Target-scoped, so the host build's flags (and
    // its cached artifacts) stay as they are.
    env: { CARGO_TARGET_X86_64_UNKNOWN_LINUX_MUSL_RUSTFLAGS: '-C target-feature=-crt-static' },
    // musl's loader answers every libc.* / libpthread.* ... name itself.
    needed: ['libc.so', 'libc.musl-x86_64.so.1'],
    glibc: null,
  },
  {
    name: 'arm64',
    rust: 'aarch64-unknown-linux-gnu',
    zig: 'aarch64-unknown-linux-gnu.2.17',
    triple: 'linux-arm64-gnu',
    arch: 'arm64',
    env: {},
    // Before glibc 2.34 these were separate libraries; all are in every glibc,
    // and libgcc_s (unwinding) is on every glibc system.
    needed: ['libgcc_s.so.1', 'libc.so.6', 'libpthread.so.0', 'libdl.so.2', 'libm.so.6', 'librt.so.1', 'ld-linux-aarch64.so.1'],
    glibc: '2.17',
  },
  // macOS: zig links against its own copy of libSystem's symbols (no SDK is
  // needed while nothing links an Apple framework); napi-build passes
  // `-undefined dynamic_lookup`, so N-API resolves in the node process.
  // 10.12 / 11.0: the oldest macOS each arch's Rust std supports.
  { name: 'darwin-x64', rust: 'x86_64-apple-darwin', zig: 'x86_64-apple-darwin', triple: 'darwin-x64', os: 'darwin', arch: 'x64', env: {} },
  { name: 'darwin-arm64', rust: 'aarch64-apple-darwin', zig: 'aarch64-apple-darwin', triple: 'darwin-arm64', os: 'darwin', arch: 'arm64', env: {} },
  // Windows: the GNU ABI target (mingw-w64's C runtime, as zig ships it):
  // the MSVC target needs Microsoft's SDK and CRT libraries, which no package
  // registry this project may use carries. N-API is plain C, so a GNU-built
  // DLL loads in the MSVC-built node.exe; napi-sys finds the functions in the
  // process at load (dyn-symbols, napi/Cargo.toml).
  {
    name: 'win32',
    rust: 'x86_64-pc-windows-gnu',
    zig: 'x86_64-pc-windows-gnu',
    triple: 'win32-x64-gnu',
    os: 'win32',
    arch: 'x64',
    // zig cc makes __DATE__ an error (-Werror=date-time, for reproducible
    // builds); mimalloc's Windows code prints it in a banner.
    env: { CFLAGS_x86_64_pc_windows_gnu: '-Wno-error=date-time' },
  },
];

/** The Rust target of each platform package, the host's build included. */
const RUST_TARGET = Object.fromEntries([['linux-x64-gnu', 'x86_64-unknown-linux-gnu'], ...TARGETS.map((t) => [t.triple, t.rust])]);

/** Cargo's output folder (CARGO_TARGET_DIR, else target/ in the repository). */
const targetDir = () => path.resolve(root, process.env.CARGO_TARGET_DIR || 'target');

/** The file cargo writes for the napi cdylib on `rust`'s platform. */
function libraryName(rust) {
  if (rust.includes('-apple-')) return 'libcfn_accel_napi.dylib';
  if (rust.includes('-windows-')) return 'cfn_accel_napi.dll';
  return 'libcfn_accel_napi.so';
}

const python = () => (quiet('python3', ['--version']) !== null ? 'python3' : 'python');

/** Installs the rustup targets, zig and cargo-zigbuild that are missing. */
function ensureTools(targets) {
  const installed = quiet('rustup', ['target', 'list', '--installed']) || '';
  const missing = targets.map((t) => t.rust).filter((r) => !installed.split('\n').includes(r));
  if (missing.length) run('rustup', ['target', 'add', ...missing]);
  // cargo-zigbuild finds zig on PATH, else runs `python3 -m ziglang`.
  if (quiet('zig', ['version']) === null && quiet(python(), ['-m', 'ziglang', 'version']) === null) {
    run(python(), ['-m', 'pip', 'install', 'ziglang']);
  }
  if (quiet('cargo-zigbuild', ['--version']) === null) {
    console.log('installing cargo-zigbuild (about 1.5 minutes on one core, once)');
    run('cargo', ['install', 'cargo-zigbuild']);
  }
}

/**
 * The dynamic section's NEEDED names, the GLIBC_x.y versions the file
 * requires and whether it uses static TLS, via readelf; null without it.
 */
function dynamicNeeds(file) {
  const out = quiet('readelf', ['-d', '-V', '-W', file]);
  if (out === null) return null;
  const needed = [...out.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
  // Version needs (.gnu.version_r) list `Name: GLIBC_2.17  Flags: ...` lines.
  const versions = [...new Set([...out.matchAll(/Name: GLIBC_([0-9.]+)/g)].map((m) => m[1]))];
  // DF_STATIC_TLS: initial-exec TLS, which musl's dlopen refuses to relocate.
  const staticTls = /\(FLAGS\)[^\n]*STATIC_TLS/.test(out);
  return { needed, versions, staticTls };
}

const versionLe = (a, b) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) < (y[i] || 0);
  }
  return true;
};

/** Problems with a cross-built file (sentences), empty when it is fine. */
function verify(t, file) {
  if (t.os) {
    const problem = objectProblem(file, t.os, t.arch);
    return problem ? [problem] : [];
  }
  const problems = [];
  const elf = elfProblem(file, t.arch);
  if (elf) problems.push(elf);
  const needs = dynamicNeeds(file);
  if (!needs) {
    console.log(`  (readelf not found: libraries and glibc versions not checked)`);
    return problems;
  }
  const extra = needs.needed.filter((n) => !t.needed.includes(n));
  if (extra.length) problems.push(`needs libraries beyond the C runtime: ${extra.join(', ')}`);
  if (t.glibc === null && needs.versions.length) problems.push(`requires glibc symbol versions on a musl target: ${needs.versions.join(', ')}`);
  if (t.glibc === null && needs.staticTls) problems.push("uses initial-exec TLS (DF_STATIC_TLS): musl's dlopen refuses to load it");
  const newer = t.glibc ? needs.versions.filter((v) => !versionLe(v, t.glibc)) : [];
  if (newer.length) problems.push(`requires GLIBC_${newer.join(', GLIBC_')}, newer than ${t.glibc}`);
  const highest = needs.versions.sort((a, b) => (versionLe(a, b) ? -1 : 1)).pop();
  console.log(`  NEEDED ${needs.needed.join(', ')}${highest ? `; highest symbol version GLIBC_${highest}` : ''}`);
  return problems;
}

/**
 * napi-build insists on a libnode.dll to link for windows-gnu, which the
 * addon does not need (it finds N-API in the process, see above): an empty
 * import library and a placeholder satisfy it and add no import.
 */
function libnodeStub() {
  const dir = path.join(targetDir(), 'libnode-stub');
  fs.mkdirSync(dir, { recursive: true });
  // zig's linker looks for libnode.a, GNU ld for libnode.dll.a: both, empty.
  for (const lib of ['libnode.a', 'libnode.dll.a']) fs.writeFileSync(path.join(dir, lib), '!<arch>\n');
  fs.writeFileSync(path.join(dir, 'libnode.dll'), 'placeholder for napi-build; never linked or loaded\n');
  return { LIBNODE_PATH: dir };
}

function build(t) {
  const started = Date.now();
  const env = { ...process.env, ...t.env, ...(t.os === 'win32' ? libnodeStub() : {}) };
  // Parallelism as cargo's own: CARGO_BUILD_JOBS limits it.
  run('cargo', ['zigbuild', '--release', '-p', 'cfn-accel-napi', '--target', t.zig], { env });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const from = path.join(targetDir(), t.rust, 'release', libraryName(t.rust));
  const to = path.join(root, 'npm', t.triple, `cfn-accel.${t.triple}.node`);
  copyIfNewer(from, to);
  console.log(`${t.name}: ${path.relative(root, to)} (${(fs.statSync(to).size / 1024).toFixed(0)} KiB, cargo ${seconds} s)`);
  const problems = verify(t, to);
  if (problems.length) throw new Error(`${path.relative(root, to)}: ${problems.join('; ')}`);
}

function main() {
  const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = names.filter((n) => !TARGETS.some((t) => t.name === n || t.triple === n));
  if (unknown.length) throw new Error(`unknown target ${unknown.join(', ')} (have: ${TARGETS.map((t) => t.name).join(', ')})`);
  const chosen = names.length ? TARGETS.filter((t) => names.includes(t.name) || names.includes(t.triple)) : TARGETS;
  ensureTools(chosen);
  // One target at a time: each already keeps both cores busy.
  for (const t of chosen) build(t);
}

if (require.main === module) main();
module.exports = { TARGETS, RUST_TARGET, targetDir, verify, dynamicNeeds };
