'use strict';
// Markdown structure: code fences, headings and links. Everything here
// depends on the text alone (so it can be cached by content) except whether
// local link targets exist, which is returned as a list for the caller to
// check on disk on every run.
//
//   md-unclosed-fence      error    a ``` or ~~~ fence that is never closed
//   md-broken-link         error    a relative link to a file that does not exist (checked by the caller)
//   md-empty-link          warning  [text]()
//   md-undefined-reference warning  [text][label] with no [label]: definition
//   md-heading-space       warning  #Heading (not a heading without the space)
//   md-empty-heading       warning  a heading with no text
//   md-heading-increment   warning  a heading more than one level below the previous one

const { diagnostic } = require('../diagnostic');
const { lineStarts } = require('../../lines');

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const ATX_NO_SPACE = /^ {0,3}#{1,6}[^#\s]/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const CODE_SPAN = /(`+)[^`][\s\S]*?\1|``/g;
const INLINE_LINK =
  /!?\[((?:[^\[\]\\]|\\.)*)\]\([ \t]*(<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)/g;
const REF_LINK = /!?\[((?:[^\[\]\\]|\\.)+)\]\[((?:[^\[\]\\]|\\.)*)\]/g;
const REF_DEF = /^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*(<[^<>\n]*>|\S+)/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A line that cannot be a setext heading's text (list item, quote, table row).
const NOT_PARAGRAPH = /^\s*(?:[-*+]\s|\d+[.)]\s|>|\|)/;

const normalizeLabel = (s) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The file a link target names, when it is a relative path on disk: no
 * scheme, not protocol-relative, not root-relative (the site root is
 * unknown), not only an anchor. Anchors and queries are dropped.
 * @returns {string | null}
 */
function localTarget(raw) {
  let t = raw.startsWith('<') ? raw.slice(1, -1) : raw;
  t = t.replace(/\\(.)/g, '$1');
  if (t === '' || t.startsWith('#') || t.startsWith('/') || SCHEME.test(t)) return null;
  t = t.replace(/[?#].*$/, '');
  if (t === '') return null;
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

/**
 * @param {string} text
 * @returns {{diagnostics: import('../diagnostic').Diagnostic[], links: {target: string, line: number, column: number}[]}}
 */
function checkMarkdown(text) {
  const diagnostics = [];
  const links = [];
  const refs = [];
  const defined = new Set();
  const starts = lineStarts(text);
  const lineAt = (k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : text.length;
    return text.slice(starts[k], end).replace(/\r?\n$|\r$/, '');
  };

  let fence = null; // {char, length, line, column} while inside a fenced block
  let prevLevel = 0;
  let prevText = '';
  const heading = (level, content, line, column) => {
    if (content.trim() === '') diagnostics.push(diagnostic('warning', 'md-empty-heading', 'heading has no text', line, column));
    if (prevLevel && level > prevLevel + 1) {
      diagnostics.push(
        diagnostic('warning', 'md-heading-increment', `heading level jumps from h${prevLevel} to h${level}`, line, column),
      );
    }
    prevLevel = level;
  };
  const addLink = (raw, line, column) => {
    const target = localTarget(raw);
    if (target !== null) links.push({ target, line, column });
  };

  // YAML front matter is not Markdown.
  let k0 = 0;
  if (lineAt(0) === '---') {
    for (let k = 1; k < starts.length; k++) {
      if (/^(---|\.\.\.)$/.test(lineAt(k))) {
        k0 = k + 1;
        break;
      }
    }
  }

  for (let k = k0; k < starts.length; k++) {
    const src = lineAt(k);
    const line = k + 1;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(src);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length) fence = null;
      continue;
    }
    const open = FENCE_OPEN.exec(src);
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      fence = { char: open[2][0], length: open[2].length, line, column: open[1].length + 1 };
      prevText = '';
      continue;
    }

    const atx = ATX.exec(src);
    if (atx) {
      heading(atx[1].length, (atx[2] || '').replace(/[ \t]+#+$|^#+$/, ''), line, src.indexOf('#') + 1);
    } else if (ATX_NO_SPACE.test(src)) {
      diagnostics.push(
        diagnostic('warning', 'md-heading-space', "no space after '#': this line is not a heading", line, src.indexOf('#') + 1),
      );
    } else if (prevText.trim() !== '' && !NOT_PARAGRAPH.test(prevText) && SETEXT.test(src)) {
      heading(src.trim()[0] === '=' ? 1 : 2, prevText, line - 1, 1);
    }
    prevText = atx ? '' : src;

    // Links, with code spans blanked so `[a](b)` in code is not one.
    const plain = src.replace(CODE_SPAN, (m) => ' '.repeat(m.length));
    const def = REF_DEF.exec(plain);
    if (def) {
      defined.add(normalizeLabel(def[1]));
      addLink(def[2], line, plain.indexOf('[') + 1);
      continue;
    }
    for (const m of plain.matchAll(INLINE_LINK)) {
      const column = m.index + 1;
      if (m[2] === '' || m[2] === '<>') {
        diagnostics.push(diagnostic('warning', 'md-empty-link', `link [${m[1]}] has an empty target`, line, column));
      } else addLink(m[2], line, column);
    }
    for (const m of plain.matchAll(REF_LINK)) {
      refs.push({ label: normalizeLabel(m[2] === '' ? m[1] : m[2]), line, column: m.index + 1 });
    }
  }

  if (fence) {
    diagnostics.push(
      diagnostic('error', 'md-unclosed-fence', `code fence opened here (${fence.char.repeat(fence.length)}) is never closed`, fence.line, fence.column),
    );
  }
  for (const r of refs) {
    if (!defined.has(r.label)) {
      diagnostics.push(diagnostic('warning', 'md-undefined-reference', `link reference [${r.label}] is not defined`, r.line, r.column));
    }
  }
  return { diagnostics, links };
}

module.exports = { checkMarkdown, localTarget };
