'use strict';
// The js backend's verdict on JavaScript: syntax and early errors, as
// src/syntax/verdict.rs decides them on native and wasm. The judge here is
// meriyah (an optional dependency, plain JavaScript) with its lexical scope
// tracking on: like oxc's semantic checker it accepts every positive and
// rejects every negative test of test262's test/language. How a file is
// loaded (module, script, CommonJS, or Node's detection) is decided here
// exactly as in the Rust module; keep the two in step.

const { optionalDependency } = require('./optional');

const judge = optionalDependency('meriyah', 'validates JavaScript');

const SOURCE_KINDS = new Set(['module', 'script', 'commonjs', 'unambiguous']);

/** The source kind a file of `lang` has when nothing else says. */
function defaultKind(lang) {
  if (lang === 'mjs' || lang === 'mts') return 'module';
  if (lang === 'cjs') return 'commonjs';
  return 'unambiguous';
}

// Names Node's CommonJS wrapper binds as parameters.
const WRAPPER_PARAMS = new Set(['exports', 'require', 'module', '__filename', '__dirname']);

function patternNames(p, out) {
  if (!p) return;
  switch (p.type) {
    case 'Identifier':
      out.push(p);
      break;
    case 'ObjectPattern':
      for (const prop of p.properties) patternNames(prop.type === 'RestElement' ? prop.argument : prop.value, out);
      break;
    case 'ArrayPattern':
      for (const el of p.elements) patternNames(el, out);
      break;
    case 'RestElement':
      patternNames(p.argument, out);
      break;
    case 'AssignmentPattern':
      patternNames(p.left, out);
      break;
    default:
  }
}

/** Top-level `let`/`const`/`using`/`class` binding a wrapper parameter's name. */
function wrapperRedeclarations(program) {
  const hits = [];
  for (const s of program.body) {
    if (s.type === 'VariableDeclaration' && s.kind !== 'var') {
      for (const d of s.declarations) patternNames(d.id, hits);
    } else if (s.type === 'ClassDeclaration' && s.id) hits.push(s.id);
  }
  return hits
    .filter((id) => WRAPPER_PARAMS.has(id.name))
    .map((id) => ({
      pos: id.start,
      message: `Identifier \`${id.name}\` has already been declared`,
      line: id.loc.start.line,
      column: id.loc.start.column + 1,
    }));
}

/** The errors of one reading: `[]`, or `[{pos, message, line, column}]`. */
function errorsAs(code, lang, kind) {
  const m = judge();
  const options = {
    module: kind === 'module',
    globalReturn: kind === 'commonjs',
    next: true,
    lexical: true,
    webcompat: true,
    jsx: lang === 'js' || lang === 'jsx',
    loc: kind === 'commonjs',
    ranges: kind === 'commonjs',
  };
  let program;
  try {
    program = m.parse(code, options);
  } catch (e) {
    if (e instanceof RangeError) throw e; // the caller's nesting answer
    const loc = e.loc && e.loc.start;
    const pos = typeof e.start === 'number' ? e.start : 0;
    return [{ pos, message: String(e.description || e.message), line: loc ? loc.line : 1, column: loc ? loc.column + 1 : 1 }];
  }
  return kind === 'commonjs' ? wrapperRedeclarations(program) : [];
}

/**
 * Node's module syntax detection (see `node_detected` in verdict.rs): valid
 * when the file compiles as CommonJS or as a module; otherwise the errors of
 * the reading that got further, a tie going to CommonJS.
 */
function nodeDetected(code, lang) {
  const looksEsm = code.includes('import') || code.includes('export');
  const order = looksEsm ? ['module', 'commonjs'] : ['commonjs', 'module'];
  const first = errorsAs(code, lang, order[0]);
  if (first.length === 0) return first;
  const second = errorsAs(code, lang, order[1]);
  if (second.length === 0) return second;
  const [cjs, esm] = order[0] === 'commonjs' ? [first, second] : [second, first];
  return esm[0].pos > cjs[0].pos ? esm : cjs;
}

/** Syntax and early errors of JavaScript `code` as `lang` loaded as `kind`. */
function javascriptErrors(code, lang, kind) {
  const found = kind === 'unambiguous' ? nodeDetected(code, lang) : errorsAs(code, lang, kind);
  return found.map(({ message, line, column }) => ({ message, line, column }));
}

module.exports = { javascriptErrors, defaultKind, SOURCE_KINDS, patternNames };
