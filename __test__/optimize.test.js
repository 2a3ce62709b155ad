'use strict';
// astParser.optimize / optimizeAST / validateAST on the backend under test:
// swc's simplifier on native and wasm, terser on js (JavaScript only there).
// Real-world code (lz4js, acorn: dev dependencies, not committed) is
// optimized, loaded and run side by side with the original.

const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const cfn = require('..');
const { rng } = require('./helpers');

const { optimize, optimizeAST, validateAST, validate, parseJavaScript, parseTypeScript } = cfn.astParser;
const onSwc = cfn.backend !== 'js';
const opt = (code, lang = 'mjs') => optimize(code, { lang }).code;
/** The output, with whitespace and quote style normalized. */
const norm = (code) => code.replace(/\s+/g, ' ').replace(/'/g, '"').trim();

test('folds constants', () => {
  const out = norm(opt("export const a = 1 + 2, b = 'a' + 'b', c = typeof 1, d = 2 * 3 - 1;"));
  assert.match(out, /a = 3/);
  assert.match(out, /b = "ab"/);
  assert.match(out, /c = "number"/);
  assert.match(out, /d = 5/);
});

test('removes dead branches and constant conditions', () => {
  const out = norm(opt('export function f(x) { if (false) { dead1(); } if (!0) live1(); else dead2(); return true ? live2() : dead3(); }'));
  for (const live of ['live1', 'live2']) assert.ok(out.includes(live), out);
  for (const dead of ['dead1', 'dead2', 'dead3']) assert.ok(!out.includes(dead), out);
});

test('removes code after return and throw', () => {
  const out = norm(opt('export function f() { return 1; dead1(); } export function g() { throw new Error("x"); dead2(); }'));
  assert.ok(!out.includes('dead1') && !out.includes('dead2'), out);
  assert.ok(out.includes('new Error'), out);
});

test('drops unused pure declarations in modules, never globals of scripts', () => {
  const mod = norm(opt('const unused = 1; function unusedFn() { return 2; } export const used = 3;'));
  assert.ok(!mod.includes('unused'), mod);
  assert.ok(mod.includes('used = 3'), mod);
  const script = norm(opt('var global1 = 1; function global2() { return 2; }', 'cjs'));
  assert.ok(script.includes('global1') && script.includes('global2'), script);
  // Side effects stay even when the result is unused.
  const effects = norm(opt('const x = sideEffect(); export {};'));
  assert.ok(effects.includes('sideEffect()'), effects);
});

test('keeps comments', () => {
  const out = opt('/** Adds. */\nexport function add(a, b) { return a + b * (1 + 1); }\n');
  assert.ok(out.includes('/** Adds. */'), out);
  assert.match(norm(out), /a \+ (b \* 2|2 \* b)/);
});

test('the output parses and cjs keeps top-level return', () => {
  const out = opt('if (typeof x === "undefined") return;\nmodule.exports = 1 + 1;', 'cjs');
  assert.deepEqual(validate(out, { lang: 'cjs' }).errors, []);
  assert.match(norm(out), /module.exports = 2/);
});

test('TypeScript and JSX: stripped to JavaScript on swc, unavailable on js', () => {
  const ts = () => opt('import type { T } from "./t";\nenum E { A = 1 }\nexport const v: T = (1 + 2) as any, e = E.A;', 'ts');
  const tsx = () => opt('export const el = <div>{1 + 1}</div>;', 'jsx');
  if (onSwc) {
    const out = ts();
    assert.match(norm(out), /3/);
    assert.ok(!/: T|as any|"\.\/t"/.test(out), out);
    assert.deepEqual(validate(out, { lang: 'mjs' }).errors, []);
    assert.match(norm(tsx()), /<div>\{2\}<\/div>|<div>2<\/div>/);
  } else {
    assert.throws(ts, { code: 'ERR_CFN_BACKEND_UNAVAILABLE', message: /native|wasm/ });
    assert.throws(tsx, { code: 'ERR_CFN_BACKEND_UNAVAILABLE' });
  }
});

test('bad input: syntax errors, deep nesting, wrong types', () => {
  assert.throws(() => opt('export const = 1;'), { code: 'ERR_CFN_SYNTAX' });
  const deep = '('.repeat(100000) + '1' + ')'.repeat(100000);
  assert.throws(() => opt(deep, 'js'), (e) => /^ERR_CFN_(LIMIT|SYNTAX)$/.test(e.code));
  assert.throws(() => optimize(42), { name: 'TypeError', code: 'ERR_CFN_INVALID_ARG' });
  assert.throws(() => optimize('1', { lang: 'cobol' }), { name: 'RangeError', code: 'ERR_CFN_INVALID_ARG' });
  // The backend still works afterwards.
  assert.match(norm(opt('export const ok = 20 + 22;')), /42/);
});

/** Loads CommonJS source as a module in `dir`, with its own require. */
function loadModule(dir, file, source) {
  const full = path.join(dir, file);
  fs.writeFileSync(full, source);
  delete require.cache[full];
  return require(full);
}

test('real-world code: lz4js optimized runs identically to the original', () => {
  const src = path.dirname(require.resolve('lz4js/package.json'));
  const dirs = ['orig', 'opt'].map((n) => fs.mkdtempSync(path.join(os.tmpdir(), `cfn-opt-${n}-`)));
  try {
    for (const dir of dirs) {
      for (const dep of ['util.js', 'xxh32.js']) fs.copyFileSync(path.join(src, dep), path.join(dir, dep));
    }
    const files = ['lz4.js', 'util.js', 'xxh32.js'];
    const originals = {};
    for (const f of files) originals[f] = fs.readFileSync(path.join(src, f), 'utf8');
    // Optimize every file of the optimized copy.
    for (const f of files) fs.writeFileSync(path.join(dirs[1], f), opt(originals[f], 'cjs'));
    const a = loadModule(dirs[0], 'lz4.js', originals['lz4.js']);
    const b = require(path.join(dirs[1], 'lz4.js'));
    const random = rng(8);
    for (const size of [0, 1, 100, 5000, 70000]) {
      const input = new Uint8Array(size);
      for (let i = 0; i < size; i++) input[i] = random() < 0.5 ? 97 : Math.floor(random() * 256);
      const ca = Buffer.from(a.compress(input));
      const cb = Buffer.from(b.compress(input));
      assert.ok(ca.equals(cb), `compress differs at ${size} bytes`);
      assert.ok(Buffer.from(b.decompress(ca)).equals(Buffer.from(input)));
    }
  } finally {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});

test('real-world code: acorn optimized parses identically to the original', () => {
  const file = path.join(path.dirname(require.resolve('acorn')), 'acorn.js');
  const original = fs.readFileSync(file, 'utf8');
  const optimized = opt(original, 'cjs');
  assert.notEqual(optimized, original);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-opt-acorn-'));
  try {
    const a = require(file);
    const b = loadModule(dir, 'acorn.js', optimized);
    const samples = [
      fs.readFileSync(require.resolve('lz4js/lz4.js'), 'utf8'),
      'const {a = 1, ...rest} = obj; async function* g() { for await (const x of y) yield x ** 2; }',
      'class A extends B { #p = 1; static { this.x = 1n; } get [k]() { return super.m?.() ?? 0; } }',
    ];
    for (const code of samples) {
      const opts = { ecmaVersion: 'latest', sourceType: 'module', locations: true };
      const plain = (ast) => JSON.parse(JSON.stringify(ast, (k, v) => (typeof v === 'bigint' ? `${v}n` : v)));
      assert.deepEqual(plain(b.parse(code, opts)), plain(a.parse(code, opts)));
    }
    assert.throws(() => b.parse('let = ;', { ecmaVersion: 'latest' }), SyntaxError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('optimizeAST and validateAST on swc\'s AST', () => {
  if (!onSwc) {
    assert.throws(() => optimizeAST({ type: 'Module', body: [] }), { code: 'ERR_CFN_BACKEND_UNAVAILABLE' });
    assert.throws(() => validateAST({ type: 'Module' }), { code: 'ERR_CFN_BACKEND_UNAVAILABLE' });
    return;
  }
  const ast = parseJavaScript('export const a = 1 + 2; if (false) { dead(); }', { sourceType: 'module' });
  assert.deepEqual(validateAST(ast), { valid: true, errors: [] });
  const out = optimizeAST(ast);
  assert.equal(out.type, 'Module');
  assert.deepEqual(validateAST(out), { valid: true, errors: [] });
  const text = JSON.stringify(out);
  assert.ok(!text.includes('dead'), text);
  assert.match(text, /"value":3/);
  // A TypeScript AST comes back as JavaScript of the same shape.
  const ts = optimizeAST(parseTypeScript('export let v: number = 2 * 21;'));
  assert.deepEqual(validateAST(ts), { valid: true, errors: [] });
  assert.ok(!JSON.stringify(ts).includes('"type":"Ts'), 'types stripped');
});

test('validateAST: malformed ASTs give errors with a path, never a crash', () => {
  if (!onSwc) return;
  const good = parseJavaScript('export const a = f(1);', { sourceType: 'module' });
  const cases = [
    [null, '.'],
    [[], '.'],
    [{ type: 'Module' }, '.'],
    [{ ...good, type: 'Nope' }, '.'],
    [{ ...good, body: 'x' }, 'body'],
    [{ ...good, span: { start: 'a', end: 1 } }, 'span'],
  ];
  const broken = JSON.parse(JSON.stringify(good));
  delete broken.body[0].declaration.declarations[0].init.callee.value;
  cases.push([broken, 'body[0]']);
  const cyclic = { type: 'Module' };
  cyclic.self = cyclic;
  cases.push([cyclic, '.']);
  for (const [ast, pathPrefix] of cases) {
    const r = validateAST(ast);
    assert.equal(r.valid, false, `case with path ${pathPrefix}`);
    assert.equal(r.errors.length, 1);
    assert.equal(typeof r.errors[0].message, 'string');
    assert.ok(r.errors[0].path.startsWith(pathPrefix), `${r.errors[0].path} for ${pathPrefix}`);
    if (ast !== null && typeof ast === 'object' && !Array.isArray(ast) && ast !== cyclic) {
      assert.throws(() => optimizeAST(ast), { code: 'ERR_CFN_INVALID_ARG' });
    }
  }
  // Deeply nested JSON is refused before it is read.
  let deep = { type: 'Module', span: { start: 0, end: 0 }, body: [], interpreter: null };
  for (let i = 0; i < 5000; i++) deep = { x: deep };
  assert.equal(validateAST(deep).valid, false);
  assert.throws(() => optimizeAST(42), { name: 'TypeError', code: 'ERR_CFN_INVALID_ARG' });
  // Still working.
  assert.equal(validateAST(good).valid, true);
});
