'use strict';
// Markdown, YAML, TOML and JSONC rules on the backend CFN_ACCEL_BACKEND
// picks, judged by references on real files: the backend's Markdown links,
// anchors and findings equal the JavaScript rules' (markdown-it) on every
// .md in node_modules and the crates.io sources; YAML verdicts and lines
// equal the `yaml` package's, TOML's Python's tomllib's, JSONC's
// TypeScript's parseConfigFileTextToJson, on every such file there and on
// broken variants of each (fixed-seed mutations).

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const api = require('..');
const { analyzeText } = require('../lib/check/rules');
const { checkPaths } = require('../lib/check');
const { rng } = require('./helpers');

const ROOT = path.join(__dirname, '..');
const CRATES = path.join(os.homedir(), '.cargo', 'registry', 'src');
// Inline tables over several lines, or 1.1's new escapes.
const TOML_11 = /\{[^}\n]*\n|\\e|\\x[0-9a-fA-F]{2}/;
const FAMILY = /^(md|yaml|toml|jsonc)-/;

const own = (a) => ({ ...a, diagnostics: a.diagnostics.filter((d) => FAMILY.test(d.rule)) });
const backend = (text, file, kind) => own(JSON.parse(api._backend.checkText(text, file, kind)));
const twin = (text, file, kind) => own(analyzeText(text, file, kind));

/** Files under `dirs` whose name passes `want` (symlinks not followed). */
function collect(dirs, want, limit = 2000) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (out.length >= limit) return;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && want(e.name)) out.push(p);
    }
  };
  for (const d of dirs) walk(d);
  return out.sort();
}
const corpus = (want) => collect([path.join(ROOT, 'node_modules'), CRATES], want);
const read = (f) => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');

/** Broken variants of a text: a line cut in half, a bracket or quote opened, a line repeated. */
function mutations(text, seed) {
  const next = rng(seed);
  const lines = text.split('\n');
  const pick = () => Math.floor(next() * lines.length);
  const at = (k, f) => lines.map((l, i) => (i === k ? f(l) : l)).join('\n');
  const k1 = pick();
  const k2 = pick();
  const k3 = pick();
  return [
    at(k1, (l) => l.slice(0, Math.floor(l.length / 2))),
    at(k2, (l) => `${l} [ "`),
    at(k3, (l) => `${l}\n${l}`),
  ];
}

const firstError = (a) => a.diagnostics.find((d) => d.severity === 'error');

test('Markdown: exactly the links CommonMark makes', () => {
  const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'docs', 'probe.md'), 'utf8');
  const a = backend(text, 'probe.md', 'markdown');
  assert.deepEqual(
    a.links.map((l) => [l.target, l.fragment, l.line, l.column]),
    [
      ['real.md', null, 3, 5],
      ['img/pic.png', null, 3, 29],
      ['ref.md', 'part-two', 5, 1],
      ['', 'part-two', 7, 11],
      ['cell.md', null, 24, 3],
      ['quoted.md', null, 26, 3],
    ],
  );
  assert.deepEqual(a.anchors, ['probe', 'part-two', 'part-two-1', 'named', 'x--y']);
  assert.deepEqual(
    a.diagnostics.map((d) => [d.rule, d.severity, d.line]),
    [['md-empty-link', 'warning', 28], ['md-unclosed-fence', 'warning', 37]],
  );
});

test('Markdown: the backend says what markdown-it does, on every README', () => {
  const files = corpus((n) => /\.md$/i.test(n));
  assert.ok(files.length > 100, `only ${files.length} .md files`);
  for (const f of files) {
    const text = read(f);
    assert.deepEqual(backend(text, f, 'markdown'), twin(text, f, 'markdown'), f);
  }
});

test('Markdown: broken links and anchors on disk', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-md-'));
  fs.writeFileSync(path.join(dir, 'other.md'), '# Other Doc\n\n<a name="extra"></a>\n');
  fs.writeFileSync(
    path.join(dir, 'a.md'),
    '# Top\n\n[ok](other.md#other-doc) [html](other.md#extra) [gh](#user-content-top)\n[bad](other.md#nope) [gone](missing.md) [self](#nowhere)\n',
  );
  const { files } = await checkPaths(api, [path.join(dir, 'a.md')], { cache: false });
  assert.deepEqual(
    files[0].diagnostics.map((d) => [d.rule, d.severity, d.line, d.column]),
    [
      ['md-broken-anchor', 'warning', 4, 1],
      ['md-broken-link', 'error', 4, 22],
      ['md-broken-anchor', 'warning', 4, 41],
    ],
  );
});

test('Markdown: inline markers silence link findings too (they are made after the analysis)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-md-'));
  fs.writeFileSync(path.join(dir, 'other.md'), '# Other\n');
  fs.writeFileSync(
    path.join(dir, 'a.md'),
    [
      '# A',
      '<!-- cfn-accel-ignore md-broken-link -- moved later -->',
      '[gone](missing.md) [anchor](other.md#nope)',
      '[still](missing2.md)',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'b.md'), '<!-- cfn-accel-ignore-file md-broken-anchor -->\n[x](other.md#nope) [y](gone.md)\n');
  const { files } = await checkPaths(api, [dir], { cache: false });
  const found = Object.fromEntries(files.map((f) => [path.basename(f.path), f.diagnostics.map((d) => [d.rule, d.line])]));
  assert.deepEqual(found['a.md'], [['md-broken-anchor', 3], ['md-broken-link', 4]]);
  assert.deepEqual(found['b.md'], [['md-broken-link', 2]]);
});

