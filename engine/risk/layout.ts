/**
 * Per-account risk memory (DESIGN §5): one SharedArrayBuffer per account, shared by all instrument
 * actors of a node. Named offsets only; nothing else indexes these arrays with raw numbers.
 *
 * Regions, in byte order (each aligned for its element type):
 *   money   BigInt64[MoneyWord.COUNT]        micro-units of the account currency
 *   rateTs  Float64[rateCapacity]            time_ms of each rate-ring claim
 *   header  Int32[RiskWord.COUNT]
 *   slots   Int32[instruments * InstrumentWord.STRIDE]
 *   rateSeq Int32[rateCapacity]              claim number whose time rateTs holds
 */

/** Bump with any change below; attaching memory of another version is refused. */
export const RISK_LAYOUT_VERSION = 1;
/** Stored in RiskWord.LAYOUT so a foreign buffer is recognised. */
export const RISK_LAYOUT_MAGIC = 0x5249_0000 | RISK_LAYOUT_VERSION;

/** Money is kept as integer micro-units (Atomics need integers). */
export const MICROS_PER_UNIT = 1_000_000;

/** Int32 header words. */
export const RiskWord = {
  LAYOUT: 0,
  INSTRUMENTS: 1,
  RATE_CAPACITY: 2,
  /** Committed open trades plus pending reservations; never above max_open_trades. */
  OPEN_TRADES: 3,
  /** Latched halt bits (RiskHalt), set when a loss limit is reached; reserve() rejects while set. */
  HALT: 4,
  /** Rate-ring claims so far (free-running, wraps through `| 0`). */
  RATE_HEAD: 5,
  COUNT: 8,
} as const;

export const RiskHalt = { DAILY_LOSS: 1, DRAWDOWN: 2 } as const;

/** BigInt64 money words (micro-units). */
export const MoneyWord = {
  REALIZED_TODAY: 0,
  UNREALIZED: 1,
  /** UNREALIZED at the start of the trading day: the daily loss counts unrealized change since then. */
  UNREALIZED_DAY_START: 2,
  EQUITY_PEAK: 3,
  EQUITY_CURRENT: 4,
  COUNT: 8,
} as const;

/**
 * Int32 words per instrument slot. LONG_BOUND = position + pending buys and SHORT_BOUND = position -
 * pending sells bound every position the account can reach whatever the pending orders do, so
 * max_position_units holds when LONG_BOUND <= max and SHORT_BOUND >= -max.
 */
export const InstrumentWord = { POSITION: 0, LONG_BOUND: 1, SHORT_BOUND: 2, STRIDE: 4 } as const;

/** Length of the order-rate window. */
export const RATE_WINDOW_MS = 60_000;

/** Rate ring entries for a limit of `maxOrdersPerMinute` (0 = no rate limit): a power of two above it. */
export function rateCapacity(maxOrdersPerMinute: number | undefined): number {
  if (maxOrdersPerMinute === undefined) return 0;
  let cap = 1;
  while (cap <= maxOrdersPerMinute) cap <<= 1;
  return cap;
}

export interface RiskLayout {
  instruments: number;
  rateCapacity: number;
  moneyByte: number;
  rateTsByte: number;
  headerByte: number;
  slotsByte: number;
  rateSeqByte: number;
  bytes: number;
}

export function riskLayout(instruments: number, rateCap: number): RiskLayout {
  const moneyByte = 0;
  const rateTsByte = moneyByte + MoneyWord.COUNT * 8;
  const headerByte = rateTsByte + rateCap * 8;
  const slotsByte = headerByte + RiskWord.COUNT * 4;
  const rateSeqByte = slotsByte + instruments * InstrumentWord.STRIDE * 4;
  const bytes = rateSeqByte + rateCap * 4;
  return { instruments, rateCapacity: rateCap, moneyByte, rateTsByte, headerByte, slotsByte, rateSeqByte, bytes: Math.ceil(bytes / 8) * 8 };
}
