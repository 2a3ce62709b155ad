'use strict';
// Rules parity: native and wasm run the core's rules (src/check), js runs
// their JavaScript twin (lib/check/rules). Each backend, in its own child
// process, analyzes the same corpora (every text file under this
// repository's node_modules, examples/, and generated secret fixtures)
// with its one `checkText` primitive; the diagnostics (rule, severity,
// line, column, and the message except for syntax errors, which each
// parser words its own way) must be identical file by file, for every kind
// (JS/TS, JSON, JSONC, Markdown, YAML, TOML, Rust, text) and every family.

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..', '..');
const BACKENDS = ['native', 'wasm', 'js'];
const MAX_BYTES = 2 << 20;

/** Every regular file under `dir` (symlinks not followed). */
function walk(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Text files (no NUL in the first 8000 bytes, valid UTF-8) as [rel, text]. */
function corpus(dirs) {
  const files = [];
  for (const dir of dirs) {
    for (const abs of walk(dir)) {
      const buf = fs.readFileSync(abs);
      if (buf.length > MAX_BYTES || buf.subarray(0, 8000).includes(0)) continue;
      const text = buf.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(buf)) continue;
      files.push([path.relative(ROOT, abs), text]);
    }
  }
  return files;
}

/** Secret-shaped fixtures, random per run (nothing real-looking committed). */
function fixtures() {
  const r = (n) => crypto.randomBytes(n).toString('base64').replace(/[^A-Za-z0-9]/g, 'q').slice(0, n);
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' });
  return [
    ['fixtures-gen/.env', `DB_PASSWORD=${r(24)}!9\nexport API_TOKEN=${r(30)}\nDATABASE_URL=postgres://u:${r(18)}@h/db\n`],
    ['fixtures-gen/app.yml', `password: ${r(20)}#1\ntoken: "{{ x }}"\nkey: AKIA${r(16).toUpperCase().replace(/[^A-Z2-7]/g, 'Q')}\n`],
    ['fixtures-gen/c.json', `{"client_secret": "${r(32)}-x", "@inquirer/password": "^4.0.20"}\n`],
    ['fixtures-gen/s.js', `const apiKey = "${r(26)}+z";\nconst k = ${JSON.stringify(pem)};\neval(x); new Function("a");\n`],
    ['fixtures-gen/settings.py', `SECRET_KEY = '${r(50)}$%'\nrequests.get(u, verify=False)\n`],
    ['fixtures-gen/id_rsa', pem],
    ['fixtures-gen/test/a.test.ts', `const password = "${r(20)}@1";\n`],
    ['fixtures-gen/unicode.txt', `é😀 token = "${r(20)}@1" 😀\n\r\npassword: ${r(12)}!2\r`],
  ];
}

if (process.env.CFN_RULES_PARITY_CHILD) {
  const api = require(ROOT);
  const { kindOf } = require(path.join(ROOT, 'lib/check/kind'));
  const input = JSON.parse(fs.readFileSync(process.env.CFN_RULES_PARITY_IN, 'utf8'));
  const out = input.map(([file, text]) => {
    const a = JSON.parse(api._backend.checkText(text, file, kindOf(file), undefined));
    // Syntax messages are the parsers' own words (oxc's on native and wasm,
    // meriyah's and Babel's on js): their positions must agree, not the text.
    return a.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}${d.rule === 'syntax' ? '' : ` ${d.message}`}`);
  });
  fs.writeFileSync(process.env.CFN_RULES_PARITY_OUT, JSON.stringify({ backend: api.backend, out }));
} else {
  test('native, wasm and js give identical diagnostics on real corpora', () => {
    const files = [...corpus([path.join(ROOT, 'node_modules'), path.join(ROOT, 'examples')]), ...fixtures()];
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-rules-parity-'));
    const input = path.join(tmp, 'in.json');
    fs.writeFileSync(input, JSON.stringify(files));
    const results = {};
    for (const backend of BACKENDS) {
      const output = path.join(tmp, `${backend}.json`);
      const r = spawnSync(process.execPath, [__filename], {
        env: { ...process.env, CFN_ACCEL_BACKEND: backend, CFN_RULES_PARITY_CHILD: '1', CFN_RULES_PARITY_IN: input, CFN_RULES_PARITY_OUT: output },
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      assert.equal(r.status, 0, `${backend} child: ${r.stderr}`);
      const doc = JSON.parse(fs.readFileSync(output, 'utf8'));
      assert.equal(doc.backend, backend);
      results[backend] = doc.out;
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    const kinds = new Set(files.map(([f]) => require(path.join(ROOT, 'lib/check/kind')).kindOf(f)));
    for (const k of ['js', 'ts', 'json', 'markdown', 'yaml', 'text']) assert.ok(kinds.has(k), `the corpus has ${k} files`);
    let findings = 0;
    const diffs = [];
    files.forEach(([file], i) => {
      findings += results.js[i].length;
      for (const b of ['native', 'wasm']) {
        if (JSON.stringify(results[b][i]) !== JSON.stringify(results.js[i])) {
          diffs.push(`${file} (${b} vs js):\n  ${b}: ${results[b][i].join('\n  ')}\n  js: ${results.js[i].join('\n  ')}`);
        }
      }
    });
    assert.ok(files.length > 1000 && findings > 0, `${files.length} files, ${findings} findings`);
    assert.deepEqual(diffs.slice(0, 20), [], `${diffs.length} files differ`);
  });
}
