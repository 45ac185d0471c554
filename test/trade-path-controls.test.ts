/**
 * The trade path's controls: risk limits stored in PostgreSQL take effect without a restart, broker
 * reconciliation halts (or adopts) an account whose broker positions differ from the engine's, orders wait
 * their turn, and the recovery consumer hands journaled signals to the actor of their mode.
 */
import { randomBytes } from 'node:crypto';
import t, { type Test } from 'tap';
import { type Broker, type OrderRequest, PaperBroker, type ReconcileReport } from '../actors/execution/mod.ts';
import { type Bus, connectBus } from '../engine/bus/mod.ts';
import { type OrderUpdateFields, readOrderUpdate, readRiskDecision, type RiskDecisionFields } from '../engine/events/trade.ts';
import { signalMessage } from '../engine/node/journal.ts';
import { TradePath, type TradePathOptions } from '../engine/node/trade-path.ts';
import { readRiskState, saveLimits } from '../engine/risk/mod.ts';
import { applyMigrations, connectPostgres, connectRedis, type Redis } from '../engine/store/mod.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { silentLogger, waitFor } from './helpers/engine.ts';
import { databaseUrl, natsUrl, orderStore, probes, redisUrl, requireService, throwawaySchema } from './helpers/services.ts';

const INSTRUMENT = 'EUR_USD';
const T0 = Date.UTC(2014, 4, 5, 10);

/** A buy of `units` at 1.1 / 1.1001 to execute, on tick `i` (T0 + i s). */
function autoExecute(id: string, account: string, i: number, units = 1000): EngineSignal {
  return {
    id, type: 'SIGNAL_AUTO_EXECUTE', instrument: INSTRUMENT, time_ms: T0 + i * 1000, workflow_id: 'wf', workflow_version: 1, node_id: 'buy',
    trigger_node_id: 't', account, price: 1.1001, bid: 1.1, ask: 1.1001, side: 'buy', units, stop_loss_pips: null, take_profit_pips: null,
    cooldown_s: null, expiry_s: null, tick_seq: i, tradeable: true,
  };
}

interface Rig { bus: Bus; redis: Redis; account: string; decisions: RiskDecisionFields[]; signal(i: number, units?: number): EngineSignal }

async function rig(t: Test): Promise<Rig | null> {
  if (!(await requireService(t, 'redis', probes.redis))) return null;
  const tag = randomBytes(4).toString('hex');
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const { redis, signalIds: ids } = await orderStore(t, bus);
  const account = `ctl${tag}`;
  const decisions: RiskDecisionFields[] = [];
  await bus.consume('RISK', Subjects.riskDecisions(account), (m) => { decisions.push(readRiskDecision(m.data)); });
  return {
    bus, redis, account, decisions,
    signal(i, units = 1000) {
      const id = `ctl-${tag}-${i}`;
      ids.push(id);
      return autoExecute(id, account, i, units);
    },
  };
}

async function start(t: Test, r: Rig, o: Partial<TradePathOptions>): Promise<TradePath> {
  const trade = await TradePath.start({
    bus: r.bus, redis: r.redis, logger: silentLogger(), nodeId: 'ctl', broker: new PaperBroker(), quote: () => null, recover: false,
    durablePrefix: `ctl-${r.account}`, risk: { instruments: [INSTRUMENT] }, ...o,
  });
  t.teardown(() => trade.stop());
  return trade;
}

