/**
 * The trading day: it starts at a local wall-clock time in a zone (forex convention: 17:00 New York).
 * Daylight saving is resolved once, at construction, into a UTC-offset table from the runtime's IANA
 * data (Intl), so finding the next reset is arithmetic plus a binary search: no Intl, no allocation.
 */
import { PipstreamError } from '../errors/mod.ts';
import { zoneOffsetTable } from '../time/mod.ts';

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;

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
    this.#table = zoneOffsetTable(this.zone);
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
