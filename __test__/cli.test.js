'use strict';
// The `cfn-accel` command line, spawned as users and Claude Code run it, on
// files written to temporary folders: every file kind, positions, --json,
// exit codes, the cache, and the hook protocol.

const { describe, test, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const BIN = path.join(__dirname, '..', 'bin', 'cfn-accel.js');
const ROOT = path.join(__dirname, '..');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

let dirCount = 0;
/** A fresh folder with `files` ({relative path: content}) and its own cache folder. */
function project(files) {
  const dir = path.join(tmp, `p${dirCount++}`);
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs the CLI; the cache goes to `cacheDir`. Resolves to {code, stdout, stderr}. */
function cli(args, { cwd = tmp, input = '', cacheDir = path.join(tmp, 'cache-default'), env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, CFN_ACCEL_CACHE_DIR: cacheDir, ...env },
      timeout: 60000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => {}); // the CLI may exit before reading all of it
    child.stdin.end(input);
  });
}

const checkJSON = async (dir, extra = [], opts = {}) => {
  const r = await cli(['check', '.', '--json', ...extra], {
    cwd: dir,
    cacheDir: path.join(dir, '..', `${path.basename(dir)}-cache`),
    ...opts,
  });
  return { ...r, doc: JSON.parse(r.stdout) };
};

