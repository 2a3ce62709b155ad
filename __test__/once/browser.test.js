'use strict';
// The wasm build in a real browser: serves wasm-build/pkg-web (the same .wasm
// as the Node package, with --target web glue) on localhost, loads it in
// headless Chromium (Debian's /usr/bin/chromium through playwright-core) and
// runs a subset of the conformance checks there, against the same operations
// computed in Node: node:crypto, @node-rs/xxhash, the JS LZ4 frame code, V8's
// JSON and RegExp, and the Node wasm build for validate. Chromium missing is
// a failure, not a skip: CI installs it (.ci/run).

const test = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const xxhash = require('@node-rs/xxhash');
const { chromium } = require('playwright-core');
const { compressFrame, decompressFrame } = require('../../lib/js/lz4.js');
const { rng } = require('../helpers');

const root = path.join(__dirname, '..', '..');
const pkgWeb = path.join(root, 'wasm-build', 'pkg-web');
const nodeWasm = require('../../wasm-build/pkg/cfn_accel_wasm.js');
const CHROMIUM = '/usr/bin/chromium';

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>cfn-accel wasm</title>
<script type="module">
  import init, * as cfn from '/pkg/cfn_accel_wasm.js';
  window.fromB64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  window.toB64 = (u8) => {
    let s = '';
    for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000));
    return btoa(s);
  };
  try {
    // Default path: fetches cfn_accel_wasm_bg.wasm beside the glue and
    // compiles it streaming (needs the application/wasm type).
    await init();
    window.cfn = cfn;
    window.ready = 'ok';
  } catch (e) {
    window.ready = 'init failed: ' + e.message;
  }
</script>`;

const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

function serve() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(PAGE);
    }
    const m = /^\/pkg\/([\w.-]+)$/.exec(url.pathname);
    const file = m && path.join(pkgWeb, m[1]);
    if (!file || !fs.existsSync(file)) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function bytes(n, seed) {
  const next = rng(seed);
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = (next() * 256) | 0;
  return out;
}

/** Compressible: words from a small vocabulary, like logs. */
function text(n, seed) {
  const words = ['alpha ', 'beta ', '{"id":', '"name":', 'true,', 'null', '\n', 'error ', 'the quick brown fox '];
  const next = rng(seed);
  let s = '';
  while (s.length < n) s += words[(next() * words.length) | 0];
  return Buffer.from(s.slice(0, n));
}

const INPUTS = [
  Buffer.alloc(0),
  Buffer.from('abc'),
  bytes(1, 1),
  bytes(31, 2),
  bytes(32, 3),
  bytes(64, 4),
  bytes(1000, 5),
  bytes(100_003, 6),
  text(70_000, 7),
];
const SEEDS = [0n, 1n, 0x9e3779b97f4a7c15n, 2n ** 64n - 1n];

let server;
let profile;
let context;
let page;

test.before(async () => {
  // A failure, not a skip: CI must have the browser.
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install chromium`);
  assert.ok(fs.existsSync(path.join(pkgWeb, 'cfn_accel_wasm_bg.wasm')), 'wasm-build/pkg-web is missing: run `npm run build:wasm`');
  server = await serve();
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cfn-accel-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 120_000,
  });
  page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.ready, null, { timeout: 120_000 });
  assert.equal(await page.evaluate(() => window.ready), 'ok', errors.join('\n'));
});

test.after(async () => {
  if (context) await context.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
  if (server) server.close();
});

const b64 = (buf) => buf.toString('base64');

