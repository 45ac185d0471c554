/**
 * Allocation-free incremental indicator kernels (DESIGN.md §6, TA-Lib
 * definitions). Every piece of state lives in the caller's Float64Array at
 * `o`, laid out as in spec.ts, so a restarted worker continues where the dead
 * one stopped. One update per closed bar. Each kernel tests its steady state
 * first: warm-up branches run only n times in a series' life.
 */
import type { IndicatorKind } from './spec.ts';
import { ATR_SLOT, BBANDS_SLOT, EMA_SLOT, IND_SLOT, KIND_CODE, MACD_SLOT, RSI_SLOT, SMA_SLOT, TRANGE_SLOT } from './spec.ts';

// Plain constants so the optimizer folds them.
const P1 = IND_SLOT.P1, P2 = IND_SLOT.P2, P3 = IND_SLOT.P3, COUNT = IND_SLOT.COUNT, OUT = IND_SLOT.OUT;
const SMA_SUM = SMA_SLOT.SUM, SMA_COMP = SMA_SLOT.COMP, SMA_POS = SMA_SLOT.POS, SMA_RING = SMA_SLOT.RING;
const EMA_K = EMA_SLOT.K, EMA_SEED = EMA_SLOT.SEED, EMA_EMA = EMA_SLOT.EMA;
const RSI_PREV = RSI_SLOT.PREV, RSI_GAIN = RSI_SLOT.GAIN, RSI_LOSS = RSI_SLOT.LOSS;
const M_KF = MACD_SLOT.KF, M_KS = MACD_SLOT.KS, M_KG = MACD_SLOT.KG, M_FAST = MACD_SLOT.FAST, M_SLOW = MACD_SLOT.SLOW,
  M_SIG = MACD_SLOT.SIG, M_FSEED = MACD_SLOT.FAST_SEED, M_SSEED = MACD_SLOT.SLOW_SEED, M_GSEED = MACD_SLOT.SIG_SEED;
const BB_SUM = BBANDS_SLOT.SUM, BB_COMP = BBANDS_SLOT.COMP, BB_POS = BBANDS_SLOT.POS, BB_M2 = BBANDS_SLOT.M2,
  BB_ERR = BBANDS_SLOT.ERR, BB_RING = BBANDS_SLOT.RING;
const ATR_PREV = ATR_SLOT.PREV, ATR_ATR = ATR_SLOT.ATR, TR_PREV = TRANGE_SLOT.PREV;

/** Rounding error of t = a + b (Fast2Sum on the larger operand; Neumaier's step). */
function addError(a: number, b: number, t: number): number {
  return Math.abs(a) >= Math.abs(b) ? (a - t) + b : (b - t) + a;
}

/**
 * Pushes x (bar i) into the window ring, keeping the window sum with Neumaier
 * compensation (sum + comp) so the mean does not drift over long runs.
 * Returns the compensated sum.
 */
function pushWindow(s: Float64Array, o: number, n: number, i: number, x: number, SUM: number, COMP: number, POS: number, RING: number): number {
  const pos = s[o + POS];
  const r = o + RING + pos;
  let sum = s[o + SUM], comp = s[o + COMP], t = sum + x;
  comp += addError(sum, x, t);
  sum = t;
  if (i >= n) {
    const y = -s[r];
    t = sum + y;
    comp += addError(sum, y, t);
    sum = t;
  }
  s[r] = x;
  s[o + POS] = pos + 1 === n ? 0 : pos + 1;
  s[o + SUM] = sum;
  s[o + COMP] = comp;
  s[o + COUNT] = i + 1;
  return sum + comp;
}

/** SMA(n): mean of the last n closes, from bar n-1. */
export function updateSma(s: Float64Array, o: number, close: number): void {
  const n = s[o + P1], i = s[o + COUNT];
  const sum = pushWindow(s, o, n, i, close, SMA_SUM, SMA_COMP, SMA_POS, SMA_RING);
  if (i >= n - 1) s[o + OUT] = sum / n;
}

/** EMA(n): seeded with the SMA of the first n closes (bar n-1). */
export function updateEma(s: Float64Array, o: number, close: number): void {
  const n = s[o + P1], i = s[o + COUNT];
  s[o + COUNT] = i + 1;
  if (i >= n) {
    const e = s[o + EMA_EMA];
    s[o + OUT] = s[o + EMA_EMA] = (close - e) * s[o + EMA_K] + e;
    return;
  }
  const seed = s[o + EMA_SEED] + close;
  s[o + EMA_SEED] = seed;
  if (i === n - 1) s[o + OUT] = s[o + EMA_EMA] = seed / n;
}

