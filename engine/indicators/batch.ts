/**
 * Straightforward batch versions of the indicators (textbook formulas, arrays
 * in, arrays out, NaN while warming up), written independently of the kernels
 * to verify them. Not for hot paths.
 */
import type { IndicatorSpec } from './spec.ts';

type Series = ArrayLike<number>;

function nanArray(n: number): Float64Array {
  return new Float64Array(n).fill(NaN);
}

export function smaBatch(close: Series, n: number): Float64Array {
  const out = nanArray(close.length);
  for (let i = n - 1; i < close.length; i++) {
    let sum = 0;
    for (let j = i - n + 1; j <= i; j++) sum += close[j];
    out[i] = sum / n;
  }
  return out;
}

export function emaBatch(close: Series, n: number): Float64Array {
  const out = nanArray(close.length);
  if (close.length < n) return out;
  const k = 2 / (n + 1);
  let sum = 0;
  for (let j = 0; j < n; j++) sum += close[j];
  let ema = sum / n;
  out[n - 1] = ema;
  for (let i = n; i < close.length; i++) {
    ema = (close[i] - ema) * k + ema;
    out[i] = ema;
  }
  return out;
}

export function rsiBatch(close: Series, n: number): Float64Array {
  const out = nanArray(close.length);
  if (close.length <= n) return out;
  let g = 0, l = 0;
  for (let i = 1; i <= n; i++) {
    const d = close[i] - close[i - 1];
    if (d > 0) g += d; else l -= d;
  }
  g /= n;
  l /= n;
  const rsi = () => (g + l === 0 ? 0 : 100 * (g / (g + l)));
  out[n] = rsi();
  for (let i = n + 1; i < close.length; i++) {
    const d = close[i] - close[i - 1];
    g = (g * (n - 1) + (d > 0 ? d : 0)) / n;
    l = (l * (n - 1) + (d < 0 ? -d : 0)) / n;
    out[i] = rsi();
  }
  return out;
}

export function macdBatch(close: Series, fast: number, slow: number, signal: number): { macd: Float64Array; signal: Float64Array; hist: Float64Array } {
  const len = close.length;
  const macd = nanArray(len), sig = nanArray(len), hist = nanArray(len);
  if (len < slow) return { macd, signal: sig, hist };
  const slowEma = emaBatch(close, slow);
  // The fast EMA is seeded on closes slow-fast .. slow-1 so both start at bar slow-1.
  const fastEma = emaBatch(Array.from(close).slice(slow - fast), fast);
  const line: number[] = [];
  for (let i = slow - 1; i < len; i++) line.push(fastEma[i - (slow - fast)] - slowEma[i]);
  const sigEma = emaBatch(line, signal);
  for (let j = signal - 1; j < line.length; j++) {
    const i = j + slow - 1;
    macd[i] = line[j];
    sig[i] = sigEma[j];
    hist[i] = line[j] - sigEma[j];
  }
  return { macd, signal: sig, hist };
}

/** Bollinger Bands with the population standard deviation (two-pass). */
export function bbandsBatch(close: Series, n: number, k: number): { upper: Float64Array; middle: Float64Array; lower: Float64Array } {
  const len = close.length;
  const upper = nanArray(len), middle = nanArray(len), lower = nanArray(len);
  for (let i = n - 1; i < len; i++) {
    let sum = 0;
    for (let j = i - n + 1; j <= i; j++) sum += close[j];
    const mean = sum / n;
    let ss = 0;
    for (let j = i - n + 1; j <= i; j++) ss += (close[j] - mean) ** 2;
    const sd = Math.sqrt(ss / n);
    middle[i] = mean;
    upper[i] = mean + k * sd;
    lower[i] = mean - k * sd;
  }
  return { upper, middle, lower };
}

export function trangeBatch(high: Series, low: Series, close: Series): Float64Array {
  const out = nanArray(close.length);
  for (let i = 1; i < close.length; i++) {
    out[i] = Math.max(high[i] - low[i], Math.abs(high[i] - close[i - 1]), Math.abs(low[i] - close[i - 1]));
  }
  return out;
}

export function atrBatch(high: Series, low: Series, close: Series, n: number): Float64Array {
  const out = nanArray(close.length);
  if (close.length <= n) return out;
  const tr = trangeBatch(high, low, close);
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += tr[i];
  let atr = sum / n;
  out[n] = atr;
  for (let i = n + 1; i < close.length; i++) {
    atr = (atr * (n - 1) + tr[i]) / n;
    out[i] = atr;
  }
  return out;
}

/** All outputs of one indicator over a bar series, in indicatorOutputNames order. */
export function computeBatch(spec: IndicatorSpec, high: Series, low: Series, close: Series): Float64Array[] {
  const [a, b, c] = spec.params;
  switch (spec.kind) {
    case 'sma': return [smaBatch(close, a)];
    case 'ema': return [emaBatch(close, a)];
    case 'rsi': return [rsiBatch(close, a)];
    case 'macd': { const m = macdBatch(close, a, b, c); return [m.macd, m.signal, m.hist]; }
    case 'bbands': { const m = bbandsBatch(close, a, b); return [m.upper, m.middle, m.lower]; }
    case 'atr': return [atrBatch(high, low, close, a)];
    case 'trange': return [trangeBatch(high, low, close)];
  }
}
