'use strict';
// JSON files: strict JSON with the position of the first error (V8's
// wording). Twin of src/check/json.rs.

const { diagnostic } = require('../diagnostic');
const { checkJSON } = require('../../js/json');

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkJSONText(text) {
  const error = checkJSON(text);
  return error ? [diagnostic('error', 'json-syntax', error.message, error.line, error.column)] : [];
}

/** JSON with comments and trailing commas: not checked yet beyond the scans. */
const checkJSONC = () => [];

module.exports = { checkJSONText, checkJSONC };
