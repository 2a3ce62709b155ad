'use strict';
// Hard-coded credentials, scanned in every text file: one PatternSet,
// compiled once per process, reports per rule how often it matched and
// where first. Twin of src/check/secrets.rs.

const { diagnostic } = require('../diagnostic');
const { PatternSet } = require('../../callsites/pattern-set');

// Keys whose quoted value is a hard-coded secret, and values that are
// evidently placeholders rather than secrets.
const SECRET_KEY = String.raw`(?:password|passwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)`;
const PLACEHOLDER = String.raw`(?:[$<{%]|your[_-]|xxx|\*\*\*|changeme|example|placeholder|redacted|dummy|fake|sample)`;

/** [rule, severity, what it found, pattern] */
const RULES = [
  ['secret-aws-access-key', 'error', 'AWS access key id', /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/],
  ['secret-aws-secret-key', 'error', 'AWS secret access key', /aws_?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i],
  ['secret-github-token', 'error', 'GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/],
  ['secret-gitlab-token', 'error', 'GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}/],
  ['secret-slack-token', 'error', 'Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}/],
  ['secret-slack-webhook', 'error', 'Slack webhook URL', /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/]{20,}/],
  ['secret-private-key', 'error', 'private key block', /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/],
  ['secret-stripe-key', 'error', 'Stripe live key', /\b[rs]k_live_[A-Za-z0-9]{20,}/],
  ['secret-google-api-key', 'error', 'Google API key', /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/],
  ['secret-npm-token', 'error', 'npm access token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['secret-anthropic-key', 'error', 'Anthropic API key', /\bsk-ant-[a-z0-9]+-[A-Za-z0-9_-]{32,}/],
  ['secret-openai-key', 'error', 'OpenAI API key', /\bsk-[A-Za-z0-9_-]{16,}T3BlbkFJ[A-Za-z0-9_-]{16,}/],
  [
    'secret-hardcoded',
    'error',
    'hard-coded password or secret (read it from the environment or a secret store)',
    new RegExp(String.raw`${SECRET_KEY}["']?\s*(?::|=|:=|=>)\s*(["'\`])(?!${PLACEHOLDER})[^\s"'\`\\]{6,}\1`, 'i'),
  ],
  ['secret-jwt', 'warning', 'JSON Web Token literal', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ['secret-url-credentials', 'warning', 'credentials in a URL', /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/"'`<>]+:[^\s:@/"'`<>$]{3,}@[^\s/"'`<>]+/i],
];

let set;
/** The rules' PatternSet, built on first use. */
const patternSet = () => (set ??= new PatternSet(RULES.map((r) => r[3])));

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkSecrets(text) {
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

module.exports = { checkSecrets, RULES };
