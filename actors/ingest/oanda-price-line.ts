/**
 * OANDA v20 pricing-stream line protocol: strict decimal and time parsers, a
 * newline splitter over raw body chunks, and a decoder that turns one JSON line
 * (`ClientPrice` or `PricingHeartbeat`) into callback arguments. Internal to
 * actors/ingest; the public face is mod.ts.
 *
 * The parsers return NaN instead of throwing so that the per-line path has no
 * exceptions and no allocation beyond what JSON.parse makes.
 */
import { PipstreamError } from '../../engine/errors/mod.ts';
import { daysFromCivil } from '../../engine/time/mod.ts';

const C0 = 48; // '0'
const C9 = 57; // '9'
const DOT = 46;
const MINUS = 45;

/** Exact powers of ten: every 10^k with k <= 22 is representable in float64. */
const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Strict decimal `-?(0|[1-9][0-9]*)(\.[0-9]+)?` to the nearest float64, NaN
 * when the string is not in that grammar ("1e5", "NaN", "", " 1.2", "+1", "1.",
 * ".5", "01" are all rejected).
 *
 * Fast path: while checking the grammar we accumulate the digits as an integer
 * mantissa m and count the fraction digits k. If m < 2^53 (exact in float64)
 * and k <= 22 (10^k exact), then m / 10^k is ONE correctly rounded IEEE
 * division of two exact values, i.e. the nearest float64 to the decimal. That
 * covers every FX price. Otherwise (more than 15-16 significant digits) we hand
 * the already validated string to Number(), which ECMAScript also rounds
 * correctly; we only need our own grammar check because Number() accepts
 * whitespace, exponents, hex, "Infinity" and "".
 */
export function parseDecimal(s: string): number {
  const n = s.length;
  let i = 0;
  let neg = false;
  if (n > 0 && s.charCodeAt(0) === MINUS) { neg = true; i = 1; }
  const intStart = i;
  let m = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < C0 || c > C9) break;
    m = m * 10 + (c - C0);
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits === 0) return NaN;
  if (intDigits > 1 && s.charCodeAt(intStart) === C0) return NaN;
  let scale = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== DOT) return NaN;
    i++;
    const fracStart = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c < C0 || c > C9) return NaN;
      m = m * 10 + (c - C0);
      i++;
    }
    scale = i - fracStart;
    if (scale === 0) return NaN;
  }
  // m only grows, so if it ends at or below 2^53 - 1 every partial product was exact.
  if (m > Number.MAX_SAFE_INTEGER || scale > 22) return Number(s);
  const v = scale === 0 ? m : m / POW10[scale];
  return neg ? -v : v;
}

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (c < C0 || c > C9) return -1;
    v = v * 10 + (c - C0);
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses `frac` digits at s[from..end) into whole microseconds (truncated, like
 * the engine's integer-microsecond envelopes); -1 when not 1..9 digits.
 */
function fractionMicros(s: string, from: number, end: number): number {
  const count = end - from;
  if (count < 1 || count > 9) return -1;
  let us = 0;
  for (let i = 0; i < 6; i++) {
    if (i < count) {
      const c = s.charCodeAt(from + i);
      if (c < C0 || c > C9) return -1;
      us = us * 10 + (c - C0);
    } else {
      us *= 10;
    }
  }
  for (let i = from + 6; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < C0 || c > C9) return -1;
  }
  return us;
}

/**
 * Whole seconds + microseconds to epoch ms. Whole milliseconds stay exact
 * integers. Otherwise the instant as integer µs is exact below 2^53 (until year
 * 2255) and one correctly rounded division gives the nearest float64; beyond
 * that float64 cannot hold µs at epoch-ms magnitude anyway.
 */
function toMs(seconds: number, micros: number): number {
  const rem = micros % 1000;
  if (rem === 0) return seconds * 1000 + micros / 1000;
  const us = seconds * 1e6 + micros;
  return Math.abs(us) <= Number.MAX_SAFE_INTEGER ? us / 1000 : seconds * 1000 + micros / 1000;
}

