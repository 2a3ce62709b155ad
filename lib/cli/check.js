'use strict';
// `cfn-accel check <file|dir>... [--json] [--no-cache] [--no-wasm]`

const { parseArgs } = require('node:util');
const { cfnError } = require('../errors');
const { formatHuman, formatJSON } = require('./report');

// The help text is shared with the native executable (cli/src/check.rs).
const text = require('node:fs').readFileSync(require('node:path').join(__dirname, 'help', 'check.txt'), 'utf8');

// Ends with the rules reference, from the rules themselves (the executable
// prints the core's identical list).
const usage = `${text}\n${require('../check/rules').rulesHelp()}`;

/** @param {string[]} argv @returns {Promise<number>} */
async function run(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' }, 'no-wasm': { type: 'boolean' } },
  });
  if (positionals.length === 0) throw cfnError('ERR_CFN_USAGE', 'expected at least one file or folder');
  // Read by the loader, which runs at the require below (nothing loaded it before).
  if (values['no-wasm']) process.env.DISABLE_WASM = 'true';
  const api = require('../..');
  const { checkPaths } = require('../check');
  const cwd = process.cwd();
  const report = await checkPaths(api, positionals, { cwd, cache: !values['no-cache'] });
  const { version } = require('../../package.json');
  process.stdout.write(values.json ? formatJSON(report, cwd, api.backend, version) : formatHuman(report, cwd));
  return report.summary.errors > 0 ? 1 : 0;
}

module.exports = { usage, run };
