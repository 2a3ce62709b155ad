'use strict';
// The helpers shaped for the host toolkit's call sites (records, envelopes,
// StatsWindow, PatternSet, WASMRuntimeCoordinator), attached to the public
// API so they run on whichever backend it was built over.

const { makeRecords } = require('./records');
const { makeEnvelopes } = require('./envelope');
const { makeStatsWindow } = require('./stats-window');
const { PatternSet } = require('./pattern-set');
const { makeCoordinator } = require('./coordinator');

/**
 * Adds encodeRecord, decodeRecord, encodeEnvelope, decodeEnvelope,
 * StatsWindow, PatternSet and WASMRuntimeCoordinator to `api`.
 * @param {object} api the object createApi builds
 * @returns {object} the same api
 */
function extend(api) {
  const StatsWindow = makeStatsWindow(api);
  return Object.assign(api, makeRecords(api), makeEnvelopes(api), {
    StatsWindow,
    PatternSet,
    WASMRuntimeCoordinator: makeCoordinator(api, StatsWindow),
  });
}

module.exports = { extend };
