'use strict';
// JS/JSX/TS/TSX and declaration files: syntax and early errors, through
// the API's validator (oxc's parser and semantic checker on native and
// wasm; meriyah and Babel on js), loaded as Node would load the file.

const { diagnostic } = require('../diagnostic');

/**
 * @param {object} api the public API
 * @param {string} text
 * @param {'js' | 'jsx' | 'ts' | 'tsx' | 'mjs' | 'cjs' | 'mts' | 'cts' | 'd.ts'} lang
 * @param {'module' | 'commonjs' | 'unambiguous'} [sourceType] from the package scope; else the language's default
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkJavaScript(api, text, lang, sourceType) {
  let result;
  try {
    result = api.astParser.validate(text, sourceType ? { lang, sourceType } : { lang });
  } catch (e) {
    // Input the parser refuses (too deep, too large) is not a pass; anything
    // else is a bug and propagates.
    if (!(e && typeof e.code === 'string' && e.code.startsWith('ERR_CFN_'))) throw e;
    return [diagnostic('error', 'syntax', `cannot be parsed: ${e.message}`, 1, 1)];
  }
  return result.errors.map((e) => diagnostic('error', 'syntax', e.message, e.line, e.column));
}

module.exports = { checkJavaScript };
