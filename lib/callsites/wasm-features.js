'use strict';
// What this process's WebAssembly engine accepts, for the original design's
// detectCapabilities() keys. Each answer comes from the engine validating a
// module that uses the feature (an instruction it alone defines), so a key is
// true only when the engine really accepts that feature; the design's own
// probes (an empty module for SIMD, `WebAssembly.Memory !== undefined` for
// bulk memory) would say true on engines without them.

const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
// One function of type () -> (), declared.
const VOID_FUNC = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00];

/** A module of one () -> () function whose body is `body` (no locals), after `middle` sections. */
function moduleWith(middle, body) {
  const fn = [0x00, ...body, 0x0b]; // no locals, body, end
  const code = [0x01, fn.length, ...fn];
  return new Uint8Array([...HEADER, ...VOID_FUNC, ...middle, 0x0a, code.length, ...code]);
}

/** The probes: each module is valid only on an engine with the feature. */
const PROBES = Object.freeze({
  // The MVP itself: an empty module.
  wasm: new Uint8Array(HEADER),
  // v128.const 0 (0xfd 0x0c + 16 bytes), drop.
  simd: moduleWith([], [0xfd, 0x0c, ...new Array(16).fill(0), 0x1a]),
  // A memory of one page; memory.fill(0, 0, 0) (0xfc 0x0b 0x00).
  bulkMemory: moduleWith([0x05, 0x03, 0x01, 0x00, 0x01], [0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xfc, 0x0b, 0x00]),
  // A shared memory (limits flag 3: shared, with a maximum); i32.atomic.load (0xfe 0x10), drop.
  threads: moduleWith([0x05, 0x04, 0x01, 0x03, 0x01, 0x01], [0x41, 0x00, 0xfe, 0x10, 0x02, 0x00, 0x1a]),
});

/** Whether the engine validates `bytes`; false without WebAssembly or on any error. */
function accepts(bytes, wasm = globalThis.WebAssembly) {
  try {
    return typeof wasm === 'object' && wasm !== null && wasm.validate(bytes) === true;
  } catch {
    return false;
  }
}

let cached;

/**
 * `{wasmSupported, simdSupported, threadsSupported, bulkMemorySupported}` of
 * this engine (computed once). Threads also need SharedArrayBuffer, which a
 * shared memory is made of.
 */
function wasmFeatures() {
  if (cached) return { ...cached };
  const wasmSupported = accepts(PROBES.wasm);
  cached = {
    wasmSupported,
    simdSupported: wasmSupported && accepts(PROBES.simd),
    threadsSupported: wasmSupported && typeof SharedArrayBuffer === 'function' && accepts(PROBES.threads),
    bulkMemorySupported: wasmSupported && accepts(PROBES.bulkMemory),
  };
  return { ...cached };
}

module.exports = { wasmFeatures, PROBES, accepts };
