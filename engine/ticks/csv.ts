/**
 * Byte-level CSV reader for numeric files (ticks, bars). Rows are parsed straight
 * from the (gunzipped) bytes into Float64Array columns: no per-line strings on the
 * fast path. Internal to engine/ticks; the public face is mod.ts.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { PipstreamError } from '../errors/mod.ts';
import { daysFromCivil } from '../time/mod.ts';

/** Column kinds. */
export const COL_NUMBER = 0;
/** ISO-8601 time (to epoch ms) or, when the field is a plain number, epoch ms. */
export const COL_TIME = 1;

export interface CsvLayout {
  /** Kind of each parsed column (COL_NUMBER | COL_TIME). */
  kinds: readonly number[];
  /** Further columns after the parsed ones are allowed and ignored. */
  allowExtra: boolean;
}

export interface CsvReadOptions {
  /** What to do with a malformed row: throw PS_BAD_TICK_FILE (default) or skip it. */
  onMalformed?: 'throw' | 'skip';
  /** Called for every skipped row (onMalformed 'skip'). */
  onSkip?: (line: number, reason: string) => void;
  /** Rows per batch (default 65536). */
  batchRows?: number;
}

export interface CsvBatch {
  cols: Float64Array[];
  line: Int32Array;
  length: number;
}

const NL = 10, CR = 13, COMMA = 44, DOT = 46, MINUS = 45, PLUS = 43, D0 = 48;
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
const STRICT_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Cursor shared by the field parsers (avoids returning pairs). */
let pos = 0;

function isDelim(c: number): boolean {
  return c === COMMA || c === NL || c === CR;
}

/** Slow path: the exact text of the field through Number(), strictly validated. */
function slowNumber(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && !isDelim(buf[i])) i++;
  pos = i;
  const s = Buffer.prototype.latin1Slice.call(buf, start, i) as string;
  return STRICT_NUMBER.test(s) ? Number(s) : NaN;
}

/**
 * Decimal number at buf[start..]; leaves `pos` on the delimiter. Up to 15
 * significant digits and 22 fraction digits, m / 10^f is one correctly rounded
 * division of two exact doubles, i.e. exactly what parseFloat returns.
 */
