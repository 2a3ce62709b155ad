'use strict';
// `check(paths, opts)` of the JS API resolves to exactly the document
// `cfn-accel check --json` prints, on this backend: on examples/, on a real
// folder tree (this package's lib/ and rxjs's TypeScript sources) and on
// files given one by one; and it refuses unusable arguments.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const api = require('..');

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'cfn-accel.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-check-api-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** `cfn-accel check --json ...args` run in `cwd`, parsed. */
function cliJSON(args, cwd) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, 'check', '--json', ...args], { cwd, maxBuffer: 1 << 28, env: { ...process.env, CFN_ACCEL_CACHE_DIR: path.join(tmp, 'cli-cache') } }, (err, stdout) => {
      if (err && err.code !== 1) return reject(err);
      resolve(JSON.parse(stdout));
    });
  });
}

const cases = [
  ['examples/', ['examples'], ROOT],
  ['examples/post-edit from inside it', ['.'], path.join(ROOT, 'examples', 'post-edit')],
  ['lib/ (a real tree)', ['lib'], ROOT],
  ['rxjs TypeScript sources', ['node_modules/rxjs/src'], ROOT],
  ['named files, one missing, one outside cwd', ['src/clamp.ts', 'nope.js', path.join(ROOT, 'README.md')], path.join(ROOT, 'examples', 'post-edit')],
];

for (const [name, paths, cwd] of cases) {
  test(`check() deep-equals check --json: ${name} (${api.backend})`, async () => {
    const [fromCli, fromApi] = await Promise.all([cliJSON(['--no-cache', ...paths], cwd), api.check(paths, { cwd, cache: false })]);
    assert.equal(fromApi.backend, api.backend);
    assert.ok(fromApi.summary.files > 0);
    assert.deepEqual(fromApi, fromCli);
  });
}

test('check(): the cache options, as the CLI has them', async () => {
  const dir = path.join(tmp, 'cached');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a.js'), 'let x = ;\n');
  const cacheDir = path.join(tmp, 'api-cache');
  const first = await api.check('a.js', { cwd: dir, cacheDir });
  const second = await api.check(['a.js'], { cwd: dir, cacheDir });
  assert.equal(first.summary.cached, 0);
  assert.equal(second.summary.cached, 1);
  assert.ok(fs.existsSync(path.join(cacheDir, 'check-cache.bin')));
  assert.deepEqual({ ...second, summary: { ...second.summary, cached: 0 }, files: second.files.map((f) => ({ ...f, cached: false })) }, first);
  assert.equal(first.ok, false);
});

test('check(): unusable arguments reject with ERR_CFN_INVALID_ARG', async () => {
  for (const [paths, opts, Ctor] of [
    [[], undefined, RangeError],
    [undefined, undefined, TypeError],
    [[1], undefined, TypeError],
    [[''], undefined, RangeError],
    [['.'], 'cwd', TypeError],
    [['.'], { cwd: 1 }, TypeError],
    [['.'], { cache: 'no' }, TypeError],
    [['.'], { cacheDir: false }, TypeError],
  ]) {
    await assert.rejects(api.check(paths, opts), (e) => e instanceof Ctor && e.code === 'ERR_CFN_INVALID_ARG', JSON.stringify([paths, opts]));
  }
});
