/**
 * Indicator per-update cost: our kernels vs trading-signals and
 * technicalindicators (streaming APIs) on the same real 1m EUR/USD bars; plus
 * the largest difference of each peer's values from ours.
 * Run: `npx tsx bench/indicators.bench.ts [--reps 7] [--updates 1000000] [--json]`.
 *
 * What is timed is what a user pays per closed bar: one update and every
 * output read back into a Float64Array, for a fresh instance fed `updates`
 * bars (the series repeated). Ours keeps its state in a SharedArrayBuffer, as
 * the instrument actor does, and is timed twice: through updateIndicator's kind
 * dispatch and through the per-kind function indicatorUpdater picks once.
 * The `harness` row is the same loop with a step that only copies the close:
 * the floor every row includes (reported, never subtracted).
 *
 * trading-signals 8 has no separate `Faster*` classes any more: since v7 its
 * plain classes are the number (non-big.js) implementations, so those are its
 * fastest variants. Its ATR takes a candle object per bar and keeps it, so the
 * step allocates one, as its users must.
 */
import { fileURLToPath } from 'node:url';
import * as TS from 'trading-signals';
import * as TI from 'technicalindicators';
import { ticksToBars } from '../engine/bars/mod.ts';
import type { BarColumns } from '../engine/bars/mod.ts';
import { loadTickFile } from '../engine/ticks/mod.ts';
import {
  type IndicatorSpec, indicatorOutput, indicatorStateSize, indicatorUpdater, initIndicator, outputCount, parseIndicatorSpec, updateIndicator,
} from '../engine/indicators/mod.ts';
import { computeBatch } from '../engine/indicators/batch.ts';

type Ohlc = { high: Float64Array; low: Float64Array; close: Float64Array; length: number };
/** A stream under test: feed bar i, write its outputs to `out` (NaN while warming). */
type Step = (i: number) => void;
interface Impl {
  name: string; make: (s: Ohlc, out: Float64Array) => Step;
  /**
   * Implementations of one phase are timed together, their slices interleaved; phases run one after
   * another, each with its own warm-up and repetitions (default 0).
   */
  phase?: number;
}

const SPECS = ['sma:20', 'ema:10', 'rsi:14', 'macd:12:26:9', 'bbands:20:2', 'atr:14'] as const;
type SpecText = (typeof SPECS)[number];

/**
 * `new Function` with a source that names what it is for. V8 caches dynamic functions by their
 * source text: from the second `new Function` with the same text on, it hands back the same
 * SharedFunctionInfo *and the same feedback vector*. Identical text for every implementation (as
 * this bench once had) makes all of them one function with one call-site feedback: the timing loop's
 * `step(i)` went megamorphic over every implementation and indicator (never inlined, for the peers as
 * for ours), and ours' `update(...)` went megamorphic over the dispatch and per-kind variants and over
 * the kinds (never inlined; each update a real call with boxed doubles). A distinct first line per
 * purpose gives each its own function and feedback.
 */
function compile<F>(purpose: string, params: string[], body: string): F {
  return new Function(...params, `// indicators.bench: ${purpose.replace(/[\r\n]/g, ' ')}\n${body}`) as F;
}

function ours(text: SpecText, perKind: boolean): Impl {
  const spec = parseIndicatorSpec(text);
  const name = perKind ? 'ours_per_kind' : 'ours_dispatch';
  const body = outputCount(spec) === 1
    ? 'update(st, 0, high[i], low[i], close[i]); out[0] = output(st, 0, 0);'
    : 'update(st, 0, high[i], low[i], close[i]); out[0] = output(st, 0, 0); out[1] = output(st, 0, 1); out[2] = output(st, 0, 2);';
  // One step literal per indicator and variant, compiled once: the steps of successive runs are
  // closures of it (sharing its feedback, so the timed loop's call stays monomorphic across runs),
  // exactly as each peer's step is one literal per case below.
  const factory = compile<(...a: unknown[]) => Step>(`step ${name} ${text}`, ['update', 'output', 'st', 'high', 'low', 'close', 'out'],
    `return (i) => { ${body} };`);
  const update = perKind ? indicatorUpdater(spec.kind) : updateIndicator;
  return {
    name,
    make: (s, out) => {
      const st = new Float64Array(new SharedArrayBuffer(8 * indicatorStateSize(spec)));
      initIndicator(st, 0, spec);
      return factory(update, indicatorOutput, st, s.high, s.low, s.close, out);
    },
  };
}

