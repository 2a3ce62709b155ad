'use strict';
// Finds the files `check` looks at: files named on the command line as
// they are, directories walked (several reads in flight at once), skipping
// inside them dependency, build-output and hidden directories and whatever
// the project's .gitignore files ignore.

const fs = require('node:fs');
const path = require('node:path');
const { ignoresFor, loadIgnore, isIgnored } = require('./ignore');

/** Directory names never descended into (dot-directories are skipped too). */
const SKIP_DIRS = new Set(['node_modules', 'target', 'dist', 'build', 'coverage']);
const WALK_CONCURRENCY = 8;

const skipDir = (name) => name.startsWith('.') || SKIP_DIRS.has(name);

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
 * @returns {Promise<{files: string[], missing: {path: string, message: string}[]}>}
 *   absolute file paths, sorted and unique; arguments that could not be read
 */
async function collectFiles(args, cwd) {
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
  const queue = await Promise.all(dirs.map(async (dir) => ({ dir, scopes: await ignoresFor(dir) })));
  await pool(queue, WALK_CONCURRENCY, async (item) => {
    const { dir } = item;
    let { scopes } = item;
    if (item.inherited) {
      const own = await loadIgnore(dir);
      if (own) scopes = [...scopes, own];
    }
    let entries;
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      missing.push({ path: dir, message: e.message });
      return;
    }
    for (const ent of entries) {
      const full = path.join(dir, ent.name);
      if (ent.isDirectory()) {
        if (!skipDir(ent.name) && !isIgnored(scopes, full, true)) queue.push({ dir: full, scopes, inherited: true });
      } else if (ent.isFile()) {
        if (!isIgnored(scopes, full, false)) files.add(full);
      } else if (ent.isSymbolicLink()) {
        // Linked files are checked; linked directories are not followed (cycles).
        const st = await fs.promises.stat(full).catch(() => null);
        if (st && st.isFile() && !isIgnored(scopes, full, false)) files.add(full);
      }
    }
  });
  return { files: [...files].sort(), missing };
}

module.exports = { collectFiles, pool, SKIP_DIRS };
