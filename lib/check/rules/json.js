'use strict';
// Strict JSON, with the position of the first error.

const { diagnostic } = require('../diagnostic');

/**
 * @param {object} api the public API
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkJSONText(api, text) {
  const { valid, error } = api.validation.checkJSON(text);
  return valid ? [] : [diagnostic('error', 'json-syntax', error.message, error.line, error.column)];
}

module.exports = { checkJSONText };
