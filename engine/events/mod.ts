/**
 * Bus message helpers (DESIGN.md §4): event ids, envelope timestamps and thin
 * encode/decode wrappers over the generated protobuf code in proto/gen/.
 *
 * Every bus message is a `<X>Event { Envelope envelope = 1; X payload = 2; }`
 * wrapper, so `decodeEnvelope` reads the header of any of them.
 * 64-bit integers decode as plain numbers (see proto/runtime.mjs).
 */
import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import { pipstream } from '../../proto/gen/pipstream.js';
import { PipstreamError } from '../errors/mod.ts';

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
  const h = createHash('sha256').update(String(timeMs)).update('\u001f').update(parts.join('\u001f')).digest();
  const ms = Math.floor(timeMs);
  const hi = Math.floor(ms / 2 ** 16); // top 32 bits of the 48-bit timestamp
  const lo = ms % 2 ** 16;
  const b = h; // reuse the digest buffer for the 16 id bytes
  b[0] = hi >>> 24; b[1] = (hi >>> 16) & 0xff; b[2] = (hi >>> 8) & 0xff; b[3] = hi & 0xff;
  b[4] = lo >>> 8; b[5] = lo & 0xff;
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // variant 10
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[b[i]!];
  }
  return s;
}

/** Wall-clock microseconds since the epoch (integer), for envelope timestamps. */
export function nowUs(): number {
  // timeOrigin + now() has sub-ms resolution and never steps backwards within the process.
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
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

export const encodeTickEvent = (m: TickEvent): Uint8Array => pb.TickEvent.encode(m).finish();
export const decodeTickEvent = (d: Uint8Array): TickEvent => pb.TickEvent.decode(d);
export const encodeBarEvent = (m: BarEvent): Uint8Array => pb.BarEvent.encode(m).finish();
export const decodeBarEvent = (d: Uint8Array): BarEvent => pb.BarEvent.decode(d);
export const encodeSignalEvent = (m: SignalEvent): Uint8Array => pb.SignalEvent.encode(m).finish();
export const decodeSignalEvent = (d: Uint8Array): SignalEvent => pb.SignalEvent.decode(d);
export const encodeRejectedTickEvent = (m: RejectedTickEvent): Uint8Array => pb.RejectedTickEvent.encode(m).finish();
export const decodeRejectedTickEvent = (d: Uint8Array): RejectedTickEvent => pb.RejectedTickEvent.decode(d);
export const encodeInstrumentRegisteredEvent = (m: InstrumentRegisteredEvent): Uint8Array =>
  pb.InstrumentRegisteredEvent.encode(m).finish();
export const decodeInstrumentRegisteredEvent = (d: Uint8Array): InstrumentRegisteredEvent =>
  pb.InstrumentRegisteredEvent.decode(d);
export const encodeWorkflowChangedEvent = (m: WorkflowChangedEvent): Uint8Array =>
  pb.WorkflowChangedEvent.encode(m).finish();
export const decodeWorkflowChangedEvent = (d: Uint8Array): WorkflowChangedEvent => pb.WorkflowChangedEvent.decode(d);
export const encodeOrderUpdateEvent = (m: OrderUpdateEvent): Uint8Array => pb.OrderUpdateEvent.encode(m).finish();
export const decodeOrderUpdateEvent = (d: Uint8Array): OrderUpdateEvent => pb.OrderUpdateEvent.decode(d);
export const encodeRiskDecisionEvent = (m: RiskDecisionEvent): Uint8Array => pb.RiskDecisionEvent.encode(m).finish();
export const decodeRiskDecisionEvent = (d: Uint8Array): RiskDecisionEvent => pb.RiskDecisionEvent.decode(d);
export const encodeNotificationEvent = (m: NotificationEvent): Uint8Array => pb.NotificationEvent.encode(m).finish();
export const decodeNotificationEvent = (d: Uint8Array): NotificationEvent => pb.NotificationEvent.decode(d);
export const encodePositionUpdateEvent = (m: PositionUpdateEvent): Uint8Array => pb.PositionUpdateEvent.encode(m).finish();
export const decodePositionUpdateEvent = (d: Uint8Array): PositionUpdateEvent => pb.PositionUpdateEvent.decode(d);
export const encodePnlSampleEvent = (m: PnlSampleEvent): Uint8Array => pb.PnlSampleEvent.encode(m).finish();
export const decodePnlSampleEvent = (d: Uint8Array): PnlSampleEvent => pb.PnlSampleEvent.decode(d);
export const encodeLatencySampleEvent = (m: LatencySampleEvent): Uint8Array => pb.LatencySampleEvent.encode(m).finish();
export const decodeLatencySampleEvent = (d: Uint8Array): LatencySampleEvent => pb.LatencySampleEvent.decode(d);
