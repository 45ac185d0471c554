/**
 * Indicator specifications (`macd:12:26:9`), their output names and the layout
 * of their state in a flat Float64Array.
 */
import { PipstreamError } from '../errors/mod.ts';

export type IndicatorKind = 'sma' | 'ema' | 'rsi' | 'macd' | 'bbands' | 'atr' | 'trange';

export interface IndicatorSpec {
  kind: IndicatorKind;
  /** sma/ema/rsi/atr: [n]; macd: [fast, slow, signal]; bbands: [n, k]; trange: []. */
  params: number[];
}

/** Kind codes stored in the state (slot KIND). */
export const KIND_CODE = { sma: 1, ema: 2, rsi: 3, macd: 4, bbands: 5, atr: 6, trange: 7 } as const;

/**
 * State header common to every kind; kind-specific slots follow from BODY.
 * COUNT is the number of bars fed so far; OUT holds up to 3 outputs (NaN while warming).
 */
export const IND_SLOT = { KIND: 0, P1: 1, P2: 2, P3: 3, COUNT: 4, OUT: 5, BODY: 8 } as const;

/** Kind-specific slots, relative to the state offset. */
export const SMA_SLOT = { SUM: 8, COMP: 9, POS: 10, RING: 11 } as const;
export const EMA_SLOT = { K: 8, SEED: 9, EMA: 10 } as const;
export const RSI_SLOT = { PREV: 8, GAIN: 9, LOSS: 10 } as const;
export const MACD_SLOT = { KF: 8, KS: 9, KG: 10, FAST: 11, SLOW: 12, SIG: 13, FAST_SEED: 14, SLOW_SEED: 15, SIG_SEED: 16 } as const;
/** M2: sum of squared deviations from the mean, updated in O(1); ERR: a bound on its drift from an exact recompute. */
export const BBANDS_SLOT = { SUM: 8, COMP: 9, POS: 10, M2: 11, ERR: 12, RING: 13 } as const;
export const ATR_SLOT = { PREV: 8, ATR: 9 } as const;
export const TRANGE_SLOT = { PREV: 8 } as const;

const KINDS: readonly IndicatorKind[] = ['sma', 'ema', 'rsi', 'macd', 'bbands', 'atr', 'trange'];
const USAGE = 'sma:N, ema:N, rsi:N, macd:FAST:SLOW:SIGNAL, bbands:N[:K] (K defaults to 2), atr:N, trange';

function bad(message: string, details: Record<string, unknown>): never {
  throw new PipstreamError('PS_BAD_INDICATOR', `${message} (expected one of: ${USAGE})`, details);
}

function period(v: number, min: number, what: string, spec: string): number {
  if (!Number.isInteger(v) || v < min || v > 1_000_000) bad(`indicator ${spec}: ${what} must be an integer >= ${min}, got ${v}`, { spec, param: what, value: v });
  return v;
}

/**
 * Validates a kind and its parameters (also the shape workflows use:
 * `{"name":"rsi","params":[14]}`). bbands' K defaults to 2 (TA-Lib's default).
 */
export function makeIndicatorSpec(kind: string, params: readonly number[]): IndicatorSpec {
  const k = kind.toLowerCase() as IndicatorKind;
  const label = [kind, ...params].join(':');
  if (!KINDS.includes(k)) bad(`unknown indicator ${JSON.stringify(kind)}`, { spec: label, kind });
  const want = { sma: [1, 1], ema: [1, 1], rsi: [1, 1], atr: [1, 1], macd: [3, 3], bbands: [1, 2], trange: [0, 0] }[k];
  if (params.length < want[0] || params.length > want[1]) {
    bad(`indicator ${label}: ${k} takes ${want[0] === want[1] ? want[0] : `${want[0]} or ${want[1]}`} parameter(s), got ${params.length}`, { spec: label });
  }
  switch (k) {
    case 'sma': case 'ema': case 'atr':
      return { kind: k, params: [period(params[0], 1, 'period', label)] };
    case 'rsi':
      return { kind: k, params: [period(params[0], 2, 'period', label)] };
    case 'macd': {
      const f = period(params[0], 2, 'fast period', label);
      const s = period(params[1], 2, 'slow period', label);
      const g = period(params[2], 1, 'signal period', label);
      if (f >= s) bad(`indicator ${label}: fast period must be less than slow period`, { spec: label });
      return { kind: k, params: [f, s, g] };
    }
    case 'bbands': {
      const n = period(params[0], 2, 'period', label);
      const mult = params.length > 1 ? params[1] : 2;
      if (!(mult > 0) || !Number.isFinite(mult)) bad(`indicator ${label}: k must be a finite number > 0, got ${mult}`, { spec: label });
      return { kind: k, params: [n, mult] };
    }
    case 'trange':
      return { kind: k, params: [] };
  }
}

