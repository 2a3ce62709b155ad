// Type definitions for cfn-accel. Every export, exact. They stand alone: no
// `@types/node` is needed (README, "TypeScript"), and with it the byte
// results are Node's own Buffer type.

/**
 * Node's `Buffer` where the program has Node's types (`@types/node`), else
 * `Uint8Array`, which every Buffer is. Read off the global `Buffer.alloc`,
 * which only Node's types declare.
 */
export type Buffer = typeof globalThis extends { Buffer: { alloc(size: number, ...rest: any[]): infer B } } ? B : Uint8Array;

/** `process.platform`'s values, as Node documents them. */
export type Platform = 'aix' | 'android' | 'darwin' | 'freebsd' | 'haiku' | 'linux' | 'openbsd' | 'sunos' | 'win32' | 'cygwin' | 'netbsd';

/** Which implementation answered: the napi addon, the wasm build or plain JS. */
export type Backend = 'native' | 'wasm' | 'js';

/** Bytes accepted as input. `Buffer` is a `Uint8Array`. */
export type Bytes = Uint8Array;

/** Why a higher tier was skipped at load. */
export interface LoadError {
  backend: Backend;
  /** `MODULE_NOT_FOUND` (not installed), `ERR_CFN_NATIVE_LOAD` (installed, fails to load), `DISABLED`, ... */
  code: string;
  message: string;
}

export interface Capabilities {
  native: boolean;
  wasm: boolean;
  simd: boolean;
  threads: boolean;
  platform: Platform;
  arch: string;
  libc: 'glibc' | 'musl' | null;
  /** Platform package suffix, e.g. `linux-x64-gnu`; null where none is built. */
  triple: string | null;
  version: string;
}

/** An error thrown by cfn-accel: always has a stable `code`. */
export interface CfnError extends Error {
  code:
    | 'ERR_CFN_INVALID_ARG'
    | 'ERR_CFN_CORRUPT'
    | 'ERR_CFN_LIMIT'
    | 'ERR_CFN_DECRYPT'
    | 'ERR_CFN_SYNTAX'
    | 'ERR_CFN_BACKEND_UNAVAILABLE'
    | 'ERR_CFN_INTERNAL';
}

/** A JSON syntax error (from `astParser.parseJSON`). */
export interface CfnJSONSyntaxError extends SyntaxError {
  code: 'ERR_CFN_SYNTAX';
  line: number;
  column: number;
  offset: number;
}

export interface Envelope<M = unknown, D extends object = Record<string, unknown>> {
  /** Unique; sorts as a string in creation order. */
  id: string;
  sender: string;
  /** `Date.now()` at creation. */
  timestamp: number;
  message: M;
  metadata: D;
}

export interface StringOps {
  /** FNV-1a 32-bit over the UTF-8 bytes, unsigned. */
  fastHash(s: string | Bytes): number;
  /** xxHash64; `seed` is taken modulo 2^64. */
  xxh64(s: string | Bytes, seed?: bigint | number): bigint;
  /** XXH3 64-bit, default secret, seed 0. */
  xxh3(s: string | Bytes): bigint;
  /** -1, 0 or 1 by Unicode code point order. */
  fastCompare(a: string, b: string): -1 | 0 | 1;
  /** First index (UTF-16 units for strings, bytes for buffers) or -1. */
  fastSearch(hay: string, needle: string, from?: number): number;
  fastSearch(hay: Bytes, needle: Bytes | string, from?: number): number;
  /** Replaces every literal occurrence; `$` in `repl` is literal. */
  fastReplace(s: string, pattern: string, repl: string): string;
  /** The same text as `JSON.stringify(v)`. */
  fastJSONStringify(v: unknown): string | undefined;
  createEnvelope<M, D extends object = Record<string, unknown>>(message: M, metadata: D | undefined, sender: string): Envelope<M, D>;
}

