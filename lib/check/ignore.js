'use strict';
// Which paths the walk skips, with the defaults of ripgrep's `ignore` crate
// (WalkBuilder), which the native walker uses, so both walk the same files:
// `.ignore` files in every folder; `.gitignore` files, `.git/info/exclude`
// and git's global excludes file only inside a git repository (the crate's
// `require_git`), `.gitignore` files no higher than the repository root;
// nested files apply below their own folder. Patterns are matched by the
// maintained `ignore` package (git's own gitignore semantics).
//
// Precedence, as in the crate: `.ignore` beats `.gitignore` beats
// `.git/info/exclude` beats the global file; within one kind the deepest
// folder whose file says anything about the path decides, and within one
// file the last matching pattern (negations included).

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ignore = require('ignore');

/**
 * What the rules say about `rel` itself. The package's public test() also
 * reports a path as ignored when a folder above it is (git's reading); the
 * crate matches each path alone, and it matters when a folder is entered
 * anyway (a walk started inside an ignored folder, or one a higher-precedence
 * file re-includes). So the package's own per-path rule test answers, when
 * this version has it (`ignore` is pinned; __test__/once/walk.test.js
 * compares the walk with ripgrep's), else test().
 */
function ownMatch(matcher, rel) {
  const rules = matcher._rules;
  return rules && typeof rules.test === 'function' ? rules.test(rel, 'regex') : matcher.test(rel);
}

const usable = (matcher) => {
  try {
    // The package compiles a rule's regex on first use: one probe compiles them all.
    ownMatch(matcher, '\u0000probe');
    return true;
  } catch {
    return false;
  }
};

/**
 * A matcher for the rules of `text`. A rule whose regex V8 refuses (a
 * pattern of many kilobytes, say) would throw in the middle of the walk, so
 * when the whole file does not compile, the rules that do are kept, one by one.
 */
function compile(text) {
  const all = ignore({ allowRelativePaths: true }).add(text);
  return usable(all) ? all : compileEach(text);
}

/** A matcher for the rules of `text` that compile, each tried alone. */
function compileEach(text) {
  const kept = text.split(/\r?\n/).filter((line) => usable(ignore({ allowRelativePaths: true }).add(line)));
  return ignore({ allowRelativePaths: true }).add(kept);
}

/** A gitignore-format file's rules, bound to the folder its paths are relative to. */
class IgnoreFile {
  /** @param {string} base absolute folder @param {string} text */
  constructor(base, text) {
    this.base = base;
    this.text = text;
    this.matcher = compile(text);
  }

  /**
   * What this file says about `full`: 'ignore', 'whitelist' (a negation
   * matched it) or null (nothing).
   * @param {string} full absolute path @param {boolean} isDir
   */
  match(full, isDir) {
    const rel = path.relative(this.base, full);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    const posix = rel.split(path.sep).join('/');
    const key = isDir ? `${posix}/` : posix;
    let r;
    try {
      r = ownMatch(this.matcher, key);
    } catch {
      // A rule the probe did not reach does not compile: keep the ones that do.
      this.matcher = compileEach(this.text);
      r = ownMatch(this.matcher, key);
    }
    return r.ignored ? 'ignore' : r.unignored ? 'whitelist' : null;
  }
}

