/**
 * Shared pieces of the engine tests: the real tick files (loaded once per test process),
 * the fixture workflows, and a producer that pushes a range of ticks into a supervisor the
 * way feedDirect does (seq = index in the file), with a hook to act between pushes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import { REPO_ROOT } from '../../engine/config/mod.ts';
import { type EngineSignal, Supervisor } from '../../engine/supervisor/mod.ts';
import { loadTickFile, type TickBatch, type TickColumns } from '../../engine/ticks/mod.ts';
import { validateWorkflow, type Workflow } from '../../engine/workflow/mod.ts';

export const repoPath = (rel: string): string => join(REPO_ROOT, rel);
export const OANDA_FILE = repoPath('data/ticks/oanda-EUR_USD-2014-05.csv.gz');
export const FXCM_FILE = repoPath('data/ticks/fxcm-EUR_USD-2014-05.csv.gz');
export const INSTRUMENT = 'EUR_USD';

const cache = new Map<string, Promise<TickColumns>>();
export function ticksOf(file: string): Promise<TickColumns> {
  let p = cache.get(file);
  if (p === undefined) cache.set(file, p = loadTickFile(file));
  return p;
}

/** A fixture workflow, validated, optionally changed (e.g. a new version). */
export function fixtureWorkflow(name: string, patch: Record<string, unknown> = {}): Workflow {
  const doc = JSON.parse(readFileSync(repoPath(`test/fixtures/workflows/${name}`), 'utf8')) as Record<string, unknown>;
  return validateWorkflow({ ...doc, ...patch });
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

/** A logger whose JSON lines land in `lines` (to assert what the engine logged). */
export function capturingLogger(lines: Array<Record<string, unknown>>): Logger {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return pino({ level: 'info' }, sink);
}

/**
 * Pushes ticks [from, to) with seq = index, waiting for ring space instead of dropping.
 * `before(i)` runs before tick i is pushed (when it returns a promise, it is awaited).
 * `onFull(i)` runs when the ring is full at tick i (ticks are certainly in flight then).
 */
export async function pushRange(sup: Supervisor, ticks: TickColumns, from: number, to: number,
  hooks: {
    before?: (i: number) => void | Promise<void>;
    onFull?: (i: number) => void | Promise<void>;
    /** Ticks for which the periodic doorbell is not rung (the worker must find them on its own). */
    quiet?: (i: number) => boolean;
  } = {}): Promise<void> {
  for (let i = from; i < to; i++) {
    const hook = hooks.before?.(i);
    if (hook !== undefined) await hook;
    let r = sup.push(INSTRUMENT, ticks.time[i], ticks.bid[i], ticks.ask[i], i);
    while (r === 'full') {
      sup.wake(INSTRUMENT);
      if (hooks.onFull !== undefined) await hooks.onFull(i);
      await sup.room(INSTRUMENT);
      r = sup.push(INSTRUMENT, ticks.time[i], ticks.bid[i], ticks.ask[i], i);
    }
    if ((i & 1023) === 0 && hooks.quiet?.(i) !== true) sup.wake(INSTRUMENT);
  }
  sup.wake(INSTRUMENT);
}

/** Ticks [from, to) as TickBatches (for feedDirect). */
export async function* batchesOf(ticks: TickColumns, from: number, to: number, size = 8192): AsyncGenerator<TickBatch> {
  for (let a = from; a < to; a += size) {
    const b = Math.min(to, a + size);
    yield {
      time: ticks.time.slice(a, b), bid: ticks.bid.slice(a, b), ask: ticks.ask.slice(a, b), line: ticks.line.slice(a, b), length: b - a,
    };
  }
}

/** The fields of a signal that do not depend on the workflow version (its id does: the version is part of it). */
export function versionless(s: EngineSignal): Omit<EngineSignal, 'id' | 'workflow_version'> {
  const { id: _id, workflow_version: _v, ...rest } = s;
  return rest;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` every 5 ms until it holds or `ms` passes; returns whether it held. */
export async function waitFor(cond: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await sleep(5);
  }
  return true;
}

/** The whole file (or [0, to)) through one fresh supervisor, never interrupted: the reference signals. */
export async function referenceRun(ticks: TickColumns, workflows: Workflow[], to = ticks.length): Promise<EngineSignal[]> {
  const signals: EngineSignal[] = [];
  const sup = new Supervisor({ onSignal: (s) => signals.push(s), logger: silentLogger() });
  await sup.addInstrument(INSTRUMENT);
  await sup.setWorkflows(INSTRUMENT, workflows);
  await pushRange(sup, ticks, 0, to);
  await sup.drain(INSTRUMENT);
  await sup.stop();
  return signals;
}
