'use strict';
// validation.checkJSON and astParser.parseJSON word their errors as V8's
// JSON.parse does (Node 20, V8 11.3), on the backend CFN_ACCEL_BACKEND picks:
// for every invalid text below, error.message is the message of the
// SyntaxError JSON.parse throws, without the " at position N" V8 appends to
// some (the position is error.offset). Bytes get the message V8 gives for the
// decoded text, and their own "Invalid UTF-8 in JSON" for bad UTF-8 before
// the first syntax error. Positions are checked against V8's where it gives
// one, else against the quoted token, and against the pure-JS checker.
// Inputs: fixed-seed random texts and mutations with Unicode, astral
// characters and lone surrogates, errors at every distance from both ends of
// texts around V8's 21-unit context threshold, deep nesting, long texts.

const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('..');
const jsChecker = require('../lib/js/json');
const { rng } = require('./helpers');

const { validation, astParser } = api;

/** V8's message for `text` without the position suffix, or null when valid. */
function v8(text) {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    const m = / at position (\d+)$/.exec(e.message);
    return { message: m ? e.message.slice(0, m.index) : e.message, pos: m ? Number(m[1]) : undefined };
  }
}

const ASTRAL = '\u{1f600}';
const JUNK = [
  ',', ']', '}', '[', '{', ':', '"', '\\', 'x', 'u', '\n', '0', '1', '-', '+', '.', 'e', 'E', 't', 'f', 'n', ' ', '\t',
  '\u0001', '\u001f', '\u007f', '\u00e9', '\u00ff', '\u0100', '\u2028', '\ufeff', '\ufffd', ASTRAL, '\ud800', '\udc00',
  "'", '/', '#', 'NaN', 'true', '\\u', '\\u12', '"\\', 'undefined',
];

// Random values and their spaced JSON text: the conformance suite's generators.
const { randomValue, spaced } = require('./conformance-data');

function mutate(next, text) {
  const at = (next() * (text.length + 1)) | 0;
  const junk = JUNK[(next() * JUNK.length) | 0];
  const m = next();
  if (m < 0.25) return text.slice(0, at) + text.slice(at + 1);
  if (m < 0.55) return text.slice(0, at) + junk + text.slice(at);
  if (m < 0.85) return text.slice(0, at) + junk + text.slice(at + 1);
  return text.slice(0, at);
}

/** Invalid (mostly) JSON texts, fixed seed. */
function texts(seed) {
  const next = rng(seed);
  const out = [
    '', ' ', '{', '[', '"', '[1,]', '{"a":1,}', '[,1]', 'NaN', 'Infinity', '-Infinity', 'undefined', '[object Object]',
    ' NaN', 'NaN ', 'undefined\n', '[object Object]x', "'a'", '\ufeff{}', '01', '-01', '[01]', '{"a":00}', '.5', '+1', '1.',
    '1e', '1e+', '1e-x', '0x10', '-', '-x', '[-]', '"\\u12"', '"\\u12g4"', '"\\x41"', '"\\', '"\\u', '"\\u1', '{"\\u',
    '"abc', '{"a"', '{"a" ', '{"a":', '{"a":1', '{"a":1 "b":2}', '{1:2}', '{a}', '{"a"1}', '[1 2]', '[0', 'tru', 'truex',
    't1', 't"', '[t"]', 'nul', 'nulll', 'falsey', '[true false]', '"\ud800" x', `[${ASTRAL}]`, `${ASTRAL}`, '\ud800',
    '\udc00', `"${ASTRAL}"x`, '\u00a0[]', '[]\u00a0', '\v[]', '\f1', '// c\n1', '/* */1', '[1]]', '{}}',
    `x${'1'.repeat(19)}`, `x${'1'.repeat(20)}`, `x${'1'.repeat(21)}`, `[${'1'.repeat(18)}x`, `[${'1'.repeat(19)}x`,
    '1'.repeat(400) + 'x', `"${'x'.repeat(100000)}`, `[${'1,'.repeat(50000)}x]`, `[${'1,'.repeat(50000)}1]]`,
    '['.repeat(1e5), `${'['.repeat(1e5)}x`, `${'{"a":'.repeat(2e4)}x`, `${'{"a":['.repeat(1e4)}1}`, `${'['.repeat(5e4)}1,]`,
  ];
  for (let c = 0; c < 0x20; c++) out.push(`"a${String.fromCharCode(c)}b"`, `[${String.fromCharCode(c)}1]`);
  // Every junk token at every distance from both ends of texts of 14 to 40
  // units: V8 quotes the whole text, its start, its end or a middle window.
  const fill = ['1', ' ', ASTRAL, '\u00e9', '"\ud800"', '\n'];
  for (const junk of JUNK) {
    for (let len = 14; len <= 40; len += 1 + ((next() * 3) | 0)) {
      for (let k = 0; k < len; k += 1 + ((next() * 2) | 0)) {
        const f = fill[(next() * fill.length) | 0];
        const pad = (n) => (f === '1' || f === ' ' || f === '\n' ? f.repeat(n) : `"${f.repeat(n)}"`);
        const before = `[${pad(Math.max(0, k - 2))},`;
        const after = `,${pad(Math.max(0, len - k - 2))}]`;
        out.push(before + junk + after);
      }
    }
  }
  // Astral characters around the error, so V8's 10-unit window splits pairs.
  for (let a = 0; a < 8; a++) {
    for (let b = 0; b < 8; b++) {
      out.push(`["${'ab'.slice(0, a % 2)}${ASTRAL.repeat(a)}",x,"${'a'.slice(0, b % 2)}${ASTRAL.repeat(b)}"]`);
      out.push(`${' '.repeat(a)}${ASTRAL}${'1'.repeat(b * 3)}`);
      out.push(`["${ASTRAL.repeat(a)}"${ASTRAL}${ASTRAL.repeat(b)}]`);
    }
  }
  for (let i = 0; i < 2500; i++) {
    const text = spaced(next, randomValue(next, 1 + ((next() * 5) | 0)));
    out.push(mutate(next, text));
    const twice = mutate(next, mutate(next, text));
    out.push(twice);
    if (i % 50 === 0) {
      // Long texts: the error near the start, the middle or the end.
      const long = spaced(next, Array.from({ length: 2000 }, () => randomValue(next, 2)));
      out.push(mutate(next, long));
    }
  }
  return out;
}

