/**
 * The execution actor against real Redis and the embedded bus: one order per signal id under
 * duplicates, concurrent actors and restarts; broker and risk rejections journaled with reasons.
 */
import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import t from 'tap';
import type { Test } from 'tap';
import {
  type ExecutionActor, type ExecutionActorOptions, type LifecycleEvent, orderKey, orderSignalFromEngine, startExecutionActor,
} from '../actors/execution/execution-actor.ts';
import { type Broker, orderIdFor, type OrderOutcome, type OrderRequest, PaperBroker } from '../actors/execution/mod.ts';
import { decodeRecord, type OrderSignal } from '../actors/execution/order-record.ts';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import { PipstreamError } from '../engine/errors/mod.ts';
import { readDeadLetter } from '../engine/events/dead-letter.ts';
import { deterministicEventId, encodeSignalEvent, EventType, Side, SignalMode, wallMs } from '../engine/events/mod.ts';
import { readOrderUpdate, readRiskDecision, type RiskDecisionFields } from '../engine/events/trade.ts';
import { readRiskState } from '../engine/risk/mod.ts';
import { connectRedis, type Redis } from '../engine/store/mod.ts';
import { Streams, Subjects } from '../engine/switchboard/mod.ts';
import { natsUrl, probes, redisUrl, requireService } from './helpers/services.ts';

const BASE_MS = Date.UTC(2014, 4, 5, 10);
const INSTRUMENT = 'EUR_USD';

/** Records every submit; `fail(n)` decides per call (1-based) whether to crash before or after the real broker. */
class CountingBroker implements Broker {
  readonly name = 'paper';
  readonly calls: OrderRequest[] = [];
  constructor(readonly inner: Broker, private readonly fail: (n: number) => 'before' | 'after' | null = () => null) {}
  async submit(order: OrderRequest): Promise<OrderOutcome> {
    this.calls.push(order);
    const mode = this.fail(this.calls.length);
    if (mode === 'before') throw new Error('connection reset before the broker answered');
    const out = await this.inner.submit(order);
    if (mode === 'after') throw new Error('connection reset after the broker filled');
    return out;
  }
}

interface Fixture {
  tag: string; account: string; bus: Bus; redis: Redis; events: LifecycleEvent[]; decisions: RiskDecisionFields[]; actors: ExecutionActor[];
  /** Signal ids made for this test (their Redis records are deleted with it). */
  ids: Set<string>;
}

async function fixture(t: Test, kind: 'embedded' | 'jetstream' = 'embedded'): Promise<Fixture | null> {
  if (!(await requireService(t, 'redis', probes.redis))) return null;
  if (kind === 'jetstream' && !(await requireService(t, 'nats', probes.nats))) return null;
  const tag = randomBytes(4).toString('hex');
  const bus = await connectBus(kind === 'embedded' ? { kind } : { kind, url: natsUrl() });
  await bus.ensureStreams();
  const redis = await connectRedis(redisUrl());
  const f: Fixture = { tag, account: `ex${tag}`, bus, redis, events: [], decisions: [], actors: [], ids: new Set() };
  await bus.consume('ORDERS', Subjects.orders(f.account), (m) => { f.events.push(readOrderUpdate(m.data) as LifecycleEvent); });
  await bus.consume('RISK', Subjects.riskDecisions(f.account), (m) => { f.decisions.push(readRiskDecision(m.data)); });
  t.teardown(async () => {
    for (const a of f.actors) await a.stop();
    // The ids this test made (KEYS would block a Redis that holds many orders for every other client).
    if (f.ids.size > 0) await redis.del(...[...f.ids].map((id) => `pipstream:order:${id}`));
    if (bus.nats !== null) {
      const jsm = await jetstreamManager(bus.nats);
      for await (const ci of jsm.consumers.list(Streams.SIGNALS.name)) {
        if (ci.name.includes(tag)) await jsm.consumers.delete(Streams.SIGNALS.name, ci.name).catch(() => undefined);
      }
      await jsm.streams.purge(Streams.SIGNALS.name, { filter: Subjects.signals(f.account) }).catch(() => undefined);
      await jsm.streams.purge(Streams.ORDERS.name, { filter: Subjects.orders(f.account) }).catch(() => undefined);
      await jsm.streams.purge(Streams.RISK.name, { filter: Subjects.riskDecisions(f.account) }).catch(() => undefined);
    }
    await bus.close();
    await redis.quit();
  });
  return f;
}

