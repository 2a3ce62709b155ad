'use strict';
// The nesting pre-scan of src/syntax/depth.rs, ported so the js backend
// refuses the same inputs at the same place: read the Rust file for the
// model. Keep the two in step (the syntax tests compare them on every
// hostile input and on real code).

const MAX_NESTING = 256; // see depth.rs

const TOP = 0;
const BRACKET = 1;
const HEAD = 2; // the `(` after if/for/while/with/switch/catch
const TEMPLATE = 3; // `${`: its `}` goes back to template text
const ANGLE = 4; // TypeScript `<`
const JSX = 5; // ended only by a closing tag or `/>`
const ASSERT = 6; // TypeScript `<` where an operand starts: `<T>x`, `<T>(x) => x`

// Tokens that nest only the AST (left-nested chains swc builds in a loop):
// CHEAP of them make one unit.
const CHEAP = 4;
const BINARY = new Set(['+', '-', '*', '/', '%', '<', '>', '<=', '>=', '==', '!=', '===', '!==', '<<', '>>', '>>>', '&', '|', '^', '&&', '||', '??']);
const CHEAP_WORDS = new Set(['in', 'instanceof', 'as', 'satisfies']);
const CONTINUATION_WORDS = new Set(['in', 'instanceof', 'as', 'satisfies', 'of', 'extends', 'implements', 'else', 'while', 'catch', 'finally']);
const PREFIX_WORDS = new Set([
  'new', 'typeof', 'void', 'delete', 'await', 'yield', 'keyof', 'infer', 'unique', 'extends', 'in',
  'instanceof', 'as', 'satisfies', 'if', 'for', 'while', 'with', 'do',
]);
const NOT_OPERAND_WORDS = new Set(['return', 'throw', 'case', 'of', 'else', 'default', 'switch', 'catch', 'export', 'const', 'var', 'function', 'class', 'enum']);
const HEAD_WORDS = new Set(['if', 'for', 'while', 'with', 'switch', 'catch']);


const isWordByte = (c) =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24 || c >= 0x80;
const isDigit = (c) => c >= 0x30 && c <= 0x39;

class TooDeep {
  constructor(at) {
    this.at = at;
  }
}

/**
 * Nesting estimate of UTF-8 `src` (a Uint8Array) as `dialect`
 * (`{jsx, ts}`): `{deepest}`, or `{exceededAt}` (a byte offset) where it
 * first passes `limit`.
 */
