'use strict';
// As a user installs it: packs the tarballs (`scripts/package.js`), installs
// them into a fresh project in a temp directory and checks require, import,
// the CLI through npx, the TypeScript types under --strict, and the loader's
// fallbacks when the platform package is damaged or missing; the original
// design's seven call sites as written (design-callsites/); and the types in
// a second project without @types/node. Needs the build (scripts/test.js
// builds first) and the npm registry for the optional dependencies and
// @types/node.

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { rng } = require('../helpers');

const root = path.join(__dirname, '..', '..');
const { version } = require('../../package.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
const TRIPLE = 'linux-x64-gnu';
const mainTgz = path.join(root, 'dist', `cfn-accel-${version}.tgz`);
const platformTgz = path.join(root, 'dist', `cfn-accel-${TRIPLE}-${version}.tgz`);

// The user's environment: none of our switches set.
const cleanEnv = { ...process.env };
for (const k of ['CFN_ACCEL_BACKEND', 'CFN_ACCEL_NATIVE_PATH', 'CFN_ACCEL_DEBUG', 'DISABLE_WASM', 'NODE_OPTIONS']) delete cleanEnv[k];

let project;
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: project, encoding: 'utf8', env: { ...cleanEnv, ...env }, timeout: 300_000 });
const ok = (r) => {
  assert.equal(r.error, undefined, String(r.error));
  assert.equal(r.signal, null, `killed by ${r.signal}\n${r.stderr}`);
  assert.equal(r.status, 0, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

// Loads the installed package in a child process and reports what a user sees.
const PROBE = `
  const a = require('cfn-accel');
  const data = Buffer.from(process.argv[1], 'base64');
  console.log(JSON.stringify({
    backend: a.backend,
    loadErrors: a.loadErrors,
    sha256: a.crypto.hashSHA256(data, { encoding: 'hex' }),
    roundTrip: a.memoryOps.decompress(a.memoryOps.compress(data)).equals(data),
  }));`;
const sample = Buffer.from(Array.from({ length: 4096 }, ((next) => () => (next() * 256) | 0)(rng(7))));
const probe = (env) => JSON.parse(ok(run(process.execPath, ['-e', PROBE, sample.toString('base64')], env)));

test.before(() => {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('the consumer test installs the linux-x64-gnu package: run it on linux x64 (glibc)');
  }
  execFileSync(process.execPath, [path.join(root, 'scripts', 'package.js'), '--no-build'], { cwd: root, stdio: 'pipe' });
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-accel-consumer-'));
  ok(run(npm, ['init', '-y']));
  ok(run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', mainTgz, platformTgz, '@types/node@20']));
});

test.after(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

test('the tarballs hold what a user needs and no build outputs', () => {
  const list = (tgz) => execFileSync('tar', ['tzf', tgz], { encoding: 'utf8' }).trim().split('\n');
  const files = list(mainTgz);
  for (const need of ['index.js', 'index.mjs', 'index.d.ts', 'bin/cfn-accel.js', 'lib/loader.js', 'lib/elf.js',
    'wasm-build/pkg/cfn_accel_wasm.js', 'wasm-build/pkg/cfn_accel_wasm_bg.wasm']) {
    assert.ok(files.includes(`package/${need}`), `main tarball lacks ${need}`);
  }
  assert.deepEqual(files.filter((f) => f.endsWith('.node') || f.includes('/target/') || f.includes('/npm/')), []);
  // The addon, and the native executable (bin cfn-accel-native) that the README's hook command runs.
  assert.deepEqual(list(platformTgz).sort(), ['package/cfn-accel', 'package/cfn-accel.linux-x64-gnu.node', 'package/package.json']);

  const installed = (name) => JSON.parse(fs.readFileSync(path.join(project, 'node_modules', name, 'package.json'), 'utf8'));
  const main = installed('cfn-accel');
  for (const t of ['linux-x64-gnu', 'linux-x64-musl', 'linux-arm64-gnu', 'darwin-x64', 'darwin-arm64', 'win32-x64-gnu']) {
    assert.equal(main.optionalDependencies[`cfn-accel-${t}`], version, t);
  }
  assert.equal(main.scripts, undefined);
  const plat = installed(`cfn-accel-${TRIPLE}`);
  assert.deepEqual([plat.version, plat.os, plat.cpu, plat.libc], [version, ['linux'], ['x64'], ['glibc']]);
});

test('require gives the native backend and right answers', () => {
  const r = probe();
  assert.equal(r.backend, 'native');
  assert.deepEqual(r.loadErrors, []);
  assert.equal(r.sha256, crypto.createHash('sha256').update(sample).digest('hex'));
  assert.equal(r.roundTrip, true);
});

test('import gives the same instance, native', () => {
  const src = `
    import def, { backend, crypto, stringOps } from 'cfn-accel';
    import { createRequire } from 'node:module';
    const req = createRequire(import.meta.url)('cfn-accel');
    console.log(JSON.stringify({ backend, same: def === req && crypto === req.crypto,
      fnv: stringOps.fastHash('hello') }));`;
  const r = JSON.parse(ok(run(process.execPath, ['--input-type=module', '-e', src])));
  // FNV-1a 32 of "hello", from the published test vectors.
  assert.deepEqual(r, { backend: 'native', same: true, fnv: 0x4f9f2cab });
});

test('the CLI runs through npx', () => {
  const info = JSON.parse(ok(run(npm, ['exec', '--no', '--', 'cfn-accel', 'info', '--json'])));
  assert.equal(info.backend, 'native');
  assert.equal(info.version, version);
  assert.equal(info.capabilities.triple, TRIPLE);
  assert.equal(info.capabilities.libc, 'glibc');
  const viaNpx = JSON.parse(ok(run('npx', ['--no', 'cfn-accel', 'info', '--json'])));
  assert.equal(viaNpx.backend, 'native');
});

test('installed: check() from import and `cfn-accel check --json` give the same report', () => {
  fs.mkdirSync(path.join(project, 'src'), { recursive: true });
  fs.writeFileSync(path.join(project, 'src', 'bad.ts'), 'export const f = (a: number => a;\n');
  fs.writeFileSync(path.join(project, 'src', 'ok.cjs'), 'module.exports = 1;\n');
  const src = `
    import { check } from 'cfn-accel';
    console.log(JSON.stringify(await check(['src'], { cache: false })));`;
  const fromApi = JSON.parse(ok(run(process.execPath, ['--input-type=module', '-e', src])));
  const cli = run(npm, ['exec', '--no', '--', 'cfn-accel', 'check', '--json', '--no-cache', 'src']);
  assert.equal(cli.status, 1, cli.stderr);
  assert.deepEqual(fromApi, JSON.parse(cli.stdout));
  assert.deepEqual([fromApi.backend, fromApi.summary.files, fromApi.summary.errors], ['native', 2, 1]);
});

test("the README's hook command runs the native executable: no Node, the Node CLI's answers", () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const m = /"command": "((?:[^"\\]|\\.)*cfn-accel-native hook)"/.exec(readme);
  assert.ok(m, 'the README names a cfn-accel-native hook command');
  const command = JSON.parse(`"${m[1]}"`);
  const bin = path.join(project, 'node_modules', '.bin', 'cfn-accel-native');
  // npm linked the platform package's executable itself, not a Node script.
  assert.equal(fs.readFileSync(fs.realpathSync(bin)).subarray(0, 4).toString('latin1'), '\x7fELF');
  fs.mkdirSync(path.join(project, 'src'), { recursive: true });
  fs.writeFileSync(path.join(project, 'src', 'edited.js'), 'const a = 1;\nconst a = 2;\n');
  fs.writeFileSync(path.join(project, 'src', 'fine.mjs'), 'export const b = 1;\n');
  const hook = (file, args = '') =>
    spawnSync('sh', ['-c', `${command} ${args}`], {
      cwd: project,
      encoding: 'utf8',
      env: { ...cleanEnv, CLAUDE_PROJECT_DIR: project },
      input: JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Edit', tool_input: { file_path: file }, cwd: project }),
    });
  const bad = hook('src/edited.js');
  assert.equal(bad.status, 2, bad.stderr);
  assert.match(bad.stderr, /src\/edited\.js:2:7: error: .*already been declared \[syntax\]/);
  assert.equal(hook('src/fine.mjs').status, 0);
  const reply = hook('src/edited.js', '--reply json');
  assert.equal(reply.status, 0);
  assert.equal(JSON.parse(reply.stdout).decision, 'block');
  // The same report as the Node CLI's.
  const viaExe = run(bin, ['check', '--json', '--no-cache', 'src']);
  const viaNode = run(npm, ['exec', '--no', '--', 'cfn-accel', 'check', '--json', '--no-cache', 'src']);
  assert.equal(viaExe.status, viaNode.status);
  assert.deepEqual(JSON.parse(viaExe.stdout), JSON.parse(viaNode.stdout));
});