/** The in-memory order of signal `s` (what execute() takes): a 1,000-unit buy at 1.1 / 1.1001, no stop-loss or take-profit. */
function orderOf(f: Fixture, s: { id: string; timeMs: number }, over: Partial<OrderSignal> = {}): OrderSignal {
  return {
    id: s.id, account: f.account, instrument: INSTRUMENT, side: 'buy', units: 1000, timeMs: s.timeMs, bid: 1.1, ask: 1.1001, stopLossPips: null,
    takeProfitPips: null, workflowId: 'wf', workflowVersion: 1, ...over,
  };
}

/** Signal ids carry the tag, so the teardown finds their Redis keys. */
/** `madeAtMs`: the envelope's ingest time (wall clock), default the tick time. */
function signal(f: Fixture, i: number, over: { units?: number; bid?: number; ask?: number; madeAtMs?: number; timeMs?: number; expiryS?: number } = {}):
  { id: string; data: Uint8Array; timeMs: number } {
  const timeMs = over.timeMs ?? BASE_MS + i * 1000;
  const id = `${deterministicEventId(timeMs, f.tag, 'signal', i)}-${f.tag}`;
  f.ids.add(id);
  const data = encodeSignalEvent({
    envelope: { schemaVersion: 1, type: EventType.EVENT_TYPE_SIGNAL, eventId: id, correlationId: id, sourceTsUs: timeMs * 1000, ingestTsUs: Math.round((over.madeAtMs ?? timeMs) * 1000) },
    signal: {
      id, account: f.account, workflowId: 'wf', workflowVersion: 1, nodeId: 'act', triggerNodeId: 'trg', instrument: INSTRUMENT,
      mode: SignalMode.SIGNAL_AUTO_EXECUTE, timeMs, price: 1.1, bid: over.bid ?? 1.1, ask: over.ask ?? 1.1001, side: Side.SIDE_BUY,
      units: over.units ?? 1000, stopLossPips: 20, tickSeq: i, expiryS: over.expiryS,
    },
  });
  return { id, data, timeMs };
}

async function start(f: Fixture, broker: Broker, o: Partial<ExecutionActorOptions> = {}): Promise<ExecutionActor> {
  const a = await startExecutionActor({ bus: f.bus, redis: f.redis, broker, accounts: [f.account], durable: `ex_${f.tag}`, ...o });
  f.actors.push(a);
  return a;
}

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const states = (f: Fixture) => f.events.map((e) => e.state);

t.test('the same signal 20 times, seen by two actors: one submission, one FILLED', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  const a = await start(f, broker);
  const b = await start(f, broker, { durable: `ex_${f.tag}_other` });
  const s = signal(f, 1);
  // No msgId: all 20 copies are stored, so the dedupe under test is the actor's, not JetStream's.
  for (let i = 0; i < 20; i++) await f.bus.publish(Subjects.signals(f.account), s.data);
  await until('40 acks', () => a.stats().acked + b.stats().acked === 40);
  t.equal(broker.calls.length, 1, 'one broker submission');
  t.equal(broker.calls[0]!.id, orderIdFor(s.id, s.timeMs), 'order id derived from the signal id');
  t.same(states(f), ['SUBMITTED', 'FILLED']);
  t.equal(a.stats().duplicates + b.stats().duplicates, 39);
  const fill = f.events[1]!;
  t.match(fill, { orderId: broker.calls[0]!.id, signalId: s.id, price: 1.1001, reason: null, timeMs: s.timeMs, workflowId: 'wf', workflowVersion: 1 });
  t.equal(fill.stopLossPrice, 1.0981);
  t.equal(f.decisions.length, 1, 'one risk decision journaled');
  t.match(f.decisions[0], { orderId: fill.orderId, approved: true, reason: null, limitsJson: '' }, 'approved (the account has no limits)');
  const again = await a.execute(orderOf(f, s, { stopLossPips: 20 }));
  t.match(again, { duplicate: true, state: 'FILLED', orderId: fill.orderId }, 'a duplicate returns the original outcome');
  const ttl = await f.redis.pttl(orderKey(s.id));
  t.ok(ttl > 23 * 3600_000 && ttl <= 24 * 3600_000, `record lives 24 h (pttl ${ttl})`);
});

