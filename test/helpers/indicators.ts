import {
  type IndicatorSpec, type IndicatorUpdater, indicatorOutput, indicatorStateSize, initIndicator, outputCount, updateIndicator,
} from '../../engine/indicators/mod.ts';

/**
 * Runs an indicator's incremental kernel over a series, its state in a SharedArrayBuffer at a non-zero
 * offset (to catch offset bugs); outputs per output index.
 */
export function incremental(spec: IndicatorSpec, high: ArrayLike<number>, low: ArrayLike<number>, close: ArrayLike<number>,
  update: IndicatorUpdater = updateIndicator): Float64Array[] {
  const off = 7;
  const state = new Float64Array(new SharedArrayBuffer(8 * (off + indicatorStateSize(spec))));
  initIndicator(state, off, spec);
  const outs = Array.from({ length: outputCount(spec) }, () => new Float64Array(close.length));
  for (let i = 0; i < close.length; i++) {
    update(state, off, high[i], low[i], close[i]);
    for (let k = 0; k < outs.length; k++) outs[k][i] = indicatorOutput(state, off, k);
  }
  return outs;
}

/** Max deviation (absolute below 1, relative above) between two series; Infinity if warm-up differs. */
export function deviation(a: Float64Array, b: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    if (Number.isNaN(a[i]) !== Number.isNaN(b[i])) return Infinity;
    if (!Number.isNaN(a[i])) max = Math.max(max, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  }
  return max;
}