export interface Aggregate {
  /** Finite values counted. */
  count: number;
  /** Non-finite values skipped. */
  dropped: number;
  sum: number;
  /** null when count is 0 (as are the fields below). */
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Population standard deviation. */
  stddev: number | null;
  /** Percentiles by linear interpolation between closest ranks. */
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

export interface DecodeOptions {
  /** Output cap in bytes (default 256 MiB); above it `ERR_CFN_LIMIT`. */
  maxOutputLength?: number;
}

export interface MemoryOps {
  /** Copies `min(len ?? src.length, src.length, dest.length)` bytes; returns the count. */
  fastCopy(src: Bytes, dest: Bytes, len?: number): number;
  /** -1, 0 or 1 by byte order, as `Buffer.compare`. */
  fastCompare(a: Bytes, b: Bytes): -1 | 0 | 1;
  /** LZ4 frame (the `lz4` tool's format), with content checksum. */
  compress(data: Bytes | string): Buffer;
  decompress(data: Bytes, options?: DecodeOptions): Buffer;
  aggregateMetrics(values: ArrayLike<number>): Aggregate;
}

export interface DigestOptions {
  encoding?: 'hex' | 'base64' | 'base64url' | 'buffer';
}

export interface CryptoOps {
  hashSHA256(data: Bytes | string): Buffer;
  hashSHA256(data: Bytes | string, options: { encoding: 'hex' | 'base64' | 'base64url' }): string;
  hashSHA256(data: Bytes | string, options?: DigestOptions): Buffer | string;
  hashMD5(data: Bytes | string): Buffer;
  hashMD5(data: Bytes | string, options: { encoding: 'hex' | 'base64' | 'base64url' }): string;
  hashMD5(data: Bytes | string, options?: DigestOptions): Buffer | string;
  /** AES-256-GCM with a 32-byte key: `nonce(12) ‖ ciphertext ‖ tag(16)`. */
  encrypt(data: Bytes | string, key: Bytes): Buffer;
  /** Throws `ERR_CFN_DECRYPT` on a wrong key or tampered data. */
  decrypt(data: Bytes, key: Bytes): Buffer;
}

export interface JSONErrorInfo {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based; UTF-16 units for string input, bytes for byte input. */
  column: number;
  /** 0-based, in the same units as `column`. */
  offset: number;
}

export type JSONCheck = { valid: true; error: null } | { valid: false; error: JSONErrorInfo };

export interface Validation {
  /** Same as `astParser.validate`. */
  validateJavaScript(code: string, options?: ValidateOptions): ValidationResult;
  validateJSON(text: string | Bytes): boolean;
  checkJSON(text: string | Bytes): JSONCheck;
  /** Whether `new RegExp(pattern, flags)` accepts it. */
  validateRegex(pattern: string, flags?: string): boolean;
}

export interface CompressOptions {
  /** gzip/deflate: -1..9 (default 6); brotli: -1..11 (default 11). */
  level?: number;
}

export interface Compression {
  gzip(data: Bytes | string, options?: CompressOptions): Buffer;
  gunzip(data: Bytes, options?: DecodeOptions): Buffer;
  /** zlib format (RFC 1950), as `node:zlib`'s deflate. */
  deflate(data: Bytes | string, options?: CompressOptions): Buffer;
  inflate(data: Bytes, options?: DecodeOptions): Buffer;
  brotli(data: Bytes | string, options?: CompressOptions): Buffer;
  unbrotli(data: Bytes, options?: DecodeOptions): Buffer;
}

/** Source languages by extension; `d.ts` (also `dts`, `d.mts`, `d.cts`) is a declaration file. */
export type Lang =
  | 'js' | 'jsx' | 'mjs' | 'cjs' | 'ts' | 'tsx' | 'mts' | 'cts'
  | 'd.ts' | 'dts' | 'd.mts' | 'd.cts' | 'javascript' | 'typescript';

export interface LangOptions {
  /** Default `js` (module or script decided by content, JSX allowed). */
  lang?: Lang;
}

/**
 * How a file is loaded. `commonjs` is a script inside Node's module wrapper
 * (top-level `return`; `exports`, `require`, `module`, `__filename`,
 * `__dirname` cannot be redeclared with `let`/`const`/`class`).
 * `unambiguous`, for JavaScript, decides as Node 20 does for a `.js` file
 * with no package.json `"type"`: CommonJS unless it only compiles as a
 * module; for TypeScript, a module when it has `import`/`export`.
 */
export type SourceType = 'module' | 'script' | 'commonjs' | 'unambiguous';

export interface ValidateOptions extends LangOptions {
  /** Default: `module` for `mjs`/`mts`, `commonjs` for `cjs`, else `unambiguous`. */
  sourceType?: SourceType;
}

export interface SyntaxDiagnostic {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 units. */
  column: number;
}

export interface ValidationResult {
  valid: boolean;
  errors: SyntaxDiagnostic[];
}

export interface OutlineItem {
  name: string;
  /** 1-based. */
  line: number;
}

export interface OutlineImport extends OutlineItem {
  /** The module specifier. */
  source: string;
}

export interface Outline {
  /** One per imported binding; a bare `import 'm'` has name "". */
  imports: OutlineImport[];
  /** Exported names (`default`, `*`, `export=`, CommonJS `module.exports`, `exports.x`). */
  exports: OutlineItem[];
  /** Top-level functions, including those bound to a variable. */
  functions: OutlineItem[];
  /** Top-level classes, including those bound to a variable. */
  classes: OutlineItem[];
}

export interface ParseJavaScriptOptions {
  jsx?: boolean;
  sourceType?: 'module' | 'commonjs' | 'unambiguous';
}

export interface ParseTypeScriptOptions {
  tsx?: boolean;
}

/** An AST node: swc's shape on native and wasm, Babel's on js. */
export interface AstNode {
  type: string;
  [key: string]: unknown;
}

export interface FileValidation {
  path: string;
  /** false when the file has syntax errors or could not be checked. */
  valid: boolean;
  errors: SyntaxDiagnostic[];
  /** Why the file was not checked (unreadable, not UTF-8, unknown extension), else null. */
  error: string | null;
}

export interface AstParser {
  /** `JSON.parse`, with a `SyntaxError` carrying line and column on bad input. */
  parseJSON(text: string | Bytes, reviver?: (this: any, key: string, value: any) => any): any;
  /** Syntax and early errors (what the engine refuses to load) without building a JS AST; nesting deeper than 256 levels is an error. */
  validate(code: string, options?: ValidateOptions): ValidationResult;
  /** Top-level imports, exports, functions and classes; `ERR_CFN_SYNTAX` if it does not parse. */
  outline(code: string, options?: LangOptions): Outline;
  /** The program's AST (swc's on native/wasm, Babel's on js). */
  parseJavaScript(code: string, options?: ParseJavaScriptOptions): AstNode;
  parseTypeScript(code: string, options?: ParseTypeScriptOptions): AstNode;
  /**
   * Constants folded, dead branches and code after `return`/`throw` removed,
   * unused pure declarations of a module dropped (swc's simplifier; terser on
   * the js backend, which handles JavaScript only). TypeScript input gives
   * JavaScript. `ERR_CFN_SYNTAX` if it does not parse.
   */
  optimize(code: string, options?: LangOptions): OptimizeResult;
  /** The same on swc's AST (from `parseJavaScript`/`parseTypeScript` on native or wasm); an AST of the same shape. */
  optimizeAST(ast: AstNode): AstNode;
  /** Whether `ast` has swc's shape: the first missing or mistyped field and its JSON path. */
  validateAST(ast: unknown): AstValidationResult;
}

export interface OptimizeResult {
  code: string;
}

export interface AstValidationError {
  message: string;
  /** JSON path of the offending field, e.g. `body[0].expression.span`; `.` for the root. */
  path: string;
}

export interface AstValidationResult {
  valid: boolean;
  errors: AstValidationError[];
}

export declare const backend: Backend;
export declare const loadErrors: ReadonlyArray<LoadError>;
export declare function capabilities(): Capabilities;
export declare const stringOps: StringOps;
export declare const astParser: AstParser;
export declare const memoryOps: MemoryOps;
export declare const crypto: CryptoOps;
export declare const validation: Validation;
export declare const compression: Compression;
/** Reads and validates JS/TS files off the JS thread (in parallel on native). */
export declare function validateFiles(paths: string[], options?: LangOptions): Promise<FileValidation[]>;

// ---------------------------------------------------------------------------
// check(): the post-edit check, the report of `cfn-accel check --json`.

/** What a file was checked as. */
export type CheckKind =
  | 'js' | 'jsx' | 'mjs' | 'cjs' | 'ts' | 'tsx' | 'mts' | 'cts' | 'd.ts'
  | 'json' | 'markdown' | 'rust' | 'notebook' | 'text' | 'binary' | 'missing';

/** One finding. */
export interface CheckDiagnostic {
  /** 1-based; 0 when the finding concerns the whole file. */
  line: number;
  /** 1-based, in UTF-16 units; 0 with line 0. */
  column: number;
  severity: 'error' | 'warning';
  /** Stable rule id, e.g. `syntax`, `json`, `rust-todo`, `secret-aws-access-key`, `io`. */
  rule: string;
  message: string;
  /** In a notebook: the cell (1-based position in the notebook); line and column are within it. */
  cell?: number;
}

/** One checked file (or a path that could not be read: kind `missing`). */
export interface CheckedFile {
  /** As the CLI prints it: relative to `cwd` when inside it, else absolute. */
  path: string;
  kind: CheckKind;
  /** Whether the content's findings came from the content-hash cache. */
  cached: boolean;
  diagnostics: CheckDiagnostic[];
}

/** The report: exactly the document `cfn-accel check --json` prints. */
export interface CheckReport {
  tool: 'cfn-accel';
  version: string;
  backend: Backend;
  /** No errors (warnings alone pass). */
  ok: boolean;
  summary: { files: number; cached: number; errors: number; warnings: number };
  /** Sorted by path. */
  files: CheckedFile[];
}

export interface CheckOptions {
  /** Base of relative paths and of the paths in the report (default `process.cwd()`). */
  cwd?: string;
  /** Read and write the content-hash cache (default true; false is `--no-cache`). */
  cache?: boolean;
  /**
   * The cache's folder (default as the CLI: $CFN_ACCEL_CACHE_DIR, $XDG_CACHE_HOME/cfn-accel,
   * the nearest node_modules/.cache/cfn-accel from `cwd` up, else ~/.cache/cfn-accel).
   */
  cacheDir?: string;
}

/**
 * Checks files and folders as `cfn-accel check --json` run from `options.cwd`
 * does, and resolves to the same report. Rejects with `ERR_CFN_INVALID_ARG`
 * on unusable arguments (no paths, wrong types).
 */
export declare function check(paths: string | readonly string[], options?: CheckOptions): Promise<CheckReport>;

// ---------------------------------------------------------------------------
// Call-site helpers: records, envelopes, StatsWindow, PatternSet,
// WASMRuntimeCoordinator (lib/callsites/).

export interface RecordEncodeOptions {
  /** LZ4-compress the payload when the JSON is longer than this many bytes (default 10240); kept only if smaller. */
  compressAbove?: number;
}

export interface EnvelopeEncodeOptions extends RecordEncodeOptions {
  /** Cap on the serialized JSON in UTF-8 bytes, measured before compression (default 1048576); above it `ERR_CFN_LIMIT`. */
  maxBytes?: number;
}

/**
 * Serializes a JSON value into a versioned, checksummed record (header,
 * payload, xxh64 trailer). `TypeError` (`ERR_CFN_INVALID_ARG`) for values
 * JSON cannot represent.
 */
export declare function encodeRecord(value: unknown, options?: RecordEncodeOptions): Buffer;
/**
 * The value of a record, as `JSON.parse(JSON.stringify(value))` would give it.
 * Any corruption or truncation throws `ERR_CFN_CORRUPT`; a declared length
 * above `maxOutputLength` (default 256 MiB) throws `ERR_CFN_LIMIT`.
 */
export declare function decodeRecord<T = unknown>(buf: Bytes, options?: DecodeOptions): T;
/** Frames an envelope for Redis; `TypeError` for a wrong shape, `ERR_CFN_LIMIT` above `maxBytes`. */
export declare function encodeEnvelope(env: Envelope<unknown, object>, options?: EnvelopeEncodeOptions): Buffer;
/** The envelope in `buf`; `ERR_CFN_CORRUPT` unless intact; `maxOutputLength` defaults to 1 MiB. */
export declare function decodeEnvelope<M = unknown, D extends object = Record<string, unknown>>(
  buf: Bytes,
  options?: DecodeOptions,
): Envelope<M, D>;

export interface WindowSnapshot extends Aggregate {
  /** Failures / records in the window; 0 when empty. */
  failureRate: number;
  capacity: number;
}

/** The latest `capacity` timings and ok flags in fixed memory. */
export declare class StatsWindow {
  /** @param capacity 1 .. 2^24, default 1024 */
  constructor(capacity?: number);
  readonly capacity: number;
  /** Records one call (non-finite `ms` count as `dropped` in the aggregate). */
  record(ms: number, ok?: boolean): void;
  /** Aggregate of the window, oldest to newest, plus failureRate and capacity. */
  snapshot(): WindowSnapshot;
  /** Empties the window. */
  reset(): void;
}

/** A pattern: source text (no flags), a RegExp, or source and flags. `g` is implied; `y` and `d` are ignored. */
export type PatternInput = string | RegExp | { source: string; flags?: string };

export interface PatternHit {
  /** Matches, as `[...text.matchAll(re)].length`. */
  count: number;
  /** First match's UTF-16 index, -1 when none. */
  index: number;
  /** 1-based line of the first match (`\n`, `\r\n`, `\r` end lines), 0 when none. */
  line: number;
  /** 1-based column in UTF-16 units, 0 when none. */
  column: number;
}

/** ECMAScript patterns compiled once; invalid ones throw `ERR_CFN_INVALID_ARG` naming the index. */
export declare class PatternSet {
  constructor(patterns: ReadonlyArray<PatternInput>);
  readonly size: number;
  /** One hit per pattern, in the order given. */
  scan(text: string): PatternHit[];
}

/** The API namespaces `WASMRuntimeCoordinator.execute` runs operations of. */
export interface CoordinatorModules {
  stringOps: StringOps;
  astParser: AstParser;
  memoryOps: MemoryOps;
  crypto: CryptoOps;
  validation: Validation;
  compression: Compression;
}

export interface ExecuteResult<R = unknown> {
  result: R;
  /** Whether a native or wasm backend ran it. */
  accelerated: boolean;
  /** The backend that ran it. */
  method: Backend;
}

export interface OperationReport {
  count: number;
  failures: number;
  /** Timing in ms of the latest calls; present only when metrics are enabled. */
  timing?: WindowSnapshot;
  /** Timing in ms of the same calls run again in plain JS; only with `compareJs`. */
  jsTiming?: WindowSnapshot;
}

/** One row of the original design's report, per `"module.operation"`. */
export interface DesignOperationReport {
  operation: string;
  /**
   * `'1.23x'`: mean JS time over mean accelerated time, both measured; else
   * a `'not measured (...)'` sentence saying why (metrics off, no JS runs).
   */
  speedup: string;
  /** Calls a native or wasm backend ran (the design's "wasm" side). */
  wasmCalls: number;
  jsCalls: number;
  /** `'0.012ms'`, or a `'not measured ...'` sentence. */
  avgWasmTime: string;
  avgJsTime: string;
  /** The backend the calls ran on. */
  method: Backend;
}

export interface PerformanceReport {
  /** The design's totals; `wasmPercentage` as `'100.00'`. */
  summary: { totalCalls: number; wasmCalls: number; jsCalls: number; wasmPercentage: string };
  /** The design's rows, in first-call order. */
  operations: DesignOperationReport[];
  /** Whether calls are timed. */
  enabled: boolean;
  /** The backend calls run on (`'js'` with `wasmEnabled: false`). */
  backend: Backend;
  /** Keyed by `"module.operation"`. */
  byOperation: Record<string, OperationReport>;
}

export interface CoordinatorOptions {
  /** Time every call (default: `CFN_ACCEL_METRICS=1`); when off no clock is read. */
  metrics?: boolean;
  /** How many of the latest timings each operation keeps (default 1024). */
  windowSize?: number;
  /** `false`: run every operation in plain JS (the design's opt-out). Default true. */
  wasmEnabled?: boolean;
  /** With metrics: also time each accelerated call once in plain JS, for measured speedups. */
  compareJs?: boolean;
}

/** The original design's capability keys beside ours. */
export interface DesignCapabilities extends Capabilities {
  /** This engine validates WebAssembly modules. */
  wasmSupported: boolean;
  /** It validates a module using a SIMD (v128) instruction. */
  simdSupported: boolean;
  /** It validates a shared memory with an atomic instruction, and has SharedArrayBuffer. */
  threadsSupported: boolean;
  /** It validates a module using `memory.fill`. */
  bulkMemorySupported: boolean;
}

/** The original design's runtime coordinator, over the loaded backend. */
export declare class WASMRuntimeCoordinator {
  constructor(options?: CoordinatorOptions);
  initialized: boolean;
  /** false when constructed with `wasmEnabled: false`. */
  readonly wasmEnabled: boolean;
  /** Resolves true (the backend loaded with the package). */
  initialize(): Promise<true>;
  /** Runs `api[moduleName][operation](...args)`; unknown names reject with `ERR_CFN_INVALID_ARG`. */
  execute<M extends keyof CoordinatorModules, O extends keyof CoordinatorModules[M] & string>(
    moduleName: M,
    operation: O,
    ...args: CoordinatorModules[M][O] extends (...a: infer A) => any ? A : never
  ): Promise<ExecuteResult<CoordinatorModules[M][O] extends (...a: any[]) => infer R ? Awaited<R> : never>>;
  detectCapabilities(): DesignCapabilities;
  readonly performanceMonitor: {
    getReport(): PerformanceReport;
    /** Forgets everything recorded. */
    reset(): void;
  };
}