t.test('concurrent execute() calls of one signal submit once', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  const a = await start(f, broker);
  const s = signal(f, 2);
  const req = orderOf(f, s);
  const results = await Promise.all(Array.from({ length: 10 }, () => a.execute(req)));
  t.equal(broker.calls.length, 1);
  t.equal(results.filter((r) => !r.duplicate).length, 1, 'one execution, nine duplicates');
  t.ok(results.every((r) => r.state === 'FILLED'));
});

t.test('a signal executed in memory that comes back through the consumer (the recovery path) is acked as a duplicate without a Redis read', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  const a = await start(f, broker);
  const s = signal(f, 5);
  const r = await a.execute(orderOf(f, s));
  t.match(r, { state: 'FILLED', duplicate: false });
  // Without its record, a Redis lookup would decide the signal afresh: only the actor's memory of settling it stops a second order.
  await f.redis.del(orderKey(s.id));
  await f.bus.publish(Subjects.signals(f.account), s.data);
  await until('the ack', () => a.stats().acked === 1);
  t.equal(broker.calls.length, 1, 'one broker submission');
  t.equal(a.stats().duplicates, 1);
  t.equal(await f.redis.exists(orderKey(s.id)), 0, 'nothing was written either');
});

t.test('a burst of 700 signals in one callback (several waves), each id twice, through the synchronous paper broker: one fill each', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const paper = new PaperBroker();
  let submits = 0;
  // fill() is the broker's synchronous answer (what the wave uses); submit() must not be called beside it.
  const broker: Broker = { name: 'paper', fill: (o) => { submits++; return paper.fill(o); }, submit: () => Promise.reject(new Error('submit called')) };
  const settled: string[] = [];
  const a = await start(f, broker, {
    risk: { limits: { max_position_units: 10_000_000, max_open_trades: 10_000 }, instruments: [INSTRUMENT] },
    onSettled: (sig) => { settled.push(sig.id); },
  });
  const reqs = Array.from({ length: 700 }, (_, i) => {
    const s = signal(f, 100 + i);
    return orderOf(f, s, { side: i % 3 === 0 ? 'sell' : 'buy', units: 1000 + i });
  });
  const results = await Promise.all([...reqs, ...reqs].map((r) => a.execute(r)));
  t.equal(submits, 700, 'one broker fill per signal id');
  t.equal(results.filter((r) => !r.duplicate).length, 700, 'the second copy of each is a duplicate');
  t.ok(results.every((r) => r.state === 'FILLED'));
  t.equal(new Set(settled).size, 700, 'every order settled once');
  t.equal(settled.length, 700);
  await until('journal', () => f.events.length === 1400 && f.decisions.length === 700);
  const net = reqs.reduce((n, r) => n + (r.side === 'buy' ? r.units : -r.units), 0);
  const risk = readRiskState(a.riskOf(f.account)!);
  t.equal(risk.instruments[0]!.position, net, 'the risk budget holds the net of the fills');
  t.equal(risk.openTrades, 700);
  for (const r of reqs.slice(0, 5)) {
    const raw = await f.redis.get(orderKey(r.id));
    const { rec } = decodeRecord(raw!, orderKey(r.id), r);
    t.match(rec, { state: 'FILLED', journaled: true, outcome: { id: rec.orderId, signalId: r.id, units: r.units, status: 'filled' } },
      'the record is settled and journaled');
  }
});

t.test('Redis failing at the claim: the order fails with the error and its risk reservation is released', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broken = await connectRedis(redisUrl());
  const broker = new CountingBroker(new PaperBroker());
  const a = await startExecutionActor({ bus: f.bus, redis: broken, broker, consume: false,
    risk: { limits: { max_position_units: 5000, max_open_trades: 3 }, instruments: [INSTRUMENT] } });
  broken.disconnect();
  const s = signal(f, 7);
  const req = orderOf(f, s);
  await t.rejects(a.execute(req), /closed/i);
  t.equal(broker.calls.length, 0, 'nothing submitted');
  const risk = readRiskState(a.riskOf(f.account)!);
  t.equal(risk.openTrades, 0, 'open-trade slot released');
  t.match(risk.instruments[0], { position: 0, longBound: 0, shortBound: 0 }, 'position budget released');
  await a.stop();
});

