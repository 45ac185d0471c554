/**
 * Per-account risk memory (DESIGN §5): one SharedArrayBuffer per account, shared by all instrument
 * actors of a node. Named offsets only; nothing else indexes these arrays with raw numbers.
 *
 * Regions, in byte order (each aligned for its element type):
 *   money   BigInt64[MoneyWord.COUNT]        micro-units of the account currency
 *   limitF  Float64[LimitWord.COUNT]         fractional limits (written under RiskWord.LIMITS_SEQ)
 *   rateTs  Float64[RATE_CAPACITY]           time_ms of each rate-ring claim
 *   header  Int32[RiskWord.COUNT]
 *   slots   Int32[instruments * InstrumentWord.STRIDE]
 *   rateSeq Int32[RATE_CAPACITY]             claim number whose time rateTs holds
 *   names   Int32[capacity * NAME_WORDS]     the instrument named in each slot (ASCII, zero-padded)
 *
 * Slots are named in order, once each, by one thread (the node's main thread): at creation, and later
 * for an instrument the node starts trading (ensureInstrumentSlot); RiskWord.SLOTS_NAMED publishes them.
 * The limits live here too (header words, limitF, MoneyWord.MAX_DAILY_LOSS, InstrumentWord.ALLOWED), so
 * applyLimits() reaches every attached thread at once; nothing about them is baked in at attach time.
 */
import { MAX_ORDERS_PER_MINUTE } from './limits.ts';

/** Bump with any change below; attaching memory of another version is refused. */
export const RISK_LAYOUT_VERSION = 4;
/** Stored in RiskWord.LAYOUT so a foreign buffer is recognised. */
export const RISK_LAYOUT_MAGIC = 0x5249_0000 | RISK_LAYOUT_VERSION;

/** Money is kept as integer micro-units (Atomics need integers). */
export const MICROS_PER_UNIT = 1_000_000;

/** Int32 header words. */
export const RiskWord = {
  LAYOUT: 0,
  INSTRUMENTS: 1,
  RATE_CAPACITY: 2,
  /** Committed open trades plus pending reservations; never above max_open_trades when they were taken. */
  OPEN_TRADES: 3,
  /** Halt bits (RiskHalt); reserve() rejects while any is set. */
  HALT: 4,
  /** Rate-ring claims so far (free-running, wraps through `| 0`). */
  RATE_HEAD: 5,
  /**
   * Limits version, a sequence lock: odd while applyLimits() writes, +2 per change. Readers take the
   * limit words only between two equal even reads of it.
   */
  LIMITS_SEQ: 6,
  /** LimitBit flags: which keys the limits document has (an absent key is no limit). */
  LIMITS_SET: 7,
  /** max_position_units, or INT32_MAX when absent. */
  MAX_POSITION: 8,
  /** max_open_trades, or INT32_MAX when absent. */
  MAX_OPEN_TRADES: 9,
  /** max_orders_per_minute, or 0 when absent. */
  MAX_ORDERS_PER_MINUTE: 10,
  /** max_order_units, or -1 when absent. */
  MAX_ORDER_UNITS: 11,
  /** Slots named so far (stored after the name is written). RiskWord.INSTRUMENTS is the slot capacity. */
  SLOTS_NAMED: 12,
  /** max_signal_age_ms, or 0 when absent. */
  MAX_SIGNAL_AGE_MS: 13,
  COUNT: 16,
} as const;

/**
 * Halt bits. DAILY_LOSS and DRAWDOWN latch when a loss limit is reached (cleared by resetTradingDay() /
 * clearDrawdownHalt()); MANUAL (operators) and RECONCILIATION (broker state disagrees with ours) are set
 * and cleared with haltTrading() / resumeTrading().
 */
export const RiskHalt = { DAILY_LOSS: 1, DRAWDOWN: 2, MANUAL: 4, RECONCILIATION: 8 } as const;

/** One bit per limits document key, in RiskWord.LIMITS_SET. */
export const LimitBit = {
  INSTRUMENTS: 1,
  MAX_ORDER_UNITS: 2,
  MAX_POSITION_UNITS: 4,
  MAX_OPEN_TRADES: 8,
  MAX_DAILY_LOSS: 16,
  MAX_DRAWDOWN_PCT: 32,
  MAX_SPREAD_PIPS: 64,
  MAX_ORDERS_PER_MINUTE: 128,
  MAX_SIGNAL_AGE_MS: 256,
} as const;

/** BigInt64 money words (micro-units). */
export const MoneyWord = {
  REALIZED_TODAY: 0,
  UNREALIZED: 1,
  /** UNREALIZED at the start of the trading day: the daily loss counts unrealized change since then. */
  UNREALIZED_DAY_START: 2,
  EQUITY_PEAK: 3,
  EQUITY_CURRENT: 4,
  /** max_daily_loss in micro-units, or -1 when absent (a limit, written under RiskWord.LIMITS_SEQ). */
  MAX_DAILY_LOSS: 5,
  COUNT: 8,
} as const;

/** Float64 limit words (Infinity when absent), written under RiskWord.LIMITS_SEQ. */
export const LimitWord = { MAX_SPREAD_PIPS: 0, MAX_DRAWDOWN_PCT: 1, COUNT: 2 } as const;

/**
 * Int32 words per instrument slot. LONG_BOUND = position + pending buys and SHORT_BOUND = position -
 * pending sells bound every position the account can reach whatever the pending orders do, so
 * max_position_units holds when LONG_BOUND <= max and SHORT_BOUND >= -max. ALLOWED is 1 while the
 * limits' instrument whitelist admits the slot's instrument.
 */
export const InstrumentWord = { POSITION: 0, LONG_BOUND: 1, SHORT_BOUND: 2, ALLOWED: 3, STRIDE: 4 } as const;

/** Length of the order-rate window. */
export const RATE_WINDOW_MS = 60_000;

/**
 * Rate ring entries: a power of two above the largest rate limit a document may set, so any limit can be
 * applied later without resizing shared memory (16,384 entries, 192 KiB per account).
 */
export const RATE_CAPACITY = (() => {
  let cap = 1;
  while (cap <= MAX_ORDERS_PER_MINUTE) cap <<= 1;
  return cap;
})();

/** Int32 words of one slot's name: instrument names are at most 14 ASCII characters. */
export const NAME_WORDS = 4;
/** Slots of a risk memory created without an explicit capacity: room for instruments registered later. */
export const DEFAULT_SLOT_CAPACITY = 64;

export interface RiskLayout {
  instruments: number;
  moneyByte: number;
  limitFByte: number;
  rateTsByte: number;
  headerByte: number;
  slotsByte: number;
  rateSeqByte: number;
  namesByte: number;
  bytes: number;
}

export function riskLayout(instruments: number): RiskLayout {
  const moneyByte = 0;
  const limitFByte = moneyByte + MoneyWord.COUNT * 8;
  const rateTsByte = limitFByte + LimitWord.COUNT * 8;
  const headerByte = rateTsByte + RATE_CAPACITY * 8;
  const slotsByte = headerByte + RiskWord.COUNT * 4;
  const rateSeqByte = slotsByte + instruments * InstrumentWord.STRIDE * 4;
  const namesByte = rateSeqByte + RATE_CAPACITY * 4;
  const bytes = namesByte + instruments * NAME_WORDS * 4;
  return { instruments, moneyByte, limitFByte, rateTsByte, headerByte, slotsByte, rateSeqByte, namesByte, bytes: Math.ceil(bytes / 8) * 8 };
}
