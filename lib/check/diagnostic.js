'use strict';
// The one shape every rule reports in, and the order they are shown in.

/**
 * @typedef {object} Diagnostic
 * @property {number} line 1-based; 0 when it concerns the whole file
 * @property {number} column 1-based, UTF-16 units; 0 with line 0
 * @property {'error' | 'warning'} severity
 * @property {string} rule stable id, e.g. `syntax`, `rust-todo`, `secret-aws-access-key`
 * @property {string} message
 * @property {number} [cell] in a notebook: the cell, 1-based (line and column are within it)
 */

/** @returns {Diagnostic} */
const diagnostic = (severity, rule, message, line = 0, column = 0) => ({ line, column, severity, rule, message });

/** Sorts diagnostics by position (cell, line, column), then rule, in place. */
const sortDiagnostics = (list) =>
  list.sort((a, b) => (a.cell || 0) - (b.cell || 0) || a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));

module.exports = { diagnostic, sortDiagnostics };