t.test('restart after the claim, before the broker call: the next actor takes the order over once the lease runs out and submits once', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const s = signal(f, 3);
  const orderId = orderIdFor(s.id, s.timeMs);
  // What a crashed actor leaves behind: its claim (risk approved, SUBMITTED), no broker call, the signal unacked;
  // written as a build before record version 4 wrote it (JSON), so an upgraded actor takes such claims over too.
  const dead = {
    v: 3, orderId, state: 'SUBMITTED', owner: 'dead-actor', atMs: Date.now(), outcome: null, journaled: false,
    risk: { approved: true, reason: null, limit: null, value: null, limitsJson: '' },
  };
  await f.redis.set(orderKey(s.id), `dead-actor.0|${JSON.stringify(dead)}`, 'PX', 60_000);
  const broker = new CountingBroker(new PaperBroker());
  const a = await start(f, broker, { claimLeaseMs: 300, risk: { limits: { max_open_trades: 5 }, instruments: [INSTRUMENT] } });
  await f.bus.publish(Subjects.signals(f.account), s.data);
  await new Promise((r) => setTimeout(r, 100));
  t.equal(broker.calls.length, 0, 'waits while the lease runs');
  await until('takeover', () => a.stats().acked === 1);
  t.equal(broker.calls.length, 1);
  t.same(states(f), ['SUBMITTED', 'FILLED']);
  t.match(f.decisions, [{ approved: true }], 'the decision the dead actor made is journaled');
  t.equal(readRiskState(a.riskOf(f.account)!).openTrades, 0, 'the budget of the actor that decided went with it (reconciliation restores it)');
});

for (const when of ['before', 'after'] as const) {
  t.test(`restart after SUBMITTED, broker call lost ${when} the broker filled: exactly one order`, async (t) => {
    const f = await fixture(t);
    if (!f) return;
    const paper = new PaperBroker();
    const inner = new CountingBroker(paper);
    const crashing = new CountingBroker(inner, () => when);
    const errors: string[] = [];
    const a = await start(f, crashing, { claimLeaseMs: 200, onError: (e) => errors.push(e.code) });
    const s = signal(f, 4);
    await f.bus.publish(Subjects.signals(f.account), s.data);
    await until('the failed attempt', () => a.stats().failed === 1);
    t.same(errors, ['PS_BROKER_UNAVAILABLE']);
    t.same(states(f), ['SUBMITTED'], 'nothing settled, signal not acked');
    await a.stop();
    const b = await start(f, inner, { claimLeaseMs: 200 });
    await until('redelivery settles', () => b.stats().acked === 1);
    t.same(states(f), ['SUBMITTED', 'FILLED'], 'SUBMITTED journaled once (msgId dedupe), one FILLED');
    t.same([...new Set(inner.calls.map((c) => c.id))], [orderIdFor(s.id, s.timeMs)], 'one order id ever reached the broker');
    t.equal(inner.calls.length, when === 'before' ? 1 : 2, 'a resubmission carries the same client id');
    t.equal(f.events[1]!.price, 1.1001);
  });
}

t.test('a paper broker rejection (crossed quote at fill time): REJECTED journaled, risk released', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  // The signal's quote passes risk; the quote 50 ms later, where the paper broker fills, is crossed.
  const paper = new PaperBroker({ latency: { kind: 'fixed', ms: 50 }, prices: {
    quoteAtOrAfter(_i, timeMs, out) { out.timeMs = timeMs; out.bid = 1.1002; out.ask = 1.1; return true; },
  } });
  const broker = new CountingBroker(paper);
  const a = await start(f, broker, { risk: { limits: { max_position_units: 5000, max_open_trades: 3 }, instruments: [INSTRUMENT] } });
  const s = signal(f, 5);
  await f.bus.publish(Subjects.signals(f.account), s.data);
  await until('ack', () => a.stats().acked === 1);
  t.same(states(f), ['SUBMITTED', 'REJECTED']);
  t.match(f.events[1], { reason: 'CROSSED_QUOTE', price: null, timeMs: s.timeMs + 50 });
  t.match(f.decisions, [{ approved: true, limitsJson: JSON.stringify({ max_position_units: 5000, max_open_trades: 3 }) }],
    'approved by risk, with the limits in force');
  const risk = readRiskState(a.riskOf(f.account)!);
  t.equal(risk.openTrades, 0, 'open-trade slot released');
  t.match(risk.instruments[0], { position: 0, longBound: 0, shortBound: 0 }, 'position budget released');
});

