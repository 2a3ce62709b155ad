'use strict';
// Every JavaScript file of the real trees here (the project's node_modules,
// plus any folders named in CFN_ACCEL_CORPUS, separated by the path
// delimiter) gets V8's verdict as Node 20 would load it: the source type
// from the nearest package.json (lib/check/source-type.js, what `check`
// uses), then V8 compiling it as CommonJS or as a module (the referee in
// ../v8-referee.js). All three backends must say what V8 says, file for
// file. Every .ts and .d.ts file there must be valid.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { createApi } = require('../../lib/api');
const { load } = require('../../lib/loader');
const { PackageTypes } = require('../../lib/check/source-type');
const { langOfPath } = require('../../lib/api');
const { judge } = require('../v8-referee');

const root = path.join(__dirname, '..', '..');
const trees = [path.join(root, 'node_modules'), ...(process.env.CFN_ACCEL_CORPUS || '').split(path.delimiter).filter(Boolean)];

function walk(dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && langOfPath(e.name)) out.push(p);
  }
  return out;
}

const files = trees.flatMap((t) => walk(t, [])).sort();
const apis = Object.fromEntries(
  ['native', 'wasm', 'js'].map((name) => {
    try {
      return [name, createApi(load({ CFN_ACCEL_BACKEND: name }))];
    } catch {
      return [name, null];
    }
  }),
);

const read = (f) => {
  const text = fs.readFileSync(f, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

/**
 * Whether `code` holds JSX. A `.js` file with JSX is React's convention: a
 * bundler loads it, never Node, and every backend accepts JSX in `.js` (an
 * error there would stop agents in every React project for nothing). V8
 * refuses such a file; that is the one disagreement allowed, and counted.
 */
function hasJsx(code) {
  const ts = require('typescript');
  const sf = ts.createSourceFile('x.jsx', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JSX);
  let found = false;
  const visit = (n) => {
    if (found) return;
    if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

test('every JavaScript file: V8\'s verdict on every backend', async (t) => {
  const types = new PackageTypes();
  const js = files.filter((f) => ['js', 'mjs', 'cjs'].includes(langOfPath(f)));
  const cases = [];
  for (const f of js) {
    const lang = langOfPath(f);
    const sourceType = (await types.sourceTypeOf(f, lang)) || (lang === 'mjs' ? 'module' : 'commonjs');
    cases.push({ file: f, lang, code: read(f), sourceType });
  }
  const v8 = [];
  for (let i = 0; i < cases.length; i += 2000) v8.push(...judge(cases.slice(i, i + 2000).map(({ code, sourceType }) => ({ code, sourceType }))));
  const wrong = [];
  const jsx = new Set();
  for (const [name, api] of Object.entries(apis)) {
    if (!api) continue;
    cases.forEach((c, i) => {
      const ours = api.astParser.validate(c.code, { lang: c.lang, sourceType: c.sourceType });
      if (ours.valid && !v8[i] && c.lang === 'js' && hasJsx(c.code)) {
        jsx.add(c.file);
        return;
      }
      if (ours.valid !== v8[i]) {
        wrong.push(`${name}: ${path.relative(root, c.file)} (${c.sourceType}): V8 ${v8[i] ? 'loads it' : 'refuses it'}, ours ${JSON.stringify(ours.errors[0] || null)}`);
      }
    });
  }
  t.diagnostic(`${cases.length} JavaScript files (${v8.filter((v) => !v).length} refused by V8, ${jsx.size} of them .js files with JSX, which every backend accepts), backends: ${Object.keys(apis).filter((n) => apis[n]).join(', ')}`);
  assert.ok(cases.length > 1000, 'the corpus is there');
  assert.deepEqual(wrong, []);
});

test('every TypeScript and declaration file: valid where TypeScript\'s parser finds no error', (t) => {
  const typescript = require('typescript');
  const ts = files.filter((f) => !['js', 'mjs', 'cjs', 'jsx'].includes(langOfPath(f)));
  const wrong = [];
  let refused = 0;
  for (const f of ts) {
    const code = read(f);
    // Published type files are not all well formed: @jridgewell/trace-mapping
    // ships `export = function f(): T;` in .d.cts files, which TypeScript's
    // own parser refuses ('{' expected), as every parser here does.
    const broken = typescript.createSourceFile(f, code, typescript.ScriptTarget.Latest, true).parseDiagnostics.length > 0;
    if (broken) refused++;
    for (const [name, api] of Object.entries(apis)) {
      if (!api) continue;
      const r = api.astParser.validate(code, { lang: langOfPath(f) });
      if (r.valid === broken) wrong.push(`${name}: ${path.relative(root, f)}: TypeScript ${broken ? 'refuses' : 'parses'} it, ours ${JSON.stringify(r.errors[0] || null)}`);
    }
  }
  t.diagnostic(`${ts.length} TypeScript files, ${refused} refused by TypeScript's parser`);
  assert.deepEqual(wrong, []);
});
