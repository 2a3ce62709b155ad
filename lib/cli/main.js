'use strict';
// `cfn-accel <command>`: the subcommand table and what every command
// shares (help, usage errors, exit codes). Commands load lazily, so
// `--help` and `info` do not pay for what `check` needs.

const { version } = require('../../package.json');

/**
 * The subcommands. Each module exports `{usage, run(argv)}`, where `usage`
 * is its --help text and `run` resolves to the exit code. Adding a command
 * (e.g. `bench`) is one line here.
 */
const COMMANDS = {
  check: { summary: 'check files and folders: syntax, JSON, Markdown, Rust rules, secrets', load: () => require('./check') },
  hook: { summary: 'Claude Code PostToolUse hook: checks the edited file (payload on stdin)', load: () => require('./hook') },
  info: { summary: 'backend, load errors, capabilities, versions', load: () => require('./info') },
  bench: { summary: 'every operation on every backend and its alternatives', load: () => require('./bench') },
};

function mainHelp() {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const rows = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`);
  return `Usage: cfn-accel <command> [options]

Commands:
${rows.join('\n')}

Options:
  -h, --help     show help (also after a command: cfn-accel check --help)
  -v, --version  print the version

Exit codes: 0 clean, 1 errors found (hook: 2 errors found, 1 unusable payload), 2 usage error.
`;
}

/**
 * Runs the command line `argv` (without node and the script).
 * @param {string[]} argv
 * @returns {Promise<number>} exit code
 */
async function main(argv) {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(mainHelp());
    return 2;
  }
  if (name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(mainHelp());
    return 0;
  }
  if (name === '-v' || name === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    process.stderr.write(`cfn-accel: unknown command '${name}'\n\n${mainHelp()}`);
    return 2;
  }
  const command = COMMANDS[name].load();
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    // parseArgs rejects unknown or malformed options with ERR_PARSE_ARGS_*.
    if (e && typeof e.code === 'string' && (e.code.startsWith('ERR_PARSE_ARGS') || e.code === 'ERR_CFN_USAGE')) {
      process.stderr.write(`cfn-accel ${name}: ${e.message}\nRun 'cfn-accel ${name} --help' for usage.\n`);
      return 2;
    }
    throw e;
  }
}

module.exports = { main, COMMANDS };
