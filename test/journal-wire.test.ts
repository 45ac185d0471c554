/**
 * The trade journal's messages are written by ProtoWriter (engine/events/proto-writer.ts), not protobufjs:
 * for any fields, the bytes must be exactly what the generated protobufjs encoder writes for the same
 * message, and read back to the same fields.
 */
import fc from 'fast-check';
import t from 'tap';
import {
  decodeOrderUpdateEvent, derivedEventId, encodeOrderUpdateEvent, encodePositionUpdateEvent, encodeRiskDecisionEvent, type Envelope,
  EventType, OrderState, SCHEMA_VERSION, Side,
} from '../engine/events/mod.ts';
import {
  type OrderUpdateFields, orderUpdateMessage, type PositionFields, positionMessage, readOrderUpdate, readPosition, readRiskDecision,
  type RiskDecisionFields, riskDecisionMessage,
} from '../engine/events/trade.ts';
import { ProtoWriter } from '../engine/events/proto-writer.ts';

const put = (x: number | null): number | undefined => (x === null || !Number.isFinite(x) ? undefined : x);
// Well-formed text (lone surrogates are written differently by protobufjs's short-string path and Buffer's).
const text = fc.oneof(fc.constantFrom('', 'EUR_USD', 'acct-1'), fc.string(), fc.string({ unit: 'grapheme', maxLength: 200 }));
const id = fc.oneof(fc.uuid({ version: 7 }), fc.string({ minLength: 1 }));
const num = fc.oneof(fc.constant(null), fc.double(), fc.constantFrom(0, -0, 1.38501));
const dbl = fc.oneof(fc.double(), fc.constantFrom(0, -0, 1.1));
const units = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 40, -(2 ** 40), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
const time = fc.oneof(fc.integer({ min: 0, max: 2 ** 47 }), fc.double({ min: 0, max: 2 ** 47, noNaN: true }), fc.constant(0));
const side = fc.constantFrom('buy' as const, 'sell' as const);
const STATES = ['PENDING_CONFIRMATION', 'CONFIRMED', 'EXPIRED', 'REJECTED_BY_USER', 'RISK_REJECTED', 'SUBMITTED', 'FILLED', 'REJECTED', 'CANCELLED'] as const;
const sideOf = (s: 'buy' | 'sell' | null) => (s === 'buy' ? Side.SIDE_BUY : s === 'sell' ? Side.SIDE_SELL : Side.SIDE_UNSPECIFIED);

/** The envelope as protobufjs would have been given it (the ingest time read back from our bytes: it is the wall clock). */
function envelope(type: EventType, timeMs: number, signalId: string, orderId: string, salt: string, ingestTsUs: number): Envelope {
  const eventId = derivedEventId(orderId, timeMs, salt);
  return { schemaVersion: SCHEMA_VERSION, type, eventId, correlationId: signalId || eventId, causationId: signalId, sourceTsUs: Math.round(timeMs * 1000), ingestTsUs };
}

const ingestOf = (data: Uint8Array) => Number(decodeOrderUpdateEvent(data).envelope!.ingestTsUs);

t.test('order updates: the bytes protobufjs writes, and the fields read back', async (t) => {
  const fields = fc.record({
    orderId: id, signalId: fc.oneof(id, fc.constant('')), account: text, instrument: text, state: fc.constantFrom(...STATES),
    side: fc.oneof(side, fc.constant(null)), units, timeMs: time, broker: text, price: num, reason: fc.oneof(text, fc.constant(null)),
    riskLimit: num, riskValue: num, stopLossPrice: num, takeProfitPrice: num, slippagePips: num, bid: dbl, ask: dbl, expiresMs: num,
    workflowId: text, workflowVersion: fc.nat({ max: 2 ** 32 - 1 }), stopLossPips: num, takeProfitPips: num,
    brokerTransactionId: fc.oneof(fc.stringMatching(/^[1-9][0-9]{0,9}$/), fc.constant(null)),
  });
  fc.assert(fc.property(fields, (u: OrderUpdateFields) => {
    const m = orderUpdateMessage(u);
    const reference = encodeOrderUpdateEvent({
      envelope: envelope(EventType.EVENT_TYPE_ORDER_UPDATE, u.timeMs, u.signalId, u.orderId, `order-update:${u.state}`, ingestOf(m.data)),
      orderUpdate: {
        orderId: u.orderId, signalId: u.signalId, account: u.account, instrument: u.instrument, state: OrderState[`ORDER_STATE_${u.state}`],
        side: sideOf(u.side), units: u.units, timeMs: u.timeMs, broker: u.broker, price: put(u.price), reason: u.reason ?? '',
        riskLimit: put(u.riskLimit), riskValue: put(u.riskValue), stopLossPrice: put(u.stopLossPrice), takeProfitPrice: put(u.takeProfitPrice),
        slippagePips: put(u.slippagePips), bid: u.bid, ask: u.ask, expiresMs: put(u.expiresMs), workflowId: u.workflowId,
        workflowVersion: u.workflowVersion, stopLossPips: put(u.stopLossPips), takeProfitPips: put(u.takeProfitPips),
        brokerTransactionId: u.brokerTransactionId ?? '',
      },
    });
    t.same(Buffer.from(m.data).toString('hex'), Buffer.from(reference).toString('hex'));
    t.equal(m.msgId, `${u.orderId}:${u.state}`);
    if (u.orderId !== '' && u.account !== '' && u.instrument !== '') {
      t.match(readOrderUpdate(m.data), { orderId: u.orderId, signalId: u.signalId, account: u.account, state: u.state, units: u.units,
        brokerTransactionId: u.brokerTransactionId });
    }
  }), { numRuns: 300 });
});

