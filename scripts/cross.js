#!/usr/bin/env node
'use strict';
// `npm run cross [musl|arm64]` (none: both): cross-builds the napi addon for the Linux
// platform packages the host build does not make (x64 musl, arm64 glibc) with
// cargo-zigbuild, zig being the linker and the C toolchain, into
// npm/<triple>/cfn-accel.<triple>.node. Not part of `npm test` or CI: a first
// build of one target takes minutes (see the README); after that cargo
// rebuilds only what changed, and the copy happens only for a newer library.
// Installs what is missing, each from its own registry: the rustup targets,
// zig (`pip install ziglang`, PyPI) and cargo-zigbuild (crates.io).
// Then checks every output: a complete ELF shared object for its arch, and,
// where binutils' readelf exists, the libraries and glibc versions it needs.

const fs = require('node:fs');
const path = require('node:path');
const { elfProblem } = require('../lib/elf');
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
];

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

function build(t) {
  const started = Date.now();
  // Parallelism as cargo's own: CARGO_BUILD_JOBS limits it.
  run('cargo', ['zigbuild', '--release', '-p', 'cfn-accel-napi', '--target', t.zig], { env: { ...process.env, ...t.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const from = path.join(root, 'target', t.rust, 'release', 'libcfn_accel_napi.so');
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
module.exports = { TARGETS, verify, dynamicNeeds };
