'use strict';
// The public API, written once over the backend interface (the primitives in
// backends/guard.js). Everything here is argument checking, result shaping
// and the few operations that V8 itself does best on every backend.

// node:crypto and the js backend load on first use: requiring the package
// with the native backend must stay cheap.
const lazy = (load) => {
  let value;
  return () => (value === undefined ? (value = load()) : value);
};
const nodeCrypto = lazy(() => require('node:crypto'));
const jsBackend = lazy(() => require('./backends/js'));
const args = require('./args');
const { cfnError, typeError, rangeError, normalize } = require('./errors');
const { adaptive } = require('./dispatch');
const { triple, isMusl } = require('./platform');
const { version } = require('../package.json');

const AGG_FIELDS = ['count', 'dropped', 'sum', 'min', 'max', 'mean', 'stddev', 'p50', 'p90', 'p95', 'p99'];

/** Turns the flat aggregate vector of a backend into the named result. */
function namedAggregate(v) {
  const out = {};
  for (let i = 0; i < AGG_FIELDS.length; i++) {
    const x = v[i];
    out[AGG_FIELDS[i]] = Number.isNaN(x) ? null : x;
  }
  return out;
}

const LANG_BY_EXT = { js: 'js', jsx: 'jsx', mjs: 'mjs', cjs: 'cjs', ts: 'ts', mts: 'mts', cts: 'cts', tsx: 'tsx' };
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

/** The parser language for a path's extension (`d.ts` for declaration files), or undefined. */
function langOfPath(p) {
  if (DECLARATION_FILE.test(p)) return 'd.ts';
  const dot = p.lastIndexOf('.');
  return dot < 0 ? undefined : LANG_BY_EXT[p.slice(dot + 1).toLowerCase()];
}

const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;

// A surrogate anywhere in a string. On a one-byte (Latin-1) string V8's
// regexp compiler sees this class cannot match and fails without a scan.
const SURROGATE = /[\ud800-\udfff]/;

/** -1, 0 or 1 comparing `a` and `b` by Unicode code point. */
function compareCodePoints(a, b) {
  // Code point order differs from UTF-16 unit order only where a surrogate
  // meets U+E000..U+FFFF at the first difference: without a surrogate on
  // either side, V8's own compare (memcmp speed) is the answer.
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a === b ? 0 : 1;
  return compareUnitsByCodePoint(a, b);
}

/** compareCodePoints by walking the units, for strings holding surrogates. */
function compareUnitsByCodePoint(a, b) {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  // UTF-16 unit order differs from code point order around surrogates. A
  // shared high surrogate starts a pair only where a low surrogate follows
  // it: then step back onto it and compare whole code points. A lone high
  // surrogate followed by another character is a code point of its own.
  const prev = i > 0 ? a.charCodeAt(i - 1) : 0;
  if (prev >= 0xd800 && prev <= 0xdbff && (isLowSurrogate(a.charCodeAt(i)) || isLowSurrogate(b.charCodeAt(i)))) i--;
  return a.codePointAt(i) < b.codePointAt(i) ? -1 : 1;
}

/** Whether `s` has no lone surrogate (String#isWellFormed is Node 20+). */
const isWellFormed =
  typeof String.prototype.isWellFormed === 'function' ? (s) => s.isWellFormed() : (s) => !/\p{Cs}/u.test(s);

function v8AcceptsRegex(pattern, flags) {
  try {
    new RegExp(pattern, flags); // eslint-disable-line no-new
    return true;
  } catch {
    return false;
  }
}

let vFlag;
/** Whether this Node's V8 knows the `v` flag (Node 20 does, Node 18 not). */
const v8HasVFlag = () => (vFlag === undefined ? (vFlag = v8AcceptsRegex('', 'v')) : vFlag);

let fatalDecoder;
const utf8Fatal = () => fatalDecoder || (fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }));

/** The SyntaxError of parseJSON, with the checker's position when it has one. */
function syntaxError(where, fallback) {
  if (!where) return cfnError('ERR_CFN_SYNTAX', fallback, SyntaxError);
  return cfnError('ERR_CFN_SYNTAX', `${where.message} at line ${where.line} column ${where.column}`, SyntaxError, {
    line: where.line,
    column: where.column,
    offset: where.offset,
  });
}

/**
 * JSON.stringify with coded errors: V8's RangeError (the text would exceed
 * the longest string, or nesting overflows the stack) is ERR_CFN_LIMIT;
 * its TypeError (a BigInt, a cycle) is ERR_CFN_INVALID_ARG. Anything else
 * was thrown by the value's own toJSON and passes through unchanged.
 */
