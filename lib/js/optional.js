'use strict';
// The js backend's optional dependencies (Babel, meriyah, terser): loaded on
// first use, and a coded error saying how to get one when it is missing.

const { cfnError } = require('../errors');

/**
 * A function returning module `name`, or throwing ERR_CFN_BACKEND_UNAVAILABLE
 * naming what the js backend uses it `for`.
 * @param {string} name
 * @param {string} purpose e.g. 'optimizes'
 */
function optionalDependency(name, purpose) {
  let mod;
  return () => {
    if (mod === undefined) {
      try {
        mod = require(name);
      } catch {
        mod = null;
      }
    }
    if (!mod) {
      throw cfnError(
        'ERR_CFN_BACKEND_UNAVAILABLE',
        `the js backend ${purpose} with ${name}, which is not installed: run \`npm install ${name}\`, or use the native or wasm backend`,
      );
    }
    return mod;
  };
}

module.exports = { optionalDependency };