t.test('a risk rejection: RISK_REJECTED with the reason, limit and value; no submission; duplicates get the same', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  const a = await start(f, broker, { risk: { limits: { max_order_units: 100 }, instruments: [INSTRUMENT] } });
  const s = signal(f, 6, { units: 1000 });
  await f.bus.publish(Subjects.signals(f.account), s.data);
  await f.bus.publish(Subjects.signals(f.account), s.data);
  await until('acks', () => a.stats().acked === 2);
  t.equal(broker.calls.length, 0);
  t.same(states(f), ['RISK_REJECTED']);
  t.match(f.events[0], { reason: 'MAX_ORDER_UNITS', riskLimit: 100, riskValue: 1000 });
  t.match(f.decisions, [{ approved: false, reason: 'MAX_ORDER_UNITS', limit: 100, value: 1000, units: 1000, side: 'buy' }],
    'one RISK_REJECTED decision with the limit and value (the duplicate journals nothing new)');
  t.equal(a.stats().duplicates, 1);
  t.equal(readRiskState(a.riskOf(f.account)!).openTrades, 0);
});

t.test('max_signal_age_ms: a signal that reaches execution too late is RISK_REJECTED SIGNAL_STALE with its age, before any budget is taken', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  const a = await start(f, broker, { risk: { limits: { max_signal_age_ms: 2000, max_open_trades: 10 }, instruments: [INSTRUMENT] } });

  // In memory (the node's hand-off): the age is from madeAtMs.
  const late = await a.execute(orderOf(f, signal(f, 20), { madeAtMs: wallMs() - 10_000 }));
  t.equal(late.state, 'RISK_REJECTED');
  t.match(late.events[0], { reason: 'SIGNAL_STALE', riskLimit: 2000 });
  const age = late.events[0]!.riskValue!;
  t.ok(age >= 10_000 && age < 12_000, `the age is journaled (${age} ms)`);
  t.equal(broker.calls.length, 0, 'nothing sent to the broker');
  t.equal(readRiskState(a.riskOf(f.account)!).openTrades, 0, 'no budget taken');
  t.equal((await a.execute(orderOf(f, signal(f, 21), { madeAtMs: wallMs() - 100 }))).state, 'FILLED', 'a fresh signal fills');
  t.equal((await a.execute(orderOf(f, signal(f, 23)))).state, 'FILLED', 'no madeAtMs (a confirmed or manual order): no age');

  // Through the consumer: the age is from the journal envelope's ingest time.
  const stale = signal(f, 24, { madeAtMs: wallMs() - 60_000 });
  const fresh = signal(f, 25, { madeAtMs: wallMs() });
  const before = f.events.length;
  await f.bus.publish(Subjects.signals(f.account), stale.data);
  await f.bus.publish(Subjects.signals(f.account), fresh.data);
  await until('both settled', () => f.events.length >= before + 3);
  const outcome = (id: string) => f.events.filter((e) => e.signalId === id).at(-1);
  t.match(outcome(stale.id), { state: 'RISK_REJECTED', reason: 'SIGNAL_STALE', riskLimit: 2000 });
  t.ok(outcome(stale.id)!.riskValue! >= 60_000, 'a minute old');
  t.match(outcome(fresh.id), { state: 'FILLED' });
  t.match(f.decisions.filter((d) => !d.approved), [{ reason: 'SIGNAL_STALE', limit: 2000 }, { reason: 'SIGNAL_STALE', limit: 2000 }],
    'both decisions journaled on RISK with the limit');
});

