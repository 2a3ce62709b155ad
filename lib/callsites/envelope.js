'use strict';
// Envelopes for the Redis swarm messenger: `{id, sender, timestamp, message,
// metadata}` in the same checksummed frame as records (frame.js), with the
// host's cap on the serialized JSON (1 MiB, measured before compression).

const args = require('../args');
const { cfnError } = require('../errors');
const { makeFrameCodec, toJSON, parseFramed, corrupt } = require('./frame');

const MAGIC = Buffer.from('CFNE', 'latin1');
const MAX_ENVELOPE_BYTES = 1024 * 1024;

const isPlainObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);
const nonEmptyString = (x) => typeof x === 'string' && x.length > 0;

/** What is wrong with `env` as an envelope, or null when nothing is. */
function shapeProblem(env) {
  if (!isPlainObject(env)) return 'envelope must be an object';
  if (!nonEmptyString(env.id)) return 'envelope.id must be a non-empty string';
  if (!nonEmptyString(env.sender)) return 'envelope.sender must be a non-empty string';
  if (typeof env.timestamp !== 'number' || !Number.isFinite(env.timestamp)) return 'envelope.timestamp must be a finite number';
  const m = env.message;
  if (m === undefined || typeof m === 'function' || typeof m === 'symbol') return 'envelope.message must be a JSON value';
  if (!isPlainObject(env.metadata)) return 'envelope.metadata must be an object';
  return null;
}

/**
 * Makes `encodeEnvelope` / `decodeEnvelope` over a public API object.
 * @param {object} api
 */
function makeEnvelopes(api) {
  const { pack, unpack } = makeFrameCodec(api);

  /**
   * Frames an envelope for publishing. TypeError (ERR_CFN_INVALID_ARG) when
   * it does not have the envelope shape; ERR_CFN_LIMIT when its JSON is
   * over `maxBytes` (default 1 MiB) of UTF-8.
   * @param {{id: string, sender: string, timestamp: number, message: unknown, metadata: object}} env
   * @param {{compressAbove?: number, maxBytes?: number}} [opts]
   * @returns {Buffer}
   */
  function encodeEnvelope(env, opts) {
    const o = args.options(opts);
    const maxBytes = args.integer(o.maxBytes, 'options.maxBytes', 0, Number.MAX_SAFE_INTEGER, MAX_ENVELOPE_BYTES);
    const problem = shapeProblem(env);
    if (problem) throw cfnError('ERR_CFN_INVALID_ARG', problem, TypeError);
    const json = toJSON(env, 'envelope');
    // Cheap bound first: UTF-8 needs at most 3 bytes per UTF-16 unit.
    if (json.length * 3 > maxBytes) {
      const bytes = Buffer.byteLength(json, 'utf8');
      if (bytes > maxBytes) throw cfnError('ERR_CFN_LIMIT', `envelope JSON is ${bytes} bytes, above the ${maxBytes}-byte limit`);
    }
    return pack(MAGIC, json, o, 'envelope');
  }

  /**
   * The envelope in `buf`. ERR_CFN_CORRUPT for anything but an intact
   * envelope; ERR_CFN_LIMIT when it declares more than `maxOutputLength`
   * bytes of JSON (default: the 1 MiB envelope limit).
   * @param {Uint8Array} buf
   * @param {{maxOutputLength?: number}} [opts]
   */
  function decodeEnvelope(buf, opts) {
    const env = parseFramed(unpack(MAGIC, buf, opts, 'envelope', MAX_ENVELOPE_BYTES), 'envelope');
    const problem = shapeProblem(env);
    if (problem) throw corrupt('envelope', problem);
    return env;
  }

  return { encodeEnvelope, decodeEnvelope };
}

module.exports = { makeEnvelopes, MAX_ENVELOPE_BYTES };
