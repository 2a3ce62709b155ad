'use strict';
// validate / outline / parse for the js backend, on Babel's parser (the
// optional dependency @babel/parser). The outline walk mirrors
// src/syntax/outline.rs and the nesting guard src/syntax/depth.rs, so the
// three backends agree on validity, positions and outlines; only error
// message wording and the full AST (Babel's, not swc's) differ.

const { cfnError } = require('../errors');
const depth = require('./depth');

let babel;
function parser() {
  if (babel === undefined) {
    try {
      babel = require('@babel/parser');
    } catch (e) {
      babel = null;
    }
  }
  if (!babel) {
    throw cfnError(
      'ERR_CFN_BACKEND_UNAVAILABLE',
      'the js backend parses JavaScript/TypeScript with @babel/parser, which is not installed: run `npm install @babel/parser`, or use the native or wasm backend',
    );
  }
  return babel;
}

const LANGS = {
  js: 'js', javascript: 'js', jsx: 'jsx', mjs: 'mjs', cjs: 'cjs',
  ts: 'ts', typescript: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx',
};

function langOf(name) {
  const l = LANGS[String(name).toLowerCase()];
  if (!l) throw cfnError('ERR_CFN_INVALID_ARG', `lang must be one of js, jsx, mjs, cjs, ts, tsx; got '${name}'`, RangeError);
  return l;
}

function babelOptions(lang) {
  const plugins = [['decorators', { decoratorsBeforeExport: true }], 'explicitResourceManagement', 'importAttributes'];
  if (lang === 'ts' || lang === 'tsx') plugins.push('typescript');
  if (lang === 'js' || lang === 'jsx' || lang === 'tsx') plugins.push('jsx');
  return {
    sourceType: lang === 'mjs' ? 'module' : lang === 'cjs' ? 'script' : 'unambiguous',
    allowReturnOutsideFunction: lang === 'cjs',
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
function tooDeep(code) {
  const bytes = Buffer.from(code, 'utf8');
  const r = depth.estimate(bytes, depth.MAX_NESTING);
  if (r.exceededAt === undefined) return null;
  const off = bytes.subarray(0, r.exceededAt).toString('utf8').length;
  return { message: `Nesting too deep: more than ${depth.MAX_NESTING} levels`, ...lineCol(code, off) };
}

/** Parses, returning `{ast}` or `{error: {message, line, column}}`. */
function parseOrError(code, lang) {
  const deep = tooDeep(code);
  if (deep) return { deep };
  const p = parser();
  try {
    return { ast: p.parse(code, babelOptions(lang)) };
  } catch (e) {
    if (e instanceof RangeError) return { deep: { message: 'Nesting too deep for the js backend', ...lineCol(code, 0) } };
    const loc = e.loc || { line: 1, column: 0 };
    // Babel's column is 0-based UTF-16; its message ends with " (line:col)".
    const message = String(e.message).replace(/ \(\d+:\d+\)$/, '');
    return { error: { message, line: loc.line, column: loc.column + 1 } };
  }
}

/** Syntax errors as `[{message, line, column}]` (JSON, like the bindings). */
function jsValidate(code, langName) {
  const r = parseOrError(code, langOf(langName));
  if (r.deep) return JSON.stringify([r.deep]);
  return JSON.stringify(r.error ? [r.error] : []);
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

module.exports = { jsValidate, jsOutline, jsParse, parseOrError, syntaxFailure, langOf };
