'use strict';
// Hard-coded credentials, scanned in every text file: the twin of
// src/check/secrets.rs (and its submodules value, tokens, pem, assign),
// whose module doc is the rules table. Same patterns (ASCII classes only, no
// look-around, so V8 and the regex crate find the same matches), same
// confirmations, same messages.

const { diagnostic } = require('../diagnostic');
const { lineStarts, position } = require('../../lines');

/** [id, severity, summary] for `check --help`; the same as the core's RULES. */
const RULES = [
  ['secret-aws-access-key', 'error', "AWS access key id (not AWS's documented EXAMPLE ids)"],
  ['secret-aws-secret-key', 'error', 'AWS secret access key after aws_secret_access_key'],
  ['secret-github-token', 'error', 'GitHub token with a valid checksum, or a fine-grained github_pat_ token'],
  ['secret-gitlab-token', 'error', 'GitLab personal, pipeline, deploy or runner token'],
  ['secret-slack-token', 'error', 'Slack bot, user or app token'],
  ['secret-slack-webhook', 'error', 'Slack incoming-webhook URL'],
  ['secret-stripe-key', 'error', 'Stripe live secret or restricted key'],
  ['secret-google-api-key', 'error', 'Google API key'],
  ['secret-npm-token', 'error', 'npm access token with a valid checksum'],
  ['secret-anthropic-key', 'error', 'Anthropic API or admin key of the real length'],
  ['secret-openai-key', 'error', 'OpenAI API key'],
  ['secret-sendgrid-key', 'error', 'SendGrid API key'],
  ['secret-twilio-key', 'error', 'Twilio API key'],
  ['secret-pypi-token', 'error', 'PyPI upload token'],
  ['secret-shopify-token', 'error', 'Shopify access token'],
  ['secret-discord-token', 'error', 'Discord bot token (on a line that says discord)'],
  ['secret-telegram-token', 'error', 'Telegram bot token'],
  ['secret-private-key', 'error', 'private key block with a key body'],
  [
    'secret-hardcoded',
    'error',
    'password/secret/token/api_key assignment whose value looks like a secret (length, classes, entropy; not a placeholder, reference, label, name, path, hash, UUID or version)',
  ],
  ['secret-url-credentials', 'error', 'password in a URL that looks like a secret'],
  ['secret-jwt', 'warning', 'JSON Web Token literal'],
];

const ADVICE = 'read it from the environment or a secret store';

// ---- value (src/check/secrets/value.rs) ----

/** Shannon entropy in bits per character, the core's arithmetic. */
function entropy(s) {
  const counts = new Map();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) & 0x7f;
    counts.set(c, (counts.get(c) || 0) + 1);
  }
  const n = s.length;
  let sum = 0;
  // Summed in character-code order, as the core's array is.
  for (const c of [...counts.keys()].sort((a, b) => a - b)) {
    const k = counts.get(c);
    sum += k * Math.log2(k);
  }
  return Math.log2(n) - sum / n;
}

const PLACEHOLDERS = [
  'changeme', 'change_me', 'change-me', 'your', 'xxx', 'example', 'dummy', 'test', 'sample',
  'placeholder', 'redacted', 'fake', 'secret', 'password', 'passwd', 'token', 'todo', 'fixme', 'insert',
  'replace', 'default', 'demo', 'mock', '${', '{{', '}}', '#{', '$(', '%(', 'process.env',
  'os.environ', 'env(', 'getenv', 'secrets.', 'vault:', '://', '1234', 'abcdef', 'arn:',
];