/**
 * RFC 3339 date-time (`2014-05-01T00:00:00.292000000Z`, up to 9 fraction
 * digits, `Z` or `±HH:MM`) to epoch milliseconds as float64, truncated to whole
 * microseconds (nearest float64; see toMs). NaN when
 * malformed. Leap second 60 is rejected: OANDA never sends it and the engine's
 * epoch time cannot represent it.
 */
export function parseRfc3339Ms(s: string): number {
  const n = s.length;
  if (n < 20) return NaN;
  if (s.charCodeAt(4) !== MINUS || s.charCodeAt(7) !== MINUS || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return NaN;
  }
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return NaN; // 'T' | 't'
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const se = digits(s, 17, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 ||
    se < 0 || se > 59) return NaN;
  let i = 19;
  let micros = 0;
  if (s.charCodeAt(i) === DOT) {
    let end = i + 1;
    while (end < n) {
      const c = s.charCodeAt(end);
      if (c < C0 || c > C9) break;
      end++;
    }
    micros = fractionMicros(s, i + 1, end);
    if (micros < 0) return NaN;
    i = end;
  }
  let offsetMin = 0;
  const z = s.charCodeAt(i);
  if (z === 90 || z === 122) { // 'Z' | 'z'
    if (i + 1 !== n) return NaN;
  } else if (z === 43 || z === MINUS) {
    if (i + 6 !== n || s.charCodeAt(i + 3) !== 58) return NaN;
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return NaN;
    offsetMin = (z === MINUS ? -1 : 1) * (oh * 60 + om);
  } else {
    return NaN;
  }
  const seconds = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - offsetMin * 60;
  return toMs(seconds, micros);
}

/**
 * OANDA's UNIX datetime format (`Accept-Datetime-Format: UNIX`): decimal
 * seconds since the epoch, e.g. `1398902400.292000000`, up to 9 fraction
 * digits; to epoch ms truncated to whole microseconds. NaN when malformed.
 */
export function parseUnixTimeMs(s: string): number {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c < C0 || c > C9) break;
    i++;
  }
  // At most 11 integer digits keeps seconds * 1e6 + micros an exact integer (< 2^53).
  if (i === 0 || i > 11 || (i > 1 && s.charCodeAt(0) === C0)) return NaN;
  const seconds = digits(s, 0, i);
  if (i === n) return toMs(seconds, 0);
  if (s.charCodeAt(i) !== DOT) return NaN;
  const micros = fractionMicros(s, i + 1, n);
  return micros < 0 ? NaN : toMs(seconds, micros);
}

export type LineHandler = (line: string) => void;

/**
 * Splits a byte stream into lines. Bytes are kept as Buffers until a newline
 * completes a line, so a line split across chunks is joined once (one concat of
 * its pieces), never by repeated string concatenation, and a UTF-8 sequence cut
 * by a chunk boundary is decoded whole. Empty lines are skipped, a trailing
 * `\r` is dropped. A partial line longer than `maxLineBytes` is discarded up to
 * its newline and reported through `onOverflow` (it cannot be a valid price).
 */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private overflowing = false;

  constructor(
    private readonly onLine: LineHandler,
    private readonly onOverflow: (bytes: number) => void,
    private readonly maxLineBytes = 1 << 20,
  ) {}

  push(chunk: Buffer): void {
    const len = chunk.length;
    let start = 0;
    let nl = chunk.indexOf(10, 0);
    while (nl !== -1) {
      if (this.overflowing) {
        this.overflowing = false;
        this.onOverflow(this.pendingBytes + nl - start);
        this.pendingBytes = 0;
      } else if (this.pendingBytes > 0) {
        this.pending.push(chunk.subarray(start, nl));
        const joined = Buffer.concat(this.pending, this.pendingBytes + nl - start);
        this.pending.length = 0;
        this.pendingBytes = 0;
        this.emit(joined, 0, joined.length);
      } else {
        this.emit(chunk, start, nl);
      }
      start = nl + 1;
      nl = start < len ? chunk.indexOf(10, start) : -1;
    }
    if (start < len) {
      this.pendingBytes += len - start;
      if (this.overflowing) return;
      if (this.pendingBytes > this.maxLineBytes) {
        this.overflowing = true;
        this.pending.length = 0;
        return;
      }
      this.pending.push(chunk.subarray(start));
    }
  }

  /** Drops a partial line (after a disconnect the rest of it will never arrive). */
  reset(): void {
    this.pending.length = 0;
    this.pendingBytes = 0;
    this.overflowing = false;
  }

  private emit(buf: Buffer, start: number, end: number): void {
    if (end > start && buf[end - 1] === 13) end--;
    if (end > start) this.onLine(buf.toString('utf8', start, end));
  }
}

