'use strict';
// Fixed-seed inputs shared by conformance.test.js and once/parity.test.js
// (not a test file itself: scripts/test.js runs *.test.js only).

const { rng } = require('./helpers');

/** FNV-1a 32 with Math.imul (for large inputs; the test's reference is BigInt). */
function fnvFast(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

function randomBytes(next, n) {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (next() * 256) | 0;
  return out;
}

/** A random code unit sequence: ASCII, 2- and 3-byte UTF-8, astral pairs, lone surrogates. */
function randomString(next, n, { lone = true } = {}) {
  let s = '';
  while (s.length < n) {
    const r = next();
    if (r < 0.5) s += String.fromCharCode(0x20 + ((next() * 95) | 0));
    else if (r < 0.65) s += String.fromCharCode(0x80 + ((next() * 0x780) | 0));
    else if (r < 0.8) s += String.fromCharCode(0xe000 + ((next() * 0x2000) | 0));
    else if (r < 0.9) s += String.fromCodePoint(0x10000 + ((next() * 0xfffff) | 0));
    else if (r < 0.95 || !lone) s += String.fromCharCode(0x800 + ((next() * 0xd000) | 0) % 0xd000);
    else s += String.fromCharCode(0xd800 + ((next() * 0x800) | 0)); // lone surrogate
  }
  return s;
}

/** Strings: empty, tiny, ASCII, Unicode with lone surrogates, large (2 MiB). */
function strings(seed) {
  const next = rng(seed);
  const out = ['', 'a', 'abc', 'hello world', '\u00e9', '\u{1f600}', '\ud800', '\udc00', '\udc00\ud800', 'a\ud83d', '\ufffd', '\0'];
  for (let i = 0; i < 200; i++) out.push(randomString(next, (next() * 300) | 0));
  for (let i = 0; i < 50; i++) {
    let s = '';
    const n = (next() * 200) | 0;
    for (let k = 0; k < n; k++) s += String.fromCharCode(0x20 + ((next() * 95) | 0));
    out.push(s);
  }
  out.push('x'.repeat(1 << 21), randomString(next, 1 << 21));
  return out;
}

/** Byte inputs: empty, random, views with an offset, large (3 MiB). */
function byteInputs(seed) {
  const next = rng(seed);
  const out = [new Uint8Array(0), Buffer.alloc(0), Buffer.from([0]), Buffer.from([0xff])];
  for (let i = 0; i < 150; i++) out.push(Buffer.from(randomBytes(next, (next() * 1100) | 0)));
  // A Uint8Array view into the middle of a larger buffer.
  const backing = randomBytes(next, 4096);
  out.push(backing.subarray(3, 4000), new Uint8Array(backing.buffer, 1, 31));
  out.push(Buffer.from(randomBytes(next, 3 << 20)));
  return out;
}

/** Inputs for the codecs: several shapes and sizes, from empty to a few MiB. */
function codecInputs(seed) {
  const next = rng(seed);
  const words = ['alpha', 'beta', 'gamma', '{"id":', '"name":', 'true', 'null', '1234', ' ', '\n', 'error', 'h\u00e9llo', '\u{1f600}'];
  let text = '';
  while (text.length < 1 << 20) text += words[(next() * words.length) | 0];
  const mixed = Buffer.alloc(3 << 20);
  for (let i = 0; i < mixed.length; ) {
    const run = Math.min(1 + ((next() * 300) | 0), mixed.length - i);
    if (next() < 0.5) mixed.fill((next() * 256) | 0, i, i + run);
    else mixed.set(randomBytes(next, run), i);
    i += run;
  }
  return {
    empty: new Uint8Array(0),
    one: Buffer.from([42]),
    small: Buffer.from('hello hello hello hello'),
    random64k: Buffer.from(randomBytes(next, 65536)),
    text: Buffer.from(text),
    zeros: Buffer.alloc(5 << 20),
    mixed,
    view: randomBytes(next, 70000).subarray(5, 69000),
  };
}

/** A random JSON-able value (with Unicode, astral and lone surrogates in strings). */
function randomValue(next, depth) {
  const r = next();
  if (depth <= 0 || r < 0.4) {
    const k = next();
    if (k < 0.15) return null;
    if (k < 0.3) return next() < 0.5;
    if (k < 0.5) return Math.round((next() - 0.5) * 1e6);
    if (k < 0.6) return (next() - 0.5) * 10 ** Math.round(next() * 40 - 20);
    return randomString(next, (next() * 12) | 0);
  }
  if (r < 0.7) return Array.from({ length: (next() * 5) | 0 }, () => randomValue(next, depth - 1));
  const o = {};
  const n = (next() * 5) | 0;
  for (let i = 0; i < n; i++) o[randomString(next, (next() * 6) | 0)] = randomValue(next, depth - 1);
  return o;
}

/** JSON text of `v` with random whitespace (including newlines) between tokens. */
function spaced(next, v) {
  const ws = () => [' ', '\n', '\t', '\r\n', '', '', ''][(next() * 7) | 0];
  return JSON.stringify(v, null, next() < 0.3 ? 1 : 0)
    .replace(/([,:[\]{}])/g, (m) => (next() < 0.2 ? ws() + m + ws() : m))
    .replace(/("(?:[^"\\]|\\.)*")/g, (m) => m); // strings unchanged
}

/** Valid and invalid JSON texts: generated, mutated and hand-picked. */
function jsonTexts(seed) {
  const next = rng(seed);
  const out = [
    '', ' ', '{}', '[]', '[1,]', '{"a":1,}', '[,1]', 'NaN', 'Infinity', '-Infinity', 'undefined', "'a'",
    '\ufeff{}', '\ufeff', '{}\ufeff', '01', '-0', '1e999', '-1e-999', '.5', '+1', '1.', '1e', '1e+', '0x10', '-',
    '"\t"', '"a\nb"', '"\u0000"', '"\u001f"', '"\u007f"', '"\u2028\u2029"', '"\\u12"', '"\\u12g4"', '"\\x41"', '"\\\'"',
    '"\ud800"', '"\udc00\ud800"', '"a\ud83d"', '\ud800', '[\ud800]', '{"\ud800":1}', '"\u{1f600}', '"\u{1f600}"x',
    '\u{1f600}', '[1 2]', '{"a" 1}', '{"a":1 "b":2}', '{1:2}', 'tru', 'truex', 'nul', 'nulll', 'falsey', '[true false]',
    '{"a":}', '{"a"', '{"a":', '["a"', '["a",', '"abc', '"\\', '"\\u', '[1]]', '{}}', ' \n\n  [1,\n  2,\n  x]',
    '\n\n\n"\u{1f600}\u{1f600}" 5', '\u00a0[]', '[]\u00a0', '\v[]', '\f1', '[1]\r\n', '// c\n1', '/* */1', '[1,2,3]//',
    '{"__proto__":{"x":1}}', '{"a":1,"a":2}', '1'.repeat(400), `"${'x'.repeat(100000)}"`, `[${'1,'.repeat(50000)}1]`,
    '['.repeat(1e5), `${'['.repeat(1e5)}${']'.repeat(1e5)}`, `${'{"a":'.repeat(2e4)}1${'}'.repeat(2e4)}`,
    `${'['.repeat(1e5)}${']'.repeat(1e5 - 1)}`, `${'['.repeat(5e4)}1,${']'.repeat(5e4)}`, `${'{"a":['.repeat(1e4)}x`,
  ];
  for (let c = 0; c < 0x20; c++) out.push(`"a${String.fromCharCode(c)}b"`, `[${String.fromCharCode(c)}1]`);
  for (let i = 0; i < 1500; i++) {
    const text = spaced(next, randomValue(next, 5));
    out.push(text);
    // Mutations: delete, insert, replace, truncate.
    const at = (next() * (text.length + 1)) | 0;
    const junk = [',', ']', '}', '[', '{', ':', '"', '\\', 'x', '\n', '0', '-', '.', 'e', '\ud800', '\u{1f600}', ' ', 't', '\u0001'][(next() * 19) | 0];
    const m = next();
    if (m < 0.3) out.push(text.slice(0, at) + text.slice(at + 1));
    else if (m < 0.6) out.push(text.slice(0, at) + junk + text.slice(at));
    else if (m < 0.85) out.push(text.slice(0, at) + junk + text.slice(at + 1));
    else out.push(text.slice(0, at));
  }
  return out;
}

/** Byte strings that are not valid UTF-8, inside and outside JSON strings. */
function invalidUtf8(seed) {
  const next = rng(seed);
  const seqs = [[0xff], [0xc0, 0x80], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3, 0x28]];
  const out = [];
  for (const s of seqs) {
    out.push(Buffer.from([0x22, ...s, 0x22]));
    out.push(Buffer.concat([Buffer.from('{"k":"'), Buffer.from(s), Buffer.from('"}')]));
    out.push(Buffer.concat([Buffer.from('[1,\n'), Buffer.from(s), Buffer.from(']')]));
    out.push(Buffer.concat([Buffer.from('"\u{1f600}\n'), Buffer.from(s)]));
  }
  for (let i = 0; i < 40; i++) {
    const b = Buffer.from(JSON.stringify(randomValue(next, 3)));
    const at = (next() * (b.length + 1)) | 0;
    out.push(Buffer.concat([b.subarray(0, at), Buffer.from(seqs[(next() * seqs.length) | 0]), b.subarray(at)]));
  }
  return out;
}

