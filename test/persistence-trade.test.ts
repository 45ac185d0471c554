/**
 * The persistence actor's trade records against the real services: RISK, ORDERS, PORTFOLIO, NOTIFY and
 * METRICS journal messages (built with engine/events/trade.ts) on JetStream, rows in a throwaway schema.
 * Each test uses its own account and node subjects and durable names, and removes them afterwards.
 * PORTFOLIO is read by one consumer over both its subjects, and server 2.9 refuses a filter such as
 * `portfolio.*.<account>` that only overlaps them; so its durables here start at the sequence the fixture
 * began at, may see other tests' messages, and the checks count this account's rows only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AckPolicy, DeliverPolicy, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import t from 'tap';
import type { Test } from 'tap';
import { coveringSubject, startPersistence, verifyAuditLog, type PersistedStream, type PersistenceActor } from '../actors/persistence/mod.ts';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import { REPO_ROOT } from '../engine/config/mod.ts';
import { deterministicEventId } from '../engine/events/mod.ts';
import {
  latencyMessage, notificationMessage, orderUpdateMessage, pnlMessage, positionMessage, riskDecisionMessage,
  type JournalMessage, type OrderStateName, type OrderUpdateFields, type SideName,
} from '../engine/events/trade.ts';
import { applyMigrations, connectPostgres } from '../engine/store/mod.ts';
import type { Sql } from '../engine/store/mod.ts';
import { Streams, Subjects } from '../engine/switchboard/mod.ts';
import { databaseUrl, natsUrl, probes, requireService, throwawaySchema } from './helpers/services.ts';

const BASE_MS = Date.UTC(2014, 4, 5, 10);
const TRADE_STREAMS = ['ORDERS', 'RISK', 'PORTFOLIO', 'NOTIFY', 'METRICS'] as const satisfies readonly PersistedStream[];

interface Fixture {
  tag: string; schema: string; sql: Sql; bus: Bus; jsm: JetStreamManager; account: string; node: string; instruments: [string, string];
  /** PORTFOLIO's next sequence when the fixture was made. */
  portfolioFrom: number;
  /** What the actors reported through onError. */
  errors: string[];
}

async function fixture(t: Test, admin: Sql): Promise<Fixture> {
  const tag = randomBytes(4).toString('hex');
  const { schema, sql } = await throwawaySchema(t, admin, { max: 4 });
  await applyMigrations(sql);
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), timeoutMs: 5000 });
  await bus.ensureStreams();
  const jsm = await jetstreamManager(bus.nats!);
  const portfolioFrom = (await bus.streamInfo('PORTFOLIO')).lastSeq + 1;
  const f: Fixture = { tag, schema, sql, bus, jsm, account: `tr${tag}`, node: `node${tag}`, instruments: ['EUR_USD', 'USD_JPY'], portfolioFrom, errors: [] };
  t.teardown(async () => {
    for (const stream of TRADE_STREAMS) {
      for await (const ci of jsm.consumers.list(Streams[stream].name)) {
        if (ci.name.includes(tag)) await jsm.consumers.delete(Streams[stream].name, ci.name).catch(() => undefined);
      }
      for (const filter of subjects(f)[stream]) await jsm.streams.purge(Streams[stream].name, { filter }).catch(() => undefined);
    }
    await bus.close();
  });
  return f;
}

/** This fixture's filter per stream; PORTFOLIO keeps its default (see above). */
const filters = (f: Fixture): Partial<Record<PersistedStream, string>> => ({
  ORDERS: Subjects.orders(f.account), RISK: Subjects.riskDecisions(f.account), NOTIFY: Subjects.notifications(f.account),
  METRICS: Subjects.latency(f.node),
});

/** Creates the PORTFOLIO durable `name` (unless it exists) starting at the fixture's first sequence. */
async function portfolioDurable(f: Fixture, name: string, ack: { ackWaitMs: number; maxAckPending: number } = { ackWaitMs: 30_000, maxAckPending: 20_000 }) {
  if (await f.jsm.consumers.info(Streams.PORTFOLIO.name, name).then(() => true, () => false)) return;
  await f.jsm.consumers.add(Streams.PORTFOLIO.name, {
    durable_name: name, filter_subject: coveringSubject(Streams.PORTFOLIO.subjects), ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: f.portfolioFrom, ack_wait: ack.ackWaitMs * 1e6, max_ack_pending: ack.maxAckPending,
  });
}