export type TickHandler = (instrument: string, timeMs: number, bid: number, ask: number, tradeable: boolean) => void;
export type HeartbeatHandler = (timeMs: number) => void;
export type MalformedHandler = (line: string, error: PipstreamError) => void;

export interface PriceLineHandlers {
  onTick: TickHandler;
  onHeartbeat: HeartbeatHandler;
  onMalformed: MalformedHandler;
}

export type DatetimeFormat = 'RFC3339' | 'UNIX';

function malformed(handlers: PriceLineHandlers, line: string, reason: string, cause?: unknown): void {
  handlers.onMalformed(line, new PipstreamError('PS_OANDA_PROTOCOL', `malformed OANDA pricing line: ${reason}`,
    { line: line.length > 512 ? line.slice(0, 512) : line }, { cause }));
}

function bestPrice(buckets: unknown, closeout: unknown): number {
  if (Array.isArray(buckets) && buckets.length > 0) {
    const p = (buckets[0] as { price?: unknown } | null)?.price;
    return typeof p === 'string' ? parseDecimal(p) : NaN;
  }
  return typeof closeout === 'string' ? parseDecimal(closeout) : NaN;
}

/**
 * Builds the per-line decoder. A PRICE reports the top of book (`bids[0]`,
 * `asks[0]`); when a side has no liquidity (empty list, allowed by v20) it
 * falls back to that side's closeout price and reports the tick as not
 * tradeable. `tradeable` comes from the v20 flag, or the deprecated `status`
 * when the flag is absent. Any other `type` is reported as malformed: the v20
 * stream only sends PRICE and HEARTBEAT, and a silent skip would hide a
 * protocol change.
 */
export function createPriceLineDecoder(handlers: PriceLineHandlers, format: DatetimeFormat = 'RFC3339'): LineHandler {
  const parseTime = format === 'UNIX' ? parseUnixTimeMs : parseRfc3339Ms;
  return (line: string): void => {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line);
    } catch (err) {
      malformed(handlers, line, 'not JSON', err);
      return;
    }
    if (msg === null || typeof msg !== 'object') { malformed(handlers, line, 'not an object'); return; }
    const time = msg.time;
    const timeMs = typeof time === 'string' ? parseTime(time) : NaN;
    if (timeMs !== timeMs) { malformed(handlers, line, 'bad or missing time'); return; }
    const type = msg.type;
    if (type === 'PRICE') {
      const instrument = msg.instrument;
      if (typeof instrument !== 'string' || instrument.length === 0) {
        malformed(handlers, line, 'missing instrument');
        return;
      }
      const bids = msg.bids;
      const asks = msg.asks;
      const bid = bestPrice(bids, msg.closeoutBid);
      const ask = bestPrice(asks, msg.closeoutAsk);
      if (bid !== bid || ask !== ask) { malformed(handlers, line, 'bad or missing price'); return; }
      const flag = msg.tradeable;
      let tradeable = typeof flag === 'boolean' ? flag : msg.status === 'tradeable';
      if (!Array.isArray(bids) || bids.length === 0 || !Array.isArray(asks) || asks.length === 0) tradeable = false;
      handlers.onTick(instrument, timeMs, bid, ask, tradeable);
    } else if (type === 'HEARTBEAT') {
      handlers.onHeartbeat(timeMs);
    } else {
      malformed(handlers, line, 'unknown type');
    }
  };
}