const REGEX_FRAGMENTS = [
  'a', 'b', 'Z', '.', '\\d', '\\D', '\\w', '\\W', '\\s', '\\b', '\\B', '^', '$', '\\1', '\\2', '\\10', '\\k<n>', '\\k', '\\k<x',
  '\\0', '\\00', '\\01', '\\8', '\\9', '\\x4', '\\x41', '\\xg', '\\u004', '\\u0041', '\\u{41}', '\\u{110000}', '\\u{1F600}',
  '\\u{}', '\\uD83D\\uDE00', '\\uD83D', '\\uDE00', '\\c', '\\cA', '\\cz', '\\c1', '\\c_', '\\p{L}', '\\P{Lu}', '\\p{Script=Greek}',
  '\\p{sc=Grek}', '\\p{scx=Latn}', '\\p{Foo}', '\\p{Letter}', '\\p{General_Category=Letter}', '\\p{gc=L}', '\\p{ASCII}',
  '\\p{Any}', '\\p{RGI_Emoji}', '\\P{RGI_Emoji}', '\\p{Basic_Emoji}', '\\p{Emoji_Keycap_Sequence}', '\\p{l}', '\\p{Script=}',
  '\\p', '\\p{', '\\q{a}', '\\-', '\\/', '\\.', '\\a', '\\e', '\\_', '\\$', '\\^', '\\|', '\\(', '\\[', '\\{', '\\}',
  '\u{1f600}', '\ud800', '\udc00', '{', '}', '{1}', '{1,}', '{2,1}', '{,5}', '{1,2', '{99999999999}', ']', '[', ')', '(',
  '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?<n>', '(?<n2>', '(?<$>', '(?<1>', '(?<\u{1d49c}>', '(?<\\u0061>', '(?<\\u{61}>',
  '(?<a\\uD835\\uDC9C>', '(?i:', '(?-i:', '(?', '(?<', '|', '*', '+', '?', '*?', '+?', '??', '{1,3}?', '[a-z]', '[z-a]',
  '[\\d-z]', '[a-\\d]', '[^a]', '[]', '[^]', '[\\b]', '[\\B]', '[\\-]', '[\\q{abc|d}]', '[[a-z]--[aeiou]]', '[\\w&&\\d]',
  '[a&&b]', '[a--b]', '[(]', '[)]', '[{]', '[|]', '[\\p{L}--\\p{Lu}]', '[a-]', '[-a]', '[\u{1f600}-\u{1f601}]',
  '[\\u{1F600}-\\u{1F601}]', '[\\uD83D\\uDE00-\\uD83D\\uDE01]', '[\\p{RGI_Emoji}--\\q{x}]', '[\\c]', '[\\c1]', '[\\k]',
  '[\\1]', '[\\0]', '[\\8]', '\\n', '\\t', '\\r', '\\v', '\\f', '/', '\\', '-', ' ', '&&', '--', '!!', '##',
];
const REGEX_FLAGS = ['', '', '', 'u', 'u', 'v', 'v', 'i', 'g', 'd', 'm', 's', 'y', 'gimsuy', 'dgimsvy', 'uv', 'gg', 'x', 'U', 'iu', 'iv', 'uu', 'gu'];

