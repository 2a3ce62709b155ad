'use strict';
// The secret scan on the backend CFN_ACCEL_BACKEND picks: planted secrets
// of real shape (random, generated here so no real-looking secret is
// committed; checksums computed by node:zlib's CRC-32, keys made by
// node:crypto) are errors in every syntax they are written in, and the
// near-misses a real tree is full of are not.

const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { rng } = require('./helpers');
const zlib = require('node:zlib');
const api = require('..');
const { kindOf } = require('../lib/check/kind');

const check = (text, file) => JSON.parse(api._backend.checkText(text, file, kindOf(file), undefined)).diagnostics;
const errors = (text, file) => check(text, file).filter((d) => d.severity === 'error');

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
// Words that would make a random value a placeholder by the rules' own
// list; a value that happens to spell one is drawn again.
const PLACEHOLDER_WORDS = /test|your|xxx|fake|demo|mock|todo|example|dummy|sample|token|secret|default|insert|replace/i;
// Seeded: the same draws on every run and backend, so a verdict never
// depends on luck (a value that falls under the entropy threshold is a
// miss the rules accept, not a flaky test).
const draw = rng(20261202);
function random(n, alphabet = ALNUM) {
  for (;;) {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(draw() * alphabet.length)];
    if (!PLACEHOLDER_WORDS.test(s)) return s;
  }
}
const password = (n = 20) => random(n - 2, ALNUM + '!@#%^&*_+=-') + random(1, '!@#%') + random(1, '0123456789');

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function checksummed(prefix) {
  const body = random(30);
  let n = zlib.crc32(body);
  let sum = '';
  for (let i = 0; i < 6; i++) {
    sum = BASE62[n % 62] + sum;
    n = Math.floor(n / 62);
  }
  return prefix + body + sum;
}
const hasCrc = typeof zlib.crc32 === 'function';

function pem(type = 'rsa') {
  const { privateKey } = crypto.generateKeyPairSync(type, type === 'rsa' ? { modulusLength: 2048 } : {});
  return privateKey.export({ type: type === 'rsa' ? 'pkcs1' : 'pkcs8', format: 'pem' });
}

test('provider tokens of real shape are errors, and the message masks them', { skip: !hasCrc && 'node:zlib has no crc32' }, () => {
  const planted = {
    'secret-github-token': checksummed('gh' + 'p_'),
    'secret-npm-token': checksummed('np' + 'm_'),
    'secret-aws-access-key': 'AK' + 'IA' + random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'),
    'secret-stripe-key': 'sk' + '_live_' + random(24),
    'secret-google-api-key': 'AI' + 'za' + random(35, ALNUM + '_-'),
    'secret-slack-token': 'xo' + 'xb-' + random(11, '0123456789') + '-' + random(12, '0123456789') + '-' + random(24),
    'secret-anthropic-key': 'sk-' + 'ant-api03-' + random(93, ALNUM + '_-') + 'AA',
    'secret-openai-key': 'sk-' + 'proj-' + random(24) + 'T3Blbk' + 'FJ' + random(24),
    'secret-sendgrid-key': 'SG' + '.' + random(22) + '.' + random(43),
    'secret-twilio-key': 'S' + 'K' + random(32, '0123456789abcdef'),
    'secret-gitlab-token': 'gl' + 'pat-' + random(20),
    'secret-shopify-token': 'shp' + 'at_' + random(32, '0123456789abcdef'),
    'secret-telegram-token': random(9, '123456789') + ':A' + 'A' + random(33),
  };
  for (const [rule, token] of Object.entries(planted)) {
    for (const [file, text] of [
      ['deploy.sh', `#!/bin/sh\ncurl -H "x: ${token}" https://api\n`],
      ['src/config.js', `module.exports = { key: '${token}' };\n`],
      ['config.yml', `service:\n  key: ${token}\n`],
    ]) {
      const found = errors(text, file);
      assert.deepEqual(found.map((d) => d.rule), [rule], `${rule} in ${file}: ${JSON.stringify(found)}`);
      assert.ok(!found[0].message.includes(token.slice(4)), 'the message masks the token');
    }
  }
});