export function parseNumberAt(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let neg = false;
  let c = buf[i];
  if (c === MINUS || c === PLUS) { neg = c === MINUS; i++; }
  let m = 0, sig = 0, frac = 0, digits = 0, dot = false;
  for (; i < end; i++) {
    c = buf[i];
    const d = c - D0;
    if (d >= 0 && d <= 9) {
      digits++;
      if (m !== 0 || d !== 0) sig++;
      m = m * 10 + d;
      if (dot) frac++;
    } else if (c === DOT && !dot) {
      dot = true;
    } else break;
  }
  if (i < end && !isDelim(buf[i])) return slowNumber(buf, start, end);
  if (digits === 0) { pos = i; return NaN; }
  if (sig > 15 || frac > 22) return slowNumber(buf, start, end);
  pos = i;
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

function digits2(buf: Uint8Array, i: number): number {
  const a = buf[i] - D0, b = buf[i + 1] - D0;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * ISO-8601 `YYYY-MM-DDTHH:MM:SS[.f{1,}](Z|±HH[:MM])` at buf[start..] to epoch ms
 * (fraction kept to the nanosecond, so exact to the microsecond as a float64).
 * Leaves `pos` after the zone; NaN when malformed.
 */
export function parseIsoAt(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  if (end - i < 20) return NaN;
  const y1 = digits2(buf, i), y2 = digits2(buf, i + 2);
  if (y1 < 0 || y2 < 0 || buf[i + 4] !== MINUS || buf[i + 7] !== MINUS) return NaN;
  const mo = digits2(buf, i + 5), d = digits2(buf, i + 8);
  const sep = buf[i + 10];
  if (sep !== 84 && sep !== 116 && sep !== 32) return NaN; // 'T' 't' ' '
  const h = digits2(buf, i + 11), mi = digits2(buf, i + 14), s = digits2(buf, i + 17);
  if (buf[i + 13] !== 58 || buf[i + 16] !== 58) return NaN;
  const y = y1 * 100 + y2;
  if (mo < 1 || mo > 12 || d < 1 || d > DAYS_IN_MONTH[mo] || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return NaN;
  if (mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return NaN;
  i += 19;
  let frac = 0, fracDigits = 0;
  if (i < end && buf[i] === DOT) {
    i++;
    const fs = i;
    for (; i < end; i++) {
      const dd = buf[i] - D0;
      if (dd < 0 || dd > 9) break;
      if (fracDigits < 9) { frac = frac * 10 + dd; fracDigits++; }
    }
    if (i === fs) return NaN;
  }
  let offsetMin = 0;
  if (i >= end) return NaN;
  const z = buf[i];
  if (z === 90 || z === 122) { // 'Z' 'z'
    i++;
  } else if (z === PLUS || z === MINUS) {
    const oh = digits2(buf, i + 1);
    if (oh < 0 || oh > 23 || i + 3 > end) return NaN;
    i += 3;
    let om = 0;
    if (i < end && buf[i] === 58) { om = digits2(buf, i + 1); i += 3; }
    else if (i + 1 < end && digits2(buf, i) >= 0) { om = digits2(buf, i); i += 2; }
    if (om < 0 || om > 59 || i > end) return NaN;
    offsetMin = (oh * 60 + om) * (z === MINUS ? -1 : 1);
  } else return NaN;
  pos = i;
  const whole = (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1000 - offsetMin * 60000;
  // frac has fracDigits digits of a second: ms = frac / 10^(fracDigits-3).
  if (fracDigits === 0) return whole;
  const fracMs = fracDigits >= 3 ? frac / POW10[fracDigits - 3] : frac * POW10[3 - fracDigits];
  return whole + fracMs;
}

/** parseIsoAt that also requires the time to fill buf[start..end) exactly. */
export function parseIsoExact(buf: Uint8Array, start: number, end: number): number {
  const v = parseIsoAt(buf, start, end);
  return v === v && pos === end ? v : NaN;
}

/** A time field: ISO-8601 when it looks like a date (`dddd-`), else epoch ms. */
function parseTimeAt(buf: Uint8Array, start: number, end: number): number {
  if (end - start > 4 && buf[start + 4] === MINUS) return parseIsoAt(buf, start, end);
  return parseNumberAt(buf, start, end);
}

/** Splits the header line (already decoded) into trimmed names. */
export function headerFields(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r$/, '').split(',').map((s) => s.trim());
}

async function isGzip(path: string): Promise<boolean> {
  const fh = await open(path, 'r').catch((err: unknown) => {
    throw new PipstreamError('PS_BAD_TICK_FILE', `cannot open ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  });
  try {
    const b = Buffer.alloc(2);
    const { bytesRead } = await fh.read(b, 0, 2, 0);
    return bytesRead === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

class RowParser {
  lineNo = 1; // the header is line 1
  readonly ncols: number;
  readonly kinds: Uint8Array;
  readonly allowExtra: boolean;
  readonly throwOnBad: boolean;
  readonly row: Float64Array;

  constructor(readonly file: string, layout: CsvLayout, readonly opts: CsvReadOptions) {
    this.ncols = layout.kinds.length;
    this.kinds = Uint8Array.from(layout.kinds);
    this.allowExtra = layout.allowExtra;
    this.throwOnBad = (opts.onMalformed ?? 'throw') === 'throw';
    this.row = new Float64Array(this.ncols);
  }

  /** Parses whole lines in buf[p..end) into batch until it is full; returns the new p. */
  parse(buf: Uint8Array, p: number, end: number, batch: CsvBatch, cap: number): number {
    const { ncols, kinds, row } = this;
    while (p < end && batch.length < cap) {
      const lineStart = p;
      this.lineNo++;
      let c = buf[p];
      if (c === NL) { p++; continue; }
      if (c === CR && (p + 1 >= end || buf[p + 1] === NL)) { p += 2; continue; }
      let bad = '';
      for (let k = 0; k < ncols; k++) {
        const v = kinds[k] === COL_NUMBER ? parseNumberAt(buf, p, end) : parseTimeAt(buf, p, end);
        p = pos;
        if (v !== v) { bad = `column ${k + 1}: cannot parse ${kinds[k] === COL_NUMBER ? 'number' : 'time'}`; break; }
        row[k] = v;
        c = p < end ? buf[p] : NL;
        if (k < ncols - 1) {
          if (c !== COMMA) { bad = `expected ${ncols} columns, found ${k + 1}`; break; }
          p++;
        }
      }
      if (bad === '') {
        if (c === COMMA && this.allowExtra) {
          while (p < end && buf[p] !== NL) p++;
          c = NL;
        }
        if (c === CR && p + 1 < end && buf[p + 1] === NL) { p++; c = NL; }
        if (c !== NL) bad = c === COMMA ? `expected ${ncols} columns, found more` : 'unexpected character';
      }
      if (bad !== '') {
        while (p < end && buf[p] !== NL) p++;
        this.malformed(buf, lineStart, p, bad);
        p++;
        continue;
      }
      p++;
      const n = batch.length;
      for (let k = 0; k < ncols; k++) batch.cols[k][n] = row[k];
      batch.line[n] = this.lineNo;
      batch.length = n + 1;
    }
    return p;
  }

  private malformed(buf: Uint8Array, start: number, stop: number, reason: string): void {
    if (this.throwOnBad) {
      const text = Buffer.prototype.latin1Slice.call(buf, start, Math.min(stop, start + 200)) as string;
      throw new PipstreamError('PS_BAD_TICK_FILE', `${this.file}:${this.lineNo}: malformed row (${reason}): ${JSON.stringify(text.replace(/\r$/, ''))}`,
        { file: this.file, line: this.lineNo, reason, text });
    }
    this.opts.onSkip?.(this.lineNo, reason);
  }
}

function newBatch(ncols: number, cap: number): CsvBatch {
  const cols: Float64Array[] = [];
  for (let k = 0; k < ncols; k++) cols.push(new Float64Array(cap));
  return { cols, line: new Int32Array(cap), length: 0 };
}

/**
 * Streams a CSV file (gzip detected by its magic bytes) as fresh batches of
 * columns. `layoutFor` sees the header fields and returns the layout or throws.
 */
export async function* readCsvBatches(path: string, layoutFor: (header: string[]) => CsvLayout,
  opts: CsvReadOptions = {}): AsyncGenerator<CsvBatch> {
  const gz = await isGzip(path);
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  const stream = gz ? raw.pipe(createGunzip({ chunkSize: 1 << 18 })) : raw;
  raw.on('error', (err) => stream.destroy(err));
  const cap = opts.batchRows ?? 65536;
  let parser: RowParser | null = null;
  let batch: CsvBatch | null = null;
  let carry: Buffer | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const lastNl = data.lastIndexOf(NL);
      if (lastNl < 0) { carry = data; continue; }
      let p = 0;
      if (parser === null) {
        const nl = data.indexOf(NL);
        const layout = layoutFor(headerFields(data.toString('utf8', 0, nl)));
        parser = new RowParser(path, layout, opts);
        batch = newBatch(layout.kinds.length, cap);
        p = nl + 1;
      }
      const end = lastNl + 1;
      while (p < end) {
        p = parser.parse(data, p, end, batch!, cap);
        if (batch!.length === cap) { yield batch!; batch = newBatch(parser.ncols, cap); }
      }
      carry = end < data.length ? data.subarray(end) : null;
      data = chunk; // drop the reference to a concatenated buffer early
    }
  } catch (err) {
    if (err instanceof PipstreamError) throw err;
    throw new PipstreamError('PS_BAD_TICK_FILE', `cannot read ${path}: ${(err as Error).message}`, { file: path }, { cause: err });
  }
  if (parser === null) {
    // Header without a trailing newline (or an empty file).
    const text = carry ? carry.toString('utf8') : '';
    if (text.trim() === '') throw new PipstreamError('PS_BAD_TICK_FILE', `${path}: empty file (no header)`, { file: path, line: 1 });
    layoutFor(headerFields(text));
    return;
  }
  if (carry) {
    const last = Buffer.concat([carry, Buffer.from([NL])]);
    let p = 0;
    while (p < last.length) {
      p = parser.parse(last, p, last.length, batch!, cap);
      if (batch!.length === cap) { yield batch!; batch = newBatch(parser.ncols, cap); }
    }
  }
  if (batch!.length > 0) yield batch!;
}
