'use strict';
// How Node 20 loads a JavaScript file, which decides the grammar `check`
// holds it to: `.mjs` is a module, `.cjs` CommonJS, and a `.js` file
// follows the `"type"` of the nearest package.json ("module" or
// "commonjs"); with no `"type"` (or no package.json) Node's module syntax
// detection decides, which validate() does for sourceType 'unambiguous'.

const fs = require('node:fs');
const path = require('node:path');

/** The `"type"` Node reads for files in `dir`, remembered per folder. */
class PackageTypes {
  constructor() {
    /** @type {Map<string, Promise<string | undefined>>} */
    this._byDir = new Map();
  }

  /**
   * `'module'`, `'commonjs'` or undefined for the package scope of `dir`:
   * the first package.json found walking up decides, as in Node's
   * package scope lookup (one that cannot be read as JSON decides nothing).
   * @param {string} dir absolute
   * @returns {Promise<string | undefined>}
   */
  typeOf(dir) {
    let found = this._byDir.get(dir);
    if (found === undefined) {
      found = fs.promises.readFile(path.join(dir, 'package.json'), 'utf8').then(
        (text) => {
          try {
            const { type } = JSON.parse(text);
            return type === 'module' || type === 'commonjs' ? type : undefined;
          } catch {
            return undefined;
          }
        },
        () => {
          const parent = path.dirname(dir);
          return parent === dir ? undefined : this.typeOf(parent);
        },
      );
      this._byDir.set(dir, found);
    }
    return found;
  }

  /**
   * The sourceType for validate() of `file` checked as `lang`, or undefined
   * for the language's own default (everything but `.js`/`.jsx`).
   * @param {string} file absolute
   * @param {string} lang
   */
  async sourceTypeOf(file, lang) {
    if (lang !== 'js' && lang !== 'jsx') return undefined;
    return (await this.typeOf(path.dirname(file))) || 'unambiguous';
  }
}

module.exports = { PackageTypes };
