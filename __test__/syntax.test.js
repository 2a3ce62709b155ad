'use strict';
// validate / outline / parse / validateFiles on the backend CFN_ACCEL_BACKEND
// picks (run once per backend by scripts/test.js). Every expectation here is
// the same for all three backends: swc on native and wasm, Babel on js.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const api = require('..');
const depth = require('../lib/js/depth');

const { astParser, validation } = api;
const validate = (code, lang) => astParser.validate(code, { lang });

// ---- valid code in every language ----

const VALID = [
  ['js', 'const a = require("a");\nmodule.exports = { a };\n'],
  ['js', 'import x from "y";\nexport const a = x;\nexport default function f() {}\n'], // ESM in .js, as Node and tsc accept
  ['js', 'import x from "y";\nawait x;\n'], // top-level await in a module
  ['js', 'with (a) { b(); }\n'], // sloppy script
  ['js', '#!/usr/bin/env node\nconsole.log(`${1 + 2}`, /re[/]/g.test("x"));\n'],
  ['js', 'const el = <div className="a">{x ? <b/> : <i>t</i>}</div>;\n'], // JSX in .js
  ['js', 'class A { #x = 1; static { this.y = 2; } get x() { return this.#x; } }\n'],
  ['js', 'a?.b?.(c) ?? d;\nx ||= 1;\nlabel: for (;;) { break label; }\n'],
  ['jsx', 'export const App = () => (\n  <>\n    <Item key="1" {...props} />\n    {list.map((i) => <li>{i}</li>)}\n  </>\n);\n'],
  ['ts', 'interface A<T> { a: T; b?: string }\ntype U = A<number> | null;\nenum E { X = 1, Y }\n'],
  ['ts', 'let x = y!;\nlet z = <string>y;\ntype C<T> = T extends string ? "a" : "b";\nconst q = a satisfies B;\n'],
  ['ts', '@dec\nclass A {\n  @dec m() {}\n  constructor(private x: number) {}\n}\n'],
  ['ts', 'export abstract class A { abstract m(): void; }\nexport namespace N { export const a = 1; }\nexport enum E { A = 1 }\n'],
  ['ts', 'const f = <T,>(x: T): T => x;\nconst g = async <T,>(x: T) => x;\nexport type { A } from "./a";\n'],
  ['ts', 'declare module "m" { export function f(): void; }\nexport = f;\n'],
  ['tsx', 'const C = <T,>(p: { v: T }) => <div>{String(p.v)}</div>;\nexport default C;\n'],
  ['tsx', 'function F(): JSX.Element { return <a href="x">link</a> as any; }\n'],
  ['mjs', 'import fs from "node:fs";\nawait fs.promises.readFile("x");\nexport {};\n'],
  ['mjs', 'const x = await import("./a.js");\n'],
  ['cjs', 'const x = require("x");\nif (!x) return;\nmodule.exports = x;\n'], // top-level return
  ['cjs', 'with (a) { b(); }\n'],
];

test('valid code in every language', () => {
  for (const [lang, code] of VALID) {
    assert.deepEqual(validate(code, lang), { valid: true, errors: [] }, `${lang}: ${code}`);
    assert.deepEqual(validation.validateJavaScript(code, { lang }), { valid: true, errors: [] });
  }
});

// ---- broken code: the first error's line and UTF-16 column (1-based) ----

