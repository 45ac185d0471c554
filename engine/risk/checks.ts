/** Instrument-level checks: allocation-free, run in the instrument actor before any budget is reserved. */
import { pipSize } from '../instruments/mod.ts';
import { AccountRisk } from './budget.ts';
import { InstrumentWord, LimitWord, RiskWord } from './layout.ts';
import type { RiskLimits } from './limits.ts';
import { privateLimitWords, stableLimitsSeq, type LimitWords } from './live-limits.ts';
import { RiskReason, type RiskVerdict } from './reasons.ts';

/**
 * One instrument's checks. They read the limit words at every check, so checks built on an AccountRisk
 * follow applyLimits() in every thread; checks built on a plain document keep that document's limits.
 */
export interface InstrumentChecks {
  readonly instrument: string;
  readonly pipSize: number;
  /** The instrument's slot in `words` (-1: the account memory has none for it yet, so it is not allowed). */
  slot: number;
  readonly words: LimitWords;
  /** The account memory the words are, to look the slot up again while it has none; null for fixed limits. */
  readonly risk: AccountRisk | null;
}

/** Spread in pips is a quotient of floats: tolerate rounding so a spread of exactly the limit passes. */
const PIP_EPSILON = 1e-9;

/** Checks for `instrument` under live account limits (an AccountRisk) or fixed ones (a limits document, validated by the caller). */
export function instrumentChecks(source: AccountRisk | RiskLimits, instrument: string): InstrumentChecks {
  if (source instanceof AccountRisk) return { instrument, pipSize: pipSize(instrument), slot: source.slotOf(instrument), words: source, risk: source };
  return { instrument, pipSize: pipSize(instrument), slot: 0, words: privateLimitWords(source, instrument), risk: null };
}

/**
 * max_signal_age_ms: `ageMs` is how long ago (wall clock) the order's signal was made. One word, read
 * atomically, so no version check is needed.
 */
export function checkSignalAge(w: LimitWords, ageMs: number, out: RiskVerdict): boolean {
  const max = Atomics.load(w.header, RiskWord.MAX_SIGNAL_AGE_MS);
  if (max > 0 && ageMs > max) return out.reject(RiskReason.SIGNAL_STALE, max, ageMs);
  return out.pass();
}

/** Whitelist, tradeable quote (ask >= bid), max order units, max spread. `units` is signed. */
export function checkInstrumentOrder(c: InstrumentChecks, bid: number, ask: number, units: number, out: RiskVerdict): boolean {
  // A slot the node named since (an instrument it started trading): a map lookup, no allocation when none.
  if (c.slot < 0 && c.risk !== null) c.slot = c.risk.slotOf(c.instrument);
  const { header, limitF, slots } = c.words;
  let allowed: boolean;
  let maxUnits: number;
  let maxSpread: number;
  for (;;) {
    const v = stableLimitsSeq(header);
    allowed = c.slot >= 0 && Atomics.load(slots, c.slot * InstrumentWord.STRIDE + InstrumentWord.ALLOWED) === 1;
    maxUnits = Atomics.load(header, RiskWord.MAX_ORDER_UNITS);
    maxSpread = limitF[LimitWord.MAX_SPREAD_PIPS];
    if (Atomics.load(header, RiskWord.LIMITS_SEQ) === v) break;
  }
  if (!allowed) return out.reject(RiskReason.INSTRUMENT_NOT_ALLOWED, NaN, NaN);
  if (ask < bid) return out.reject(RiskReason.NOT_TRADEABLE, 0, (ask - bid) / c.pipSize);
  const size = units < 0 ? -units : units;
  if (maxUnits >= 0 && size > maxUnits) return out.reject(RiskReason.MAX_ORDER_UNITS, maxUnits, size);
  const spread = (ask - bid) / c.pipSize;
  if (spread > maxSpread + PIP_EPSILON) return out.reject(RiskReason.MAX_SPREAD, maxSpread, spread);
  return out.pass();
}
