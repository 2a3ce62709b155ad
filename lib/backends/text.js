'use strict';
// Strings into the addon and the wasm instance. napi's string argument asks V8 for the UTF-8
// length (a pass over the string), then for the UTF-8 text (another), into a
// fresh allocation: for a 1 MiB string that took as long as hashing or
// checking it. TextEncoder#encodeInto writes the same UTF-8 (a lone surrogate
// as U+FFFD, as napi does) in one pass into a buffer reused across calls,
// and the addon reads it as bytes. Strings above MAX_UNITS keep napi's path,
// so the reused buffer stays at most 3 MiB. wasm-bindgen's string argument
// copies ASCII into linear memory one character per JS loop turn; the same
// bytes cross there too, with one copy.

const MAX_UNITS = 1 << 20;

/**
 * Replacements for the binding's string primitives that cross as bytes:
 * `{fnv1a32Str, xxh64Str, xxh3Str, jsonCheckStr}`, each falling back to the
 * binding's own for long strings. `jsonCheckStr` is replaced only when the
 * binding has `jsonCheckText` (positions in UTF-16 units over UTF-8 bytes),
 * and answers valid texts by `jsonValidUtf16` where the binding has it.
 * `resolve(name)` gives the binding's current function for a name (the wasm
 * binding swaps instances after a trap), looked up on every call.
 */
function textCrossing(resolve) {
  let encoder;
  let scratch;
  /** `s` as UTF-8 in the reused buffer (a view), or null when too long. */
  const utf8 = (s) => {
    if (s.length > MAX_UNITS) return null;
    const need = s.length * 3;
    if (scratch === undefined || scratch.length < need) {
      encoder = encoder || new TextEncoder();
      scratch = new Uint8Array(Math.max(need, 4096));
    }
    return scratch.subarray(0, encoder.encodeInto(s, scratch).written);
  };
  const viaBytes = (bytesName, strName) => (s, extra) => {
    const text = utf8(s);
    return text === null ? resolve(strName)(s, extra) : resolve(bytesName)(text, extra);
  };
  const out = {
    fnv1a32Str: viaBytes('fnv1a32', 'fnv1a32Str'),
    xxh64Str: viaBytes('xxh64', 'xxh64Str'),
    xxh3Str: viaBytes('xxh3', 'xxh3Str'),
  };
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
