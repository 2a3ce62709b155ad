'use strict';
// Whether this copy of the package is a source checkout (it has the Rust
// workspace) rather than an installed tarball: the fix for a missing
// binary differs (build it, or reinstall).

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

/** True in a clone of the repository, false in an installed package (the tarball has no Cargo.toml). */
function isCheckout() {
  return fs.existsSync(path.join(ROOT, 'Cargo.toml'));
}

module.exports = { isCheckout, ROOT };
