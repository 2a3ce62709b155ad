'use strict';
// test262's test/language (../shared/test262/), extracted once into a
// temporary folder and read as cases, counted as ../shared/test262/README.md
// says. Shared by test262.test.js (per backend) and once/test262.test.js
// (the backends compared file for file); not a test file itself.

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SHARED = path.join(__dirname, '..', '..', 'shared', 'test262');
const TARBALL = path.join(SHARED, 'test262-language-be13516f.tar.gz');

/** Whether the suite is there to run (it is beside the project in CI). */
const available = () => fs.existsSync(TARBALL);

function* walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.name.endsWith('.js')) yield p;
  }
}

/** The folder holding test/language, extracting the tarball the first time. */
function extracted() {
  const dir = path.join(os.tmpdir(), 'cfn-accel-test262-be13516f');
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['xzf', TARBALL, '-C', dir]);
    fs.writeFileSync(done, '');
  }
  return dir;
}

/**
 * Every test as `{file, negative, modes: [{code, sourceType}]}`: `module`
 * tests once as a module, `onlyStrict` as a strict script, `noStrict`/`raw`
 * as a sloppy one, the rest as both scripts.
 */
function cases() {
  const root = extracted();
  const out = [];
  for (const file of [...walk(path.join(root, 'test', 'language'))].sort()) {
    if (file.includes('_FIXTURE')) continue;
    const src = fs.readFileSync(file, 'utf8');
    const a = src.indexOf('/*---');
    const b = a < 0 ? -1 : src.indexOf('---*/', a);
    const meta = b > a ? src.slice(a, b) : '';
    const negative = /negative:\s*\n\s*phase:\s*parse\b/.test(meta);
    const flags = (/^\s*flags:\s*\[(.*)\]/m.exec(meta) || ['', ''])[1].split(',').map((f) => f.trim());
    const strict = '"use strict";\n' + src;
    let modes;
    if (flags.includes('module')) modes = [{ code: src, sourceType: 'module' }];
    else if (flags.includes('onlyStrict')) modes = [{ code: strict, sourceType: 'script' }];
    else if (flags.includes('noStrict') || flags.includes('raw')) modes = [{ code: src, sourceType: 'script' }];
    else modes = [{ code: src, sourceType: 'script' }, { code: strict, sourceType: 'script' }];
    out.push({ file: path.relative(root, file), negative, modes });
  }
  return out;
}

/**
 * Runs every case through `validate(code, sourceType) -> boolean` and
 * returns the counts and the per-file verdicts (`true` = passed).
 */
function run(list, validate) {
  const tally = { positive: 0, positivePassed: 0, negative: 0, negativePassed: 0, failures: [], verdicts: new Map() };
  for (const c of list) {
    const valid = c.modes.map((m) => validate(m.code, m.sourceType));
    const passed = c.negative ? valid.every((v) => !v) : valid.every((v) => v);
    tally.verdicts.set(c.file, valid.join(','));
    if (c.negative) {
      tally.negative++;
      if (passed) tally.negativePassed++;
    } else {
      tally.positive++;
      if (passed) tally.positivePassed++;
    }
    if (!passed) tally.failures.push(c.file);
  }
  return tally;
}

module.exports = { available, cases, run };
