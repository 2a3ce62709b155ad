'use strict';
// Finds the files `check` looks at: files named on the command line as
// they are, directories walked (several reads in flight at once), skipping
// inside them hidden files and folders, dependency and build-output
// folders, and what the ignore files say (see ./ignore.js: ripgrep's
// `ignore` crate defaults, as in the native walker).

const fs = require('node:fs');
const path = require('node:path');
const { scopeFor } = require('./ignore');

/** Directory names never descended into (unless named; hidden entries are skipped too). */
const SKIP_DIRS = new Set(['node_modules', 'target', 'dist', 'build', 'coverage']);
const WALK_CONCURRENCY = 8;

// Hidden as the crate's `hidden(true)` has it (on Unix): a name starting with a dot.
const hidden = (name) => name.startsWith('.');

/**
 * Runs `worker(item)` for every item of `queue`, at most `limit` at a time;
 * items a worker pushes onto `queue` are picked up as slots free.
 * @template T
 * @param {T[]} queue
 * @param {number} limit
 * @param {(item: T) => Promise<void>} worker
 */
function pool(queue, limit, worker) {
  return new Promise((resolve, reject) => {
    let active = 0;
    const pump = () => {
      if (queue.length === 0 && active === 0) return resolve();
      while (active < limit && queue.length) {
        const item = queue.shift();
        active++;
        Promise.resolve(item)
          .then(worker)
          .then(() => {
            active--;
            pump();
          }, reject);
      }
    };
    pump();
  });
}

/**
 * @param {string[]} args paths as given
 * @param {string} cwd base for relative paths
 * @param {NodeJS.ProcessEnv} [env] where git's global excludes file is found (HOME, XDG_CONFIG_HOME)
 * @returns {Promise<{files: string[], missing: {path: string, message: string}[]}>}
 *   absolute file paths, sorted and unique; arguments that could not be read
 */
async function collectFiles(args, cwd, env = process.env) {
  const files = new Set();
  const missing = [];
  const dirs = [];
  await Promise.all(
    args.map(async (arg) => {
      const abs = path.resolve(cwd, arg);
      try {
        const st = await fs.promises.stat(abs);
        if (st.isDirectory()) dirs.push(abs);
        else files.add(abs);
      } catch (e) {
        missing.push({ path: abs, message: e.code === 'ENOENT' ? 'no such file or directory' : e.message });
      }
    }),
  );
  const queue = await Promise.all(dirs.map(async (dir) => ({ dir, scope: await scopeFor(dir, env) })));
  await pool(queue, WALK_CONCURRENCY, async (item) => {
    const { dir } = item;
    const scope = item.parent ? await item.parent.child(dir) : item.scope;
    let entries;
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      missing.push({ path: dir, message: e.message });
      return;
    }
    for (const ent of entries) {
      if (hidden(ent.name)) continue;
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (!SKIP_DIRS.has(ent.name) && !scope.isIgnored(full, true)) queue.push({ dir: full, parent: scope });
      } else if (ent.isFile()) {
        if (!scope.isIgnored(full, false)) files.add(full);
      } else if (ent.isSymbolicLink()) {
        // Linked files are checked; linked directories are not followed (cycles).
        const st = await fs.promises.stat(full).catch(() => null);
        if (st && st.isFile() && !scope.isIgnored(full, false)) files.add(full);
      }
    }
  });
  return { files: [...files].sort(), missing };
}

module.exports = { collectFiles, pool, SKIP_DIRS };
