'use strict';
// JS/JSX/TS/TSX and declaration files: syntax and early errors (meriyah
// and Babel on the js backend), loaded as Node would load the file. Twin
// of src/check/javascript.rs.

const { diagnostic } = require('../diagnostic');
const { jsValidate } = require('../../js/syntax');

/**
 * @param {string} text
 * @param {'js' | 'jsx' | 'ts' | 'tsx' | 'mjs' | 'cjs' | 'mts' | 'cts' | 'd.ts'} lang
 * @param {'module' | 'script' | 'commonjs' | 'unambiguous'} [sourceType] from the package scope; else the language's default
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkJavaScript(text, lang, sourceType) {
  return JSON.parse(jsValidate(text, lang, sourceType)).map((e) => diagnostic('error', 'syntax', e.message, e.line, e.column));
}

/** The family's rules for `check --help`: [id, severity, summary]. */
const RULES = [['syntax', 'error', 'JS/TS: what the engine refuses to load (syntax and early errors, as Node decides the source type)']];

module.exports = { checkJavaScript, RULES };
