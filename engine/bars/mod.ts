/**
 * Bars of mid = (bid + ask) / 2 in UTC buckets aligned to the epoch
 * (floor(t / size)). A bar closes when the first tick of a later bucket arrives;
 * buckets without ticks produce no bar (DESIGN.md §6).
 */
import { PipstreamError } from '../errors/mod.ts';
import { COL_NUMBER, COL_TIME, readCsvBatches, TickValidator } from '../ticks/mod.ts';
import type { CsvLayout, TickReadOptions } from '../ticks/mod.ts';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30s`, `1m`, `5m`, `15m`, `1h`, `4h`, `1d` ... to milliseconds. */
export function parseTimeframe(tf: string): number {
  const m = /^([1-9][0-9]{0,5})([smhd])$/.exec(tf);
  if (m === null) {
    throw new PipstreamError('PS_BAD_ARGUMENT',
      `bad timeframe ${JSON.stringify(tf)}: expected a positive integer and a unit s|m|h|d, e.g. 30s, 1m, 5m, 1h, 1d`, { timeframe: tf });
  }
  return Number(m[1]) * UNIT_MS[m[2]];
}

/** Named slots of a BarBuilder's state. */
export const BAR_SLOT = {
  SIZE_MS: 0,
  /** Start (ms) of the bar being built; NaN before the first tick. */
  START: 1,
  OPEN: 2,
  HIGH: 3,
  LOW: 4,
  CLOSE: 5,
  TICKS: 6,
  /** The last closed bar. */
  CLOSED_START: 7,
  CLOSED_OPEN: 8,
  CLOSED_HIGH: 9,
  CLOSED_LOW: 10,
  CLOSED_CLOSE: 11,
  CLOSED_TICKS: 12,
  /** Bars closed so far. */
  CLOSED_COUNT: 13,
} as const;
export const BAR_BUILDER_SLOTS = 14;

// Plain constants for the hot path.
const SIZE = BAR_SLOT.SIZE_MS, START = BAR_SLOT.START, OPEN = BAR_SLOT.OPEN, HIGH = BAR_SLOT.HIGH, LOW = BAR_SLOT.LOW,
  CLOSE = BAR_SLOT.CLOSE, TICKS = BAR_SLOT.TICKS, C_START = BAR_SLOT.CLOSED_START, C_OPEN = BAR_SLOT.CLOSED_OPEN,
  C_HIGH = BAR_SLOT.CLOSED_HIGH, C_LOW = BAR_SLOT.CLOSED_LOW, C_CLOSE = BAR_SLOT.CLOSED_CLOSE, C_TICKS = BAR_SLOT.CLOSED_TICKS,
  C_COUNT = BAR_SLOT.CLOSED_COUNT;

/**
 * Builds bars of one timeframe with all state in state[off .. off+BAR_BUILDER_SLOTS),
 * so it can live in a SharedArrayBuffer and survive a worker restart.
 */
export class BarBuilder {
  readonly state: Float64Array;
  readonly off: number;

  /** With sizeMs: initializes the slots. Without: attaches to slots initialized before. */
  constructor(state: Float64Array, off: number, sizeMs?: number) {
    this.state = state;
    this.off = off;
    if (sizeMs !== undefined) {
      if (!(sizeMs > 0) || !Number.isInteger(sizeMs)) throw new PipstreamError('PS_BAD_ARGUMENT', `bar size must be a positive integer (ms), got ${sizeMs}`);
      state.fill(NaN, off, off + BAR_BUILDER_SLOTS);
      state[off + BAR_SLOT.SIZE_MS] = sizeMs;
      state[off + BAR_SLOT.TICKS] = 0;
      state[off + BAR_SLOT.CLOSED_TICKS] = 0;
      state[off + BAR_SLOT.CLOSED_COUNT] = 0;
    } else if (!(state[off + BAR_SLOT.SIZE_MS] > 0)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'BarBuilder: no bar state at this offset to attach to');
    }
  }

  /**
   * Feeds one (validated, time-ordered) tick. Returns true when it closed the
   * previous bar (read it from the closed* getters); that tick starts the new bar.
   * A tick from an earlier bucket than the current bar changes nothing.
   */
  onTick(time: number, mid: number): boolean {
    const s = this.state, o = this.off;
    const size = s[o + SIZE];
    const start = Math.floor(time / size) * size;
    const cur = s[o + START];
    if (start === cur) {
      if (mid > s[o + HIGH]) s[o + HIGH] = mid;
      if (mid < s[o + LOW]) s[o + LOW] = mid;
      s[o + CLOSE] = mid;
      s[o + TICKS]++;
      return false;
    }
    if (start < cur) return false;
    const closed = cur === cur; // not NaN: a bar was open
    if (closed) {
      s[o + C_START] = cur;
      s[o + C_OPEN] = s[o + OPEN];
      s[o + C_HIGH] = s[o + HIGH];
      s[o + C_LOW] = s[o + LOW];
      s[o + C_CLOSE] = s[o + CLOSE];
      s[o + C_TICKS] = s[o + TICKS];
      s[o + C_COUNT]++;
    }
    s[o + START] = start;
    s[o + OPEN] = mid;
    s[o + HIGH] = mid;
    s[o + LOW] = mid;
    s[o + CLOSE] = mid;
    s[o + TICKS] = 1;
    return closed;
  }

  get sizeMs(): number { return this.state[this.off + BAR_SLOT.SIZE_MS]; }
  get closedStart(): number { return this.state[this.off + BAR_SLOT.CLOSED_START]; }
  get closedOpen(): number { return this.state[this.off + BAR_SLOT.CLOSED_OPEN]; }
  get closedHigh(): number { return this.state[this.off + BAR_SLOT.CLOSED_HIGH]; }
  get closedLow(): number { return this.state[this.off + BAR_SLOT.CLOSED_LOW]; }
  get closedClose(): number { return this.state[this.off + BAR_SLOT.CLOSED_CLOSE]; }
  get closedTicks(): number { return this.state[this.off + BAR_SLOT.CLOSED_TICKS]; }
  get closedCount(): number { return this.state[this.off + BAR_SLOT.CLOSED_COUNT]; }
}

/** Bars as columns; `time` is the bucket start (epoch ms). Arrays hold exactly `length` bars. */
export interface BarColumns {
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  length: number;
}

export interface TickSeries {
  time: ArrayLike<number>;
  bid: ArrayLike<number>;
  ask: ArrayLike<number>;
  length: number;
}

/** Growable bar columns (internal to building). */
export class BarAccumulator {
  private cap = 1024;
  length = 0;
  time = new Float64Array(this.cap);
  open = new Float64Array(this.cap);
  high = new Float64Array(this.cap);
  low = new Float64Array(this.cap);
  close = new Float64Array(this.cap);

  push(t: number, o: number, h: number, l: number, c: number): void {
    if (this.length === this.cap) this.grow();
    const n = this.length++;
    this.time[n] = t; this.open[n] = o; this.high[n] = h; this.low[n] = l; this.close[n] = c;
  }

  private grow(): void {
    this.cap *= 2;
    const g = (a: Float64Array) => { const b = new Float64Array(this.cap); b.set(a); return b; };
    this.time = g(this.time); this.open = g(this.open); this.high = g(this.high); this.low = g(this.low); this.close = g(this.close);
  }

  columns(): BarColumns {
    const n = this.length;
    return { time: this.time.subarray(0, n), open: this.open.subarray(0, n), high: this.high.subarray(0, n),
      low: this.low.subarray(0, n), close: this.close.subarray(0, n), length: n };
  }
}

/**
 * Closed bars of a tick series, exactly as the engine builds them: ticks are
 * validated first (TickValidator; rejected ticks are dropped, crossed quotes
 * kept) unless `validate` is false. The last, still open bar is not included.
 */
export function ticksToBars(ticks: TickSeries, sizeMs: number, opts: { validate?: boolean } = {}): BarColumns & { rejectedTicks: number } {
  const validator = opts.validate === false ? null : new TickValidator();
  const b = new BarBuilder(new Float64Array(BAR_BUILDER_SLOTS), 0, sizeMs);
  const acc = new BarAccumulator();
  const { time, bid, ask } = ticks;
  for (let i = 0; i < ticks.length; i++) {
    if (validator !== null && validator.check(time[i], bid[i], ask[i]) !== 0) continue;
    if (b.onTick(time[i], (bid[i] + ask[i]) / 2)) acc.push(b.closedStart, b.closedOpen, b.closedHigh, b.closedLow, b.closedClose);
  }
  return { ...acc.columns(), rejectedTicks: validator === null ? 0 : validator.rejectedTotal };
}

const BAR_HEADER = ['time', 'open', 'high', 'low', 'close'];

/**
 * Reads a bar CSV: header `time,open,high,low,close` (further columns such as
 * volume are ignored), `time` as epoch ms or ISO-8601. Rows must be in strictly
 * increasing time with low <= open, close <= high.
 */
export async function readBarFile(path: string, opts: TickReadOptions = {}): Promise<BarColumns> {
  const layout = (h: string[]): CsvLayout => {
    const first = h.slice(0, 5);
    if (first[0] === 'time_ms') first[0] = 'time';
    if (first.join(',') !== BAR_HEADER.join(',')) {
      throw new PipstreamError('PS_BAD_TICK_FILE', `${path}: bad header ${JSON.stringify(h.join(','))}; expected "time,open,high,low,close"`,
        { file: path, line: 1, header: h.join(','), expected: ['time,open,high,low,close'] });
    }
    return { kinds: [COL_TIME, COL_NUMBER, COL_NUMBER, COL_NUMBER, COL_NUMBER], allowExtra: true };
  };
  const acc = new BarAccumulator();
  for await (const b of readCsvBatches(path, layout, opts)) {
    const [t, o, h, l, c] = b.cols;
    for (let i = 0; i < b.length; i++) {
      let bad = '';
      if (!(o[i] >= l[i] && o[i] <= h[i] && c[i] >= l[i] && c[i] <= h[i])) bad = 'open/close outside [low, high] or non-finite price';
      else if (!Number.isFinite(h[i]) || !Number.isFinite(l[i])) bad = 'non-finite price';
      else if (acc.length > 0 && !(t[i] > acc.time[acc.length - 1])) bad = 'time not after the previous bar';
      if (bad !== '') {
        if ((opts.onMalformed ?? 'throw') === 'skip') { opts.onSkip?.(b.line[i], bad); continue; }
        throw new PipstreamError('PS_BAD_TICK_FILE', `${path}:${b.line[i]}: bad bar (${bad})`, { file: path, line: b.line[i], reason: bad });
      }
      acc.push(t[i], o[i], h[i], l[i], c[i]);
    }
  }
  return acc.columns();
}
