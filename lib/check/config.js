'use strict';
// The project file `.cfn-accel.json`: path- and rule-level settings for
// `check` and `hook` (format and rules in cli/src/config.rs, its Rust
// twin). The nearest one from a file's folder upward applies; patterns are
// gitignore patterns (the `ignore` package) relative to its folder.

const fs = require('node:fs');
const path = require('node:path');
const ignore = require('ignore');
const { diagnostic } = require('./diagnostic');

const FILE_NAME = '.cfn-accel.json';
const SETTINGS = new Set(['error', 'warning', 'off']);
const KEYS = new Set(['ignore', 'rules', 'overrides', '$schema']);

function patterns(list, what) {
  if (list === undefined) return null;
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) throw new Error(`${what} must be an array of strings`);
  return ignore().add(list);
}

function settings(obj, what) {
  if (obj === undefined) return [];
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new Error(`${what} must be an object of rule: "error" | "warning" | "off"`);
  }
  return Object.entries(obj).map(([rule, s]) => {
    if (!SETTINGS.has(s)) throw new Error(`${what}.${rule} must be "error", "warning" or "off"`);
    return [rule, s];
  });
}

/** One loaded project file. */
class Config {
  constructor(file, text) {
    this.file = file;
    this.dir = path.dirname(file);
    try {
      let v;
      try {
        v = JSON.parse(text);
      } catch (e) {
        throw new Error(`not JSON: ${e.message}`);
      }
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error('not a JSON object');
      for (const key of Object.keys(v)) {
        if (!KEYS.has(key)) throw new Error(`unknown key '${key}' (known: ignore, rules, overrides)`);
      }
      if (v.overrides !== undefined && !Array.isArray(v.overrides)) throw new Error('overrides must be an array');
      this.ignore = patterns(v.ignore, 'ignore');
      this.rules = settings(v.rules, 'rules');
      this.overrides = (v.overrides || []).map((o, i) => [
        patterns(o && o.files, `overrides[${i}].files`),
        settings(o && o.rules, `overrides[${i}].rules`),
      ]);
      this.problem = null;
    } catch (e) {
      this.problem = e.message;
      this.ignore = null;
      this.rules = [];
      this.overrides = [];
    }
  }

  _matches(set, file) {
    const rel = path.relative(this.dir, file).split(path.sep).join('/');
    return Boolean(set) && rel !== '' && !rel.startsWith('..') && set.ignores(rel);
  }

  /** Whether `file` (absolute) is not to be checked. */
  ignores(file) {
    return this._matches(this.ignore, file);
  }

  /** `list` (diagnostics of `file`) with the settings applied. */
  apply(file, list) {
    if (this.problem) return [...list, diagnostic('warning', 'config', `${this.file} ignored: ${this.problem}`)];
    const effective = new Map(this.rules);
    for (const [files, rules] of this.overrides) if (this._matches(files, file)) for (const [r, s] of rules) effective.set(r, s);
    if (effective.size === 0) return list;
    const out = [];
    for (const d of list) {
      const s = effective.get(d.rule);
      if (s === 'off') continue;
      out.push(s ? { ...d, severity: s } : d);
    }
    return out;
  }
}

/** Project files found so far, by folder. */
class Configs {
  constructor() {
    /** @type {Map<string, Config | null>} */
    this._byDir = new Map();
  }

  /** The project file that applies to files in `dir` (absolute), or null. */
  forDir(dir) {
    if (this._byDir.has(dir)) return this._byDir.get(dir);
    const candidate = path.join(dir, FILE_NAME);
    let found = null;
    let text;
    try {
      if (fs.statSync(candidate).isFile()) text = fs.readFileSync(candidate, 'utf8');
    } catch {
      // None here.
    }
    if (text !== undefined) found = new Config(candidate, text);
    else {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.forDir(parent);
    }
    this._byDir.set(dir, found);
    return found;
  }

  /** The project file that applies to `file` (absolute), or null. */
  forFile(file) {
    return this.forDir(path.dirname(file));
  }
}

module.exports = { Configs, FILE_NAME };