/**
 * Wilder smoothing (a * (n-1) + x) / n. The division by n becomes a product
 * with 1/n (one more rounding, off the loop-carried chain's slow divide); the
 * smoothing contracts, so the difference from dividing stays a few ulps.
 */
function wilder(a: number, x: number, n: number): number {
  return (a * (n - 1) + x) * (1 / n);
}

/** RSI(n), Wilder: first value at bar n; 0 when both averages are 0. */
export function updateRsi(s: Float64Array, o: number, close: number): void {
  const n = s[o + P1], i = s[o + COUNT], prev = s[o + RSI_PREV];
  s[o + COUNT] = i + 1;
  s[o + RSI_PREV] = close;
  // Branch-free (up and down bars alternate unpredictably); exact: |d| + d is 2d or 0.
  const d = close - prev, ad = Math.abs(d);
  const gain = (ad + d) * 0.5, loss = (ad - d) * 0.5;
  let g: number, l: number;
  if (i > n) {
    g = wilder(s[o + RSI_GAIN], gain, n);
    l = wilder(s[o + RSI_LOSS], loss, n);
  } else if (i === n) {
    g = (s[o + RSI_GAIN] + gain) / n;
    l = (s[o + RSI_LOSS] + loss) / n;
  } else {
    if (i > 0) {
      s[o + RSI_GAIN] += gain;
      s[o + RSI_LOSS] += loss;
    }
    return;
  }
  s[o + RSI_GAIN] = g;
  s[o + RSI_LOSS] = l;
  const gl = g + l;
  s[o + OUT] = gl === 0 ? 0 : 100 * (g / gl);
}

/** MACD(f, s, sig): line, signal, histogram, all from bar s+sig-2. */
export function updateMacd(st: Float64Array, o: number, close: number): void {
  const sl = st[o + P2], g = st[o + P3], i = st[o + COUNT];
  st[o + COUNT] = i + 1;
  if (i >= sl + g - 1) {
    const fa = st[o + M_FAST], sw = st[o + M_SLOW], p = st[o + M_SIG];
    const fast = (close - fa) * st[o + M_KF] + fa;
    const slow = (close - sw) * st[o + M_KS] + sw;
    const line = fast - slow;
    const sig = (line - p) * st[o + M_KG] + p;
    st[o + M_FAST] = fast;
    st[o + M_SLOW] = slow;
    st[o + M_SIG] = sig;
    st[o + OUT] = line;
    st[o + OUT + 1] = sig;
    st[o + OUT + 2] = line - sig;
    return;
  }
  warmMacd(st, o, close, st[o + P1], sl, g, i);
}

/** The first s+sig-1 bars of MACD: SMA seeds of both EMAs, then of the signal. */
function warmMacd(st: Float64Array, o: number, close: number, f: number, sl: number, g: number, i: number): void {
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
  const gs = st[o + M_GSEED] + line;
  st[o + M_GSEED] = gs;
  if (i - (sl - 1) < g - 1) return;
  const sig = gs / g;
  st[o + M_SIG] = sig;
  st[o + OUT] = line;
  st[o + OUT + 1] = sig;
  st[o + OUT + 2] = line - sig;
}

/** Unit roundoff, doubled for slack in the error bound below. */
const U = Number.EPSILON;
/** Largest tolerated error of the O(1) standard deviation, relative to the mean (2^-44 ≈ 5.7e-14). */
const BB_TOL = 2 ** -44;

/**
 * Bollinger(n, k): middle = SMA(n), bands = middle ± k * population stddev.
 *
 * M2 = Σ(x - mean)² slides in O(1) when x_new replaces x_old:
 *   M2' = M2 + (x_new - x_old) * ((x_new - mean') + (x_old - mean)),
 * exact in real arithmetic. ERR carries a first-order bound on |M2 - exact M2|:
 * each step's roundings, and |x_new - x_old| * 4u|mean| for each mean's own
 * error. Since |sqrt(a) - sqrt(b)| <= |a - b| / sqrt(a), the stddev is off by
 * at most ERR / (n * stddev); whenever that could exceed 2^-44 * |mean| (after
 * a few hundred bars of accumulated rounding, or when the variance collapses
 * after a large move), M2 is recomputed exactly from the window (corrected
 * two-pass, as batch does). So the bands stay within ~6e-14 relative of the
 * two-pass ones for 1e-5 moves at 1.3 as for 1e-3 moves at 100, with no
 * zeroing of small variances, at O(1) amortized cost.
 */
