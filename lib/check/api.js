'use strict';
// `check(paths, opts)` of the public API: the report `cfn-accel check
// --json` prints, as an object, for pipelines that run in-process.

const path = require('node:path');
const args = require('../args');
const { typeError, rangeError } = require('../errors');

/** `paths` as a non-empty list of non-empty strings (one string is a list of one). */
function pathList(paths) {
  const list = typeof paths === 'string' ? [paths] : paths;
  if (!Array.isArray(list)) throw typeError('paths', 'a string or an array of strings', paths);
  if (list.length === 0) throw rangeError('paths', 'must name at least one file or folder');
  list.forEach((p, i) => {
    if (typeof p !== 'string') throw typeError(`paths[${i}]`, 'a string', p);
    if (p === '') throw rangeError(`paths[${i}]`, 'must not be empty');
  });
  return list;
}

/** The options, checked: `{cwd, cache, cacheDir}` as checkPaths takes them. */
function checkOptions(opts) {
  const o = args.options(opts, 'check options');
  const cwd = o.cwd === undefined ? process.cwd() : path.resolve(args.string(o.cwd, 'check options.cwd'));
  if (o.cache !== undefined && typeof o.cache !== 'boolean') throw typeError('check options.cache', 'a boolean', o.cache);
  const cacheDir = o.cacheDir === undefined ? undefined : path.resolve(cwd, args.string(o.cacheDir, 'check options.cacheDir'));
  return { cwd, cache: o.cache !== false, cacheDir };
}

/**
 * Checks `paths` as `cfn-accel check --json` does (run from `opts.cwd`)
 * and resolves to the same report. Argument errors reject with
 * ERR_CFN_INVALID_ARG.
 * @param {object} api the public API
 * @param {string | string[]} paths
 * @param {{cwd?: string, cache?: boolean, cacheDir?: string}} [opts]
 */
async function check(api, paths, opts) {
  const list = pathList(paths);
  const o = checkOptions(opts);
  const { checkPaths } = require('./index');
  const { jsonReport } = require('../cli/report');
  const { version } = require('../../package.json');
  return jsonReport(await checkPaths(api, list, o), o.cwd, api.backend, version);
}

module.exports = { check };
