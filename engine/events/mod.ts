/**
 * Bus message helpers (DESIGN.md §4): event ids, envelope timestamps and thin
 * encode/decode wrappers over the generated protobuf code in proto/gen/.
 *
 * Every bus message is a `<X>Event { Envelope envelope = 1; X payload = 2; }`
 * wrapper, so `decodeEnvelope` reads the header of any of them.
 * 64-bit integers decode as plain numbers (see proto/runtime.mjs).
 */
import * as crypto from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { pipstream } from '../../proto/gen/pipstream.js';
import { PipstreamError } from '../errors/mod.ts';
import { writeHex } from './wire.ts';

export { varintSize, writeHex, writeVarint } from './wire.ts';

export const pb = pipstream.v1;
export const EventType = pipstream.v1.EventType;
export type EventType = pipstream.v1.EventType;
export const SignalMode = pipstream.v1.SignalMode;
export type SignalMode = pipstream.v1.SignalMode;
export const Side = pipstream.v1.Side;
export type Side = pipstream.v1.Side;
export const OrderState = pipstream.v1.OrderState;
export type OrderState = pipstream.v1.OrderState;

/** Payload schema version written into every envelope this build produces. */
export const SCHEMA_VERSION = 1;

export type Envelope = pipstream.v1.Envelope.$Properties;
export type Tick = pipstream.v1.Tick.$Properties;
export type Bar = pipstream.v1.Bar.$Properties;
export type Signal = pipstream.v1.Signal.$Properties;
export type RejectedTick = pipstream.v1.RejectedTick.$Properties;
export type InstrumentRegistered = pipstream.v1.InstrumentRegistered.$Properties;
export type WorkflowChanged = pipstream.v1.WorkflowChanged.$Properties;
export type OrderUpdate = pipstream.v1.OrderUpdate.$Properties;
export type RiskDecision = pipstream.v1.RiskDecision.$Properties;
export type Notification = pipstream.v1.Notification.$Properties;
export type PositionUpdate = pipstream.v1.PositionUpdate.$Properties;
export type PnlSample = pipstream.v1.PnlSample.$Properties;
export type LatencySample = pipstream.v1.LatencySample.$Properties;

export interface TickEvent { envelope?: Envelope | null; tick?: Tick | null }
export interface BarEvent { envelope?: Envelope | null; bar?: Bar | null }
export interface SignalEvent { envelope?: Envelope | null; signal?: Signal | null }
export interface RejectedTickEvent { envelope?: Envelope | null; rejectedTick?: RejectedTick | null }
export interface InstrumentRegisteredEvent { envelope?: Envelope | null; instrumentRegistered?: InstrumentRegistered | null }
export interface WorkflowChangedEvent { envelope?: Envelope | null; workflowChanged?: WorkflowChanged | null }
export interface OrderUpdateEvent { envelope?: Envelope | null; orderUpdate?: OrderUpdate | null }
export interface RiskDecisionEvent { envelope?: Envelope | null; riskDecision?: RiskDecision | null }
export interface NotificationEvent { envelope?: Envelope | null; notification?: Notification | null }
export interface PositionUpdateEvent { envelope?: Envelope | null; positionUpdate?: PositionUpdate | null }
export interface PnlSampleEvent { envelope?: Envelope | null; pnlSample?: PnlSample | null }
export interface LatencySampleEvent { envelope?: Envelope | null; latencySample?: LatencySample | null }

/** A fresh UUIDv7 (wall clock + randomness): for events that are not replayed. */
export function newEventId(): string {
  return uuidv7();
}

const MAX_UUID_MS = 2 ** 48 - 1;
const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** SHA-256 of a string's UTF-8 bytes, as hex: one native call where the runtime has crypto.hash (Node >= 20.12). */
const sha256Hex: (s: string) => string = typeof crypto.hash === 'function'
  ? (s) => crypto.hash('sha256', s, 'hex')
  : (s) => crypto.createHash('sha256').update(s).digest('hex');

/**
 * A UUIDv7-layout id derived only from `timeMs` (the tick time: the 48-bit timestamp) and a
 * SHA-256 of `parts` (the 74 "random" bits), so replaying the same tick file yields the same
 * signal ids. The exact `timeMs` (sub-millisecond too) is hashed along with the parts.
 */