t.test('a time in force (expiry_s): an order decided after it is RISK_REJECTED ORDER_EXPIRED with its age, whatever the limits', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  // No limits for the account: the time in force is the order's own, not a risk limit.
  const a = await start(f, broker);
  const now = wallMs();

  const late = await a.execute(orderOf(f, signal(f, 40), { timeMs: now - 5000, timeInForceMs: 1000 }));
  t.equal(late.state, 'RISK_REJECTED');
  t.match(late.events[0], { reason: 'ORDER_EXPIRED', riskLimit: 1000 });
  t.ok(late.events[0]!.riskValue! >= 5000, `its age is journaled (${late.events[0]!.riskValue} ms)`);
  t.equal(broker.calls.length, 0, 'nothing sent to the broker');
  t.equal((await a.execute(orderOf(f, signal(f, 41), { timeMs: now - 500, timeInForceMs: 30_000 }))).state, 'FILLED', 'within it: filled');

  // Through the consumer: the signal's expiry_s, from its time_ms.
  const expired = signal(f, 42, { timeMs: now - 61_000, madeAtMs: now, expiryS: 60 });
  const current = signal(f, 43, { timeMs: now, madeAtMs: now, expiryS: 60 });
  const before = f.events.length;
  await f.bus.publish(Subjects.signals(f.account), expired.data);
  await f.bus.publish(Subjects.signals(f.account), current.data);
  await until('both settled', () => f.events.length >= before + 3);
  const outcome = (id: string) => f.events.filter((e) => e.signalId === id).at(-1);
  t.match(outcome(expired.id), { state: 'RISK_REJECTED', reason: 'ORDER_EXPIRED', riskLimit: 60_000 });
  t.match(outcome(current.id), { state: 'FILLED' });
  t.match(f.decisions.filter((d) => !d.approved), [{ reason: 'ORDER_EXPIRED', limit: 1000 }, { reason: 'ORDER_EXPIRED', limit: 60_000 }],
    'both refusals journaled on RISK with the time in force');
  t.equal(broker.calls.length, 2);

  const bad = orderSignalFromEngine({
    id: 'x', type: 'SIGNAL_AUTO_EXECUTE', instrument: INSTRUMENT, time_ms: now, workflow_id: 'manual', workflow_version: 0, node_id: 'n', trigger_node_id: 't',
    account: f.account, price: 1.1, bid: 1.1, ask: 1.1001, side: 'buy', units: 1000, stop_loss_pips: null, take_profit_pips: null, cooldown_s: null,
    expiry_s: -1, tick_seq: 1, tradeable: true, risk_check: null,
  });
  t.match(bad, { poison: /expiry_s -1/ }, 'a time in force that is not a positive number is a poison message');
});

t.test('alerts are acked without an order; an undecodable message goes to the dead letters', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  const errors: string[] = [];
  const a = await start(f, broker, { onError: (e) => errors.push(e.code) });
  const dlq: Uint8Array[] = [];
  await f.bus.consume('DEAD_LETTERS', Subjects.deadLetter(Subjects.signals(f.account)), (m) => { dlq.push(m.data); });
  await f.bus.publish(Subjects.signals(f.account), encodeSignalEvent({ signal: { id: `alert-${f.tag}`, account: f.account,
    instrument: INSTRUMENT, mode: SignalMode.SIGNAL_ALERT } }));
  await f.bus.publish(Subjects.signals(f.account), new Uint8Array([0xff, 0xff, 0xff]));
  await until('dead letter', () => dlq.length === 1);
  t.equal(a.stats().acked, 1);
  t.equal(broker.calls.length, 0);
  t.same(errors, ['PS_BAD_ARGUMENT']);
  t.same(f.events, []);
  const letter = readDeadLetter(dlq[0]!);
  t.match(letter, { subject: Subjects.signals(f.account), stream: 'SIGNALS', consumer: 'execution', error: { code: 'PS_BAD_ARGUMENT', message: /undecodable signal/ } },
    'the dead letter says where it came from and why');
  t.ok(letter.seq > 0, 'with its stream sequence');
  t.same([...letter.data], [0xff, 0xff, 0xff], 'and the message as it arrived');
});

