'use strict';
// Risky code: the twin of src/check/risks.rs, whose module doc is the rules
// table. eval, new Function and shell commands built from templates are
// looked for in JavaScript and TypeScript only; TLS verification turned off
// in every text but Markdown. Always warnings; one per rule and file (the
// first, with a count).

const { diagnostic } = require('../diagnostic');
const { lineStarts, position } = require('../../lines');
const { JS_LANGS } = require('../kind');

/** [id, severity, summary] for `check --help`; the same as the core's RULES. */
const RULES = [
  ['eval', 'warning', 'call to eval: runs a string as code'],
  ['new-function', 'warning', 'Function constructor: builds code from a string'],
  ['shell-injection', 'warning', 'shell command built from a template literal (command injection risk)'],
  ['tls-verification-disabled', 'warning', 'TLS certificate verification disabled'],
];

/** Patterns in RULES order, the same text as the core's. */
const PATTERNS = [
  /eval[ \t\r\n]*\(/g,
  /new[ \t\r\n]+Function[ \t\r\n]*\(/g,
  /exec(?:Sync)?[ \t\r\n]*\([ \t\r\n]*`[^`]*\$\{/g,
  /NODE_TLS_REJECT_UNAUTHORIZED["']?[ \t]*[:=][ \t]*["']?0|rejectUnauthorized[ \t\r\n]*:[ \t\r\n]*false|verify[ \t]*=[ \t]*False/g,
];

const isIdent = (c) => c !== undefined && /^[A-Za-z0-9_$]$/.test(c);

/**
 * @param {string} text
 * @param {{kind: string}} ctx
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkRisks(text, ctx) {
  // Declaration files do not run (`eval(script: string)` there is a method
  // signature); Markdown shows code, it does not run it.
  if (ctx.kind === 'markdown' || ctx.kind === 'd.ts') return [];
  const script = JS_LANGS.has(ctx.kind);
  const found = [];
  let starts;
  PATTERNS.forEach((re, i) => {
    if (i < 3 && !script) return;
    let first = -1;
    let count = 0;
    re.lastIndex = 0;
    let m;
    while ((m = re.exec(text)) !== null) {
      const before = text[m.index - 1];
      // A word of its own: not `myeval(`, `x.eval(`, `renew Function`.
      if (isIdent(before) || (i === 0 && before === '.')) continue;
      // `False`/`false`/`0` end there: not `falsey`, `01`.
      if (i === 3 && isIdent(text[m.index + m[0].length])) continue;
      count++;
      if (first < 0) first = m.index;
    }
    if (first < 0) return;
    const [rule, , what] = RULES[i];
    const more = count > 1 ? ` (${count} occurrences, first shown)` : '';
    starts ??= lineStarts(text);
    const { line, column } = position(starts, first);
    found.push(diagnostic('warning', rule, `${what}${more}`, line, column));
  });
  return found;
}

module.exports = { checkRisks, RULES };
