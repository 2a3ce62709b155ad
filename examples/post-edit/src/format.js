'use strict';

/** Formats a duration in milliseconds for a log line. */
function formatDuration(ms) {
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

module.exports = { formatDuration };
