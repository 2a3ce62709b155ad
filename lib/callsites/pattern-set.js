'use strict';
// Many ECMAScript patterns compiled once and counted over a text exactly as
// `text.matchAll(re)` would count them. Running V8's own engine is what
// makes every ECMAScript feature (lookbehind, backreferences, unicode sets)
// answer as JS does; the positions of first matches come from one pass over
// the text's line starts.

const { cfnError, typeError } = require('../errors');
const { lineStarts, position } = require('../lines');

// Flags that change what matches (i, m, s, u, v) are kept; `y` (sticky)
// would change the counting itself and `d` only adds indices, so both are
// dropped; `g` is always added.
const DROPPED_FLAGS = /[gyd]/g;

const NO_MATCH = Object.freeze({ count: 0, index: -1, line: 0, column: 0 });

/** `{source, flags}` of one pattern argument. */
function sourceOf(p, i) {
  if (typeof p === 'string') return { source: p, flags: '' };
  if (p instanceof RegExp) return { source: p.source, flags: p.flags };
  if (p !== null && typeof p === 'object' && typeof p.source === 'string') {
    const flags = p.flags === undefined ? '' : p.flags;
    if (typeof flags !== 'string') throw typeError(`patterns[${i}].flags`, 'a string', flags);
    return { source: p.source, flags };
  }
  throw typeError(`patterns[${i}]`, 'a string, RegExp or {source, flags}', p);
}

function compile(p, i) {
  const { source, flags } = sourceOf(p, i);
  try {
    // Unknown or repeated flags go through to RegExp, which rejects them.
    return new RegExp(source, `${flags.replace(DROPPED_FLAGS, '')}g`);
  } catch (e) {
    throw cfnError('ERR_CFN_INVALID_ARG', `patterns[${i}] is not a valid regular expression: ${e.message}`, SyntaxError, {
      index: i,
    });
  }
}

/** String.prototype.matchAll's step past an empty match (AdvanceStringIndex). */
function advance(text, i, fullUnicode) {
  if (!fullUnicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return i + 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}

/** A set of patterns compiled once, scanned together. */
class PatternSet {
  /**
   * @param {Array<string | RegExp | {source: string, flags?: string}>} patterns
   *   invalid ones make the constructor throw ERR_CFN_INVALID_ARG naming the index
   */
  constructor(patterns) {
    if (!Array.isArray(patterns)) throw typeError('patterns', 'an array', patterns);
    this._res = patterns.map(compile);
    this._unicode = this._res.map((re) => re.unicode || re.unicodeSets);
  }

  /** How many patterns the set holds. */
  get size() {
    return this._res.length;
  }

  /**
   * Per pattern (same order as given): how many times it matches `text`
   * with the `g` flag (as `[...text.matchAll(re)].length`), and its first
   * match's UTF-16 `index` and 1-based `line` and `column` (UTF-16 units);
   * `index` -1, `line` 0, `column` 0 when it does not match.
   * @param {string} text
   * @returns {{count: number, index: number, line: number, column: number}[]}
   */
  scan(text) {
    if (typeof text !== 'string') throw typeError('text', 'a string', text);
    const found = this._res.map((re, k) => {
      re.lastIndex = 0;
      let m = re.exec(text);
      if (m === null) return null;
      const first = m.index;
      let count = 0;
      while (m !== null) {
        count++;
        if (m[0].length === 0) re.lastIndex = advance(text, re.lastIndex, this._unicode[k]);
        m = re.exec(text);
      }
      return { count, index: first };
    });
    let last = -1;
    for (const f of found) if (f && f.index > last) last = f.index;
    const starts = last < 0 ? null : lineStarts(text, last);
    return found.map((f) => (f ? { count: f.count, index: f.index, ...position(starts, f.index) } : { ...NO_MATCH }));
  }
}

module.exports = { PatternSet };
