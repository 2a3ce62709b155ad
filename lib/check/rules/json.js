'use strict';
// JSON files. Twin of src/check/json.rs.
//
//   json-syntax   error  strict JSON (what JSON.parse accepts): the first place the text stops being JSON (V8's wording)
//   jsonc-syntax  error  JSONC (tsconfig.json and kin): the same, with // and /* */ comments and trailing commas allowed
//
// JSONC is checked by blanking comments and trailing commas (same length,
// line breaks kept, so positions stay true) and running the strict checker:
// one grammar and one wording on every backend. Lets pass: duplicate keys
// (JSON and JSONC allow them; the last one wins), an empty file (TypeScript
// reads it as `{}`).

const { diagnostic } = require('../diagnostic');
const { checkJSON } = require('../../js/json');
const { lineStarts, position } = require('../../lines');

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
// JSON files their tools parse strictly: comments there break the tool.
const STRICT_NAMES = new Set(['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'composer.json']);

/**
 * The first JSON syntax error of `text` (the file at `file`): an error, or
 * a warning where the text is valid JSONC and the file is not one its tools
 * parse strictly (a comment is not a broken file). Twin of json.rs's check.
 */
function checkJSONText(text, file = '') {
  const error = checkJSON(text);
  if (!error) return [];
  const base = file.split(/[/\\]/).pop().replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const blanked = blankJSONC(text);
  const isJSONC = !('unterminated' in blanked) && blanked.text.trim() !== '' && !checkJSON(blanked.text);
  if (!STRICT_NAMES.has(base) && isJSONC) {
    const message = `not strict JSON (comments or trailing commas; JSON.parse refuses it): ${error.message}`;
    return [diagnostic('warning', 'json-comments', message, error.line, error.column)];
  }
  return [diagnostic('error', 'json-syntax', error.message, error.line, error.column)];
}

const isSpace = (c) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * `text` with comments and trailing commas replaced by spaces (line breaks
 * kept), or `{unterminated}` the offset of a block comment never closed.
 * @param {string} text
 * @returns {{text: string} | {unterminated: number}}
 */
function blankJSONC(text) {
  const out = text.split('');
  const blank = (from, to) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  let lastComma = -1; // a comma with only blanks after it so far
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      lastComma = -1;
      i++;
      while (i < n && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      let j = i;
      while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
      blank(i, j);
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { unterminated: i };
      blank(i, end + 2);
      i = end + 2;
    } else {
      if (c === ',') lastComma = i;
      else if ((c === '}' || c === ']') && lastComma >= 0) {
        out[lastComma] = ' ';
        lastComma = -1;
      } else if (!isSpace(c)) lastComma = -1;
      i++;
    }
  }
  return { text: out.join('') };
}

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkJSONC(text) {
  const blanked = blankJSONC(text);
  if ('unterminated' in blanked) {
    const { line, column } = position(lineStarts(text), blanked.unterminated);
    return [diagnostic('error', 'jsonc-syntax', 'Unterminated comment in JSONC', line, column)];
  }
  if (blanked.text.trim() === '') return [];
  const error = checkJSON(blanked.text);
  return error ? [diagnostic('error', 'jsonc-syntax', error.message, error.line, error.column)] : [];
}

/** The family's rules for `check --help`: [id, severity, summary]. */
const RULES = [
  ['json-syntax', 'error', 'strict JSON: the first place the text stops being JSON'],
  ['json-comments', 'warning', 'a .json file with comments or trailing commas (valid JSONC; an error in package.json and other strictly parsed files)'],
  ['jsonc-syntax', 'error', 'JSONC (tsconfig.json, .vscode/*.json, *.jsonc): the same, comments and trailing commas allowed'],
];

module.exports = { checkJSONText, checkJSONC, blankJSONC, RULES };
