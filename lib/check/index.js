'use strict';
// The post-edit check behind `cfn-accel check` and `cfn-accel hook`: picks
// the rules by file extension, runs them (or answers from the content-hash
// cache), and adds what depends on the disk rather than the content
// (whether Markdown's local link targets exist).

const fs = require('node:fs');
const { version } = require('../../package.json');
const { diagnostic, sortDiagnostics } = require('./diagnostic');
const { collectFiles, pool } = require('./walk');
const { CheckCache, cacheDir: defaultCacheDir } = require('./cache');
const { PackageTypes } = require('./source-type');
const { kindOf } = require('./kind');
const { Configs } = require('./config');
const { checkLinks, anchorReader } = require('./links');
const { applySuppressions } = require('./rules/suppress');

/** Bump when a rule changes what it reports: cached results from before are dropped. */
const RULES_VERSION = 4;
const FILE_CONCURRENCY = 16;
const MAX_FILE_BYTES = 16 * 1024 * 1024;
const BINARY_SNIFF = 8000;

/**
 * The content-only findings for `text` (the file at `file`) checked as
 * `kind`: the backend's rules (Rust on native and wasm, lib/check/rules on
 * js), with the local link targets still to be looked up on disk.
 * @param {object} api
 * @param {string} text
 * @param {string} file
 * @param {string} kind
 * @param {string} [sourceType]
 * @returns {import('./rules').Analysis}
 */
function analyze(api, text, file, kind, sourceType) {
  return JSON.parse(api._backend.checkText(text, file, kind, sourceType));
}

/**
 * @typedef {object} FileResult
 * @property {string} path absolute
 * @property {string} kind
 * @property {boolean} cached whether the content-derived part came from the cache
 * @property {import('./diagnostic').Diagnostic[]} diagnostics
 */

/** Checks one file. @returns {Promise<FileResult>} */
async function checkFile(
  api,
  cache,
  file,
  packageTypes = new PackageTypes(),
  anchorsOf = anchorReader((t, f) => analyze(api, t, f, 'markdown')),
  configs = new Configs(),
) {
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
    found = analyze(api, bytes.toString('utf8'), file, kind, sourceType);
    cache.set(key, found);
  }
  // Link findings come after the analysis (they need the disk), so inline
  // markers are applied to them here.
  const linkFindings = applySuppressions(bytes.toString('utf8'), await checkLinks(file, found, anchorsOf));
  const diagnostics = found.diagnostics.concat(linkFindings);
  const config = configs.forFile(file);
  return { path: file, kind, cached, diagnostics: sortDiagnostics(config ? config.apply(file, diagnostics) : diagnostics) };
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
  const configs = new Configs();
  // Files a project file ignores are not checked, named or walked.
  const checked = files.filter((f) => {
    const config = configs.forFile(f);
    return !(config && config.ignores(f));
  });
  const anchorsOf = anchorReader((text, file) => analyze(api, text, file, 'markdown'));
  await pool(checked.slice(), FILE_CONCURRENCY, async (file) => {
    results.push(await checkFile(api, store, file, packageTypes, anchorsOf, configs));
  });
  await store.save();
  results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  const summary = { files: checked.length, cached: 0, errors: 0, warnings: 0 };
  for (const r of results) {
    if (r.cached) summary.cached++;
    for (const d of r.diagnostics) summary[d.severity === 'error' ? 'errors' : 'warnings']++;
  }
  return { files: results, summary };
}

module.exports = { checkPaths, checkFile, analyze, kindOf, RULES_VERSION };
