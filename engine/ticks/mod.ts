/**
 * Tick files and tick validation (DESIGN.md "Contracts").
 *
 * Tick files: CSV with header `time_ms,bid,ask` (epoch ms) or `time,bid,ask`
 * (ISO-8601 with `Z` or an offset, fraction to the nanosecond); gzip is detected
 * from the file's magic bytes, whatever its name.
 */
import { PipstreamError } from '../errors/mod.ts';
import { COL_NUMBER, COL_TIME, parseIsoExact, readCsvBatches } from './csv.ts';
import type { CsvBatch, CsvLayout, CsvReadOptions } from './csv.ts';

export { COL_NUMBER, COL_TIME, readCsvBatches } from './csv.ts';
export type { CsvBatch, CsvLayout, CsvReadOptions } from './csv.ts';

/**
 * One batch of parsed rows; valid entries are [0, length). Every batch is
 * freshly allocated, so a consumer may keep it.
 */
export interface TickBatch {
  time: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  /** 1-based source line of each row (the header is line 1). */
  line: Int32Array;
  length: number;
}

/** A whole tick file; arrays are views of exactly `length` rows. */
export interface TickColumns extends TickBatch {
  /** Malformed rows skipped (onMalformed: 'skip'). */
  skipped: number;
}

export type TickReadOptions = CsvReadOptions;

export const TICK_HEADERS = ['time_ms,bid,ask', 'time,bid,ask'] as const;

function tickLayout(path: string): (header: string[]) => CsvLayout {
  return (h) => {
    const joined = h.join(',');
    if (joined === 'time_ms,bid,ask') return { kinds: [COL_NUMBER, COL_NUMBER, COL_NUMBER], allowExtra: false };
    if (joined === 'time,bid,ask') return { kinds: [COL_TIME, COL_NUMBER, COL_NUMBER], allowExtra: false };
    throw new PipstreamError('PS_BAD_TICK_FILE',
      `${path}: bad header ${JSON.stringify(joined)}; expected ${TICK_HEADERS.map((x) => `"${x}"`).join(' or ')}`,
      { file: path, line: 1, header: joined, expected: [...TICK_HEADERS] });
  };
}

function toTickBatch(b: CsvBatch): TickBatch {
  return { time: b.cols[0], bid: b.cols[1], ask: b.cols[2], line: b.line, length: b.length };
}

/** Streams a tick file in batches (fresh arrays per batch). */
export async function* readTickFile(path: string, opts: TickReadOptions = {}): AsyncGenerator<TickBatch> {
  for await (const b of readCsvBatches(path, tickLayout(path), opts)) yield toTickBatch(b);
}

/** Reads a whole tick file into typed arrays. */
export async function loadTickFile(path: string, opts: TickReadOptions = {}): Promise<TickColumns> {
  let skipped = 0;
  const userSkip = opts.onSkip;
  const o: TickReadOptions = { ...opts, onSkip: (line, reason) => { skipped++; userSkip?.(line, reason); } };
  let cap = 1 << 16, n = 0;
  let time = new Float64Array(cap), bid = new Float64Array(cap), ask = new Float64Array(cap), line = new Int32Array(cap);
  for await (const b of readTickFile(path, o)) {
    if (n + b.length > cap) {
      while (n + b.length > cap) cap *= 2;
      const t2 = new Float64Array(cap), b2 = new Float64Array(cap), a2 = new Float64Array(cap), l2 = new Int32Array(cap);
      t2.set(time.subarray(0, n)); b2.set(bid.subarray(0, n)); a2.set(ask.subarray(0, n)); l2.set(line.subarray(0, n));
      time = t2; bid = b2; ask = a2; line = l2;
    }
    time.set(b.time.subarray(0, b.length), n);
    bid.set(b.bid.subarray(0, b.length), n);
    ask.set(b.ask.subarray(0, b.length), n);
    line.set(b.line.subarray(0, b.length), n);
    n += b.length;
  }
  return { time: time.subarray(0, n), bid: bid.subarray(0, n), ask: ask.subarray(0, n), line: line.subarray(0, n), length: n, skipped };
}

/**
 * ISO-8601 `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM|±HHMM|±HH)` to epoch ms as a
 * float (exact to the microsecond). NaN when the text is not such a time.
 */
export function parseIsoTimeMs(s: string): number {
  const buf = Buffer.from(s, 'latin1');
  return parseIsoExact(buf, 0, buf.length);
}

/** Tick rejection reasons (0 = accepted). */
export const TICK_REJECT = {
  OK: 0,
  NON_FINITE_PRICE: 1,
  NON_POSITIVE_PRICE: 2,
  TIME_BACKWARDS: 3,
  /** time is NaN or infinite. */
  NON_FINITE_TIME: 4,
} as const;

/** Names by reason code. */
export const TICK_REJECT_NAMES: readonly string[] = ['OK', 'NON_FINITE_PRICE', 'NON_POSITIVE_PRICE', 'TIME_BACKWARDS', 'NON_FINITE_TIME'];

/** TickValidator state slots (so it can live in a SharedArrayBuffer). */
export const TICK_VALIDATOR_SLOT = {
  /** Time of the previous accepted tick (-Infinity before the first). */
  LAST_TIME: 0,
  ACCEPTED: 1,
  /** Accepted but crossed (ask < bid). */
  CROSSED: 2,
  /** Rejections by reason code r at REJECTED_BASE + r - 1. */
  REJECTED_BASE: 3,
} as const;
export const TICK_VALIDATOR_SLOTS = 3 + 4;

/**
 * Validates one instrument's ticks in arrival order. Rejected ticks change no
 * state except their counter; a crossed quote is accepted and flagged.
 */
export class TickValidator {
  readonly state: Float64Array;
  readonly off: number;
  /** Whether the last accepted tick was crossed (ask < bid): not tradeable. */
  crossed = false;

  /** Keeps its state in state[off .. off+TICK_VALIDATOR_SLOTS); `attach` keeps existing state. */
  constructor(state: Float64Array = new Float64Array(TICK_VALIDATOR_SLOTS), off = 0, attach = false) {
    this.state = state;
    this.off = off;
    if (!attach) {
      state.fill(0, off, off + TICK_VALIDATOR_SLOTS);
      state[off] = -Infinity;
    }
  }

  /** 0 when accepted, else a TICK_REJECT code. Allocation-free. */
  check(time: number, bid: number, ask: number): number {
    const s = this.state, o = this.off;
    let r = 0;
    if (bid - bid !== 0 || ask - ask !== 0) r = 1; // NaN or ±Infinity
    else if (!(bid > 0) || !(ask > 0)) r = 2;
    else if (time - time !== 0) r = 4;
    else if (time < s[o]) r = 3;
    if (r !== 0) {
      s[o + 2 + r]++;
      return r;
    }
    s[o] = time;
    s[o + 1]++;
    this.crossed = ask < bid;
    if (this.crossed) s[o + 2]++;
    return 0;
  }

  get lastTime(): number { return this.state[this.off]; }
  get accepted(): number { return this.state[this.off + 1]; }
  get crossedCount(): number { return this.state[this.off + 2]; }
  /** Rejections for one reason code. */
  rejected(reason: number): number { return this.state[this.off + 2 + reason]; }
  get rejectedTotal(): number {
    let n = 0;
    for (let r = 1; r <= 4; r++) n += this.state[this.off + 2 + r];
    return n;
  }
}
