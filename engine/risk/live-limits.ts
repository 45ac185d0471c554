/**
 * Limits as shared-memory words (layout.ts): written by applyLimits() under a sequence lock, read by
 * reserve() and checkInstrumentOrder() in any thread without allocating. Internal to engine/risk.
 */
import { InstrumentWord, LimitBit, LimitWord, MICROS_PER_UNIT, MoneyWord, RiskWord } from './layout.ts';
import type { RiskLimits } from './limits.ts';

const INT32_MAX = 2147483647;
const SPINS_BEFORE_WAIT = 64;

/** The arrays that hold limit words: an account's shared memory, or a private copy (fixed instrument checks). */
export interface LimitWords {
  readonly money: BigInt64Array;
  readonly limitF: Float64Array;
  readonly header: Int32Array;
  readonly slots: Int32Array;
}

/** Private, single-slot limit words for checks whose limits never change. */
export function privateLimitWords(limits: RiskLimits, instrument: string): LimitWords {
  const words: LimitWords = {
    money: new BigInt64Array(MoneyWord.COUNT), limitF: new Float64Array(LimitWord.COUNT),
    header: new Int32Array(RiskWord.COUNT), slots: new Int32Array(InstrumentWord.STRIDE),
  };
  writeLimitWords(words, limits, [instrument]);
  return words;
}

/**
 * The current limits version, once no write is in progress. A write is a handful of stores, so waiting
 * for one is a few spins; only a writer killed mid-write (never: writers are plain synchronous code)
 * could keep it odd.
 */
export function stableLimitsSeq(header: Int32Array): number {
  for (let i = 0; ; i++) {
    const v = Atomics.load(header, RiskWord.LIMITS_SEQ);
    if ((v & 1) === 0) return v;
    if (i >= SPINS_BEFORE_WAIT) Atomics.wait(header, RiskWord.LIMITS_SEQ, v, 0.05);
  }
}

/** Micro-units of a money limit (validated: at most MAX_MONEY, so a safe integer). */
export const limitMicros = (amount: number): bigint => BigInt(Math.round(amount * MICROS_PER_UNIT));

/**
 * Write validated limits; `instruments` names the slots (for the whitelist). Writers exclude each other
 * by taking the version from even to odd; readers retry until they see the same even version around
 * their reads. Returns the new version.
 */
export function writeLimitWords(w: LimitWords, limits: RiskLimits, instruments: readonly string[]): number {
  const { header } = w;
  let v: number;
  for (;;) {
    v = stableLimitsSeq(header);
    if (Atomics.compareExchange(header, RiskWord.LIMITS_SEQ, v, (v + 1) | 0) === v) break;
  }
  const bit = (present: boolean, b: number) => (present ? b : 0);
  Atomics.store(header, RiskWord.LIMITS_SET,
    bit(limits.instruments !== undefined, LimitBit.INSTRUMENTS) | bit(limits.max_order_units !== undefined, LimitBit.MAX_ORDER_UNITS) |
    bit(limits.max_position_units !== undefined, LimitBit.MAX_POSITION_UNITS) | bit(limits.max_open_trades !== undefined, LimitBit.MAX_OPEN_TRADES) |
    bit(limits.max_daily_loss !== undefined, LimitBit.MAX_DAILY_LOSS) | bit(limits.max_drawdown_pct !== undefined, LimitBit.MAX_DRAWDOWN_PCT) |
    bit(limits.max_spread_pips !== undefined, LimitBit.MAX_SPREAD_PIPS) | bit(limits.max_orders_per_minute !== undefined, LimitBit.MAX_ORDERS_PER_MINUTE) |
    bit(limits.max_signal_age_ms !== undefined, LimitBit.MAX_SIGNAL_AGE_MS));
  Atomics.store(header, RiskWord.MAX_POSITION, limits.max_position_units ?? INT32_MAX);
  Atomics.store(header, RiskWord.MAX_OPEN_TRADES, limits.max_open_trades ?? INT32_MAX);
  Atomics.store(header, RiskWord.MAX_ORDERS_PER_MINUTE, limits.max_orders_per_minute ?? 0);
  Atomics.store(header, RiskWord.MAX_ORDER_UNITS, limits.max_order_units ?? -1);
  Atomics.store(header, RiskWord.MAX_SIGNAL_AGE_MS, limits.max_signal_age_ms ?? 0);
  w.limitF[LimitWord.MAX_SPREAD_PIPS] = limits.max_spread_pips ?? Infinity;
  w.limitF[LimitWord.MAX_DRAWDOWN_PCT] = limits.max_drawdown_pct ?? Infinity;
  Atomics.store(w.money, MoneyWord.MAX_DAILY_LOSS, limits.max_daily_loss === undefined ? -1n : limitMicros(limits.max_daily_loss));
  const whitelist = limits.instruments;
  instruments.forEach((name, s) => {
    Atomics.store(w.slots, s * InstrumentWord.STRIDE + InstrumentWord.ALLOWED, whitelist === undefined || whitelist.includes(name) ? 1 : 0);
  });
  const next = (v + 2) | 0;
  Atomics.store(header, RiskWord.LIMITS_SEQ, next);
  Atomics.notify(header, RiskWord.LIMITS_SEQ);
  return next;
}

