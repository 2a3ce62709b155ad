'use strict';
// What Markdown's links depend on besides the document's text: whether the
// file a relative link names exists, and whether a `#fragment` is an anchor
// (GitHub's heading slugs, HTML name/id) of the document it names. The
// analysis (rules, cached by content) lists the links and this document's
// anchors; this checks them on disk on every run.
//
//   md-broken-link    error    the linked file does not exist
//   md-broken-anchor  warning  the fragment is no anchor of the linked Markdown document (or of this one)
//
// Lets pass: fragments of non-Markdown targets (GitHub's #L10 line anchors),
// GitHub's own `user-content-` prefix.

const fs = require('node:fs');
const path = require('node:path');
const { diagnostic } = require('./diagnostic');

const MARKDOWN = /\.(?:md|markdown)$/i;
const USER_CONTENT = 'user-content-';

const exists = (p) =>
  fs.promises.access(p).then(
    () => true,
    () => false,
  );

/** Whether `fragment` names one of `anchors` (GitHub compares lowercase). */
function hasAnchor(anchors, fragment) {
  let f = fragment.toLowerCase();
  if (f.startsWith(USER_CONTENT)) f = f.slice(USER_CONTENT.length);
  return anchors.includes(f);
}

/**
 * The disk-dependent findings of one analysed document.
 * @param {string} file the document (absolute)
 * @param {import('./rules').Analysis} found its analysis
 * @param {(file: string) => Promise<string[] | null>} anchorsOf the anchors of another Markdown file, null when unreadable
 * @returns {Promise<import('./diagnostic').Diagnostic[]>}
 */
async function checkLinks(file, found, anchorsOf) {
  const out = [];
  const dir = path.dirname(file);
  for (const link of found.links) {
    const fragment = link.fragment;
    const missingAnchor = (where) =>
      diagnostic('warning', 'md-broken-anchor', `no heading or anchor '#${fragment}' in ${where}`, link.line, link.column);
    if (link.target === '') {
      if (fragment && !hasAnchor(found.anchors || [], fragment)) out.push(missingAnchor('this document'));
      continue;
    }
    const target = path.resolve(dir, link.target);
    if (!(await exists(target))) {
      out.push(diagnostic('error', 'md-broken-link', `link target '${link.target}' does not exist`, link.line, link.column));
      continue;
    }
    if (fragment && MARKDOWN.test(target)) {
      const anchors = await anchorsOf(target);
      if (anchors && !hasAnchor(anchors, fragment)) out.push(missingAnchor(`'${link.target}'`));
    }
  }
  return out;
}

/**
 * A per-run memo of `anchorsOf`: reads and analyses each linked Markdown
 * file once.
 * @param {(text: string, file: string) => import('./rules').Analysis} analyze
 */
function anchorReader(analyze) {
  const memo = new Map();
  return (file) => {
    if (!memo.has(file)) {
      memo.set(
        file,
        fs.promises.readFile(file, 'utf8').then(
          (text) => analyze(text, file).anchors,
          () => null,
        ),
      );
    }
    return memo.get(file);
  };
}

module.exports = { checkLinks, anchorReader, hasAnchor };
