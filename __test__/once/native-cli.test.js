'use strict';
// The native executable (cli/, target/release/cfn-accel) against the Node
// CLI on the native backend: the same JSON report for the same trees, the
// same exit codes, and the hook protocol answered the same way.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const exe = path.join(root, 'target', 'release', process.platform === 'win32' ? 'cfn-accel.exe' : 'cfn-accel');
const nodeCli = path.join(root, 'bin', 'cfn-accel.js');
const env = { ...process.env, CFN_ACCEL_BACKEND: 'native' };

const runExe = (args, opts = {}) => spawnSync(exe, args, { encoding: 'utf8', env, maxBuffer: 1 << 30, ...opts });
const runNode = (args, opts = {}) => spawnSync(process.execPath, [nodeCli, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 30, ...opts });

/** A throwaway project folder with `files` ({relative path: content}). */
function project(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-exe-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

test('the executable is built', () => {
  assert.ok(fs.existsSync(exe), `${exe} missing: run npm run build:native`);
});

test('check --json: byte-identical reports and exit codes on real trees', () => {
  const trees = ['examples', 'lib', '__test__', 'src', 'node_modules'];
  for (const tree of trees) {
    const a = runExe(['check', '--json', '--no-cache', tree], { cwd: root });
    const b = runNode(['check', '--json', '--no-cache', tree], { cwd: root });
    assert.equal(a.status, b.status, `${tree}: exit codes`);
    if (a.stdout !== b.stdout) {
      const ja = JSON.parse(a.stdout);
      const jb = JSON.parse(b.stdout);
      assert.deepEqual(ja.summary, jb.summary, `${tree}: summaries`);
      assert.deepEqual(ja, jb, `${tree}: reports`);
    }
    assert.ok(JSON.parse(a.stdout).summary.files > 0, tree);
  }
});

test('check: human output, missing paths, usage errors', () => {
  const dir = project({
    'a.js': 'let a = 1;\nlet a = 2;\n',
    'ok.json': '{"x": 1}',
    'README.md': 'see [x](missing.md)\n',
    'silenced.md': '<!-- cfn-accel-ignore md-broken-link -->\n[x](gone.md)\n[y](gone2.md)\n',
  });
  for (const args of [['check', '.'], ['check', 'a.js', 'nope.ts'], ['check'], ['check', '--bogus', '.'], ['--version'], ['check', '--no-cache', '.']]) {
    const a = runExe(args, { cwd: dir });
    const b = runNode(args, { cwd: dir });
    assert.equal(a.status, b.status, args.join(' '));
    if (a.status !== 2) assert.equal(a.stdout, b.stdout, args.join(' '));
  }
});

test('check: the cache answers unchanged files and notices edits', () => {
  const dir = project({ 'a.ts': 'export const a: number = 1;\n' });
  const cacheEnv = { ...env, CFN_ACCEL_CACHE_DIR: path.join(dir, '.cache') };
  const first = JSON.parse(runExe(['check', '--json', '.'], { cwd: dir, env: cacheEnv }).stdout);
  const second = JSON.parse(runExe(['check', '--json', '.'], { cwd: dir, env: cacheEnv }).stdout);
  assert.deepEqual([first.summary.cached, second.summary.cached], [0, 1]);
  fs.writeFileSync(path.join(dir, 'a.ts'), 'export const a: number = ;\n');
  const third = runExe(['check', '--json', '.'], { cwd: dir, env: cacheEnv });
  assert.equal(third.status, 1);
  assert.equal(JSON.parse(third.stdout).summary.cached, 0);
  // A damaged cache file reads as empty, never as answers.
  const file = fs.readdirSync(path.join(dir, '.cache')).find((f) => f.endsWith('.json'));
  fs.writeFileSync(path.join(dir, '.cache', file), '{"stamp":');
  assert.equal(runExe(['check', '--json', '.'], { cwd: dir, env: cacheEnv }).status, 1);
});

test('hook: the same exit codes and messages as the Node CLI', () => {
  const dir = project({ 'bad.js': 'const x = 1;\nconst x = 2;\n', 'good.ts': 'export const y = 1;\n' });
  const payloads = [
    { tool_name: 'Edit', tool_input: { file_path: 'bad.js' }, cwd: dir },
    { tool_name: 'Write', tool_input: { file_path: path.join(dir, 'good.ts') }, cwd: dir },
    { tool_name: 'Read', tool_input: { file_path: 'bad.js' }, cwd: dir },
    { tool_name: 'Edit', tool_input: {}, cwd: dir },
    { tool_name: 'Edit', tool_input: { file_path: 'gone.js' }, cwd: dir },
  ].map((p) => JSON.stringify(p));
  for (const input of [...payloads, 'not json', '']) {
    const a = runExe(['hook'], { cwd: dir, input });
    const b = runNode(['hook'], { cwd: dir, input });
    assert.equal(a.status, b.status, input);
    assert.equal(a.stdout, b.stdout, input);
    if (a.status === 2) assert.equal(a.stderr, b.stderr, input);
  }
  assert.equal(runExe(['hook'], { cwd: dir, input: payloads[0] }).status, 2);
});

test('.cfn-accel.json: ignore, rule settings and overrides, the same in both CLIs', () => {
  const dir = project({
    '.cfn-accel.json': JSON.stringify({
      ignore: ['generated/'],
      rules: { 'rust-unwrap': 'off', 'rust-panic': 'error' },
      overrides: [{ files: ['tests/**'], rules: { syntax: 'warning' } }],
    }),
    'generated/broken.js': 'let a = ;',
    'src/lib.rs': 'fn a() { x.unwrap(); panic!("no"); }\n',
    'tests/broken.js': 'let b = ;',
    'sub/.cfn-accel.json': '{"rules": {"syntax": "sometimes"}}',
    'sub/broken.js': 'let c = ;',
  });
  const a = runExe(['check', '--json', '--no-cache', '.'], { cwd: dir });
  const b = runNode(['check', '--json', '--no-cache', '.'], { cwd: dir });
  assert.equal(a.stdout, b.stdout);
  const report = JSON.parse(a.stdout);
  const by = Object.fromEntries(report.files.map((f) => [f.path, f.diagnostics.map((d) => `${d.severity} ${d.rule}`)]));
  assert.equal(by['generated/broken.js'], undefined, 'ignored');
  assert.deepEqual(by['src/lib.rs'], ['error rust-panic']);
  assert.deepEqual(by['tests/broken.js'], ['warning syntax']);
  // A project file that cannot be used applies nothing, and says so.
  assert.deepEqual(by['sub/broken.js'], ['warning config', 'error syntax']);
  assert.equal(a.status, 1);
});