test('private key blocks with a body are errors, in a file and in a string literal', () => {
  const rsa = pem('rsa');
  const ed = pem('ed25519');
  assert.deepEqual(errors(rsa, 'id_rsa').map((d) => d.rule), ['secret-private-key']);
  assert.deepEqual(errors(`x\n${ed}`, 'keys/signing.pem').map((d) => [d.rule, d.line]), [['secret-private-key', 2]]);
  const literal = `const key = ${JSON.stringify(rsa)};\n`;
  assert.deepEqual(errors(literal, 'src/sign.js').map((d) => d.rule), ['secret-private-key']);
  const BEGIN = '-----BEGIN ' + 'RSA PRIVATE KEY-----';
  for (const body of ['', '...', '<your key here>', 'MIIEow']) {
    assert.deepEqual(errors(`${BEGIN}\n${body}\n-----END RSA PRIVATE KEY-----\n`, 'key.txt'), [], `body ${body}`);
  }
  assert.deepEqual(errors(`if (s.startsWith("${BEGIN}")) parse(s);\n`, 'src/pem.js'), []);
});

test('high-entropy passwords in every syntax are errors', () => {
  const cases = () => [
    ['.env', `DB_PASSWORD=${password()}\n`],
    ['.env.production', `export API_TOKEN=${password()}\n`],
    ['config/app.yml', `db:\n  password: ${password()}\n`],
    ['config/app.yaml', `db:\n  password: "${password()}"\n`],
    ['settings.json', `{\n  "client_secret": "${password()}"\n}\n`],
    ['src/client.js', `const apiKey = "${password()}";\n`],
    ['src/client.ts', `export const config = { accessKey: '${password()}' };\n`],
    ['mysite/settings.py', `SECRET_KEY = '${password(50)}'\n`],
    // Django's own alphabet (get_random_secret_key): symbols inside a random key.
    ['proj/settings.py', `SECRET_KEY = '${random(48, 'abcdefghijklmnopqrstuvwxyz0123456789!@#%^&*(-_=+)')}9!'\n`],
    ['db.py', `connect(host="db", password="${password()}")\n`],
    ['Cargo-like.toml', `[auth]\ntoken = "${password()}"\n`],
    ['app.ini', `[db]\npasswd = ${password()}\n`],
    ['run.sh', `#!/bin/sh\nSECRET=${password()} ./server\n`],
    ['.env', `DATABASE_URL=postgres://admin:${random(18)}4${random(1)}@db.internal:5432/app\n`],
    ['flask.cfg', `SECRET_KEY = "${random(64, '0123456789abcdef')}"\n`],
    ['aws/credentials', `[default]\naws_secret_access_key = ${random(40, ALNUM + '/+')}\n`],
  ];
  // Several draws: the values are random.
  for (let round = 0; round < 5; round++) {
    for (const [file, text] of cases()) {
      const found = errors(text, file);
      assert.equal(found.length, 1, `${file}: ${text} -> ${JSON.stringify(check(text, file))}`);
    }
  }
});

