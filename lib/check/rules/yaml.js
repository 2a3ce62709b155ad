'use strict';
// YAML files (YAML 1.2, every document of a stream), parsed by the `yaml`
// package. Twin of src/check/yaml.rs (saphyr-parser).
//
//   yaml-syntax         error  the first place the stream stops being YAML (bad indentation, unclosed quote or bracket, tab indentation, ...)
//   yaml-duplicate-key  error  a mapping key repeated in the same mapping (YAML forbids it; most loaders keep the last silently)
//
// Lets pass: anchors and aliases, merge keys (`<<`), tags, multi-document
// streams, comments; keys that look alike but are different values (`1` and
// "1"). The messages are fixed per rule, so every backend says the same.

const { diagnostic } = require('../diagnostic');
const { optionalDependency } = require('../../js/optional');

const yaml = optionalDependency('yaml', 'checks YAML');

const SYNTAX = 'invalid YAML: the parser stops here';
const DUPLICATE = 'duplicate key in this mapping';

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkYAML(text) {
  const docs = yaml().parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const found = [];
  for (const doc of list) {
    for (const e of doc.errors) {
      const { line, col } = e.linePos ? e.linePos[0] : { line: 0, col: 0 };
      found.push(e.code === 'DUPLICATE_KEY' ? ['yaml-duplicate-key', DUPLICATE, line, col] : ['yaml-syntax', SYNTAX, line, col]);
    }
  }
  // Syntax: the first error only (what follows it is the parser's guess).
  const firstSyntax = found.find((f) => f[0] === 'yaml-syntax');
  return found
    .filter((f) => f[0] === 'yaml-duplicate-key' ? !firstSyntax || f[2] < firstSyntax[2] : f === firstSyntax)
    .map(([rule, message, line, column]) => diagnostic('error', rule, message, line, column));
}

/** The family's rules for `check --help`: [id, severity, summary]. */
const RULES = [
  ['yaml-syntax', 'error', 'YAML 1.2: the first place the stream stops being YAML'],
  ['yaml-duplicate-key', 'error', 'a key repeated in one mapping'],
];

module.exports = { checkYAML, RULES };