/** The timing loop's own cost: read the bar, write one output. */
const HARNESS: Impl = { name: 'harness', make: (s, out) => { const { close } = s; return (i) => { out[0] = close[i]; }; } };

const num = (v: unknown): number => (typeof v === 'number' ? v : NaN);

function tradingSignals(text: SpecText): Impl {
  return {
    name: 'trading-signals',
    make: (s, out) => {
      const { high, low, close } = s;
      switch (text) {
        case 'sma:20': { const x = new TS.SMA(20); return (i) => { out[0] = num(x.update(close[i], false)); }; }
        case 'ema:10': { const x = new TS.EMA(10); return (i) => { x.update(close[i], false); out[0] = x.isStable ? x.getResultOrThrow() : NaN; }; }
        case 'rsi:14': { const x = new TS.RSI(14); return (i) => { out[0] = num(x.update(close[i], false)); }; }
        case 'macd:12:26:9': {
          const x = new TS.MACD(new TS.EMA(12), new TS.EMA(26), new TS.EMA(9));
          return (i) => { const r = x.update(close[i], false); out[0] = r ? r.macd : NaN; out[1] = r ? r.signal : NaN; out[2] = r ? r.histogram : NaN; };
        }
        case 'bbands:20:2': {
          const x = new TS.BollingerBands(20, 2);
          return (i) => { const r = x.update(close[i], false); out[0] = r ? r.upper : NaN; out[1] = r ? r.middle : NaN; out[2] = r ? r.lower : NaN; };
        }
        case 'atr:14': { const x = new TS.ATR(14); return (i) => { out[0] = num(x.update({ high: high[i], low: low[i], close: close[i] }, false)); }; }
      }
    },
  };
}

function technicalIndicators(text: SpecText): Impl {
  const format = (v: number) => v; // the default formatter rounds
  return {
    name: 'technicalindicators',
    // A phase of its own: it allocates heavily (generators, result objects), and interleaved with the
    // others its garbage was collected in the slices of the next implementation that allocates, which
    // charged trading-signals 40-80% more than it costs alone (ours, allocation-free, paid nothing).
    // Its ratio pairs its r-th repetition with ours' r-th, timed in the phase before.
    phase: 1,
    make: (s, out) => {
      const { high, low, close } = s;
      switch (text) {
        case 'sma:20': { const x = new TI.SMA({ period: 20, values: [], format }); return (i) => { out[0] = num(x.nextValue(close[i])); }; }
        case 'ema:10': { const x = new TI.EMA({ period: 10, values: [], format }); return (i) => { out[0] = num(x.nextValue(close[i])); }; }
        case 'rsi:14': { const x = new TI.RSI({ period: 14, values: [], format }); return (i) => { out[0] = num(x.nextValue(close[i])); }; }
        case 'macd:12:26:9': {
          const x = new TI.MACD({ fastPeriod: 12, slowPeriod: 26, signalPeriod: 9, SimpleMAOscillator: false, SimpleMASignal: false, values: [], format });
          return (i) => {
            const r = x.nextValue(close[i]);
            out[0] = num(r?.MACD); out[1] = num(r?.signal); out[2] = num(r?.histogram);
          };
        }
        case 'bbands:20:2': {
          const x = new TI.BollingerBands({ period: 20, stdDev: 2, values: [], format });
          return (i) => { const r = x.nextValue(close[i]); out[0] = num(r?.upper); out[1] = num(r?.middle); out[2] = num(r?.lower); };
        }
        case 'atr:14': {
          const x = new TI.ATR({ period: 14, high: [], low: [], close: [], format });
          return (i) => { out[0] = num(x.nextValue({ high: high[i], low: low[i], close: close[i] } as never)); };
        }
      }
    },
  };
}

