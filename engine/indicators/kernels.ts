/**
 * Allocation-free incremental indicator kernels (DESIGN.md §6, TA-Lib
 * definitions). Every piece of state lives in the caller's Float64Array at
 * `o`, laid out as in spec.ts, so a restarted worker continues where the dead
 * one stopped. One update per closed bar.
 */
import { ATR_SLOT, BBANDS_SLOT, EMA_SLOT, IND_SLOT, KIND_CODE, MACD_SLOT, RSI_SLOT, SMA_SLOT, TRANGE_SLOT } from './spec.ts';

// Plain constants so the optimizer folds them.
const P1 = IND_SLOT.P1, P2 = IND_SLOT.P2, P3 = IND_SLOT.P3, COUNT = IND_SLOT.COUNT, OUT = IND_SLOT.OUT;
const SMA_SUM = SMA_SLOT.SUM, SMA_COMP = SMA_SLOT.COMP, SMA_POS = SMA_SLOT.POS, SMA_RING = SMA_SLOT.RING;
const EMA_K = EMA_SLOT.K, EMA_SEED = EMA_SLOT.SEED, EMA_EMA = EMA_SLOT.EMA;
const RSI_PREV = RSI_SLOT.PREV, RSI_GAIN = RSI_SLOT.GAIN, RSI_LOSS = RSI_SLOT.LOSS;
const M_KF = MACD_SLOT.KF, M_KS = MACD_SLOT.KS, M_KG = MACD_SLOT.KG, M_FAST = MACD_SLOT.FAST, M_SLOW = MACD_SLOT.SLOW,
  M_SIG = MACD_SLOT.SIG, M_FSEED = MACD_SLOT.FAST_SEED, M_SSEED = MACD_SLOT.SLOW_SEED, M_GSEED = MACD_SLOT.SIG_SEED;
const BB_SUM = BBANDS_SLOT.SUM, BB_COMP = BBANDS_SLOT.COMP, BB_POS = BBANDS_SLOT.POS, BB_RING = BBANDS_SLOT.RING;
const ATR_PREV = ATR_SLOT.PREV, ATR_ATR = ATR_SLOT.ATR, TR_PREV = TRANGE_SLOT.PREV;

/**
 * Pushes x into the window ring and keeps the window sum with Neumaier
 * compensation (sum + comp), so the mean does not drift over long runs.
 * Returns the bar index of x.
 */
function pushWindow(s: Float64Array, o: number, n: number, x: number, SUM: number, COMP: number, POS: number, RING: number): number {
  const i = s[o + COUNT];
  const pos = s[o + POS];
  let sum = s[o + SUM], comp = s[o + COMP], t = sum + x;
  comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
  sum = t;
  if (i >= n) {
    const y = -s[o + RING + pos];
    t = sum + y;
    comp += Math.abs(sum) >= Math.abs(y) ? (sum - t) + y : (y - t) + sum;
    sum = t;
  }
  s[o + RING + pos] = x;
  s[o + POS] = pos + 1 === n ? 0 : pos + 1;
  s[o + SUM] = sum;
  s[o + COMP] = comp;
  s[o + COUNT] = i + 1;
  return i;
}

/** SMA(n): mean of the last n closes, from bar n-1. */
export function updateSma(s: Float64Array, o: number, close: number): void {
  const n = s[o + P1];
  const i = pushWindow(s, o, n, close, SMA_SUM, SMA_COMP, SMA_POS, SMA_RING);
  if (i >= n - 1) s[o + OUT] = (s[o + SMA_SUM] + s[o + SMA_COMP]) / n;
}

/** EMA(n): seeded with the SMA of the first n closes (bar n-1). */
export function updateEma(s: Float64Array, o: number, close: number): void {
  const n = s[o + P1];
  const i = s[o + COUNT];
  s[o + COUNT] = i + 1;
  if (i < n) {
    const seed = s[o + EMA_SEED] + close;
    s[o + EMA_SEED] = seed;
    if (i === n - 1) s[o + OUT] = s[o + EMA_EMA] = seed / n;
    return;
  }
  const e = s[o + EMA_EMA];
  s[o + OUT] = s[o + EMA_EMA] = (close - e) * s[o + EMA_K] + e;
}

/** RSI(n), Wilder: first value at bar n; 0 when both averages are 0. */
export function updateRsi(s: Float64Array, o: number, close: number): void {
  const i = s[o + COUNT];
  s[o + COUNT] = i + 1;
  const prev = s[o + RSI_PREV];
  s[o + RSI_PREV] = close;
  if (i === 0) return;
  const n = s[o + P1];
  const d = close - prev;
  const gain = d > 0 ? d : 0;
  const loss = d < 0 ? -d : 0;
  let g: number, l: number;
  if (i < n) {
    s[o + RSI_GAIN] += gain;
    s[o + RSI_LOSS] += loss;
    return;
  } else if (i === n) {
    g = (s[o + RSI_GAIN] + gain) / n;
    l = (s[o + RSI_LOSS] + loss) / n;
  } else {
    g = (s[o + RSI_GAIN] * (n - 1) + gain) / n;
    l = (s[o + RSI_LOSS] * (n - 1) + loss) / n;
  }
  s[o + RSI_GAIN] = g;
  s[o + RSI_LOSS] = l;
  const gl = g + l;
  s[o + OUT] = gl === 0 ? 0 : 100 * (g / gl);
}

