#!/usr/bin/env node
'use strict';
// The `cfn-accel` command; see lib/cli/main.js.

const { main } = require('../lib/cli/main');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Never exit 2 here: for `hook`, 2 would block the agent on our own failure.
    process.stderr.write(`cfn-accel: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 1;
  },
);
