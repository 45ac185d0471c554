import { BAR_BUILDER_SLOTS } from '../../engine/bars/mod.ts';
import { type IndicatorSpec, type IndicatorUpdater, indicatorStateSize, indicatorUpdater, makeIndicatorSpec } from '../../engine/indicators/mod.ts';
import { INDICATOR_KINDS, LAYOUT, ruleStateLength } from '../../engine/workflow/mod.ts';
import { StateHeader } from '../../engine/memory/layout.ts';

/** One indicator the program needs, where its state lives and where its outputs go. */
export interface IndicatorPlacement {
  spec: IndicatorSpec;
  timeframeIndex: number;
  timeframeMs: number;
  stateOffset: number;
  firstSlot: number;
  outputs: number;
  /** The kind's update function, picked once here instead of dispatching per bar. */
  update: IndicatorUpdater;
}

/**
 * Where everything lives in the actor's state region for one program. It is a
 * pure function of the program, so a restarted worker re-derives the same
 * offsets from shared memory alone.
 */
export interface StateLayout {
  timeframesMs: number[];
  /** State offset of each timeframe's BarBuilder. */
  barOffsets: number[];
  indicators: IndicatorPlacement[];
  /** Indicators of each timeframe, in program order (updated on that timeframe's bar close). */
  indicatorsByTimeframe: number[][];
  valuesOffset: number;
  slots: number;
  ruleOffset: number;
  ruleLength: number;
  used: number;
}

const { HDR, IND } = LAYOUT;

export function layoutForProgram(i32: Int32Array | null, f64: Float64Array | null): StateLayout {
  let off = StateHeader.COUNT;
  const timeframesMs: number[] = [];
  const barOffsets: number[] = [];
  const indicators: IndicatorPlacement[] = [];
  if (i32 === null || f64 === null) {
    return { timeframesMs, barOffsets, indicators, indicatorsByTimeframe: [], valuesOffset: off, slots: 0, ruleOffset: off, ruleLength: 0, used: off };
  }
  for (let i = 0; i < i32[HDR.N_TIMEFRAMES]; i++) {
    timeframesMs.push(f64[i32[HDR.TIMEFRAMES_F64] + i]);
    barOffsets.push(off);
    off += BAR_BUILDER_SLOTS;
  }
  const indicatorsByTimeframe: number[][] = timeframesMs.map(() => []);
  for (let j = 0; j < i32[HDR.N_INDICATORS]; j++) {
    const rec = i32[HDR.INDICATORS_I32] + j * IND.SIZE;
    const params: number[] = [];
    for (let p = 0; p < i32[rec + IND.N_PARAMS]; p++) params.push(f64[i32[rec + IND.PARAMS_F64] + p]);
    const spec = makeIndicatorSpec(INDICATOR_KINDS[i32[rec + IND.KIND]], params);
    const timeframeIndex = i32[rec + IND.TIMEFRAME];
    indicators.push({
      spec, timeframeIndex, timeframeMs: timeframesMs[timeframeIndex], stateOffset: off,
      firstSlot: i32[rec + IND.FIRST_SLOT], outputs: i32[rec + IND.N_OUTPUTS], update: indicatorUpdater(spec.kind),
    });
    indicatorsByTimeframe[timeframeIndex].push(j);
    off += indicatorStateSize(spec);
  }
  const valuesOffset = off;
  const slots = i32[HDR.N_SLOTS];
  off += slots;
  const ruleOffset = off;
  const ruleLength = ruleStateLength(i32);
  off += ruleLength;
  return { timeframesMs, barOffsets, indicators, indicatorsByTimeframe, valuesOffset, slots, ruleOffset, ruleLength, used: off };
}

const sameSpec = (a: IndicatorPlacement, b: IndicatorPlacement) =>
  a.timeframeMs === b.timeframeMs && a.spec.kind === b.spec.kind && a.spec.params.length === b.spec.params.length &&
  a.spec.params.every((p, i) => p === b.spec.params[i]);

/**
 * For a program swap: which old bar builders and indicators carry over into the
 * new layout (same timeframe / same indicator), so a new workflow version keeps
 * warm state instead of re-warming from nothing.
 */
export function carriedOver(from: StateLayout, to: StateLayout): { bars: [number, number][]; indicators: [number, number][] } {
  const bars: [number, number][] = [];
  to.timeframesMs.forEach((ms, i) => {
    const j = from.timeframesMs.indexOf(ms);
    if (j >= 0) bars.push([from.barOffsets[j], to.barOffsets[i]]);
  });
  const indicators: [number, number][] = [];
  for (const n of to.indicators) {
    const o = from.indicators.find((p) => sameSpec(p, n));
    if (o !== undefined) indicators.push([o.stateOffset, n.stateOffset]);
  }
  return { bars, indicators };
}
