'use strict';
// The helpers shaped for the host toolkit's call sites (records, envelopes,
// StatsWindow, PatternSet, WASMRuntimeCoordinator), attached to the public
// API so they run on whichever backend it was built over.
//
// Each is loaded on first use (a getter on the API object): a hook process
// that only validates a file should not pay for loading the rest at require.

/** `load()`'s value, computed once on first call. */
const once = (load) => {
  let value;
  return () => (value === undefined ? (value = load()) : value);
};

/**
 * Adds encodeRecord, decodeRecord, encodeEnvelope, decodeEnvelope,
 * StatsWindow, PatternSet and WASMRuntimeCoordinator to `api`.
 * @param {object} api the object createApi builds
 * @returns {object} the same api
 */
function extend(api) {
  const records = once(() => require('./records').makeRecords(api));
  const envelopes = once(() => require('./envelope').makeEnvelopes(api));
  const statsWindow = once(() => require('./stats-window').makeStatsWindow(api));
  const coordinator = once(() => require('./coordinator').makeCoordinator(api, statsWindow()));
  const getters = {
    encodeRecord: () => records().encodeRecord,
    decodeRecord: () => records().decodeRecord,
    encodeEnvelope: () => envelopes().encodeEnvelope,
    decodeEnvelope: () => envelopes().decodeEnvelope,
    StatsWindow: statsWindow,
    PatternSet: () => require('./pattern-set').PatternSet,
    WASMRuntimeCoordinator: coordinator,
  };
  for (const [name, get] of Object.entries(getters)) {
    Object.defineProperty(api, name, { get, enumerable: true, configurable: false });
  }
  return api;
}

module.exports = { extend };