test('TypeScript: the API type-checks under --strict, a wrong call does not', () => {
  const good = `
    import { backend, loadErrors, capabilities, crypto, stringOps, memoryOps, validation, StatsWindow } from 'cfn-accel';
    import { check } from 'cfn-accel';
    import type { Backend, LoadError, CheckReport, CheckDiagnostic } from 'cfn-accel';
    const report: CheckReport = await check(['src'], { cwd: '.', cache: false, cacheDir: '.cache' });
    const first: CheckDiagnostic | undefined = report.files[0]?.diagnostics[0];
    const cell: number | undefined = first?.cell;
    console.log(report.ok, report.summary.errors, cell);
    const b: Backend = backend;
    const codes: string[] = loadErrors.map((e: LoadError) => e.code);
    const hex: string = crypto.hashSHA256('abc', { encoding: 'hex' });
    const raw: Buffer = crypto.hashSHA256(new Uint8Array([1, 2, 3]));
    const h: bigint = stringOps.xxh64('abc', 0n);
    const back: Buffer = memoryOps.decompress(memoryOps.compress('text'));
    const valid: boolean = validation.validateJavaScript('let x = 1', { lang: 'ts' }).valid;
    const libc: 'glibc' | 'musl' | null = capabilities().libc;
    const w = new StatsWindow();
    console.log(b, codes, hex, raw, h, back, valid, libc, w);
  `;
  const bad = `
    import { crypto } from 'cfn-accel';
    const n: number = crypto.hashSHA256(42);
    console.log(n);
  `;
  // The good file checks every declaration file too (as a default tsconfig
  // does); the bad one only needs its own error.
  const tscArgs = (file, ...extra) => [tsc, '--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', '--types', 'node', ...extra, file];
  fs.writeFileSync(path.join(project, 'good.mts'), good);
  fs.writeFileSync(path.join(project, 'bad.mts'), bad);
  ok(run(process.execPath, tscArgs('good.mts')));
  const r = run(process.execPath, tscArgs('bad.mts', '--skipLibCheck'));
  assert.equal(r.status, 2, `tsc must reject the wrong call\n${r.stdout}${r.stderr}`);
  // Both mistakes: a number where bytes or a string go, a Buffer where a number goes.
  assert.match(r.stdout, /bad\.mts\(3,\d+\): error TS2769|bad\.mts\(3,\d+\): error TS2345/);
});

