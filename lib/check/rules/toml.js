'use strict';
// TOML files: not checked yet beyond the scans every text gets. Twin of src/check/toml.rs.

/** @returns {import('../diagnostic').Diagnostic[]} */
const checkTOML = () => [];

module.exports = { checkTOML };