const BROKEN = [
  ['js', 'let a = 1;\nlet b = (a + ;\n', 2, 14],
  ['js', 'function f() {\n  return 1;\n\n', 4, 1],
  ['js', 'const s = "😀😀";\nx = \'😀\' +;\n', 2, 11], // astral characters count two
  ['js', '/* 𝒳𝒴 */ let a = "𝒳";  const = 2;\n', 1, 33],
  ['js', 'if (a) {\n  b();\n}}\n', 3, 2],
  ['js', 'const x = {\n  a: 1,\n  b: 2\n;\n', 4, 1],
  ['js', '"use strict";\nlet x = 010;\n', 2, 9],
  ['mjs', 'return 1;\n', 1, 1],
  ['js', 'import x from "y";\nwith (x) {}\n', 2, 1], // a module is strict
  ['jsx', 'const a = <div>\n  <span>😀 {x +}</span>\n</div>;\n', 2, 16],
  ['jsx', 'const a = <div></span>;\n', 1, 18], // at the closing tag's name
  ['tsx', 'const a = <a.b>\n  x\n</  a.c>;\n', 3, 5],
  ['jsx', 'const a = <div><span></div>;\n', 1, 24], // at the unmatched closing tag's name
  ['ts', 'interface A {\n  a: string;\n  b: number\n  c: ;\n}\n', 4, 6],
  ['ts', 'function f(a: number): string {\n  return a as ;\n}\n', 2, 15],
  ['ts', 'enum E {\n  A = 1,\n  B = ,\n}\n', 3, 7],
  ['ts', 'export enum E {\n  A = 1,\n  B = ,\n}\n', 3, 7],
  // swc parses these speculatively: checked again so the error is found
  // where it is, not dropped or moved to the head.
  ['ts', 'const f = <T,>(x: T) => {\n  return x +;\n};\n', 2, 13],
  ['ts', 'export interface I {\n  a: string;\n  b: ;\n}\n', 3, 6],
  ['ts', 'export namespace N {\n  let x = +;\n}\n', 2, 12],
  ['ts', 'export abstract class A {\n  m() { return +; }\n}\n', 2, 17],
  ['ts', 'export module M {\n  let x = 1 +;\n}\n', 2, 14],
  ['tsx', 'const f = <T,>(x: T) => {\n  return <b>{x +}</b>;\n};\n', 2, 17],
  ['ts', 'class A {\n  m(): void {\n    let = 1;\n  }\n}\n', 3, 5],
  ['tsx', 'const a = <T,>(x: T) => x;\nconst b = <div>\n  {a(1) +}\n</div>;\n', 3, 10],
  ['tsx', 'const a = <div>\n  <span>\n</div>;\n', 3, 3],
  ['mjs', 'import x from "y";\nexport default x\nexport const = 1;\n', 3, 14],
  ['mjs', 'with (x) {}\n', 1, 1],
  ['cjs', 'const x = require("x");\nreturn x;\nmodule.exports = ;\n', 3, 18],
];

test('broken code: error on the exact line and UTF-16 column', () => {
  for (const [lang, code, line, column] of BROKEN) {
    const r = validate(code, lang);
    assert.equal(r.valid, false, `${lang}: ${code}`);
    assert.ok(r.errors.length >= 1);
    const e = r.errors[0];
    assert.equal(typeof e.message, 'string');
    assert.ok(e.message.length > 0);
    const where = `${lang}: ${JSON.stringify(code)}: ${e.message}`;
    if (api.backend !== 'js') assert.deepEqual({ line: e.line, column: e.column }, { line, column }, where);
    // meriyah (js) names the same place in most cases; it points at the
    // end of input one line earlier, and at a keyword's operand.
    else assert.ok(Math.abs(e.line - line) <= 1, where);
  }
});

test('lang names and bad arguments', () => {
  for (const lang of ['js', 'javascript', 'JSX', 'mjs', 'cjs', 'ts', 'typescript', 'mts', 'cts', 'tsx']) {
    assert.equal(validate('let a = 1;', lang).valid, true, lang);
  }
  assert.equal(astParser.validate('let a = 1;').valid, true); // js by default
  assert.throws(() => validate('x', 'py'), { code: 'ERR_CFN_INVALID_ARG' });
  assert.throws(() => astParser.validate(42), TypeError);
  assert.deepEqual(validate('', 'ts'), { valid: true, errors: [] });
});

// ---- outline ----

const OUTLINE_SRC = `import fs from 'node:fs';
import { a, b as c } from "./ab";
import * as ns from './ns';
import './side-effect';
const path = require('node:path');
const { join, resolve: res } = require('node:path');

export function top(x) { return x; }
export const arrow = () => 1, plain = 2;
export class Klass {}
function local() {}
class Local {}
const fnExpr = function () {};
const klassExpr = class {};
export { local, Local as Renamed };
export * from './all';
export default function main() {}
`;