/** The file at `file` as an IgnoreFile for `base`, or null when there is none. */
async function readIgnoreFile(base, file) {
  try {
    return new IgnoreFile(base, await fs.promises.readFile(file, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The git folder `.git` in `dir` stands for: the folder itself, or for a
 * worktree or submodule (`.git` is a file saying `gitdir: X`) the common
 * folder holding `info/exclude`. Null when `dir` has no `.git`.
 */
async function gitDirOf(dir) {
  const dotGit = path.join(dir, '.git');
  const st = await fs.promises.stat(dotGit).catch(() => null);
  if (!st) return null;
  if (st.isDirectory()) return dotGit;
  try {
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(await fs.promises.readFile(dotGit, 'utf8'));
    if (!m) return dotGit;
    const gitdir = path.resolve(dir, m[1]);
    const common = await fs.promises.readFile(path.join(gitdir, 'commondir'), 'utf8').catch(() => null);
    return common ? path.resolve(gitdir, common.trim()) : gitdir;
  } catch {
    return dotGit;
  }
}

/**
 * What one folder contributes: its `.ignore` and `.gitignore`, and when it
 * is a repository root, the repository's `info/exclude`.
 * @typedef {{dir: string, ignoreFile: IgnoreFile | null, gitignore: IgnoreFile | null,
 *   exclude: IgnoreFile | null, hasGit: boolean}} Level
 */

/** @returns {Promise<Level>} */
async function loadLevel(dir) {
  const [ignoreFile, gitignore, gitDir] = await Promise.all([
    readIgnoreFile(dir, path.join(dir, '.ignore')),
    readIgnoreFile(dir, path.join(dir, '.gitignore')),
    gitDirOf(dir),
  ]);
  const exclude = gitDir ? await readIgnoreFile(dir, path.join(gitDir, 'info', 'exclude')) : null;
  return { dir, ignoreFile, gitignore, exclude, hasGit: gitDir !== null };
}

/**
 * The value of `core.excludesFile` in one git config text, as the crate
 * reads it (any `excludesfile = value` line; a leading `~` is the home folder).
 */
function excludesFileOf(text, home) {
  const m = /^[ \t]*excludesfile[ \t]*=[ \t]*("(?:[^"\\]|\\.)*"|\S+)/im.exec(text);
  if (!m) return null;
  let value = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/\\(.)/g, '$1') : m[1];
  if (value === '~' || value.startsWith('~/')) value = path.join(home, value.slice(1));
  return value;
}

/**
 * Where git's global excludes file is: `core.excludesFile` from
 * ~/.gitconfig, else from $XDG_CONFIG_HOME/git/config, else
 * $XDG_CONFIG_HOME/git/ignore ($XDG_CONFIG_HOME defaults to ~/.config).
 * @param {NodeJS.ProcessEnv} env
 */
function globalExcludesPath(env = process.env) {
  const home = env.HOME || os.homedir();
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config');
  for (const config of [path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config')]) {
    let text;
    try {
      text = fs.readFileSync(config, 'utf8');
    } catch {
      continue;
    }
    const file = excludesFileOf(text, home);
    if (file) return file;
  }
  return path.join(xdg, 'git', 'ignore');
}

/** The global excludes' rules, as text (empty when there is no such file). */
function globalExcludesText(env = process.env) {
  try {
    return fs.readFileSync(globalExcludesPath(env), 'utf8');
  } catch {
    return '';
  }
}

/**
 * The ignore rules in force in one folder during a walk: the folder's own
 * level and its parent scope (up to the filesystem root).
 */
class Scope {
  /**
   * @param {Level} level
   * @param {Scope | null} parent
   * @param {{text: string, byRoot: Map<string, IgnoreFile>}} global the global
   *   excludes file's rules, and their matcher per repository root (shared by the walk)
   */
  constructor(level, parent, global) {
    this.level = level;
    this.parent = parent;
    this.global = global;
    /** The nearest enclosing repository root, if any. */
    this.gitRoot = level.hasGit ? level.dir : parent ? parent.gitRoot : null;
  }

  /** The scope of sub-folder `dir` (its ignore files read). */
  async child(dir) {
    return new Scope(await loadLevel(dir), this, this.global);
  }

  /** The global excludes as matched in this scope's repository (paths relative to its root). */
  globalFile() {
    let file = this.global.byRoot.get(this.gitRoot);
    if (!file) this.global.byRoot.set(this.gitRoot, (file = new IgnoreFile(this.gitRoot, this.global.text)));
    return file;
  }

  /** Whether the walk skips `full` (a folder when `isDir`). */
  isIgnored(full, isDir) {
    let mIgnore = null;
    let mGit = null;
    let mExclude = null;
    let sawGit = false;
    const anyGit = this.gitRoot !== null;
    for (let s = this; s; s = s.parent) {
      const { ignoreFile, gitignore, exclude, hasGit } = s.level;
      if (mIgnore === null && ignoreFile) mIgnore = ignoreFile.match(full, isDir);
      if (anyGit && !sawGit) {
        if (mGit === null && gitignore) mGit = gitignore.match(full, isDir);
        if (mExclude === null && exclude) mExclude = exclude.match(full, isDir);
      }
      sawGit = sawGit || hasGit;
    }
    let m = mIgnore ?? mGit ?? mExclude;
    if (m === null && anyGit && this.global.text) m = this.globalFile().match(full, isDir);
    return m === 'ignore';
  }
}

/**
 * The scope of a walk's root folder `dir`: the ignore files of `dir` and of
 * every folder above it (the crate's `parents(true)`).
 * @param {string} dir absolute
 * @param {NodeJS.ProcessEnv} [env] where HOME and XDG_CONFIG_HOME come from
 */
async function scopeFor(dir, env = process.env) {
  const chain = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d);
    if (path.dirname(d) === d) break;
  }
  const levels = await Promise.all(chain.map(loadLevel));
  const global = { text: globalExcludesText(env), byRoot: new Map() };
  let scope = null;
  for (const level of levels) scope = new Scope(level, scope, global);
  return scope;
}

module.exports = { IgnoreFile, Scope, scopeFor, globalExcludesPath, excludesFileOf };
