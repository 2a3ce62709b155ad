'use strict';
// The JS walk (lib/check/walk.js) against ripgrep's `rg --files`, which
// walks with the `ignore` crate's defaults the native walker uses: nested
// .gitignore files with negations, .ignore files, .git/info/exclude, the
// global excludes file, hidden files, a nested repository, a folder that is
// not a repository, a walk started inside an ignored folder, and this
// repository itself. The folders `check` always skips are left out of
// ripgrep's list.

const { test } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { collectFiles, SKIP_DIRS } = require('../../lib/check/walk');

const ROOT = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-walk-'));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function write(dir, files) {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

const gitInit = (dir) => execFileSync('git', ['init', '-q', dir], { stdio: 'ignore' });

/** ripgrep's list for `args` in `cwd` (sorted, relative), less the folders check always skips. */
function rgFiles(cwd, args, env) {
  const clean = { ...process.env, ...env };
  delete clean.RIPGREP_CONFIG_PATH;
  // One thread: with several roots, rg 15.1's parallel walk sometimes
  // misses a parent folder's .gitignore for one of them (seen here: `rg
  // --files doc sub/deeper` listed doc/a/b.md, which `doc/**/*.md` in the
  // root .gitignore ignores, in 5 runs of 12; never with -j1).
  const out = execFileSync('rg', ['-j1', '--files', ...args], { cwd, env: clean, maxBuffer: 1 << 28 }).toString();
  return out
    .split('\n')
    .filter((f) => f !== '' && !f.split('/').slice(0, -1).some((s) => SKIP_DIRS.has(s)))
    .sort();
}

async function ours(cwd, args, env) {
  const { files, missing } = await collectFiles(args, cwd, { ...process.env, ...env });
  assert.deepEqual(missing, []);
  return files.map((f) => path.relative(cwd, f).split(path.sep).join('/')).sort();
}

test('ripgrep is installed (the referee; .ci/run installs it from PyPI)', () => {
  assert.match(execFileSync('rg', ['--version']).toString(), /^ripgrep \d+/);
});

test('a repository with nested ignore files, .ignore, info/exclude, global excludes, hidden files', async () => {
  const home = path.join(tmp, 'home');
  const xdg = path.join(tmp, 'xdg');
  write(xdg, { 'git/ignore': '*.swp\n' });
  const dir = path.join(tmp, 'repo');
  gitInit(dir);
  write(dir, {
    '.gitignore': '*.log\n!keep.log\n/build-out/\ngen/\ndoc/**/*.md\n!doc/keep/**\nnested-only.txt\n\\#literal.js\n',
    '.ignore': '!gen/\nnotes/\n',
    '.git/info/exclude': 'local-only.js\n',
    'a.js': '1',
    'debug.log': 'x',
    'keep.log': 'x',
    '#literal.js': 'x',
    'build-out/x.js': 'x',
    'sub/build-out/y.js': 'x',
    'sub/.gitignore': '*.tmp.js\n!debug.log\n',
    'sub/debug.log': 'x',
    'sub/deeper/z.tmp.js': 'x',
    'z.tmp.js': 'x',
    'gen/g.js': 'x',
    'notes/n.md': 'x',
    'local-only.js': 'x',
    'sub/local-only.js': 'x',
    'editor.swp': 'x',
    'doc/a/b.md': 'x',
    'doc/keep/c.md': 'x',
    'doc/readme.txt': 'x',
    '.hidden/h.js': 'x',
    '.env': 'x',
    'sub/.dotfile': 'x',
    'node_modules/m.js': 'x',
    'target/t.rs': 'x',
    'nested-only.txt': 'x',
    'inner/.gitignore': '*.js\n',
    'inner/i.js': 'x',
    'inner/nested-only.txt': 'x',
  });
  // A repository inside the repository: the outer .gitignore stops at it.
  gitInit(path.join(dir, 'inner'));
  const env = { HOME: home, XDG_CONFIG_HOME: xdg };
  const expected = rgFiles(dir, [], env);
  assert.deepEqual(await ours(dir, ['.'], env), expected);
  // The cases that tell the rules apart are in ripgrep's answer as we read them.
  for (const f of ['a.js', 'keep.log', 'sub/build-out/y.js', 'sub/debug.log', 'z.tmp.js', 'gen/g.js', 'doc/keep/c.md', 'inner/nested-only.txt']) {
    assert.ok(expected.includes(f), f);
  }
  for (const f of ['debug.log', 'build-out/x.js', 'sub/deeper/z.tmp.js', 'notes/n.md', 'local-only.js', 'sub/local-only.js', 'editor.swp', 'doc/a/b.md', '.env', 'inner/i.js', 'nested-only.txt', '#literal.js']) {
    assert.ok(!expected.includes(f), f);
  }

  // core.excludesFile in ~/.gitconfig replaces the XDG file.
  write(home, { '.gitconfig': '[core]\n\texcludesFile = ~/my-excludes\n', 'my-excludes': '*.js\n' });
  const withConfig = rgFiles(dir, [], env);
  assert.ok(!withConfig.includes('a.js') && withConfig.includes('editor.swp'));
  assert.deepEqual(await ours(dir, ['.'], env), withConfig);
  fs.rmSync(path.join(home, '.gitconfig'));

  // Walks started inside the tree, and inside an ignored folder.
  for (const args of [['sub'], ['gen'], ['build-out'], ['doc', 'sub/deeper']]) {
    assert.deepEqual(await ours(dir, args, env), rgFiles(dir, args, env), args.join(' '));
  }
});

test('outside a repository .gitignore files do not apply, .ignore files do', async () => {
  const dir = write(path.join(tmp, 'plain'), {
    '.gitignore': '*.js\n',
    '.ignore': '*.txt\n',
    'a.js': 'x',
    'b.txt': 'x',
    'c.md': 'x',
  });
  const env = { HOME: path.join(tmp, 'home'), XDG_CONFIG_HOME: path.join(tmp, 'xdg') };
  const expected = rgFiles(dir, [], env);
  assert.deepEqual(expected, ['a.js', 'c.md']);
  assert.deepEqual(await ours(dir, ['.'], env), expected);
});

test('this repository: the same files as ripgrep', async () => {
  const expected = rgFiles(ROOT, [], {});
  assert.ok(expected.length > 100, `${expected.length} files`);
  assert.deepEqual(await ours(ROOT, ['.'], {}), expected);
});

test('a hostile ignore file (a rule V8 cannot compile, odd patterns) does not stop the walk', async () => {
  const dir = path.join(tmp, 'hostile');
  gitInit(dir);
  write(dir, {
    '.gitignore': ['x'.repeat(100000), '[', '\\', '[z-a]', '!', '/', 'a[', '*.tmp', ''].join('\n'),
    'a.js': 'x',
    'b.tmp': 'x',
  });
  assert.deepEqual(await ours(dir, ['.'], {}), ['a.js']);
});
