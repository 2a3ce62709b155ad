'use strict';
// The ratio chart for the README: one row per operation, one bar per input
// size, on a log axis centred on 1x (right of the line: faster than the best
// alternative). Hand-written SVG, no dependencies.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Light to dark by input size: blue where we are faster, orange where slower.
const BLUES = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
const ORANGES = ['#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#a63603', '#7f2704'];
const SIZE_ORDER = ['19 ch', '64 B', '256 B', '1 KiB', '64 KiB', '1 MiB'];
/** The size class of a case: the bench sizes, or 'one input' (a file, a fixed call). */
const sizeClassOf = (c) => (SIZE_ORDER.includes(c.sizeLabel) ? c.sizeLabel : 'one input');
/** The row label: the operation, without the fixture's path. */
const rowLabel = (c) => c.label.replace(/ \((JS|TS), [^)]*\)$/, ' ($1 file)').replace(/ \(node_modules\/[^)]*\)$/, '');

/**
 * @param {object} results the `--json` document
 * @param {string} [impl] which column to draw ('default')
 * @returns {string} SVG text
 */
function ratioChart(results, impl = 'default') {
  const rows = new Map();
  const seen = new Set();
  for (const c of results.cases) {
    const r = c.ratios && c.ratios[impl];
    if (!Number.isFinite(r)) continue;
    const label = rowLabel(c);
    if (!rows.has(label)) rows.set(label, []);
    const size = sizeClassOf(c);
    seen.add(size);
    rows.get(label).push({ size, order: SIZE_ORDER.indexOf(size), ratio: r, vs: c.reference, what: c.sizeLabel || 'one input' });
  }
  const sizeOrder = [...SIZE_ORDER, 'one input'].filter((s) => seen.has(s));
  const shade = (s, faster) => {
    const i = s === 'one input' ? 3 : SIZE_ORDER.indexOf(s);
    return (faster ? BLUES : ORANGES)[Math.max(0, i)];
  };
  const labelW = 440;
  const plotW = 520;
  const bar = 8;
  const left = labelW + 10;
  const lo = Math.log10(1 / 100);
  const hi = Math.log10(100);
  const x = (r) => left + ((Math.min(hi, Math.max(lo, Math.log10(r))) - lo) / (hi - lo)) * plotW;
  const top = 70;
  const rowH = (n) => n * (bar + 1) + 6;
  let h = top;
  const body = [];
  for (const [label, bars] of rows) {
    bars.sort((a, b) => a.order - b.order);
    const rh = rowH(bars.length);
    const refs = [...new Set(bars.map((b) => b.vs))];
    const vs = refs.length === 1 ? refs[0] : `the best of ${refs.join(', ')}`;
    body.push(`<text x="${labelW}" y="${h + rh / 2 + 4}" text-anchor="end" font-size="10.5">${esc(label)}<tspan fill="#777"> vs ${esc(vs)}</tspan></text>`);
    bars.forEach((b, i) => {
      const y = h + 4 + i * (bar + 1);
      const x0 = x(1);
      const x1 = x(b.ratio);
      const fill = shade(b.size, b.ratio >= 1);
      const tip = `${label} ${b.what}: ${b.ratio.toFixed(2)}x vs ${b.vs}`;
      body.push(`<rect x="${Math.min(x0, x1).toFixed(1)}" y="${y}" width="${Math.max(0.5, Math.abs(x1 - x0)).toFixed(1)}" height="${bar}" fill="${fill}"><title>${esc(tip)}</title></rect>`);
      const tx = b.ratio >= 1 ? x1 + 3 : x1 - 3;
      const txt = `${b.ratio >= 10 ? b.ratio.toFixed(0) : b.ratio.toFixed(2)}x`;
      body.push(`<text x="${tx.toFixed(1)}" y="${y + bar - 1}" font-size="7.5" fill="#444" text-anchor="${b.ratio >= 1 ? 'start' : 'end'}">${txt}</text>`);
    });
    body.push(`<line x1="${left - 5}" x2="${left + plotW}" y1="${h + rh}" y2="${h + rh}" stroke="#eee"/>`);
    h += rh;
  }
  const grid = [];
  for (const r of [0.01, 0.1, 0.5, 1, 2, 10, 100]) {
    grid.push(`<line x1="${x(r)}" x2="${x(r)}" y1="${top - 6}" y2="${h}" stroke="${r === 1 ? '#000' : '#ccc'}" stroke-width="${r === 1 ? 1.2 : 0.6}"/>`);
    grid.push(`<text x="${x(r)}" y="${top - 10}" text-anchor="middle" font-size="10">${r}x</text>`);
  }
  const legend = sizeOrder
    .map((s, i) => `<rect x="${left + i * 75}" y="${h + 14}" width="10" height="10" fill="${shade(s, true)}"/><rect x="${left + i * 75 + 10}" y="${h + 14}" width="5" height="10" fill="${shade(s, false)}"/><text x="${left + i * 75 + 19}" y="${h + 23}" font-size="10">${esc(s)}</text>`)
    .join('');
  const m = results.machine || {};
  const title = `cfn-accel ${results.version || ''}: ${impl} backend (${results.defaultBackend || '?'}) vs the best alternative, per input size`;
  const sub = `${m.cpu || ''}, ${m.cores || '?'} cores, node ${m.node || ''}, load ${m.loadavg ? m.loadavg.map((v) => v.toFixed(2)).join(' ') : '?'}, ${m.date || ''}. Right of 1x: faster; orange: slower.`;
  const height = h + 40;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + plotW + 20}" height="${height}" viewBox="0 0 ${left + plotW + 20} ${height}" font-family="Helvetica, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="10" y="20" font-size="14" font-weight="bold">${esc(title)}</text>
<text x="10" y="38" font-size="10" fill="#555">${esc(sub)}</text>
${grid.join('\n')}
${body.join('\n')}
${legend}
</svg>
`;
}

module.exports = { ratioChart };
