'use strict';
// The ratio chart for the README: one row per operation, one bar per input
// size, on a log axis centred on 1x (right of the line: faster than the best
// alternative). Hand-written SVG, no dependencies.

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const COLORS = ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

/**
 * @param {object} results the `--json` document
 * @param {string} [impl] which column to draw ('default')
 * @returns {string} SVG text
 */
function ratioChart(results, impl = 'default') {
  const rows = new Map();
  const sizes = new Set();
  for (const c of results.cases) {
    const r = c.ratios && c.ratios[impl];
    if (!Number.isFinite(r)) continue;
    if (!rows.has(c.label)) rows.set(c.label, []);
    rows.get(c.label).push({ size: c.sizeLabel || 'one input', sizeNum: c.sizeClass ?? c.size ?? -1, ratio: r, vs: c.reference });
    sizes.add(c.sizeLabel || 'one input');
  }
  const sizeList = [...sizes];
  const order = new Map(
    [...results.cases].sort((a, b) => (a.sizeClass ?? a.size ?? -1) - (b.sizeClass ?? b.size ?? -1)).map((c) => [c.sizeLabel || 'one input', 0]),
  );
  const sizeOrder = [...order.keys()].filter((s) => sizeList.includes(s));
  const color = (s) => COLORS[Math.min(COLORS.length - 1, sizeOrder.indexOf(s))];

  const labelW = 330;
  const plotW = 520;
  const bar = 5;
  const left = labelW + 10;
  const lo = Math.log10(1 / 100);
  const hi = Math.log10(100);
  const x = (r) => left + ((Math.min(hi, Math.max(lo, Math.log10(r))) - lo) / (hi - lo)) * plotW;
  const top = 70;
  const rowH = (n) => n * (bar + 1) + 8;
  let h = top;
  const body = [];
  for (const [label, bars] of rows) {
    bars.sort((a, b) => a.sizeNum - b.sizeNum);
    const rh = rowH(bars.length);
    const vs = bars[0].vs;
    body.push(`<text x="${labelW}" y="${h + rh / 2 + 4}" text-anchor="end" font-size="11">${esc(label)}<tspan fill="#777"> vs ${esc(vs)}</tspan></text>`);
    bars.forEach((b, i) => {
      const y = h + 4 + i * (bar + 1);
      const x0 = x(1);
      const x1 = x(b.ratio);
      const fill = b.ratio >= 1 ? color(b.size) : '#e6550d';
      body.push(`<rect x="${Math.min(x0, x1).toFixed(1)}" y="${y}" width="${Math.max(0.5, Math.abs(x1 - x0)).toFixed(1)}" height="${bar}" fill="${fill}"><title>${esc(`${label} ${b.size}: ${b.ratio.toFixed(2)}x vs ${b.vs}`)}</title></rect>`);
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
    .map((s, i) => `<rect x="${left + i * 80}" y="${h + 14}" width="10" height="10" fill="${color(s)}"/><text x="${left + i * 80 + 14}" y="${h + 23}" font-size="10">${esc(s)}</text>`)
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