test('YAML: verdict of the yaml package on real files; broken variants almost always', (t) => {
  const yaml = require('yaml');
  const files = corpus((n) => /\.ya?ml$/i.test(n));
  assert.ok(files.length > 10);
  let texts = 0;
  let broken = 0;
  let sameLine = 0;
  const differ = [];
  for (const f of files) {
    const text = read(f);
    [text, ...mutations(text, f.length)].forEach((s, i) => {
      texts++;
      const ref = yaml.parseAllDocuments(s, { uniqueKeys: true }).flatMap((d) => d.errors)[0];
      const got = firstError(backend(s, f, 'yaml'));
      if (i === 0) assert.equal(!!got, !!ref, `${f}: ${ref ? ref.message : 'valid'}`);
      else if (!!got !== !!ref) differ.push(`${f} variant ${i}: yaml ${ref ? ref.code : 'valid'}, backend ${got ? got.line : 'valid'}`);
      if (ref && got) {
        broken++;
        if (got.line === ref.linePos[0].line) sameLine++;
      }
    });
  }
  // saphyr-parser and yaml disagree on a few plain scalars with ' [ "' inside.
  assert.ok(differ.length <= texts / 100, differ.join('\n'));
  t.diagnostic(`yaml: ${files.length} files, ${texts} texts, ${broken} broken by both, same line ${sameLine}, verdicts differ ${differ.length}`);
});

test('TOML: verdict and line of Python tomllib, on real files and broken variants', (t) => {
  const files = corpus((n) => /\.toml$/i.test(n));
  assert.ok(files.length > 10, `only ${files.length} .toml files`);
  const texts = files.flatMap((f) => [read(f), ...mutations(read(f), f.length)].map((t) => ({ f, t })));
  const script =
    'import json,sys,tomllib,re\n' +
    'out=[]\n' +
    'for t in json.load(sys.stdin):\n' +
    '  try:\n    tomllib.loads(t); out.append(0)\n' +
    '  except tomllib.TOMLDecodeError as e:\n' +
    '    m=re.search(r"line (\\d+)", str(e)); out.append(int(m.group(1)) if m else -1)\n' +
    'print(json.dumps(out))\n';
  const lines = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(texts.map((x) => x.t)), maxBuffer: 1 << 26 }));
  let agree = 0;
  const newer = [];
  for (let i = 0; i < texts.length; i++) {
    const got = firstError(backend(texts[i].t, texts[i].f, 'toml'));
    // TOML 1.1 (newlines and trailing commas in inline tables, \e, \xHH,
    // seconds-less times) is what toml-rs and smol-toml read; tomllib reads 1.0.
    if (!got && lines[i] !== 0 && TOML_11.test(texts[i].t)) {
      newer.push(texts[i].f);
      continue;
    }
    assert.equal(!!got, lines[i] !== 0, `${texts[i].f}: tomllib ${lines[i] ? `line ${lines[i]}` : 'valid'}\n${texts[i].t.slice(0, 300)}`);
    if (got && got.line === lines[i]) agree++;
  }
  const broken = lines.filter((l) => l !== 0).length;
  assert.ok(newer.length <= texts.length / 50, `TOML 1.1 only: ${newer.length}`);
  // Parsers name different lines for some errors (where a string opened or where it ran out).
  assert.ok(agree >= (broken - newer.length) * 0.8, `lines agree on ${agree} of ${broken - newer.length}`);
  t.diagnostic(`toml: ${files.length} files, ${texts.length} texts, ${broken} broken by tomllib, same line ${agree}, TOML 1.1 only ${newer.length}`);
});

test("JSONC: verdict of TypeScript's parseConfigFileTextToJson on every tsconfig and broken variants", () => {
  const ts = require('typescript');
  const files = corpus((n) => /^tsconfig.*\.json$/i.test(n));
  assert.ok(files.length > 5);
  for (const f of files) {
    const text = read(f);
    for (const t of [text, ...mutations(text, f.length)]) {
      const ref = ts.parseConfigFileTextToJson(f, t).error;
      const got = firstError(backend(t, f, 'jsonc'));
      assert.equal(!!got, !!ref, `${f}: ${ref ? ts.flattenDiagnosticMessageText(ref.messageText, '\n') : 'valid'}\n${t.slice(0, 300)}`);
    }
  }
  const ok = backend('{\n  // c\n  "a": [1, 2,], /* x */\n  "b": {"c": 1,},\n}\n', 'tsconfig.json', 'jsonc');
  assert.deepEqual(ok.diagnostics, []);
  assert.deepEqual(
    backend('{\n  "a": 1\n  "b": 2\n}', 'tsconfig.json', 'jsonc').diagnostics.map((d) => [d.rule, d.line, d.column]),
    [['jsonc-syntax', 3, 3]],
  );
});