test('the page runs the wasm build, not something else', async () => {
  const info = await page.evaluate(() => ({
    ua: navigator.userAgent,
    wasm: typeof WebAssembly.instantiateStreaming,
    process: typeof globalThis.process,
  }));
  assert.match(info.ua, /Chrome\//);
  assert.equal(info.process, 'undefined');
  assert.equal(info.wasm, 'function');
});

test('sha256 in the browser equals node:crypto', async () => {
  const got = await page.evaluate(
    (inputs) => inputs.map((s) => toB64(cfn.sha256(fromB64(s)))),
    INPUTS.map(b64),
  );
  assert.deepEqual(got, INPUTS.map((b) => crypto.createHash('sha256').update(b).digest('base64')));
});

test('xxh64 in the browser equals @node-rs/xxhash', async () => {
  const got = await page.evaluate(
    ({ inputs, seeds }) => inputs.map((s) => seeds.map((seed) => cfn.xxh64(fromB64(s), BigInt(seed)).toString())),
    { inputs: INPUTS.map(b64), seeds: SEEDS.map(String) },
  );
  assert.deepEqual(got, INPUTS.map((b) => SEEDS.map((seed) => xxhash.xxh64(b, seed).toString())));
});

test('lz4 frames: browser round trip, browser frames decode in Node, Node and lz4 frames decode in the browser', async () => {
  const inputs = INPUTS.filter((b) => b.length > 0);
  const fromNode = inputs.map((b) => b64(Buffer.from(compressFrame(b))));
  const fromTool = b64(execFileSync('lz4', ['-c', '-q'], { input: inputs[inputs.length - 1] }));
  const got = await page.evaluate(
    ({ inputs, fromNode, fromTool }) => {
      const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
      return {
        frames: inputs.map((s) => {
          const u = fromB64(s);
          const frame = cfn.lz4Compress(u);
          return { frame: toB64(frame), roundTrip: same(cfn.lz4Decompress(frame, u.length), u) };
        }),
        decoded: fromNode.map((s) => toB64(cfn.lz4Decompress(fromB64(s), 1 << 24))),
        tool: toB64(cfn.lz4Decompress(fromB64(fromTool), 1 << 24)),
      };
    },
    { inputs: inputs.map(b64), fromNode, fromTool },
  );
  got.frames.forEach((f, i) => {
    assert.equal(f.roundTrip, true, `round trip of input ${i}`);
    assert.ok(Buffer.from(decompressFrame(Buffer.from(f.frame, 'base64'), 1 << 24)).equals(inputs[i]), `Node decodes frame ${i}`);
  });
  assert.deepEqual(got.decoded, inputs.map(b64));
  assert.equal(got.tool, b64(inputs[inputs.length - 1]));
  // The compressible input really compressed.
  assert.ok(Buffer.from(got.frames[got.frames.length - 1].frame, 'base64').length < inputs[inputs.length - 1].length / 2);
});

test('JSON check in the browser agrees with V8 and with the Node wasm build', async () => {
  const texts = ['{"a":1}', '[1,2,{"b":null}]', '{"a":}', '', ' "x" ', '{"a":1,}', '[1e400]', '"\\ud800"', '{"a":1}x',
    JSON.stringify({ deep: Array.from({ length: 50 }, (_, i) => ({ i, s: 'é😀'.repeat(i % 3) })) })];
  const got = await page.evaluate((ts) => ts.map((t) => cfn.jsonCheckStr(t) ?? null), texts);
  texts.forEach((t, i) => {
    let v8ok = true;
    try {
      JSON.parse(t);
    } catch {
      v8ok = false;
    }
    assert.equal(got[i] === null, v8ok, `validity of ${JSON.stringify(t)}`);
    assert.deepEqual(got[i], nodeWasm.jsonCheckStr(t) ?? null, `same answer as Node for ${JSON.stringify(t)}`);
  });
});

test('regex check in the browser agrees with V8 and with the Node wasm build', async () => {
  const cases = [['(a|b)+c', ''], ['(a', ''], ['[', 'g'], ['a{2,1}', ''], ['(?<n>x)\\k<n>', ''], ['\\p{L}+', 'u'],
    ['x', 'gg'], ['x', 'q'], ['^\\d{3}-\\d{4}$', 'm']];
  const got = await page.evaluate((cs) => cs.map(([p, f]) => cfn.regexCheck(p, f) ?? null), cases);
  cases.forEach(([p, f], i) => {
    let v8ok = true;
    try {
      new RegExp(p, f); // eslint-disable-line no-new
    } catch {
      v8ok = false;
    }
    assert.equal(got[i] === null, v8ok, `validity of /${p}/${f}`);
    assert.equal(got[i], nodeWasm.regexCheck(p, f) ?? null, `same answer as Node for /${p}/${f}`);
  });
});

test('validate of TypeScript in the browser equals the Node wasm build', async () => {
  const snippets = [
    ['interface A { x: number }\nconst a: A = { x: 1 };\nexport default a;\n', 'ts'],
    ['const x: = 1;\n', 'ts'],
    ['function f<T>(v: T): T { return v }\nlet y = f<string>("s");\n', 'ts'],
    ['const el = <div>{1}</div>;\n', 'tsx'],
    ['let a = (1;\n', 'js'],
  ];
  const got = await page.evaluate((ss) => ss.map(([src, lang]) => cfn.jsValidate(src, lang)), snippets);
  snippets.forEach(([src, lang], i) => {
    assert.equal(got[i], nodeWasm.jsValidate(src, lang), `snippet ${i}`);
  });
  assert.deepEqual(got.map((g) => JSON.parse(g).length === 0), [true, false, true, true, false]);
});