test('TypeScript without @types/node: a fresh project type-checks code using the package, lib check on', () => {
  const alone = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-accel-ts-alone-'));
  try {
    const at = (cmd, args) => spawnSync(cmd, args, { cwd: alone, encoding: 'utf8', env: cleanEnv, timeout: 300_000 });
    ok(at(npm, ['init', '-y']));
    ok(at(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', mainTgz]));
    assert.equal(fs.existsSync(path.join(alone, 'node_modules', '@types', 'node')), false, 'no @types/node in this project');
    fs.writeFileSync(path.join(alone, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022'] },
      files: ['use.mts'],
    }));
    fs.writeFileSync(path.join(alone, 'use.mts'), `
      import api, { crypto, memoryOps, stringOps, capabilities, encodeRecord, decodeRecord, WASMRuntimeCoordinator } from 'cfn-accel';
      import type { Buffer, Platform, PerformanceReport } from 'cfn-accel';
      const digest: Uint8Array = crypto.hashSHA256(new Uint8Array([1, 2, 3]));
      const packed: Buffer = memoryOps.compress('text');
      const n: number = packed.length + digest.byteLength;
      const hex: string = crypto.hashSHA256('abc', { encoding: 'hex' });
      const rec = decodeRecord<{ a: number }>(encodeRecord({ a: 1 }));
      const p: Platform = capabilities().platform;
      const h: bigint = stringOps.xxh64('x');
      async function report(): Promise<string> {
        const c = new WASMRuntimeCoordinator({ wasmEnabled: false, metrics: true });
        const { result, accelerated } = await c.execute('stringOps', 'fastHash', 'mystring');
        const caps = await c.detectCapabilities();
        const r: PerformanceReport = c.performanceMonitor.getReport();
        return [result, accelerated, caps.simdSupported, r.summary.wasmPercentage, r.operations[0].speedup].join();
      }
      export { n, hex, rec, p, h, report, api };
    `);
    const r = at(process.execPath, [tsc, '-p', '.']);
    assert.equal(r.status, 0, `tsc without @types/node:\n${r.stdout}${r.stderr}`);
    // And a wrong call is still caught there.
    fs.writeFileSync(path.join(alone, 'use.mts'), `import { crypto } from 'cfn-accel';\nexport const x: number = crypto.hashSHA256(42);\n`);
    const bad = at(process.execPath, [tsc, '-p', '.']);
    assert.equal(bad.status, 2, bad.stdout);
    assert.match(bad.stdout, /use\.mts\(2,\d+\): error TS(2769|2345|2322)/);
    assert.doesNotMatch(bad.stdout, /index\.d\.ts/, 'no error in the package\'s own types');
  } finally {
    fs.rmSync(alone, { recursive: true, force: true });
  }
});

test("the original design's seven call sites run unchanged against the installed package", () => {
  const design = path.join(project, 'design');
  fs.cpSync(path.join(__dirname, 'design-callsites'), design, { recursive: true });
  const runAll = (env) => {
    const r = spawnSync(process.execPath, ['run.js'], { cwd: design, encoding: 'utf8', env: { ...cleanEnv, ...env }, timeout: 120_000 });
    assert.equal(r.status, 0, `exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    return { out: JSON.parse(r.stdout), printed: r.stderr };
  };
  const { out, printed } = runAll({});
  const fnv = (s) => {
    let h = 2166136261;
    for (const byte of Buffer.from(s)) h = Math.imul(h ^ byte, 16777619) >>> 0;
    return h;
  };
  // 3.1: the pipeline initialised and parsed the file (swc's AST on native).
  assert.deepEqual(out['3.1'], { wasmInitialized: true, astType: 'Module' });
  assert.match(printed, /🚀 Post-Edit Pipeline: WASM 52x acceleration READY/);
  assert.match(printed, /🚀 WASM-accelerated AST parsing/);
  assert.deepEqual(out['3.1 wasmEnabled:false'], { wasmEnabled: false, coordinator: true });
  // 3.2: JSON text as JSON.stringify gives it; the FNV-1a hash of the key.
  const agent = { name: 'coder', tasks: [1, 2], nested: { ok: true } };
  assert.deepEqual(out['3.2'], { wasmReady: true, stored: { key: 'agent:a1', serialized: JSON.stringify(agent) }, hash: fnv('agent:a1') });
  // 3.3: the envelope, accelerated, ids increasing.
  const env = out['3.3'].first;
  assert.deepEqual([env.accelerated, env.method], [true, 'native']);
  assert.deepEqual({ ...env.result, id: 0, timestamp: 0 }, { id: 0, sender: 'swarm-7', timestamp: 0, message: { text: 'hi' }, metadata: { priority: 1 } });
  assert.ok(Math.abs(env.result.timestamp - Date.now()) < 600_000);
  assert.ok(out['3.3'].secondId > env.result.id);
  // 3.4: the aggregate, checked against a direct computation.
  const xs = out['3.4'].history.slice().sort((a, b) => a - b);
  const m = out['3.4'].metrics;
  assert.deepEqual([m.count, m.sum, m.min, m.max], [xs.length, xs.reduce((a, b) => a + b, 0), xs[0], xs.at(-1)]);
  assert.equal(m.p50, (xs[3] + xs[4]) / 2);
  // 5.2: the design's keys, as V8 here supports them.
  assert.deepEqual(out['5.2'], { wasmSupported: true, simdSupported: true, threadsSupported: true, bulkMemorySupported: true, version });
  // 8.2: the report printed; with metrics off, no invented speedup.
  assert.deepEqual(out['8.2'], [
    '\n🚀 WASM Performance Report:', '   Total Operations: 1', '   WASM Accelerated: 100.00%', '\n   Top Accelerations:',
    '   - astParser.parseJavaScript: not measured (metrics off) faster',
  ]);
  // 9.1
  assert.equal(out['9.1'], `Hash: ${fnv('mystring')}, Accelerated: true`);

  // Timed on both sides (CFN_ACCEL_METRICS=compare): a measured ratio.
  const timed = runAll({ CFN_ACCEL_METRICS: 'compare' }).out['8.2'];
  assert.match(timed.at(-1), /^ {3}- astParser\.parseJavaScript: \d+\.\d\dx faster$/);
  // DISABLE_WASM=true (the design's switch): the same call sites still run.
  assert.equal(runAll({ DISABLE_WASM: 'true' }).out['9.1'], `Hash: ${fnv('mystring')}, Accelerated: true`);
});

test('a truncated binary is a load error, not a crash, and wasm answers', () => {
  const node = path.join(project, 'node_modules', `cfn-accel-${TRIPLE}`, `cfn-accel.${TRIPLE}.node`);
  const whole = fs.readFileSync(node);
  try {
    for (const keep of [whole.length >> 1, whole.length - 100]) {
      fs.writeFileSync(node, whole.subarray(0, keep));
      const r = probe();
      assert.equal(r.backend, 'wasm');
      assert.equal(r.loadErrors.length, 1);
      assert.equal(r.loadErrors[0].backend, 'native');
      assert.equal(r.loadErrors[0].code, 'ERR_CFN_NATIVE_LOAD');
      assert.match(r.loadErrors[0].message, /truncated/);
      assert.equal(r.sha256, crypto.createHash('sha256').update(sample).digest('hex'));
      assert.equal(r.roundTrip, true);
    }
  } finally {
    fs.writeFileSync(node, whole);
  }
  assert.equal(probe().backend, 'native');
});

test('without the platform package: wasm with the reason, then js with DISABLE_WASM', () => {
  fs.rmSync(path.join(project, 'node_modules', `cfn-accel-${TRIPLE}`), { recursive: true });
  const w = probe();
  assert.equal(w.backend, 'wasm');
  assert.equal(w.loadErrors.length, 1);
  assert.equal(w.loadErrors[0].backend, 'native');
  assert.equal(w.loadErrors[0].code, 'MODULE_NOT_FOUND');
  // The message names the package and the fix.
  assert.match(w.loadErrors[0].message, new RegExp(`cfn-accel-${TRIPLE} is not installed`));
  assert.match(w.loadErrors[0].message, /npm\/cli#4828/);
  assert.match(w.loadErrors[0].message, /delete node_modules and package-lock\.json/);
  assert.equal(w.sha256, crypto.createHash('sha256').update(sample).digest('hex'));

  const j = probe({ DISABLE_WASM: 'true' });
  assert.equal(j.backend, 'js');
  assert.deepEqual(j.loadErrors.map((e) => [e.backend, e.code]), [['native', 'MODULE_NOT_FOUND'], ['wasm', 'DISABLED']]);
  assert.equal(j.sha256, crypto.createHash('sha256').update(sample).digest('hex'));
  assert.equal(j.roundTrip, true);
});
