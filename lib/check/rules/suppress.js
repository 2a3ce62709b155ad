'use strict';
// Inline silencing, twin of src/check/suppress.rs: `cfn-accel-ignore
// <rule>[, <rule>...]` drops those rules' findings on its own line and the
// next; `cfn-accel-ignore-file <rule>...` in the whole file; text after
// ` -- ` is a reason. Rules are always named: no marker hides everything.

const { lineStarts, position } = require('../../lines');

const MARKER = 'cfn-accel-ignore';
const RULE_NAME = /^[a-z0-9-]+$/;

/** The rule names after a marker, up to ` -- `, the line's end or a non-name. */
function ruleList(rest) {
  const rules = [];
  for (const word of rest.split(' -- ')[0].split(/[, \t]/)) {
    if (word === '') continue;
    if (!RULE_NAME.test(word)) break;
    rules.push(word);
  }
  return rules;
}

function markers(text) {
  const found = [];
  let starts = null;
  for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + 1)) {
    let rest = text.slice(at + MARKER.length, text.indexOf('\n', at) < 0 ? undefined : text.indexOf('\n', at));
    const wholeFile = rest.startsWith('-file');
    if (wholeFile) rest = rest.slice(5);
    if (rest[0] !== ' ' && rest[0] !== '\t') continue;
    const rules = ruleList(rest.split('\r')[0]);
    if (rules.length === 0) continue;
    if (!starts) starts = lineStarts(text);
    found.push({ line: position(starts, at).line, wholeFile, rules });
  }
  return found;
}

/**
 * `list` without the findings that markers in `text` silence.
 * @param {string} text
 * @param {import('../diagnostic').Diagnostic[]} list
 */
function applySuppressions(text, list) {
  if (list.length === 0 || !text.includes(MARKER)) return list;
  const marks = markers(text);
  return list.filter(
    (d) => !marks.some((m) => m.rules.includes(d.rule) && (m.wholeFile || d.line === m.line || d.line === m.line + 1)),
  );
}

module.exports = { applySuppressions };
