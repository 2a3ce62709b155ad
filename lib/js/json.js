'use strict';
// The JSON validator of src/json.rs, ported line for line so both give the
// same message and position for every input. Keep the two in step.

const END = 'Unexpected end of JSON input';
const isWs = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isHex = (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

class Fail {
  constructor(message, pos) {
    this.message = message; // '' means "unexpected token at pos"
    this.pos = pos;
  }
}

/**
 * Scans `at(i)` (a char code or byte, -1 past the end) as JSON; returns null
 * or a Fail. Iterative, so nesting depth is bounded only by memory.
 */
function scan(at, len) {
  let pos = 0;
  const stack = [];
  const ws = () => {
    while (pos < len && isWs(at(pos))) pos++;
  };
  const string = () => {
    pos++;
    for (;;) {
      if (pos >= len) return new Fail('Unterminated string in JSON', len);
      const c = at(pos);
      if (c === 0x22) {
        pos++;
        return null;
      }
      if (c < 0x20) return new Fail('Bad control character in string literal', pos);
      if (c !== 0x5c) {
        pos++;
        continue;
      }
      pos++;
      if (pos >= len) return new Fail('Unterminated string in JSON', pos);
      const e = at(pos);
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        pos++;
      } else if (e === 0x75) {
        pos++;
        for (let k = 0; k < 4; k++) {
          if (pos >= len) return new Fail('Unterminated string in JSON', pos);
          if (!isHex(at(pos))) return new Fail('Bad Unicode escape in JSON', pos);
          pos++;
        }
      } else {
        return new Fail('Bad escaped character in JSON', pos);
      }
    }
  };
  const digits = () => {
    const start = pos;
    while (pos < len && isDigit(at(pos))) pos++;
    return pos - start;
  };
  const number = () => {
    if (at(pos) === 0x2d) pos++;
    const c = pos < len ? at(pos) : -1;
    if (c === 0x30) pos++;
    else if (c >= 0x31 && c <= 0x39) digits();
    else return new Fail('No number after minus sign in JSON', pos);
    if (pos < len && at(pos) === 0x2e) {
      pos++;
      if (digits() === 0) return new Fail('Unterminated fractional number in JSON', pos);
    }
    if (pos < len && (at(pos) === 0x65 || at(pos) === 0x45)) {
      pos++;
      if (pos < len && (at(pos) === 0x2b || at(pos) === 0x2d)) pos++;
      if (digits() === 0) return new Fail('Exponent part is missing a number in JSON', pos);
    }
    return null;
  };
  const literal = (word) => {
    for (let k = 0; k < word.length; k++) {
      if (pos >= len) return new Fail(END, pos);
      if (at(pos) !== word.charCodeAt(k)) return new Fail('', pos);
      pos++;
    }
    return null;
  };
  const key = () => {
    const f = string();
    if (f) return f;
    ws();
    if (pos >= len) return new Fail(END, pos);
    if (at(pos) !== 0x3a) return new Fail("Expected ':' after property name in JSON", pos);
    pos++;
    ws();
    return null;
  };
  const value = () => {
    if (pos >= len) return new Fail(END, pos);
    const c = at(pos);
    switch (c) {
      case 0x7b: {
        pos++;
        ws();
        if (pos >= len) return new Fail(END, pos);
        const d = at(pos);
        if (d === 0x7d) {
          pos++;
          return null;
        }
        if (d === 0x22) {
          stack.push(0x7b);
          return key();
        }
        return new Fail("Expected property name or '}' in JSON", pos);
      }
      case 0x5b:
        pos++;
        ws();
        if (pos < len && at(pos) === 0x5d) {
          pos++;
          return null;
        }
        stack.push(0x5b);
        return null;
      case 0x22:
        return string();
      case 0x74:
        return literal('true');
      case 0x66:
        return literal('false');
      case 0x6e:
        return literal('null');
      default:
        if (c === 0x2d || isDigit(c)) return number();
        return new Fail('', pos);
    }
  };

  ws();
  for (;;) {
    const depth = stack.length;
    const f = value();
    if (f) return f;
    if (stack.length > depth) continue;
    for (;;) {
      ws();
      if (stack.length === 0) {
        return pos === len ? null : new Fail('Unexpected non-whitespace character after JSON', pos);
      }
      if (pos >= len) return new Fail(END, pos);
      const top = stack[stack.length - 1];
      const c = at(pos);
      if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
        stack.pop();
        pos++;
      } else if (c === 0x2c) {
        pos++;
        ws();
        if (top === 0x7b) {
          if (pos >= len) return new Fail(END, pos);
          if (at(pos) !== 0x22) return new Fail('Expected double-quoted property name in JSON', pos);
          const kf = key();
          if (kf) return kf;
        }
        break;
      } else if (top === 0x7b) {
        return new Fail("Expected ',' or '}' after property value in JSON", pos);
      } else {
        return new Fail("Expected ',' or ']' after array element in JSON", pos);
      }
    }
  }
}

function tokenMessage(c) {
  return c >= 0x21 && c < 0x7f ? `Unexpected token '${String.fromCharCode(c)}' in JSON` : 'Unexpected character in JSON';
}

/** Offset of the first byte of `b` that is not valid UTF-8, or -1. */
function firstInvalidUtf8(b) {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    const b1 = b[i + 1];
    if (b1 === undefined || b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const bk = b[i + k];
      if (bk === undefined || bk < 0x80 || bk > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1-based line and column of `pos`; lines end at "\n". */
function locate(at, pos) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos; i++) {
    if (at(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

/**
 * Checks `input` (a string: positions in UTF-16 units; or a Uint8Array:
 * positions in bytes, UTF-8 checked) as JSON. Returns null when valid, else
 * `{message, line, column, offset}`.
 */
function checkJSON(input) {
  const isText = typeof input === 'string';
  const len = input.length;
  const at = isText ? (i) => input.charCodeAt(i) : (i) => input[i];
  const fail = scan(at, len);
  const bad = isText ? -1 : firstInvalidUtf8(input);
  let message;
  let pos;
  if (!fail && bad < 0) return null;
  if (bad >= 0 && (!fail || bad < fail.pos)) {
    message = 'Invalid UTF-8 in JSON';
    pos = bad;
  } else {
    pos = fail.pos;
    message = fail.message || (pos < len ? tokenMessage(at(pos)) : END);
  }
  const { line, column } = locate(at, pos);
  return { message, line, column, offset: pos };
}

module.exports = { checkJSON };