const OUTLINE_WANT = {
  imports: [
    { name: 'fs', line: 1, source: 'node:fs' },
    { name: 'a', line: 2, source: './ab' },
    { name: 'c', line: 2, source: './ab' },
    { name: 'ns', line: 3, source: './ns' },
    { name: '', line: 4, source: './side-effect' },
    { name: 'path', line: 5, source: 'node:path' },
    { name: 'join', line: 6, source: 'node:path' },
    { name: 'res', line: 6, source: 'node:path' },
  ],
  exports: [
    { name: 'top', line: 8 },
    { name: 'arrow', line: 9 },
    { name: 'plain', line: 9 },
    { name: 'Klass', line: 10 },
    { name: 'local', line: 15 },
    { name: 'Renamed', line: 15 },
    { name: '*', line: 16 },
    { name: 'default', line: 17 },
  ],
  functions: [
    { name: 'top', line: 8 },
    { name: 'arrow', line: 9 },
    { name: 'local', line: 11 },
    { name: 'fnExpr', line: 13 },
    { name: 'main', line: 17 },
  ],
  classes: [
    { name: 'Klass', line: 10 },
    { name: 'Local', line: 12 },
    { name: 'klassExpr', line: 14 },
  ],
};

test('outline: imports with source, exports, functions, classes with lines', () => {
  assert.deepEqual(astParser.outline(OUTLINE_SRC, { lang: 'mjs' }), OUTLINE_WANT);
  assert.deepEqual(astParser.outline(OUTLINE_SRC, { lang: 'js' }), OUTLINE_WANT);
  assert.deepEqual(astParser.outline(OUTLINE_SRC, { lang: 'ts' }), OUTLINE_WANT);
});

test('outline: TypeScript and CommonJS', () => {
  const ts = `import type { T } from './t';
import fs = require('fs');
export interface I { a: T }
export type U = string;
export enum E { A }
export namespace N {}
export abstract class A {}
export declare function d(): void;
export = N;
`;
  assert.deepEqual(astParser.outline(ts, { lang: 'ts' }), {
    imports: [
      { name: 'T', line: 1, source: './t' },
      { name: 'fs', line: 2, source: 'fs' },
    ],
    exports: [
      { name: 'I', line: 3 },
      { name: 'U', line: 4 },
      { name: 'E', line: 5 },
      { name: 'N', line: 6 },
      { name: 'A', line: 7 },
      { name: 'd', line: 8 },
      { name: 'export=', line: 9 },
    ],
    functions: [{ name: 'd', line: 8 }],
    classes: [{ name: 'A', line: 7 }],
  });
  const cjs = 'const x = require("x");\nexports.a = 1;\nmodule.exports.b = 2;\nmodule.exports = {};\n';
  assert.deepEqual(astParser.outline(cjs, { lang: 'cjs' }), {
    imports: [{ name: 'x', line: 1, source: 'x' }],
    exports: [
      { name: 'a', line: 2 },
      { name: 'b', line: 3 },
      { name: 'module.exports', line: 4 },
    ],
    functions: [],
    classes: [],
  });
  const tsx = 'import React from "react";\nexport const App = () => <div/>;\nexport default class Page {}\n';
  assert.deepEqual(astParser.outline(tsx, { lang: 'tsx' }), {
    imports: [{ name: 'React', line: 1, source: 'react' }],
    exports: [
      { name: 'App', line: 2 },
      { name: 'default', line: 3 },
    ],
    functions: [{ name: 'App', line: 2 }],
    classes: [{ name: 'Page', line: 3 }],
  });
  assert.throws(() => astParser.outline('let a = ;', { lang: 'js' }), { code: 'ERR_CFN_SYNTAX', message: /1:9/ });
});

// ---- full AST: swc's on native and wasm, Babel's on js ----