t.test('risk decisions: the bytes protobufjs writes', async (t) => {
  const fields = fc.record({
    orderId: id, signalId: id, account: text, instrument: text, approved: fc.boolean(), reason: fc.oneof(text, fc.constant(null)),
    limit: num, value: num, side, units, timeMs: time, bid: dbl, ask: dbl, limitsJson: fc.oneof(fc.json(), fc.constant('')),
  });
  fc.assert(fc.property(fields, (d: RiskDecisionFields) => {
    const m = riskDecisionMessage(d);
    const reference = encodeRiskDecisionEvent({
      envelope: envelope(EventType.EVENT_TYPE_RISK_DECISION, d.timeMs, d.signalId, d.orderId, 'risk-decision', ingestOf(m.data)),
      riskDecision: {
        orderId: d.orderId, signalId: d.signalId, account: d.account, instrument: d.instrument, approved: d.approved, reason: d.reason ?? '',
        limit: put(d.limit), value: put(d.value), side: sideOf(d.side), units: d.units, timeMs: d.timeMs, bid: d.bid, ask: d.ask,
        limitsJson: d.limitsJson,
      },
    });
    t.same(Buffer.from(m.data).toString('hex'), Buffer.from(reference).toString('hex'));
    if (d.orderId !== '' && d.account !== '' && d.instrument !== '') t.match(readRiskDecision(m.data), { orderId: d.orderId, approved: d.approved });
  }), { numRuns: 300 });
});

t.test('position updates: the bytes protobufjs writes', async (t) => {
  const fields = fc.record({ account: text, instrument: text, orderId: id, units, avgPrice: dbl, realized: dbl, timeMs: time });
  fc.assert(fc.property(fields, (p: PositionFields) => {
    const m = positionMessage(p);
    const reference = encodePositionUpdateEvent({
      envelope: envelope(EventType.EVENT_TYPE_POSITION_UPDATE, p.timeMs, p.orderId, p.orderId, 'position', ingestOf(m.data)),
      positionUpdate: { account: p.account, instrument: p.instrument, orderId: p.orderId, units: p.units, avgPrice: p.avgPrice, realized: p.realized, timeMs: p.timeMs },
    });
    t.same(Buffer.from(m.data).toString('hex'), Buffer.from(reference).toString('hex'));
    if (p.account !== '' && p.instrument !== '') t.match(readPosition(m.data), { account: p.account, units: p.units });
  }), { numRuns: 300 });
});

t.test('a nested message longer than 127 bytes gets its longer length in front of it; the writer grows past its buffer', async (t) => {
  const w = new ProtoWriter();
  for (const n of [0, 1, 126, 127, 128, 16383, 16384, 70_000]) {
    const s = 'x'.repeat(n);
    const out = w.reset().begin(1).stringField(3, s).end().finish();
    const reference = encodePositionUpdateEvent({ envelope: { eventId: s } });
    t.same(Buffer.from(out).toString('hex'), Buffer.from(reference).toString('hex'), `a ${n}-character string`);
  }
});

t.test('messages written across many slabs: each one as protobufjs writes it, none overwritten by the ones after it', async (t) => {
  const w = new ProtoWriter();
  const sizes = fc.sample(fc.oneof(fc.nat({ max: 300 }), fc.integer({ min: 16_000, max: 70_000 })), { numRuns: 400, seed: 7 });
  const outs = sizes.map((n, i) => {
    // A message left unfinished is dropped by the next reset().
    if (i % 7 === 0) w.reset().begin(1).stringField(3, 'abandoned'.repeat(n % 50));
    return w.reset().begin(1).uintField(2, i).stringField(3, String.fromCharCode(97 + (i % 26)).repeat(n)).end().finish();
  });
  let wrong = 0;
  sizes.forEach((n, i) => {
    const reference = encodePositionUpdateEvent({ envelope: { eventId: String.fromCharCode(97 + (i % 26)).repeat(n), type: i } });
    if (Buffer.compare(Buffer.from(outs[i]!), Buffer.from(reference)) !== 0) wrong++;
  });
  t.equal(wrong, 0, `${sizes.length} messages, ${Math.round(sizes.reduce((a, b) => a + b, 0) / 1024)} KiB`);
});

t.test('a message whose longer length no longer fits in its slab moves to a new one whole', async (t) => {
  const ref = (s: string) => Buffer.from(encodePositionUpdateEvent({ envelope: { eventId: s } }));
  // A fresh writer's slab is 64 KiB; a filler of k characters takes k + 8 bytes. The 200-character probe takes
  // 205 bytes before its end() needs one more: with `room` bytes left, that byte lands on the slab's edge.
  for (let room = 195; room <= 215; room++) {
    const w = new ProtoWriter();
    const filler = 'f'.repeat(64 * 1024 - 8 - room);
    const a = w.reset().begin(1).stringField(3, filler).end().finish();
    const b = w.reset().begin(1).stringField(3, 'p'.repeat(200)).end().finish();
    t.ok(Buffer.compare(Buffer.from(a), ref(filler)) === 0 && Buffer.compare(Buffer.from(b), ref('p'.repeat(200))) === 0, `${room} bytes left`);
  }
});
