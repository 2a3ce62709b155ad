'use strict';
// One place that makes the package's errors: every thrown error has a stable
// `code`; wrong argument types are TypeErrors.

/** Makes an Error (or a subclass) with a stable `code`. */
function cfnError(code, message, Ctor = Error, extra) {
  const err = new Ctor(message);
  err.code = code;
  if (extra) Object.assign(err, extra);
  return err;
}

/** A TypeError for an argument of the wrong type. */
function typeError(name, expected, value) {
  const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  return cfnError('ERR_CFN_INVALID_ARG', `${name} must be ${expected}, got ${got}`, TypeError);
}

/** A RangeError for an argument of the right type but an unusable value. */
function rangeError(name, message) {
  return cfnError('ERR_CFN_INVALID_ARG', `${name} ${message}`, RangeError);
}

const CODE_PREFIX = /^(ERR_CFN_[A-Z_]+): ([\s\S]*)$/;

/**
 * Gives an error thrown by a backend its stable code. The native binding
 * carries the code as a message prefix (napi results only carry napi's own
 * statuses); the wasm binding sets `code`; a Rust panic or wasm trap becomes
 * ERR_CFN_INTERNAL instead of an abort.
 */
function normalize(err) {
  if (err && typeof err.code === 'string' && err.code.startsWith('ERR_CFN_')) {
    // The wasm binding throws plain Errors with a code; an unusable argument
    // value is a RangeError on every backend (as the native prefix gives).
    if (err.code === 'ERR_CFN_INVALID_ARG' && !(err instanceof RangeError) && !(err instanceof TypeError)) {
      return cfnError(err.code, err.message, RangeError);
    }
    return err;
  }
  const message = err && typeof err.message === 'string' ? err.message : String(err);
  const m = CODE_PREFIX.exec(message);
  if (m) {
    const Ctor = m[1] === 'ERR_CFN_INVALID_ARG' ? RangeError : Error;
    return cfnError(m[1], m[2], Ctor);
  }
  const wrapped = cfnError('ERR_CFN_INTERNAL', `internal error in cfn-accel: ${message}`);
  wrapped.cause = err;
  return wrapped;
}

module.exports = { cfnError, typeError, rangeError, normalize };
