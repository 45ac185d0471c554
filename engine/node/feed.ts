import { createHash } from 'node:crypto';
import type { Bus } from '../bus/mod.ts';
import { EventType, encodeTickEvent, nowUs, SCHEMA_VERSION, varintSize, writeHex, writeVarint } from '../events/mod.ts';
import { Subjects, tickMsgId } from '../switchboard/mod.ts';
import type { TickBatch } from '../ticks/mod.ts';
import type { Supervisor } from '../supervisor/mod.ts';

export interface FeedCounts {
  ticks: number;
  rejected: number;
}

/** A tick the actor accepted (a valid one), as it went into its ring. */
export type AcceptedTick = (timeMs: number, bid: number, ask: number, seq: number) => void;

/**
 * Backtest path: ticks go straight into the actor's ring (validated on the way),
 * waiting for ring space instead of dropping. Sequence numbers continue from `firstSeq`;
 * `onAccepted` hears every tick the actor took.
 */
export async function feedDirect(sup: Supervisor, instrument: string, batches: AsyncIterable<TickBatch>, firstSeq = 0,
  onAccepted?: AcceptedTick): Promise<FeedCounts> {
  let seq = firstSeq;
  let rejected = 0;
  for await (const b of batches) {
    for (let i = 0; i < b.length; i++) {
      const r = sup.push(instrument, b.time[i], b.bid[i], b.ask[i], seq);
      if (r === 'full') {
        sup.wake(instrument);
        await sup.room(instrument);
        i--;
        continue;
      }
      if (r === 'rejected') rejected++;
      else onAccepted?.(b.time[i], b.bid[i], b.ask[i], seq);
      seq++;
    }
    sup.wake(instrument);
  }
  return { ticks: seq - firstSeq, rejected };
}

const TWO_48 = 2 ** 48;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** Integers the hand-written encoder takes (non-negative, exact); anything else goes through protobufjs. */
const plain = (v: number) => Number.isSafeInteger(v) && v >= 0;

/**
 * Encodes the TickEvents of one `<source>:<instrument>` tick sequence, without allocating anything but
 * the output bytes (the bus keeps those until acked). The envelope's event id is a UUIDv7 built from
 * the tick time (the 48-bit timestamp) and, in the 74 "random" bits, a SHA-256 of source and
 * instrument (once) plus the sequence number: unique per tick, the same on every replay, and no hash
 * or random draw per tick. The bytes are what protobufjs writes for the same message (field order,
 * zeros omitted; test/tick-wire.test.ts checks it); values it would write in a longer form (negative
 * or fractional integers) take the protobufjs path.
 */
export class TickEncoder {
  readonly #buf = new Uint8Array(1024);
  readonly #view = new DataView(this.#buf.buffer);
  readonly #instrument: Uint8Array;
  readonly #source: Uint8Array;
  readonly #names: string[];
  /** `-7xxx-yxxx-` of the id: version, rand_a and the variant group (constant per sequence). */
  readonly #middle: Uint8Array;
  /** Added to seq (mod 2^48) in the id's last group. */
  readonly #base: number;