/** MACD(f, s, sig): line, signal, histogram, all from bar s+sig-2. */
export function updateMacd(st: Float64Array, o: number, close: number): void {
  const f = st[o + P1], sl = st[o + P2], g = st[o + P3];
  const i = st[o + COUNT];
  st[o + COUNT] = i + 1;
  if (i < sl) {
    const ss = st[o + M_SSEED] + close;
    st[o + M_SSEED] = ss;
    if (i >= sl - f) st[o + M_FSEED] += close;
    if (i < sl - 1) return;
    st[o + M_SLOW] = ss / sl;
    st[o + M_FAST] = st[o + M_FSEED] / f;
  } else {
    const fa = st[o + M_FAST], sw = st[o + M_SLOW];
    st[o + M_FAST] = (close - fa) * st[o + M_KF] + fa;
    st[o + M_SLOW] = (close - sw) * st[o + M_KS] + sw;
  }
  const line = st[o + M_FAST] - st[o + M_SLOW];
  const j = i - (sl - 1);
  let sig: number;
  if (j < g) {
    const gs = st[o + M_GSEED] + line;
    st[o + M_GSEED] = gs;
    if (j < g - 1) return;
    sig = gs / g;
  } else {
    const p = st[o + M_SIG];
    sig = (line - p) * st[o + M_KG] + p;
  }
  st[o + M_SIG] = sig;
  st[o + OUT] = line;
  st[o + OUT + 1] = sig;
  st[o + OUT + 2] = line - sig;
}

/**
 * Bollinger(n, k): middle = SMA(n), bands = middle ± k * population stddev.
 * The variance is recomputed from the window around the running mean at every
 * bar (corrected two-pass), so it is exact for 1e-5 moves at 1.3 as for 1e-3
 * moves at 100; no zeroing of small variances.
 */
export function updateBbands(s: Float64Array, o: number, close: number): void {
  const n = s[o + P1];
  const i = pushWindow(s, o, n, close, BB_SUM, BB_COMP, BB_POS, BB_RING);
  if (i < n - 1) return;
  const mean = (s[o + BB_SUM] + s[o + BB_COMP]) / n;
  let s1 = 0, s2 = 0;
  const r = o + BB_RING, e = r + n;
  for (let j = r; j < e; j++) {
    const d = s[j] - mean;
    s1 += d;
    s2 += d * d;
  }
  const v = (s2 - (s1 * s1) / n) / n;
  const dev = s[o + P2] * Math.sqrt(v > 0 ? v : 0);
  s[o + OUT] = mean + dev;
  s[o + OUT + 1] = mean;
  s[o + OUT + 2] = mean - dev;
}

function trueRange(high: number, low: number, prevClose: number): number {
  let tr = high - low;
  const a = Math.abs(high - prevClose), b = Math.abs(low - prevClose);
  if (a > tr) tr = a;
  if (b > tr) tr = b;
  return tr;
}

/** ATR(n), Wilder: first value (bar n) = mean TR over bars 1..n. */
export function updateAtr(s: Float64Array, o: number, high: number, low: number, close: number): void {
  const i = s[o + COUNT];
  s[o + COUNT] = i + 1;
  const prev = s[o + ATR_PREV];
  s[o + ATR_PREV] = close;
  if (i === 0) return;
  const n = s[o + P1];
  const tr = trueRange(high, low, prev);
  if (i < n) {
    s[o + ATR_ATR] += tr;
    return;
  }
  const a = i === n ? (s[o + ATR_ATR] + tr) / n : (s[o + ATR_ATR] * (n - 1) + tr) / n;
  s[o + OUT] = s[o + ATR_ATR] = a;
}

/** True range, from bar 1. */
export function updateTrange(s: Float64Array, o: number, high: number, low: number, close: number): void {
  const i = s[o + COUNT];
  s[o + COUNT] = i + 1;
  const prev = s[o + TR_PREV];
  s[o + TR_PREV] = close;
  if (i > 0) s[o + OUT] = trueRange(high, low, prev);
}

const K_SMA = KIND_CODE.sma, K_EMA = KIND_CODE.ema, K_RSI = KIND_CODE.rsi, K_MACD = KIND_CODE.macd,
  K_BBANDS = KIND_CODE.bbands, K_ATR = KIND_CODE.atr, K_TRANGE = KIND_CODE.trange;

/** Feeds one closed bar; dispatches on the kind code stored in the state. */
export function updateIndicator(s: Float64Array, o: number, high: number, low: number, close: number): void {
  switch (s[o]) {
    case K_SMA: updateSma(s, o, close); break;
    case K_EMA: updateEma(s, o, close); break;
    case K_RSI: updateRsi(s, o, close); break;
    case K_MACD: updateMacd(s, o, close); break;
    case K_BBANDS: updateBbands(s, o, close); break;
    case K_ATR: updateAtr(s, o, high, low, close); break;
    case K_TRANGE: updateTrange(s, o, high, low, close); break;
    default: break;
  }
}

/** Output k of the indicator at o; NaN while warming up. */
export function indicatorOutput(s: Float64Array, o: number, k: number): number {
  return s[o + OUT + k];
}