test('parseJavaScript / parseTypeScript shapes', () => {
  const js = 'import a from "a";\nexport const b = a + 1;\n';
  if (api.backend === 'js') {
    let ast;
    try {
      ast = astParser.parseJavaScript(js, { sourceType: 'module' });
    } catch (e) {
      assert.equal(e.code, 'ERR_CFN_BACKEND_UNAVAILABLE');
      return;
    }
    assert.equal(ast.type, 'Program');
    assert.equal(ast.sourceType, 'module');
    assert.equal(ast.body.length, 2);
    assert.equal(astParser.parseTypeScript('let a: number = 1;').body[0].type, 'VariableDeclaration');
  } else {
    const ast = astParser.parseJavaScript(js, { sourceType: 'module' });
    assert.equal(ast.type, 'Module');
    assert.equal(typeof ast.span.start, 'number');
    assert.equal(typeof ast.span.end, 'number');
    assert.equal(ast.body.length, 2);
    assert.equal(ast.body[0].type, 'ImportDeclaration');
    assert.equal(ast.body[1].type, 'ExportDeclaration');
    const script = astParser.parseJavaScript('a = 1;', { sourceType: 'commonjs' });
    assert.equal(script.type, 'Script');
    const ts = astParser.parseTypeScript('let a: number = 1;');
    assert.equal(ts.body[0].type, 'VariableDeclaration');
    assert.equal(ts.body[0].declarations[0].id.typeAnnotation.typeAnnotation.kind, 'number');
    const tsx = astParser.parseTypeScript('const a = <div/>;', { tsx: true });
    assert.equal(tsx.body[0].declarations[0].init.type, 'JSXElement');
  }
  assert.throws(() => astParser.parseJavaScript('let = ;'), { code: 'ERR_CFN_SYNTAX' });
  assert.throws(() => astParser.parseTypeScript('let a: = 1;'), { code: 'ERR_CFN_SYNTAX' });
  assert.throws(() => astParser.parseJavaScript('x', { sourceType: 'amd' }), TypeError);
});

// ---- validateFiles ----