/** Where a peer's definition differs from TA-Lib's (ours), so values are not expected to match. */
const DEFINITION_NOTES: Record<string, Partial<Record<SpecText, string>>> = {
  'trading-signals': {
    'ema:10': 'EMA seeded with the first close, not the SMA of the first n (values converge; early bars differ)',
    'macd:12:26:9': 'EMAs seeded with the first close; signal output from bar s-1 instead of s+sig-2',
    'atr:14': 'true range of bar 0 (high-low) enters the first average; TA-Lib starts true range at bar 1',
  },
  technicalindicators: {
    'rsi:14': 'RSI rounded to 2 decimals inside the library (toFixed(2))',
    'macd:12:26:9': 'fast EMA seeded on closes 0..f-1 instead of s-f..s-1; line/signal output earlier',
  },
};

/** Max |peer - ours| over bars where both are defined, and bars defined by one only. */
function compare(s: Ohlc, a: Impl, b: Impl, outputs: number): { maxAbsDiff: number; warmupMismatch: number } {
  const oa = new Float64Array(3).fill(NaN), ob = new Float64Array(3).fill(NaN);
  const fa = a.make(s, oa), fb = b.make(s, ob);
  let maxAbsDiff = 0, warmupMismatch = 0;
  for (let i = 0; i < s.length; i++) {
    fa(i); fb(i);
    for (let k = 0; k < outputs; k++) {
      if (Number.isNaN(oa[k]) !== Number.isNaN(ob[k])) warmupMismatch++;
      else if (!Number.isNaN(oa[k])) maxAbsDiff = Math.max(maxAbsDiff, Math.abs(oa[k] - ob[k]));
    }
  }
  return { maxAbsDiff, warmupMismatch };
}

/**
 * Largest deviation of our per-kind kernel from the reference (the textbook batch formulas of
 * engine/indicators/batch.ts) on the same bars: absolute below 1, relative above, as the tests measure
 * it; Infinity when the warm-up differs.
 */
function referenceDeviation(s: Ohlc, spec: IndicatorSpec): number {
  const st = new Float64Array(new SharedArrayBuffer(8 * indicatorStateSize(spec)));
  initIndicator(st, 0, spec);
  const update = indicatorUpdater(spec.kind);
  const ref = computeBatch(spec, s.high, s.low, s.close);
  let max = 0;
  for (let i = 0; i < s.length; i++) {
    update(st, 0, s.high[i], s.low[i], s.close[i]);
    for (let k = 0; k < ref.length; k++) {
      const got = indicatorOutput(st, 0, k), want = ref[k][i];
      if (Number.isNaN(got) !== Number.isNaN(want)) return Infinity;
      if (!Number.isNaN(got)) max = Math.max(max, Math.abs(got - want) / Math.max(1, Math.abs(want)));
    }
  }
  return max;
}

/**
 * Each implementation gets its own copy of the timing loop per indicator (its own source text, so
 * its own feedback: see compile), so its call to `step` stays monomorphic and inlinable for everyone
 * alike, and that copy is warmed before timing, so no timed run pays for compiling it. Steps made by
 * one `make` are closures of one literal and share its feedback, so a fresh instance per run keeps
 * the optimized code.
 */
const LOOP_SRC = `let sink = 0;
const t0 = process.hrtime.bigint();
for (let k = 0; k < count; k++) { step(i); sink += out[0]; i = i + 1 === len ? 0 : i + 1; }
return [Number(process.hrtime.bigint() - t0), sink];`;
type Loop = (p: NodeJS.Process, step: Step, out: Float64Array, len: number, i: number, count: number) => [number, number];
const newLoop = (purpose: string) => compile<Loop>(`loop ${purpose}`, ['process', 'step', 'out', 'len', 'i', 'count'], LOOP_SRC);

/** Slices a run is cut into; the slices of a phase's implementations alternate, so load bursts on a shared machine hit all alike. */
const SLICES = 20;

/**
 * One repetition of the implementations `members` (indices into impls): a fresh instance of each fed
 * `updates` bars, their slices interleaved (order reversed on odd reps); ns per update of each member.
 */
function timeRep(s: Ohlc, impls: Impl[], loops: Loop[], members: number[], updates: number, reverse: boolean): number[] {
  const outs = members.map(() => new Float64Array(3));
  const steps = members.map((k, j) => impls[k].make(s, outs[j]));
  const ns = members.map(() => 0);
  let sink = 0;
  const order = members.map((_, j) => (reverse ? members.length - 1 - j : j));
  for (let done = 0; done < updates;) {
    const count = Math.min(Math.ceil(updates / SLICES), updates - done);
    for (const j of order) {
      const [t, x] = loops[members[j]](process, steps[j], outs[j], s.length, done % s.length, count);
      ns[j] += t;
      sink += x;
    }
    done += count;
  }
  if (sink === 1.2345) console.log(''); // keep the outputs observable
  return ns.map((t) => t / updates);
}

