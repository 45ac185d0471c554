/**
 * How workflow indicator references map onto engine/indicators specs and output slots.
 * Kind numbers follow engine/indicators' IndicatorSpec kinds in this order; `stddev(n)` is not a kind of
 * its own: it reads bbands(n, 1) as upper - middle (= 1 x population stddev), so the actor only ever
 * computes the six engine kinds.
 */
import type { IndicatorRef } from './types.ts';

export const INDICATOR_KINDS = ['sma', 'ema', 'rsi', 'macd', 'bbands', 'atr'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const INDICATOR_KIND_CODE: Readonly<Record<IndicatorKind, number>> = { sma: 0, ema: 1, rsi: 2, macd: 3, bbands: 4, atr: 5 };
export const INDICATOR_OUTPUTS: Readonly<Record<IndicatorKind, readonly string[]>> = {
  sma: ['value'], ema: ['value'], rsi: ['value'], macd: ['line', 'signal', 'hist'],
  bbands: ['upper', 'middle', 'lower'], atr: ['value'],
};

/** A resolved reference: spec to compute, output to read, and (stddev only) an output to subtract. */
export interface ResolvedRef { kind: IndicatorKind; params: number[]; timeframeMs: number; output: number; minusOutput: number }

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const TIMEFRAME = /^([1-9][0-9]{0,5})(s|m|h|d)$/;

/** '30s' | '1m' | '5m' | '1h' | '1d' -> milliseconds, NaN when malformed. */
export function timeframeMs(tf: string): number {
  const m = TIMEFRAME.exec(tf);
  return m === null ? NaN : Number(m[1]) * UNIT_MS[m[2]];
}

export function resolveRef(ref: IndicatorRef): ResolvedRef {
  const tf = timeframeMs(ref.timeframe);
  switch (ref.name) {
    case 'stddev': return { kind: 'bbands', params: [ref.params[0], 1], timeframeMs: tf, output: 0, minusOutput: 1 };
    case 'macd': return { kind: 'macd', params: ref.params.slice(), timeframeMs: tf, output: INDICATOR_OUTPUTS.macd.indexOf(ref.output ?? 'line'), minusOutput: -1 };
    case 'bbands': return { kind: 'bbands', params: ref.params.slice(), timeframeMs: tf, output: INDICATOR_OUTPUTS.bbands.indexOf(ref.output ?? 'middle'), minusOutput: -1 };
    default: return { kind: ref.name, params: ref.params.slice(), timeframeMs: tf, output: 0, minusOutput: -1 };
  }
}

/** Indicator functions of the expr language: name -> (indicator name, number of numeric params, output). */
export const EXPR_INDICATOR_FUNCS: Readonly<Record<string, { name: IndicatorRef['name']; nParams: number; output?: string }>> = {
  sma: { name: 'sma', nParams: 1 }, ema: { name: 'ema', nParams: 1 }, rsi: { name: 'rsi', nParams: 1 },
  atr: { name: 'atr', nParams: 1 }, stddev: { name: 'stddev', nParams: 1 },
  macd: { name: 'macd', nParams: 3, output: 'line' }, macd_signal: { name: 'macd', nParams: 3, output: 'signal' },
  macd_hist: { name: 'macd', nParams: 3, output: 'hist' },
  bbands_upper: { name: 'bbands', nParams: 2, output: 'upper' }, bbands_middle: { name: 'bbands', nParams: 2, output: 'middle' },
  bbands_lower: { name: 'bbands', nParams: 2, output: 'lower' },
};

/** Parameter problems the schema cannot express (returns a message or null). */
export function checkParams(ref: IndicatorRef): string | null {
  if (ref.name === 'macd' && ref.params[0] >= ref.params[1]) return 'macd fast period must be less than slow period';
  return null;
}
