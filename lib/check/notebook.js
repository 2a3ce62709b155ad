'use strict';
// Jupyter notebooks (.ipynb): each cell is checked on its own through the
// same per-text check as a file (analyze), code cells of a JavaScript or
// TypeScript kernel as that language, every other cell as text (the secret
// scan). Findings carry the cell's number. A file that is not a notebook is
// checked as the JSON it claims to be.

/** The JS/TS language a kernel's code cells are checked as, by the notebook's language name. */
const KERNEL_LANGS = { javascript: 'js', js: 'js', node: 'js', nodejs: 'js', typescript: 'ts', ts: 'ts' };

/**
 * The notebook's language, lowercased: `metadata.kernelspec.language`, else
 * `metadata.language_info.name` (Jupyter writes both; kernels fill in one or the other).
 */
function notebookLanguage(nb) {
  const meta = nb.metadata && typeof nb.metadata === 'object' ? nb.metadata : {};
  for (const v of [meta.kernelspec && meta.kernelspec.language, meta.language_info && meta.language_info.name]) {
    if (typeof v === 'string' && v !== '') return v.toLowerCase();
  }
  return '';
}

/** A cell's source as one text (nbformat allows a string or a list of lines). */
function cellSource(cell) {
  const src = cell && cell.source;
  if (typeof src === 'string') return src;
  if (Array.isArray(src)) return src.filter((s) => typeof s === 'string').join('');
  return '';
}

/**
 * The notebook in `text`, or null when it is not one (not JSON, or no `cells` list).
 * @returns {{cells: object[], metadata?: object} | null}
 */
function parseNotebook(text) {
  let nb;
  try {
    nb = JSON.parse(text);
  } catch {
    return null;
  }
  return nb && typeof nb === 'object' && Array.isArray(nb.cells) ? nb : null;
}

/**
 * The analysis of a notebook's text (diagnostics with `cell`, the 1-based
 * position of the cell in the notebook; no links: Markdown cells get the
 * scans only). Twin of src/check/notebook.rs.
 * @param {string} text the .ipynb file
 * @param {string} file its path
 * @param {(text: string, file: string, kind: string) => import('./rules').Analysis} analyzeText the per-text check
 */
function analyzeNotebook(text, file, analyzeText) {
  const nb = parseNotebook(text);
  if (nb === null) return analyzeText(text, file, 'json');
  const codeKind = KERNEL_LANGS[notebookLanguage(nb)] || 'text';
  const diagnostics = [];
  nb.cells.forEach((cell, i) => {
    const kind = cell && cell.cell_type === 'code' ? codeKind : 'text';
    for (const d of analyzeText(cellSource(cell), file, kind).diagnostics) diagnostics.push({ ...d, cell: i + 1 });
  });
  return { diagnostics, links: [], anchors: [] };
}

module.exports = { analyzeNotebook, parseNotebook, notebookLanguage, cellSource };