/** The subjects this fixture publishes on, per stream. */
const subjects = (f: Fixture): Record<(typeof TRADE_STREAMS)[number], string[]> => ({
  ORDERS: [Subjects.orders(f.account)],
  RISK: [Subjects.riskDecisions(f.account)],
  PORTFOLIO: [Subjects.positions(f.account), Subjects.pnl(f.account)],
  NOTIFY: [Subjects.notifications(f.account)],
  METRICS: [Subjects.latency(f.node)],
});

/**
 * The journal of trade i, in publishing order. Four paths by i % 4: 0 auto-executed and filled, 1 confirmed by
 * the user then filled, 2 rejected by risk, 3 pending confirmation until it expired. Every trade also raises
 * a notification and closes a latency interval.
 */
const PATHS = ['FILLED', 'FILLED', 'RISK_REJECTED', 'EXPIRED'] as const;

function order(f: Fixture, i: number, state: OrderStateName, extra: Partial<OrderUpdateFields> = {}): JournalMessage {
  const timeMs = BASE_MS + i * 1000;
  const ask = 1.1 + i * 1e-5, bid = ask - 0.0002;
  return orderUpdateMessage({
    orderId: `ord-${f.tag}-${i}`, signalId: deterministicEventId(timeMs, f.tag, 'signal', i), account: f.account,
    instrument: instrumentOf(f, i), state, side: sideOf(i), units: unitsOf(i), timeMs, broker: 'paper', price: null, reason: null,
    riskLimit: null, riskValue: null, stopLossPrice: null, takeProfitPrice: null, slippagePips: null, bid, ask, expiresMs: null,
    workflowId: 'wf-trend', workflowVersion: 3, stopLossPips: 15, takeProfitPips: 30, brokerTransactionId: null, ...extra,
  });
}

const instrumentOf = (f: Fixture, i: number): string => f.instruments[(i >> 2) % 2]!;
const sideOf = (i: number): SideName => (i % 3 === 0 ? 'sell' : 'buy');
const unitsOf = (i: number): number => 1000 + (i % 5) * 100;
const fillPrice = (i: number): number => (sideOf(i) === 'buy' ? 1.1 + i * 1e-5 : 1.1 + i * 1e-5 - 0.0002);

/** Signed position in each instrument after every fill up to and including trade i. */
function positionAfter(f: Fixture, i: number): number {
  let units = 0;
  for (let k = 0; k <= i; k++) {
    if (PATHS[k % 4] === 'FILLED' && instrumentOf(f, k) === instrumentOf(f, i)) units += sideOf(k) === 'buy' ? unitsOf(k) : -unitsOf(k);
  }
  return units;
}