// Placeholders by shape rather than by a substring (value.rs's
// is_placeholder_shape): symbols inside a random value do not count.
const isPlaceholderShape = (v) =>
  v.startsWith('***') || v.endsWith('***') || v.startsWith('...') || v.endsWith('...') ||
  v.startsWith('<') || v.endsWith('>') || (v.endsWith(')') && /[A-Za-z0-9_]\(/.test(v));

const lowerAscii = (s) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const UPPER_IDENT = /^[A-Z][A-Z0-9_]*$/;
const DOTTED_SEGMENT = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;
const isDottedPath = (v) => {
  const segs = v.split('.');
  return segs.length > 1 && segs.every((s) => DOTTED_SEGMENT.test(s));
};
const isWordJoin = (v) => v.split(/[-_.:/]/).every((p) => /^[a-z]*$/.test(p) || /^[0-9]*$/.test(p));
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
const isVersion = (v) => {
  const rest = v.replace(/^[\^~><=v]*/, '');
  return /^[0-9]+(?:\.|$)/.test(rest) && rest.includes('.');
};
const isIntegrity = (lower) =>
  ['sha1', 'sha256', 'sha384', 'sha512', 'md5'].some((p) => lower.startsWith(p) && (lower[p.length] === '-' || lower[p.length] === ':'));
const isPath = (v) => {
  if (v.startsWith('/') || v.startsWith('./') || v.startsWith('../') || v.startsWith('~/')) return true;
  if (/^[A-Za-z]:\\/.test(v)) return true;
  if (!v.includes('/') && !v.includes('\\')) return false;
  const dot = v.lastIndexOf('.');
  return dot >= 0 && /^[A-Za-z0-9]{1,5}$/.test(v.slice(dot + 1));
};

/** Whether `v` looks like a real secret (value.rs `looks_like_secret`). */
function looksLikeSecret(v) {
  if (v.length < 8 || v.length > 256 || !/^[\x21-\x7e]+$/.test(v)) return false;
  const lower = lowerAscii(v);
  if (PLACEHOLDERS.some((p) => lower.includes(p)) || isPlaceholderShape(v)) return false;
  // `$X`, `%X%`; `[...]` is an array or a regular expression class.
  if (v[0] === '$' || v[0] === '[' || (v[0] === '%' && v[v.length - 1] === '%')) return false;
  if (UPPER_IDENT.test(v) || isDottedPath(v) || isWordJoin(v) || UUID.test(v) || isVersion(v) || isIntegrity(lower) || isPath(v))
    return false;
  const lowers = /[a-z]/.test(v);
  const uppers = /[A-Z]/.test(v);
  const digits = /[0-9]/.test(v);
  const symbols = /[^A-Za-z0-9]/.test(v);
  const classes = [lowers, uppers, digits, symbols].filter(Boolean).length;
  if (!(lowers || uppers) || !(digits || symbols) || classes < 2 || (classes === 2 && v.length < 16)) return false;
  const distinct = new Set(v).size;
  if (distinct < 6 || distinct * 5 < Math.min(v.length, 60)) return false;
  return entropy(v) >= (v.length < 16 ? 3.0 : 3.5);
}

/** The first 4 characters and `…`. */
const mask = (s) => `${[...s].slice(0, 4).join('')}…`;

// ---- tokens (src/check/secrets/tokens.rs) ----

/** [rule, what, pattern, keyword, confirm] */
const TOKENS = [
  ['secret-aws-access-key', 'AWS access key id', /(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/g, null, 'aws'],
  ['secret-github-token', 'GitHub token', /gh[pousr]_[A-Za-z0-9]{36}/g, null, 'crc'],
  ['secret-github-token', 'GitHub fine-grained token', /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/g, null, 'random'],
  ['secret-gitlab-token', 'GitLab token', /gl(?:pat|ptt|dt|rt|cbt|oas)-[A-Za-z0-9_-]{20,}/g, null, 'random'],
  ['secret-slack-token', 'Slack token', /xox[abposr]-[0-9]{8,}-[A-Za-z0-9-]{10,}/g, null, 'random'],
  ['secret-slack-webhook', 'Slack webhook URL', /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,}\/B[A-Z0-9]{8,}\/[A-Za-z0-9]{20,}/g, null, 'random'],
  ['secret-stripe-key', 'Stripe live key', /[rs]k_live_[A-Za-z0-9]{24,}/g, null, 'random'],
  ['secret-google-api-key', 'Google API key', /AIza[0-9A-Za-z_-]{35}/g, null, 'random'],
  ['secret-npm-token', 'npm access token', /npm_[A-Za-z0-9]{36}/g, null, 'crc'],
  ['secret-anthropic-key', 'Anthropic API key', /sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA/g, null, 'random'],
  ['secret-openai-key', 'OpenAI API key', /sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}/g, null, 'random'],
  ['secret-sendgrid-key', 'SendGrid API key', /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g, null, 'random'],
  ['secret-twilio-key', 'Twilio API key', /SK[0-9a-f]{32}/g, null, 'random'],
  ['secret-pypi-token', 'PyPI upload token', /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}/g, null, 'random'],
  ['secret-shopify-token', 'Shopify access token', /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}/g, null, 'random'],
  ['secret-discord-token', 'Discord bot token', /[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}/g, 'discord', 'random'],
  ['secret-telegram-token', 'Telegram bot token', /[0-9]{8,10}:AA[A-Za-z0-9_-]{33}/g, null, 'random'],
];