function estimate(src, limit = MAX_NESTING, dialect = { jsx: true, ts: false }) {
  if (!Buffer.isBuffer(src)) src = Buffer.from(src.buffer, src.byteOffset, src.length);
  const n = src.length;
  // Parallel arrays per level: kind, count, cheap, else chain, ghost (see depth.rs).
  const kind = [TOP];
  const count = [0];
  const cheap = [0];
  const chain = [0];
  const ghost = [0];
  let total = 0;
  let deepest = 0;
  const check = (at) => {
    if (total > deepest) deepest = total;
    if (total > limit) throw new TooDeep(Math.min(at, n));
  };
  const top = () => kind.length - 1;
  const bump = (at) => {
    count[top()]++;
    total++;
    check(at);
  };
  const bumpCheap = (at) => {
    const t = top();
    if (++cheap[t] < CHEAP) return;
    cheap[t] = 0;
    bump(at);
  };
  const push = (k, at) => {
    kind.push(k);
    count.push(0);
    cheap.push(0);
    chain.push(0);
    ghost.push(0);
    total++;
    check(at);
  };
  const pop = () => {
    const k = kind.pop();
    cheap.pop();
    total -= 1 + count.pop() + chain.pop() + ghost.pop();
    return k;
  };
  const reset = () => {
    while (kind[top()] === ANGLE || kind[top()] === ASSERT) pop();
    cheap[top()] = 0;
    total -= count[top()];
    count[top()] = 0;
  };
  const endChain = () => {
    total -= chain[top()];
    chain[top()] = 0;
  };
  const closeJsx = () => {
    const k = kind.lastIndexOf(JSX);
    if (k >= 0) while (kind.length > k) pop();
  };
  const templateText = (j) => {
    while (j < n) {
      const c = src[j];
      if (c === 0x5c) j += 2;
      else if (c === 0x60) return j + 1;
      else if (c === 0x24 && src[j + 1] === 0x7b) {
        push(TEMPLATE, j);
        return j + 2;
      } else j++;
    }
    return n;
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
  const hasJsx = () => kind.lastIndexOf(JSX) >= 0;

  let i = 0;
  let afterOperand = false;
  let newline = false;
  let afterBrace = false;
  let chainMayEnd = false;
  let caseColon = false;
  let headWord = false;
  let elseWord = false;
  try {
    while (i < n) {
      const c = src[i];
      const next = src[i + 1];
      if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a) {
        if (c === 0x0a) newline = true;
        i++;
        continue;
      }
      if (c === 0x2f && next === 0x2f) {
        const k = src.indexOf(0x0a, i);
        i = k < 0 ? n : k;
        continue;
      }
      if (c === 0x2f && next === 0x2a) {
        const k = Buffer.prototype.indexOf.call(src, '*/', i + 2, 'latin1');
        const end = k < 0 ? n : k + 2;
        const nl = src.indexOf(0x0a, i);
        if (nl >= 0 && nl < end) newline = true;
        i = end;
        continue;
      }
      let wordEnd = i;
      if (isWordByte(c) || c === 0x23 || c === 0x5c) {
        let j = i + 1;
        if (isDigit(c)) {
          let dot = false;
          while (j < n && (isWordByte(src[j]) || (src[j] === 0x2e && !dot))) {
            if (src[j] === 0x2e) dot = true;
            j++;
          }
        } else {
          while (j < n && (isWordByte(src[j]) || src[j] === 0x5c)) j += src[j] === 0x5c ? 2 : 1;
        }
        wordEnd = Math.min(j, n);
      }
      // Words longer than any keyword need no name.
      // Only a lowercase word of 2 to 10 letters can be a keyword.
      const word = wordEnd - i >= 2 && wordEnd - i <= 10 && c >= 0x61 && c <= 0x7a ? src.latin1Slice(i, wordEnd) : wordEnd > i ? '\0' : '';
      const startsStatement = (wordEnd > i && !CONTINUATION_WORDS.has(word)) || c === 0x27 || c === 0x22;
      if (afterOperand && (newline || afterBrace) && startsStatement) {
        reset();
        chainMayEnd = true;
      }
      if (chainMayEnd && word !== 'else') endChain();
      chainMayEnd = false;
      const wasAfterBrace = afterBrace;
      afterBrace = false;
      const hadNewline = newline;
      newline = false;
      const wasHeadWord = headWord;
      headWord = false;
      const prevElse = elseWord;
      elseWord = false;

      if (wordEnd > i) {
        i = wordEnd;
        if (word === 'else') {
          chain[top()]++;
          total++;
          check(i);
        } else if (word === 'if' && prevElse) {
          // `else if`: one step of the chain, counted at `else`.
        } else if (CHEAP_WORDS.has(word)) bumpCheap(i);
        else if (PREFIX_WORDS.has(word)) bump(i);
        if (word === 'case' || word === 'default') caseColon = true;
        headWord = HEAD_WORDS.has(word);
        elseWord = word === 'else';
        afterOperand = !(PREFIX_WORDS.has(word) || NOT_OPERAND_WORDS.has(word));
        continue;
      }
      if (c === 0x27 || c === 0x22) {
        i = skipString(i + 1, c);
        afterOperand = true;
        continue;
      }
      if (c === 0x60) {
        if (afterOperand) bumpCheap(i); // a tagged template nests its tag
        i = templateText(i + 1);
        afterOperand = true;
        continue;
      }
      if (c === 0x2f && next === 0x3e && hasJsx()) {
        closeJsx();
        i += 2;
        afterOperand = true;
        continue;
      }
      if (c === 0x2f && (!afterOperand || (wasAfterBrace && hadNewline))) {
        i = skipRegex(i + 1);
        afterOperand = true;
        continue;
      }
      if (c === 0x28 || c === 0x5b || c === 0x7b) {
        if (afterOperand && c !== 0x7b) bumpCheap(i); // a call or an index nests its callee
        push(c === 0x28 && wasHeadWord ? HEAD : BRACKET, i);
        afterOperand = false;
      } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
        let k = kind.length - 1;
        while (k > 0 && kind[k] !== BRACKET && kind[k] !== HEAD && kind[k] !== TEMPLATE) k--;
        if (k > 0) {
          let discarded = 0;
          while (kind.length > k + 1) if (pop() === JSX) discarded++;
          const l = pop();
          ghost[top()] += discarded;
          total += discarded;
          if (l === TEMPLATE && c === 0x7d) {
            i = templateText(i + 1);
            afterOperand = true;
            continue;
          }
          afterOperand = l !== HEAD;
          if (c === 0x7d) {
            afterBrace = true;
            chainMayEnd = true;
          }
        } else afterOperand = true; // stray: text, or an error swc reports
      } else if (c === 0x3b) {
        reset();
        chainMayEnd = true;
        caseColon = false;
        afterOperand = false;
      } else if (c === 0x2c) {
        cheap[top()] = 0;
        total -= count[top()];
        count[top()] = 0;
        afterOperand = false;
      } else if (c === 0x3c && next === 0x2f && dialect.jsx) {
        closeJsx();
        const k = src.indexOf(0x3e, i);
        i = k < 0 ? n : k + 1;
        afterOperand = true;
        continue;
      } else if (c === 0x3c && dialect.jsx && (!afterOperand || kind[top()] === JSX) && next !== undefined && (isWordByte(next) || next === 0x3e)) {
        push(JSX, i);
        afterOperand = false;
      } else if (c === 0x3c && dialect.ts && next !== 0x3c && next !== 0x3d) {
        push(afterOperand ? ANGLE : ASSERT, i);
        afterOperand = false;
      } else if (c === 0x3e && dialect.ts && (kind[top()] === ANGLE || kind[top()] === ASSERT)) {
        if (pop() === ASSERT) {
          bump(i);
          afterOperand = false;
        } else afterOperand = true;
      } else if (c === 0x2e && next !== undefined && isDigit(next) && !afterOperand) {
        i++;
        while (i < n && isWordByte(src[i])) i++;
        afterOperand = true;
        continue;
      } else if (c === 0x2e && next !== 0x2e) {
        bumpCheap(i); // member access nests its object
        afterOperand = false;
      } else if (c === 0x3a) {
        if (!caseColon) bump(i); // labels, annotations
        caseColon = false;
        afterOperand = false;
      } else if (c === 0x40) {
        afterOperand = false;
      } else {
        const len = punctLen(src, i, n);
        const tok = len === 1 ? PUNCT1[c] : src.latin1Slice(i, i + len);
        i += len;
        if ((tok === '++' || tok === '--') && afterOperand) {
          // Postfix: the operand goes on.
        } else if (tok === '...') afterOperand = false;
        else if (tok === '?.' || (afterOperand && BINARY.has(tok))) {
          bumpCheap(i - len);
          afterOperand = false;
        } else {
          bump(i - len);
          afterOperand = false;
        }
        continue;
      }
      i++;
    }
  } catch (e) {
    if (e instanceof TooDeep) return { exceededAt: e.at };
    throw e;
  }
  return { deepest };
}

