/**
 * The journal forms of the trade path (DESIGN.md §3, §4, §8): order state changes on ORDERS, risk
 * decisions on RISK, notifications on NOTIFY, positions and P&L samples on PORTFOLIO, latency samples
 * on METRICS. Actors build plain objects; this is the one place they
 * become protobuf messages with their subjects and dedupe ids, and the one place consumers read them back.
 */
import { PipstreamError } from '../errors/mod.ts';
import { Subjects } from '../switchboard/mod.ts';
import { ProtoWriter } from './proto-writer.ts';
import {
  decodeLatencySampleEvent, decodeNotificationEvent, decodeOrderUpdateEvent, decodePnlSampleEvent, decodePositionUpdateEvent,
  decodeRiskDecisionEvent, derivedEventId, deterministicEventId, encodeLatencySampleEvent, encodeNotificationEvent, encodePnlSampleEvent,
  EventType, makeEnvelope, nowUs, OrderState, SCHEMA_VERSION, Side, writeDerivedEventId,
} from './mod.ts';

export interface JournalMessage { subject: string; data: Uint8Array; msgId: string }

/**
 * The order id of a signal: a UUIDv7-layout id derived from the signal id and its time only, so a
 * replay (which reproduces signal ids) reproduces order ids, and a retried signal cannot double an order.
 * Shared by execution and confirmations: a confirmed order keeps the id it was journaled with when pending.
 */
export function orderIdFor(signalId: string, timeMs: number): string {
  // derivedEventId: a mask over the signal id's random bits (its SHA-256 fallback for other ids is what this was before).
  return derivedEventId(signalId, timeMs, 'order');
}

export type OrderStateName =
  | 'PENDING_CONFIRMATION' | 'CONFIRMED' | 'EXPIRED' | 'REJECTED_BY_USER' | 'RISK_REJECTED' | 'SUBMITTED' | 'FILLED' | 'REJECTED'
  | 'CANCELLED';
export type SideName = 'buy' | 'sell';

/** One order state change; optional numbers are null when they do not apply. */
export interface OrderUpdateFields {
  orderId: string;
  signalId: string;
  account: string;
  instrument: string;
  state: OrderStateName;
  side: SideName | null;
  units: number;
  timeMs: number;
  broker: string;
  price: number | null;
  reason: string | null;
  riskLimit: number | null;
  riskValue: number | null;
  stopLossPrice: number | null;
  takeProfitPrice: number | null;
  slippagePips: number | null;
  bid: number;
  ask: number;
  expiresMs: number | null;
  workflowId: string;
  workflowVersion: number;
  stopLossPips: number | null;
  takeProfitPips: number | null;
  /** The broker's transaction id (OrderOutcome.transactionId); null when none. */
  brokerTransactionId: string | null;
}

/** One risk decision (RISK_APPROVED when `approved`). */
export interface RiskDecisionFields {
  orderId: string;
  signalId: string;
  account: string;
  instrument: string;
  approved: boolean;
  reason: string | null;
  limit: number | null;
  value: number | null;
  side: SideName;
  units: number;
  timeMs: number;
  bid: number;
  ask: number;
  /** The limits document in force, as JSON ('' when the account has none). */
  limitsJson: string;
}

export interface NotificationFields {
  id: string;
  kind: string;
  account: string;
  instrument: string;
  message: string;
  time_ms: number;
  signal_id: string;
  workflow_id: string;
  workflow_version: number;
  node_id: string;
  price: number;
  bid: number;
  ask: number;
}

const sideOut = (s: SideName | null) => (s === 'buy' ? Side.SIDE_BUY : s === 'sell' ? Side.SIDE_SELL : Side.SIDE_UNSPECIFIED);
const sideIn = (s: Side | null | undefined): SideName | null => (s === Side.SIDE_BUY ? 'buy' : s === Side.SIDE_SELL ? 'sell' : null);
const opt = (x: number | null | undefined): number | null => (x === null || x === undefined ? null : x);
/** Proto3 `optional`: absent, not 0, when there is no value. */
const put = (x: number | null): number | undefined => (x === null || !Number.isFinite(x) ? undefined : x);
const STATE_PREFIX = 'ORDER_STATE_';
/** OrderState by state name, looked up once per name rather than a template string per message. */
const STATES = new Map<string, OrderState>();
function stateOut(name: OrderStateName): OrderState {
  let st = STATES.get(name);
  if (st === undefined) {
    st = OrderState[`${STATE_PREFIX}${name}` as keyof typeof OrderState] as OrderState;
    STATES.set(name, st);
  }
  return st;
}

/**
 * The shared writer, reset, with the envelope of a journal message written (field 1 of every event):
 * its id derived from the order id, correlated with and caused by the signal.
 */
