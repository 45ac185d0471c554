/**
 * A protobuf writer straight into a slab of memory, for the messages written several times per order
 * (the trade journal). protobufjs allocates an object per field and walks them again to copy the bytes
 * out: ~4–6 µs per journal message here, and most of the trade path's garbage. This writes the bytes
 * protobufjs writes for the same message (field order and presence are the caller's, as in the generated
 * code: proto3 zero values left out, `optional` fields written when set). A finished message is a view of
 * the slab, not a copy; the next one is written after it, and a full slab is left to the messages that
 * view it (as Buffer's pool is).
 */

import { varintSize } from './wire.ts';

const TWO_32 = 4294967296;

/** Bytes per slab: a few hundred journal messages. */
const SLAB = 64 * 1024;

export class ProtoWriter {
  #buf = new Uint8Array(SLAB);
  #view = new DataView(this.#buf.buffer);
  #bytes = Buffer.from(this.#buf.buffer);
  /** Where the message being written starts. */
  #start = 0;
  #pos = 0;
  /** Where each open nested message's body starts (its length byte is just before); a fixed stack, nothing allocated per message. */
  #open = new Int32Array(8);
  #depth = 0;

  /** Starts a new message (one left unfinished is dropped). */
  reset(): this {
    this.#pos = this.#start;
    this.#depth = 0;
    return this;
  }

  /** Room for `n` more bytes (small enough to be inlined at every write; the rare move is apart). */
  #room(n: number): void {
    if (this.#pos + n > this.#buf.length) this.#move(n);
  }

  /** A slab of its own for the message when this one is full: its bytes so far moved to the start. */
  #move(n: number): void {
    const written = this.#pos - this.#start;
    let size = SLAB;
    while (size < written + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.#buf.subarray(this.#start, this.#pos));
    for (let i = 0; i < this.#depth; i++) this.#open[i] -= this.#start;
    this.#buf = next;
    this.#view = new DataView(next.buffer);
    this.#bytes = Buffer.from(next.buffer);
    this.#start = 0;
    this.#pos = written;
  }

  /** A varint of a non-negative integer below 2^32 (tags, lengths, uint32 and non-negative enum values). */
  uint32(v: number): this {
    return this.#varint(v >>> 0, 0);
  }

  /** A field tag: field number and wire type. */
  tag(field: number, wireType: number): this {
    return this.uint32((field << 3) | wireType);
  }

  /** An int64 from a JS number, as protobufjs's LongBits.fromNumber reads it (two's complement when negative). */
  int64(v: number): this {
    const sign = v < 0;
    if (sign) v = -v;
    let lo = v >>> 0;
    let hi = ((v - lo) / TWO_32) >>> 0;
    if (sign) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
      if (++lo > 0xffffffff) {
        lo = 0;
        if (++hi > 0xffffffff) hi = 0;
      }
    }
    return this.#varint(lo, hi);
  }

  /** The varint of the 64-bit value hi·2^32 + lo (both unsigned 32-bit). */
  #varint(lo: number, hi: number): this {
    this.#room(10);
    const b = this.#buf;
    let p = this.#pos;
    while (hi !== 0) {
      b[p++] = (lo & 127) | 128;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    while (lo > 127) {
      b[p++] = (lo & 127) | 128;
      lo >>>= 7;
    }
    b[p++] = lo;
    this.#pos = p;
    return this;
  }

  double(v: number): this {
    this.#room(8);
    this.#view.setFloat64(this.#pos, v, true);
    this.#pos += 8;
    return this;
  }

  /** Length-prefixed UTF-8. */
  string(s: string): this {
    const n = s.length;
    // Ids, codes and names are short ASCII: written char by char, no native call (~100 ns each here).
    if (n < 128) {
      this.#room(n + 1);
      const b = this.#buf;
      const at = this.#pos + 1;
      let i = 0;
      while (i < n) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        b[at + i++] = c;
      }
      if (i === n) {
        b[at - 1] = n;
        this.#pos = at + n;
        return this;
      }
    }
    const len = Buffer.byteLength(s, 'utf8');
    this.uint32(len);
    this.#room(len);
    this.#bytes.write(s, this.#pos, len, 'utf8');
    this.#pos += len;
    return this;
  }

  /**
   * Room for `n` bytes the caller writes into `buffer` at the returned position; they count as written.
   * Any write may move the message to a new slab: take `buffer` after this.
   */
  reserve(n: number): number {
    this.#room(n);
    const at = this.#pos;
    this.#pos += n;
    return at;
  }

  /** The bytes being written (valid until the next write: a write may move them). */
  get buffer(): Uint8Array {
    return this.#buf;
  }

  // Fields with proto3 presence: left out at their zero value (and when null or undefined), as the generated encoders do.

  stringField(field: number, s: string): this {
    return s != null && s !== '' ? this.tag(field, 2).string(s) : this;
  }

  /** An enum, uint32 or (non-negative) int32 field. */
  uintField(field: number, v: number): this {
    return v != null && v !== 0 ? this.tag(field, 0).uint32(v) : this;
  }

  int64Field(field: number, v: number): this {
    return v != null && v !== 0 ? this.tag(field, 0).int64(v) : this;
  }

  /** A plain double: left out at 0 (not at -0, as protobufjs). */
  doubleField(field: number, v: number): this {
    return v != null && !Object.is(v, 0) ? this.tag(field, 1).double(v) : this;
  }

  /** An `optional double`: written whenever it is set (undefined: not set). */
  optionalDoubleField(field: number, v: number | undefined): this {
    return v !== undefined ? this.tag(field, 1).double(v) : this;
  }

  boolField(field: number, v: boolean): this {
    return v ? this.tag(field, 0).uint32(1) : this;
  }

  /** Opens a nested message field; its length is written by end(). */
  begin(field: number): this {
    this.tag(field, 2);
    this.#room(1);
    if (this.#depth === this.#open.length) {
      const deeper = new Int32Array(this.#depth * 2);
      deeper.set(this.#open);
      this.#open = deeper;
    }
    this.#open[this.#depth++] = ++this.#pos;
    return this;
  }

  /** Closes the innermost nested message: its length goes before it (moving it when that takes more than a byte). */
  end(): this {
    const start = this.#open[--this.#depth]!;
    const len = this.#pos - start;
    if (len < 128) {
      this.#buf[start - 1] = len;
      return this;
    }
    const extra = varintSize(len) - 1;
    // Where the body starts, from the message's start: room() may move the message.
    const offset = start - this.#start;
    this.#room(extra);
    const body = this.#start + offset;
    this.#buf.copyWithin(body + extra, body, this.#pos);
    const end = this.#pos + extra;
    this.#pos = body - 1;
    this.uint32(len);
    this.#pos = end;
    return this;
  }

  /** The message written since reset(): a view of the slab, which it keeps alive. */
  finish(): Uint8Array {
    const out = this.#bytes.subarray(this.#start, this.#pos);
    this.#start = this.#pos;
    return out;
  }
}