t.test('the instrument actor\'s checks stand: its rejection is journaled as is, its pass is not re-checked here', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  // Limits here that the actor's verdicts contradict: what is journaled shows whose checks decided.
  const a = await start(f, broker, { risk: { limits: { max_order_units: 100 }, instruments: [INSTRUMENT] } });
  const rejected = signal(f, 30), passed = signal(f, 31);
  const r1 = await a.execute(orderOf(f, rejected, { instrumentRisk: { approved: false, reason: 'MAX_SPREAD', limit: 1, value: 1.5 } }));
  t.equal(r1.state, 'RISK_REJECTED');
  const r2 = await a.execute(orderOf(f, passed, { instrumentRisk: { approved: true, reason: null, limit: null, value: null } }));
  t.equal(r2.state, 'FILLED', 'passed in the actor (on the limits in force at its tick): only the account budget is reserved here');
  t.match(f.decisions, [{ approved: false, reason: 'MAX_SPREAD', limit: 1, value: 1.5 }, { approved: true }], 'both decisions journaled');
  t.equal(broker.calls.length, 1);
  const poison = orderSignalFromEngine({
    id: 'x', type: 'SIGNAL_AUTO_EXECUTE', instrument: INSTRUMENT, time_ms: BASE_MS, workflow_id: 'wf', workflow_version: 1, node_id: 'n', trigger_node_id: 't',
    account: f.account, price: 1.1, bid: 1.1, ask: 1.1001, side: 'buy', units: 1000, stop_loss_pips: null, take_profit_pips: null, cooldown_s: null,
    expiry_s: null, tick_seq: 1, tradeable: true, risk_check: { approved: false, reason: 'NO_SUCH_REASON' as never, limit: null, value: null },
  });
  t.match(poison, { poison: /without a known reason/ }, 'a rejection without a known reason is a poison message');
});

t.test('over NATS JetStream: 20 copies and two actors, one submission; a restarted actor on the same durable orders nothing more', async (t) => {
  const f = await fixture(t, 'jetstream');
  if (!f) return;
  const broker = new CountingBroker(new PaperBroker());
  const a = await start(f, broker);
  const b = await start(f, broker, { durable: `ex_${f.tag}_other` });
  const s = signal(f, 7);
  for (let i = 0; i < 20; i++) await f.bus.publish(Subjects.signals(f.account), s.data);
  await until('40 acks', () => a.stats().acked + b.stats().acked === 40, 10_000);
  t.equal(broker.calls.length, 1);
  await until('journal', () => f.events.length === 2);
  t.same(states(f), ['SUBMITTED', 'FILLED']);
  await a.stop();
  const c = await start(f, broker);
  await f.bus.publish(Subjects.signals(f.account), s.data);
  await until('ack after restart', () => c.stats().acked === 1, 10_000);
  t.equal(c.stats().duplicates, 1, 'only the new copy is delivered, and it is a duplicate');
  t.equal(broker.calls.length, 1);
  t.same(states(f), ['SUBMITTED', 'FILLED']);
});

t.test('an open breaker or a full bulkhead (nothing sent): REJECTED at once with the reason, risk released; an unknown outcome is retried', async (t) => {
  const f = await fixture(t);
  if (!f) return;
  const refusals = [
    new PipstreamError('PS_BROKER_UNAVAILABLE', 'circuit open', { reason: 'BROKER_UNAVAILABLE' }),
    new PipstreamError('PS_BROKER_BUSY', 'bulkhead full', { reason: 'BROKER_BUSY', sent: false }),
    new PipstreamError('PS_BROKER_UNAVAILABLE', 'circuit open after a POST that timed out', { reason: 'BROKER_UNAVAILABLE', outcomeUnknown: true }),
  ];
  let call = 0;
  const refusing: Broker = { name: 'oanda', submit: () => Promise.reject(refusals[call++]) };
  const errors: string[] = [];
  const a = await start(f, refusing, { risk: { limits: { max_open_trades: 3 }, instruments: [INSTRUMENT] }, onError: (e) => errors.push(e.code) });
  for (const [i, want] of [[20, 'BROKER_UNAVAILABLE'], [21, 'BROKER_BUSY']] as const) {
    const s = signal(f, i);
    const r = await a.execute(orderOf(f, s));
    t.match(r, { state: 'REJECTED', duplicate: false }, `${want}: rejected, not left for a retry`);
    t.equal(r.events.at(-1)!.reason, want);
  }
  t.equal(readRiskState(a.riskOf(f.account)!).openTrades, 0, 'the budget was released');
  const s = signal(f, 22);
  await t.rejects(a.execute(orderOf(f, s)), { code: 'PS_BROKER_UNAVAILABLE' },
  'an outcome that may have reached the broker is never settled as rejected');
  t.equal(readRiskState(a.riskOf(f.account)!).openTrades, 1, 'and its reservation is kept for the retry');
  t.same(errors, []);
});
