'use strict';
// What the build scripts share: running tools from the repository root and
// copying a fresh build output into place.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** Runs `cmd` in the repository root with its output on ours; throws on failure. */
const run = (cmd, argv, opts = {}) => execFileSync(cmd, argv, { stdio: 'inherit', cwd: root, ...opts });

/** `cmd`'s stdout, or null when it is missing or fails. */
function quiet(cmd, argv) {
  try {
    return execFileSync(cmd, argv, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** Modification time in ms, 0 when the file does not exist. */
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);

/**
 * Copies `from` to `to` when `from` is newer, through a temporary name and a
 * rename: a running process may have the old file mapped.
 */
function copyIfNewer(from, to) {
  if (mtime(from) <= mtime(to)) return;
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, `${to}.tmp`);
  fs.renameSync(`${to}.tmp`, to);
}

module.exports = { root, run, quiet, mtime, copyIfNewer };
