/**
 * The trading day: it starts at a local wall-clock time in a zone (forex convention: 17:00 New York).
 * Daylight saving is resolved once, at construction, into a UTC-offset table from the runtime's IANA
 * data (Intl), so finding the next reset is arithmetic plus a binary search: no Intl, no allocation.
 */
import { PipstreamError } from '../errors/mod.ts';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
/** Table range; outside it the nearest known offset applies. */
const FIRST_MS = Date.UTC(1970, 0, 1);
const LAST_MS = Date.UTC(2101, 0, 1);
const STEP_MIN = 14 * 24 * 60;
const OFFSET = /GMT(?:([+-])(\d\d):(\d\d))?$/;
const tables = new Map<string, Float64Array>();

/** Pairs [fromUtcMs, offsetMs, ...] sorted by time; the first pair starts at -Infinity. */
function offsetTable(zone: string): Float64Array {
  const cached = tables.get(zone);
  if (cached !== undefined) return cached;
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch (err) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `"${zone}" is not an IANA time zone`, { zone }, { cause: err });
  }
  const at = (minute: number): number => {
    const m = OFFSET.exec(fmt.format(minute * MIN_MS));
    if (m === null || m[1] === undefined) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * MIN_MS;
  };
  const out = [-Infinity, at(FIRST_MS / MIN_MS)];
  // Offsets change at most a few times a year: sample fortnightly, then bisect to the exact minute.
  for (let m = FIRST_MS / MIN_MS; m < LAST_MS / MIN_MS; m += STEP_MIN) {
    let lo = m, hi = m + STEP_MIN;
    const before = at(lo);
    if (at(hi) === before) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (at(mid) === before) lo = mid; else hi = mid;
    }
    out.push(hi * MIN_MS, at(hi));
  }
  const table = Float64Array.from(out);
  tables.set(zone, table);
  return table;
}

export interface TradingDayOptions {
  /** IANA zone; default America/New_York. */
  zone?: string;
  /** Local wall-clock minute of the day at which a trading day starts; default 17:00 (1020). */
  startMinute?: number;
}

export class TradingDayClock {
  readonly zone: string;
  readonly startMinute: number;
  readonly #table: Float64Array;
  readonly #pairs: number;

  constructor(opts: TradingDayOptions = {}) {
    this.zone = opts.zone ?? 'America/New_York';
    this.startMinute = opts.startMinute ?? 17 * 60;
    if (!Number.isInteger(this.startMinute) || this.startMinute < 0 || this.startMinute >= 24 * 60) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `trading day start minute ${this.startMinute} is not in [0, 1440)`,
        { startMinute: this.startMinute });
    }
    this.#table = offsetTable(this.zone);
    this.#pairs = this.#table.length / 2;
  }

  /** UTC offset (ms, local = utc + offset) in force at a UTC instant. */
  offsetAt(timeMs: number): number {
    const t = this.#table;
    let lo = 0, hi = this.#pairs - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t[2 * mid] <= timeMs) lo = mid; else hi = mid - 1;
    }
    return t[2 * lo + 1];
  }

  /** The UTC instant of the day start on local calendar day `day` (days since 1970-01-01). */
  #startOnLocalDay(day: number): number {
    const local = day * DAY_MS + this.startMinute * MIN_MS;
    const guess = local - this.offsetAt(local - this.offsetAt(local));
    // A start time inside a DST gap or overlap gets no special care (17:00 New York is never in one).
    return local - this.offsetAt(guess);
  }

  /** The first trading-day start strictly after `timeMs`. */
  nextStartAfter(timeMs: number): number {
    const day = Math.floor((timeMs + this.offsetAt(timeMs)) / DAY_MS);
    let s = this.#startOnLocalDay(day);
    if (s <= timeMs) s = this.#startOnLocalDay(day + 1);
    if (s <= timeMs) s = this.#startOnLocalDay(day + 2);
    return s;
  }

  /** The last trading-day start at or before `timeMs` (the start of the trading day containing it). */
  startAtOrBefore(timeMs: number): number {
    const day = Math.floor((timeMs + this.offsetAt(timeMs)) / DAY_MS);
    let s = this.#startOnLocalDay(day);
    if (s > timeMs) s = this.#startOnLocalDay(day - 1);
    if (s > timeMs) s = this.#startOnLocalDay(day - 2);
    return s;
  }
}
