'use strict';
// Offsets to 1-based line and column (UTF-16 units), the way editors and
// compilers count them: `\n`, `\r\n` and a lone `\r` each end a line.

/**
 * Offsets at which lines start in `text`, scanning only as far as `upTo`
 * (callers that need few positions near the start skip the rest).
 * @param {string} text
 * @param {number} [upTo=text.length]
 * @returns {number[]} ascending, always starting with 0
 */
function lineStarts(text, upTo = text.length) {
  const starts = [0];
  const end = Math.min(upTo, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * `{line, column}` (both 1-based) of `index`, by binary search in `starts`
 * (from lineStarts, computed at least up to `index`).
 * @param {number[]} starts
 * @param {number} index
 */
function position(starts, index) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: index - starts[lo] + 1 };
}

module.exports = { lineStarts, position };