function trade(f: Fixture, i: number): JournalMessage[] {
  const timeMs = BASE_MS + i * 1000;
  const path = PATHS[i % 4]!;
  const out: JournalMessage[] = [];
  const risk = (approved: boolean) => riskDecisionMessage({
    orderId: `ord-${f.tag}-${i}`, signalId: deterministicEventId(timeMs, f.tag, 'signal', i), account: f.account, instrument: instrumentOf(f, i),
    approved, reason: approved ? null : 'MAX_POSITION', limit: approved ? null : 30000, value: approved ? null : 31000, side: sideOf(i),
    units: unitsOf(i), timeMs, bid: 1.1 + i * 1e-5 - 0.0002, ask: 1.1 + i * 1e-5,
    limitsJson: JSON.stringify({ account: f.account, max_position_units: 30000, max_spread_pips: 5 }),
  });
  if (i % 4 === 1 || i % 4 === 3) {
    out.push(order(f, i, 'PENDING_CONFIRMATION', { broker: '', expiresMs: timeMs + 60_000 }));
  }
  if (path === 'EXPIRED') out.push(order(f, i, 'EXPIRED', { broker: '', expiresMs: timeMs + 60_000 }));
  if (i % 4 === 1) out.push(order(f, i, 'CONFIRMED', { broker: '', expiresMs: timeMs + 60_000 }));
  if (path === 'RISK_REJECTED') out.push(risk(false), order(f, i, 'RISK_REJECTED', { reason: 'MAX_POSITION', riskLimit: 30000, riskValue: 31000 }));
  if (path === 'FILLED') {
    const price = fillPrice(i), sl = sideOf(i) === 'buy' ? price - 0.0015 : price + 0.0015, tp = sideOf(i) === 'buy' ? price + 0.003 : price - 0.003;
    // SUBMITTED and FILLED on the same tick, as the paper broker does in replay.
    out.push(risk(true), order(f, i, 'SUBMITTED'),
      order(f, i, 'FILLED', { price, slippagePips: 0.1, stopLossPrice: sl, takeProfitPrice: tp, brokerTransactionId: String(100 + i) }),
      positionMessage({ account: f.account, instrument: instrumentOf(f, i), orderId: `ord-${f.tag}-${i}`, units: positionAfter(f, i),
        avgPrice: price, realized: 0, timeMs }),
      pnlMessage({ account: f.account, timeMs, balance: 100_000, realized: 0, unrealized: -2 - i, equity: 99_998 - i, equityPeak: 100_000,
        drawdownPct: (2 + i) / 1000, dailyPnl: -2 - i, dayStartMs: Date.UTC(2014, 4, 4, 21) }));
  }
  const id = deterministicEventId(timeMs, f.tag, 'notification', i);
  out.push(notificationMessage({
    id, kind: 'signal_alert', account: f.account, instrument: instrumentOf(f, i), message: `trade ${i} ${path}`, time_ms: timeMs,
    signal_id: deterministicEventId(timeMs, f.tag, 'signal', i), workflow_id: 'wf-trend', workflow_version: 3, node_id: 'a1',
    price: 1.1 + i * 1e-5, bid: 1.1 + i * 1e-5 - 0.0002, ask: 1.1 + i * 1e-5,
  }));
  out.push(latencyMessage({ nodeId: f.node, stage: 'tick_to_order', startMs: timeMs - 1000, endMs: timeMs, count: 100 + i, p50Us: 40,
    p99Us: 120, p999Us: 300, maxUs: 900 }));
  return out;
}

/** Rows that n trades must leave. */
function expected(n: number) {
  let filled = 0, confirmed = 0, rejected = 0, expired = 0;
  for (let i = 0; i < n; i++) {
    if (i % 4 === 0) filled++;
    else if (i % 4 === 1) confirmed++;
    else if (i % 4 === 2) rejected++;
    else expired++;
  }
  const fills = filled + confirmed;
  return {
    order_events: filled * 2 + confirmed * 4 + rejected + expired * 2, orders: n, fills, risk_decisions: fills + rejected,
    position_history: fills, positions: Math.min(2, Math.ceil(n / 4)), pnl_series: fills, notifications: n, latency_samples: n,
  };
}

type Counts = ReturnType<typeof expected>;
const TABLES = Object.keys(expected(0)) as (keyof Counts)[];

/** This fixture's rows per table. */
async function counts(f: Fixture): Promise<Counts> {
  const [r] = await f.sql.unsafe<Counts[]>(`select ${TABLES.map((x) => `(select count(*)::int from ${x} where ${
    x === 'latency_samples' ? 'node_id = $2' : 'account = $1'}) as ${x}`).join(', ')}`, [f.account, f.node]);
  return { ...r! };
}

async function publish(f: Fixture, msgs: readonly JournalMessage[], withIds = true): Promise<void> {
  for (const m of msgs) if (!f.bus.publishAsync(m.subject, m.data, withIds ? m.msgId : undefined)) await f.bus.room();
  await f.bus.flush();
}

async function start(f: Fixture, prefix: string): Promise<PersistenceActor> {
  await portfolioDurable(f, `pt-${f.tag}-${prefix}-portfolio`);
  return startPersistence({ bus: f.bus, sql: f.sql, streams: TRADE_STREAMS, durablePrefix: `pt-${f.tag}-${prefix}`, filters: filters(f),
    onError: (e) => f.errors.push(`${e.code}: ${e.message}`) });
}

async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Per stream, the sequence of this fixture's last message (0: none). */
async function lastSeqs(f: Fixture): Promise<Record<(typeof TRADE_STREAMS)[number], number>> {
  const entries = await Promise.all(TRADE_STREAMS.map(async (stream) => [stream, Math.max(0, ...await Promise.all(subjects(f)[stream]
    .map((s) => f.jsm.streams.getMessage(Streams[stream].name, { last_by_subj: s }).then((m) => m?.seq ?? 0, () => 0))))] as const));
  return Object.fromEntries(entries) as Record<(typeof TRADE_STREAMS)[number], number>;
}