const stats = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return { min: v[0], median: v[Math.floor(v.length / 2)], max: v[v.length - 1] };
};

export interface IndicatorsBenchOptions {
  ticksFile?: string; timeframeMs?: number; reps?: number; updates?: number;
  /** Called before each indicator is measured (progress display). */
  onStep?: (label: string) => void;
}

export async function runIndicatorsBench(opts: IndicatorsBenchOptions = {}) {
  const ticksFile = opts.ticksFile ?? 'data/ticks/oanda-EUR_USD-2014-05.csv.gz';
  const bars: BarColumns = ticksToBars(await loadTickFile(ticksFile), opts.timeframeMs ?? 60_000);
  const reps = opts.reps ?? 7, updates = opts.updates ?? 1_000_000;
  const results = [];
  for (const text of SPECS) {
    opts.onStep?.(text);
    const impls = [HARNESS, ours(text, false), ours(text, true), tradingSignals(text), technicalIndicators(text)];
    const loops = impls.map((impl) => newLoop(`${impl.name} ${text}`));
    const outputs = outputCount(parseIndicatorSpec(text));
    const ns: number[][] = impls.map(() => []);
    // Phase by phase (see Impl.phase), each warmed up alike and then timed over all repetitions.
    for (const phase of [...new Set(impls.map((impl) => impl.phase ?? 0))].sort((a, b) => a - b)) {
      const members = impls.flatMap((impl, k) => ((impl.phase ?? 0) === phase ? [k] : []));
      for (let w = 0; w < 3; w++) timeRep(bars, impls, loops, members, Math.min(updates, 100_000), w % 2 === 1); // warm-up
      for (let r = 0; r < reps; r++) timeRep(bars, impls, loops, members, updates, r % 2 === 1).forEach((x, j) => ns[members[j]].push(x));
    }
    const base = ns[2]; // ours_per_kind
    results.push({
      indicator: text,
      referenceMaxDeviation: referenceDeviation(bars, parseIndicatorSpec(text)),
      impls: impls.map((impl, k) => ({
        name: impl.name,
        nsPerUpdate: stats(ns[k]),
        ratioOverOurs: stats(ns[k].map((x, r) => x / base[r])),
        ...(k < 2 ? {} : compare(bars, impls[1], impl, outputs)),
        definitionNote: DEFINITION_NOTES[impl.name]?.[text] ?? null,
      })),
    });
  }
  return { bench: 'indicators', ticksFile, bars: bars.length, updatesPerRun: updates, reps, node: process.version, results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : undefined; };
  const r = await runIndicatorsBench({ reps: arg('--reps'), updates: arg('--updates') });
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else {
    const f = (x: number) => x.toFixed(1);
    console.log(`indicators: ${r.bars} 1m bars, ${r.updatesPerRun} updates/run, ${r.reps} reps, node ${r.node}`);
    console.log('indicator     impl                 ns/update med (min..max)   x/ours_per_kind med (min..max)  max|diff| vs ours_dispatch, warm-up diff  note');
    for (const row of r.results) {
      for (const im of row.impls) {
        const d = 'maxAbsDiff' in im ? `${(im.maxAbsDiff as number).toExponential(2).padStart(9)}   ${String(im.warmupMismatch).padStart(6)}` : '        -        -';
        console.log(`${row.indicator.padEnd(13)} ${im.name.padEnd(20)} ${f(im.nsPerUpdate.median).padStart(8)} (${f(im.nsPerUpdate.min)}..${f(im.nsPerUpdate.max)})`.padEnd(64) +
          `${im.ratioOverOurs.median.toFixed(2).padStart(6)} (${im.ratioOverOurs.min.toFixed(2)}..${im.ratioOverOurs.max.toFixed(2)})`.padEnd(32) +
          `${d}  ${im.definitionNote ?? ''}`);
      }
    }
  }
}
