'use strict';
// validate / outline / parse for the js backend, on Babel's parser (the
// optional dependency @babel/parser). The outline walk mirrors
// src/syntax/outline.rs and the nesting guard src/syntax/depth.rs, so the
// three backends agree on validity, positions and outlines; only error
// message wording and the full AST (Babel's, not swc's) differ.

const { cfnError } = require('../errors');
const { optionalDependency } = require('./optional');
const depth = require('./depth');
const verdict = require('./verdict');
const { tsRedeclarations } = require('./ts-redeclare');

const parser = optionalDependency('@babel/parser', 'parses JavaScript/TypeScript');

const LANGS = {
  js: 'js', javascript: 'js', jsx: 'jsx', mjs: 'mjs', cjs: 'cjs',
  ts: 'ts', typescript: 'ts', mts: 'mts', cts: 'cts', tsx: 'tsx', 'd.ts': 'dts', dts: 'dts', 'd.mts': 'dts', 'd.cts': 'dts',
};
const TS_LANGS = new Set(['ts', 'tsx', 'mts', 'cts', 'dts']);
const isTs = (lang) => TS_LANGS.has(lang);

function langOf(name) {
  const l = LANGS[String(name).toLowerCase()];
  if (!l) throw cfnError('ERR_CFN_INVALID_ARG', `lang must be one of js, jsx, mjs, cjs, ts, tsx, mts, cts, d.ts; got '${name}'`, RangeError);
  return l;
}

function sourceKindOf(name, lang) {
  if (name === undefined) return verdict.defaultKind(lang);
  if (!verdict.SOURCE_KINDS.has(name)) {
    throw cfnError('ERR_CFN_INVALID_ARG', `sourceType must be one of module, script, commonjs, unambiguous; got '${name}'`, RangeError);
  }
  return name;
}

function babelOptions(lang, kind = lang === 'mjs' || lang === 'mts' ? 'module' : lang === 'cjs' ? 'commonjs' : 'unambiguous') {
  const plugins = [['decorators', { decoratorsBeforeExport: true }], 'explicitResourceManagement', 'importAttributes'];
  if (isTs(lang)) plugins.push(['typescript', { dts: lang === 'dts' }]);
  if (lang === 'js' || lang === 'jsx' || lang === 'tsx') plugins.push('jsx');
  return {
    sourceType: kind === 'commonjs' ? 'script' : kind,
    allowReturnOutsideFunction: kind === 'commonjs',
    plugins,
    errorRecovery: false,
  };
}

/** 1-based line and UTF-16 column of UTF-16 offset `off` in `code`. */
function lineCol(code, off) {
  let line = 1;
  let start = 0;
  for (let i = code.indexOf('\n'); i !== -1 && i < off; i = code.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: off - start + 1 };
}

/** The nesting guard: a diagnostic when `code` nests past the limit. */
function tooDeep(code, lang) {
  const bytes = Buffer.from(code, 'utf8');
  const dialect = { jsx: lang === 'js' || lang === 'jsx' || lang === 'tsx', ts: lang === 'ts' || lang === 'tsx' };
  const r = depth.estimate(bytes, depth.MAX_NESTING, dialect);
  if (r.exceededAt === undefined) return null;
  const off = bytes.subarray(0, r.exceededAt).toString('utf8').length;
  return { message: `Nesting too deep: more than ${depth.MAX_NESTING} levels`, ...lineCol(code, off) };
}

// ---- the second look at speculative TypeScript (src/syntax/recheck.rs) ----
// Babel, like swc, tries generic arrows and `export` + TypeScript
// declarations speculatively and reports a failure at their head. The same
// masking (heads blanked with spaces, offsets kept) finds the real error.

const EXPORT_DECLS = new Set(['abstract', 'namespace', 'module', 'enum', 'interface', 'type']);
const isWordCode = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c >= 0x80;
const isSpace = (c) => c === 32 || (c >= 9 && c <= 13);

