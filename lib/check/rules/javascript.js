'use strict';
// JS/JSX/TS/TSX syntax, through the API's validator (swc on native and
// wasm, the JS fallback on js).

const { diagnostic } = require('../diagnostic');

/**
 * @param {object} api the public API
 * @param {string} text
 * @param {'js' | 'jsx' | 'ts' | 'tsx' | 'mjs' | 'cjs'} lang
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkJavaScript(api, text, lang) {
  let result;
  try {
    result = api.astParser.validate(text, { lang });
  } catch (e) {
    // Input the parser refuses (too deep, too large) is not a pass; anything
    // else is a bug and propagates.
    if (!(e && typeof e.code === 'string' && e.code.startsWith('ERR_CFN_'))) throw e;
    return [diagnostic('error', 'syntax', `cannot be parsed: ${e.message}`, 1, 1)];
  }
  return result.errors.map((e) => diagnostic('error', 'syntax', e.message, e.line, e.column));
}

module.exports = { checkJavaScript };