/** A throwaway schema with the migrations applied, where risk limits are stored; null without PostgreSQL. */
async function limitsDatabase(t: Test) {
  if (!(await requireService(t, 'postgres', probes.postgres))) return null;
  const admin = await connectPostgres(databaseUrl(), { max: 2 });
  t.teardown(() => admin.end());
  const { sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  return sql;
}

async function order(trade: TradePath, s: EngineSignal) {
  trade.onSignal(s);
  await trade.idle();
}

t.test('risk limits stored in PostgreSQL apply at start and follow a change without a restart', async (t) => {
  const r = await rig(t);
  const sql = r && (await limitsDatabase(t));
  if (!r || !sql) return;
  await saveLimits(sql, r.account, { max_order_units: 500 });
  const trade = await start(t, r, { limitsStore: sql });

  await order(trade, r.signal(1, 1000));
  t.match(r.decisions.at(-1), { approved: false, reason: 'MAX_ORDER_UNITS', limit: 500, value: 1000 }, 'the stored limit holds from the start');

  await saveLimits(sql, r.account, { max_order_units: 2000, max_position_units: 1500 });
  t.ok(await waitFor(() => trade.execution.riskOf(r.account)?.limits.max_order_units === 2000, 5000), 'the change reaches the running budget');
  await order(trade, r.signal(2, 1000));
  t.match(r.decisions.at(-1), { approved: true }, 'the same order passes under the raised limit');
  t.ok(r.decisions.at(-1)!.limitsJson.includes('"max_position_units":1500'), 'and its decision journals the limits in force');
  await order(trade, r.signal(3, 1000));
  t.match(r.decisions.at(-1), { approved: false, reason: 'MAX_POSITION', limit: 1500, value: 2000 }, 'the new position limit binds, counting the first fill');
  t.equal(trade.stats().filled, 1);
});

t.test("reconciliation 'halt': a position the engine never saw halts the account until the broker and engine agree", async (t) => {
  const r = await rig(t);
  if (!r) return;
  const broker = new PaperBroker();
  const reports: ReconcileReport[] = [];
  const trade = await start(t, r, { broker, reconcile: { accounts: [r.account], policy: 'halt', intervalMs: 100 }, onReconcile: (x) => reports.push(x) });
  t.ok(reports[0]?.ok, 'agree at start');
  await order(trade, r.signal(1));
  t.equal(trade.stats().filled, 1, 'an order while they agree');
  // A trade placed at the broker behind the engine's back (by hand, or by another system).
  await broker.submit({ signalId: `manual-${r.account}`, account: r.account, instrument: INSTRUMENT, side: 'sell', units: 400, timeMs: T0 + 5000,
    bid: 1.1, ask: 1.1001 });
  t.ok(await waitFor(() => reports.some((x) => x.action === 'halted'), 5000), 'the next run halts the account');
  t.match(reports.find((x) => x.action === 'halted')!.differences, [{ kind: 'UNITS_MISMATCH', instrument: INSTRUMENT, engine: 1000, broker: 600 }]);
  t.ok(readRiskState(trade.execution.riskOf(r.account)!).halted.reconciliation, 'halted in the shared budget');
  await order(trade, r.signal(2));
  t.match(r.decisions.at(-1), { approved: false, reason: 'ACCOUNT_HALTED' }, 'orders are rejected while halted');
  // The engine learns of the trade (here: adopting it by hand); the next clean run lifts the halt.
  trade.portfolio.adoptPosition(r.account, INSTRUMENT, 600, trade.portfolio.positionsOf(r.account)[0]!.avgPrice);
  t.ok(await waitFor(() => !readRiskState(trade.execution.riskOf(r.account)!).halted.reconciliation, 5000), 'a clean run resumes trading');
  await order(trade, r.signal(3));
  t.match(r.decisions.at(-1), { approved: true });
});

t.test("reconciliation 'adopt': the engine takes the broker's positions", async (t) => {
  const r = await rig(t);
  if (!r) return;
  const broker = new PaperBroker();
  await broker.submit({ signalId: `before-${r.account}`, account: r.account, instrument: INSTRUMENT, side: 'buy', units: 700, timeMs: T0,
    bid: 1.1, ask: 1.1001 });
  const reports: ReconcileReport[] = [];
  const trade = await start(t, r, { broker, reconcile: { accounts: [r.account], policy: 'adopt' }, onReconcile: (x) => reports.push(x) });
  t.equal(reports[0]?.action, 'adopted', 'the start-up run adopts');
  t.match(trade.portfolio.positionsOf(r.account), [{ instrument: INSTRUMENT, units: 700, avgPrice: 1.1001 }]);
});

t.test("reconciliation 'adopt' at start (a restart): the broker's positions and trades count against the account's limits", async (t) => {
  const r = await rig(t);
  if (!r) return;
  const broker = new PaperBroker();
  // What the account held when the node stopped: 700 long in two trades.
  for (const [i, units] of [[1, 400], [2, 300]]) {
    await broker.submit({ signalId: `before-${i}-${r.account}`, account: r.account, instrument: INSTRUMENT, side: 'buy', units, timeMs: T0,
      bid: 1.1, ask: 1.1001 });
  }
  const reports: ReconcileReport[] = [];
  const trade = await start(t, r, {
    broker, risk: { instruments: [INSTRUMENT], limits: { max_position_units: 1000, max_open_trades: 3 } },
    reconcile: { accounts: [r.account], policy: 'adopt', intervalMs: 100 }, onReconcile: (x) => reports.push(x),
  });
  t.equal(reports[0]?.action, 'adopted', 'the start-up run adopts');
  t.match(readRiskState(trade.execution.riskOf(r.account)!), { instruments: [{ instrument: INSTRUMENT, position: 700 }], openTrades: 2 },
    'the budget holds the adopted position and its trades');
  await order(trade, r.signal(1, 500));
  t.match(r.decisions.at(-1), { approved: false, reason: 'MAX_POSITION', limit: 1000, value: 1200 }, 'a buy past the limit, counting the adopted 700');
  await order(trade, r.signal(2, 300));
  t.match(r.decisions.at(-1), { approved: true }, 'up to the limit');
  const sell = r.signal(3, 100);
  await order(trade, { ...sell, side: 'sell', node_id: 'sell' });
  t.match(r.decisions.at(-1), { approved: false, reason: 'MAX_OPEN_TRADES', limit: 3, value: 4 }, 'a fourth trade, counting the adopted two');
  const at = reports.length;
  t.ok(await waitFor(() => reports.length > at, 5000));
  t.match(reports.at(-1), { ok: true, differences: [] }, 'the next run finds broker and engine agree');
});

t.test('an account given limits while it holds positions: its new budget counts them', async (t) => {
  const r = await rig(t);
  const sql = r && (await limitsDatabase(t));
  if (!r || !sql) return;
  const trade = await start(t, r, { limitsStore: sql });
  await order(trade, r.signal(1, 400));
  await order(trade, r.signal(2, 300));
  t.equal(trade.stats().filled, 2, 'two fills without limits');
  t.equal(trade.execution.riskOf(r.account), null, 'and no budget');

  await saveLimits(sql, r.account, { max_position_units: 1000 });
  t.ok(await waitFor(() => trade.execution.riskOf(r.account) !== null, 5000), 'limits arrive');
  t.match(readRiskState(trade.execution.riskOf(r.account)!), { instruments: [{ instrument: INSTRUMENT, position: 700 }], openTrades: 2 },
    'the new budget holds the position and its trades');
  await order(trade, r.signal(3, 500));
  t.match(r.decisions.at(-1), { approved: false, reason: 'MAX_POSITION', limit: 1000, value: 1200 });
  const close = r.signal(4, 700);
  await order(trade, { ...close, side: 'sell', node_id: 'sell', bid: 1.1002, ask: 1.1003 });
  t.match(r.decisions.at(-1), { approved: true }, 'a sell of all of it');
  t.equal(trade.stats().filled, 3);
  t.match(readRiskState(trade.execution.riskOf(r.account)!), { instruments: [{ position: 0, longBound: 0, shortBound: 0 }], openTrades: 0 },
    'flat, every trade closed (its two trades and the sell, none missing, none left over)');
  t.ok(readRiskState(trade.execution.riskOf(r.account)!).realizedToday > 0, 'the profit of the position held before is booked');
});

t.test('a burst of signals waits its turn: at most maxOrdersExecuting orders in execution, all of them settled in arrival order', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const paper = new PaperBroker();
  let open = 0, most = 0;
  const submitted: string[] = [];
  const released: Array<() => void> = [];
  const broker: Broker = {
    name: paper.name,
    submit: async (o: OrderRequest) => {
      submitted.push(o.signalId);
      most = Math.max(most, ++open);
      await new Promise<void>((go) => released.push(go));
      open--;
      return paper.submit(o);
    },
  };
  const trade = await start(t, r, { broker, maxOrdersExecuting: 3 });
  const signals = Array.from({ length: 10 }, (_, i) => r.signal(i + 1));
  for (const s of signals) trade.onSignal(s);
  t.equal(trade.stats().pending, 10, 'every signal taken');
  while (submitted.length < 10 || released.length > 0) {
    if (released.length === 0) {
      await new Promise((go) => setTimeout(go, 5));
      continue;
    }
    released.shift()!();
  }
  await trade.idle();
  t.equal(most, 3, 'never more than 3 orders at the broker at once');
  t.same(submitted, signals.map((s) => s.id), 'submitted in arrival order');
  t.match(trade.stats(), { filled: 10, pending: 0 }, 'every order filled');
  await t.rejects(TradePath.start({
    bus: r.bus, redis: r.redis, logger: silentLogger(), nodeId: 'x', broker: paper, quote: () => null, recover: false, maxOrdersExecuting: 0,
  }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('max_signal_age_ms: signals that waited their turn longer than the limit are refused SIGNAL_STALE, not traded late', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const paper = new PaperBroker();
  let release = (): void => {};
  const held = new Promise<void>((go) => { release = go; });
  const broker: Broker = { name: paper.name, submit: async (o: OrderRequest) => { await held; return paper.submit(o); } };
  const trade = await start(t, r, {
    broker, maxOrdersExecuting: 1, risk: { instruments: [INSTRUMENT], limits: { account: r.account, max_signal_age_ms: 300 } },
  });
  const signals = [1, 2, 3].map((i) => r.signal(i));
  for (const s of signals) trade.onSignal(s);
  // The first is at the broker; the other two wait behind it, past their age limit.
  await new Promise((go) => setTimeout(go, 600));
  release();
  await trade.idle();
  t.match(trade.stats(), { filled: 1, pending: 0 }, 'only the order decided in time filled');
  const rejected = r.decisions.filter((d) => !d.approved);
  t.same(rejected.map((d) => [d.signalId, d.reason, d.limit]), [[signals[1]!.id, 'SIGNAL_STALE', 300], [signals[2]!.id, 'SIGNAL_STALE', 300]],
    'the two that waited are journaled stale with the limit');
  t.ok(rejected.every((d) => d.value! >= 600), `with their age (${rejected.map((d) => d.value).join(', ')} ms)`);
});

t.test('recovery: one SIGNALS consumer hands each journaled signal to the actor of its mode (an alert, a confirmation, an order)', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const notes: string[] = [];
  await r.bus.consume('NOTIFY', Subjects.notifications(r.account), (m) => { notes.push(m.subject); });
  const paper = new PaperBroker();
  const trade = await start(t, r, {
    broker: paper, recover: true, quote: () => ({ timeMs: T0, bid: 1.1, ask: 1.1001 }), owns: (a) => a === r.account,
  });
  const order = r.signal(1);
  const alert: EngineSignal = { ...r.signal(2), type: 'SIGNAL_ALERT' };
  const confirm: EngineSignal = { ...r.signal(3), type: 'SIGNAL_PENDING_CONFIRMATION', expiry_s: 60 };
  const other: EngineSignal = { ...r.signal(4), account: `${r.account}x` };
  // Journaled by a node that never handed them over in memory (it died): only the consumer sees them.
  for (const s of [order, alert, confirm, other]) {
    const m = signalMessage(s, 'test');
    await r.bus.publish(m.subject, m.data, { msgId: m.msgId });
  }
  await r.bus.publish(Subjects.signals(r.account), new Uint8Array([1, 2, 3]));
  t.ok(await waitFor(() => trade.stats().filled === 1 && notes.length === 1 && trade.confirmation.get(confirm.id) !== undefined, 10_000),
    'the order filled, the alert notified, the confirmation pending');
  t.equal(trade.confirmation.get(confirm.id)?.state, 'PENDING_CONFIRMATION');
  t.equal(trade.execution.stats().duplicates, 0);
  // In memory again (a node that did hand it over, then read it back): nothing new.
  trade.onSignal(order);
  await trade.idle();
  t.match(trade.stats(), { filled: 1, duplicates: 1 }, 'the order is not placed twice; another node\'s account got none');
  t.equal(trade.confirmation.get(other.id), undefined);
  const letters: Uint8Array[] = [];
  await r.bus.consume('DEAD_LETTERS', '>', (m) => { letters.push(m.data); }, { deliver: 'all' });
  t.ok(await waitFor(() => letters.length === 1, 5000), 'the message that is not a signal is set aside as a dead letter');
});

t.test('upgrade: the recovery durable takes up where the per-actor durables of earlier versions stopped, and they are deleted', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis)) || !(await requireService(t, 'nats', probes.nats))) return;
  const tag = randomBytes(4).toString('hex');
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl() });
  await bus.ensureStreams();
  const redis = await connectRedis(redisUrl());
  const account = `upg${tag}`, prefix = `upg-${tag}`;
  const ids: string[] = [];
  t.teardown(async () => {
    if (ids.length > 0) await redis.del(...ids.map((id) => `pipstream:order:${id}`));
    for (const d of ['execution', 'alert', 'recovery']) await bus.deleteDurable('SIGNALS', `${prefix}-${d}`);
    await redis.quit();
    await bus.close();
  });
  const signal = (i: number): EngineSignal => {
    const id = `upg-${tag}-${i}`;
    ids.push(id);
    return autoExecute(id, account, i);
  };
  const journal = async (s: EngineSignal) => {
    const m = signalMessage(s, 'test');
    await bus.publish(m.subject, m.data, { msgId: m.msgId });
  };
  // The old node: its execution and alert durables read signal 1 (handled then), and it stops.
  const handled = signal(1);
  const seen = { execution: 0, alert: 0 };
  const old = await Promise.all((['execution', 'alert'] as const).map((name) =>
    bus.consume('SIGNALS', Subjects.signals(account), (m) => { seen[name]++; m.ack(); }, { durable: `${prefix}-${name}`, deliver: 'new' })));
  await journal(handled);
  t.ok(await waitFor(() => seen.execution === 1 && seen.alert === 1, 5000), 'the old durables read the first signal');
  for (const c of old) await c.close();
  // Journaled while no node ran: the upgraded node must still place it.
  const missed = signal(2);
  await journal(missed);
  const trade = await TradePath.start({
    bus, redis, logger: silentLogger(), nodeId: 'upg', broker: new PaperBroker(), quote: () => null, recover: true, durablePrefix: prefix,
    owns: (a) => a === account, accounts: () => [],
  });
  t.teardown(() => trade.stop());
  t.ok(await waitFor(() => trade.stats().filled === 1, 10_000), 'the signal journaled while the node was down got its order');
  await new Promise((r) => setTimeout(r, 300));
  t.equal(trade.stats().filled, 1, 'the signal the old node handled was not taken up again');
  t.equal(await bus.durableResumeSeq('SIGNALS', `${prefix}-execution`), null, 'the old execution durable is gone');
  t.equal(await bus.durableResumeSeq('SIGNALS', `${prefix}-alert`), null, 'the old alert durable is gone');
  t.not(await bus.durableResumeSeq('SIGNALS', `${prefix}-recovery`), null, 'the recovery durable exists');
});