function maskSpeculative(code, lang) {
  const n = code.length;
  const wordAt = (i) => {
    let j = i;
    while (j < n && isWordCode(code.charCodeAt(j))) j++;
    return code.slice(i, j);
  };
  const skipWs = (i) => {
    while (i < n && isSpace(code.charCodeAt(i))) i++;
    return i;
  };
  let out = null;
  const blank = (from, to) => {
    if (!out) out = code.split('');
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  const zones = [];
  let exported = false;
  for (let at = code.indexOf('export'); at !== -1; at = code.indexOf('export', at + 1)) {
    if (at > 0 && (isWordCode(code.charCodeAt(at - 1)) || code[at - 1] === '.')) continue;
    if (at + 6 < n && isWordCode(code.charCodeAt(at + 6))) continue;
    const k = skipWs(at + 6);
    const kw = wordAt(k);
    if (!EXPORT_DECLS.has(kw)) continue;
    const after = skipWs(k + kw.length);
    if (kw === 'type' && (code[after] === '{' || code[after] === '*')) continue;
    blank(at, at + 6);
    zones.push([at, Math.max(after + wordAt(after).length, k + kw.length)]);
    exported = true;
  }
  let budget = 4 * n + 4096;
  for (let lt = code.indexOf('<'); lt !== -1; lt = code.indexOf('<', lt + 1)) {
    const next = code.charCodeAt(lt + 1);
    if (!((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 95 || next === 36)) continue;
    let p = lt;
    while (p > 0 && isSpace(code.charCodeAt(p - 1)) && lt - p < 64) p--;
    let operandStart = p === 0;
    if (!operandStart) {
      const c = code[p - 1];
      if ('=(,:?[{};!&|'.includes(c) || (c === '>' && p >= 2 && code[p - 2] === '=')) operandStart = true;
      else {
        let w = p;
        while (w > 0 && isWordCode(code.charCodeAt(w - 1)) && p - w < 16) w--;
        operandStart = ['return', 'async', 'default', 'yield', 'await'].includes(code.slice(w, p));
      }
    }
    if (!operandStart) continue;
    let depth = 0;
    let j = lt;
    let gt = -1;
    let generic = false;
    while (j < n && j - lt < 512) {
      const c = code[j];
      if (c === '<') depth++;
      else if (c === '>' && !(j > 0 && code[j - 1] === '=')) {
        depth--;
        if (depth === 0) {
          gt = j;
          break;
        }
      } else if (c === ';') break;
      else if (c === ',') generic = true;
      else if (c === 'e' && depth === 1 && code.startsWith('extends', j) && !isWordCode(code.charCodeAt(j - 1))) generic = true;
      j++;
    }
    budget -= j - lt + 1;
    if (budget <= 0) return null;
    if (gt < 0 || code[skipWs(gt + 1)] !== '(') continue;
    if (lang === 'tsx' && !generic) continue;
    blank(lt, gt + 1);
    const arrow = code.slice(gt, gt + 2000).indexOf('=>');
    zones.push([lt, arrow < 0 ? gt + 1 : gt + arrow + 2]);
  }
  if (!out) return null;
  return { text: out.join('') + (exported ? '\n;export {};' : ''), zones };
}

/** Babel's exception as `{pos, message, line, column}` in `code`. */
function located(e, code) {
  let pos = Math.min(typeof e.pos === 'number' ? e.pos : 0, code.length);
  // Babel's message ends with " (line:col)".
  const message = String(e.message).replace(/ \(\d+:\d+\)$/, '');
  // A mismatched closing tag: Babel points at its `</`, swc at its name.
  if (message.startsWith('Expected corresponding JSX closing tag') && code.startsWith('</', pos)) {
    pos += 2;
    while (pos < code.length && isSpace(code.charCodeAt(pos))) pos++;
  }
  return { pos, message, ...lineCol(code, pos) };
}

/**
 * Babel's TypeScript errors that are tsc's checker's, not its parser's, and
 * that oxc (native, wasm) leaves to the checker; dropped on TypeScript so
 * that the backends agree and no published file the parser accepts is an
 * error:
 * - `ModuleExportUndefined`: TypeScript resolves `export { X }` in the
 *   scopes around a module block and in the global scope, and an unknown
 *   name is a type error (TS2304); Babel refuses it, also where `X` is
 *   declared globally (`declare module "stream" { export { promises } }` in
 *   @types/node).
 * - `ConstInitializerMustBeStringOrNumericLiteralOrLiteralEnumReference`
 *   (TS1254, `export const posix = path` in a .d.ts: bare-path 3 ships it).
 */
const CHECKER_ONLY = new Set([
  'ModuleExportUndefined',
  // Babel's reason code for it is spelled so (line 360 of @babel/parser 7.29's
  // lib/index.js), the correct spelling kept in case it is fixed.
  'ConstInitiailizerMustBeStringOrNumericLiteralOrLiteralEnumReference',
  'ConstInitializerMustBeStringOrNumericLiteralOrLiteralEnumReference',
]);

/** Parses again with recovery, keeping the first error not in CHECKER_ONLY. */
function withoutCheckerErrors(p, code, lang, kind) {
  let ast;
  try {
    ast = p.parse(code, { ...babelOptions(lang, kind), errorRecovery: true });
  } catch (e) {
    if (e instanceof RangeError) return { deep: { message: 'Nesting too deep for the js backend', ...lineCol(code, 0) } };
    const err = located(e, code);
    return { error: { message: err.message, line: err.line, column: err.column } };
  }
  const rest = ast.errors.filter((e) => !CHECKER_ONLY.has(e.reasonCode));
  if (rest.length === 0) return { ast };
  const err = located(rest[0], code);
  return { error: { message: err.message, line: err.line, column: err.column } };
}

/** Parses, returning `{ast}` or `{error: {message, line, column}}`. */
function parseOrError(code, lang, kind) {
  const deep = tooDeep(code, lang);
  if (deep) return { deep };
  const p = parser();
  const tooDeepForBabel = { deep: { message: 'Nesting too deep for the js backend', ...lineCol(code, 0) } };
  try {
    return { ast: p.parse(code, babelOptions(lang, kind)) };
  } catch (e) {
    if (e instanceof RangeError) return tooDeepForBabel;
    if (isTs(lang) && CHECKER_ONLY.has(e.reasonCode)) return withoutCheckerErrors(p, code, lang, kind);
    let err = located(e, code);
    const m = isTs(lang) && maskSpeculative(code, lang);
    if (m && m.zones.some(([a, b]) => a <= err.pos && err.pos <= b)) {
      try {
        p.parse(m.text, babelOptions(lang, kind));
      } catch (e2) {
        if (!(e2 instanceof RangeError)) {
          const later = located(e2, code);
          if (later.pos > err.pos) err = later;
        }
      }
    }
    return { error: { message: err.message, line: err.line, column: err.column } };
  }
}

/**
 * Syntax and early errors as `[{message, line, column}]` (JSON, like the
 * bindings): JavaScript judged by meriyah (lib/js/verdict.js), TypeScript
 * by Babel's TypeScript plugin.
 */
function jsValidate(code, langName, sourceType) {
  const lang = langOf(langName);
  const kind = sourceKindOf(sourceType, lang);
  const deep = tooDeep(code, lang);
  if (deep) return JSON.stringify([deep]);
  if (!isTs(lang)) {
    try {
      return JSON.stringify(verdict.javascriptErrors(code, lang, kind));
    } catch (e) {
      if (e instanceof RangeError) return JSON.stringify([{ message: 'Nesting too deep for the js backend', ...lineCol(code, 0) }]);
      throw e;
    }
  }
  const r = parseOrError(code, lang, kind === 'unambiguous' ? 'unambiguous' : kind);
  if (r.deep) return JSON.stringify([r.deep]);
  if (r.error) return JSON.stringify([r.error]);
  // What tsc's checker reports and Babel leaves to it.
  const found = tsRedeclarations(r.ast, lang === 'dts');
  return JSON.stringify(found.map(({ pos, message }) => ({ message, ...lineCol(code, pos) })));
}

function syntaxFailure(r) {
  if (r.deep) return cfnError('ERR_CFN_LIMIT', `${r.deep.message} (${r.deep.line}:${r.deep.column})`);
  return cfnError('ERR_CFN_SYNTAX', `${r.error.message} (${r.error.line}:${r.error.column})`);
}

/** Babel's AST as JSON (the js backend's documented difference from swc). */
function jsParse(code, langName) {
  const r = parseOrError(code, langOf(langName));
  if (!r.ast) throw syntaxFailure(r);
  return JSON.stringify(r.ast.program);
}

// ---- outline: the walk of src/syntax/outline.rs over Babel's AST ----

const nameOf = (n) => (n.type === 'StringLiteral' ? n.value : n.name);

function requireSource(e) {
  if (!e || e.type !== 'CallExpression' || e.callee.type !== 'Identifier' || e.callee.name !== 'require') return null;
  if (e.arguments.length !== 1 || e.arguments[0].type !== 'StringLiteral') return null;
  return e.arguments[0].value;
}

function memberPath(e) {
  if (e.type === 'Identifier') return [e.name];
  if (e.type === 'MemberExpression' && !e.computed && e.property.type === 'Identifier') {
    const p = memberPath(e.object);
    return p && [...p, e.property.name];
  }
  return null;
}

function jsOutline(code, langName) {
  const r = parseOrError(code, langOf(langName));
  if (!r.ast) throw syntaxFailure(r);
  const out = { imports: [], exports: [], functions: [], classes: [] };
  const line = (node) => node.loc.start.line;
  const push = (list, name, node, source) => out[list].push(source === undefined ? { name, line: line(node) } : { name, line: line(node), source });

  const variable = (v, exported) => {
    if (v.kind === 'using' || v.kind === 'await using') return; // swc: a separate Using declaration
    for (const d of v.declarations) {
      const init = d.init;
      if (d.id.type === 'Identifier') {
        const name = d.id.name;
        if (exported) push('exports', name, exported);
        if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) push('functions', name, d.id);
        else if (init && init.type === 'ClassExpression') push('classes', name, d.id);
        else if (init) {
          const src = requireSource(init);
          if (src !== null) push('imports', name, d.id, src);
        }
      } else if (d.id.type === 'ObjectPattern') {
        const src = requireSource(init);
        for (const p of d.id.properties) {
          if (p.type !== 'ObjectProperty') continue;
          let binding = null;
          if (p.value.type === 'Identifier') binding = p.value;
          else if (p.value.type === 'AssignmentPattern' && p.shorthand && p.value.left.type === 'Identifier') binding = p.value.left;
          if (!binding) continue;
          if (exported) push('exports', binding.name, exported);
          if (src !== null) push('imports', binding.name, binding, src);
        }
      }
    }
  };

  const declaration = (d, exported) => {
    const named = (name) => exported && push('exports', name, exported);
    switch (d.type) {
      case 'FunctionDeclaration':
      case 'TSDeclareFunction':
        if (!d.id) return;
        push('functions', d.id.name, exported || d);
        named(d.id.name);
        return;
      case 'ClassDeclaration':
        push('classes', d.id.name, exported || d);
        named(d.id.name);
        return;
      case 'VariableDeclaration':
        variable(d, exported);
        return;
      case 'TSInterfaceDeclaration':
      case 'TSTypeAliasDeclaration':
      case 'TSEnumDeclaration':
        named(d.id.name);
        return;
      case 'TSModuleDeclaration':
        named(nameOf(d.id));
        return;
      default:
    }
  };

  for (const s of r.ast.program.body) {
    switch (s.type) {
      case 'ImportDeclaration':
        if (s.specifiers.length === 0) push('imports', '', s, s.source.value);
        for (const sp of s.specifiers) push('imports', sp.local.name, sp.local, s.source.value);
        break;
      case 'ExportNamedDeclaration':
        if (s.declaration) declaration(s.declaration, s);
        for (const sp of s.specifiers) {
          if (sp.type === 'ExportSpecifier') push('exports', nameOf(sp.exported), sp);
          else if (sp.type === 'ExportNamespaceSpecifier') push('exports', nameOf(sp.exported), sp);
          else if (sp.type === 'ExportDefaultSpecifier') push('exports', sp.exported.name, sp.exported);
        }
        break;
      case 'ExportAllDeclaration':
        push('exports', '*', s);
        break;
      case 'ExportDefaultDeclaration': {
        const d = s.declaration;
        if (d.type === 'FunctionDeclaration') push('functions', d.id ? d.id.name : 'default', s);
        else if (d.type === 'ClassDeclaration') push('classes', d.id ? d.id.name : 'default', s);
        push('exports', 'default', s);
        break;
      }
      case 'TSImportEqualsDeclaration':
        if (s.moduleReference.type === 'TSExternalModuleReference') push('imports', s.id.name, s.id, s.moduleReference.expression.value);
        if (s.isExport) push('exports', s.id.name, s);
        break;
      case 'TSExportAssignment':
        push('exports', 'export=', s);
        break;
      case 'ExpressionStatement': {
        const e = s.expression;
        if (e.type !== 'AssignmentExpression' || e.left.type !== 'MemberExpression') break;
        const p = memberPath(e.left);
        if (!p) break;
        const key = p.join('.');
        if (key === 'module.exports') push('exports', 'module.exports', s);
        else if (p.length === 3 && p[0] === 'module' && p[1] === 'exports') push('exports', p[2], s);
        else if (p.length === 2 && p[0] === 'exports') push('exports', p[1], s);
        break;
      }
      default:
        declaration(s, null);
    }
  }
  for (const k of Object.keys(out)) out[k].sort((a, b) => a.line - b.line);
  return JSON.stringify(out);
}

module.exports = { jsValidate, jsOutline, jsParse, parseOrError, syntaxFailure, langOf, maskSpeculative };
