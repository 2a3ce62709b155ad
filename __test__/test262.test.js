'use strict';
// test262's test/language through validate() on the backend
// CFN_ACCEL_BACKEND picks: the early errors and the grammar, judged by the
// suite itself. The goal is >= 99.9% on both sides; this backend's
// failures, if any, are listed in the assertion message.

const test = require('node:test');
const assert = require('node:assert/strict');
const api = require('..');
const t262 = require('./test262-data');

test('test262 test/language: positive and negative >= 99.9%', { skip: !t262.available() && 'shared/test262 not found' }, () => {
  const list = t262.cases();
  const r = t262.run(list, (code, sourceType) => api.astParser.validate(code, { lang: 'js', sourceType }).valid);
  const pct = (a, b) => ((100 * a) / b).toFixed(2);
  console.log(
    `# test262 (${api.backend}): positive ${r.positivePassed}/${r.positive} (${pct(r.positivePassed, r.positive)}%), ` +
      `negative ${r.negativePassed}/${r.negative} (${pct(r.negativePassed, r.negative)}%)`,
  );
  assert.ok(r.positive > 19000 && r.negative > 4400, 'the whole suite was read');
  const detail = r.failures.slice(0, 40).join('\n');
  assert.ok(r.positivePassed / r.positive >= 0.999, `positive below 99.9%:\n${detail}`);
  assert.ok(r.negativePassed / r.negative >= 0.999, `negative below 99.9%:\n${detail}`);
});