// CRC-32 (IEEE), by table: node:zlib's crc32 needs Node 20.15 and the
// package supports Node 18.
let crcTable;
function crc32(s) {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < s.length; i++) crc = (crc >>> 8) ^ crcTable[(crc ^ s.charCodeAt(i)) & 0xff];
  return (crc ^ -1) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** `n` in base62, left-padded with `0` to 6 digits. */
function base62of6(n) {
  let out = '';
  for (let i = 0; i < 6; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

const crcOk = (t) => t.length >= 36 && base62of6(crc32(t.slice(-36, -6))) === t.slice(-6);
const randomEnough = (t) => {
  const lower = lowerAscii(t);
  return !['example', 'xxxx', '0000000', 'your'].some((p) => lower.includes(p)) && entropy(t) >= 3.0;
};
function confirm(kind, t) {
  if (kind === 'crc') return crcOk(t);
  if (kind === 'aws') return !t.endsWith('EXAMPLE') && randomEnough(t);
  return randomEnough(t);
}

// ---- private keys (src/check/secrets/pem.rs) ----

const PEM_TRIM = /^[ \t"'`,;()[\]\\]+|[ \t"'`,;()[\]\\]+$/g;
// A `+` is concatenation only next to a quote (`"…" +`, `+ '…'`): elsewhere
// it is base64 (an ed25519 key's one line can end in one).
const PEM_CONCAT = /^\+[ \t]*(?=["'`])|(?<=["'`])[ \t]*\+$/g;
/** A body piece without the syntax around it in code (pem.rs `clean`). */
function cleanPiece(raw) {
  let p = raw;
  for (;;) {
    const next = p.replace(PEM_TRIM, '').replace(PEM_CONCAT, '');
    if (next === p) return p;
    p = next;
  }
}
/** Whether the text after a BEGIN marker holds a key body. */
function hasKeyBody(after) {
  let body = 0;
  const seen = new Set();
  let pieces = 0;
  const keyLike = () => body >= 64 && seen.size >= 16;
  // Lazily, line by line: the rest of the file may be long.
  let from = 0;
  while (from <= after.length) {
    let to = from;
    while (to < after.length && after[to] !== '\n' && after[to] !== '\r') to++;
    const line = after.slice(from, to);
    from = to + 1;
    for (const raw of line.split('\\n')) {
      const piece = cleanPiece(raw.replace(/(?:\\r)+$/, ''));
      if (piece === '') continue;
      pieces++;
      if (pieces > 200 || piece.startsWith('-----END')) return keyLike();
      if (piece.includes(':') && body === 0) continue;
      if (!/^[A-Za-z0-9+/=]+$/.test(piece)) return keyLike();
      body += piece.length;
      for (const ch of piece) seen.add(ch);
    }
  }
  return keyLike();
}

// ---- generic assignments (src/check/secrets/assign.rs) ----

const ASSIGNMENT =
  /["']?([A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|credentials?)[A-Za-z0-9_.-]*)["']?[ \t]*(?::=|=>|=|:)[ \t]*/gi;
const NOT_SECRET_KEY = [
  'hash', 'digest', 'checksum', 'sha1', 'sha256', 'sha512', 'md5', 'fingerprint', 'length', 'count', 'size', 'name', 'type', 'url', 'uri',
  'path', 'file', 'field', 'label', 'placeholder', 'prompt', 'regex', 'pattern', 'format', 'header', 'tokenizer',
  'tokens', 'public', 'kind', 'expires', 'ttl', 'endpoint', 'policy', 'limit', 'prefix', 'env', 'var',
  // Pagination and request fields (`NextToken`, `output_token`), roles.
  'next', 'continuation', 'output', 'input', 'page', 'cursor', 'marker', 'generation', 'last', 'viewer', 'role',
  'param', 'query', 'strings',
];
function secretKey(key) {
  const lower = lowerAscii(key);
  if (['_id', '-id', '.id'].some((e) => lower.endsWith(e)) || key.endsWith('Id')) return false;
  return !NOT_SECRET_KEY.some((w) => lower.includes(w));
}

/** The value at the start of `rest` (assign.rs `value_at`), or null. */
function valueAt(rest, bare) {
  const q = rest[0];
  if (q === undefined) return null;
  if (q === '"' || q === "'" || q === '`') {
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === '\\') {
        i++;
        continue;
      }
      if (rest[i] === q) return rest.slice(1, i);
    }
    return null;
  }
  if (!bare) return null;
  const m = /^[\x21-\x2b\x2d-\x3a\x3c-\x7e]+/.exec(rest);
  return m ? m[0] : null;
}

// ---- paths ----

const LOCK_NAMES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'go.sum', 'packages.lock.json']);
const VENDORED = new Set(['node_modules', 'vendor', 'third_party', 'third-party', 'bower_components', '.yarn', 'jspm_packages']);
const TEST_DIRS = new Set([
  'test', 'tests', '__tests__', 'spec', 'specs', 'fixtures', '__fixtures__', 'fixture', 'testdata', '__mocks__',
  'example', 'examples', 'docs', 'doc', 'template', 'templates', 'sample', 'samples', 'seed', 'seeds',
]);
const CODE_EXTENSIONS = new Set([
  'py', 'rb', 'go', 'java', 'kt', 'kts', 'cs', 'php', 'c', 'h', 'cc', 'cpp', 'hpp', 'swift', 'scala', 'dart', 'lua',
  'pl', 'r', 'ex', 'exs', 'html', 'htm', 'vue', 'svelte', 'astro', 'xml', 'css', 'scss', 'less', 'sql',
]);

function pathFacts(file, kind) {
  const parts = lowerAscii(String(file).replace(/\\/g, '/')).split('/');
  const name = parts[parts.length - 1];
  const dirs = parts.slice(0, -1);
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? null : name.slice(dot + 1);
  return {
    generic: !(name.endsWith('.lock') || LOCK_NAMES.has(name) || name.includes('.min.') || dirs.some((p) => VENDORED.has(p))),
    testPath:
      dirs.some((p) => TEST_DIRS.has(p)) ||
      name.includes('.test.') ||
      name.includes('example') ||
      name.includes('.spec.') ||
      name.endsWith('.md') ||
      name.endsWith('.mdx') ||
      name.endsWith('.markdown'),
    bare: kind === 'yaml' || kind === 'toml' || (kind === 'text' && !(ext !== null && CODE_EXTENSIONS.has(ext))),
  };
}

// ---- the scan ----

const AWS_SECRET = /aws_?secret_?(?:access_?)?key["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9/+]{40})/gi;
const PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g;
const URL_CREDENTIALS = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[A-Za-z0-9._%~-]+:([A-Za-z0-9._%~!*+=-]{3,})@/g;
const JWT = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g;
const MAX_LINE = 500;
const isIdent = (c) => c !== undefined && /^[A-Za-z0-9_]$/.test(c);

/** Every match of a global regex, with its index. */
function* matches(re, text) {
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}

/**
 * @param {string} text
 * @param {{path: string, kind: string}} ctx
 * @returns {import('../diagnostic').Diagnostic[]}
 */
function checkSecrets(text, ctx) {
  const facts = pathFacts(ctx.path, ctx.kind);
  const starts = lineStarts(text);
  const found = [];
  const lineOf = (at) => position(starts, at).line;
  const lineText = (line) => {
    const from = starts[line - 1];
    const to = line < starts.length ? starts[line] : text.length;
    return text.slice(from, to).replace(/[\r\n]+$/, '');
  };
  const report = (at, severity, rule, message) => {
    const { line, column } = position(starts, at);
    if (facts.testPath) {
      severity = 'warning';
      if (rule !== 'secret-jwt') message += ' (a warning in tests, fixtures and docs)';
    }
    found.push(diagnostic(severity, rule, message, line, column));
  };
  const restOfLine = (at) => {
    const line = lineOf(at);
    const whole = lineText(line);
    const end = starts[line - 1] + whole.length;
    return { rest: text.slice(at, Math.max(end, at)), width: whole.length };
  };

  for (const [rule, what, re, keyword, how] of TOKENS) {
    for (const m of matches(re, text)) {
      const before = text[m.index - 1];
      const after = text[m.index + m[0].length];
      if (isIdent(before) || before === '+' || isIdent(after)) continue;
      if (keyword && !lowerAscii(lineText(lineOf(m.index))).includes(keyword)) continue;
      if (!confirm(how, m[0])) continue;
      report(m.index, 'error', rule, `${what} (${mask(m[0])}): revoke it and ${ADVICE}`);
    }
  }
  for (const m of matches(AWS_SECRET, text)) {
    const v = m[1];
    const after = text[m.index + m[0].length];
    if ((after !== undefined && /[A-Za-z0-9/+]/.test(after)) || !randomEnough(v)) continue;
    report(m.index, 'error', 'secret-aws-secret-key', `AWS secret access key (${mask(v)}): revoke it and ${ADVICE}`);
  }
  for (const m of matches(PRIVATE_KEY, text)) {
    if (hasKeyBody(text.slice(m.index + m[0].length))) report(m.index, 'error', 'secret-private-key', `private key block: ${ADVICE}`);
  }
  for (const m of matches(JWT, text)) {
    const before = text[m.index - 1];
    if (isIdent(before) || before === '-' || text[m.index + m[0].length] === '.') continue;
    report(m.index, 'warning', 'secret-jwt', `JSON Web Token literal (${mask(m[0])})`);
  }
  for (const m of matches(URL_CREDENTIALS, text)) {
    const pw = m[1];
    if (!looksLikeSecret(pw)) continue;
    const { width } = restOfLine(m.index);
    const severity = facts.generic && width <= MAX_LINE ? 'error' : 'warning';
    report(m.index + m[0].length - 1 - pw.length, severity, 'secret-url-credentials', `password in a URL (${mask(pw)}): ${ADVICE}`);
  }
  if (facts.generic) {
    let lastLine = 0;
    const reported = new Set(found.map((d) => d.line));
    for (const m of matches(ASSIGNMENT, text)) {
      const key = m[1];
      const keyAt = m.index + m[0].indexOf(key);
      const { rest, width } = restOfLine(m.index + m[0].length);
      if (width > MAX_LINE || !secretKey(key)) continue;
      const v = valueAt(rest, facts.bare);
      if (v === null || !looksLikeSecret(v)) continue;
      const line = lineOf(keyAt);
      if (line === lastLine || reported.has(line)) continue;
      lastLine = line;
      report(keyAt, 'error', 'secret-hardcoded', `hard-coded secret in '${key}' (${mask(v)}, ${v.length} characters): ${ADVICE}`);
    }
  }
  return found;
}

module.exports = { checkSecrets, RULES, looksLikeSecret, crc32, base62of6 };