export function deterministicEventId(timeMs: number, ...parts: ReadonlyArray<string | number>): string {
  if (!Number.isFinite(timeMs) || timeMs < 0 || timeMs > MAX_UUID_MS) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `deterministicEventId: time ${timeMs} ms is outside the UUIDv7 range`,
      { timeMs });
  }
  // One-shot hash of the same bytes as hashing String(timeMs), '\u001f' and the joined parts in turn
  // (the first two are ASCII, so concatenating before UTF-8 encoding changes nothing).
  const h = sha256Hex(`${timeMs}\u001f${parts.join('\u001f')}`);
  const ms = Math.floor(timeMs);
  const t = ms.toString(16).padStart(12, '0'); // the 48-bit timestamp, bytes 0-5
  // Byte 6: version 7 over the hash's low nibble; byte 8: variant 10 over its low 6 bits.
  return `${t.slice(0, 8)}-${t.slice(8)}-7${h.slice(13, 16)}-${HEX[0x80 | (parseInt(h.slice(16, 18), 16) & 0x3f)]}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** Positions of the 74 "random" bits in a UUIDv7 string: 18 whole nibbles, and the variant nibble's 2 low bits (at 19). */
const RANDOM_NIBBLES = [15, 16, 17, 19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35];
const HEX_CHAR = Buffer.from('0123456789abcdef', 'latin1');
/** A hex digit's value by its char code. */
const HEX_VALUE = new Uint8Array(128);
for (let i = 0; i < 16; i++) HEX_VALUE[HEX_CHAR[i]!] = i;
const saltMasks = new Map<string, Uint8Array>();
/** The last base id derivedEventId found to be a UUIDv7. */
let lastBase = '';
/** The id being written (derivedEventId is synchronous: one buffer serves every call). */
const idBytes = Buffer.alloc(36);
const DASH = 0x2d, SEVEN = 0x37;

function maskOf(salt: string): Uint8Array {
  let m = saltMasks.get(salt);
  if (m === undefined) {
    const h = sha256Hex(salt);
    m = Uint8Array.from(RANDOM_NIBBLES, (at, i) => parseInt(h[i]!, 16) & (at === 19 ? 0x3 : 0xf));
    saltMasks.set(salt, m);
  }
  return m;
}

/**
 * The id of an event that belongs to another one with a deterministic id (an order's journal events
 * belong to the order): `baseId`'s 74 random bits XOR a mask fixed by `salt`, under `timeMs`'s
 * timestamp. As unique as the base ids (for one salt it is a bijection) and as deterministic, for a
 * fraction of a SHA-256 per event. A base that is not a UUIDv7 falls back to
 * deterministicEventId(timeMs, salt, baseId).
 */
export function derivedEventId(baseId: string, timeMs: number, salt: string): string {
  if (!derivable(baseId, timeMs)) return deterministicEventId(timeMs, salt, baseId);
  fillDerived(idBytes, 0, baseId, timeMs, salt);
  return idBytes.toString('latin1', 0, 36);
}

/** derivedEventId(baseId, timeMs, salt) as 36 ASCII bytes at `at` of `out`, without making the string. */
export function writeDerivedEventId(out: Uint8Array, at: number, baseId: string, timeMs: number, salt: string): void {
  if (derivable(baseId, timeMs)) return fillDerived(out, at, baseId, timeMs, salt);
  const id = deterministicEventId(timeMs, salt, baseId);
  for (let i = 0; i < 36; i++) out[at + i] = id.charCodeAt(i);
}

function derivable(baseId: string, timeMs: number): boolean {
  // An order's events derive from one base in a row: its check is remembered.
  if (baseId !== lastBase) {
    if (!UUID7.test(baseId)) return false;
    lastBase = baseId;
  }
  return Number.isFinite(timeMs) && timeMs >= 0 && timeMs <= MAX_UUID_MS;
}

function fillDerived(out: Uint8Array, at: number, baseId: string, timeMs: number, salt: string): void {
  const m = maskOf(salt);
  // The 48-bit timestamp as 12 hex digits, around the dash at 8; then the version, dashes and masked random nibbles.
  const ms = Math.floor(timeMs);
  writeHex(out, at, Math.floor(ms / 65536), 8);
  writeHex(out, at + 9, ms % 65536, 4);
  out[at + 8] = DASH;
  out[at + 13] = DASH;
  out[at + 14] = SEVEN;
  out[at + 18] = DASH;
  out[at + 23] = DASH;
  for (let i = 0; i < RANDOM_NIBBLES.length; i++) {
    const p = RANDOM_NIBBLES[i]!;
    out[at + p] = HEX_CHAR[HEX_VALUE[baseId.charCodeAt(p)]! ^ m[i]!]!;
  }
}

/** Read once: the getter costs a native call. */
const TIME_ORIGIN = performance.timeOrigin;

/** Wall-clock milliseconds since the epoch, sub-ms resolution; never steps backwards within the process. */
export function wallMs(): number {
  return TIME_ORIGIN + performance.now();
}

/** Wall-clock microseconds since the epoch (integer), for envelope timestamps. */
export function nowUs(): number {
  return Math.floor(wallMs() * 1000);
}

/** An envelope with this build's schema version; ids default to a fresh UUIDv7, ingest time to now. */
export function makeEnvelope(type: EventType, fields: Omit<Envelope, 'type' | 'schemaVersion'> = {}): Envelope {
  const eventId = fields.eventId || newEventId();
  return {
    schemaVersion: SCHEMA_VERSION,
    type,
    eventId,
    correlationId: fields.correlationId || eventId,
    causationId: fields.causationId || '',
    sourceTsUs: fields.sourceTsUs ?? 0,
    ingestTsUs: fields.ingestTsUs ?? nowUs(),
  };
}

/** The envelope of any bus message (every wrapper has the envelope at field 1). */
export function decodeEnvelope(data: Uint8Array): Envelope {
  return pb.EnvelopeOnly.decode(data).envelope ?? {};
}

/** What the generated `encode` functions write to (the protobufjs Writer). */
type PbWriter = ReturnType<typeof pb.Envelope.encode>;

/**
 * One writer for every encode below: the generated code grows it once and keeps it, so a message costs
 * one exactly-sized buffer (finish() copies out) instead of a new writer, its 128-byte buffer and every
 * doubling. Encoding is synchronous, so nothing else can write to it in between.
 */
let shared: PbWriter | null = null;
const MAX_SHARED_WRITER = 64 * 1024;

function encodeWith<T>(encode: (m: T, w?: PbWriter) => PbWriter, m: T): Uint8Array {
  const w = shared ?? (shared = pb.EnvelopeOnly.encode({}));
  w.pos = 0;
  w.states = null;
  const out = encode(m, w).finish();
  if (w.buf.length > MAX_SHARED_WRITER) shared = null; // one huge message does not pin its buffer
  return out;
}

export const encodeTickEvent = (m: TickEvent): Uint8Array => encodeWith(pb.TickEvent.encode, m);
export const decodeTickEvent = (d: Uint8Array): TickEvent => pb.TickEvent.decode(d);
export const encodeBarEvent = (m: BarEvent): Uint8Array => encodeWith(pb.BarEvent.encode, m);
export const decodeBarEvent = (d: Uint8Array): BarEvent => pb.BarEvent.decode(d);
export const encodeSignalEvent = (m: SignalEvent): Uint8Array => encodeWith(pb.SignalEvent.encode, m);
export const decodeSignalEvent = (d: Uint8Array): SignalEvent => pb.SignalEvent.decode(d);
export const encodeRejectedTickEvent = (m: RejectedTickEvent): Uint8Array => encodeWith(pb.RejectedTickEvent.encode, m);
export const decodeRejectedTickEvent = (d: Uint8Array): RejectedTickEvent => pb.RejectedTickEvent.decode(d);
export const encodeInstrumentRegisteredEvent = (m: InstrumentRegisteredEvent): Uint8Array =>
  encodeWith(pb.InstrumentRegisteredEvent.encode, m);
export const decodeInstrumentRegisteredEvent = (d: Uint8Array): InstrumentRegisteredEvent =>
  pb.InstrumentRegisteredEvent.decode(d);
export const encodeWorkflowChangedEvent = (m: WorkflowChangedEvent): Uint8Array =>
  encodeWith(pb.WorkflowChangedEvent.encode, m);
export const decodeWorkflowChangedEvent = (d: Uint8Array): WorkflowChangedEvent => pb.WorkflowChangedEvent.decode(d);
export const encodeOrderUpdateEvent = (m: OrderUpdateEvent): Uint8Array => encodeWith(pb.OrderUpdateEvent.encode, m);
export const decodeOrderUpdateEvent = (d: Uint8Array): OrderUpdateEvent => pb.OrderUpdateEvent.decode(d);
export const encodeRiskDecisionEvent = (m: RiskDecisionEvent): Uint8Array => encodeWith(pb.RiskDecisionEvent.encode, m);
export const decodeRiskDecisionEvent = (d: Uint8Array): RiskDecisionEvent => pb.RiskDecisionEvent.decode(d);
export const encodeNotificationEvent = (m: NotificationEvent): Uint8Array => encodeWith(pb.NotificationEvent.encode, m);
export const decodeNotificationEvent = (d: Uint8Array): NotificationEvent => pb.NotificationEvent.decode(d);
export const encodePositionUpdateEvent = (m: PositionUpdateEvent): Uint8Array => encodeWith(pb.PositionUpdateEvent.encode, m);
export const decodePositionUpdateEvent = (d: Uint8Array): PositionUpdateEvent => pb.PositionUpdateEvent.decode(d);
export const encodePnlSampleEvent = (m: PnlSampleEvent): Uint8Array => encodeWith(pb.PnlSampleEvent.encode, m);
export const decodePnlSampleEvent = (d: Uint8Array): PnlSampleEvent => pb.PnlSampleEvent.decode(d);
export const encodeLatencySampleEvent = (m: LatencySampleEvent): Uint8Array => encodeWith(pb.LatencySampleEvent.encode, m);
export const decodeLatencySampleEvent = (d: Uint8Array): LatencySampleEvent => pb.LatencySampleEvent.decode(d);