const TEXTS = texts(20261130);

/** The UTF-16 offset a reported error refers to, checked against V8's message. */
function checkPosition(label, text, want, error) {
  if (want.pos !== undefined) {
    assert.equal(error.offset, want.pos, `${label}: offset`);
  } else if (want.message === 'Unexpected end of JSON input') {
    assert.equal(error.offset, text.length, `${label}: offset at the end`);
  } else {
    const m = /^Unexpected token '([\s\S])'/.exec(want.message);
    if (m) assert.equal(text[error.offset], m[1], `${label}: offset at the quoted token`);
    else assert.ok(error.offset < text.length, `${label}: offset of a whole-text message`);
  }
  const before = text.slice(0, error.offset);
  assert.equal(error.line, before.split('\n').length, `${label}: line`);
  assert.equal(error.column, error.offset - before.lastIndexOf('\n'), `${label}: column`);
}

/** A V8 message with its quoted parts generalized. */
function kind(message) {
  if (/^"[\s\S]*" is not valid JSON$/.test(message)) return 'special';
  const m = /^Unexpected token '[\s\S]', (\.\.\.)?"[\s\S]*"(\.\.\.)? is not valid JSON$/.exec(message);
  return m ? `token ${m[1] ? '...' : ''}"x"${m[2] ? '...' : ''}` : message;
}

const short = (t) => JSON.stringify(t.length > 60 ? `${t.slice(0, 60)}…(${t.length})` : t);

test('checkJSON(string): message is V8 JSON.parse message; positions V8 gives', () => {
  let invalid = 0;
  const kinds = new Set();
  for (const text of TEXTS) {
    const want = v8(text);
    const r = validation.checkJSON(text);
    const label = short(text);
    assert.equal(r.valid, want === null, label);
    if (want === null) continue;
    invalid++;
    kinds.add(kind(want.message));
    assert.equal(r.error.message, want.message, label);
    checkPosition(label, text, want, r.error);
    // The pure-JS checker agrees on everything (the backend may be Rust).
    assert.deepEqual(r.error, jsChecker.checkJSON(text), label);
  }
  assert.ok(invalid > 5000, `only ${invalid} invalid texts`);
  // Every message of V8's JSON parser occurred, the token one in all 4 forms.
  assert.equal(kinds.size, 21, [...kinds].join(' | '));
});