const diagsOf = (doc, rel) => {
  const f = doc.files.find((x) => x.path === rel);
  assert.ok(f, `${rel} was checked`);
  return f.diagnostics;
};
const rulesOf = (doc, rel) => diagsOf(doc, rel).map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`);

// Secrets are assembled at run time so this file does not trip the scan
// (and random, with GitHub's checksum, so the scan takes them for real).
const randomOf = (n, alphabet) => Array.from(require('node:crypto').randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
const AWS_KEY = 'AKIA' + randomOf(16, 'ABCDEFGHJKLMNPQRSTUVWZ234567');
const GH_TOKEN = (() => {
  const body = randomOf(30, 'ABCDEFGHJKLMNPQRSUVWZabcdefghjkmnpqruvwz0123456789');
  let n = require('../lib/check/rules/secrets').crc32(body);
  let sum = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 62)) sum = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'[n % 62] + sum;
  return 'ghp' + '_' + body + sum;
})();
const PEM = require('node:crypto')
  .generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs1', format: 'pem' });
const PASSWORD = 'PASS' + 'WORD';
const EVAL = 'ev' + 'al';
const FUNCTION = 'Func' + 'tion';

describe('cfn-accel CLI', { concurrency: true }, () => {
  test('JS and TS syntax errors at their line and column; valid files are clean', async () => {
    const dir = project({
      'ok.js': "'use strict';\nconst a = [1, 2].map((x) => x * 2);\nmodule.exports = { a };\n",
      'ok.mjs': "import fs from 'node:fs';\nexport default fs;\n",
      'ok.cjs': "const path = require('node:path');\nmodule.exports = path.sep;\n",
      'ok.ts':
        'interface P { x: number }\nexport const p: P = { x: 1 };\nexport function f<T>(v: T): T { return v; }\n',
      'ok.tsx': 'export const C = (p: { n: number }) => <div className="c">{p.n}</div>;\n',
      'ok.jsx': 'export const C = () => <span>hi</span>;\n',
      'bad.js': 'const x = 1;\nconst y = 2;\nlet z = };\n',
      'bad.ts': 'let ok: number = 1;\nlet z: string = };\n',
      'bad.tsx': 'export const C = () => <div>;\n',
    });
    const { code, doc } = await checkJSON(dir);
    assert.equal(code, 1);
    for (const f of ['ok.js', 'ok.mjs', 'ok.cjs', 'ok.ts', 'ok.tsx', 'ok.jsx'])
      assert.deepEqual(diagsOf(doc, f), [], f);
    const bad = diagsOf(doc, 'bad.js');
    assert.equal(bad.length >= 1, true);
    assert.deepEqual([bad[0].line, bad[0].column, bad[0].severity, bad[0].rule], [3, 9, 'error', 'syntax']);
    assert.equal(typeof bad[0].message, 'string');
    const badTs = diagsOf(doc, 'bad.ts');
    assert.deepEqual([badTs[0].line, badTs[0].column, badTs[0].rule], [2, 17, 'syntax']);
    assert.equal(diagsOf(doc, 'bad.tsx')[0].rule, 'syntax');
    assert.equal(doc.files.find((f) => f.path === 'ok.tsx').kind, 'tsx');
  });

  test('JSON: errors with position; tsconfig may have comments', async () => {
    const dir = project({
      'good.json': '{"a": [1, 2, {"b": null}]}\n',
      'bad.json': '{\n  "a": 1,\n  "b": \n}\n',
      'trailing.json': '{"a": [1, 2,]}',
      'tsconfig.json': '{\n  // comments are allowed here\n  "compilerOptions": {}\n}\n',
    });
    const { code, doc } = await checkJSON(dir);
    assert.equal(code, 1);
    assert.deepEqual(diagsOf(doc, 'good.json'), []);
    assert.deepEqual(diagsOf(doc, 'tsconfig.json'), []);
    assert.deepEqual(rulesOf(doc, 'bad.json'), ['4:1 error json-syntax']);
    // Valid JSONC in a .json file: a warning (comments are not a broken file); in package.json an error.
    assert.deepEqual(rulesOf(doc, 'trailing.json'), ['1:13 warning json-comments']);
  });

  test('Markdown: fences, headings, links and broken local links', async () => {
    const dir = project({
      'docs/exists.md': '# Exists\n',
      'docs/img/logo.png': 'not really a png',
      'docs/guide.md': [
        '# Guide', // 1
        '', // 2
        'See [exists](exists.md#section), [logo](img/logo.png "Logo"), [web](https://example.com), [top](#guide).', // 3
        'And [gone](missing.md) and `[code](not-a-link.md)` and [empty]().', // 4
        '', // 5
        '#NoSpace', // 6
        '#### Jump', // 7
        '', // 8
        '[ref]: ./nope/file.txt', // 9
        '[used][ref] and [undefined one][nowhere]', // 10
        '', // 11
        '```js', // 12
        '[inside](a-fence.md)', // 13
        '```', // 14
        '', // 15
        '~~~~', // 16
        'never closed', // 17
      ].join('\n'),
      'clean.md': '# Clean\n\n## Part\n\n[ok](clean.md)\n\n```\ncode\n```\n',
    });
    const { code, doc } = await checkJSON(dir);
    assert.equal(code, 1);
    assert.deepEqual(diagsOf(doc, 'clean.md'), []);
    assert.deepEqual(diagsOf(doc, 'docs/exists.md'), []);
    assert.deepEqual(rulesOf(doc, 'docs/guide.md'), [
      // exists.md has no '#section'; a definition is checked where it is used;
      // [x][nowhere] is no link in CommonMark; an unclosed fence runs to the end.
      '3:5 warning md-broken-anchor',
      '4:5 error md-broken-link',
      '4:56 warning md-empty-link',
      '6:1 warning md-heading-space',
      '7:1 warning md-heading-increment',
      '10:1 error md-broken-link',
      '16:1 warning md-unclosed-fence',
    ]);
    // A broken link mends when its target appears, though the file is unchanged (cached).
    fs.writeFileSync(path.join(dir, 'docs', 'missing.md'), '# Now here\n');
    const again = (await checkJSON(dir)).doc;
    assert.equal(again.files.find((f) => f.path === 'docs/guide.md').cached, true);
    assert.ok(!rulesOf(again, 'docs/guide.md').includes('4:5 error md-broken-link'));
  });

  test('Rust: todo!/unimplemented! are errors, unwrap/expect/panic warnings, not in comments, strings or tests', async () => {
    const dir = project({
      'src/lib.rs': [
        'pub fn f(x: Option<u8>) -> u8 {', // 1
        '    // x.unwrap() in a comment, todo!() too', // 2
        '    let s = "x.unwrap() and panic!() in a string";', // 3
        '    let r = r#"raw .expect("no")"#;', // 4
        "    let c = '\"'; let l: &'static str = s;", // 5
        '    let v = x.unwrap();', // 6
        '    let w = x.expect("present");', // 7
        '    if v == 0 { panic!("zero"); }', // 8
        '    todo!()', // 9
        '}', // 10
        'pub fn g() { unimplemented!() }', // 11
        '/* block /* nested */ .unwrap() */', // 12
        '#[cfg(test)]', // 13
        'mod tests { #[test] fn t() { Some(1).unwrap(); todo!(); } }', // 14
      ].join('\n'),
      'src/clean.rs': 'pub fn parse(s: &str) -> Result<u16, std::num::ParseIntError> {\n    s.parse::<u16>()\n}\n',
    });
    const { code, doc } = await checkJSON(dir);
    assert.equal(code, 1);
    assert.deepEqual(diagsOf(doc, 'src/clean.rs'), []);
    assert.deepEqual(rulesOf(doc, 'src/lib.rs'), [
      '6:15 warning rust-unwrap',
      '7:15 warning rust-expect',
      '8:17 warning rust-panic',
      '9:5 error rust-todo',
      '11:14 error rust-unimplemented',
    ]);
  });

  test('security scan on every text file: secrets are errors, risky calls warnings', async () => {
    const dir = project({
      'config.yml': `aws:\n  key: ${AWS_KEY}\n`,
      'deploy.sh': `#!/bin/sh\nexport TOKEN=${GH_TOKEN}\n`,
      'key.txt': `x\n${PEM}`,
      'db.py': `DB_${PASSWORD} = "hunter2-is-bad"\nplaceholder_${PASSWORD.toLowerCase()} = "\${PASSWORD}"\n`,
      'run.js': `const out = ${EVAL}('1 + 1');\nconst f = new ${FUNCTION}('return 1');\nmodule.exports = { out, f };\n`,
      'notes.md': `# Notes\n\nDo not paste keys like ${AWS_KEY} here, nor ${AWS_KEY}.\n`,
      'binary.bin': Buffer.from([0, 1, 2, 0x41, 0x4b, 0x49, 0x41]),
    });
    const { code, doc } = await checkJSON(dir);
    assert.equal(code, 1);
    assert.deepEqual(rulesOf(doc, 'config.yml'), ['2:8 error secret-aws-access-key']);
    assert.deepEqual(rulesOf(doc, 'deploy.sh'), ['2:14 error secret-github-token']);
    assert.deepEqual(rulesOf(doc, 'key.txt'), ['2:1 error secret-private-key']);
    assert.deepEqual(rulesOf(doc, 'db.py'), ['1:1 error secret-hardcoded']);
    assert.deepEqual(rulesOf(doc, 'run.js'), ['1:13 warning eval', '2:11 warning new-function']);
    const notes = diagsOf(doc, 'notes.md');
    // Documentation: warnings, each occurrence.
    assert.deepEqual(rulesOf(doc, 'notes.md'), ['3:24 warning secret-aws-access-key', '3:55 warning secret-aws-access-key']);
    assert.doesNotMatch(notes[0].message, new RegExp(AWS_KEY));
    assert.equal(doc.files.find((f) => f.path === 'binary.bin').kind, 'binary');
    assert.deepEqual(diagsOf(doc, 'binary.bin'), []);
  });

  test('human output reads like a compiler; warnings alone exit 0', async () => {
    const dir = project({
      'a.js': 'let x = ;\n',
      'w.rs': 'fn f(o: Option<u8>) -> u8 { o.unwrap() }\n',
    });
    const cacheDir = path.join(tmp, 'human-cache');
    const r = await cli(['check', 'a.js', 'w.rs'], { cwd: dir, cacheDir });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^a\.js:1:9: error: .+ \[syntax\]$/);
    assert.match(lines[1], /^w\.rs:1:31: warning: `\.unwrap\(\)` .+ \[rust-unwrap\]$/);
    assert.equal(lines[2], '2 files checked: 1 error, 1 warning');
    const w = await cli(['check', 'w.rs'], { cwd: dir, cacheDir });
    assert.equal(w.code, 0);
    assert.match(w.stdout, /1 file checked \(1 from cache\): 0 errors, 1 warning/);
  });

  test('--json is one document with the documented shape', async () => {
    const dir = project({ 'ok.json': '{}', 'bad.json': '{' });
    const { code, doc } = await checkJSON(dir);
    assert.equal(code, 1);
    assert.equal(doc.tool, 'cfn-accel');
    assert.equal(doc.version, require('../package.json').version);
    assert.equal(doc.backend, process.env.CFN_ACCEL_BACKEND || require('..').backend);
    assert.equal(doc.ok, false);
    assert.deepEqual(doc.summary, { files: 2, cached: 0, errors: 1, warnings: 0 });
    assert.deepEqual(
      doc.files.map((f) => f.path),
      ['bad.json', 'ok.json'],
    );
    assert.deepEqual(Object.keys(doc.files[0]).sort(), ['cached', 'diagnostics', 'kind', 'path']);
    assert.deepEqual(Object.keys(doc.files[0].diagnostics[0]).sort(), [
      'column',
      'line',
      'message',
      'rule',
      'severity',
    ]);
    const clean = await checkJSON(project({ 'ok.json': '[]' }));
    assert.equal(clean.code, 0);
    assert.equal(clean.doc.ok, true);
  });

  test('the cache answers unchanged files and notices changes; --no-cache bypasses it', async () => {
    const dir = project({ 'a.js': 'let a = 1;\n', 'b.ts': 'let b: number = 2;\n', 'c.md': '# C\n' });
    const cacheDir = path.join(tmp, 'cache-test');
    const run = async (...extra) =>
      JSON.parse((await cli(['check', '.', '--json', ...extra], { cwd: dir, cacheDir })).stdout).summary;
    assert.equal((await run()).cached, 0);
    assert.ok(fs.existsSync(path.join(cacheDir, 'check-cache.bin')));
    assert.equal((await run()).cached, 3);
    fs.writeFileSync(path.join(dir, 'a.js'), 'let a = ;\n');
    const changed = await run();
    assert.equal(changed.cached, 2);
    assert.equal(changed.errors, 1);
    assert.equal((await run()).cached, 3, 'the changed file is cached in turn');
    assert.equal((await run('--no-cache')).cached, 0);
    fs.writeFileSync(path.join(cacheDir, 'check-cache.bin'), 'garbage');
    const afterDamage = await run();
    assert.equal(afterDamage.cached, 0, 'a damaged cache reads as empty');
    assert.equal(afterDamage.errors, 1);
    assert.equal((await run()).cached, 3);
  });

  test('walking skips dependency, build, hidden and git-ignored folders, not named files', async () => {
    const bad = 'let x = ;\n';
    const dir = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.env': `KEY=${AWS_KEY}\n`,
      'src/ok.js': 'let ok = 1;\n',
      'node_modules/dep/bad.js': bad,
      '.hidden/bad.js': bad,
      'dist/bad.js': bad,
      'build/bad.js': bad,
      'coverage/bad.js': bad,
      'target/bad.rs': 'fn f() { todo!() }',
      'generated/bad.js': bad,
      'src/out.gen.js': bad,
      '.gitignore': 'generated/\n*.gen.js\n',
    });
    const { code, doc } = await checkJSON(dir);
    assert.equal(code, 0, JSON.stringify(doc.files.map((f) => f.path)));
    // Hidden files are skipped as ripgrep skips them (.gitignore, .env).
    assert.deepEqual(
      doc.files.map((f) => f.path),
      ['src/ok.js'],
    );
    const named = await cli(['check', 'node_modules/dep/bad.js', 'generated'], { cwd: dir });
    assert.equal(named.code, 1);
    assert.match(named.stdout, /node_modules\/dep\/bad\.js:1:9: error/);
    assert.match(named.stdout, /generated\/bad\.js:1:9: error/);
  });

  test('missing paths are errors; usage errors exit 2', async () => {
    const missing = await cli(['check', path.join(tmp, 'does-not-exist.js')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /does-not-exist\.js: error: no such file or directory \[io\]/);
    assert.equal((await cli(['check'])).code, 2);
    const unknown = await cli(['check', '--frobnicate', '.']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /frobnicate/);
    assert.equal((await cli([])).code, 2);
    assert.equal((await cli(['nope'])).code, 2);
  });

  test('--help for the tool and every command; --version', async () => {
    for (const args of [['--help'], ['check', '--help'], ['hook', '--help'], ['info', '--help']]) {
      const r = await cli(args);
      assert.equal(r.code, 0, args.join(' '));
      assert.match(r.stdout, /Usage: cfn-accel/);
    }
    assert.match((await cli(["check", "--help"])).stdout, /error +rust-todo +Rust: todo!/);
    assert.match((await cli(['hook', '--help'])).stdout, /"PostToolUse"/);
    assert.equal((await cli(['--version'])).stdout.trim(), require('../package.json').version);
  });

  test('info: backend, load errors, capabilities, versions', async () => {
    const api = require('..');
    const text = await cli(['info']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, new RegExp(`backend: +${api.backend}`));
    assert.match(text.stdout, new RegExp(`node ${process.version.replace(/\./g, '\\.')}`));
    const json = await cli(['info', '--json']);
    assert.equal(json.code, 0);
    const doc = JSON.parse(json.stdout);
    assert.equal(doc.backend, api.backend);
    assert.equal(doc.version, require('../package.json').version);
    assert.equal(doc.node, process.version);
    assert.deepEqual(doc.loadErrors, api.loadErrors);
    assert.deepEqual(doc.capabilities, api.capabilities());
  });

  test("the README's first command prints what the README shows (on js: the js line the README gives)", async () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.match(readme.split('\n')[3], /^npm ci && npm run build:native && node bin\/cfn-accel\.js check examples\/post-edit /);
    const shown = /node bin\/cfn-accel\.js check examples\/post-edit +# or[^\n]*\n```\n```\n([\s\S]*?)```/.exec(readme)[1];
    const r = await cli(['check', 'examples/post-edit'], { cwd: ROOT, cacheDir: path.join(tmp, 'example-cache') });
    assert.equal(r.code, 1);
    const api = require('..');
    if (api.backend === 'js') {
      const jsLine = /first line reads, in Babel's words:\n`([^`\n]+)`/.exec(readme)[1];
      assert.equal(r.stdout, `${jsLine}\n${shown.split('\n')[1]}\n`);
    } else {
      assert.equal(r.stdout, shown);
    }
  });

  test('hook: the Claude Code PostToolUse protocol', async () => {
    const dir = project({
      'src/bad.ts': 'export const a: number = 1;\nexport const b = (;\n',
      'src/ok.ts': 'export const a: number = 1;\n',
      'src/warn.rs': 'fn f(o: Option<u8>) -> u8 { o.unwrap() }\n',
    });
    const hook = (payload) =>
      cli(['hook'], { input: typeof payload === 'string' ? payload : JSON.stringify(payload), cwd: tmp });
    const payload = (tool, file, cwd = dir) => ({
      session_id: 'abc123',
      transcript_path: '/tmp/transcript.jsonl',
      cwd,
      hook_event_name: 'PostToolUse',
      tool_name: tool,
      tool_input: { file_path: file, old_string: 'a', new_string: 'b' },
      tool_response: { filePath: file, success: true },
    });

    const blocked = await hook(payload('Edit', 'src/bad.ts'));
    assert.equal(blocked.code, 2);
    assert.equal(blocked.stdout, '');
    assert.match(blocked.stderr, /^src\/bad\.ts:2:\d+: error: .+ \[syntax\]$/m);

    // The rest are independent: run them side by side.
    const cases = [];
    for (const tool of ['Write', 'MultiEdit', 'Edit']) {
      cases.push([
        `${tool} with an absolute path`,
        payload(tool, path.join(dir, 'src/bad.ts'), tmp),
        2,
        /bad\.ts:2:\d+: error/,
      ]);
    }
    for (const [tool, file] of [
      ['Write', 'src/ok.ts'],
      ['MultiEdit', 'src/ok.ts'],
      ['Edit', 'src/warn.rs'],
    ]) {
      cases.push([`${tool} ${file}: clean or warnings only is silent`, payload(tool, file), 0, null]);
    }
    for (const [bad, why] of [
      [payload('Read', 'src/bad.ts'), /tool "Read" edits no file/],
      [{ tool_input: { file_path: 'src/bad.ts' }, cwd: dir }, /no tool_name/],
      ['not json', /not JSON/],
      ['', /no payload/],
      ['[1, 2]', /not a JSON object/],
      [{ tool_name: 'Edit', tool_input: {} }, /file_path/],
      [{ tool_name: 'Write' }, /file_path/],
      [payload('Edit', 'src/missing.ts'), /no such file/],
      [payload('Edit', 'src'), /not a file/],
    ]) {
      cases.push([`unusable: ${JSON.stringify(bad)}`, bad, 1, why]);
    }
    const results = await Promise.all(cases.map(([, p]) => hook(p)));
    cases.forEach(([name, , code, stderr], i) => {
      const r = results[i];
      assert.equal(r.code, code, name);
      assert.equal(r.stdout, '', name);
      if (stderr === null) assert.equal(r.stderr, '', name);
      else assert.match(r.stderr, stderr, name);
      if (code === 1) assert.equal(r.stderr.trimEnd().split('\n').length, 1, `${name}: one line`);
    });
  });

  test('hook: NotebookEdit checks the cells (broken JS cell, leaked token in a cell); JSON reply', async () => {
    const vm = require('node:vm');
    const notebook = (language, cells) =>
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: { kernelspec: { name: language, display_name: language, language }, language_info: { name: language } },
        // nbformat stores a source as a list of lines; both forms are read.
        cells: cells.map(([cell_type, src], i) => ({ cell_type, id: `c${i}`, metadata: {}, source: i % 2 ? src.split(/(?<=\n)/) : src, ...(cell_type === 'code' ? { outputs: [], execution_count: null } : {}) })),
      });
    const jsCells = [
      ['markdown', '# Totals\n'],
      ['code', 'const rows = [1, 2, 3];\nconst total = rows.reduce((a, b) => a + b, 0;\n'],
      ['code', 'console.log(total);\n'],
    ];
    const dir = project({
      'broken-js.ipynb': notebook('javascript', jsCells),
      'token.ipynb': notebook('typescript', [
        ['code', 'const n: number = 1;\n'],
        ['markdown', `Deploy with\n\n    export GITHUB_TOKEN=${GH_TOKEN}\n`],
      ]),
      'python.ipynb': notebook('python', [['code', `def f(x:\n    return x\nkey = "${AWS_KEY}"\n`]]),
      'clean.ipynb': notebook('typescript', [['code', 'const n: number = 1;\nexport {};\n']]),
      'not-json.ipynb': '{"cells": [',
    });
    // The referee for the JavaScript cells: V8 compiles each one alone.
    const v8Valid = (src) => {
      try {
        new vm.Script(src);
        return true;
      } catch {
        return false;
      }
    };
    assert.deepEqual(jsCells.filter(([t]) => t === 'code').map(([, src]) => v8Valid(src)), [false, true]);

    const edit = (file, reply = []) =>
      cli(['hook', ...reply], {
        cwd: tmp,
        input: JSON.stringify({
          cwd: dir,
          hook_event_name: 'PostToolUse',
          tool_name: 'NotebookEdit',
          tool_input: { notebook_path: file, cell_id: 'c1', new_source: 'x', edit_mode: 'replace' },
          tool_response: {},
        }),
      });
    const [broken, token, python, clean, notJSON, missing] = await Promise.all(
      ['broken-js.ipynb', path.join(dir, 'token.ipynb'), 'python.ipynb', 'clean.ipynb', 'not-json.ipynb', 'gone.ipynb'].map((f) => edit(f)),
    );
    assert.equal(broken.code, 2, broken.stderr);
    assert.match(broken.stderr, /^broken-js\.ipynb: cell 2, line 2, column \d+: error: .+ \[syntax\]$/m);
    assert.equal(broken.stderr.trimEnd().split('\n').length, 2, broken.stderr);
    assert.equal(token.code, 2, token.stderr);
    assert.match(token.stderr, /^token\.ipynb: cell 2, line 3, column \d+: error: .+\[secret-github-token\]$/m);
    // A Python kernel's code is not read as JavaScript, but its secrets are found.
    assert.equal(python.code, 2, python.stderr);
    assert.doesNotMatch(python.stderr, /\[syntax\]/);
    assert.match(python.stderr, /^python\.ipynb: cell 1, line 3, column \d+: error: .+\[secret-aws-access-key\]$/m);
    assert.deepEqual([clean.code, clean.stderr, clean.stdout], [0, '', '']);
    for (const [r, why] of [
      [notJSON, /notebook is not JSON/],
      [missing, /gone\.ipynb: no such file/],
    ]) {
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, why);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1);
    }

    // `check` reads notebooks the same way, and its JSON says which cell.
    const { doc } = await checkJSON(dir, ['--no-cache']);
    const cellsOf = (rel) => diagsOf(doc, rel).map((d) => `${d.cell}:${d.line} ${d.rule}`);
    assert.deepEqual(cellsOf('broken-js.ipynb'), ['2:2 syntax']);
    assert.deepEqual(cellsOf('token.ipynb'), ['2:3 secret-github-token']);
    assert.deepEqual(diagsOf(doc, 'not-json.ipynb').map((d) => d.rule), ['json-syntax']);

    // --reply json: the diagnostics as the reason of a block decision, exit 0.
    const [jBroken, jClean, jBad] = await Promise.all([
      edit('broken-js.ipynb', ['--reply', 'json']),
      edit('clean.ipynb', ['--reply', 'json']),
      edit('not-json.ipynb', ['--reply', 'json']),
    ]);
    assert.equal(jBroken.code, 0);
    assert.equal(jBroken.stderr, '');
    const reply = JSON.parse(jBroken.stdout);
    assert.deepEqual(Object.keys(reply), ['decision', 'reason']);
    assert.equal(reply.decision, 'block');
    // The same lines as on stderr (the summary may now say the file came from the cache).
    assert.equal(reply.reason.split('\n')[0], broken.stderr.split('\n')[0]);
    assert.match(reply.reason, /\n1 file checked( \(1 from cache\))?: 1 error, 0 warnings\n$/);
    assert.deepEqual([jClean.code, JSON.parse(jClean.stdout), jClean.stderr], [0, {}, '']);
    assert.equal(jBad.code, 1);
    assert.deepEqual(JSON.parse(jBad.stdout), {});
    assert.match(jBad.stderr, /notebook is not JSON/);
    const usage = await cli(['hook', '--reply', 'xml']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--reply must be text or json/);
  });

  test('hook --reply json: Edit, MultiEdit and Write with relative and absolute paths', async () => {
    const dir = project({ 'src/bad.js': 'let x = ;\n', 'src/ok.js': 'let y = 1;\n' });
    const run = (tool, file, cwd = dir) =>
      cli(['hook', '--reply', 'json'], { cwd: tmp, input: JSON.stringify({ cwd, tool_name: tool, tool_input: { file_path: file } }) });
    const results = await Promise.all([
      run('Edit', 'src/bad.js'),
      run('MultiEdit', path.join(dir, 'src/bad.js'), tmp),
      run('Write', 'src/ok.js'),
    ]);
    for (const r of results.slice(0, 2)) {
      assert.equal(r.code, 0);
      const reply = JSON.parse(r.stdout);
      assert.equal(reply.decision, 'block');
      assert.match(reply.reason, /bad\.js:1:9: error: .+ \[syntax\]\n1 file checked/);
    }
    assert.deepEqual(JSON.parse(results[2].stdout), {});
  });
});
