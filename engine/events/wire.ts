/**
 * Byte writers shared by the hand-written wire encoders (the tick encoder, the bus's batch framing, the
 * derived event ids): what protobufjs would write, without an object per field.
 */

/** Bytes of `v` as a protobuf varint (a non-negative integer up to 2^53). */
export function varintSize(v: number): number {
  let n = 1;
  while (v >= 128) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/** Writes `v` (a non-negative integer up to 2^53) as a varint at `at`; returns the position after it. */
export function writeVarint(out: Uint8Array, at: number, v: number): number {
  while (v >= 128) {
    out[at++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  return at;
}

const HEX_DIGITS = new TextEncoder().encode('0123456789abcdef');

/** Writes `digits` lowercase hex digits of `v` (< 2^32) as ASCII at `at`; returns the position after them. */
export function writeHex(out: Uint8Array, at: number, v: number, digits: number): number {
  for (let i = digits - 1; i >= 0; i--) {
    out[at + i] = HEX_DIGITS[v & 15]!;
    v >>>= 4;
  }
  return at + digits;
}