/** [pattern, flags] pairs from random fragment sequences (fixed seed). */
function regexCases(seed, n = 30000) {
  const next = rng(seed);
  const out = [];
  for (let i = 0; i < n; i++) {
    let p = '';
    const k = 1 + ((next() * 6) | 0);
    for (let j = 0; j < k; j++) p += REGEX_FRAGMENTS[(next() * REGEX_FRAGMENTS.length) | 0];
    out.push([p, REGEX_FLAGS[(next() * REGEX_FLAGS.length) | 0]]);
  }
  // Every fragment alone, in each of the three modes.
  for (const f of REGEX_FRAGMENTS) for (const flags of ['', 'u', 'v']) out.push([f, flags]);
  return out;
}

// Unicode property names and values as ECMA-262 lists them, plus scripts up
// to Unicode 17 and some that do not exist, in right and wrong spellings.
const SCRIPTS = (
  'Adlam Adlm Ahom Anatolian_Hieroglyphs Arabic Arab Armenian Armn Avestan Balinese Bamum Bassa_Vah Batak Bengali Beng ' +
  'Beria_Erfe Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham ' +
  'Cherokee Chisoi Chorasmian Common Zyyy Coptic Copt Qaac Cuneiform Cypriot Cypro_Minoan Cyrillic Cyrl Deseret Devanagari ' +
  'Deva Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Garay Georgian Glagolitic Gothic Grantha ' +
  'Greek Grek Gujarati Gunjala_Gondi Gurmukhi Gurung_Khema Han Hani Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana ' +
  'Imperial_Aramaic Inherited Zinh Qaai Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi ' +
  'Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Kirat_Rai Lao Latin Latn Lepcha Limbu Linear_A Linear_B ' +
  'Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek ' +
  'Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari ' +
  'Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Ol_Onal Old_Hungarian Old_Italic ' +
  'Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya ' +
  'Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian ' +
  'Siddham Sidetic SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Sunuwar Syloti_Nagri Syriac Tagalog Tagbanwa ' +
  'Tai_Le Tai_Tham Tai_Viet Tai_Yo Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Todhri Tolong_Siki ' +
  'Toto Tulu_Tigalari Ugaritic Unknown Zzzz Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square ' +
  'latin LATIN Greek_ Klingon Zxxx Zmth Hrkt Katakana_Or_Hiragana Jpan Kore Hira Kana Hang Qabx Sunu Gara Krai Onao Tutg ' +
  'Todr Gukh Berf Chis Sidt Tayo Tols Egyptian Nshu Nkoo Hmnp Rohg'
).split(' ');
const GENERAL_CATEGORIES = (
  'C Other Cc Control cntrl Cf Format Cn Unassigned Co Private_Use Cs Surrogate L Letter LC Cased_Letter Ll Lowercase_Letter ' +
  'Lm Modifier_Letter Lo Other_Letter Lt Titlecase_Letter Lu Uppercase_Letter M Mark Combining_Mark Mc Spacing_Mark Me ' +
  'Enclosing_Mark Mn Nonspacing_Mark N Number Nd Decimal_Number digit Nl Letter_Number No Other_Number P Punctuation punct ' +
  'Pc Connector_Punctuation Pd Dash_Punctuation Pe Close_Punctuation Pf Final_Punctuation Pi Initial_Punctuation Po ' +
  'Other_Punctuation Ps Open_Punctuation S Symbol Sc Currency_Symbol Sk Modifier_Symbol Sm Math_Symbol So Other_Symbol Z ' +
  'Separator Zl Line_Separator Zp Paragraph_Separator Zs Space_Separator l lu LETTER Letters Latin'
).split(' ');
const BINARY = (
  'ASCII ASCII_Hex_Digit AHex Alphabetic Alpha Any Assigned Bidi_Control Bidi_C Bidi_Mirrored Bidi_M Case_Ignorable CI Cased ' +
  'Changes_When_Casefolded CWCF Changes_When_Casemapped CWCM Changes_When_Lowercased CWL Changes_When_NFKC_Casefolded CWKCF ' +
  'Changes_When_Titlecased CWT Changes_When_Uppercased CWU Dash Default_Ignorable_Code_Point DI Deprecated Dep Diacritic Dia ' +
  'Emoji Emoji_Component EComp Emoji_Modifier EMod Emoji_Modifier_Base EBase Emoji_Presentation EPres Extended_Pictographic ' +
  'ExtPict Extender Ext Grapheme_Base Gr_Base Grapheme_Extend Gr_Ext Hex_Digit Hex IDS_Binary_Operator IDSB ' +
  'IDS_Trinary_Operator IDST ID_Continue IDC ID_Start IDS Ideographic Ideo Join_Control Join_C Logical_Order_Exception LOE ' +
  'Lowercase Lower Math Noncharacter_Code_Point NChar Pattern_Syntax Pat_Syn Pattern_White_Space Pat_WS Quotation_Mark QMark ' +
  'Radical Regional_Indicator RI Sentence_Terminal STerm Soft_Dotted SD Terminal_Punctuation Term Unified_Ideograph UIdeo ' +
  'Uppercase Upper Variation_Selector VS White_Space space XID_Continue XIDC XID_Start XIDS ' +
  'IDS_Unary_Operator IDSU ID_Compat_Math_Start ID_Compat_Math_Continue InCB Modifier_Combining_Mark MCM ' +
  'Basic_Emoji Emoji_Keycap_Sequence RGI_Emoji_Modifier_Sequence RGI_Emoji_Flag_Sequence RGI_Emoji_Tag_Sequence ' +
  'RGI_Emoji_ZWJ_Sequence RGI_Emoji Composition_Exclusion Full_Composition_Exclusion Hyphen alphabetic ascii Emoji_Keycap'
).split(' ');

/** \p{...} patterns over every name above, in u and v modes, negated and in classes. */
function propertyCases() {
  const out = [];
  const add = (body) => {
    for (const flags of ['u', 'v']) {
      out.push([`\\p{${body}}`, flags], [`\\P{${body}}`, flags], [`[\\p{${body}}]`, flags], [`[^\\p{${body}}]`, flags]);
    }
  };
  for (const s of SCRIPTS) {
    add(`Script=${s}`);
    add(`sc=${s}`);
    add(`Script_Extensions=${s}`);
    add(`scx=${s}`);
  }
  for (const g of GENERAL_CATEGORIES) {
    add(g);
    add(`General_Category=${g}`);
    add(`gc=${g}`);
  }
  for (const b of BINARY) {
    add(b);
    add(`${b}=Yes`);
  }
  for (const bad of ['', '=', 'sc=', '=Latin', 'Script', 'Script=Latin=x', 'Block=Basic_Latin', 'blk=ASCII', 'gc=Latin', 'sc=L', ' L', 'L ']) add(bad);
  return out;
}

module.exports = {
  fnvFast, randomBytes, randomString, strings, byteInputs, codecInputs, randomValue, spaced, jsonTexts, invalidUtf8,
  regexCases, propertyCases,
};
