'use strict';
// `cfn-accel hook [--reply text|json]`: a Claude Code PostToolUse hook.
// Claude Code's protocol: exit 0 lets the agent go on (stdout, when it is
// JSON, is read as a reply: `{"decision": "block", "reason": ...}` hands
// the reason to the agent); exit 2 hands stderr to the agent; any other exit
// is shown to the user as a hook error and blocks nothing. So a payload we
// cannot use exits 1, never 2.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { cfnError } = require('../errors');
const { formatHuman } = require('./report');

// The help text is shared with the native executable (cli/src/hook.rs).
const usage = require('node:fs').readFileSync(require('node:path').join(__dirname, 'help', 'hook.txt'), 'utf8');

/** The tools whose edits the hook checks, and where each names the file. */
const PATH_FIELD = { Edit: 'file_path', MultiEdit: 'file_path', Write: 'file_path', NotebookEdit: 'notebook_path' };
const MAX_PAYLOAD = 64 * 1024 * 1024;

class Unusable extends Error {}

/** All of stdin as text, refusing payloads above MAX_PAYLOAD. */
async function readStdin() {
  if (process.stdin.isTTY) throw new Unusable('expects a PostToolUse payload on stdin');
  const chunks = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    if (size > MAX_PAYLOAD) throw new Unusable(`payload is over ${MAX_PAYLOAD} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The edited file named by payload `text`: `{file, cwd, notebook}` with
 * `file` absolute. Throws Unusable when there is none.
 */
function editedFile(text) {
  if (text.trim() === '') throw new Unusable('no payload on stdin');
  let payload;
  try {
    payload = JSON.parse(text);
  } catch (e) {
    throw new Unusable(`payload is not JSON: ${e.message}`);
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new Unusable('payload is not a JSON object');
  const tool = payload.tool_name;
  if (typeof tool !== 'string' || tool === '') throw new Unusable('payload has no tool_name');
  if (!Object.hasOwn(PATH_FIELD, tool)) throw new Unusable(`tool ${JSON.stringify(tool)} edits no file this hook checks (matcher: Edit|MultiEdit|Write|NotebookEdit)`);
  const field = PATH_FIELD[tool];
  const input = payload.tool_input;
  const file = input !== null && typeof input === 'object' ? input[field] : undefined;
  if (typeof file !== 'string' || file === '') throw new Unusable(`payload has no tool_input.${field}`);
  const cwd = typeof payload.cwd === 'string' && payload.cwd !== '' ? payload.cwd : process.cwd();
  return { file: path.resolve(cwd, file), cwd, notebook: tool === 'NotebookEdit' };
}

/** Throws Unusable unless `target.file` is a file (for a notebook: one that is JSON). */
async function requireUsable(target) {
  const st = await fs.promises.stat(target.file).catch(() => null);
  if (!st) throw new Unusable(`${target.file}: no such file`);
  if (!st.isFile()) throw new Unusable(`${target.file}: not a file`);
  if (!target.notebook) return;
  let text;
  try {
    text = await fs.promises.readFile(target.file, 'utf8');
  } catch (e) {
    throw new Unusable(`${target.file}: cannot read: ${e.message}`);
  }
  try {
    JSON.parse(text);
  } catch (e) {
    throw new Unusable(`${target.file}: notebook is not JSON: ${e.message}`);
  }
}

/** @param {string[]} argv @returns {Promise<number>} */
async function run(argv) {
  const { values } = parseArgs({ args: argv, options: { reply: { type: 'string', default: 'text' } } });
  if (values.reply !== 'text' && values.reply !== 'json') {
    throw cfnError('ERR_CFN_USAGE', `--reply must be text or json, got '${values.reply}'`);
  }
  const json = values.reply === 'json';
  let target;
  try {
    target = editedFile(await readStdin());
    await requireUsable(target);
  } catch (e) {
    if (!(e instanceof Unusable)) throw e;
    process.stderr.write(`cfn-accel hook: ${e.message.replace(/\s+/g, ' ').trim()}\n`);
    if (json) process.stdout.write('{}\n');
    return 1;
  }
  const api = require('../..');
  const { checkPaths } = require('../check');
  const report = await checkPaths(api, [target.file], { cwd: target.cwd });
  if (report.summary.errors === 0) {
    if (json) process.stdout.write('{}\n');
    return 0;
  }
  const reason = formatHuman(report, target.cwd);
  if (!json) {
    process.stderr.write(reason);
    return 2;
  }
  process.stdout.write(`${JSON.stringify({ decision: 'block', reason })}\n`);
  return 0;
}

module.exports = { usage, run, editedFile };
