'use strict';
// Reads the AST tape (src/syntax/tape.rs) into the objects JSON.parse of the
// AST's JSON gives: same keys, same order, same values. Each object shape is
// compiled once into a function holding one object literal, so all objects
// of a shape are built alike (one hidden class, no per-key lookups); this is
// what makes the tape faster than JSON.parse of the same AST (rxjs's
// ajax.js, 10.7 KiB: 920 µs of JSON.parse vs ~120 µs).

// The tags of src/syntax/tape.rs (`tag`).
const NULL = 0;
const FALSE = 1;
const TRUE = 2;
const UINT = 3;
const F64 = 4;
const STR_NEW = 5;
const STR = 6;
const ARRAY = 7;
const END = 8;
const OBJECT = 9;

/**
 * The builder of one shape: `(read) => object` with `keys` in order. A
 * key `__proto__` is written as a computed key, which makes an own property
 * (as JSON.parse does) instead of setting the prototype. Where code cannot be
 * compiled (a page whose CSP forbids it), the keys are assigned one by one.
 */
function compileShape(keys) {
  const props = keys.map((k) => (k === '__proto__' ? `["__proto__"]: read()` : `${JSON.stringify(k)}: read()`));
  try {
    // eslint-disable-next-line no-new-func
    return new Function('read', `return { ${props.join(', ')} };`);
  } catch {
    return (read) => {
      const o = {};
      for (const k of keys) {
        const v = read();
        if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
        else o[k] = v;
      }
      return o;
    };
  }
}

/**
 * A reader bound to one binding's shape registry (one per binding and
 * thread: the registry numbers shapes for the life of the thread).
 * `parse(code, lang)` calls `parseTape(code, lang, known, registry)` (the
 * binding's `jsParseTape`) and returns the AST, or undefined when it is too deep for
 * the JS stack.
 */
function tapeReader(parseTape) {
  const shapes = [];
  let registry = 0;
  let bytes;
  let view;
  let pos = 0;
  let table = '';
  let tableAt = 0;
  let strings = [];

  const leb = () => {
    let b = bytes[pos++];
    if (b < 0x80) return b;
    let v = b & 0x7f;
    let scale = 0x80;
    do {
      b = bytes[pos++];
      v += (b & 0x7f) * scale;
      scale *= 0x80;
    } while (b >= 0x80);
    return v;
  };

  const read = () => {
    switch (bytes[pos++]) {
      case NULL: return null;
      case FALSE: return false;
      case TRUE: return true;
      case UINT: return leb();
      case F64: {
        const v = view.getFloat64(pos, true);
        pos += 8;
        return v;
      }
      case STR_NEW: {
        const units = leb();
        const s = table.slice(tableAt, tableAt + units);
        tableAt += units;
        strings.push(s);
        return s;
      }
      case STR: return strings[leb()];
      case ARRAY: {
        const a = [];
        while (bytes[pos] !== END) a.push(read());
        pos++;
        return a;
      }
      case OBJECT: {
        const id = bytes[pos] | (bytes[pos + 1] << 8);
        pos += 2;
        return shapes[id](read);
      }
      default:
        throw new Error(`AST tape: bad tag ${bytes[pos - 1]} at ${pos - 1}`);
    }
  };

  return function parse(code, lang) {
    const [tape, text, defs, from] = parseTape(code, lang, shapes.length, registry);
    if (from !== registry) {
      // A registry we have not read from (the first call, or a fresh wasm
      // instance): it sent all its shapes.
      shapes.length = 0;
      registry = from;
    }
    if (defs !== null) for (const keys of JSON.parse(defs)) shapes.push(compileShape(keys));
    bytes = tape;
    view = new DataView(tape.buffer, tape.byteOffset, tape.byteLength);
    pos = 0;
    table = text;
    tableAt = 0;
    strings = [];
    try {
      return read();
    } catch (err) {
      // The reader recurses once per nesting level; an AST deeper than the
      // JS stack (JSON.parse has no such limit) is read from its JSON.
      if (err instanceof RangeError) return undefined;
      throw err;
    } finally {
      // Nothing of this call stays reachable from the reader.
      bytes = view = undefined;
      table = '';
      strings = [];
    }
  };
}

module.exports = { tapeReader, compileShape };
