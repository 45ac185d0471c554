/**
 * Replay throughput through the real engine (supervisor + instrument actor
 * workers), on the bundled real tick files:
 *  - direct: ticks preloaded in memory, pushed into the actors' rings (backtest path),
 *    with 1 and 2 workers (one instrument per worker);
 *  - jetstream: every tick published to JetStream PRICES and consumed back (live path).
 * Run: npx tsx bench/replay.bench.ts [--reps 3]
 */
import { readFileSync } from 'node:fs';
import { PipstreamError } from '../engine/errors/mod.ts';
import { feedDirect } from '../engine/node/feed.ts';
import { type EngineSignal, Supervisor } from '../engine/supervisor/mod.ts';
import { loadTickFile, type TickBatch, type TickColumns } from '../engine/ticks/mod.ts';
import { validateWorkflow, type Workflow } from '../engine/workflow/mod.ts';
import { replay } from '../engine/cli/replay-command.ts';

const FILES = ['data/ticks/oanda-EUR_USD-2014-05.csv.gz', 'data/ticks/fxcm-EUR_USD-2014-05.csv.gz'];
const workflow = (name: string) => validateWorkflow(JSON.parse(readFileSync(`test/fixtures/workflows/${name}.json`, 'utf8')));

async function* once(t: TickColumns): AsyncGenerator<TickBatch> { yield t; }

/** Instruments the data is replayed as (the same real ticks under other names for extra workers). */
const NAMES = ['EUR_USD', 'NZD_USD', 'GBP_USD', 'AUD_USD'];

async function direct(ticks: TickColumns, workers: number, workflows: Workflow[]): Promise<{ ticks_per_second: number; per_worker: number; signals: number }> {
  let signals = 0;
  const sup = new Supervisor({ onSignal: (_s: EngineSignal) => { signals++; } });
  const names = NAMES.slice(0, workers);
  for (const n of names) {
    await sup.addInstrument(n);
    await sup.setWorkflows(n, workflows.map((w) => ({ ...w, instruments: names })));
  }
  const t0 = performance.now();
  await Promise.all(names.map((n) => feedDirect(sup, n, once(ticks))));
  for (const n of names) await sup.drain(n);
  const s = (performance.now() - t0) / 1000;
  await sup.stop();
  const total = ticks.length * workers;
  return { ticks_per_second: Math.round(total / s), per_worker: Math.round(total / s / workers), signals };
}

export interface ReplayBenchOptions {
  reps?: number;
  jetstream?: boolean;
  /** Tick files (default: the bundled OANDA and FXCM EUR/USD files). */
  files?: string[];
  /** Worker counts of the direct runs, at most one per name in NAMES (default 1, 2). */
  workers?: number[];
  /** Called before each measured run (progress display). */
  onStep?: (label: string) => void;
}

export async function runReplayBench(opts: ReplayBenchOptions = {}) {
  const reps = opts.reps ?? 3;
  const workerCounts = opts.workers ?? [1, 2];
  if (!workerCounts.every((w) => Number.isInteger(w) && w >= 1 && w <= NAMES.length)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `replay bench: workers must be integers from 1 to ${NAMES.length}`, { workers: workerCounts });
  }
  const workflows = [workflow('price-cross-1.3850'), workflow('macd-cross-execute')];
  const results: Record<string, unknown>[] = [];
  for (const file of opts.files ?? FILES) {
    const ticks = await loadTickFile(file);
    for (const workers of workerCounts) {
      const runs = [];
      for (let r = 0; r < reps; r++) {
        opts.onStep?.(`${file}: direct, ${workers} worker(s), rep ${r + 1}/${reps}`);
        runs.push(await direct(ticks, workers, workflows));
      }
      const tps = runs.map((x) => x.per_worker).sort((a, b) => a - b);
      results.push({ file, mode: 'direct', workers, ticks: ticks.length, per_worker_ticks_per_second: { min: tps[0], median: tps[tps.length >> 1], max: tps[tps.length - 1] }, signals: runs[0].signals / workers });
    }
    if (opts.jetstream !== false) {
      opts.onStep?.(`${file}: JetStream, 1 worker`);
      const s = await replay({ ticksFile: file, instrument: 'EUR_USD', workflows, speed: 0, busMode: 'jetstream' });
      results.push({ file, mode: 'jetstream', workers: 1, ticks: s.ticks, ticks_per_second: s.ticks_per_second, signals: s.signals });
    }
  }
  return { scenario: 'replay', results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--reps');
  runReplayBench({ reps: i > 0 ? Number(process.argv[i + 1]) : 3 }).then((r) => console.log(JSON.stringify(r, null, 2)));
}
