'use strict';
// optimize for the js backend, on terser (the optional dependency `terser`)
// with compression only: no mangling, comments kept. Babel checks the
// syntax first, so errors and the nesting guard are the other backends'.
// terser reads JavaScript only: TypeScript and JSX, and swc's AST (for
// optimizeAST/validateAST), need the native or wasm backend, and say so.

const { cfnError } = require('../errors');
const { optionalDependency } = require('./optional');
const { parseOrError, syntaxFailure, langOf } = require('./syntax');

const unavailable = (what) =>
  cfnError(
    'ERR_CFN_BACKEND_UNAVAILABLE',
    `${what} is not available on the js backend: it runs on swc, in the native addon or the wasm build (do not set CFN_ACCEL_BACKEND=js or DISABLE_WASM=true)`,
  );

const minifier = optionalDependency('terser', 'optimizes');

/** `code` with constants folded and dead code removed, as swc's passes do. */
function jsOptimize(code, langName) {
  const lang = langOf(langName);
  if (lang !== 'js' && lang !== 'mjs' && lang !== 'cjs') {
    throw unavailable(`optimizing ${lang === 'jsx' ? 'JSX' : 'TypeScript'}`);
  }
  const r = parseOrError(code, lang);
  if (!r.ast) throw syntaxFailure(r);
  const t = minifier();
  // Only a module's own top level is private: in a script, top-level names
  // are globals other scripts may use, so they stay (as in the swc path).
  const isModule = r.ast.program.sourceType === 'module';
  let out;
  try {
    out = t.minify_sync(code, {
      module: isModule,
      toplevel: isModule,
      compress: { passes: 2 },
      mangle: false,
      parse: { bare_returns: lang === 'cjs' },
      format: { comments: 'all', beautify: true },
    });
  } catch (e) {
    throw cfnError('ERR_CFN_BACKEND_UNAVAILABLE', `terser cannot optimize this input (${e.message}); the native and wasm backends can`);
  }
  return out.code;
}

module.exports = {
  jsOptimize,
  astOptimize: () => {
    throw unavailable('optimizeAST (swc\'s AST)');
  },
  astCheck: () => {
    throw unavailable('validateAST (swc\'s AST)');
  },
};
