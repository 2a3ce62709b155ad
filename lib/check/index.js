'use strict';
// The post-edit check behind `cfn-accel check` and `cfn-accel hook`: picks
// the rules by file extension, runs them (or answers from the content-hash
// cache), and adds what depends on the disk rather than the content
// (whether Markdown's local link targets exist).

const fs = require('node:fs');
const path = require('node:path');
const { version } = require('../../package.json');
const { langOfPath } = require('../api');
const { diagnostic, sortDiagnostics } = require('./diagnostic');
const { collectFiles, pool } = require('./walk');
const { CheckCache, cacheDir: defaultCacheDir } = require('./cache');
const { PackageTypes } = require('./source-type');
const { analyzeNotebook } = require('./notebook');
const { checkJavaScript } = require('./rules/javascript');
const { checkJSONText } = require('./rules/json');
const { checkMarkdown } = require('./rules/markdown');
const { checkRust } = require('./rules/rust');
const { checkSecurity } = require('./rules/security');

/** Bump when a rule changes what it reports: cached results from before are dropped. */
const RULES_VERSION = 2;
const FILE_CONCURRENCY = 16;
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const BINARY_SNIFF = 8000;

// Kinds besides the JS/TS languages (those come from api.langOfPath).
const BY_EXTENSION = { '.json': 'json', '.md': 'markdown', '.markdown': 'markdown', '.rs': 'rust', '.ipynb': 'notebook' };
const JS_LANGS = new Set(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'd.ts']);
// JSON files that by convention allow comments (JSONC): no strict JSON check.
const JSONC_NAME = /^(?:tsconfig|jsconfig)(?:\..*)?\.json$/;
/**
 * What a file is checked as: a JS/TS language (`js`, `jsx`, `mjs`, `cjs`,
 * `ts`, `tsx`, `mts`, `cts`, `d.ts`), `json`, `markdown`, `rust`, `notebook` (each
 * cell on its own, see ./notebook.js), or `text` (security scan only).
 * @param {string} file
 */
function kindOf(file) {
  const base = path.basename(file);
  const kind = langOfPath(base) || BY_EXTENSION[path.extname(base).toLowerCase()] || 'text';
  return kind === 'json' && JSONC_NAME.test(base) ? 'text' : kind;
}

/**
 * The content-only findings for `text` checked as `kind`: diagnostics, and
 * the local link targets still to be looked up on disk.
 * @param {object} api
 * @param {string} text
 * @param {string} kind
 * @returns {{diagnostics: import('./diagnostic').Diagnostic[], links: {target: string, line: number, column: number}[]}}
 */
function analyze(api, text, kind, sourceType) {
  let diagnostics = [];
  let links = [];
  if (JS_LANGS.has(kind)) diagnostics = checkJavaScript(api, text, kind, sourceType);
  else if (kind === 'json') diagnostics = checkJSONText(api, text);
  else if (kind === 'rust') diagnostics = checkRust(text);
  else if (kind === 'markdown') ({ diagnostics, links } = checkMarkdown(text));
  diagnostics.push(...checkSecurity(text));
  return { diagnostics, links };
}

const exists = (p) =>
  fs.promises.access(p).then(
    () => true,
    () => false,
  );

/**
 * @typedef {object} FileResult
 * @property {string} path absolute
 * @property {string} kind
 * @property {boolean} cached whether the content-derived part came from the cache
 * @property {import('./diagnostic').Diagnostic[]} diagnostics
 */

/** Checks one file. @returns {Promise<FileResult>} */
async function checkFile(api, cache, file, packageTypes = new PackageTypes()) {
  const kind = kindOf(file);
  const fail = (severity, rule, message) => ({ path: file, kind, cached: false, diagnostics: [diagnostic(severity, rule, message)] });
  let bytes;
  try {
    const fh = await fs.promises.open(file);
    try {
      // Size first: a huge file is reported, not read into memory.
      const { size } = await fh.stat();
      if (size > MAX_FILE_BYTES) return fail('warning', 'too-large', `not checked: ${size} bytes is over the ${MAX_FILE_BYTES}-byte limit`);
      bytes = await fh.readFile();
    } finally {
      await fh.close();
    }
  } catch (e) {
    return fail('error', 'io', `cannot read: ${e.message}`);
  }
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return { path: file, kind: 'binary', cached: false, diagnostics: [] };

  // The same .js text is a module in one package and CommonJS in another.
  const sourceType = await packageTypes.sourceTypeOf(file, kind);
  const key = cache.key(sourceType ? `${kind}:${sourceType}` : kind, bytes);
  let found = cache.get(key);
  const cached = found !== undefined;
  if (!cached) {
    let text = bytes.toString('utf8');
    // Editors do not count a byte-order mark as a column.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    found = kind === 'notebook' ? analyzeNotebook(api, text, analyze) : analyze(api, text, kind, sourceType);
    cache.set(key, found);
  }
  const diagnostics = found.diagnostics.slice();
  const dir = path.dirname(file);
  for (const link of found.links) {
    if (!(await exists(path.resolve(dir, link.target)))) {
      diagnostics.push(diagnostic('error', 'md-broken-link', `link target '${link.target}' does not exist`, link.line, link.column));
    }
  }
  return { path: file, kind, cached, diagnostics: sortDiagnostics(diagnostics) };
}

/**
 * Checks files and directories.
 * @param {object} api the public API
 * @param {string[]} paths files or directories
 * @param {{cwd?: string, cache?: boolean, cacheDir?: string}} [opts] `cacheDir` defaults to cache.cacheDir(env, cwd)
 * @returns {Promise<{files: FileResult[], summary: {files: number, cached: number, errors: number, warnings: number}}>}
 */
async function checkPaths(api, paths, { cwd = process.cwd(), cache = true, cacheDir } = {}) {
  const [{ files, missing }, store] = await Promise.all([
    collectFiles(paths, cwd),
    // Parsers word their messages differently per backend: a stamp per backend.
    CheckCache.open(api, {
      enabled: cache,
      dir: cacheDir || defaultCacheDir(process.env, cwd),
      stamp: `${version}+rules.${RULES_VERSION}+${api.backend}`,
    }),
  ]);
  const results = missing.map((m) => ({
    path: m.path,
    kind: 'missing',
    cached: false,
    diagnostics: [diagnostic('error', 'io', m.message)],
  }));
  const packageTypes = new PackageTypes();
  await pool(files.slice(), FILE_CONCURRENCY, async (file) => {
    results.push(await checkFile(api, store, file, packageTypes));
  });
  await store.save();
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const summary = { files: files.length, cached: 0, errors: 0, warnings: 0 };
  for (const r of results) {
    if (r.cached) summary.cached++;
    for (const d of r.diagnostics) summary[d.severity === 'error' ? 'errors' : 'warnings']++;
  }
  return { files: results, summary };
}

module.exports = { checkPaths, checkFile, analyze, kindOf, RULES_VERSION };
