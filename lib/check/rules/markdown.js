'use strict';
// Markdown documents as CommonMark sees them (with GitHub's tables), parsed
// by markdown-it. Twin of src/check/markdown.rs (pulldown-cmark). What
// depends on the disk (whether a linked file or anchor exists) is returned
// as `links` for lib/check/links.js; the anchors this document defines
// (GitHub's heading slugs, HTML `name`/`id`) as `anchors`.
//
//   md-broken-link      error    a relative link or image whose file does not exist (checked by links.js)
//   md-broken-anchor    warning  a link to a #fragment that no heading or HTML anchor of the target document defines (links.js)
//   md-unclosed-fence   warning  a ``` or ~~~ fence never closed (CommonMark runs it to the end of its container, which is rarely meant)
//   md-empty-link       warning  [text]() or [text](<>)
//   md-heading-space    warning  #Heading at the start of a paragraph: not a heading without the space
//   md-empty-heading    warning  a heading with no text
//   md-heading-increment warning a heading more than one level below the previous one
//
// Lets pass: anything CommonMark does not make a link (text in code spans,
// fenced or indented code, HTML blocks and comments, after an escaped `\[`,
// `[x][y]` with no definition of y, which is plain text), URLs with a scheme,
// protocol- and root-relative links (the site root is unknown), YAML front
// matter.

const { diagnostic } = require('../diagnostic');
const { optionalDependency } = require('../../js/optional');
const { lineStarts } = require('../../lines');

const markdownIt = optionalDependency('markdown-it', 'checks Markdown');
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const HTML_ANCHOR = /\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const HEADING_NO_SPACE = /^ {0,3}#{1,6}[A-Za-z]/;
const SLUG_DROP = /[^\p{Alphabetic}\p{N}_\- ]/gu;

let parser;
/** markdown-it in its CommonMark preset with tables, recording where each link and image starts. */
function md() {
  if (parser) return parser;
  parser = markdownIt()('commonmark', { html: true }).enable('table');
  for (const rule of parser.inline.ruler.__rules__) {
    if (rule.name !== 'link' && rule.name !== 'image') continue;
    const fn = rule.fn;
    rule.fn = (state, silent) => {
      const pos = state.pos;
      const at = state.tokens.length;
      const ok = fn(state, silent);
      // Pending text is pushed first: the link's own token follows it.
      const own = ok && !silent ? state.tokens.slice(at).find((t) => t.type === 'link_open' || t.type === 'image') : null;
      if (own) own.meta = { pos };
      return ok;
    };
  }
  return parser;
}

/** Decodes %XX sequences; the raw text when they are not UTF-8. */
function percentDecode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The local part of a link destination: `{target, fragment}` for a relative
 * path (target '' for an anchor of the same document), null for a URL with
 * a scheme, a protocol- or root-relative link, or an empty one.
 * @param {string} href
 */
function localTarget(href) {
  if (href === '' || href.startsWith('/') || SCHEME.test(href)) return null;
  const hash = href.indexOf('#');
  const fragment = hash < 0 ? null : percentDecode(href.slice(hash + 1));
  let path = hash < 0 ? href : href.slice(0, hash);
  const query = path.indexOf('?');
  if (query >= 0) path = path.slice(0, query);
  if (path === '' && (fragment === null || fragment === '')) return null;
  return { target: percentDecode(path), fragment };
}

/** GitHub's slug of a heading's text: lowercase, punctuation but `-` and `_` dropped, spaces to `-`. */
const slug = (text) => text.toLowerCase().replace(SLUG_DROP, '').replace(/ /g, '-');

/** `name=`/`id=` anchors of an HTML fragment. */
function htmlAnchors(html, into) {
  for (const m of html.matchAll(HTML_ANCHOR)) into.push((m[1] ?? m[2] ?? m[3]).toLowerCase());
}

/** Front matter lines (`---` ... `---`/`...` at the very start) blanked, so neither side parses them. */
function blankFrontMatter(text) {
  if (!/^---[ \t]*\r?\n/.test(text)) return text;
  const close = /\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!close) return text;
  const end = close.index + close[0].length;
  return text.slice(0, end).replace(/[^\r\n]/g, '') + text.slice(end);
}

/** The 1-based UTF-16 column of the first non-blank character of a line. */
const indentColumn = (line) => line.length - line.replace(/^[ \t]+/, '').length + 1;

/**
 * @param {string} text
 * @returns {{diagnostics: import('../diagnostic').Diagnostic[], links: import('./index').LocalLink[], anchors: string[]}}
 */
