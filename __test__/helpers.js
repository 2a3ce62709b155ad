'use strict';
// Shared by the test files (not a test file itself: scripts/test.js runs *.test.js).

// The package's own PRNG (lib/rng.js): the benchmark inputs use it too.
const { rng } = require('../lib/rng');

module.exports = { rng };
