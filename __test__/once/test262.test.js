'use strict';
// test262's test/language on all three backends at once: the verdicts
// (valid or not, per file and mode) must be identical file for file.

const test = require('node:test');
const assert = require('node:assert/strict');
const { createApi } = require('../../lib/api');
const { load } = require('../../lib/loader');
const t262 = require('../test262-data');

test('test262: the three backends give the same verdict file for file', { skip: !t262.available() && 'shared/test262 not found' }, (t) => {
  const list = t262.cases();
  const runs = {};
  for (const name of ['native', 'wasm', 'js']) {
    const api = createApi(load({ CFN_ACCEL_BACKEND: name }));
    runs[name] = t262.run(list, (code, sourceType) => api.astParser.validate(code, { lang: 'js', sourceType }).valid);
  }
  const differ = [];
  for (const c of list) {
    const v = Object.values(runs).map((r) => r.verdicts.get(c.file));
    if (new Set(v).size > 1) differ.push(`${c.file}: ${Object.keys(runs).map((n, i) => `${n}=${v[i]}`).join(' ')}`);
  }
  t.diagnostic(Object.entries(runs).map(([n, r]) => `${n}: positive ${r.positivePassed}/${r.positive}, negative ${r.negativePassed}/${r.negative}`).join('; '));
  assert.deepEqual(differ.slice(0, 50), []);
});