  constructor(instrument: string, source: string) {
    const te = new TextEncoder();
    this.#instrument = te.encode(instrument);
    this.#source = te.encode(source);
    this.#names = [instrument, source];
    if (this.#instrument.length + this.#source.length > 512) throw new RangeError('instrument and source names too long');
    const h = createHash('sha256').update(source).update('\u001f').update(instrument).digest();
    const randA = ((h[0]! << 8) | h[1]!) & 0x0fff;
    const variant = 0x8000 | (((h[2]! << 8) | h[3]!) & 0x3fff);
    this.#middle = te.encode(`-7${hex(randA, 3)}-${hex(variant, 4)}-`);
    this.#base = h.readUIntBE(4, 6);
  }

  eventId(timeMs: number, seq: number): string {
    const ms = hex(Math.floor(timeMs), 12);
    return `${ms.slice(0, 8)}-${ms.slice(8)}${new TextDecoder().decode(this.#middle)}${hex((this.#base + seq) % TWO_48, 12)}`;
  }

  encode(timeMs: number, bid: number, ask: number, seq: number): Uint8Array {
    const sourceTsUs = Math.round(timeMs * 1000);
    const ingestTsUs = nowUs();
    if (!(plain(sourceTsUs) && plain(seq) && timeMs >= 0 && timeMs <= MAX_UUID_MS)) return this.#slow(timeMs, bid, ask, seq, sourceTsUs, ingestTsUs);
    const b = this.#buf, inst = this.#instrument, src = this.#source;
    const envLen = 2 + 2 + 2 * 38 + (sourceTsUs !== 0 ? 1 + varintSize(sourceTsUs) : 0) + 1 + varintSize(ingestTsUs);
    const tickLen = (inst.length > 0 ? 1 + varintSize(inst.length) + inst.length : 0) + (Object.is(timeMs, 0) ? 0 : 9) +
      (seq !== 0 ? 1 + varintSize(seq) : 0) + (Object.is(bid, 0) ? 0 : 9) + (Object.is(ask, 0) ? 0 : 9) +
      (src.length > 0 ? 1 + varintSize(src.length) + src.length : 0);
    let p = 0;
    b[p++] = 0x0a; p = writeVarint(b, p, envLen);
    b[p++] = 0x08; b[p++] = SCHEMA_VERSION;
    b[p++] = 0x10; b[p++] = EventType.EVENT_TYPE_TICK;
    b[p++] = 0x1a; b[p++] = 36;
    const id = p;
    p = this.#uuid(p, timeMs, seq);
    b[p++] = 0x22; b[p++] = 36;
    b.copyWithin(p, id, id + 36);
    p += 36;
    if (sourceTsUs !== 0) { b[p++] = 0x30; p = writeVarint(b, p, sourceTsUs); }
    b[p++] = 0x38; p = writeVarint(b, p, ingestTsUs);
    b[p++] = 0x12; p = writeVarint(b, p, tickLen);
    if (inst.length > 0) { b[p++] = 0x0a; p = writeVarint(b, p, inst.length); b.set(inst, p); p += inst.length; }
    if (!Object.is(timeMs, 0)) { b[p++] = 0x11; this.#view.setFloat64(p, timeMs, true); p += 8; }
    if (seq !== 0) { b[p++] = 0x18; p = writeVarint(b, p, seq); }
    if (!Object.is(bid, 0)) { b[p++] = 0x21; this.#view.setFloat64(p, bid, true); p += 8; }
    if (!Object.is(ask, 0)) { b[p++] = 0x29; this.#view.setFloat64(p, ask, true); p += 8; }
    if (src.length > 0) { b[p++] = 0x32; p = writeVarint(b, p, src.length); b.set(src, p); p += src.length; }
    const out = Buffer.allocUnsafe(p); // small: carved from Node's shared pool
    out.set(b.subarray(0, p));
    return out;
  }

  /** The 36 ASCII characters of the event id, written in place. */
  #uuid(p: number, timeMs: number, seq: number): number {
    const b = this.#buf;
    const ms = Math.floor(timeMs);
    p = writeHex(b, p, Math.floor(ms / 65536), 8);
    b[p++] = 0x2d;
    p = writeHex(b, p, ms % 65536, 4);
    b.set(this.#middle, p);
    p += this.#middle.length;
    const tail = (this.#base + seq) % TWO_48;
    p = writeHex(b, p, Math.floor(tail / 16777216), 6);
    return writeHex(b, p, tail % 16777216, 6);
  }

  #slow(timeMs: number, bid: number, ask: number, seq: number, sourceTsUs: number, ingestTsUs: number): Uint8Array {
    const ms = Number.isFinite(timeMs) && timeMs >= 0 && timeMs <= MAX_UUID_MS ? timeMs : 0;
    const eventId = this.eventId(ms, Number.isSafeInteger(seq) && seq >= 0 ? seq : 0);
    return encodeTickEvent({
      envelope: { schemaVersion: SCHEMA_VERSION, type: EventType.EVENT_TYPE_TICK, eventId, correlationId: eventId, causationId: '', sourceTsUs, ingestTsUs },
      tick: { instrument: this.#names[0], timeMs, seq, bid, ask, source: this.#names[1] },
    });
  }
}

const MAX_UUID_MS = 2 ** 48 - 1;

/**
 * Live path: every tick is published to JetStream PRICES as a TickEvent with the
 * dedupe id `<source>:<instrument>:<seq>`; publishing is pipelined, and when the
 * backlog passes the bus's high-water mark it waits until half of it is acked.
 * The ticks of one batch are group-committed (`coalesce`): stored as one JetStream
 * message whose dedupe id derives from theirs (a retried publish is still dropped;
 * each run has its own source, so no other publish repeats a tick), and delivered
 * one by one to every consumer. A paced replay's batches are the ticks due at once.
 */
export async function publishTicks(bus: Bus, instrument: string, source: string, batches: AsyncIterable<TickBatch>, firstSeq = 0): Promise<number> {
  const subject = Subjects.price(instrument);
  const enc = new TickEncoder(instrument, source);
  let seq = firstSeq;
  for await (const b of batches) {
    for (let i = 0; i < b.length; i++, seq++) {
      const data = enc.encode(b.time[i], b.bid[i], b.ask[i], seq);
      if (!bus.publishAsync(subject, data, tickMsgId(source, instrument, seq), { coalesce: true })) await bus.room();
    }
  }
  await bus.flush();
  return seq - firstSeq;
}

/** Fields of a TickEvent the actor needs, read by `TickReader.read`. */
export interface TickFields {
  timeMs: number;
  bid: number;
  ask: number;
  seq: number;
}

const LE = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * Reads a TickEvent's tick fields straight from the wire bytes into one reused object: no envelope,
 * no strings, no allocation per message (the live consumer's hot path). Handles any field order and
 * skips unknown fields, as protobuf requires. With `source`, `read` reports whether the tick came from
 * that source (compared as bytes).
 */
export class TickReader {
  readonly tick: TickFields = { timeMs: NaN, bid: NaN, ask: NaN, seq: 0 };
  readonly #f64 = new Float64Array(1);
  readonly #b8 = new Uint8Array(this.#f64.buffer);
  readonly #source: Uint8Array | null;
  #pos = 0;

  constructor(source?: string) {
    this.#source = source === undefined ? null : new TextEncoder().encode(source);
  }

  /**
   * false when the message has no tick (or, with a source filter, a tick of another source);
   * throws on malformed bytes.
   */
  read(d: Uint8Array): boolean {
    const t = this.tick;
    t.timeMs = NaN; t.bid = NaN; t.ask = NaN; t.seq = 0;
    let found = false;
    let sourceOk = this.#source === null || this.#source.length === 0;
    this.#pos = 0;
    while (this.#pos < d.length) {
      const key = this.#varint(d);
      if (key === 0x12) { // field 2 (tick), length-delimited
        const end = this.#len(d);
        found = true;
        // Defaults, as a decoder would give them (proto3 omits zeros).
        t.timeMs = 0; t.bid = 0; t.ask = 0; t.seq = 0;
        sourceOk = this.#source === null || this.#source.length === 0;
        while (this.#pos < end) {
          const k = this.#varint(d);
          if (k === 0x11) t.timeMs = this.#double(d);
          else if (k === 0x18) t.seq = this.#varint(d);
          else if (k === 0x21) t.bid = this.#double(d);
          else if (k === 0x29) t.ask = this.#double(d);
          else if (k === 0x32 && this.#source !== null) {
            const e = this.#len(d);
            sourceOk = this.#equals(d, this.#pos, e);
            this.#pos = e;
          } else this.#skip(d, k & 7);
        }
        if (this.#pos !== end) throw new RangeError('tick field overruns its message');
      } else this.#skip(d, key & 7);
    }
    if (this.#pos !== d.length) throw new RangeError('truncated TickEvent');
    return found && sourceOk;
  }

  #equals(d: Uint8Array, from: number, to: number): boolean {
    const s = this.#source!;
    if (to - from !== s.length) return false;
    for (let i = 0; i < s.length; i++) if (d[from + i] !== s[i]) return false;
    return true;
  }

  /** Unsigned varint up to 2^53 (our uint64s: sequence numbers, µs timestamps). */
  #varint(d: Uint8Array): number {
    let v = 0, mul = 1, b;
    do {
      if (this.#pos >= d.length) throw new RangeError('truncated varint');
      b = d[this.#pos++]!;
      v += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    return v;
  }

  #len(d: Uint8Array): number {
    const n = this.#varint(d);
    const end = this.#pos + n;
    if (end > d.length) throw new RangeError('length-delimited field overruns the message');
    return end;
  }

  #double(d: Uint8Array): number {
    const p = this.#pos;
    if (p + 8 > d.length) throw new RangeError('truncated double');
    const b = this.#b8;
    if (LE) for (let i = 0; i < 8; i++) b[i] = d[p + i]!;
    else for (let i = 0; i < 8; i++) b[7 - i] = d[p + i]!;
    this.#pos = p + 8;
    return this.#f64[0]!;
  }

  #skip(d: Uint8Array, wireType: number): void {
    if (wireType === 0) this.#varint(d);
    else if (wireType === 1) this.#pos += 8;
    else if (wireType === 2) this.#pos = this.#len(d);
    else if (wireType === 5) this.#pos += 4;
    else throw new RangeError(`unsupported wire type ${wireType}`);
  }
}
