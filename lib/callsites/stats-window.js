'use strict';
// A fixed-size window of the latest timings for the hook performance
// monitor: a Float64Array ring and a parallel ring of ok flags, so memory
// never grows however many calls are recorded.

const args = require('../args');
const { typeError } = require('../errors');

const MAX_CAPACITY = 1 << 24;

/**
 * Makes the StatsWindow class over a public API object (for
 * memoryOps.aggregateMetrics).
 * @param {object} api
 */
function makeStatsWindow(api) {
  /** The last `capacity` timings and whether each call succeeded. */
  class StatsWindow {
    /** @param {number} [capacity=1024] how many of the latest records the window keeps (1 .. 2^24) */
    constructor(capacity = 1024) {
      this.capacity = args.integer(capacity, 'capacity', 1, MAX_CAPACITY, 1024);
      this._values = new Float64Array(this.capacity);
      this._ok = new Uint8Array(this.capacity);
      this._scratch = null; // chronological copy once the ring has wrapped
      this.reset();
    }

    /**
     * Records one call. Non-finite times are kept in the window but skipped
     * (and counted in `dropped`) by the aggregate.
     * @param {number} ms
     * @param {boolean} [ok=true]
     */
    record(ms, ok = true) {
      if (typeof ms !== 'number') throw typeError('ms', 'a number', ms);
      if (typeof ok !== 'boolean') throw typeError('ok', 'a boolean', ok);
      const i = this._next;
      if (this._size === this.capacity) this._failures -= 1 - this._ok[i];
      else this._size++;
      this._values[i] = ms;
      this._ok[i] = ok ? 1 : 0;
      if (!ok) this._failures++;
      this._next = i + 1 === this.capacity ? 0 : i + 1;
    }

    /**
     * The aggregate of the window (oldest to newest) plus `failureRate`
     * (failures / records in the window, 0 when empty) and `capacity`.
     */
    snapshot() {
      let window = this._values.subarray(0, this._size);
      if (this._size === this.capacity && this._next !== 0) {
        // Oldest first, so the sum adds up in the same order as a list of the
        // same calls would.
        if (!this._scratch) this._scratch = new Float64Array(this.capacity);
        this._scratch.set(this._values.subarray(this._next), 0);
        this._scratch.set(this._values.subarray(0, this._next), this.capacity - this._next);
        window = this._scratch;
      }
      const agg = api.memoryOps.aggregateMetrics(window);
      return { ...agg, failureRate: this._size === 0 ? 0 : this._failures / this._size, capacity: this.capacity };
    }

    /** Empties the window (memory stays allocated). */
    reset() {
      this._size = 0;
      this._next = 0;
      this._failures = 0;
    }
  }
  return StatsWindow;
}

module.exports = { makeStatsWindow };
