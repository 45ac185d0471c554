/**
 * Indicator per-update cost: our kernels vs trading-signals and
 * technicalindicators (streaming APIs) on the same real 1m EUR/USD bars, runs
 * alternated, several repetitions; plus the largest difference of each peer's
 * values from ours. Run: `npx tsx bench/indicators.bench.ts [--reps 7] [--updates 1000000]`.
 *
 * trading-signals 8 has no separate `Faster*` classes any more: since v7 its
 * plain classes are the number (non-big.js) implementations, so those are its
 * fastest variants.
 */
import { fileURLToPath } from 'node:url';
import * as TS from 'trading-signals';
import * as TI from 'technicalindicators';
import { ticksToBars } from '../engine/bars/mod.ts';
import type { BarColumns } from '../engine/bars/mod.ts';
import { loadTickFile } from '../engine/ticks/mod.ts';
import {
  indicatorOutput, indicatorStateSize, initIndicator, outputCount, parseIndicatorSpec, updateAtr, updateBbands, updateEma,
  updateIndicator, updateMacd, updateRsi, updateSma,
} from '../engine/indicators/mod.ts';

type Ohlc = { high: Float64Array; low: Float64Array; close: Float64Array; length: number };
/** A stream under test: feed bar i, return its outputs (NaN while warming). */
type Step = (i: number) => void;
interface Impl { name: string; make: (s: Ohlc, out: Float64Array) => Step }

const SPECS = ['sma:20', 'ema:10', 'rsi:14', 'macd:12:26:9', 'bbands:20:2', 'atr:14'] as const;
type SpecText = (typeof SPECS)[number];

const DIRECT = { 'sma:20': updateSma, 'ema:10': updateEma, 'rsi:14': updateRsi, 'macd:12:26:9': updateMacd, 'bbands:20:2': updateBbands } as const;

function ours(text: SpecText, direct: boolean): Impl {
  const spec = parseIndicatorSpec(text);
  return {
    name: direct ? 'ours_direct' : 'ours',
    make: (s, out) => {
      const st = new Float64Array(indicatorStateSize(spec));
      initIndicator(st, 0, spec);
      const n = outputCount(spec);
      const { high, low, close } = s;
      const write = (): void => { for (let k = 0; k < n; k++) out[k] = indicatorOutput(st, 0, k); };
      if (!direct) return (i) => { updateIndicator(st, 0, high[i], low[i], close[i]); write(); };
      if (text === 'atr:14') return (i) => { updateAtr(st, 0, high[i], low[i], close[i]); write(); };
      const f = DIRECT[text];
      return (i) => { f(st, 0, close[i]); write(); };
    },
  };
}

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
 * The timing loop is compiled afresh for each run (new Function), so its call
 * to `step` stays monomorphic and inlinable for every implementation alike
 * instead of one shared, megamorphic call site penalizing small kernels.
 */
const LOOP_SRC = `let sink = 0;
const t0 = process.hrtime.bigint();
for (let done = 0; done < updates;) {
  const m = Math.min(len, updates - done);
  for (let i = 0; i < m; i++) { step(i); sink += out[0]; }
  done += m;
}
return [Number(process.hrtime.bigint() - t0), sink];`;

/** ns per update for one fresh instance fed `updates` bars (series repeated). */
function timeRun(s: Ohlc, impl: Impl, updates: number): number {
  const out = new Float64Array(3);
  const step = impl.make(s, out);
  const loop = new Function('process', 'step', 'out', 'len', 'updates', LOOP_SRC) as
    (p: NodeJS.Process, step: Step, out: Float64Array, len: number, updates: number) => [number, number];
  const [ns, sink] = loop(process, step, out, s.length, updates);
  if (sink === 1.2345) console.log(''); // keep the outputs observable
  return ns / updates;
}

const stats = (xs: number[]) => {
  const v = [...xs].sort((a, b) => a - b);
  return { min: v[0], median: v[Math.floor(v.length / 2)], max: v[v.length - 1] };
};

export interface IndicatorsBenchOptions { ticksFile?: string; timeframeMs?: number; reps?: number; updates?: number }

export async function runIndicatorsBench(opts: IndicatorsBenchOptions = {}) {
  const ticksFile = opts.ticksFile ?? 'data/ticks/oanda-EUR_USD-2014-05.csv.gz';
  const bars: BarColumns = ticksToBars(await loadTickFile(ticksFile), opts.timeframeMs ?? 60_000);
  const reps = opts.reps ?? 7, updates = opts.updates ?? 1_000_000;
  const results = [];
  for (const text of SPECS) {
    const impls = [ours(text, false), ours(text, true), tradingSignals(text), technicalIndicators(text)];
    const outputs = outputCount(parseIndicatorSpec(text));
    const ns: number[][] = impls.map(() => []);
    for (const impl of impls) timeRun(bars, impl, Math.min(updates, 200_000)); // warm-up
    for (let r = 0; r < reps; r++) {
      // Alternate the order so drift on a shared machine hits everyone alike.
      const order = r % 2 === 0 ? impls.map((_, i) => i) : impls.map((_, i) => impls.length - 1 - i);
      for (const i of order) ns[i].push(timeRun(bars, impls[i], updates));
    }
    const base = ns[0];
    results.push({
      indicator: text,
      impls: impls.map((impl, i) => ({
        name: impl.name,
        nsPerUpdate: stats(ns[i]),
        ratioPeerOverOurs: stats(ns[i].map((x, r) => x / base[r])),
        ...(i === 0 ? {} : compare(bars, impls[0], impl, outputs)),
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
  console.log('indicator     impl                 ns/update med (min..max)   peer/ours med (min..max)   max|diff|   warm-up diff  note');
  for (const row of r.results) {
    for (const im of row.impls) {
      const d = 'maxAbsDiff' in im ? `${(im.maxAbsDiff as number).toExponential(2).padStart(9)}   ${String(im.warmupMismatch).padStart(6)}` : '        -        -';
      console.log(`${row.indicator.padEnd(13)} ${im.name.padEnd(20)} ${f(im.nsPerUpdate.median).padStart(8)} (${f(im.nsPerUpdate.min)}..${f(im.nsPerUpdate.max)})`.padEnd(64) +
        `${im.ratioPeerOverOurs.median.toFixed(2).padStart(6)} (${im.ratioPeerOverOurs.min.toFixed(2)}..${im.ratioPeerOverOurs.max.toFixed(2)})`.padEnd(27) +
        `${d}  ${im.definitionNote ?? ''}`);
    }
  }
}
