'use strict';
// How check results are shown: compiler-style lines and a summary for
// people, one JSON document for programs.

const path = require('node:path');

/** `file` relative to `cwd` when it is inside it, else absolute. */
function displayPath(file, cwd) {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/**
 * `path:line:column: severity: message [rule]` (no position for whole-file
 * findings); in a notebook `path: cell N, line L, column C: ...`.
 */
function formatDiagnostic(file, d) {
  let where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
  if (d.cell) where = `${file}: cell ${d.cell}${d.line > 0 ? `, line ${d.line}, column ${d.column}` : ''}`;
  return `${where}: ${d.severity}: ${d.message} [${d.rule}]`;
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line: files checked, how many from the cache, errors and warnings. */
function summaryLine({ files, cached, errors, warnings }) {
  const fromCache = cached ? ` (${cached} from cache)` : '';
  return `${plural(files, 'file')} checked${fromCache}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** Every diagnostic as a line, then the summary line. */
function formatHuman(report, cwd) {
  const lines = [];
  for (const r of report.files) {
    const shown = displayPath(r.path, cwd);
    for (const d of r.diagnostics) lines.push(formatDiagnostic(shown, d));
  }
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
}

/**
 * The report `check --json` prints and the API's check() resolves to: paths
 * as the CLI shows them (relative to `cwd` when inside it).
 */
function jsonReport(report, cwd, backend, version) {
  return {
    tool: 'cfn-accel',
    version,
    backend,
    ok: report.summary.errors === 0,
    summary: report.summary,
    files: report.files.map((r) => ({ ...r, path: displayPath(r.path, cwd) })),
  };
}

/** The JSON document of `check --json`. */
function formatJSON(report, cwd, backend, version) {
  return `${JSON.stringify(jsonReport(report, cwd, backend, version), null, 2)}\n`;
}

module.exports = { displayPath, formatDiagnostic, formatHuman, formatJSON, jsonReport, summaryLine };
