'use strict';
// Rust quality rules: calls that panic at run time. They apply to code only:
// comments, string and char literals are blanked out first (same length,
// newlines kept, so positions stay true), and test code (`#[test]` functions
// and `#[cfg(test)]` items), where unwrapping is the norm, is skipped.
//
//   todo!, unimplemented!        error    (unfinished code)
//   .unwrap(), .expect(, panic!  warning  (may be deliberate)

const { diagnostic } = require('../diagnostic');
const { lineStarts, position } = require('../../lines');

const isIdent = (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * `text` with comments and string/char literals replaced by spaces (line
 * breaks kept).
 * @param {string} text
 * @returns {string}
 */
function maskRust(text) {
  const out = text.split('');
  const n = text.length;
  const blank = (from, to) => {
    for (let k = from; k < to && k < n; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  let i = 0;
  while (i < n) {
    const c = text[i];
    const next = text[i + 1];
    if (c === '/' && next === '/') {
      let j = i;
      while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
      blank(i, j);
      i = j;
    } else if (c === '/' && next === '*') {
      // Block comments nest in Rust.
      let depth = 0;
      let j = i;
      while (j < n) {
        if (text[j] === '/' && text[j + 1] === '*') {
          depth++;
          j += 2;
        } else if (text[j] === '*' && text[j + 1] === '/') {
          j += 2;
          if (--depth === 0) break;
        } else j++;
      }
      blank(i, j);
      i = j;
    } else if (c === '"' || ((c === 'r' || c === 'b' || c === 'c') && !isIdent(text.charCodeAt(i - 1)))) {
      const end = stringEnd(text, i);
      if (end < 0) {
        i++;
        continue;
      }
      blank(i, end);
      i = end;
    } else if (c === "'") {
      const end = charEnd(text, i);
      blank(i, end);
      i = end;
    } else i++;
  }
  return out.join('');
}

/**
 * End (exclusive) of the string literal starting at `i` (`"..."`, `b"..."`,
 * `c"..."`, `r#"..."#`, `br"..."`, ...), or -1 when none starts there.
 */
function stringEnd(text, i) {
  let j = i;
  if (text[j] === 'b' || text[j] === 'c') j++;
  if (text[j] === 'r') {
    j++;
    let hashes = 0;
    while (text[j] === '#') {
      hashes++;
      j++;
    }
    if (text[j] !== '"') return -1;
    const close = `"${'#'.repeat(hashes)}`;
    const k = text.indexOf(close, j + 1);
    return k < 0 ? text.length : k + close.length;
  }
  if (text[j] !== '"') return -1;
  for (j++; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/**
 * End (exclusive) of a char literal at `i`, or `i + 1` when the quote starts
 * a lifetime or label (`'a`, `'static`), which is code.
 */
function charEnd(text, i) {
  if (text[i + 1] === '\\') {
    const k = text.indexOf("'", i + 3);
    return k < 0 || k - i > 12 ? i + 1 : k + 1; // longest escape: '\u{10FFFF}'
  }
  const cp = text.codePointAt(i + 1);
  if (cp === undefined) return i + 1;
  const after = i + 1 + (cp > 0xffff ? 2 : 1);
  return text[after] === "'" ? after + 1 : i + 1;
}

const TEST_ATTR = /#\[\s*(test|cfg\s*\(([^\]]*)\))\s*\]/g;

/** [start, end) ranges of test items in masked code. */
function testRanges(code) {
  const ranges = [];
  for (const m of code.matchAll(TEST_ATTR)) {
    const cfg = m[2];
    if (cfg !== undefined && (!/\btest\b/.test(cfg) || /\bnot\s*\(/.test(cfg))) continue;
    let j = m.index + m[0].length;
    while (j < code.length && code[j] !== '{' && code[j] !== ';') j++;
    if (code[j] !== '{') continue;
    let depth = 0;
    for (; j < code.length; j++) {
      if (code[j] === '{') depth++;
      else if (code[j] === '}' && --depth === 0) break;
    }
    ranges.push([m.index, j + 1]);
  }
  return ranges;
}

const RULES = {
  unwrap: ['warning', 'rust-unwrap', '`.unwrap()` panics on None/Err: handle the error or propagate it with `?`'],
  expect: ['warning', 'rust-expect', '`.expect()` panics on None/Err: handle the error or propagate it with `?`'],
  panic: ['warning', 'rust-panic', '`panic!` aborts the caller: return an error instead'],
  todo: ['error', 'rust-todo', '`todo!` left in code: unfinished code panics when reached'],
  unimplemented: ['error', 'rust-unimplemented', '`unimplemented!` left in code: panics when reached'],
};

const CALLS = /\.\s*(unwrap)\s*\(\s*\)|\.\s*(expect)\s*\(|\b(panic|todo|unimplemented)\s*!/g;

/**
 * @param {string} text
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkRust(text) {
  const code = maskRust(text);
  const skip = testRanges(code);
  const found = [];
  let starts = null;
  for (const m of code.matchAll(CALLS)) {
    if (skip.some(([a, b]) => m.index >= a && m.index < b)) continue;
    const [severity, rule, message] = RULES[m[1] || m[2] || m[3]];
    // Point at the name, not the dot before it.
    const at = m.index + m[0].search(/[a-z]/);
    if (!starts) starts = lineStarts(text);
    const { line, column } = position(starts, at);
    found.push(diagnostic(severity, rule, message, line, column));
  }
  return found;
}

/** The family's rules for `check --help`: [id, severity, summary]. */
const RULES_LIST = [
  ['rust-todo', 'error', 'Rust: todo! left in code (outside comments, strings and tests)'],
  ['rust-unimplemented', 'error', 'Rust: unimplemented! left in code'],
  ['rust-unwrap', 'warning', 'Rust: .unwrap() (panics on None/Err)'],
  ['rust-expect', 'warning', 'Rust: .expect( (panics on None/Err)'],
  ['rust-panic', 'warning', 'Rust: panic!'],
];

module.exports = { checkRust, maskRust, RULES_LIST };
