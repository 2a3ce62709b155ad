'use strict';
// `cfn-accel info [--json]`: which backend loaded, why higher tiers did
// not, what the platform offers, and versions.

const { parseArgs } = require('node:util');

// The help text is shared with the native executable (cli/src/info.rs).
const usage = require('node:fs').readFileSync(require('node:path').join(__dirname, 'help', 'info.txt'), 'utf8');

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