function checkMarkdown(text) {
  const diagnostics = [];
  const links = [];
  const anchors = [];
  const seen = new Map();
  const source = blankFrontMatter(text);
  const starts = lineStarts(source);
  const lineText = (k) => source.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : source.length).replace(/\r?\n$|\r$/, '');
  const tokens = md().parse(source, {});

  let prevLevel = 0;
  let heading = null; // {level, line, column} while inside one
  let blockLine = 0; // 0-based line of the innermost block with a map
  let cellSearch = { line: -1, from: 0 };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.map) blockLine = t.map[0];
    if (t.type === 'heading_open') {
      heading = { level: Number(t.tag.slice(1)), line: t.map[0] + 1, column: indentColumn(lineText(t.map[0])) };
    } else if (t.type === 'heading_close') {
      heading = null;
    } else if (t.type === 'paragraph_open' && HEADING_NO_SPACE.test(lineText(t.map[0]))) {
      const line = lineText(t.map[0]);
      diagnostics.push(diagnostic('warning', 'md-heading-space', "no space after '#': this line is not a heading", t.map[0] + 1, line.indexOf('#') + 1));
    } else if (t.type === 'fence') {
      const last = lineText(t.map[1] - 1).trim();
      const closed = t.map[1] - t.map[0] >= 2 && last.length >= t.markup.length && [...last].every((c) => c === t.markup[0]);
      if (!closed) {
        const line = lineText(t.map[0]);
        diagnostics.push(diagnostic('warning', 'md-unclosed-fence', `code fence opened here (${t.markup}) is never closed`, t.map[0] + 1, indentColumn(line)));
      }
    } else if (t.type === 'html_block') {
      htmlAnchors(t.content, anchors);
    } else if (t.type === 'inline') {
      inline(t, tokens[i - 1]);
    }
  }

  /** Links, images and heading text of one inline token. */
  function inline(t, parent) {
    // Where the inline content starts in the source: its block's line, and
    // in that line (and the next ones) where each content line is found.
    const base = t.map ? t.map[0] : blockLine;
    const contentLines = t.content.split('\n');
    const lineOffsets = [];
    let acc = 0;
    for (const l of contentLines) {
      lineOffsets.push(acc);
      acc += l.length + 1;
    }
    let cellFrom = 0;
    if (!t.map && (parent.type === 'td_open' || parent.type === 'th_open')) {
      if (cellSearch.line !== base) cellSearch = { line: base, from: 0 };
      cellFrom = cellSearch.from;
    }
    const where = (pos) => {
      let k = 0;
      while (k + 1 < lineOffsets.length && lineOffsets[k + 1] <= pos) k++;
      const src = lineText(base + k);
      const found = src.indexOf(contentLines[k], k === 0 ? cellFrom : 0);
      return { line: base + k + 1, column: Math.max(found, 0) + pos - lineOffsets[k] + 1 };
    };
    if (!t.map && cellFrom >= 0 && (parent.type === 'td_open' || parent.type === 'th_open')) {
      const found = lineText(base).indexOf(t.content, cellFrom);
      cellSearch.from = found < 0 ? cellFrom : found + t.content.length;
    }

    let text = '';
    let inImage = 0;
    for (const c of t.children || []) {
      if (c.type === 'link_open' || c.type === 'image') {
        const href = c.type === 'image' ? c.attrGet('src') : c.attrGet('href');
        const { line, column } = where(c.meta ? c.meta.pos : 0);
        if (href === '') {
          diagnostics.push(diagnostic('warning', 'md-empty-link', 'link has an empty target', line, column));
        } else {
          const local = localTarget(href);
          if (local) links.push({ target: local.target, fragment: local.fragment, line, column });
        }
        if (c.type === 'image') inImage++;
      }
      if (c.type === 'html_inline') htmlAnchors(c.content, anchors);
      if (heading && !inImage && (c.type === 'text' || c.type === 'code_inline')) text += c.content;
      if (c.type === 'image') inImage--;
    }
    if (heading) {
      if (text.trim() === '') diagnostics.push(diagnostic('warning', 'md-empty-heading', 'heading has no text', heading.line, heading.column));
      if (prevLevel && heading.level > prevLevel + 1) {
        diagnostics.push(
          diagnostic('warning', 'md-heading-increment', `heading level jumps from h${prevLevel} to h${heading.level}`, heading.line, heading.column),
        );
      }
      prevLevel = heading.level;
      const s = slug(text.trim());
      const n = seen.get(s) || 0;
      seen.set(s, n + 1);
      anchors.push(n ? `${s}-${n}` : s);
    }
  }
  return { diagnostics, links, anchors };
}

/** The family's rules for `check --help`: [id, severity, summary]. */
const RULES = [
  ['md-broken-link', 'error', 'a relative link or image to a file that does not exist'],
  ['md-broken-anchor', 'warning', 'a link to a #heading the target document does not define (GitHub slugs, HTML name/id)'],
  ['md-unclosed-fence', 'warning', 'a code fence never closed (it runs to the end of its container)'],
  ['md-empty-link', 'warning', 'a link with an empty target'],
  ['md-heading-space', 'warning', "'#Heading' without the space is not a heading"],
  ['md-empty-heading', 'warning', 'a heading with no text'],
  ['md-heading-increment', 'warning', 'a heading more than one level below the previous one'],
];

module.exports = { checkMarkdown, localTarget, slug, RULES };
