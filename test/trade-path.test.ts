/**
 * The trade path end to end (issue 3, "done when"): a workflow with execute, confirm and alert actions
 * over real EUR/USD ticks through a node (ticks on the bus -> actor -> signals handed over in memory)
 * gives the right orders, risk decisions, pending confirmations (confirmed by a NATS request, or
 * expired), notifications, positions and P&L samples; a second node replaying the same ticks orders nothing.
 */
import { randomBytes } from 'node:crypto';
import t from 'tap';
import { type Broker, type OrderOutcome, type OrderRequest, PaperBroker, startExecutionActor } from '../actors/execution/mod.ts';
import { startPersistence, verifyAuditLog } from '../actors/persistence/mod.ts';
import { type Bus, connectBus } from '../engine/bus/mod.ts';
import {
  type OrderUpdateFields, readLatency, readNotification, readOrderUpdate, readPnl, readPosition, readRiskDecision,
} from '../engine/events/trade.ts';
import { publishTicks } from '../engine/node/feed.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { applyMigrations, connectPostgres, connectRedis, type Redis } from '../engine/store/mod.ts';
import { type StreamName, Subjects } from '../engine/switchboard/mod.ts';
import type { TickColumns } from '../engine/ticks/mod.ts';
import { validateWorkflow, type Workflow } from '../engine/workflow/mod.ts';
import { batchesOf, INSTRUMENT, OANDA_FILE, referenceRun, silentLogger, ticksOf, waitFor } from './helpers/engine.ts';
import { databaseUrl, probes, redisUrl, requireService, throwawaySchema } from './helpers/services.ts';

const N = 200_000;
const MAX_POSITION = 3000;
/** Ticks are published in chunks, each processed before the next: paced like a live feed, so fills land between marks. */
const CHUNK = 20_000;
const enc = new TextEncoder();
const dec = new TextDecoder();

class CountingBroker implements Broker {
  readonly name = 'paper';
  readonly calls: OrderRequest[] = [];
  readonly inner = new PaperBroker();
  submit(order: OrderRequest): Promise<OrderOutcome> {
    this.calls.push(order);
    return this.inner.submit(order);
  }
}

const macd = (output: string) => ({ name: 'macd', params: [12, 26, 9], timeframe: '1m', output });

function workflow(account: string): Workflow {
  return validateWorkflow({
    id: 'trade-all', version: 1, account, instruments: [INSTRUMENT],
    nodes: [
      { id: 'bull', kind: 'trigger', type: 'indicator_cross_indicator', a: macd('line'), b: macd('signal'), direction: 'above' },
      { id: 'bear', kind: 'trigger', type: 'indicator_cross_indicator', a: macd('line'), b: macd('signal'), direction: 'below' },
      { id: 'buy', kind: 'action', type: 'execute', side: 'buy', units: 1000, stop_loss_pips: 10, take_profit_pips: 20 },
      { id: 'sell', kind: 'action', type: 'execute', side: 'sell', units: 1000 },
      { id: 'up', kind: 'trigger', type: 'price_cross', level: 1.385, direction: 'above' },
      { id: 'down', kind: 'trigger', type: 'price_cross', level: 1.385, direction: 'below' },
      { id: 'ask-buy', kind: 'action', type: 'confirm', side: 'buy', units: 500, expiry_s: 1 },
      { id: 'note-down', kind: 'action', type: 'alert', side: 'sell' },
    ],
    edges: [['bull', 'buy'], ['bear', 'sell'], ['up', 'ask-buy'], ['down', 'note-down']],
  });
}

/** Everything stored on `subject` of `stream`, decoded. */
async function journal<T>(bus: Bus, stream: StreamName, subject: string, read: (d: Uint8Array) => T): Promise<T[]> {
  await bus.flush();
  const out: T[] = [];
  const c = await bus.consume(stream, subject, (m) => { out.push(read(m.data)); });
  let n = -1;
  while (n !== out.length) {
    n = out.length;
    await new Promise((r) => setTimeout(r, 100));
  }
  await c.close();
  return out;
}

