'use strict';
// V8 as the referee: whether Node's own engine compiles each source as it
// would be loaded. Run as a child (`node --experimental-vm-modules
// v8-referee.js`, for vm.SourceTextModule) with a JSON array of
// `{code, sourceType}` on stdin; prints a JSON array of booleans. Compiling
// never runs the code. Not a test file itself.

const vm = require('node:vm');

const WRAPPER = ['exports', 'require', 'module', '__filename', '__dirname'];

function compiles(fn) {
  try {
    fn();
    return true;
  } catch (e) {
    if (e instanceof SyntaxError || (e && e.name === 'SyntaxError')) return false;
    throw e;
  }
}

// V8 compiles a CommonJS module as a function body, where a hashbang is not
// allowed; Node's loader hands V8 the text with it (V8 skips it as a
// comment at the start), so do the same here.
const noHashbang = (code) => (code.startsWith('#!') ? '//' + code.slice(2) : code);

const asScript = (code) => compiles(() => new vm.Script(code));
const asModule = (code) => compiles(() => new vm.SourceTextModule(code));
const asCommonJs = (code) => compiles(() => vm.compileFunction(noHashbang(code), WRAPPER));

/** V8's verdict for `code` loaded as `sourceType`, as Node 20 loads files. */
function verdict(code, sourceType) {
  switch (sourceType) {
    case 'script':
      return asScript(code);
    case 'module':
      return asModule(code);
    case 'commonjs':
      return asCommonJs(code);
    default: // 'unambiguous': CommonJS, unless only a module compiles (module syntax detection)
      return asCommonJs(code) || asModule(code);
  }
}

if (require.main === module) {
  const chunks = [];
  process.stdin.on('data', (c) => chunks.push(c));
  process.stdin.on('end', () => {
    const cases = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    process.stdout.write(JSON.stringify(cases.map((c) => verdict(c.code, c.sourceType))));
  });
}

/** Runs the referee in a child process over `cases` ({code, sourceType}[]). */
function judge(cases) {
  const { spawnSync } = require('node:child_process');
  const r = spawnSync(process.execPath, ['--experimental-vm-modules', '--no-warnings', __filename], {
    input: JSON.stringify(cases),
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`v8 referee failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

module.exports = { judge };