/** Resolves once the actor has committed everything this fixture published so far. */
async function caughtUp(f: Fixture, actor: PersistenceActor): Promise<void> {
  const last = await lastSeqs(f);
  await until('the actor to catch up', async () => {
    if (f.errors.length > 0) throw new Error(f.errors[0]);
    return TRADE_STREAMS.every((s) => actor.stats()[s].committedSeq >= last[s]);
  });
}

/** Final orders states by trade path, and the current positions, as they must be after n trades. */
async function checkState(t: Test, f: Fixture, n: number): Promise<void> {
  const states = await f.sql<{ order_id: string; state: string }[]>`select order_id, state from orders where account = ${f.account}`;
  const wrong = states.filter((r) => r.state !== PATHS[Number(r.order_id.split('-').pop()) % 4]);
  t.same(wrong, [], 'every order holds its final state');
  const positions = await f.sql<{ instrument: string; units: string; order_id: string }[]>`
    select instrument, units, order_id from positions where account = ${f.account} order by instrument`;
  const lastFill = (instrument: string) => {
    for (let i = n - 1; i >= 0; i--) if (PATHS[i % 4] === 'FILLED' && instrumentOf(f, i) === instrument) return i;
    return -1;
  };
  t.same(positions.map((p) => ({ instrument: p.instrument, units: Number(p.units), order_id: p.order_id })),
    f.instruments.filter((x) => lastFill(x) >= 0).sort().map((x) => ({ instrument: x, units: positionAfter(f, lastFill(x)), order_id: `ord-${f.tag}-${lastFill(x)}` })),
    'positions hold the position after the last fill of each instrument');
}

t.test('one default filter covers each stream (server 2.9: one filter subject per consumer)', async (t) => {
  t.equal(coveringSubject(Streams.PORTFOLIO.subjects), 'portfolio.*.*', 'positions and P&L under one consumer');
  t.equal(coveringSubject(Streams.SIGNALS.subjects), Subjects.allSignals, 'existing durables keep their filter');
  t.equal(coveringSubject(Streams.PRICES.subjects), Subjects.allPrices);
  t.equal(coveringSubject(['a.b.c', 'a.b']), '>');
});

