'use strict';
// Records for SwarmMemory's SQLite BLOB columns: any JSON value in a
// checksummed frame (see frame.js), LZ4-compressed above ~10 KiB.

const { makeFrameCodec, toJSON, parseFramed } = require('./frame');

const MAGIC = Buffer.from('CFNR', 'latin1');

/**
 * Makes `encodeRecord` / `decodeRecord` over a public API object.
 * @param {object} api
 */
function makeRecords(api) {
  const { pack, unpack } = makeFrameCodec(api);

  /**
   * Serializes `value` (JSON semantics: what `JSON.parse(JSON.stringify(v))`
   * gives back is what decodeRecord gives back) into a framed record.
   * @param {unknown} value
   * @param {{compressAbove?: number}} [opts] compress when the JSON is longer than this many bytes (default 10240)
   * @returns {Buffer}
   */
  function encodeRecord(value, opts) {
    return pack(MAGIC, toJSON(value, 'value'), opts, 'record');
  }

  /**
   * The value of a record. Throws ERR_CFN_CORRUPT for anything that is not
   * an intact record (truncated, altered, trailing bytes, unknown version)
   * and ERR_CFN_LIMIT when its JSON is declared longer than
   * `maxOutputLength` (default 256 MiB), before allocating for it.
   * @param {Uint8Array} buf
   * @param {{maxOutputLength?: number}} [opts]
   * @returns {unknown}
   */
  function decodeRecord(buf, opts) {
    return parseFramed(unpack(MAGIC, buf, opts, 'record'), 'record');
  }

  return { encodeRecord, decodeRecord };
}

module.exports = { makeRecords };
