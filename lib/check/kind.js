'use strict';
// What a file is checked as, by its name alone: the twin of the core's
// `check::kind_of` (src/check/mod.rs).


/** The JS/TS languages (the parser's names). */
const JS_LANGS = new Set(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'd.ts']);
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const BY_EXTENSION = {
  js: 'js', jsx: 'jsx', mjs: 'mjs', cjs: 'cjs', ts: 'ts', tsx: 'tsx', mts: 'mts', cts: 'cts',
  json: 'json', jsonc: 'jsonc', md: 'markdown', markdown: 'markdown', rs: 'rust',
  yml: 'yaml', yaml: 'yaml', toml: 'toml', ipynb: 'notebook',
};
// JSON files that by convention allow comments and trailing commas.
const JSONC_STEM = /^(?:tsconfig|jsconfig)(?:\..*)?$/;
const JSONC_NAMES = new Set(['.eslintrc.json', 'devcontainer.json', '.devcontainer.json']);

/** Whether the JSON file at `file` is JSONC by convention. */
function isJSONCName(file) {
  const norm = file.replace(/\\/g, '/');
  const parts = norm.split('/');
  const lower = parts[parts.length - 1].toLowerCase();
  if (lower.endsWith('.jsonc')) return true;
  if (!lower.endsWith('.json')) return false;
  return JSONC_STEM.test(lower.slice(0, -5)) || JSONC_NAMES.has(lower) || parts[parts.length - 2] === '.vscode';
}

/**
 * What `file` is checked as: a JS/TS language (`js`, ..., `d.ts`), `json`,
 * `jsonc`, `markdown`, `rust`, `yaml`, `toml`, `notebook` (each cell on its
 * own), or `text` (scans only).
 * @param {string} file
 * @returns {string}
 */
function kindOf(file) {
  const base = file.split(/[/\\]/).pop();
  const lower = base.toLowerCase();
  if (DECLARATION_FILE.test(lower)) return 'd.ts';
  const dot = lower.lastIndexOf('.');
  const kind = dot < 0 ? undefined : BY_EXTENSION[lower.slice(dot + 1)];
  if (kind === 'json' && isJSONCName(file)) return 'jsonc';
  return kind || 'text';
}

module.exports = { kindOf, JS_LANGS };