t.test('persistence of trade records', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const admin = await connectPostgres(databaseUrl(), { max: 2 });
  t.teardown(() => admin.end());

  t.test('every table gets its rows exactly once; replays and a fresh durable add nothing', async (t) => {
    const f = await fixture(t, admin);
    const N = 200;
    const journal = Array.from({ length: N }, (_, i) => trade(f, i)).flat();
    await publish(f, journal);

    const actor = await start(f, 'a');
    await caughtUp(f, actor);
    const want = expected(N);
    t.same(await counts(f), want, 'row counts per table');
    for (const s of TRADE_STREAMS) t.match(actor.stats()[s], { duplicates: 0, skipped: 0, failures: 0 }, `${s}: no duplicates, skips or failures`);
    await checkState(t, f, N);

    const [fill] = await f.sql`select f.*, (extract(epoch from time) * 1000)::float8 as time_ms from fills f where order_id = ${`ord-${f.tag}-4`}`;
    t.match(fill, { account: f.account, instrument: f.instruments[1], side: 'buy', units: '1400', price: fillPrice(4), slippage_pips: 0.1,
      stop_loss_price: fillPrice(4) - 0.0015, take_profit_price: fillPrice(4) + 0.003, broker: 'paper', time_ms: BASE_MS + 4000,
      broker_transaction_id: '104' });
    const lifecycle = await f.sql`select state from order_events where order_id = ${`ord-${f.tag}-5`} order by time, state`;
    t.same(lifecycle.map((r) => r.state).sort(), ['CONFIRMED', 'FILLED', 'PENDING_CONFIRMATION', 'SUBMITTED'], 'the whole lifecycle is kept');
    const [risk] = await f.sql`select approved, reason, risk_limit, risk_value, side, units::int, limits from risk_decisions where order_id = ${`ord-${f.tag}-6`}`;
    t.same({ ...risk }, { approved: false, reason: 'MAX_POSITION', risk_limit: 30000, risk_value: 31000, side: 'sell', units: 1100,
      limits: { account: f.account, max_position_units: 30000, max_spread_pips: 5 } }, 'a rejection with its limit, value and limits document');
    const [pending] = await f.sql`select (extract(epoch from expires_at) * 1000)::float8 as expires_ms, broker from order_events
      where order_id = ${`ord-${f.tag}-3`} and state = 'PENDING_CONFIRMATION'`;
    t.same({ ...pending }, { expires_ms: BASE_MS + 3000 + 60_000, broker: '' });
    const [pnl] = await f.sql`select equity, drawdown_pct, (extract(epoch from day_start) * 1000)::float8 as day_start_ms from pnl_series
      where account = ${f.account} and time = to_timestamp(${(BASE_MS + 8000) / 1000})`;
    t.same({ ...pnl }, { equity: 99_990, drawdown_pct: 0.01, day_start_ms: Date.UTC(2014, 4, 4, 21) });
    const [lat] = await f.sql`select stage, count::int, p99_us from latency_samples where node_id = ${f.node} and time = to_timestamp(${(BASE_MS + 7000) / 1000})`;
    t.same({ ...lat }, { stage: 'tick_to_order', count: 107, p99_us: 120 });
    const [note] = await f.sql`select message, kind from notifications where id = ${deterministicEventId(BASE_MS + 2000, f.tag, 'notification', 2)}`;
    t.same({ ...note }, { message: 'trade 2 RISK_REJECTED', kind: 'signal_alert' });

    // Lag: the committed sequence reaches our last message; whatever follows it belongs to other publishers.
    const ours = await lastSeqs(f);
    const lags = await actor.lag();
    t.same(lags.map((l) => l.stream), TRADE_STREAMS, 'one lag figure per stream');
    for (const lag of lags) {
      const mine = ours[lag.stream as (typeof TRADE_STREAMS)[number]];
      t.ok(lag.committedSeq >= mine && lag.lastSeq >= lag.committedSeq && lag.lagMessages <= lag.lastSeq - mine,
        `${lag.stream} lag: committed ${lag.committedSeq} >= our last ${mine}, head ${lag.lastSeq}, ${lag.lagMessages} behind`);
    }
    await actor.stop();

    const audit = (await f.sql`select count(*)::int as n from audit_log`)[0]!.n as number;
    t.same(await verifyAuditLog(f.sql), { ok: true, rows: audit }, 'audit chain verifies');

    // The same events again without msgIds (JetStream stores them twice), through the same durables.
    await publish(f, journal, false);
    const again = await start(f, 'a');
    // Read from persistence_progress at start (it may have committed more since).
    t.ok(TRADE_STREAMS.every((s) => again.stats()[s].committedSeq >= actor.stats()[s].committedSeq),
      'a restarted actor knows its committed sequences');
    await caughtUp(f, again);
    await again.stop();
    t.same(await counts(f), want, 'replayed: no row doubled');
    t.same(TRADE_STREAMS.filter((s) => s !== 'PORTFOLIO').map((s) => again.stats()[s].inserted), [0, 0, 0, 0], 'nothing new inserted');

    // A brand-new durable reads every event twice from the start.
    const fresh = await start(f, 'b');
    await caughtUp(f, fresh);
    t.ok(fresh.stats().ORDERS.received >= 2 * journal.filter((m) => m.subject === Subjects.orders(f.account)).length, 'read every event twice');
    await fresh.stop();
    t.same(await counts(f), want, 'full re-read from a new durable: still the same rows');
    await checkState(t, f, N);
    // Other tests' PORTFOLIO messages, if any arrived meanwhile, add their own audit rows.
    t.match(await verifyAuditLog(f.sql), { ok: true }, 'audit chain verifies');
    t.equal((await f.sql`select count(*)::int as n from audit_log where id > ${audit} and content::jsonb->>'stream' <> 'PORTFOLIO'`)[0]!.n, 0,
      'no audit rows for pure redeliveries');
  });

  t.test('orders and positions only move forward', async (t) => {
    const f = await fixture(t, admin);
    const actor = await start(f, 'a');
    const state = async (i: number) => (await f.sql`select state, event_id::text from orders where order_id = ${`ord-${f.tag}-${i}`}`)[0];

    // Trade 0's lifecycle, then its older states redelivered (new msgIds: JetStream stores them again).
    await publish(f, trade(f, 0));
    await caughtUp(f, actor);
    const filled = await state(0);
    t.equal(filled!.state, 'FILLED');
    await publish(f, [order(f, 0, 'SUBMITTED'), order(f, 0, 'PENDING_CONFIRMATION')], false);
    // A second terminal state does not replace the first.
    await publish(f, [order(f, 0, 'CANCELLED', { reason: 'late' })]);
    await caughtUp(f, actor);
    t.same(await state(0), filled, 'older states and a second outcome leave FILLED in place');
    t.equal((await f.sql`select count(*)::int as n from order_events where order_id = ${`ord-${f.tag}-0`}`)[0]!.n, 4,
      'the late PENDING_CONFIRMATION and CANCELLED are kept as lifecycle events');

    // Out of order inside one batch: FILLED first, then SUBMITTED and CONFIRMED.
    await actor.stop();
    await publish(f, [order(f, 1, 'FILLED', { price: 1.2 }), order(f, 1, 'SUBMITTED'), order(f, 1, 'CONFIRMED')]);
    const second = await start(f, 'a');
    await caughtUp(f, second);
    t.equal((await state(1))!.state, 'FILLED', 'FILLED stays when the earlier states are delivered after it');

    // Positions: an older update arriving later does not undo a newer one; on one tick the later journal entry wins.
    // Order ids carry the tag: the msgIds (`<orderId>:position`) must not collide with an earlier run's inside the dedupe window.
    const pos = (orderId: string, units: number, timeMs: number) => positionMessage({ account: f.account, instrument: 'EUR_USD', orderId: `${orderId}-${f.tag}`, units,
      avgPrice: 1.1, realized: 0, timeMs });
    await publish(f, [pos('p2', 3000, BASE_MS + 2000)]);
    await publish(f, [pos('p1', 1000, BASE_MS + 1000)]);
    await caughtUp(f, second);
    await publish(f, [pos('p3', 5000, BASE_MS + 3000), pos('p4', 4000, BASE_MS + 3000)]);
    await caughtUp(f, second);
    await second.stop();
    const [current] = await f.sql`select order_id, units::int from positions where account = ${f.account}`;
    t.same({ ...current }, { order_id: `p4-${f.tag}`, units: 4000 }, 'the newest position (last of two on one tick) is current');
    t.equal((await counts(f)).position_history, 5, 'every position change is in the history');
  });

  t.test('malformed messages are skipped, counted and named in the audit log', async (t) => {
    const f = await fixture(t, admin);
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0x01]);
    const good = trade(f, 0);
    const bad: JournalMessage[] = [
      order(f, 1, 'FILLED'), // a fill without a price
      order(f, 2, 'SUBMITTED', { workflowId: 'wf\u0000' }), // text PostgreSQL refuses
      riskDecisionMessage({ orderId: 'o', signalId: 's', account: f.account, instrument: 'EUR_USD', approved: true, reason: null, limit: null,
        value: null, side: 'buy', units: 1, timeMs: BASE_MS, bid: 1, ask: 1, limitsJson: '{not json' }),
      positionMessage({ account: f.account, instrument: 'EUR\u0000USD', orderId: 'o', units: 1, avgPrice: 1, realized: 0, timeMs: BASE_MS }),
      notificationMessage({ id: 'not-a-uuid', kind: 'k', account: f.account, instrument: 'EUR_USD', message: 'm', time_ms: BASE_MS, signal_id: 's',
        workflow_id: 'w', workflow_version: 1, node_id: 'n', price: 1, bid: 1, ask: 1 }),
      latencyMessage({ nodeId: f.node, stage: 'tick_to_order', startMs: NaN, endMs: BASE_MS, count: 1, p50Us: 1, p99Us: 1, p999Us: 1, maxUs: 1 }),
    ];
    const raw = Object.values(subjects(f)).flat().map((subject) => ({ subject, data: garbage, msgId: '' }));
    await publish(f, [...good, ...bad, ...raw], false);
    const actor = await start(f, 'a');
    await caughtUp(f, actor);
    await actor.stop();
    const s = actor.stats();
    t.same(TRADE_STREAMS.map((x) => [x, s[x].skipped]), [['ORDERS', 3], ['RISK', 2], ['PORTFOLIO', 3], ['NOTIFY', 2], ['METRICS', 2]],
      'skipped per stream');
    t.same(await counts(f), expected(1), 'the good messages around them are stored');
    const audit = await f.sql<{ content: string }[]>`select content from audit_log order by id`;
    const named = audit.map((r) => JSON.parse(r.content) as { skipped_seqs: number[]; tables: string[] });
    t.equal(named.reduce((n, c) => n + c.skipped_seqs.length, 0), 12, 'every skipped message is named in the audit log');
    t.ok(named.some((c) => c.tables.join() === 'order_events,orders,fills'), 'audit rows name the tables written');
    t.match(await verifyAuditLog(f.sql), { ok: true });
  });

  t.test('killed mid-stream (SIGKILL) and restarted: no trade record lost, none doubled', async (t) => {
    const f = await fixture(t, admin);
    const N = 3000;
    // Short ack_wait: what the dead process held unacked comes back within seconds, possibly after newer
    // states of the same order (the forward-only rule is exercised too).
    const ack = { ackWaitMs: 2000, maxAckPending: 500 };
    for (const stream of TRADE_STREAMS) {
      if (stream === 'PORTFOLIO') await portfolioDurable(f, `pt-${f.tag}-k-portfolio`, ack);
      else {
        await f.jsm.consumers.add(Streams[stream].name, {
          durable_name: `pt-${f.tag}-k-${stream.toLowerCase()}`, filter_subject: filters(f)[stream], ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All, ack_wait: ack.ackWaitMs * 1e6, max_ack_pending: ack.maxAckPending,
        });
      }
    }
    await publish(f, Array.from({ length: N }, (_, i) => trade(f, i)).flat());
    const want = expected(N);

    const run = (): ChildProcess => spawn(process.execPath, ['--import=tsx', join(REPO_ROOT, 'actors/persistence/main.ts'),
      '--search-path', `${f.schema}, public`, '--durable-prefix', `pt-${f.tag}-k`, '--max-rows', '50', '--streams', TRADE_STREAMS.join(','),
      ...Object.entries(filters(f)).flatMap(([s, subject]) => ['--filter', `${s}=${subject}`])],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: databaseUrl(), NATS_URL: natsUrl() } });
    const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())));

    const first = run();
    t.teardown(() => { first.kill('SIGKILL'); });
    await until('a tenth of the order events', async () => (await counts(f)).order_events >= want.order_events / 10, 30_000);
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await counts(f);
    t.ok(atKill.order_events < want.order_events, `killed mid-stream (${atKill.order_events}/${want.order_events} order events stored)`);

    const second = run();
    t.teardown(() => { second.kill('SIGKILL'); });
    await until('every row after restart', async () => JSON.stringify(await counts(f)) === JSON.stringify(want), 90_000);
    let out = '';
    second.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    second.kill('SIGTERM');
    await exited(second);
    t.equal(second.exitCode, 0, 'a SIGTERM stop commits, acks and exits cleanly');
    const stats = JSON.parse(out.trim().split('\n').pop()!) as Record<string, { failures: number; skipped: number }>;
    t.same(TRADE_STREAMS.map((s) => stats[s]!.failures + stats[s]!.skipped), TRADE_STREAMS.map(() => 0), 'no failures, nothing skipped');

    t.same(await counts(f), want, 'every trade record exactly once');
    await checkState(t, f, N);
    const audit = (await f.sql`select count(*)::int as n from audit_log`)[0]!.n as number;
    t.same(await verifyAuditLog(f.sql), { ok: true, rows: audit }, 'audit chain intact across the crash');
    const last = await lastSeqs(f);
    for (const stream of TRADE_STREAMS) {
      const info = await f.jsm.consumers.info(Streams[stream].name, `pt-${f.tag}-k-${stream.toLowerCase()}`);
      t.ok(info.ack_floor.stream_seq >= last[stream], `${stream}: everything acked on the durable`);
    }
    // The operator's check, on this schema (postgres.js passes URL parameters on as connection settings).
    const cli = spawnSync(process.execPath, ['bin/pipstream.mjs', 'audit', 'verify'], {
      cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000,
      env: { ...process.env, DATABASE_URL: `${databaseUrl()}${databaseUrl().includes('?') ? '&' : '?'}search_path=${f.schema}` },
    });
    t.equal(cli.status, 0, cli.stderr);
    t.same(JSON.parse(cli.stdout), { ok: true, rows: audit }, '`pipstream audit verify` passes on the resulting log');
  });
});