/** First byte of `buf` that starts no valid UTF-8 sequence, or -1 (found with TextDecoder). */
function firstInvalidUtf8(buf) {
  // Fatal streaming decoding of a prefix fails only on bytes that are wrong
  // already, not on a sequence the prefix cuts short: monotone in the length.
  const decodePrefix = (k) => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf.subarray(0, k), { stream: true });
  const ok = (k) => {
    try {
      decodePrefix(k);
      return true;
    } catch {
      return false;
    }
  };
  let end = buf.length;
  if (ok(end)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf);
      return -1;
    } catch {
      // Cut short at the end.
    }
  } else {
    let lo = 0;
    while (end - lo > 1) {
      const mid = (lo + end) >> 1;
      if (ok(mid)) lo = mid;
      else end = mid;
    }
    end--; // bytes [0, end) decode; the one at `end` makes it fail
  }
  // The bad sequence starts after the last whole character before `end`.
  return Buffer.byteLength(decodePrefix(end));
}

test('checkJSON(bytes): V8 message for the decoded text; positions in bytes; bad UTF-8 first', () => {
  const next = rng(7);
  const bad = [[0xff], [0xc0, 0x80], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0x80]];
  const inputs = TEXTS.filter((t) => t.length < 5000).map((t) => Buffer.from(t));
  for (let i = 0; i < 1500; i++) {
    const b = inputs[(next() * inputs.length) | 0];
    const at = (next() * (b.length + 1)) | 0;
    inputs.push(Buffer.concat([b.subarray(0, at), Buffer.from(bad[(next() * bad.length) | 0]), b.subarray(at)]));
  }
  const lossy = new TextDecoder('utf-8', { ignoreBOM: true });
  let checked = 0;
  for (const buf of inputs) {
    const label = buf.toString('hex').slice(0, 80);
    const text = lossy.decode(buf);
    const invalidAt = firstInvalidUtf8(buf);
    const want = v8(text);
    const r = validation.checkJSON(buf);
    assert.deepEqual(r.error, jsChecker.checkJSON(buf), label);
    if (want === null && invalidAt < 0) {
      assert.equal(r.error, null, label);
      continue;
    }
    assert.notEqual(r.error, null, label);
    if (invalidAt >= 0 && r.error.message === 'Invalid UTF-8 in JSON') {
      assert.equal(r.error.offset, invalidAt, label);
      // V8 found nothing earlier: no error, or one at or after the bad byte.
      const at16 = lossy.decode(buf.subarray(0, invalidAt)).length;
      if (want && want.pos !== undefined) assert.ok(want.pos > at16, `${label}: V8 ${want.message} at ${want.pos}`);
      if (want && want.message === 'Unexpected end of JSON input') assert.ok(text.length > at16, label);
      continue;
    }
    // A syntax error no later than the first bad byte: V8's, in bytes.
    checked++;
    assert.ok(want, label);
    assert.equal(r.error.message, want.message, label);
    assert.ok(invalidAt < 0 || r.error.offset <= invalidAt, label);
    const pos16 = lossy.decode(buf.subarray(0, r.error.offset)).length;
    const before = text.slice(0, pos16);
    checkPosition(label, text, want, { line: r.error.line, column: pos16 - before.lastIndexOf('\n'), offset: pos16 });
    assert.equal(r.error.column, r.error.offset - buf.subarray(0, r.error.offset).lastIndexOf(0x0a), `${label}: column in bytes`);
  }
  assert.ok(checked > 5000, `only ${checked} byte inputs with a V8 error`);
});

test('parseJSON: the SyntaxError message is V8 message plus line and column', () => {
  const next = rng(3);
  for (let i = 0; i < 3000; i++) {
    const text = TEXTS[(next() * TEXTS.length) | 0];
    const want = v8(text);
    if (want === null) continue;
    const r = validation.checkJSON(text).error;
    assert.throws(
      () => astParser.parseJSON(text),
      (e) => e instanceof SyntaxError && e.message === `${want.message} at line ${r.line} column ${r.column}` && e.offset === r.offset,
      short(text),
    );
  }
});

test('the backend itself: V8 message, with U+FFFD for a half surrogate pair a Rust string cannot hold', () => {
  // Below lib/api.js, which words such messages again in JS: this checks the
  // Rust (or JS) checker's own text, half pairs and lone surrogates aside.
  const { backend } = require('../lib/loader').load();
  const wellFormed = (s) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  let n = 0;
  for (const text of TEXTS) {
    const want = v8(text);
    if (want === null) continue;
    const wantMessage = backend.name === 'js' ? want.message : wellFormed(want.message);
    assert.equal(backend.jsonCheckStr(text).message, wantMessage, short(text));
    if (text.length < 5000 && text === wellFormed(text)) assert.equal(backend.jsonCheck(Buffer.from(text)).message, wantMessage, short(text));
    n++;
  }
  assert.ok(n > 5000);
});