export function updateBbands(s: Float64Array, o: number, close: number): void {
  const n = s[o + P1], i = s[o + COUNT];
  const old = s[o + BB_RING + s[o + BB_POS]];
  const mean = pushWindow(s, o, n, i, close, BB_SUM, BB_COMP, BB_POS, BB_RING) / n;
  let sd: number;
  if (i >= n) {
    const m2Old = s[o + BB_M2], meanOld = s[o + OUT + 1];
    const d = close - old, a = close - mean, b = old - meanOld;
    const m2 = m2Old + d * (a + b);
    const err = s[o + BB_ERR] + U * (m2Old + Math.abs(m2) + Math.abs(d) * (3 * (Math.abs(a) + Math.abs(b)) + 4 * (Math.abs(mean) + Math.abs(meanOld))));
    sd = Math.sqrt(m2 / n);
    if (err <= n * BB_TOL * Math.abs(mean) * sd) {
      s[o + BB_M2] = m2;
      s[o + BB_ERR] = err;
    } else {
      sd = Math.sqrt(recomputeM2(s, o, n, mean) / n);
    }
  } else if (i === n - 1) {
    sd = Math.sqrt(recomputeM2(s, o, n, mean) / n);
  } else {
    return;
  }
  const dev = s[o + P2] * sd;
  s[o + OUT] = mean + dev;
  s[o + OUT + 1] = mean;
  s[o + OUT + 2] = mean - dev;
}

/** Exact M2 of the window around its mean (corrected two-pass); resets ERR to the two-pass bound. */
function recomputeM2(s: Float64Array, o: number, n: number, mean: number): number {
  let s1 = 0, s2 = 0;
  const r = o + BB_RING, e = r + n;
  for (let j = r; j < e; j++) {
    const d = s[j] - mean;
    s1 += d;
    s2 += d * d;
  }
  const v = s2 - (s1 * s1) / n;
  const m2 = v > 0 ? v : 0;
  s[o + BB_M2] = m2;
  s[o + BB_ERR] = (n + 4) * U * m2;
  return m2;
}

// Branches, not Math.max: high - low is nearly always the largest, so they predict well.
function trueRange(high: number, low: number, prevClose: number): number {
  let tr = high - low;
  const a = Math.abs(high - prevClose), b = Math.abs(low - prevClose);
  if (a > tr) tr = a;
  if (b > tr) tr = b;
  return tr;
}

/** ATR(n), Wilder: first value (bar n) = mean TR over bars 1..n. */
export function updateAtr(s: Float64Array, o: number, high: number, low: number, close: number): void {
  const n = s[o + P1], i = s[o + COUNT], prev = s[o + ATR_PREV];
  s[o + COUNT] = i + 1;
  s[o + ATR_PREV] = close;
  if (i > n) {
    s[o + OUT] = s[o + ATR_ATR] = wilder(s[o + ATR_ATR], trueRange(high, low, prev), n);
  } else if (i === n) {
    s[o + OUT] = s[o + ATR_ATR] = (s[o + ATR_ATR] + trueRange(high, low, prev)) / n;
  } else if (i > 0) {
    s[o + ATR_ATR] += trueRange(high, low, prev);
  }
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

/** The uniform update signature; what indicatorUpdater returns. */
export type IndicatorUpdater = (s: Float64Array, o: number, high: number, low: number, close: number) => void;

// One function object per kind, so a call site that always updates one kind stays monomorphic.
const UPDATERS: Record<IndicatorKind, IndicatorUpdater> = {
  sma: (s, o, _h, _l, c) => updateSma(s, o, c),
  ema: (s, o, _h, _l, c) => updateEma(s, o, c),
  rsi: (s, o, _h, _l, c) => updateRsi(s, o, c),
  macd: (s, o, _h, _l, c) => updateMacd(s, o, c),
  bbands: (s, o, _h, _l, c) => updateBbands(s, o, c),
  atr: updateAtr,
  trange: updateTrange,
};

/**
 * The update function of one kind, picked once at set-up instead of a kind
 * dispatch per bar: same effect as updateIndicator on that kind's state.
 */
export function indicatorUpdater(kind: IndicatorKind): IndicatorUpdater {
  return UPDATERS[kind];
}

/** Output k of the indicator at o; NaN while warming up. */
export function indicatorOutput(s: Float64Array, o: number, k: number): number {
  return s[o + OUT + k];
}