t.test('a paper trade\'s stop-loss, live: the tick that reaches it closes the trade, journaled on ORDERS and booked outside the limits', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const events: OrderUpdateFields[] = [];
  await r.bus.consume('ORDERS', Subjects.orders(r.account), (m) => { events.push(readOrderUpdate(m.data)); });
  const trade = await start(t, r, { risk: { limits: { max_position_units: 1000 }, instruments: [INSTRUMENT] } });
  await order(trade, { ...r.signal(1), stop_loss_pips: 10, take_profit_pips: 20 });
  await order(trade, r.signal(2));
  t.match(r.decisions.map((d) => d.reason), [null, 'MAX_POSITION'], 'the position limit binds while the trade is open');
  const risk = () => readRiskState(trade.execution.riskOf(r.account)!);
  t.equal(risk().instruments[0].position, 1000);
  trade.mark(INSTRUMENT, T0 + 3000, 1.0995, 1.0996);
  t.equal(trade.stats().closes, 0, 'above the stop (1.0991): nothing');
  trade.mark(INSTRUMENT, T0 + 4000, 1.099, 1.0991);
  t.equal(trade.stats().closes, 1);
  t.ok(await waitFor(() => events.some((e) => e.reason === 'STOP_LOSS')), 'the close on ORDERS');
  const close = events.find((e) => e.reason === 'STOP_LOSS')!;
  t.match(close, { state: 'FILLED', side: 'sell', units: 1000, price: 1.099, timeMs: T0 + 4000, broker: 'paper' });
  t.equal(close.signalId, events.find((e) => e.state === 'FILLED' && e.reason === null)!.signalId, 'the opening signal\'s id');
  t.equal(trade.portfolio.positionsOf(r.account).reduce((n, p) => n + p.units, 0), 0, 'flat');
  t.match(risk(), { instruments: [{ position: 0 }], openTrades: 0 }, 'the budget follows: position and open trade back');
  await order(trade, r.signal(5));
  t.equal(r.decisions.at(-1)!.approved, true, 'room again for a new order');
  trade.mark(INSTRUMENT, T0 + 6000, 1.08, 1.0801);
  t.equal(trade.stats().closes, 1, 'a trade without levels is never closed by the broker');
});

