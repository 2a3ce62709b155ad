'use strict';
// Strings into the addon and the wasm instance. napi's string argument asks V8 for the UTF-8
// length (a pass over the string), then for the UTF-8 text (another), into a
// fresh allocation: for a 1 MiB string that took as long as hashing or
// checking it. TextEncoder#encodeInto writes the same UTF-8 (a lone surrogate
// as U+FFFD, as napi does) in one pass into a buffer reused across calls,
// and the addon reads it as bytes. Strings above MAX_UNITS keep napi's path,
// so the reused buffer stays at most 3 MiB. wasm-bindgen's string argument
// copies ASCII into linear memory one character per JS loop turn; the same
// bytes cross there too, with one copy. The addon's hashes go further: it
// holds the buffer itself and the call takes no argument at all.

const MAX_UNITS = 1 << 20;
const HEADER = 16;
/** Longest byte input copied into the scratch area (see bytesViaScratch). */
const BYTES_BY_COPY = 4096;

/**
 * Replacements for the binding's string primitives that cross as bytes:
 * `{fnv1a32Str, xxh64Str, xxh3Str, jsonCheckStr}`, each falling back to the
 * binding's own for long strings; where the binding has `textScratchAttach`
 * (the addon), also `{fnv1a32, xxh64, xxh3}` for bytes up to BYTES_BY_COPY;
 * and `jsParseTape`, whose source both bindings take as UTF-8 bytes. `jsonCheckStr` is replaced only when the
 * binding has `jsonCheckText` (positions in UTF-16 units over UTF-8 bytes),
 * and answers valid texts by `jsonValidUtf16` where the binding has it.
 * `resolve(name)` gives the binding's current function for a name (the wasm
 * binding swaps instances after a trap), looked up on every call.
 */
function textCrossing(resolve) {
  let encoder;
  // The reused area: a 16-byte header (the addon's scratch protocol, see
  // `text_scratch_attach` in napi/src/lib.rs), then the text in `body`.
  let scratch;
  let body;
  let words;
  let seedWord;
  let seedInArea;
  const attachable = typeof resolve('textScratchAttach') === 'function';
  /** Room for `s` as UTF-8 in `body`, or false when it is too long. */
  const room = (s) => {
    if (s.length > MAX_UNITS) return false;
    const need = s.length * 3;
    if (body === undefined || body.length < need) {
      encoder = encoder || new TextEncoder();
      scratch = new Uint8Array(HEADER + Math.max(need, 4096));
      body = scratch.subarray(HEADER);
      words = new Uint32Array(scratch.buffer, 0, 2);
      seedWord = new BigUint64Array(scratch.buffer, 8, 1);
      seedInArea = 0n;
    }
    return true;
  };
  /** `s` as UTF-8 in the reused buffer (a view), or null when too long. */
  const utf8 = (s) => (room(s) ? body.subarray(0, encoder.encodeInto(s, body).written) : null);
  const viaBytes = (bytesName, strName) => (s, extra) => {
    const text = utf8(s);
    return text === null ? resolve(strName)(s, extra) : resolve(bytesName)(text, extra);
  };
  // The addon reads the text, its length and the seed from the attached
  // area: a call without arguments (napi's argument conversion cost more
  // than hashing 1 KiB). Only the addon has the scratch protocol, and its
  // functions do not change: looked up once (these calls take ~100 ns, and
  // each layer counts where V8 does not inline them).
  /** `hash()` of the body's first `n` bytes, with `seed` in the header. */
  const hashArea = (hash, n, seed) => {
    // Word 0 is 1 while this area is the attached one.
    if (words[0] !== 1) resolve('textScratchAttach')(scratch);
    words[1] = n;
    if (seed !== undefined && seed !== seedInArea) seedWord[0] = seedInArea = seed;
    return hash();
  };
  const viaScratch = (scratchName, strName) => {
    const hash = resolve(scratchName);
    return (s, seed) => (room(s) ? hashArea(hash, encoder.encodeInto(s, body).written, seed) : resolve(strName)(s, seed));
  };
  // Short byte inputs are copied into the area too: the copy costs less
  // than napi's look-up of the typed array up to about BYTES_BY_COPY.
  const bytesViaScratch = (scratchName, bytesName) => {
    const hash = resolve(scratchName);
    return (data, seed) => {
      if (data.length > BYTES_BY_COPY) return resolve(bytesName)(data, seed);
      room('');
      body.set(data);
      return hashArea(hash, data.length, seed);
    };
  };
  const hashCrossing = attachable ? viaScratch : viaBytes;
  const out = {
    fnv1a32Str: hashCrossing(attachable ? 'fnv1a32Scratch' : 'fnv1a32', 'fnv1a32Str'),
    xxh64Str: hashCrossing(attachable ? 'xxh64Scratch' : 'xxh64', 'xxh64Str'),
    xxh3Str: hashCrossing(attachable ? 'xxh3Scratch' : 'xxh3', 'xxh3Str'),
  };
  if (attachable) {
    out.fnv1a32 = bytesViaScratch('fnv1a32Scratch', 'fnv1a32');
    out.xxh64 = bytesViaScratch('xxh64Scratch', 'xxh64');
    out.xxh3 = bytesViaScratch('xxh3Scratch', 'xxh3');
  }
  // The AST tape's source crosses as UTF-8 bytes on both bindings.
  if (typeof resolve('jsParseTape') === 'function') {
    out.jsParseTape = (code, lang, known, registry) => {
      const text = utf8(code) || (encoder || (encoder = new TextEncoder())).encode(code);
      return resolve('jsParseTape')(text, lang, known, registry);
    };
  }
  if (typeof resolve('jsonCheckText') === 'function') out.jsonCheckStr = viaBytes('jsonCheckText', 'jsonCheckStr');
  // A JSON verdict needs no UTF-8: the addon reads the string's UTF-16 units
  // as V8 holds them (encodeInto of non-ASCII Latin-1 text costs as much as
  // the check). Only an invalid text, the rare case, is checked again as
  // UTF-8 for the error's wording and position.
  if (typeof resolve('jsonValidUtf16') === 'function') {
    const exact = out.jsonCheckStr || ((s) => resolve('jsonCheckStr')(s));
    out.jsonCheckStr = (s) => (resolve('jsonValidUtf16')(s) ? null : exact(s));
  }
  return out;
}

module.exports = { textCrossing, MAX_UNITS };
