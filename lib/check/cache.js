'use strict';
// The content-hash cache of `check`: what the rules said about a file's
// content, keyed by kind and xxh3 of the bytes, valid for one tool and
// rules version. Stored as one record (records' frame: checksummed, LZ4),
// so a damaged cache file reads as empty instead of as wrong answers.
// Writes go to a temporary file renamed into place, so concurrent runs
// (hooks fire in parallel) never see half a file; the last writer wins.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const MAX_ENTRIES = 20000;
const FILE_NAME = 'check-cache.bin';

/**
 * Where the cache lives: $CFN_ACCEL_CACHE_DIR, else $XDG_CACHE_HOME/cfn-accel,
 * else node_modules/.cache/cfn-accel in the nearest folder (from `cwd` up)
 * that has node_modules, else ~/.cache/cfn-accel.
 */
function cacheDir(env = process.env, cwd = process.cwd()) {
  if (env.CFN_ACCEL_CACHE_DIR) return path.resolve(cwd, env.CFN_ACCEL_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return path.join(path.resolve(cwd, env.XDG_CACHE_HOME), 'cfn-accel');
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'node_modules'))) return path.join(dir, 'node_modules', '.cache', 'cfn-accel');
    if (path.dirname(dir) === dir) break;
  }
  return path.join(os.homedir(), '.cache', 'cfn-accel');
}

/** A loaded cache; a disabled one answers nothing and saves nothing. */
class CheckCache {
  /**
   * @param {object} api the public API (records and xxh3)
   * @param {string | null} file null when disabled
   * @param {string} stamp tool and rules version the entries are valid for
   * @param {Map<string, unknown>} entries
   */
  constructor(api, file, stamp, entries) {
    this._api = api;
    this.file = file;
    this._stamp = stamp;
    this._entries = entries;
    this._dirty = false;
  }

  /**
   * Opens the cache in folder `dir` (see cacheDir); any failure to read it
   * gives an empty cache.
   * @param {object} api
   * @param {{enabled: boolean, dir: string, stamp: string}} opts
   */
  static async open(api, { enabled, dir, stamp }) {
    if (!enabled) return new CheckCache(api, null, stamp, new Map());
    const file = path.join(dir, FILE_NAME);
    let entries = new Map();
    try {
      const stored = api.decodeRecord(await fs.promises.readFile(file));
      if (stored && stored.stamp === stamp && Array.isArray(stored.entries)) entries = new Map(stored.entries);
    } catch {
      // Missing, damaged or from another version: start empty.
    }
    return new CheckCache(api, file, stamp, entries);
  }

  /** The key of `bytes` checked as `kind`. */
  key(kind, bytes) {
    return `${kind}:${this._api.stringOps.xxh3(bytes).toString(16)}:${bytes.length}`;
  }

  /** The stored result for `key`, or undefined. */
  get(key) {
    if (!this.file) return undefined;
    const v = this._entries.get(key);
    if (v !== undefined) {
      // Most recently used last, so eviction drops the oldest.
      this._entries.delete(key);
      this._entries.set(key, v);
    }
    return v;
  }

  set(key, value) {
    if (!this.file) return;
    this._entries.set(key, value);
    this._dirty = true;
  }

  /** Writes the cache back if anything changed; failures are ignored (the cache is an optimisation). */
  async save() {
    if (!this.file || !this._dirty) return;
    const all = [...this._entries];
    const entries = all.length > MAX_ENTRIES ? all.slice(all.length - MAX_ENTRIES) : all;
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      await fs.promises.writeFile(tmp, this._api.encodeRecord({ stamp: this._stamp, entries }));
      await fs.promises.rename(tmp, this.file);
      this._dirty = false;
    } catch {
      await fs.promises.rm(tmp, { force: true }).catch(() => {});
    }
  }
}

module.exports = { CheckCache, cacheDir };