t.test('a stop reached before execution settled the fill (its journal still unacked) waits for it: opened, then closed, books exact', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const events: OrderUpdateFields[] = [];
  await r.bus.consume('ORDERS', Subjects.orders(r.account), (m) => { events.push(readOrderUpdate(m.data)); });
  // The journal's acks come 300 ms late: execution settles (and the portfolio books) the fill only then.
  const publishAcked = r.bus.publishAcked.bind(r.bus);
  r.bus.publishAcked = (subject, data, opts, done) => publishAcked(subject, data, opts, (err, ack) => { setTimeout(() => done(err, ack), 300); });
  const errors: string[] = [];
  const trade = await start(t, r, { risk: { limits: { max_position_units: 1000 }, instruments: [INSTRUMENT] }, onError: (e) => errors.push(e.message) });
  trade.onSignal({ ...r.signal(1), stop_loss_pips: 10 });
  // Claimed and filled within these 100 ms; settled only after the acks.
  await new Promise((res) => setTimeout(res, 100));
  t.equal(trade.stats().pending, 1, 'filled, not settled yet');
  trade.mark(INSTRUMENT, T0 + 2000, 1.099, 1.0991);
  t.equal(trade.stats().closes, 0, 'the close waits for the fill it closes');
  await trade.idle();
  t.equal(trade.stats().closes, 1, 'then comes');
  t.same(errors, []);
  t.ok(await waitFor(() => events.filter((e) => e.state === 'FILLED').length === 2), 'both fills on ORDERS');
  t.same(events.filter((e) => e.state === 'FILLED').map((e) => e.reason), [null, 'STOP_LOSS'], 'opened, then closed');
  t.equal(trade.portfolio.positionsOf(r.account).reduce((n, p) => n + p.units, 0), 0);
  t.match(readRiskState(trade.execution.riskOf(r.account)!), { instruments: [{ position: 0 }], openTrades: 0 });
});