function envelope(type: EventType, timeMs: number, signalId: string, orderId: string, salt: string): ProtoWriter {
  const w = writer.reset().begin(1).uintField(1, SCHEMA_VERSION).uintField(2, type).tag(3, 2).uint32(36);
  // reserve() first: it may move the bytes to a new slab.
  const id = w.reserve(36);
  writeDerivedEventId(w.buffer, id, orderId, timeMs, salt);
  if (signalId === '') {
    // Correlated with itself: its id again.
    const again = w.tag(4, 2).uint32(36).reserve(36);
    writeDerivedEventId(w.buffer, again, orderId, timeMs, salt);
  }
  return w.stringField(4, signalId).stringField(5, signalId).int64Field(6, Math.round(timeMs * 1000)).int64Field(7, nowUs()).end();
}

const writer = new ProtoWriter();

/**
 * The subject of each account, made once: the bus gathers a callback's messages by subject, and a string
 * made anew per message is hashed anew there.
 */
function perAccount(make: (account: string) => string): (account: string) => string {
  const made = new Map<string, string>();
  return (account) => {
    let subject = made.get(account);
    if (subject === undefined) {
      if (made.size >= 10_000) made.clear();
      subject = make(account);
      made.set(account, subject);
    }
    return subject;
  };
}
const ordersSubject = perAccount(Subjects.orders);
const riskSubject = perAccount(Subjects.riskDecisions);
const positionsSubject = perAccount(Subjects.positions);
/** The event id salt of each order state, made once (derivedEventId looks a salt's mask up by it). */
const UPDATE_SALTS: Partial<Record<OrderStateName, string>> = {};
for (const name of Object.keys(OrderState)) {
  if (name.startsWith(STATE_PREFIX)) UPDATE_SALTS[name.slice(STATE_PREFIX.length) as OrderStateName] = `order-update:${name.slice(STATE_PREFIX.length)}`;
}

function malformed(what: string, why: string): PipstreamError {
  return new PipstreamError('PS_BAD_ARGUMENT', `malformed ${what}: ${why}`, {});
}

/** `orders.lifecycle.<account>`, msgId `<orderId>:<state>` (a state is journaled once per order). */
export function orderUpdateMessage(u: OrderUpdateFields): JournalMessage {
  const w = envelope(EventType.EVENT_TYPE_ORDER_UPDATE, u.timeMs, u.signalId, u.orderId, UPDATE_SALTS[u.state] ?? `order-update:${u.state}`);
  w.begin(2)
    .stringField(1, u.orderId).stringField(2, u.signalId).stringField(3, u.account).stringField(4, u.instrument)
    .uintField(5, stateOut(u.state)).uintField(6, sideOut(u.side)).int64Field(7, u.units).doubleField(8, u.timeMs).stringField(9, u.broker)
    .optionalDoubleField(10, put(u.price)).stringField(11, u.reason ?? '').optionalDoubleField(12, put(u.riskLimit))
    .optionalDoubleField(13, put(u.riskValue)).optionalDoubleField(14, put(u.stopLossPrice)).optionalDoubleField(15, put(u.takeProfitPrice))
    .optionalDoubleField(16, put(u.slippagePips)).doubleField(17, u.bid).doubleField(18, u.ask).optionalDoubleField(19, put(u.expiresMs))
    .stringField(20, u.workflowId).uintField(21, u.workflowVersion).optionalDoubleField(22, put(u.stopLossPips))
    .optionalDoubleField(23, put(u.takeProfitPips)).stringField(24, u.brokerTransactionId ?? '')
    .end();
  return { subject: ordersSubject(u.account), data: w.finish(), msgId: `${u.orderId}:${u.state}` };
}

/** An ORDERS message back to fields, with its envelope's event id; PS_BAD_ARGUMENT when it is not one. */
export function readOrderUpdate(data: Uint8Array): OrderUpdateFields & { eventId: string } {
  let e;
  try {
    e = decodeOrderUpdateEvent(data);
  } catch (err) {
    throw malformed('order update', (err as Error).message);
  }
  const u = e.orderUpdate;
  const state = OrderState[u?.state ?? 0]?.slice(STATE_PREFIX.length) as OrderStateName | undefined;
  if (!u || !u.orderId || !u.account || !u.instrument || !state || u.state === OrderState.ORDER_STATE_UNSPECIFIED) {
    throw malformed('order update', 'no order id, account, instrument or state');
  }
  return {
    eventId: e.envelope?.eventId ?? '',
    orderId: u.orderId, signalId: u.signalId ?? '', account: u.account, instrument: u.instrument, state, side: sideIn(u.side),
    units: Number(u.units ?? 0), timeMs: u.timeMs ?? NaN, broker: u.broker ?? '', price: opt(u.price), reason: u.reason || null,
    riskLimit: opt(u.riskLimit), riskValue: opt(u.riskValue), stopLossPrice: opt(u.stopLossPrice), takeProfitPrice: opt(u.takeProfitPrice),
    slippagePips: opt(u.slippagePips), bid: u.bid ?? 0, ask: u.ask ?? 0, expiresMs: opt(u.expiresMs), workflowId: u.workflowId ?? '',
    workflowVersion: u.workflowVersion ?? 0, stopLossPips: opt(u.stopLossPips), takeProfitPips: opt(u.takeProfitPips),
    brokerTransactionId: u.brokerTransactionId || null,
  };
}

