/**
 * Runs the selected scenarios one after the other and collects a BenchReport. A scenario that throws is
 * recorded as `failed` and the others still run; a missing service skips a scenario (fails it in CI).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPipstreamError } from '../../engine/errors/mod.ts';
import { describeMachine, finishMachine } from './machine.ts';
import type { BenchArgs } from './params.ts';
import type { Progress } from './progress.ts';
import { statusText } from './report.ts';
import type { ScenarioDef } from './scenarios.ts';
import { inCI, missingServices } from './services.ts';
import type { BenchReport, ScenarioReport } from './types.ts';

const empty = { summary: [], tables: [], ratios: [], charts: [], raw: null, problems: [] };

async function runOne(def: ScenarioDef, params: ScenarioReport['params'], progress: Progress): Promise<ScenarioReport> {
  const base = { name: def.name, description: def.description, params };
  const t0 = performance.now();
  const seconds = () => (performance.now() - t0) / 1000;
  if (def.run === null) return { ...base, ...empty, status: 'not-available', reason: def.unavailable, seconds: 0 };
  const missing = await missingServices(def.needs(params));
  if (missing !== null) {
    return inCI()
      ? { ...base, ...empty, status: 'failed', reason: missing, seconds: seconds() }
      : { ...base, ...empty, status: 'skipped', reason: missing, seconds: seconds() };
  }
  const tmp = mkdtempSync(join(tmpdir(), `pipstream-bench-${def.name}-`));
  try {
    const out = await def.run(params, { step: (l) => progress.step(l), tmp });
    return { ...base, ...out, status: 'ok', reason: null, seconds: seconds() };
  } catch (err) {
    const reason = isPipstreamError(err) ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
    return { ...base, ...empty, status: 'failed', reason, seconds: seconds() };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export async function runScenarios(args: BenchArgs, registry: readonly ScenarioDef[], progress: Progress, command: string): Promise<BenchReport> {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const scenarios: ScenarioReport[] = [];
  try {
    for (const [i, name] of args.scenarios.entries()) {
      progress.scenario(name, i, args.scenarios.length);
      const r = await runOne(registry.find((s) => s.name === name)!, args.params.get(name)!, progress);
      progress.done(`${statusText(r)} in ${r.seconds.toFixed(1)} s` +
        `${r.problems.length > 0 ? `, ${r.problems.length} check(s) failed` : ''}`);
      scenarios.push(r);
    }
  } finally {
    progress.stop();
  }
  return { startedAt, finishedAt: new Date().toISOString(), command, smoke: args.smoke, machine: finishMachine(machine), scenarios };
}

/** Every file a report promises, present and well-formed (report.json parses, each SVG is an <svg>). */
export function missingResultFiles(r: BenchReport, dir: string): string[] {
  const problems: string[] = [];
  const need = ['report.json', 'report.md', ...r.scenarios.flatMap((s) => s.charts.map((c) => c.file))];
  for (const f of need) {
    const path = join(dir, f);
    try {
      if (statSync(path).size === 0) { problems.push(`${f} is empty`); continue; }
      const text = readFileSync(path, 'utf8');
      if (f.endsWith('.svg') && !text.startsWith('<svg')) problems.push(`${f} is not an SVG`);
      if (f === 'report.json') JSON.parse(text);
    } catch (err) {
      problems.push(`${f}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}
