'use strict';
// YAML files: not checked yet beyond the scans every text gets. Twin of src/check/yaml.rs.

/** @returns {import('../diagnostic').Diagnostic[]} */
const checkYAML = () => [];

module.exports = { checkYAML };