/** `risk.decisions.<account>`, msgId `<orderId>:risk` (one decision per order). */
export function riskDecisionMessage(d: RiskDecisionFields): JournalMessage {
  const w = envelope(EventType.EVENT_TYPE_RISK_DECISION, d.timeMs, d.signalId, d.orderId, 'risk-decision');
  w.begin(2)
    .stringField(1, d.orderId).stringField(2, d.signalId).stringField(3, d.account).stringField(4, d.instrument).boolField(5, d.approved)
    .stringField(6, d.reason ?? '').optionalDoubleField(7, put(d.limit)).optionalDoubleField(8, put(d.value)).uintField(9, sideOut(d.side))
    .int64Field(10, d.units).doubleField(11, d.timeMs).doubleField(12, d.bid).doubleField(13, d.ask).stringField(14, d.limitsJson)
    .end();
  return { subject: riskSubject(d.account), data: w.finish(), msgId: `${d.orderId}:risk` };
}

export function readRiskDecision(data: Uint8Array): RiskDecisionFields & { eventId: string } {
  let e;
  try {
    e = decodeRiskDecisionEvent(data);
  } catch (err) {
    throw malformed('risk decision', (err as Error).message);
  }
  const d = e.riskDecision;
  const side = sideIn(d?.side);
  if (!d || !d.orderId || !d.account || !d.instrument || side === null) throw malformed('risk decision', 'no order id, account, instrument or side');
  return {
    eventId: e.envelope?.eventId ?? '',
    orderId: d.orderId, signalId: d.signalId ?? '', account: d.account, instrument: d.instrument, approved: d.approved === true,
    reason: d.reason || null, limit: opt(d.limit), value: opt(d.value), side, units: Number(d.units ?? 0), timeMs: d.timeMs ?? NaN,
    bid: d.bid ?? 0, ask: d.ask ?? 0, limitsJson: d.limitsJson ?? '',
  };
}

/** `notifications.events.<account>`, msgId = the notification id. */
export function notificationMessage(n: NotificationFields): JournalMessage {
  const data = encodeNotificationEvent({
    envelope: makeEnvelope(EventType.EVENT_TYPE_NOTIFICATION, {
      eventId: n.id, correlationId: n.signal_id, causationId: n.signal_id, sourceTsUs: Math.round(n.time_ms * 1000),
    }),
    notification: {
      id: n.id, kind: n.kind, account: n.account, instrument: n.instrument, message: n.message, timeMs: n.time_ms,
      signalId: n.signal_id, workflowId: n.workflow_id, workflowVersion: n.workflow_version, nodeId: n.node_id, price: n.price,
      bid: n.bid, ask: n.ask,
    },
  });
  return { subject: Subjects.notifications(n.account), data, msgId: n.id };
}

export function readNotification(data: Uint8Array): NotificationFields {
  let e;
  try {
    e = decodeNotificationEvent(data);
  } catch (err) {
    throw malformed('notification', (err as Error).message);
  }
  const n = e.notification;
  if (!n || !n.id || !n.account) throw malformed('notification', 'no id or account');
  return {
    id: n.id, kind: n.kind ?? '', account: n.account, instrument: n.instrument ?? '', message: n.message ?? '', time_ms: n.timeMs ?? NaN,
    signal_id: n.signalId ?? '', workflow_id: n.workflowId ?? '', workflow_version: n.workflowVersion ?? 0, node_id: n.nodeId ?? '',
    price: n.price ?? 0, bid: n.bid ?? 0, ask: n.ask ?? 0,
  };
}

/** An account's position in one instrument after the fill `orderId`. */
export interface PositionFields {
  account: string;
  instrument: string;
  orderId: string;
  units: number;
  avgPrice: number;
  realized: number;
  timeMs: number;
}

