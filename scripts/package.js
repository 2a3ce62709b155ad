#!/usr/bin/env node
'use strict';
// `npm run package`: builds (incrementally), then writes installable tarballs
// to dist/: the main package cfn-accel-<version>.tgz (JS layer, types, the
// wasm build, the CLI) and cfn-accel-<triple>-<version>.tgz for every
// npm/<triple>/ whose binary has been built here. Each is packed with
// `npm pack` from a staging copy, so the tarball's package.json can differ
// from the repo's: the platform packages become optionalDependencies of the
// main package only there (they are not on the registry, and listing them in
// the repo's package.json would break `npm ci` against the lockfile), and
// every platform package gets the main package's version.
// `--no-build` packs what is already built; `--cross` cross-builds first.
// A platform package also ships the native `cfn-accel` executable
// (`cfn-accel.exe` on Windows) when cargo has built one for its target
// (target/<rust-target>/release/, or target/release/ for the host), listed in
// its package.json's "files".

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { elfProblem } = require('../lib/elf');
const { objectProblem } = require('./objfile');
const { RUST_TARGET, targetDir } = require('./cross');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const readJson = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));
const writeJson = (p, v) => fs.writeFileSync(p, `${JSON.stringify(v, null, 2)}\n`);

/** Runs `npm pack` in `dir` and returns the tarball's path in dist/. */
function pack(dir) {
  const out = execFileSync(npm, ['pack', '--json', '--pack-destination', dist], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [info] = JSON.parse(out);
  return { file: path.join(dist, info.filename), files: info.files.map((f) => f.path), size: info.size };
}

// A private staging root: two packs at once must not share one.
let stageRoot;

/** Copies `rel` paths from `from` into a fresh staging directory `name`. */
function stage(name, from, rels) {
  const dir = path.join(stageRoot, name);
  for (const rel of rels) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.copyFileSync(path.join(from, rel), path.join(dir, rel));
  }
  return dir;
}

/**
 * The native executable cargo built for a platform package's target, or
 * null: under CARGO_TARGET_DIR or target/, per target, then (for the host's
 * own triple) the plain release folder.
 */
function executableFor(p) {
  const name = p.meta.os[0] === 'win32' ? 'cfn-accel.exe' : 'cfn-accel';
  const rust = RUST_TARGET[p.triple];
  const dirs = [...new Set([targetDir(), path.join(root, 'target')])].map((d) => path.join(d, rust, 'release'));
  if (rust === hostRustTarget()) dirs.push(path.join(root, 'target', 'release'));
  const found = dirs.map((d) => path.join(d, name)).find((f) => fs.existsSync(f));
  return found ? { name, file: found } : null;
}

/** The Rust target this machine builds for without --target. */
function hostRustTarget() {
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  return process.platform === 'linux' ? `${arch}-unknown-linux-gnu` : null;
}

/** Why the binary at `file` does not fit platform package `p`, or null. */
function binaryProblem(p, file) {
  return p.meta.os[0] === 'linux' ? elfProblem(file, p.meta.cpu[0]) : objectProblem(file, p.meta.os[0], p.meta.cpu[0]);
}

/** The platform folders npm/<triple>/ that carry a package.json. */
function platformPackages() {
  const base = path.join(root, 'npm');
  return fs
    .readdirSync(base)
    .filter((t) => fs.existsSync(path.join(base, t, 'package.json')))
    .sort()
    .map((t) => ({ triple: t, dir: path.join(base, t), meta: readJson(path.join(base, t, 'package.json')) }));
}

function main() {
  if (!process.argv.includes('--no-build')) {
    execFileSync(process.execPath, [path.join(__dirname, 'build.js'), 'all'], { stdio: 'inherit', cwd: root });
  }
  // `--cross`: also the musl, arm64, macOS and Windows addons (scripts/cross.js; minutes, not in CI).
  if (process.argv.includes('--cross')) {
    execFileSync(process.execPath, [path.join(__dirname, 'cross.js')], { stdio: 'inherit', cwd: root });
  }
  const mainMeta = readJson(path.join(root, 'package.json'));
  fs.mkdirSync(dist, { recursive: true });
  stageRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-accel-stage-'));
  try {
    packAll(mainMeta);
  } finally {
    fs.rmSync(stageRoot, { recursive: true, force: true });
  }
}

function packAll(mainMeta) {
  const { version } = mainMeta;
  const platforms = platformPackages();
  const made = [];

  // The main package: exactly what npm would publish from the repo ("files"),
  // as npm itself lists it.
  const listed = JSON.parse(
    execFileSync(npm, ['pack', '--dry-run', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  )[0].files.map((f) => f.path);
  const stray = listed.filter((f) => f.endsWith('.node') || f.startsWith('target/'));
  if (stray.length) throw new Error(`the main package would contain build outputs: ${stray.join(', ')}`);
  for (const need of ['wasm-build/pkg/cfn_accel_wasm.js', 'wasm-build/pkg/cfn_accel_wasm_bg.wasm', 'index.d.ts']) {
    if (!listed.includes(need)) throw new Error(`the main package lacks ${need} (run \`npm run build\`)`);
  }
  const mainDir = stage('main', root, listed.filter((f) => f !== 'package.json'));
  const staged = { ...mainMeta };
  delete staged.scripts; // build and test scripts need the repo; none runs at install
  delete staged.devDependencies;
  staged.optionalDependencies = { ...mainMeta.optionalDependencies };
  for (const p of platforms) staged.optionalDependencies[p.meta.name] = version;
  writeJson(path.join(mainDir, 'package.json'), staged);
  made.push(pack(mainDir));

  for (const p of platforms) {
    const binary = p.meta.main;
    const file = path.join(p.dir, binary);
    if (!fs.existsSync(file)) {
      console.log(`skipped ${p.meta.name}: ${path.relative(root, file)} is not built on this machine`);
      continue;
    }
    // Never ship a binary that would crash the loader's dlopen, or another platform's.
    const problem = binaryProblem(p, file);
    if (problem) throw new Error(`${path.relative(root, file)}: ${problem}`);
    const dir = stage(p.triple, p.dir, [binary, ...(fs.existsSync(path.join(p.dir, 'README.md')) ? ['README.md'] : [])]);
    const meta = { ...p.meta, version };
    // The native executable ships where cargo built it, as the bin
    // cfn-accel-native (npm links it into node_modules/.bin, no install
    // script); without it the package has no bin.
    const exe = executableFor(p);
    meta.files = meta.files.filter((f) => !/^cfn-accel(?:\.exe)?$/.test(f));
    delete meta.bin;
    if (exe) {
      fs.copyFileSync(exe.file, path.join(dir, exe.name));
      fs.chmodSync(path.join(dir, exe.name), 0o755);
      meta.files = [...meta.files, exe.name];
      meta.bin = { 'cfn-accel-native': exe.name };
      console.log(`${p.meta.name}: with the executable ${path.relative(root, exe.file) || exe.file}`);
    }
    writeJson(path.join(dir, 'package.json'), meta);
    made.push(pack(dir));
  }
  for (const m of made) {
    console.log(`${path.relative(root, m.file)}  ${m.files.length} files, ${(m.size / 1024).toFixed(0)} KiB`);
  }
}

if (require.main === module) main();
module.exports = { executableFor, binaryProblem };
