'use strict';
// How check results are shown: compiler-style lines and a summary for
// people, one JSON document for programs.

const path = require('node:path');

/** `file` relative to `cwd` when it is inside it, else absolute. */
function displayPath(file, cwd) {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** `path:line:column: severity: message [rule]` (no position for whole-file findings). */
function formatDiagnostic(file, d) {
  const where = d.line > 0 ? `${file}:${d.line}:${d.column}` : file;
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

/** The JSON document of `check --json`. */
function formatJSON(report, cwd, backend, version) {
  const doc = {
    tool: 'cfn-accel',
    version,
    backend,
    ok: report.summary.errors === 0,
    summary: report.summary,
    files: report.files.map((r) => ({ ...r, path: displayPath(r.path, cwd) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

module.exports = { displayPath, formatDiagnostic, formatHuman, formatJSON, summaryLine };
