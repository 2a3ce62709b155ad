'use strict';
// TOML files (TOML 1.0), parsed by smol-toml. Twin of src/check/toml.rs (the
// toml crate).
//
//   toml-syntax         error  the first place the text stops being TOML
//   toml-duplicate-key  error  a key or table defined twice (TOML forbids it)
//
// Lets pass: dotted keys and sub-tables that extend a table, arrays of
// tables, every valid TOML 1.0 value. The messages are fixed per rule, so
// every backend says the same.

const { diagnostic } = require('../diagnostic');
const { optionalDependency } = require('../../js/optional');

const toml = optionalDependency('smol-toml', 'checks TOML');

const SYNTAX = 'invalid TOML: the parser stops here';
const DUPLICATE = 'this key or table is already defined';
// smol-toml's wording for redefinitions (it has no error codes).
const REDEFINE = /already|redefine|overrid|duplicate/i;

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkTOML(text) {
  try {
    toml().parse(text);
    return [];
  } catch (e) {
    if (typeof e.line !== 'number') throw e;
    const first = String(e.message).split('\n')[0];
    return REDEFINE.test(first)
      ? [diagnostic('error', 'toml-duplicate-key', DUPLICATE, e.line, e.column)]
      : [diagnostic('error', 'toml-syntax', SYNTAX, e.line, e.column)];
  }
}

/** The family's rules for `check --help`: [id, severity, summary]. */
const RULES = [
  ['toml-syntax', 'error', 'TOML 1.0: the first place the text stops being TOML'],
  ['toml-duplicate-key', 'error', 'a key or table defined twice'],
];

module.exports = { checkTOML, RULES };
