'use strict';
// `cfn-accel check <file|dir>... [--json] [--no-cache]`

const { parseArgs } = require('node:util');
const { cfnError } = require('../errors');
const { formatHuman, formatJSON } = require('./report');

const usage = `Usage: cfn-accel check <file|dir>... [--json] [--no-cache]

Checks files, and every file under the given folders, by extension. Folders
are walked as ripgrep walks them: hidden files and folders are skipped, and
what .ignore files say; inside a git repository also what .gitignore files,
.git/info/exclude and git's global excludes file say; node_modules, target,
dist, build and coverage are skipped too. Named paths are checked as they are.


  .js .jsx .mjs .cjs .ts .mts .cts .tsx   syntax errors (error); declaration
                                         files (.d.ts) get the security scan only
  .json                                  JSON syntax, with position (error);
                                         tsconfig*.json / jsconfig*.json allow
                                         comments and are not checked as JSON
  .md .markdown                          unclosed code fence, broken relative
                                         link (error); empty link, undefined
                                         reference, '#Heading' without space,
                                         empty heading, skipped heading level
                                         (warning)
  .ipynb                                 each cell: code cells of a JavaScript or
                                         TypeScript kernel as that language,
                                         every cell for secrets ('cell N, line L')
  .rs                                    todo!, unimplemented! (error);
                                         .unwrap(), .expect(, panic! (warning);
                                         outside comments, strings and test code
  every text file                        secrets: AWS, GitHub, GitLab, Slack,
                                         Stripe, Google, npm, Anthropic, OpenAI
                                         keys, private key blocks, hard-coded
                                         passwords (error); JWT literals,
                                         credentials in URLs, eval, new
                                         Function, shell commands from
                                         templates, disabled TLS checks (warning)

Output: 'path:line:column: error|warning: message [rule]' per finding, then a
summary line. Exit code 1 when there is any error, 0 otherwise (warnings
alone pass), 2 on a usage error.

Options:
  --json       print one JSON document: {tool, version, backend, ok, summary,
               files: [{path, kind, cached, diagnostics: [{line, column,
               severity, rule, message}]}]}
  --no-cache   do not read or write the content-hash cache (by default
               unchanged files are answered from it; it lives in
               $CFN_ACCEL_CACHE_DIR, $XDG_CACHE_HOME/cfn-accel or
               node_modules/.cache/cfn-accel)
  -h, --help   show this help
`;

/** @param {string[]} argv @returns {Promise<number>} */
async function run(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, 'no-cache': { type: 'boolean' } },
  });
  if (positionals.length === 0) throw cfnError('ERR_CFN_USAGE', 'expected at least one file or folder');
  const api = require('../..');
  const { checkPaths } = require('../check');
  const cwd = process.cwd();
  const report = await checkPaths(api, positionals, { cwd, cache: !values['no-cache'] });
  const { version } = require('../../package.json');
  process.stdout.write(values.json ? formatJSON(report, cwd, api.backend, version) : formatHuman(report, cwd));
  return report.summary.errors > 0 ? 1 : 0;
}

module.exports = { usage, run };