function stringify(v) {
  try {
    return JSON.stringify(v);
  } catch (e) {
    let coded = e;
    if (e instanceof RangeError) coded = cfnError('ERR_CFN_LIMIT', e.message, RangeError);
    else if (e instanceof TypeError) coded = cfnError('ERR_CFN_INVALID_ARG', e.message, TypeError);
    if (coded !== e) coded.cause = e;
    throw coded;
  }
}

function encodeDigest(buf, opts, name) {
  const { encoding } = args.options(opts);
  if (encoding === undefined || encoding === 'buffer') return buf;
  if (encoding === 'hex' || encoding === 'base64' || encoding === 'base64url') return buf.toString(encoding);
  // A string naming another encoding is the right type with an unusable value.
  if (typeof encoding === 'string') {
    throw rangeError(`${name} options.encoding`, `must be 'hex', 'base64', 'base64url' or 'buffer', got '${encoding}'`);
  }
  throw typeError(`${name} options.encoding`, "'hex', 'base64', 'base64url' or 'buffer'", encoding);
}

/**
 * Builds the public API over a loaded backend (`load()`'s result).
 */
function createApi({ backend, forced, loadErrors }) {
  // Forced backends run everything themselves, so tests exercise them fully.
  const b = forced || backend.name === 'js' ? backend : adaptive(backend, jsBackend);
  // Made on the first envelope: requiring the package stays cheap.
  let newId;
  const makeId = (now) => (newId || (newId = require('./ids').idFactory(() => nodeCrypto().randomBytes(4).toString('hex'))))(now);

  const maxOut = (opts, name) =>
    args.integer(args.options(opts, `${name} options`).maxOutputLength, `${name} options.maxOutputLength`, 0, Number.MAX_SAFE_INTEGER, -1);
  const levelOf = (opts, name, max) =>
    args.integer(args.options(opts, `${name} options`).level, `${name} options.level`, -1, max, -1);

  /** A hash of a string or bytes (the primitives looked up once: these calls take ~100 ns). */
  const hashOf = (strFn, bytesFn) => {
    const [ofString, ofBytes] = [b[strFn], b[bytesFn]];
    return (x, extra) => {
      if (typeof x === 'string') return ofString(x, extra);
      if (args.isBytes(x)) return ofBytes(x, extra);
      throw typeError('s', 'a string, Buffer or Uint8Array', x);
    };
  };
  const [fnv1a32Of, xxh64Of, xxh3Of] = [hashOf('fnv1a32Str', 'fnv1a32'), hashOf('xxh64Str', 'xxh64'), hashOf('xxh3Str', 'xxh3')];

  const checkJSON = (text) => {
    const t = args.textOrBytes(text, 'text');
    const error = typeof t === 'string' ? b.jsonCheckStr(t) : b.jsonCheck(t);
    // V8 may quote half a surrogate pair, which a Rust string holds as U+FFFD:
    // such a message is worded again by the JS checker (same error, exact text).
    if (error && error.message.includes('\ufffd')) error.message = require('./js/json').checkJSON(t).message;
    return { valid: error === null || error === undefined, error: error || null };
  };

  const parseJSON = (text, reviver) => {
    const t = args.textOrBytes(text, 'text');
    let s = t;
    if (typeof t !== 'string') {
      try {
        // Fatal: invalid UTF-8 is a syntax error, never silently U+FFFD. A
        // BOM is kept, so JSON.parse rejects it as every backend does.
        s = utf8Fatal().decode(t);
      } catch {
        throw syntaxError(checkJSON(t).error, 'Invalid UTF-8 in JSON');
      }
    }
    try {
      // V8 builds JS values faster than any boundary crossing could; the
      // backend is asked only where the error is.
      return JSON.parse(s, reviver);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      throw syntaxError(checkJSON(t).error, e.message);
    }
  };

  const langOpt = (opts, name, dflt = 'js') => {
    const { lang = dflt } = args.options(opts, `${name} options`);
    return args.string(lang, `${name} options.lang`);
  };
  const validate = (code, opts) => {
    const { lang = 'js', sourceType } = args.options(opts, 'validate options');
    args.string(lang, 'validate options.lang');
    if (sourceType !== undefined) args.string(sourceType, 'validate options.sourceType');
    const errors = JSON.parse(b.jsValidate(args.string(code, 'code'), lang, sourceType));
    return { valid: errors.length === 0, errors };
  };
  const outline = (code, opts) => JSON.parse(b.jsOutline(args.string(code, 'code'), langOpt(opts, 'outline')));
  // The AST crosses as a tape where the backend writes one (lib/ast-tape.js),
  // else as JSON.
  let readTape;
  const parseAst = (code, lang) => {
    if (readTape === undefined) {
      readTape = typeof b.jsParseTape === 'function' ? require('./ast-tape').tapeReader((c, l, known, registry) => b.jsParseTape(c, l, known, registry)) : null;
    }
    const ast = readTape === null ? undefined : readTape(code, lang);
    return ast === undefined ? JSON.parse(b.jsParse(code, lang)) : ast;
  };
  const parseJavaScript = (code, opts) => {
    const { jsx = false, sourceType = 'unambiguous' } = args.options(opts, 'parseJavaScript options');
    const lang = sourceType === 'module' ? 'mjs' : sourceType === 'commonjs' ? 'cjs' : jsx ? 'jsx' : 'js';
    if (!['module', 'commonjs', 'unambiguous'].includes(sourceType)) {
      throw typeError('parseJavaScript options.sourceType', "'module', 'commonjs' or 'unambiguous'", sourceType);
    }
    return parseAst(args.string(code, 'code'), lang);
  };
  const parseTypeScript = (code, opts) => {
    const { tsx = false } = args.options(opts, 'parseTypeScript options');
    return parseAst(args.string(code, 'code'), tsx ? 'tsx' : 'ts');
  };
  const optimize = (code, opts) => ({ code: b.jsOptimize(args.string(code, 'code'), langOpt(opts, 'optimize')) });
  /** swc's AST as JSON for the core, or why it cannot be one: `[json, why]`. */
  const astJSON = (ast) => {
    if (ast === null || typeof ast !== 'object' || Array.isArray(ast)) return [null, 'not an object'];
    try {
      return [JSON.stringify(ast), null];
    } catch (e) {
      return [null, `not serializable as JSON: ${e.message}`];
    }
  };
  const optimizeAST = (ast) => {
    const [json, why] = astJSON(ast);
    if (why === 'not an object') throw typeError('ast', 'an AST object', ast);
    if (why) throw cfnError('ERR_CFN_INVALID_ARG', `ast ${why}`, TypeError);
    return JSON.parse(b.astOptimize(json));
  };
  const validateAST = (ast) => {
    const [json, unusable] = astJSON(ast);
    const why = unusable ? `at .: ${unusable}` : b.astCheck(json);
    if (why === null || why === undefined) return { valid: true, errors: [] };
    // The core says `at <path>: <reason>`, or just the reason for the root.
    const m = /^at (\S+): ([\s\S]*)$/.exec(why);
    return { valid: false, errors: [m ? { message: m[2], path: m[1] } : { message: why, path: '.' }] };
  };
  const validateFiles = async (paths, opts) => {
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) {
      throw typeError('paths', 'an array of strings', paths);
    }
    const { lang } = args.options(opts, 'validateFiles options');
    if (lang !== undefined) args.string(lang, 'validateFiles options.lang');
    const shape = (path, errors, failure) =>
      failure ? { path, valid: false, errors: [], error: failure } : { path, valid: errors.length === 0, errors, error: null };
    if (typeof b.validateFiles === 'function') {
      let reports;
      try {
        reports = await b.validateFiles(paths, lang);
      } catch (e) {
        throw normalize(e);
      }
      return reports.map((r) => shape(r.path, r.errors ? JSON.parse(r.errors) : [], r.failure));
    }
    const fsp = require('node:fs/promises');
    return Promise.all(
      paths.map(async (p) => {
        const l = lang || langOfPath(p);
        if (!l) return shape(p, [], 'not a JavaScript or TypeScript file (by extension)');
        let text;
        try {
          const buf = await fsp.readFile(p);
          text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
        } catch (e) {
          return shape(p, [], e instanceof TypeError ? 'not valid UTF-8' : `cannot read: ${e.message}`);
        }
        return shape(p, JSON.parse(b.jsValidate(text, l)));
      }),
    );
  };

  const validateRegex = (pattern, flags = '') => {
    args.string(pattern, 'pattern');
    args.string(flags, 'flags');
    // The bindings receive UTF-8, where a lone surrogate arrives as U+FFFD,
    // which changes the answer for a range with such an end ([\uDBFF-\uD800]
    // as literal units). Such patterns are rare: V8 answers them itself.
    if (!isWellFormed(pattern)) return v8AcceptsRegex(pattern, flags);
    // The core knows the current grammar; on a Node whose V8 predates the
    // `v` flag, `new RegExp` (the contract) rejects it.
    if (flags.includes('v') && !v8HasVFlag()) return false;
    const why = b.regexCheck(pattern, flags);
    return why === null || why === undefined;
  };

  const codec = (enc, dec, maxLevel) => [
    (data, opts) => b[enc](args.bytesOf(data, 'data'), levelOf(opts, enc, maxLevel)),
    (data, opts) => b[dec](args.strictBytes(data, 'data'), maxOut(opts, dec)),
  ];
  const [gzip, gunzip] = codec('gzip', 'gunzip', 9);
  const [deflate, inflate] = codec('deflate', 'inflate', 9);
  const [brotli, unbrotli] = codec('brotli', 'unbrotli', 11);

  const stringOps = {
    fastHash: fnv1a32Of,
    xxh64: (s, seed) => xxh64Of(s, args.seed64(seed)),
    xxh3: xxh3Of,
    fastCompare: (a, b2) => compareCodePoints(args.string(a, 'a'), args.string(b2, 'b')),
    fastSearch(hay, needle, from = 0) {
      const start = Math.max(0, args.integer(from, 'from', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 0));
      if (typeof hay === 'string') return hay.indexOf(args.string(needle, 'needle'), start);
      return b.bytesFind(args.strictBytes(hay, 'hay'), args.bytesOf(needle, 'needle'), Math.min(start, 0xffffffff));
    },
    fastReplace(s, pattern, repl) {
      args.string(s, 's');
      args.string(pattern, 'pattern');
      args.string(repl, 'repl');
      return s.replaceAll(pattern, () => repl); // a function: no `$` patterns
    },
    fastJSONStringify: stringify,
    createEnvelope(message, metadata, sender) {
      if (typeof sender !== 'string' || sender.length === 0) throw typeError('sender', 'a non-empty string', sender);
      const meta = args.options(metadata, 'metadata');
      const timestamp = Date.now();
      return { id: makeId(timestamp), sender, timestamp, message, metadata: meta };
    },
  };

  const memoryOps = {
    fastCopy(src, dest, len) {
      args.strictBytes(src, 'src');
      args.strictBytes(dest, 'dest');
      const n = Math.min(args.integer(len, 'len', 0, Number.MAX_SAFE_INTEGER, src.length), src.length, dest.length);
      dest.set(n === src.length ? src : src.subarray(0, n));
      return n;
    },
    fastCompare: (a, b2) => b.bytesCompare(args.strictBytes(a, 'a'), args.strictBytes(b2, 'b')),
    compress: (data) => b.lz4Compress(args.bytesOf(data, 'data')),
    decompress: (data, opts) => b.lz4Decompress(args.strictBytes(data, 'data'), maxOut(opts, 'decompress')),
    aggregateMetrics(values) {
      let v = values;
      if (!(v instanceof Float64Array)) {
        if (!Array.isArray(v) && !ArrayBuffer.isView(v)) throw typeError('values', 'an array of numbers or a typed array', v);
        v = Float64Array.from(v, (x) => (typeof x === 'number' ? x : NaN));
      }
      return namedAggregate(b.aggregate(v));
    },
  };

  const cryptoOps = {
    hashSHA256: (d, opts) => encodeDigest(b.sha256(args.bytesOf(d, 'data')), opts, 'hashSHA256'),
    hashMD5: (d, opts) => encodeDigest(b.md5(args.bytesOf(d, 'data')), opts, 'hashMD5'),
    encrypt: (data, key) =>
      b.aesGcmSeal(args.strictBytes(key, 'key'), nodeCrypto().randomBytes(12), args.bytesOf(data, 'data')),
    decrypt: (data, key) => b.aesGcmOpen(args.strictBytes(key, 'key'), args.strictBytes(data, 'data')),
  };

  const validation = {
    validateJavaScript: validate,
    validateJSON: (text) => checkJSON(text).valid,
    checkJSON,
    validateRegex,
  };

  const capabilities = () => {
    const t = triple();
    return {
      native: backend.name === 'native',
      wasm: backend.name === 'wasm' || wasmAvailable(),
      simd: backend.name === 'native' && (process.arch === 'x64' || process.arch === 'arm64'),
      threads: Boolean(backend.hasThreads()),
      platform: process.platform,
      arch: process.arch,
      libc: process.platform === 'linux' ? (isMusl() ? 'musl' : 'glibc') : null,
      triple: t,
      version,
    };
  };

  const api = {
    backend: backend.name,
    loadErrors: loadErrors.slice(),
    capabilities,
    stringOps,
    astParser: { parseJSON, parseJavaScript, parseTypeScript, validate, outline, optimize, optimizeAST, validateAST },
    validateFiles,
    memoryOps,
    crypto: cryptoOps,
    validation,
    compression: { gzip, gunzip, deflate, inflate, brotli, unbrotli },
    // Loaded on first use: requiring the package does not pay for the check's rules.
    check: (paths, opts) => require('./check/api').check(api, paths, opts),
    /** Internal: the primitives as routed (for tests and benchmarks). */
    _backend: b,
  };
  // The call-site helpers (records, envelopes, StatsWindow, ...) over it.
  return require('./callsites').extend(api);
}

let wasmChecked;
/** Whether the wasm build is present (checked once, without loading it). */
function wasmAvailable() {
  if (wasmChecked === undefined) {
    const path = require('node:path');
    wasmChecked = require('node:fs').existsSync(path.join(__dirname, '..', 'wasm-build', 'pkg', 'cfn_accel_wasm_bg.wasm'));
  }
  return wasmChecked;
}

module.exports = { createApi, compareCodePoints, langOfPath };
