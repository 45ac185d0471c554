/**
 * The report's charts as plain SVG text (no dependency): latency percentile distributions (HdrHistogram's
 * usual plot: x = percentile on a 1/(1-p) log scale, y = latency on a log scale) and peer ratio bars
 * (median bar, min..max whisker, a line at 1×).
 */
import type { PercentileSeries, Ratio } from './types.ts';

const W = 760;
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
const FONT = 'font-family="system-ui, sans-serif" font-size="12"';

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fmt = (x: number): string => (x >= 1000 ? `${Math.round(x).toLocaleString('en-US')}` : String(Number(x.toPrecision(3))));

/** Powers of ten, with 2 and 5 between them when the range is short, covering lo..hi. */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  const steps = Math.log10(hi / lo) < 2.5 ? [1, 2, 5] : [1];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of steps) { const v = m * 10 ** e; if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v); }
  }
  return out;
}

/** The max (percentile 100) is drawn at 99.99 and labelled "max". */
const percentileX = (p: number): number => Math.log10(1 / (1 - Math.min(p, 99.99) / 100));

export function percentileChartSvg(title: string, series: PercentileSeries[]): string {
  const H = 380, left = 70, right = 190, top = 40, bottom = 50;
  const pw = W - left - right, ph = H - top - bottom;
  const values = series.flatMap((s) => s.points.map((p) => Math.max(p.us, 1)));
  const lo = 10 ** Math.floor(Math.log10(values.length === 0 ? 1 : Math.min(...values)));
  const hi = Math.max(10 ** Math.ceil(Math.log10(values.length === 0 ? 1 : Math.max(...values))), lo * 10);
  const xMax = percentileX(100);
  const x = (p: number) => left + (percentileX(p) / xMax) * pw;
  const y = (us: number) => top + ph - (Math.log10(Math.max(us, 1) / lo) / Math.log10(hi / lo)) * ph;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ${FONT}>`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<text x="${left}" y="22" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<rect x="${left}" y="${top}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`,
  ];
  for (const v of logTicks(lo, hi)) {
    parts.push(`<line x1="${left}" x2="${left + pw}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#eee"/>`,
      `<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${fmt(v)}</text>`);
  }
  for (const [p, label] of [[0, '0%'], [50, '50%'], [90, '90%'], [99, '99%'], [99.9, '99.9%'], [100, 'max']] as const) {
    parts.push(`<line x1="${x(p).toFixed(1)}" x2="${x(p).toFixed(1)}" y1="${top}" y2="${top + ph}" stroke="#eee"/>`,
      `<text x="${x(p).toFixed(1)}" y="${top + ph + 16}" text-anchor="middle">${label}</text>`);
  }
  parts.push(`<text x="${left + pw / 2}" y="${H - 10}" text-anchor="middle">percentile</text>`,
    `<text transform="translate(16 ${top + ph / 2}) rotate(-90)" text-anchor="middle">latency µs (log)</text>`);
  series.forEach((s, k) => {
    const color = COLORS[k % COLORS.length];
    const pts = [...s.points].sort((a, b) => a.percentile - b.percentile);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map((p) => `${x(p.percentile).toFixed(1)},${y(p.us).toFixed(1)}`).join(' ')}"/>`);
    for (const p of pts) parts.push(`<circle cx="${x(p.percentile).toFixed(1)}" cy="${y(p.us).toFixed(1)}" r="3" fill="${color}"><title>${escapeXml(`${s.label} p${p.percentile === 100 ? 'max' : p.percentile}: ${fmt(p.us)} µs`)}</title></circle>`);
    const ly = top + 10 + k * 18;
    parts.push(`<rect x="${left + pw + 12}" y="${ly - 8}" width="12" height="4" fill="${color}"/>`,
      `<text x="${left + pw + 30}" y="${ly}">${escapeXml(s.label)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

export function ratioChartSvg(title: string, ratios: Ratio[]): string {
  const row = 26, left = 300, right = 90, top = 40, bottom = 40;
  const H = top + bottom + row * Math.max(ratios.length, 1);
  const pw = W - left - right;
  const all = ratios.flatMap((r) => [r.spread.min, r.spread.max]).filter((v) => Number.isFinite(v) && v > 0);
  const lo = Math.min(...all, 1) / 1.5, hi = Math.max(...all, 1) * 1.5;
  const x = (v: number) => left + (Math.log10(Math.max(v, lo) / lo) / Math.log10(hi / lo)) * pw;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ${FONT}>`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<text x="10" y="22" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const v of logTicks(lo, hi)) {
    parts.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${top - 4}" y2="${H - bottom}" stroke="${v === 1 ? '#333' : '#eee'}"/>`,
      `<text x="${x(v).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle">${fmt(v)}×</text>`);
  }
  ratios.forEach((r, k) => {
    const cy = top + k * row + row / 2;
    const color = COLORS[k % COLORS.length];
    const { min, median, max } = r.spread;
    parts.push(`<text x="${left - 8}" y="${cy + 4}" text-anchor="end">${escapeXml(r.label)}</text>`);
    if (!(Number.isFinite(median) && median > 0)) {
      parts.push(`<text x="${left + 4}" y="${cy + 4}">no value</text>`);
      return;
    }
    const x1 = x(Math.min(1, median)), x2 = x(Math.max(1, median));
    parts.push(`<rect x="${x1.toFixed(1)}" y="${cy - 7}" width="${Math.max(x2 - x1, 1).toFixed(1)}" height="14" fill="${color}" opacity="0.6"><title>${escapeXml(`${r.label}: ${fmt(median)}× (${fmt(min)}..${fmt(max)}), ${r.meaning}`)}</title></rect>`,
      `<line x1="${x(min).toFixed(1)}" x2="${x(max).toFixed(1)}" y1="${cy}" y2="${cy}" stroke="#000"/>`,
      `<line x1="${x(min).toFixed(1)}" x2="${x(min).toFixed(1)}" y1="${cy - 5}" y2="${cy + 5}" stroke="#000"/>`,
      `<line x1="${x(max).toFixed(1)}" x2="${x(max).toFixed(1)}" y1="${cy - 5}" y2="${cy + 5}" stroke="#000"/>`,
      `<text x="${W - right + 8}" y="${cy + 4}">${fmt(median)}×</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
