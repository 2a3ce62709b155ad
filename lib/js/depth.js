'use strict';
// The nesting pre-scan of src/syntax/depth.rs, ported so the js backend
// refuses the same inputs at the same place. Keep the two in step.

const MAX_NESTING = 400;
const RECURSING_WORDS = new Set(['new', 'typeof', 'void', 'delete', 'await', 'yield', 'extends', 'keyof']);
const NOT_OPERAND_WORDS = new Set([...RECURSING_WORDS, 'return', 'throw', 'case', 'in', 'of']);

const isWordByte = (c) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24 || c >= 0x80;

/**
 * Nesting estimate of UTF-8 `src` (a Uint8Array): `{deepest}` or
 * `{exceededAt}` (a byte offset) when it passes `limit`.
 */
function estimate(src, limit = MAX_NESTING) {
  const n = src.length;
  const levels = []; // [count, isTemplate]
  let topCount = 0;
  let total = 0;
  let deepest = 0;
  let afterOperand = false;
  let i = 0;
  const bump = () => {
    if (levels.length) levels[levels.length - 1][0]++;
    else topCount++;
    total++;
    if (total > deepest) deepest = total;
    return total > limit;
  };
  const unbump = () => {
    if (levels.length) {
      const l = levels[levels.length - 1];
      if (l[0] > 0) {
        l[0]--;
        total--;
      }
    } else if (topCount > 0) {
      topCount--;
      total--;
    }
  };
  const skipString = (j, quote) => {
    while (j < n) {
      const c = src[j];
      if (c === 0x5c) j += 2;
      else if (c === 0x0a) return j;
      else if (c === quote) return j + 1;
      else j++;
    }
    return n;
  };
  const skipRegex = (j) => {
    let inClass = false;
    while (j < n) {
      const c = src[j];
      if (c === 0x5c) j += 2;
      else if (c === 0x0a) return j;
      else if (c === 0x5b) {
        inClass = true;
        j++;
      } else if (c === 0x5d) {
        inClass = false;
        j++;
      } else if (c === 0x2f && !inClass) return j + 1;
      else j++;
    }
    return n;
  };
  const skipTemplate = (j) => {
    while (j < n) {
      const c = src[j];
      if (c === 0x5c) j += 2;
      else if (c === 0x60) return j + 1;
      else if (c === 0x24 && src[j + 1] === 0x7b) {
        levels.push([0, true]);
        total++;
        return j + 2;
      } else j++;
    }
    return n;
  };
  const indexOfSeq = (a, b, from) => {
    for (let j = from; j + 1 < n; j++) if (src[j] === a && src[j + 1] === b) return j;
    return -1;
  };

  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) {
      i++;
      continue;
    }
    if (c === 0x2f && next === 0x2f) {
      const k = src.indexOf(0x0a, i);
      i = k < 0 ? n : k;
      continue;
    }
    if (c === 0x2f && next === 0x2a) {
      const k = indexOfSeq(0x2a, 0x2f, i + 2);
      i = k < 0 ? n : k + 2;
      continue;
    }
    if (c === 0x27 || c === 0x22) {
      i = skipString(i + 1, c);
      afterOperand = true;
      continue;
    }
    if (c === 0x60) {
      i = skipTemplate(i + 1);
      if (total > deepest) deepest = total;
      if (total > limit) return { exceededAt: Math.min(i, n) };
      afterOperand = true;
      continue;
    }
    if (c === 0x3c && next === 0x2f) {
      unbump();
      i += 2;
      afterOperand = false;
      continue;
    }
    if (c === 0x2f && next === 0x3e) {
      unbump();
      i += 2;
      afterOperand = true;
      continue;
    }
    if (c === 0x2f && !afterOperand) {
      i = skipRegex(i + 1);
      afterOperand = true;
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      levels.push([0, false]);
      total++;
      if (total > deepest) deepest = total;
      if (total > limit) return { exceededAt: i };
      afterOperand = false;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      const l = levels.pop();
      if (l) {
        total -= 1 + l[0];
        if (l[1] && c === 0x7d) {
          i = skipTemplate(i + 1);
          if (total > deepest) deepest = total;
          if (total > limit) return { exceededAt: Math.min(i, n) };
          afterOperand = true;
          continue;
        }
      }
      afterOperand = true;
    } else if (c === 0x3b || c === 0x2c) {
      if (levels.length) {
        total -= levels[levels.length - 1][0];
        levels[levels.length - 1][0] = 0;
      } else {
        total -= topCount;
        topCount = 0;
      }
      afterOperand = false;
    } else if (c === 0x3d || c === 0x3f || c === 0x3c || c === 0x21 || c === 0x7e) {
      if (bump()) return { exceededAt: i };
      afterOperand = false;
    } else if (c === 0x2b || c === 0x2d) {
      if (!afterOperand && bump()) return { exceededAt: i };
      afterOperand = false;
    } else if (c === 0x2a && next === 0x2a) {
      if (bump()) return { exceededAt: i };
      i += 2;
      afterOperand = false;
      continue;
    } else if (c === 0x5c) {
      i += 2;
      continue;
    } else if (isWordByte(c)) {
      const start = i;
      while (i < n && isWordByte(src[i])) i++;
      const word = i - start <= 7 ? Buffer.from(src.buffer, src.byteOffset + start, i - start).toString('latin1') : '';
      if (RECURSING_WORDS.has(word) && bump()) return { exceededAt: start };
      afterOperand = !NOT_OPERAND_WORDS.has(word);
      continue;
    } else {
      afterOperand = false;
    }
    i++;
  }
  return { deepest };
}

module.exports = { estimate, MAX_NESTING };
