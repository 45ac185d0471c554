/**
 * Indicator per-update cost: our kernels vs trading-signals and
 * technicalindicators (streaming APIs) on the same real 1m EUR/USD bars; plus
 * the largest difference of each peer's values from ours.
 * Run: `npx tsx bench/indicators.bench.ts [--reps 7] [--updates 1000000]`.
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
interface Impl { name: string; make: (s: Ohlc, out: Float64Array) => Step }

const SPECS = ['sma:20', 'ema:10', 'rsi:14', 'macd:12:26:9', 'bbands:20:2', 'atr:14'] as const;
type SpecText = (typeof SPECS)[number];

function ours(text: SpecText, perKind: boolean): Impl {
  const spec = parseIndicatorSpec(text);
  return {
    name: perKind ? 'ours_per_kind' : 'ours_dispatch',
    make: (s, out) => {
      const st = new Float64Array(new SharedArrayBuffer(8 * indicatorStateSize(spec)));
      initIndicator(st, 0, spec);
      const { high, low, close } = s;
      const update = perKind ? indicatorUpdater(spec.kind) : updateIndicator;
      // A fresh function per indicator (as each peer has its own literal per case): closures made from
      // one literal share V8's feedback, which would make the update call site polymorphic across kinds.
      const body = outputCount(spec) === 1
        ? 'update(st, 0, high[i], low[i], close[i]); out[0] = output(st, 0, 0);'
        : 'update(st, 0, high[i], low[i], close[i]); out[0] = output(st, 0, 0); out[1] = output(st, 0, 1); out[2] = output(st, 0, 2);';
      const make = new Function('update', 'output', 'st', 'high', 'low', 'close', 'out', `return (i) => { ${body} };`) as
        (...a: unknown[]) => Step;
      return make(update, indicatorOutput, st, high, low, close, out);
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
 * Each implementation gets its own copy of the timing loop (new Function), so
 * its call to `step` stays monomorphic and inlinable for everyone alike, and
 * that copy is warmed before timing, so no timed run pays for compiling it.
 * Steps made by one `make` share their feedback, so a fresh instance per run
 * keeps the optimized code.
 */
const LOOP_SRC = `let sink = 0;
const t0 = process.hrtime.bigint();
for (let k = 0; k < count; k++) { step(i); sink += out[0]; i = i + 1 === len ? 0 : i + 1; }
return [Number(process.hrtime.bigint() - t0), sink];`;
type Loop = (p: NodeJS.Process, step: Step, out: Float64Array, len: number, i: number, count: number) => [number, number];
const newLoop = () => new Function('process', 'step', 'out', 'len', 'i', 'count', LOOP_SRC) as Loop;

/** Slices a run is cut into; slices of all implementations alternate, so load bursts on a shared machine hit all alike. */
const SLICES = 20;

/**
 * One repetition: a fresh instance of every implementation fed `updates` bars,
 * their slices interleaved (order reversed on odd reps); ns per update each.
 */
function timeRep(s: Ohlc, impls: Impl[], loops: Loop[], updates: number, reverse: boolean): number[] {
  const outs = impls.map(() => new Float64Array(3));
  const steps = impls.map((impl, k) => impl.make(s, outs[k]));
  const ns = impls.map(() => 0);
  let sink = 0;
  const order = impls.map((_, k) => (reverse ? impls.length - 1 - k : k));
  for (let done = 0; done < updates;) {
    const count = Math.min(Math.ceil(updates / SLICES), updates - done);
    for (const k of order) {
      const [t, x] = loops[k](process, steps[k], outs[k], s.length, done % s.length, count);
      ns[k] += t;
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
    const loops = impls.map(newLoop);
    const outputs = outputCount(parseIndicatorSpec(text));
    for (let w = 0; w < 3; w++) timeRep(bars, impls, loops, Math.min(updates, 100_000), w % 2 === 1); // warm-up
    const ns: number[][] = impls.map(() => []);
    for (let r = 0; r < reps; r++) timeRep(bars, impls, loops, updates, r % 2 === 1).forEach((x, k) => ns[k].push(x));
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