interface Run { node: PipstreamNode; signals: EngineSignal[]; errors: string[] }

async function runNode(bus: Bus, redis: Redis, broker: Broker, wf: Workflow, source: string, tag: string): Promise<Run> {
  const signals: EngineSignal[] = [];
  const errors: string[] = [];
  const node = new PipstreamNode({ bus, logger: silentLogger(), nodeId: `tp-${tag}`, onSignal: (s) => signals.push(s), services: false });
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows([wf]);
  await node.startTrading({
    redis, broker, risk: { limits: { account: wf.account, max_position_units: MAX_POSITION }, instruments: [INSTRUMENT] },
    durablePrefix: `tp-${tag}`, pnlEveryMs: 3600_000, onError: (e) => errors.push(`${e.code}: ${e.message}`),
  });
  await node.consumePrices(INSTRUMENT, 'all', { source });
  return { node, signals, errors };
}

let ticks: TickColumns;
let reference: EngineSignal[];
t.before(async () => {
  ticks = await ticksOf(OANDA_FILE);
});

t.test('execute, confirm and alert actions over real ticks; a replay orders nothing more', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis))) return;
  const tag = randomBytes(4).toString('hex');
  const account = `tp${tag}`;
  const wf = workflow(account);
  reference = await referenceRun(ticks, [wf], N);
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const redis = await connectRedis(redisUrl());
  t.teardown(async () => {
    // Deleting the ids this run made (KEYS would block a Redis that holds many orders for every other client).
    if (reference.length > 0) await redis.del(...reference.map((s) => `pipstream:order:${s.id}`));
    await redis.quit();
    await bus.close();
  });
  const source = `tp-${tag}`;
  const feed = async (run: Run) => {
    for (let at = 0; at < N; at += CHUNK) {
      await publishTicks(bus, INSTRUMENT, source, batchesOf(ticks, at, Math.min(N, at + CHUNK)), at);
      if (!(await waitFor(() => run.node.supervisor.stats(INSTRUMENT).ticks === Math.min(N, at + CHUNK), 60_000))) return false;
      await run.node.supervisor.drain(INSTRUMENT);
      await run.node.trade!.idle();
    }
    return true;
  };

  const broker = new CountingBroker();
  const first = await runNode(bus, redis, broker, wf, source, tag);
  const trade = first.node.trade!;
  // Confirm the first pending order as soon as it exists, over the NATS request the gateway will use.
  const firstPending = reference.find((s) => s.type === 'SIGNAL_PENDING_CONFIRMATION' && s.tradeable)!;
  const confirmed = (async () => {
    if (!(await waitFor(() => trade.confirmation.get(firstPending.id) !== undefined, 60_000))) return null;
    return JSON.parse(dec.decode(await bus.request(Subjects.confirmRequest(account),
      enc.encode(JSON.stringify({ op: 'confirm', id: firstPending.id, account })), { timeoutMs: 5000 }))) as { ok: boolean; state: string };
  })();
  t.ok(await feed(first), 'every tick processed');
  t.match(await confirmed, { ok: true, state: 'CONFIRMED' }, 'the first pending order confirmed by request');
  await trade.idle();
  // Pending orders expire after their 1 s.
  await new Promise((r) => setTimeout(r, 1200));
  trade.confirmation.expireDue();
  await first.node.stop();
  t.same(first.errors, [], 'no errors');
  t.same(first.signals.map((s) => s.id), reference.map((s) => s.id), 'the node fires the signals of a direct run');

  const auto = reference.filter((s) => s.type === 'SIGNAL_AUTO_EXECUTE');
  const pending = reference.filter((s) => s.type === 'SIGNAL_PENDING_CONFIRMATION');
  const alerts = reference.filter((s) => s.type === 'SIGNAL_ALERT');
  t.ok(auto.length >= 20 && pending.length >= 3 && alerts.length >= 3,
    `enough of each (${auto.length} execute, ${pending.length} confirm, ${alerts.length} alert)`);

  const orders = await journal(bus, 'ORDERS', Subjects.orders(account), readOrderUpdate);
  const decisions = await journal(bus, 'RISK', Subjects.riskDecisions(account), readRiskDecision);
  const bySignal = new Map<string, OrderUpdateFields[]>();
  for (const u of orders) bySignal.set(u.signalId, [...(bySignal.get(u.signalId) ?? []), u]);

  // Auto-execute: one risk decision and one terminal state per signal; fills at the triggering quote.
  const settledAuto = auto.map((s) => orders.filter((u) => u.signalId === s.id && u.state !== 'SUBMITTED'));
  t.ok(settledAuto.every((u) => u.length === 1), 'each execute signal has exactly one outcome');
  t.equal(decisions.filter((d) => auto.some((s) => s.id === d.signalId)).length, auto.length, 'one risk decision per execute signal');
  const fills = auto.map((s, i) => ({ s, u: settledAuto[i]![0]! })).filter(({ u }) => u.state === 'FILLED');
  t.ok(fills.length > 0, `${fills.length} filled, ${auto.length - fills.length} rejected`);
  t.ok(fills.every(({ s, u }) => u.price === (s.side === 'buy' ? s.ask : s.bid)), 'filled at the ask (buy) or bid (sell) of the triggering tick');
  const rejected = auto.map((s, i) => ({ s, u: settledAuto[i]![0]! })).filter(({ u }) => u.state === 'RISK_REJECTED');
  t.ok(rejected.every(({ u }) => u.reason === 'MAX_POSITION' || u.reason === 'NOT_TRADEABLE'), 'rejections carry their reason');
  t.ok(decisions.every((d) => d.limitsJson.includes('max_position_units')), 'decisions journal the limits in force');

  // Confirm: the confirmed one re-checked and filled at the price of its confirmation; the rest expired.
  const pendingStates = (s: EngineSignal) => (bySignal.get(s.id) ?? []).map((u) => u.state);
  t.ok(pending.filter((s) => s.tradeable).every((s) => pendingStates(s)[0] === 'PENDING_CONFIRMATION'), 'every pending order journaled');
  t.same(pendingStates(firstPending).slice(0, 2), ['PENDING_CONFIRMATION', 'CONFIRMED']);
  t.equal(new Set(bySignal.get(firstPending.id)!.map((u) => u.orderId)).size, 1, 'pending, confirmed and executed under one order id');
  const confirmedOutcome = orders.filter((u) => u.signalId === firstPending.id && (u.state === 'FILLED' || u.state === 'RISK_REJECTED'));
  t.equal(confirmedOutcome.length, 1, `the confirmed order went through risk and execution once (${confirmedOutcome[0]?.state})`);
  t.ok(confirmedOutcome[0]!.timeMs >= firstPending.time_ms, 'priced at a quote at or after its signal');
  t.ok(pending.filter((s) => s.tradeable && s.id !== firstPending.id).every((s) => pendingStates(s).at(-1) === 'EXPIRED'),
    'every other pending order expired');

  // Alerts: one in-app notification each.
  const notes = await journal(bus, 'NOTIFY', Subjects.notifications(account), readNotification);
  t.same(notes.map((n) => n.signal_id).sort(), alerts.map((s) => s.id).sort(), 'one notification per alert');

  // Portfolio: one position update per fill, never beyond the limit, matching the portfolio at the end.
  const positions = await journal(bus, 'PORTFOLIO', Subjects.positions(account), readPosition);
  const allFills = orders.filter((u) => u.state === 'FILLED');
  t.equal(positions.length, allFills.length, 'a position update per fill');
  t.ok(positions.every((p) => Math.abs(p.units) <= MAX_POSITION), 'the position never exceeded max_position_units');
  const net = allFills.reduce((n, u) => n + (u.side === 'buy' ? u.units : -u.units), 0);
  t.equal(positions.at(-1)!.units, net, 'the last position is the net of the fills');
  t.match(trade.portfolio.positionsOf(account), [{ instrument: INSTRUMENT, units: net }], 'the portfolio agrees');
  const pnl = await journal(bus, 'PORTFOLIO', Subjects.pnl(account), readPnl);
  t.ok(pnl.length > 0 && pnl.every((p) => Math.abs(p.equity - (p.balance + p.realized + p.unrealized)) < 1e-9),
    `${pnl.length} hourly P&L samples, equity = balance + realized + unrealized`);
  const latency = await journal(bus, 'METRICS', Subjects.latency(`tp-${tag}`), readLatency);
  t.ok(latency.some((l) => l.stage === 'tick_to_order' && l.count > 0), 'tick-to-order latency sampled');
  t.equal(broker.calls.length, allFills.length, 'a broker call per fill, no more');

  // A second node replays the same ticks on the same Redis: every signal is a duplicate.
  const ordersBefore = (await bus.streamInfo('ORDERS')).messages;
  const second = await runNode(bus, redis, broker, wf, source, `${tag}b`);
  t.ok(await waitFor(() => second.node.supervisor.stats(INSTRUMENT).ticks === N, 120_000), 'replayed from the stored ticks');
  await second.node.supervisor.drain(INSTRUMENT);
  await second.node.trade!.idle();
  const stats = second.node.trade!.stats();
  await second.node.stop();
  t.equal(broker.calls.length, allFills.length, 'the replay placed no order');
  t.equal(stats.duplicates, auto.length, 'every execute signal was recognised as done');
  t.equal((await bus.streamInfo('ORDERS')).messages, ordersBefore, 'nothing new on ORDERS: confirmations already decided stay decided');
  t.equal(second.node.trade!.confirmation.get(firstPending.id)?.state, 'CONFIRMED', 'restored from the journal');

  // The journal replayed through a fresh execution actor: every order is recognised, none placed again.
  const replayer = await startExecutionActor({ bus, redis, broker, accounts: [account], durable: `tp-${tag}-journal`, deliver: 'all' });
  t.ok(await waitFor(() => replayer.stats().acked === reference.length, 60_000), 'the whole SIGNALS journal replayed');
  t.equal(replayer.stats().duplicates, auto.length, 'every execute signal already executed');
  await replayer.stop();
  t.equal(broker.calls.length, allFills.length, 'still one broker call per fill');

  // PostgreSQL holds the full record, and its audit chain verifies.
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  const admin = await connectPostgres(databaseUrl(), { max: 1 });
  t.teardown(() => admin.end());
  const { sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  const persistence = await startPersistence({ bus, sql, streams: ['SIGNALS', 'ORDERS', 'RISK', 'PORTFOLIO', 'NOTIFY'], durablePrefix: `tp-${tag}` });
  t.ok(await waitFor(() => persistence.stats().ORDERS.acked >= orders.length && persistence.stats().NOTIFY.acked >= notes.length, 60_000),
    'persistence caught up');
  await persistence.drain();
  await persistence.stop();
  const [rows] = await sql<Array<Record<string, string>>>`
    select (select count(*) from orders where account = ${account}) as orders,
           (select count(*) from order_events where account = ${account}) as events,
           (select count(*) from fills where account = ${account}) as fills,
           (select count(*) from risk_decisions where account = ${account}) as risk,
           (select count(*) from notifications where account = ${account}) as notes,
           (select count(*) from signals where account = ${account}) as signals,
           (select units from positions where account = ${account} and instrument = ${INSTRUMENT}) as units`;
  t.same({ ...rows }, {
    orders: String(new Set(orders.map((u) => u.orderId)).size), events: String(orders.length), fills: String(allFills.length),
    risk: String(decisions.length), notes: String(notes.length), signals: String(reference.length), units: String(net),
  }, 'orders, their events, fills, risk decisions, notifications, signals and the position: all in PostgreSQL');
  t.match(await verifyAuditLog(sql), { ok: true }, 'the audit chain verifies');
});