/** `sma:20`, `macd:12:26:9`, `bbands:20:2`, `bbands:20` (k = 2), `trange`. */
export function parseIndicatorSpec(text: string): IndicatorSpec {
  const parts = text.trim().split(':');
  const params = parts.slice(1).map((p) => {
    const t = p.trim();
    if (!/^(\d+(\.\d+)?|\.\d+)$/.test(t)) bad(`indicator ${JSON.stringify(text)}: parameter ${JSON.stringify(p)} is not a number`, { spec: text });
    return Number(t);
  });
  return makeIndicatorSpec(parts[0].trim(), params);
}

/** `sma:20,ema:10,...` to specs (duplicates rejected: their columns would collide). */
export function parseIndicatorList(text: string): IndicatorSpec[] {
  const specs = text.split(',').filter((s) => s.trim() !== '').map(parseIndicatorSpec);
  if (specs.length === 0) bad('no indicators given', { spec: text });
  const seen = new Set<string>();
  for (const s of specs) {
    const key = indicatorOutputNames(s)[0];
    if (seen.has(key)) bad(`indicator ${key} given twice`, { spec: text });
    seen.add(key);
  }
  return specs;
}

export function outputCount(spec: IndicatorSpec): number {
  return spec.kind === 'macd' || spec.kind === 'bbands' ? 3 : 1;
}

/** Column names, e.g. `macd_12_26_9`, `macd_signal_12_26_9`, `macd_hist_12_26_9`. */
export function indicatorOutputNames(spec: IndicatorSpec): string[] {
  const p = spec.params.map((x) => String(x)).join('_');
  switch (spec.kind) {
    case 'macd': return [`macd_${p}`, `macd_signal_${p}`, `macd_hist_${p}`];
    case 'bbands': return [`bbands_upper_${p}`, `bbands_middle_${p}`, `bbands_lower_${p}`];
    case 'trange': return ['trange'];
    default: return [`${spec.kind}_${p}`];
  }
}

/** Float64 slots the indicator's state needs. */
export function indicatorStateSize(spec: IndicatorSpec): number {
  switch (spec.kind) {
    case 'sma': return SMA_SLOT.RING + spec.params[0];
    case 'bbands': return BBANDS_SLOT.RING + spec.params[0];
    case 'ema': return EMA_SLOT.EMA + 1;
    case 'rsi': return RSI_SLOT.LOSS + 1;
    case 'macd': return MACD_SLOT.SIG_SEED + 1;
    case 'atr': return ATR_SLOT.ATR + 1;
    case 'trange': return TRANGE_SLOT.PREV + 1;
  }
}

/** Writes the kind, parameters and a fresh state into state[off .. off+indicatorStateSize(spec)). */
export function initIndicator(state: Float64Array, off: number, spec: IndicatorSpec): void {
  const size = indicatorStateSize(spec);
  if (off < 0 || off + size > state.length) {
    throw new PipstreamError('PS_BAD_INDICATOR', `indicator state does not fit: needs ${size} slots at ${off}, array has ${state.length}`, { off, size });
  }
  state.fill(0, off, off + size);
  state[off + IND_SLOT.KIND] = KIND_CODE[spec.kind];
  for (let i = 0; i < spec.params.length; i++) state[off + IND_SLOT.P1 + i] = spec.params[i];
  state.fill(NaN, off + IND_SLOT.OUT, off + IND_SLOT.OUT + 3);
  switch (spec.kind) {
    case 'ema': state[off + EMA_SLOT.K] = 2 / (spec.params[0] + 1); break;
    case 'macd':
      state[off + MACD_SLOT.KF] = 2 / (spec.params[0] + 1);
      state[off + MACD_SLOT.KS] = 2 / (spec.params[1] + 1);
      state[off + MACD_SLOT.KG] = 2 / (spec.params[2] + 1);
      break;
    default: break;
  }
}
