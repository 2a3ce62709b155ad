'use strict';
// `cfn-accel hook`: a Claude Code PostToolUse hook. The protocol: exit 0
// (and say nothing) to let the agent go on; exit 2 with a message on
// stderr to hand the message back to the agent; any other exit is shown to
// the user as a hook failure without blocking anything.

const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { formatHuman } = require('./report');

const usage = `Usage: cfn-accel hook < payload.json

Claude Code PostToolUse hook. Reads the hook payload from stdin
({"tool_name": "Edit" | "MultiEdit" | "Write", "tool_input": {"file_path": ...},
"cwd": ...}; a relative file_path is taken from cwd) and runs 'cfn-accel check'
on the edited file (same rules and cache).

Exit codes:
  0  the file has no errors (warnings alone pass silently), or the tool is
     not one that edits files (nothing to do)
  2  the file has errors: the diagnostics go to stderr, which Claude Code
     hands back to the agent
  1  the payload cannot be used (not JSON, no file_path, file missing):
     a one-line reason on stderr; Claude Code shows it and does not block

Install in .claude/settings.json:
  {
    "hooks": {
      "PostToolUse": [
        {
          "matcher": "Edit|MultiEdit|Write",
          "hooks": [{ "type": "command", "command": "npx cfn-accel hook" }]
        }
      ]
    }
  }
`;

const EDIT_TOOLS = new Set(['Edit', 'MultiEdit', 'Write']);
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

/** The absolute path of the edited file, or null when the tool edits none. */
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
  if (typeof tool === 'string' && !EDIT_TOOLS.has(tool)) return null;
  const input = payload.tool_input;
  const file = input !== null && typeof input === 'object' ? input.file_path : undefined;
  if (typeof file !== 'string' || file === '') throw new Unusable('payload has no tool_input.file_path');
  const cwd = typeof payload.cwd === 'string' && payload.cwd !== '' ? payload.cwd : process.cwd();
  return { file: path.resolve(cwd, file), cwd };
}

/** @param {string[]} argv @returns {Promise<number>} */
async function run(argv) {
  parseArgs({ args: argv, options: {} });
  let target;
  try {
    target = editedFile(await readStdin());
    if (target === null) return 0;
    const st = await fs.promises.stat(target.file).catch(() => null);
    if (!st) throw new Unusable(`${target.file}: no such file`);
    if (!st.isFile()) throw new Unusable(`${target.file}: not a file`);
  } catch (e) {
    if (!(e instanceof Unusable)) throw e;
    process.stderr.write(`cfn-accel hook: ${e.message.replace(/\s+/g, ' ').trim()}\n`);
    return 1;
  }
  const api = require('../..');
  const { checkPaths } = require('../check');
  const report = await checkPaths(api, [target.file], { cwd: target.cwd });
  if (report.summary.errors === 0) return 0;
  process.stderr.write(formatHuman(report, target.cwd));
  return 2;
}

module.exports = { usage, run };
