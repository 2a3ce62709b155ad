'use strict';
// Enough of .gitignore for the walk to skip what a project ignores (build
// output such as wasm-build/pkg/): comments, `!` negation, trailing-slash
// directory patterns, patterns anchored by a slash, `*`, `?`, `**` and
// `[...]`. Each file's patterns apply below its own folder; the last match
// wins. An ignored folder is not entered, so nothing inside it can be
// re-included (as in git).

const fs = require('node:fs');
const path = require('node:path');

/** A gitignore glob as a regex source over a slash-separated path. */
function globSource(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < glob.length) out += `\\${glob[++i]}`;
    else out += /[.+^${}()|\]\\/]/.test(c) ? `\\${c}` : c;
  }
  return out;
}

/**
 * The rules of one .gitignore text.
 * @returns {{negate: boolean, dirOnly: boolean, re: RegExp}[]}
 */
function parseIgnore(text) {
  const rules = [];
  for (let line of text.split(/\r?\n/)) {
    line = line.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.startsWith('\\')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.slice(0, -1);
    // A slash anywhere but the end anchors the pattern to the file's folder.
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    if (line === '') continue;
    try {
      rules.push({ negate, dirOnly, re: new RegExp(`^${anchored ? '' : '(?:.*/)?'}${globSource(line)}$`) });
    } catch {
      // A pattern we cannot translate is skipped, not fatal.
    }
  }
  return rules;
}

/**
 * The rules a folder adds (its .gitignore), bound to that folder.
 * @returns {Promise<{base: string, rules: ReturnType<typeof parseIgnore>} | null>}
 */
async function loadIgnore(dir) {
  try {
    return { base: dir, rules: parseIgnore(await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8')) };
  } catch {
    return null;
  }
}

/**
 * The .gitignore scopes that apply inside `dir`: those of its ancestors up
 * to the repository root (the folder holding `.git`) and its own.
 */
async function ignoresFor(dir) {
  const chain = [];
  for (let d = dir; ; d = path.dirname(d)) {
    chain.unshift(d);
    if (fs.existsSync(path.join(d, '.git')) || path.dirname(d) === d) break;
  }
  return (await Promise.all(chain.map(loadIgnore))).filter(Boolean);
}

/** Whether `full` (a file, or a folder when `isDir`) is ignored by `scopes`. */
function isIgnored(scopes, full, isDir) {
  let ignored = false;
  for (const { base, rules } of scopes) {
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (rel.startsWith('..')) continue;
    for (const r of rules) if ((!r.dirOnly || isDir) && r.re.test(rel)) ignored = !r.negate;
  }
  return ignored;
}

module.exports = { parseIgnore, ignoresFor, loadIgnore, isIgnored };