test('near-misses are not errors', () => {
  const cases = [
    ['package-lock.json', `{"packages": {"": {"dependencies": {"@inquirer/password": "^4.0.20"}}}}\n`],
    ['package.json', `{"dependencies": {"@inquirer/password": "^4.0.20"}}\n`],
    ['docs-config.js', `const key = 'AK' + 'IA';\nconst id = "AKIAIOSFODNN7EXAMPLE";\nconst k2 = "AKIAI44QH8DHBEXAMPLE";\n`],
    ['lib/creds.js', `const ENV_AUTH_TOKEN = 'AWS_CONTAINER_AUTHORIZATION_TOKEN';\n`],
    ['lib/config.json', `{"apiKey": "sk-ant-xxx", "token": "sk-..."}\n`],
    ['lib/gh.js', `const t = "gh${'p'}_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";\n`],
    ['lib/form.js', `const labels = { password: 'Password', confirmPassword: "Enter your password again" };\n`],
    ['.env', 'DB_PASSWORD=${DB_PASSWORD}\nAPI_KEY=$API_KEY\nSECRET=changeme\nTOKEN=your-token-here\nPASSWORD=********\nAPI_TOKEN=<token>\n'],
    ['chart/values.yaml', 'password: "{{ .Values.password }}"\ntoken: ${{ secrets.NPM_TOKEN }}\nsecret: true\ntoken_ttl: 3600\n'],
    ['src/env.js', 'const apiKey = process.env.API_KEY;\nconst password = process.env["DB_PASSWORD"] || "";\n'],
    ['app/settings.py', 'SECRET_KEY = os.environ["SECRET_KEY"]\nDB_PASSWORD = env("DB_PASSWORD")\n'],
    ['deploy.bat', 'set PASSWORD=%DB_PASSWORD%\n'],
    ['conf.yml', 'token_url: https://auth.example.com/oauth/token\nprivate_key: /etc/ssl/private/server.key\nsecret: config.auth.secret\n'],
    ['ids.json', '{"token": "123e4567-e89b-12d3-a456-426614174000", "password_hash": "5f4dcc3b5aa765d61d8327deb882cf99"}\n'],
    ['integrity.json', '{"secret": "sha512-9QWoeIr0K0Dbxxk3kBjQdDqAFeP7fM1JuCXh0j3Kx1kZ9q6ZMbQ3K8b8Q0sVvVQ=="}\n'],
    ['types.ts', 'interface Login { password: string; token?: string }\nfunction f(apiKey: string) {}\n'],
    ['i18n/en.json', '{"password": "Password", "forgot_password": "Forgot your password?"}\n'],
    ['vendor/lib/x.js', `const apiKey = "${password()}";\n`],
    ['node_modules/pkg/index.js', `module.exports = { secret: "${password()}" };\n`],
    ['dist/app.min.js', `var a={password:"${password()}"};\n`],
    ['dist/app.js', `var a={x:1${',y:2'.repeat(200)},password:"${password()}"};\n`],
    ['.env', 'DATABASE_URL=postgres://user:pass@localhost/db\nREDIS_URL=redis://:${REDIS_PASSWORD}@cache:6379\n'],
    ['x.pem', '-----BEGIN ' + 'PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n'],
  ];
  for (const [file, text] of cases) {
    assert.deepEqual(errors(text, file), [], `${file}: ${text}`);
  }
});

test('findings in tests, fixtures and docs are warnings', () => {
  const secret = password();
  for (const file of ['test/db.test.js', '__tests__/a.js', 'fixtures/.env', 'docs/setup.md', 'README.md', 'src/a.spec.ts']) {
    const text = `DB_PASSWORD="${secret}"\n`;
    const found = check(text, file);
    assert.deepEqual(found.map((d) => [d.rule, d.severity]), [['secret-hardcoded', 'warning']], file);
  }
  assert.deepEqual(errors(`const password = "peanuts";\n`, 'test/a.test.js'), []);
});

test('a JWT is a warning; an inline marker silences a finding', () => {
  const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', random(43, ALNUM + '_-')].join('.');
  assert.deepEqual(check(`const t = "${jwt}";\n`, 'src/a.js').map((d) => [d.rule, d.severity]), [['secret-jwt', 'warning']]);
  const text = `// cfn-accel-ignore secret-hardcoded -- rotated\nconst apiKey = "${password()}";\n`;
  assert.deepEqual(errors(text, 'src/a.js'), []);
});

test('risk warnings: eval, new Function, shell templates, TLS checks off', () => {
  const EVAL = 'ev' + 'al';
  const js = `${EVAL}(code);\n${EVAL}(more);\nconst f = new Fun${'ction'}('a', 'return a');\nexecSync(\`rm -rf \${dir}\`);\nhttps.request({ rejectUnauthorized: false });\nx.${EVAL}(y); my${EVAL}(z);\n`;
  const found = check(js, 'src/run.js');
  assert.deepEqual(found.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`), [
    '1:1 warning eval',
    '3:11 warning new-function',
    '4:1 warning shell-injection',
    '5:17 warning tls-verification-disabled',
  ]);
  assert.match(found[0].message, /2 occurrences/);
  assert.deepEqual(check(`${EVAL}(x)\n`, 'notes.md'), []);
  assert.deepEqual(check('requests.get(url, verify=False)\n', 'fetch.py').map((d) => d.rule), ['tls-verification-disabled']);
});