/** An account's figures marked to market at tick time `timeMs`. */
export interface PnlFields {
  account: string;
  timeMs: number;
  balance: number;
  realized: number;
  unrealized: number;
  equity: number;
  equityPeak: number;
  drawdownPct: number;
  dailyPnl: number;
  dayStartMs: number;
}

/** One hot-path stage's latency over [startMs, endMs) (wall clock), in microseconds. */
export interface LatencyFields {
  nodeId: string;
  stage: string;
  startMs: number;
  endMs: number;
  count: number;
  p50Us: number;
  p99Us: number;
  p999Us: number;
  maxUs: number;
}

/** `portfolio.positions.<account>`, msgId `<orderId>:position` (one position change per fill). */
export function positionMessage(p: PositionFields): JournalMessage {
  const w = envelope(EventType.EVENT_TYPE_POSITION_UPDATE, p.timeMs, p.orderId, p.orderId, 'position');
  w.begin(2)
    .stringField(1, p.account).stringField(2, p.instrument).stringField(3, p.orderId).int64Field(4, p.units).doubleField(5, p.avgPrice)
    .doubleField(6, p.realized).doubleField(7, p.timeMs)
    .end();
  return { subject: positionsSubject(p.account), data: w.finish(), msgId: `${p.orderId}:position` };
}

export function readPosition(data: Uint8Array): PositionFields & { eventId: string } {
  let e;
  try {
    e = decodePositionUpdateEvent(data);
  } catch (err) {
    throw malformed('position update', (err as Error).message);
  }
  const p = e.positionUpdate;
  if (!p || !p.account || !p.instrument || !p.orderId) throw malformed('position update', 'no account, instrument or order id');
  return {
    eventId: e.envelope?.eventId ?? '', account: p.account, instrument: p.instrument, orderId: p.orderId, units: Number(p.units ?? 0),
    avgPrice: p.avgPrice ?? 0, realized: p.realized ?? 0, timeMs: p.timeMs ?? NaN,
  };
}

/** `portfolio.pnl.<account>`, msgId `<account>:<timeMs>`: a replay re-samples at the same tick times. */
export function pnlMessage(p: PnlFields): JournalMessage {
  const msgId = `${p.account}:${p.timeMs}`;
  const data = encodePnlSampleEvent({
    envelope: makeEnvelope(EventType.EVENT_TYPE_PNL_SAMPLE, {
      eventId: deterministicEventId(p.timeMs, 'pnl', msgId), sourceTsUs: Math.round(p.timeMs * 1000),
    }),
    pnlSample: { ...p },
  });
  return { subject: Subjects.pnl(p.account), data, msgId };
}

export function readPnl(data: Uint8Array): PnlFields & { eventId: string } {
  let e;
  try {
    e = decodePnlSampleEvent(data);
  } catch (err) {
    throw malformed('P&L sample', (err as Error).message);
  }
  const p = e.pnlSample;
  if (!p || !p.account) throw malformed('P&L sample', 'no account');
  return {
    eventId: e.envelope?.eventId ?? '', account: p.account, timeMs: p.timeMs ?? NaN, balance: p.balance ?? 0, realized: p.realized ?? 0,
    unrealized: p.unrealized ?? 0, equity: p.equity ?? 0, equityPeak: p.equityPeak ?? 0, drawdownPct: p.drawdownPct ?? 0,
    dailyPnl: p.dailyPnl ?? 0, dayStartMs: p.dayStartMs ?? NaN,
  };
}

/** `metrics.latency.<node>`, msgId `<node>:<stage>:<endMs>`. */
export function latencyMessage(l: LatencyFields): JournalMessage {
  const msgId = `${l.nodeId}:${l.stage}:${l.endMs}`;
  const data = encodeLatencySampleEvent({
    envelope: makeEnvelope(EventType.EVENT_TYPE_LATENCY_SAMPLE, { eventId: deterministicEventId(l.endMs, 'latency', msgId) }),
    latencySample: { ...l },
  });
  return { subject: Subjects.latency(l.nodeId), data, msgId };
}

export function readLatency(data: Uint8Array): LatencyFields & { eventId: string } {
  let e;
  try {
    e = decodeLatencySampleEvent(data);
  } catch (err) {
    throw malformed('latency sample', (err as Error).message);
  }
  const l = e.latencySample;
  if (!l || !l.nodeId || !l.stage) throw malformed('latency sample', 'no node id or stage');
  return {
    eventId: e.envelope?.eventId ?? '', nodeId: l.nodeId, stage: l.stage, startMs: l.startMs ?? NaN, endMs: l.endMs ?? NaN,
    count: Number(l.count ?? 0), p50Us: l.p50Us ?? 0, p99Us: l.p99Us ?? 0, p999Us: l.p999Us ?? 0, maxUs: l.maxUs ?? 0,
  };
}