test('validateFiles: a directory of files, one broken, one not UTF-8, one missing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-syntax-'));
  try {
    const files = {
      'a.js': 'const a = 1;\n',
      'b.ts': 'let b: number = 2;\n',
      'c.tsx': 'export const C = () => <div/>;\n',
      'broken.mjs': 'export const x = (1 + ;\n',
      'd.cjs': 'return 1;\n',
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.writeFileSync(path.join(dir, 'latin1.js'), Buffer.from([0x61, 0x3d, 0x27, 0xe9, 0x27, 0x3b]));
    const paths = [...Object.keys(files), 'latin1.js', 'missing.js', 'notes.txt'].map((n) => path.join(dir, n));
    const reports = await api.validateFiles(paths);
    assert.equal(reports.length, paths.length);
    const by = Object.fromEntries(reports.map((r) => [path.basename(r.path), r]));
    for (const name of ['a.js', 'b.ts', 'c.tsx', 'd.cjs']) assert.deepEqual(by[name], { path: path.join(dir, name), valid: true, errors: [], error: null }, name);
    assert.equal(by['broken.mjs'].valid, false);
    assert.deepEqual({ line: by['broken.mjs'].errors[0].line, column: by['broken.mjs'].errors[0].column }, { line: 1, column: 23 });
    assert.equal(by['latin1.js'].valid, false);
    assert.match(by['latin1.js'].error, /UTF-8/);
    assert.equal(by['missing.js'].valid, false);
    assert.match(by['missing.js'].error, /cannot read/);
    assert.equal(by['notes.txt'].valid, false);
    assert.match(by['notes.txt'].error, /not a JavaScript or TypeScript file/);
    // An explicit lang overrides the extension.
    const [asTs] = await api.validateFiles([path.join(dir, 'b.ts')], { lang: 'js' });
    assert.equal(asTs.valid, false);
    await assert.rejects(() => api.validateFiles('a.js'), TypeError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// ---- hostile input: never a crash, a hang or a broken next call ----

const N = 100_000;
const HOSTILE = {
  'a+ chain': 'a+'.repeat(1_000_000) + 'a',
  'else if chain': 'if(a){}else '.repeat(N) + '{}',
  'else chain with ;': 'if(a);else '.repeat(N) + ';',
  'if nesting': 'if(a)'.repeat(N) + ';',
  'not run': '!'.repeat(1_000_000) + 'a',
  'minus run': '-'.repeat(1_000_000),
  'conditional run': 'a?'.repeat(N),
  'arrow chain': 'a=>'.repeat(N),
  'new run': 'new '.repeat(N),
  'await run': 'await '.repeat(N),
  'typeof run': 'typeof '.repeat(N) + 'a',
  'assignment chain': 'a='.repeat(N) + '1',
  'template nesting': '`${'.repeat(N),
  'template in template': '`${`'.repeat(N),
  'tagged templates': 'a' + '``'.repeat(N),
  'member chain': 'a' + '.b'.repeat(N),
  'call chain': 'f' + '()'.repeat(N),
  'index chain': 'a' + '[0]'.repeat(N),
  'labels': 'a:'.repeat(N) + ';',
  'do run': 'do '.repeat(N),
  'JSX elements': '<a>'.repeat(N),
  'JSX with ; text': '<a>;'.repeat(N),
  'JSX with line breaks': '<a>x\ny'.repeat(N),
  'JSX with ) text': '<a>)'.repeat(N),
  'JSX text': '<a>' + 'x'.repeat(1_000_000),
  'Array< run': 'let x: ' + 'Array<'.repeat(N),
  'Map<A, run': 'let x: ' + 'Map<A, '.repeat(N),
  'array types': 'let x: A' + '[]'.repeat(N),
  'as chain': 'a' + ' as A'.repeat(N),
  'type assertions': '<a>'.repeat(N) + 'x',
  'unclosed (': '('.repeat(1_000_000),
  'unclosed [': '['.repeat(1_000_000),
  'unclosed {': '{'.repeat(1_000_000),
  'operators over lines': 'a\n+'.repeat(N) + 'a',
};

const dialectOf = (lang) => ({ jsx: lang === 'js' || lang === 'jsx' || lang === 'tsx', ts: lang === 'ts' || lang === 'tsx' });

/** Where lib/js/depth.js refuses `code`: the same place the Rust pre-scan must. */
function expectedTooDeep(code, lang) {
  const bytes = Buffer.from(code, 'utf8');
  const r = depth.estimate(bytes, depth.MAX_NESTING, dialectOf(lang));
  if (r.exceededAt === undefined) return null;
  const before = bytes.subarray(0, r.exceededAt).toString('utf8');
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - nl };
}

for (const [name, code] of Object.entries(HOSTILE)) {
  test(`hostile: ${name}`, () => {
    for (const lang of ['js', 'ts', 'tsx']) {
      const r = validate(code, lang);
      const deep = expectedTooDeep(code, lang);
      if (deep) {
        assert.equal(r.valid, false, lang);
        assert.equal(r.errors[0].message, `Nesting too deep: more than ${depth.MAX_NESTING} levels`);
        assert.deepEqual({ line: r.errors[0].line, column: r.errors[0].column }, deep, `${lang}: same place as depth.js`);
        assert.throws(() => astParser.outline(code, { lang }), { code: 'ERR_CFN_LIMIT' });
      } else {
        // Within limits: an ordinary answer (these are all broken, except a
        // type assertion of a long name in TypeScript).
        assert.equal(r.valid, lang === 'ts' && (name === 'JSX text' || name === 'JSX with line breaks'), `${lang}: ${JSON.stringify(r.errors[0])}`);
      }
      // The next call works.
      assert.deepEqual(validate('let a = 1;', lang), { valid: true, errors: [] });
    }
    assert.deepEqual(astParser.outline('export function f() {}', { lang: 'mjs' }).functions, [{ name: 'f', line: 1 }]);
  });
}

test('the nesting pre-scan refuses the same token soups at the same place as depth.js', () => {
  // Random sequences of the tokens the pre-scan cares about (fixed seed),
  // biased to open more than they close so that many pass the limit.
  const TOKENS = [
    '(', '(', '[', '{', ')', ']', '}', '<a>', '</a>', '<a/>', 'a', 'b.c', '+', '-', '!', '?', ':', '=', '=>', ',', ';',
    '\n', 'if(a)', 'else ', 'new ', 'await ', 'typeof ', 'case ', 'in ', ' as T', '`t${', '`x`', "'s'", '"d"', '/re/',
    '// c\n', '/* c */', 'f()', 'a[0]', '<T>', 'x<', '>', 'y\n', '😀', '...', '?.', '**', '++', 'do ', 'a:',
  ];
  const next = require('./helpers').rng(7);
  for (let k = 0; k < 150; k++) {
    const parts = [];
    const len = 50 + Math.floor(next() * 3000);
    for (let i = 0; i < len; i++) parts.push(TOKENS[Math.floor(next() * TOKENS.length)]);
    const code = parts.join('');
    for (const lang of ['js', 'ts', 'tsx']) {
      const r = validate(code, lang);
      const deep = expectedTooDeep(code, lang);
      const said = r.errors.length > 0 && r.errors[0].message.startsWith('Nesting too deep: more than') ? r.errors[0] : null;
      if (deep) assert.deepEqual(said && { line: said.line, column: said.column }, deep, `${lang}: soup ${k}`);
      else assert.equal(said, null, `${lang}: soup ${k}`);
    }
  }
});

test('hostile: nesting just under the limit is valid everywhere', () => {
  const L = depth.MAX_NESTING;
  const cases = [
    ['js', '('.repeat(L) + 'a' + ')'.repeat(L)],
    ['js', '['.repeat(L) + ']'.repeat(L)],
    ['js', 'x = ' + '{a:'.repeat(L / 2 - 1) + '1' + '}'.repeat(L / 2 - 1)],
    ['js', '!'.repeat(L) + 'a'],
    ['js', 'x = ' + 'a=>'.repeat(L - 2) + 'a'],
    ['js', 'x = ' + 'a?b:'.repeat(L / 2 - 1) + 'c'],
    ['js', 'x = ' + 'a+'.repeat(4 * (L - 1)) + 'a'],
    ['js', 'x = a' + '.b'.repeat(4 * (L - 1))],
    ['js', 'if(a)'.repeat(L - 1) + ';'],
    ['js', 'if(a){}' + 'else if(a){}'.repeat(L - 2)],
    ['js', 'x = ' + 'new '.repeat(L - 2) + 'A'],
    ['js', 'x = `' + '${`'.repeat(L - 2) + '`}'.repeat(L - 2) + '`'],
    ['jsx', 'x = ' + '<a>'.repeat(L - 2) + '</a>'.repeat(L - 2)],
    ['ts', 'let x: ' + 'Array<'.repeat(L - 2) + 'T' + '>'.repeat(L - 2) + ';'],
    ['ts', 'x = ' + 'f('.repeat(L - 2) + ')'.repeat(L - 2)],
  ];
  for (const [lang, code] of cases) {
    assert.equal(expectedTooDeep(code, lang), null, `${lang}: ${code.slice(0, 40)} is within the limit`);
    assert.deepEqual(validate(code, lang), { valid: true, errors: [] }, `${lang}: ${code.slice(0, 40)}`);
  }
  assert.deepEqual(validate('let a = 1;', 'js'), { valid: true, errors: [] });
});

test('hostile: parse of deep input is a coded error, and the next parse works', () => {
  assert.throws(() => astParser.parseJavaScript('('.repeat(100_000)), { code: 'ERR_CFN_LIMIT' });
  assert.throws(() => astParser.parseTypeScript('a' + '.b'.repeat(100_000)), { code: 'ERR_CFN_LIMIT' });
  assert.equal(astParser.parseJavaScript('a = 1;', { sourceType: 'commonjs' }).body.length, 1);
});

// ---- the AST tape (src/syntax/tape.rs, lib/ast-tape.js) ----

const { tapeReader, compileShape } = require('../lib/ast-tape');

/** Up to `max` files under `dir` whose names match `re`, sorted. */
function filesUnder(dir, re, max) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (out.length >= max) return;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (re.test(e.name)) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out;
}

test('AST tape: the objects JSON.parse makes of the JSON, on real files and odd inputs', { skip: api.backend === 'js' && "the js backend's AST crosses as JSON" }, () => {
  const b = api._backend;
  assert.equal(typeof b.jsParseTape, 'function', 'the native and wasm bindings write the tape');
  const rxjs = path.dirname(require.resolve('rxjs/package.json'));
  const ts = filesUnder(path.join(rxjs, 'src'), /\.ts$/, 120).map((f) => ['ts', fs.readFileSync(f, 'utf8')]);
  const js = filesUnder(path.join(rxjs, 'dist', 'cjs'), /\.js$/, 120).map((f) => ['cjs', fs.readFileSync(f, 'utf8')]);
  assert.ok(ts.length >= 100 && js.length >= 100);
  const L = depth.MAX_NESTING;
  const odd = [
    ['mjs', 'const s = "é \\u{1F600} 😀 \\ud800 \\t", n = [0, 1.5, 1e300, 2 ** 64, 0x1fffffffffffff, 9007199254740993, 5e-324];\nexport default { __proto__: null, "__proto__": 1 };\n'],
    ['mjs', 'let big = 123456789012345678901234567890n, re = /[\\u{1F600}]+/gu, t = `a${1}b\\u0041`;\n'],
    ['jsx', 'const a = <div title="ü">{x} text ✓ &amp;</div>;\n'],
    ['ts', 'enum E { A = 1, B = -2.5 }\ndeclare module "m" { export type T<U> = U extends string ? `x${U}` : never; }\n'],
    ['js', 'x = ' + 'a+'.repeat(4 * (L - 1)) + 'a'],
    ['js', '('.repeat(L) + 'a' + ')'.repeat(L)],
    ['ts', 'let x: ' + 'Array<'.repeat(L - 2) + 'T' + '>'.repeat(L - 2) + ';'],
    ['js', ''],
  ];
  for (const [lang, code] of [...ts, ...js, ...odd]) {
    const want = JSON.parse(b.jsParse(code, lang));
    const got = lang === 'ts' ? astParser.parseTypeScript(code) : astParser.parseJavaScript(code, { jsx: lang === 'jsx', sourceType: { mjs: 'module', cjs: 'commonjs' }[lang] || 'unambiguous' });
    assert.deepStrictEqual(got, want, code.slice(0, 60));
  }
  // A second reader on the same registry receives every shape it lacks.
  const fresh = tapeReader((c, l, known, registry) => b.jsParseTape(c, l, known, registry));
  assert.deepStrictEqual(fresh(js[0][1], 'cjs'), JSON.parse(b.jsParse(js[0][1], 'cjs')));
  // A reader that claims shapes a registry never sent is refused, not misread.
  assert.throws(() => b.jsParseTape('a', 'js', 1e6, b.jsParseTape('a', 'js', 0, 0)[3]), { code: 'ERR_CFN_INVALID_ARG' });
});

test('AST tape: shape builders keep JSON.parse semantics for __proto__ and repeated keys', () => {
  const values = [1, 2, 3];
  const build = (keys) => {
    let i = 0;
    return compileShape(keys)(() => values[i++]);
  };
  assert.deepStrictEqual(build(['a', '__proto__', 'b']), JSON.parse('{"a":1,"__proto__":2,"b":3}'));
  assert.equal(Object.getPrototypeOf(build(['a', '__proto__', 'b'])), Object.prototype);
  assert.deepStrictEqual(build(['a', 'b', 'a']), JSON.parse('{"a":1,"b":2,"a":3}'));
  assert.deepStrictEqual(Object.keys(build(['a', 'b', 'a'])), ['a', 'b']);
});
