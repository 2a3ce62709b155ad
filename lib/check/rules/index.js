'use strict';
// The js backend's rules: the JavaScript twin of the core's
// `check::analyze` (src/check/mod.rs), giving the same analysis for the
// same text, path, kind and source type. Native and wasm run the Rust
// rules; `__test__/once/rules-parity.test.js` compares the two on corpora.

const { checkJavaScript } = require('./javascript');
const { checkJSONText, checkJSONC } = require('./json');
const { checkMarkdown } = require('./markdown');
const { checkRust } = require('./rust');
const { checkSecrets } = require('./secrets');
const { checkRisks } = require('./risks');
const { checkYAML } = require('./yaml');
const { checkTOML } = require('./toml');
const { applySuppressions } = require('./suppress');
const { sortDiagnostics } = require('../diagnostic');
const { kindOf, JS_LANGS } = require('../kind');
const { analyzeNotebook } = require('../notebook');

/**
 * @typedef {object} Analysis
 * @property {import('../diagnostic').Diagnostic[]} diagnostics sorted by position, then rule
 * @property {{target: string, fragment: string | null, line: number, column: number}[]} links local link targets to look up on disk
 * @property {string[]} anchors anchors this document defines
 */

/**
 * Every rule that applies to `text` (the file at `file`, checked as `kind`,
 * or as its name says): the kind's own family, then the secret and risk
 * scans, then inline `cfn-accel-ignore` markers.
 * @param {string} text
 * @param {string} file
 * @param {string} [kind]
 * @param {string} [sourceType]
 * @returns {Analysis}
 */
function analyzeText(text, file, kind = kindOf(file), sourceType) {
  // Editors do not count a byte-order mark as a column.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (kind === 'notebook') return analyzeNotebook(text, file, analyzeText);
  const out = { diagnostics: [], links: [], anchors: [] };
  if (JS_LANGS.has(kind)) out.diagnostics = checkJavaScript(text, kind, sourceType);
  else if (kind === 'json') out.diagnostics = checkJSONText(text, file);
  else if (kind === 'jsonc') out.diagnostics = checkJSONC(text);
  else if (kind === 'rust') out.diagnostics = checkRust(text);
  else if (kind === 'yaml') out.diagnostics = checkYAML(text);
  else if (kind === 'toml') out.diagnostics = checkTOML(text);
  else if (kind === 'markdown') Object.assign(out, checkMarkdown(text));
  const ctx = { path: file, kind, sourceType };
  out.diagnostics.push(...checkSecrets(text, ctx), ...checkRisks(text, ctx));
  out.diagnostics = applySuppressions(text, out.diagnostics);
  sortDiagnostics(out.diagnostics);
  return out;
}

// Rules reported by the drivers (the CLIs) rather than a family.
const DRIVER_RULES = [
  ['io', 'error', 'a named path that does not exist or a file that cannot be read'],
  ['too-large', 'warning', 'a file over 16 MiB, not checked'],
  ['config', 'warning', 'a .cfn-accel.json that cannot be used (it then applies nothing)'],
];

/** Every rule, family by family: [id, severity, summary] (the core's `check::rules`). */
function rules() {
  return [
    ...require('./javascript').RULES,
    ...require('./json').RULES,
    ...require('./yaml').RULES,
    ...require('./toml').RULES,
    ...require('./markdown').RULES,
    ...require('./rust').RULES_LIST,
    ...require('./secrets').RULES,
    ...require('./risks').RULES,
    ...DRIVER_RULES,
  ];
}

/** The rules reference `check --help` ends with (the core's `check::rules_help`). */
function rulesHelp() {
  const list = rules();
  const width = Math.max(...list.map((r) => r[0].length));
  const rows = list.map(([id, severity, summary]) => `  ${severity.padEnd(7)}  ${id.padEnd(width)}  ${summary}`);
  return `Rules (silence one with \`cfn-accel-ignore <rule>\` or .cfn-accel.json):\n${rows.join('\n')}\n`;
}

module.exports = { analyzeText, rules, rulesHelp };
