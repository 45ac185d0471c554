/**
 * What a scenario hands back and what a bench run writes (report.json is a BenchReport).
 * Scenarios describe their results as tables, peer ratios and charts, so the terminal table, the
 * Markdown report and the SVG charts are rendered the same way for all of them.
 */
import type { Machine } from './machine.ts';
import type { ParamValue } from './params.ts';

export type Cell = string | number;

export interface Table { title: string; columns: string[]; rows: Cell[][] }

export interface Spread { min: number; median: number; max: number }

/** A figure measured against its peer in the same run: per-repetition ratios, spread over repetitions. */
export interface Ratio {
  label: string;
  spread: Spread;
  reps: number;
  /** How to read it, e.g. "trading-signals ns ÷ ours: > 1 means ours is faster". */
  meaning: string;
}

/** One latency distribution: percentile (50, 99, 99.9 ..., 100 = max) -> microseconds. */
export interface PercentileSeries { label: string; points: { percentile: number; us: number }[] }

export type Chart =
  | { kind: 'percentiles'; file: string; title: string; series: PercentileSeries[] }
  | { kind: 'ratios'; file: string; title: string; ratios: Ratio[] };

/** `not-available` and `skipped` are reported, not errors; `failed` makes the run exit 1. */
export type ScenarioStatus = 'ok' | 'not-available' | 'skipped' | 'failed';

/** What a scenario's run returns. */
export interface ScenarioOutput {
  /** Headline lines (the terminal and the report show them first). */
  summary: string[];
  tables: Table[];
  ratios: Ratio[];
  charts: Chart[];
  /** The bench function's own result object(s), unchanged. */
  raw: unknown;
}

export interface ScenarioReport extends ScenarioOutput {
  name: string;
  description: string;
  status: ScenarioStatus;
  /** Why a scenario did not run (or what failed). */
  reason: string | null;
  params: Record<string, ParamValue>;
  seconds: number;
  /** Sanity checks on the values (smoke runs): empty when all hold. */
  problems: string[];
}

export interface BenchReport {
  startedAt: string;
  finishedAt: string;
  /** The arguments the run was started with. */
  command: string;
  smoke: boolean;
  machine: Machine;
  scenarios: ScenarioReport[];
}
