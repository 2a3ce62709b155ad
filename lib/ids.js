'use strict';
// Envelope ids: `<ms, 9 base-36 digits>-<sequence, 5 digits>-<process tag>`,
// unique and sorting as strings in creation order. An id is made on every
// createEnvelope, next to an object literal, so the per-call work is one
// string concatenation: the prefix (time and the sequence's top three
// digits) changes at most every 1296 ids, and the last two digits with the
// tag come from a table built once.

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const PAIR = 36 * 36;
/** 36^5 ids per millisecond, then the next millisecond is borrowed. */
const SEQ_LIMIT = 36 ** 5;

/** `n` in base 36, `width` digits with leading zeros. */
const base36 = (n, width) => n.toString(36).padStart(width, '0');

/**
 * A function `(now) => id` for `now` = Date.now(). `tagOf()` gives the
 * process tag (called once, on the first id).
 */
function idFactory(tagOf) {
  let tails; // tails[k]: the sequence's last two digits for k, then `-tag`
  let lastMs = 0;
  let seq = 0;
  let prefix = '';
  const refresh = () => {
    prefix = `${base36(lastMs, 9)}-${base36(Math.floor(seq / PAIR), 3)}`;
  };
  return (clock) => {
    if (tails === undefined) {
      const tag = tagOf();
      tails = [];
      for (let k = 0; k < PAIR; k++) tails.push(`${DIGITS[Math.floor(k / 36)]}${DIGITS[k % 36]}-${tag}`);
    }
    if (clock > lastMs) {
      lastMs = clock;
      seq = 0;
      refresh();
    } else if (++seq % PAIR === 0) {
      // A clock that stands still or steps back keeps the last millisecond.
      if (seq >= SEQ_LIMIT) {
        lastMs++;
        seq = 0;
      }
      refresh();
    }
    return prefix + tails[seq % PAIR];
  };
}

module.exports = { idFactory };
