'use strict';
// `cfn-accel info [--json]`: which backend loaded, why higher tiers did
// not, what the platform offers, and versions.

const { parseArgs } = require('node:util');

const usage = `Usage: cfn-accel info [--json]

Shows the backend in use (native, wasm or js), why faster backends were
skipped (load errors), the capabilities and the versions of cfn-accel and
Node.js. CFN_ACCEL_BACKEND=native|wasm|js forces a backend.

Options:
  --json      print one JSON document: {version, node, backend, loadErrors, capabilities}
  -h, --help  show this help
`;

/** @param {string[]} argv @returns {Promise<number>} */
async function run(argv) {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } } });
  const api = require('../..');
  const { version } = require('../../package.json');
  const info = { version, node: process.version, backend: api.backend, loadErrors: api.loadErrors, capabilities: api.capabilities() };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
    return 0;
  }
  const c = info.capabilities;
  const yes = (b) => (b ? 'yes' : 'no');
  const errors = info.loadErrors.length
    ? info.loadErrors.map((e) => `\n  ${e.backend}: ${e.message} (${e.code})`).join('')
    : ' none';
  process.stdout.write(
    [
      `cfn-accel ${version} (node ${info.node})`,
      `backend:      ${info.backend}`,
      `load errors: ${errors}`,
      `capabilities: native ${yes(c.native)}, wasm ${yes(c.wasm)}, simd ${yes(c.simd)}, threads ${yes(c.threads)}`,
      `platform:     ${c.platform} ${c.arch}${c.libc ? ` ${c.libc}` : ''}${c.triple ? ` (${c.triple})` : ''}`,
      '',
    ].join('\n'),
  );
  return 0;
}

module.exports = { usage, run };
