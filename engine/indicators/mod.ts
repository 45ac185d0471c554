/**
 * Incremental indicators (DESIGN.md §6): SMA, EMA, RSI, MACD, Bollinger Bands,
 * ATR and true range, with TA-Lib's definitions computed exactly.
 *
 * State is a slice of a caller-given Float64Array (kind and parameters
 * included), so the instrument actor keeps it in a SharedArrayBuffer:
 *   const n = indicatorStateSize(spec); initIndicator(sab, off, spec);
 *   per closed bar: updateIndicator(sab, off, high, low, close);
 *   indicatorOutput(sab, off, k)  // NaN while warming up
 * To skip the kind dispatch, pick the kind's function once at set-up:
 *   const update = indicatorUpdater(spec.kind); per closed bar: update(sab, off, high, low, close);
 * (or call the per-kind functions updateSma, ... directly).
 */
import { indicatorOutput, indicatorUpdater } from './kernels.ts';
import type { IndicatorUpdater } from './kernels.ts';
import { indicatorOutputNames, indicatorStateSize, initIndicator, outputCount, parseIndicatorSpec } from './spec.ts';
import type { IndicatorSpec } from './spec.ts';

export {
  indicatorOutput, indicatorUpdater, updateAtr, updateBbands, updateEma, updateIndicator, updateMacd, updateRsi, updateSma, updateTrange,
} from './kernels.ts';
export type { IndicatorUpdater } from './kernels.ts';
export {
  ATR_SLOT, BBANDS_SLOT, EMA_SLOT, IND_SLOT, KIND_CODE, MACD_SLOT, RSI_SLOT, SMA_SLOT, TRANGE_SLOT,
  indicatorOutputNames, indicatorStateSize, initIndicator, makeIndicatorSpec, outputCount, parseIndicatorList, parseIndicatorSpec,
} from './spec.ts';
export type { IndicatorKind, IndicatorSpec } from './spec.ts';

/** Convenience wrapper owning its state (tests, CLI, tools). */
export class Indicator {
  readonly spec: IndicatorSpec;
  readonly state: Float64Array;
  readonly names: readonly string[];
  readonly outputs: number;
  readonly #update: IndicatorUpdater;

  constructor(spec: IndicatorSpec | string) {
    this.spec = typeof spec === 'string' ? parseIndicatorSpec(spec) : spec;
    this.state = new Float64Array(indicatorStateSize(this.spec));
    initIndicator(this.state, 0, this.spec);
    this.names = indicatorOutputNames(this.spec);
    this.outputs = outputCount(this.spec);
    this.#update = indicatorUpdater(this.spec.kind);
  }

  update(high: number, low: number, close: number): void {
    this.#update(this.state, 0, high, low, close);
  }

  /** Output k (see names); NaN while warming up. */
  value(k = 0): number {
    return indicatorOutput(this.state, 0, k);
  }
}
