/**
 * Renders a BenchReport: aligned text tables for the terminal, and the results folder
 * `<out>/<timestamp>/` with report.json (for machines), report.md (tables, ratios, linked charts) and
 * one SVG per chart.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatParams } from './params.ts';
import { percentileChartSvg, ratioChartSvg } from './svg.ts';
import type { BenchReport, Cell, Chart, Ratio, ScenarioReport, Spread, Table } from './types.ts';

/** Median and min..max of per-repetition values (the median of an even count is the mean of the middle two). */
export function spreadOf(xs: readonly number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return { min: NaN, median: NaN, max: NaN };
  const m = s.length >> 1;
  return { min: s[0], median: s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2, max: s[s.length - 1] };
}

/** Thousands separators for large numbers, 3 significant digits for small ones. */
export function fmtNum(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-3) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

export const fmtSpread = (s: Spread, unit = ''): string => `${fmtNum(s.median)}${unit} (${fmtNum(s.min)}..${fmtNum(s.max)})`;

const cell = (c: Cell): string => (typeof c === 'number' ? fmtNum(c) : c);

export function ratioTable(ratios: Ratio[]): Table {
  return {
    title: 'peer ratios (median, min..max over repetitions)',
    columns: ['comparison', 'ratio', 'reps', 'meaning'],
    rows: ratios.map((r) => [r.label, fmtSpread(r.spread, '×'), r.reps, r.meaning]),
  };
}

export function textTable(t: Table): string {
  const rows = t.rows.map((r) => r.map(cell));
  const w = t.columns.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  // Numbers right-aligned, text left-aligned.
  const line = (r: string[], types: Cell[]) => r.map((v, c) => (typeof types[c] === 'number' ? v.padStart(w[c]) : v.padEnd(w[c]))).join('  ').trimEnd();
  return [`  ${t.title}`, `  ${line(t.columns, t.columns)}`, `  ${w.map((n) => '-'.repeat(n)).join('  ')}`,
    ...rows.map((r, i) => `  ${line(r, t.rows[i])}`)].join('\n');
}

export const statusText = (s: Pick<ScenarioReport, 'status' | 'reason'>): string =>
  (s.status === 'not-available' ? `not available: ${s.reason}` : s.reason === null ? s.status : `${s.status}: ${s.reason}`);

/** What the terminal shows at the end of a run. */
export function renderTerminal(r: BenchReport): string {
  const m = r.machine;
  const out = [
    `pipstream bench ${r.startedAt}${r.smoke ? ' (smoke)' : ''}: ${m.cpuModel}, ${m.cores} cores, Node ${m.node}, ${m.natsServer}, ` +
    `load ${m.loadAvg.before[0]} -> ${m.loadAvg.after?.[0] ?? '?'}`,
  ];
  for (const s of r.scenarios) {
    out.push('', `== ${s.name} (${s.seconds.toFixed(1)} s) ${statusText(s)}`);
    for (const l of s.summary) out.push(`  ${l}`);
    for (const t of s.tables) out.push(textTable(t));
    if (s.ratios.length > 0) out.push(textTable(ratioTable(s.ratios)));
    for (const p of s.problems) out.push(`  CHECK FAILED: ${p}`);
  }
  return `${out.join('\n')}\n`;
}

const mdCell = (c: Cell): string => cell(c).replace(/\|/g, '\\|');

export function markdownTable(t: Table): string {
  return [`| ${t.columns.map(mdCell).join(' | ')} |`, `| ${t.columns.map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)].join('\n');
}

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const out = [
    `# pipstream bench — ${r.startedAt}${r.smoke ? ' (smoke)' : ''}`,
    '',
    `Command: \`${r.command}\`. Absolute figures drift on a shared machine: read the ratios, measured side by side ` +
    'with their peer in the same run (alternating), median and min..max over repetitions.',
    '',
    '## Machine',
    '',
    markdownTable({
      title: 'machine', columns: ['CPU', 'cores', 'arch', 'OS', 'memory', 'Node', 'nats-server', 'load 1/5/15 min before', 'after'],
      rows: [[m.cpuModel, String(m.cores), m.arch, m.os, `${m.memoryGiB} GiB`, m.node, m.natsServer, m.loadAvg.before.join(' / '), m.loadAvg.after?.join(' / ') ?? '?']],
    }),
    '',
    '## Scenarios',
    '',
    markdownTable({
      title: 'scenarios', columns: ['scenario', 'status', 'seconds', 'headline'],
      rows: r.scenarios.map((s) => [`[${s.name}](#${s.name})`, statusText(s), s.seconds.toFixed(1), s.summary[0] ?? '']),
    }),
  ];
  for (const s of r.scenarios) {
    out.push('', `## ${s.name}`, '', s.description, '', `Status: **${statusText(s)}**. Parameters: \`${formatParams(s.params)}\`.`);
    if (s.summary.length > 0) out.push('', ...s.summary.map((l) => `- ${l}`));
    for (const t of s.tables) out.push('', `**${t.title}**`, '', markdownTable(t));
    if (s.ratios.length > 0) out.push('', `**${ratioTable(s.ratios).title}**`, '', markdownTable(ratioTable(s.ratios)));
    for (const c of s.charts) out.push('', `![${c.title}](${c.file})`);
    if (s.problems.length > 0) out.push('', '**Checks that failed**', '', ...s.problems.map((p) => `- ${p}`));
  }
  return `${out.join('\n')}\n`;
}

export function chartSvg(c: Chart): string {
  return c.kind === 'percentiles' ? percentileChartSvg(c.title, c.series) : ratioChartSvg(c.title, c.ratios);
}

/** A folder name from the start time (`2026-11-21T08-05-31Z`), made unique within `root`. */
function resultsDir(root: string, startedAt: string): string {
  const base = join(root, startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-'));
  let dir = base;
  for (let k = 2; existsSync(dir); k++) dir = `${base}-${k}`;
  return dir;
}

/** Writes report.json, report.md and the charts; returns the folder and every file written. */
export function writeResults(r: BenchReport, root: string): { dir: string; files: string[] } {
  const dir = resultsDir(root, r.startedAt);
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const write = (name: string, text: string) => { writeFileSync(join(dir, name), text); files.push(join(dir, name)); };
  write('report.json', `${JSON.stringify(r, null, 2)}\n`);
  write('report.md', renderMarkdown(r));
  for (const s of r.scenarios) for (const c of s.charts) write(c.file, chartSvg(c));
  return { dir, files };
}