/** Length of the punctuator at `src[i]` (maximal munch; 1 for any other byte): `punct_len` in depth.rs. */
function punctLen(src, i, n) {
  const a = src[i];
  const b = i + 1 < n ? src[i + 1] : 0;
  const c = i + 2 < n ? src[i + 2] : 0;
  const thenEq = (k) => (c === 0x3d ? k + 1 : k);
  if (a === 0x3e && b === 0x3e && c === 0x3e) return i + 3 < n && src[i + 3] === 0x3d ? 4 : 3;
  const doubles = a === 0x3e || a === 0x3c || a === 0x2a || a === 0x26 || a === 0x7c; // > < * & |
  if ((doubles || a === 0x3f) && b === a) return thenEq(2);
  if (doubles && b === 0x3d) return 2;
  if (a === 0x3f && b === 0x2e) return 2; // ?.
  if (a === 0x2e && b === 0x2e && c === 0x2e) return 3;
  if ((a === 0x3d || a === 0x21) && b === 0x3d) return thenEq(2);
  if (a === 0x3d && b === 0x3e) return 2; // =>
  if ((a === 0x2b || a === 0x2d) && (b === a || b === 0x3d)) return 2;
  if ((a === 0x2f || a === 0x25 || a === 0x5e) && b === 0x3d) return 2;
  return 1;
}

const PUNCT1 = Array.from({ length: 256 }, (_, k) => String.fromCharCode(k));

module.exports = { estimate, MAX_NESTING };
