'use strict';
// Risky code, scanned in every text file: code that runs strings, disables
// TLS checks or builds shell commands from templates is a warning
// (sometimes deliberate, always worth a look). Twin of src/check/risks.rs.

const { diagnostic } = require('../diagnostic');
const { PatternSet } = require('../../callsites/pattern-set');

/** [rule, severity, what it found, pattern] */
const RULES = [
  ['eval', 'warning', 'call to eval: runs a string as code', /(?<![\w$])eval\s*\(/],
  ['new-function', 'warning', 'Function constructor: builds code from a string', /\bnew\s+Function\s*\(/],
  ['shell-injection', 'warning', 'shell command built from a template literal (command injection risk)', /\bexec(?:Sync)?\s*\(\s*`[^`]*\$\{/],
  [
    'tls-verification-disabled',
    'warning',
    'TLS certificate verification disabled',
    /NODE_TLS_REJECT_UNAUTHORIZED["']?\s*[:=]\s*["']?0\b|\brejectUnauthorized\s*:\s*false\b|\bverify\s*=\s*False\b/,
  ],
];

let set;
/** The rules' PatternSet, built on first use. */
const patternSet = () => (set ??= new PatternSet(RULES.map((r) => r[3])));

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkRisks(text) {
  const found = [];
  patternSet()
    .scan(text)
    .forEach((hit, i) => {
      if (hit.count === 0) return;
      const [rule, severity, what] = RULES[i];
      const more = hit.count > 1 ? ` (${hit.count} occurrences, first shown)` : '';
      found.push(diagnostic(severity, rule, `${what}${more}`, hit.line, hit.column));
    });
  return found;
}

module.exports = { checkRisks, RULES };