/** A Float64 limit word, consistent with the version it was read under. */
export function readLimitF(w: LimitWords, word: number): number {
  for (;;) {
    const v = stableLimitsSeq(w.header);
    const x = w.limitF[word];
    if (Atomics.load(w.header, RiskWord.LIMITS_SEQ) === v) return x;
  }
}

/**
 * The limits in force, as a document (allocates). The whitelist lists only instruments that have a slot:
 * the others cannot be traded on this memory whatever the document said.
 */
export function readLimitWords(w: LimitWords, instruments: readonly string[], account: string | undefined): { version: number; limits: RiskLimits } {
  for (;;) {
    const v = stableLimitsSeq(w.header);
    const { header, limitF } = w;
    const set = Atomics.load(header, RiskWord.LIMITS_SET);
    const limits: RiskLimits = {};
    if (account !== undefined) limits.account = account;
    if (set & LimitBit.INSTRUMENTS) {
      limits.instruments = instruments.filter((_, s) => Atomics.load(w.slots, s * InstrumentWord.STRIDE + InstrumentWord.ALLOWED) === 1);
    }
    if (set & LimitBit.MAX_ORDER_UNITS) limits.max_order_units = Atomics.load(header, RiskWord.MAX_ORDER_UNITS);
    if (set & LimitBit.MAX_POSITION_UNITS) limits.max_position_units = Atomics.load(header, RiskWord.MAX_POSITION);
    if (set & LimitBit.MAX_OPEN_TRADES) limits.max_open_trades = Atomics.load(header, RiskWord.MAX_OPEN_TRADES);
    if (set & LimitBit.MAX_DAILY_LOSS) limits.max_daily_loss = Number(Atomics.load(w.money, MoneyWord.MAX_DAILY_LOSS)) / MICROS_PER_UNIT;
    if (set & LimitBit.MAX_DRAWDOWN_PCT) limits.max_drawdown_pct = limitF[LimitWord.MAX_DRAWDOWN_PCT];
    if (set & LimitBit.MAX_SPREAD_PIPS) limits.max_spread_pips = limitF[LimitWord.MAX_SPREAD_PIPS];
    if (set & LimitBit.MAX_ORDERS_PER_MINUTE) limits.max_orders_per_minute = Atomics.load(header, RiskWord.MAX_ORDERS_PER_MINUTE);
    if (set & LimitBit.MAX_SIGNAL_AGE_MS) limits.max_signal_age_ms = Atomics.load(header, RiskWord.MAX_SIGNAL_AGE_MS);
    if (Atomics.load(header, RiskWord.LIMITS_SEQ) === v) return { version: v, limits };
  }
}
