'use strict';
// The JSON validator of src/json.rs, ported line for line so both give the
// same message and position for every input. Keep the two in step.
// Messages are V8's JSON.parse messages (V8 11.3, message-template.h) word
// for word, without the " at position N" that V8 appends to some of them:
// the position is in `offset`, and for bytes it would count other units.

const END = 'Unexpected end of JSON input';
const UNTERMINATED = 'Unterminated string in JSON';
const BAD_UNICODE = 'Bad Unicode escape in JSON';
// V8 quotes the text around an unexpected token only when the whole text has
// at least MIN_FOR_CONTEXT UTF-16 units, then CONTEXT units on either side
// (json-parser.h: kMinOriginalSourceLengthForContext, kMaxContextCharacters).
const MIN_FOR_CONTEXT = 21;
const CONTEXT = 10;
// Whole texts V8 names without quoting a token (JsonParser::IsSpecialString):
// what String() makes of values that are not JSON.
const SPECIAL = new Set(['[object Object]', 'undefined', 'Infinity', 'NaN']);
const isWs = (c) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isHex = (c) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

class Fail {
  constructor(message, pos) {
    this.message = message; // '' means "unexpected token at pos", see tokenMessage
    this.pos = pos;
  }
}

/**
 * Scans `at(i)` (UTF-16 units of a string when `isText`, else bytes) as
 * JSON; returns null or a Fail. Iterative, so nesting depth is bounded only
 * by memory.
 */
function scan(at, len, isText) {
  let pos = 0;
  const stack = [];
  const ws = () => {
    while (pos < len && isWs(at(pos))) pos++;
  };
  const string = () => {
    pos++;
    for (;;) {
      if (pos >= len) return new Fail(UNTERMINATED, len);
      const c = at(pos);
      if (c === 0x22) {
        pos++;
        return null;
      }
      if (c < 0x20) return new Fail('Bad control character in string literal in JSON', pos);
      if (c !== 0x5c) {
        pos++;
        continue;
      }
      pos++;
      // V8 reads the escaped character as a token: at the end there is none.
      if (pos >= len) return new Fail(END, pos);
      const e = at(pos);
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        pos++;
      } else if (e === 0x75) {
        pos++;
        for (let k = 0; k < 4; k++) {
          if (pos >= len || !isHex(at(pos))) return new Fail(BAD_UNICODE, pos);
          pos++;
        }
      } else if (e < 0x80 || (isText ? e <= 0xff : (e === 0xc2 || e === 0xc3) && (at(pos + 1) & 0xc0) === 0x80)) {
        return new Fail('Bad escaped character in JSON', pos);
      } else {
        // V8 names a bad escape only for a Latin-1 character (U+00FF and
        // below); any other is an unexpected token.
        return new Fail('', pos);
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
    if (c === 0x30) {
      pos++;
      // A digit after a leading zero: V8 reports that digit as a number token.
      if (pos < len && isDigit(at(pos))) return new Fail('', pos);
    } else if (c >= 0x31 && c <= 0x39) digits();
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
      if (pos >= len || at(pos) !== word.charCodeAt(k)) return new Fail('', pos);
      pos++;
    }
    return null;
  };
  // V8 names the missing colon only after an object's first key; after the
  // others it reports whatever token is there.
  const key = (first) => {
    const f = string();
    if (f) return f;
    ws();
    if (pos >= len || at(pos) !== 0x3a) return new Fail(first ? "Expected ':' after property name in JSON" : '', pos);
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
        const d = pos < len ? at(pos) : -1;
        if (d === 0x7d) {
          pos++;
          return null;
        }
        if (d === 0x22) {
          stack.push(0x7b);
          return key(true);
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
      const top = stack[stack.length - 1];
      const c = pos < len ? at(pos) : -1;
      if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
        stack.pop();
        pos++;
      } else if (c === 0x2c) {
        pos++;
        ws();
        if (top === 0x7b) {
          if (pos >= len || at(pos) !== 0x22) return new Fail('Expected double-quoted property name in JSON', pos);
          const kf = key(false);
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

/**
 * V8's message for an unexpected token at UTF-16 offset `pos` of `text`
 * (JsonParser::LookUpErrorMessageForJsonToken): the token is one UTF-16
 * unit, so half of a surrogate pair when the character is astral.
 */
function tokenMessage(text, pos) {
  if (pos >= text.length) return END;
  const c = text.charCodeAt(pos);
  if (c === 0x22) return 'Unexpected string in JSON';
  if (c === 0x2d || isDigit(c)) return 'Unexpected number in JSON';
  if (SPECIAL.has(text)) return `"${text}" is not valid JSON`;
  const token = `Unexpected token '${text[pos]}', `;
  const n = text.length;
  if (n < MIN_FOR_CONTEXT) return `${token}"${text}" is not valid JSON`;
  if (pos < CONTEXT) return `${token}"${text.slice(0, pos + CONTEXT)}"... is not valid JSON`;
  if (pos < n - CONTEXT) return `${token}..."${text.slice(pos - CONTEXT, pos + CONTEXT)}"... is not valid JSON`;
  return `${token}..."${text.slice(pos - CONTEXT)}" is not valid JSON`;
}

let lossy;
/** `bytes` as V8 would see them after decoding: U+FFFD for bad UTF-8, a BOM kept. */
const decode = (bytes) => (lossy || (lossy = new TextDecoder('utf-8', { ignoreBOM: true }))).decode(bytes);

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
  const fail = scan(at, len, isText);
  const bad = isText ? -1 : firstInvalidUtf8(input);
  let message;
  let pos;
  if (!fail && bad < 0) return null;
  if (bad >= 0 && (!fail || bad < fail.pos)) {
    message = 'Invalid UTF-8 in JSON';
    pos = bad;
  } else {
    pos = fail.pos;
    message = fail.message;
    if (!message) {
      // For bytes: the message V8 gives for the decoded text (the bytes
      // before `pos` are valid UTF-8, or that error would have come first).
      message = isText ? tokenMessage(input, pos) : tokenMessage(decode(input), decode(input.subarray(0, pos)).length);
    }
  }
  const { line, column } = locate(at, pos);
  return { message, line, column, offset: pos };
}

module.exports = { checkJSON };
