/**
 * A paper account survives a restart: its book lives in the paper broker's memory, so a node rebuilds it at
 * start from its Redis checkpoint and the ORDERS journal after it (fills and stop/target closes, oldest
 * first), or from the journal alone, and the portfolio and the risk budget with it. Against real JetStream
 * and Redis.
 */
import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import t, { type Test } from 'tap';
import { PaperBroker, type ReconcileReport } from '../actors/execution/mod.ts';
import { type Bus, connectBus, readToEnd } from '../engine/bus/mod.ts';
import type { PipstreamError } from '../engine/errors/mod.ts';
import { orderUpdateMessage, readOrderUpdate, type OrderUpdateFields } from '../engine/events/trade.ts';
import { bookCheckpointKey } from '../engine/node/book-checkpoint.ts';
import { TradePath, type TradePathOptions } from '../engine/node/trade-path.ts';
import { readRiskState } from '../engine/risk/mod.ts';
import type { Redis } from '../engine/store/mod.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { Streams, Subjects } from '../engine/switchboard/mod.ts';
import { silentLogger } from './helpers/engine.ts';
import { natsUrl, orderStore, probes, requireService } from './helpers/services.ts';

const INSTRUMENT = 'EUR_USD';
const T0 = Date.UTC(2014, 4, 5, 10);
const LIMITS = { max_position_units: 10_000, max_open_trades: 6 };

interface Rig { bus: Bus; redis: Redis; account: string; signal(i: number, side: 'buy' | 'sell', units: number, sl?: number, tp?: number): EngineSignal }

async function rig(t: Test): Promise<Rig | null> {
  if (!(await requireService(t, 'nats', probes.nats)) || !(await requireService(t, 'redis', probes.redis))) return null;
  const tag = randomBytes(4).toString('hex');
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl() });
  await bus.ensureStreams();
  const { redis, signalIds: ids } = await orderStore(t, bus);
  const account = `book${tag}`;
  t.teardown(() => redis.del(bookCheckpointKey('paper', account)));
  return {
    bus, redis, account: `book${tag}`,
    signal(i, side, units, sl, tp) {
      const id = `book-${tag}-${i}`;
      ids.push(id);
      return {
        id, type: 'SIGNAL_AUTO_EXECUTE', instrument: INSTRUMENT, time_ms: T0 + i * 1000, workflow_id: 'wf', workflow_version: 1, node_id: side,
        trigger_node_id: 't', account: `book${tag}`, price: 1.1001, bid: 1.1, ask: 1.1001, side, units, stop_loss_pips: sl ?? null,
        take_profit_pips: tp ?? null, cooldown_s: null, expiry_s: null, tick_seq: i, tradeable: true,
      };
    },
  };
}

async function start(r: Rig, broker: PaperBroker, o: Partial<TradePathOptions> = {}): Promise<TradePath> {
  return TradePath.start({
    bus: r.bus, redis: r.redis, logger: silentLogger(), nodeId: 'book', broker, quote: () => null, recover: false,
    durablePrefix: `book-${r.account}`, risk: { instruments: [INSTRUMENT], limits: LIMITS }, accounts: () => [r.account], ...o,
  });
}

async function order(trade: TradePath, s: EngineSignal): Promise<void> {
  trade.onSignal(s);
  await trade.idle();
}

/** What each book holds: the broker's view, the portfolio's positions, the budget's counters. */
async function books(trade: TradePath, broker: PaperBroker, account: string) {
  const view = await broker.accountView(account);
  const risk = readRiskState(trade.execution.riskOf(account)!);
  return {
    broker: { positions: view.positions, openTradeCount: view.openTradeCount },
    portfolio: trade.portfolio.positionsOf(account).map((p) => ({ instrument: p.instrument, units: p.units, avgPrice: p.avgPrice, realized: p.realized })),
    budget: { instruments: risk.instruments, openTrades: risk.openTrades, realizedToday: risk.realizedToday },
  };
}

async function ordersOf(bus: Bus, account: string): Promise<OrderUpdateFields[]> {
  const out: OrderUpdateFields[] = [];
  await readToEnd(bus, 'ORDERS', Subjects.orders(account), 'all', (m) => { out.push(readOrderUpdate(m.data)); });
  return out;
}

t.test('a restarted node rebuilds its paper book from the journal: broker, portfolio and budget as they were, stops still working', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const before = new PaperBroker();
  const first = await start(r, before);
  await order(first, r.signal(1, 'buy', 1000, 10)); // stop-loss 1.0991
  await order(first, r.signal(2, 'buy', 2000));
  await order(first, r.signal(3, 'sell', 400)); // FIFO: the first trade is down to 600
  first.mark(INSTRUMENT, T0 + 4000, 1.099, 1.0991); // reaches its stop: the 600 close at 1.0990
  await order(first, r.signal(5, 'buy', 1500, undefined, 5)); // take-profit 1.1006
  await order(first, r.signal(6, 'sell', 300)); // FIFO: the 2,000 trade is down to 1,700
  t.equal(first.stats().closes, 1, 'one stop-loss hit before the restart');
  const held = await books(first, before, r.account);
  t.match(held.broker, { positions: [{ instrument: INSTRUMENT, units: 3200 }], openTradeCount: 2 });
  t.ok(held.budget.realizedToday < 0, `a loss realized today (${held.budget.realizedToday}), which the daily loss limit counts`);
  await first.stop();
  const journaled = await ordersOf(r.bus, r.account);
  t.equal(journaled.filter((u) => u.state === 'FILLED').length, 6, 'five fills and the close journaled');
  t.equal(first.stats().checkpointsWritten > 0, true, 'the book was checkpointed');
  await r.redis.del(bookCheckpointKey('paper', r.account)); // as a node of a version without checkpoints left it

  const after = new PaperBroker();
  const reports: ReconcileReport[] = [];
  const second = await start(r, after, { reconcile: { accounts: [r.account], policy: 'halt' }, onReconcile: (x) => reports.push(x) });
  t.same(await books(second, after, r.account), held, 'the same book at the broker, in the portfolio and in the budget');
  t.match(second.stats(), { restored: 6, unrestored: 0, orders: 0, checkpointsLoaded: 0 });
  t.match(reports[0], { ok: true, differences: [] }, 'reconciliation at start finds them equal');
  t.equal((await ordersOf(r.bus, r.account)).length, journaled.length, 'nothing journaled again');

  t.match(readRiskState(second.execution.riskOf(r.account)!).instruments[0], { position: 3200 });
  await order(second, r.signal(7, 'buy', 7000));
  t.equal(second.stats().filled, 0, 'the limit counts what the book held before the restart (3,200 + 7,000 > 10,000)');

  second.mark(INSTRUMENT, T0 + 8000, 1.1006, 1.1007);
  t.equal(second.stats().closes, 1, "a restored trade's take-profit closes it");
  const views = await after.accountView(r.account);
  t.match(views, { positions: [{ units: 1700 }], openTradeCount: 1 }, 'the 1,500 trade closed at its target; the 1,700 one stays');
  t.match(second.portfolio.positionsOf(r.account), [{ units: 1700 }], 'and the portfolio with it');
  await second.stop();
});

t.test('journaled fills that do not apply are counted, not booked: a close whose trade is older than the journal', async (t) => {
  const r = await rig(t);
  if (!r) return;
  // A close of a trade the journal never saw opened (aged out), then a fill of the account's.
  const close = orderUpdateMessage({
    orderId: `gone-${r.account}`, signalId: 'gone', account: r.account, instrument: INSTRUMENT, state: 'FILLED', side: 'sell', units: 500,
    timeMs: T0, broker: 'paper', price: 1.1, reason: 'STOP_LOSS', riskLimit: null, riskValue: null, stopLossPrice: null, takeProfitPrice: null,
    slippagePips: 0, bid: 1.1, ask: 1.1001, expiresMs: null, workflowId: '', workflowVersion: 0, stopLossPips: null, takeProfitPips: null, brokerTransactionId: null,
  });
  await r.bus.publish(close.subject, close.data, { msgId: close.msgId });
  const first = await start(r, new PaperBroker());
  await order(first, r.signal(1, 'buy', 1000));
  await first.stop();
  await r.redis.del(bookCheckpointKey('paper', r.account)); // the journal alone
  const second = await start(r, new PaperBroker());
  t.match(second.stats(), { restored: 1, unrestored: 1 });
  t.match(second.portfolio.positionsOf(r.account), [{ units: 1000 }]);
  await second.stop();
});

/** Six fills and a stop-loss close, as in the first test, on a running trade path. */
async function trade(t: Test, r: Rig, path: TradePath, from: number): Promise<void> {
  await order(path, r.signal(from, 'buy', 1000, 10)); // stop-loss 10 pips below
  await order(path, r.signal(from + 1, 'buy', 2000));
  await order(path, r.signal(from + 2, 'sell', 400));
  path.mark(INSTRUMENT, T0 + (from + 3) * 1000, 1.099, 1.0991); // reaches the stop: the 600 left of the first trade closes
  await order(path, r.signal(from + 4, 'buy', 1500, undefined, 5)); // take-profit 5 pips above
  await order(path, r.signal(from + 5, 'sell', 300));
  t.ok(path.stats().closes >= 1, 'the stop-loss closed a trade');
}

async function purgeJournal(bus: Bus, account: string): Promise<void> {
  await (await jetstreamManager(bus.nats!)).streams.purge(Streams.ORDERS.name, { filter: Subjects.orders(account) });
}

t.test('the checkpoint keeps a paper book the journal no longer has: every fill aged out of ORDERS, the same book after a restart', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const before = new PaperBroker();
  const first = await start(r, before, { bookCheckpointEveryMs: 20 });
  await trade(t, r, first, 1);
  const held = await books(first, before, r.account);
  const pnl = first.portfolio.accountSnapshot(first.portfolio.account(r.account));
  const lastTx = Number((await before.accountView(r.account)).lastTransactionId);
  // While it runs (not only at stop): within a few of its 20 ms periods, a checkpoint of everything so far.
  const key = bookCheckpointKey('paper', r.account);
  const latest = async () => JSON.parse((await r.redis.get(key)) ?? '{}').lastTransactionId as number | undefined;
  for (const deadline = Date.now() + 5000; (await latest()) !== lastTx && Date.now() < deadline;) await new Promise((w) => setTimeout(w, 10));
  t.equal(await latest(), lastTx, 'checkpointed while running, up to the last fill');
  await first.stop();

  await purgeJournal(r.bus, r.account); // the journal keeps 7 days: these fills are gone from it
  t.same(await ordersOf(r.bus, r.account), [], 'nothing of the account left on ORDERS');
  const after = new PaperBroker();
  const reports: ReconcileReport[] = [];
  const second = await start(r, after, { reconcile: { accounts: [r.account], policy: 'halt' }, onReconcile: (x) => reports.push(x) });
  t.match(second.stats(), { checkpointsLoaded: 1, restored: 0, unrestored: 0 });
  t.same(await books(second, after, r.account), held, 'broker, portfolio (realized P&L included) and budget as they were');
  const now = second.portfolio.accountSnapshot(second.portfolio.account(r.account));
  t.equal(now.realized, pnl.realized, 'the account\'s realized P&L');
  t.match(reports[0], { ok: true, differences: [] }, 'reconciliation at start finds them equal');

  await order(second, r.signal(20, 'buy', 100));
  const tx = (await after.accountView(r.account, String(lastTx))).transactions;
  t.match(tx, [{ units: 100 }], 'a new fill after the restart ...');
  t.ok(Number(tx[0]!.id) > lastTx, `... has a transaction id after the checkpoint's (${tx[0]!.id} > ${lastTx})`);
  second.mark(INSTRUMENT, T0 + 30_000, 1.1006, 1.1007);
  t.equal(second.stats().closes, 1, "a checkpointed trade's take-profit still closes it");
  t.match(second.portfolio.positionsOf(r.account), [{ units: 1800 }], 'leaving 1,700 + 100');
  await second.stop();
});

t.test('a node that died after its last checkpoint: the fills journaled after it are replayed on top of it, the ones before it are not', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const first = await start(r, new PaperBroker());
  await trade(t, r, first, 1);
  await first.stop();
  const key = bookCheckpointKey('paper', r.account);
  const checkpoint = await r.redis.get(key);
  t.ok(checkpoint, 'a checkpoint after the first run');

  // The second run trades on, then "dies" before checkpointing: its stop writes one, which is put back as it was.
  const broker = new PaperBroker();
  const second = await start(r, broker, { bookCheckpointEveryMs: 3_600_000 });
  t.match(second.stats(), { checkpointsLoaded: 1, restored: 0 });
  await trade(t, r, second, 10);
  const held = await books(second, broker, r.account);
  const realized = second.portfolio.accountSnapshot(second.portfolio.account(r.account)).realized;
  await second.stop();
  await r.redis.set(key, checkpoint!);

  const after = new PaperBroker();
  const errors: PipstreamError[] = [];
  const third = await start(r, after, { onError: (e) => errors.push(e) });
  t.match(third.stats(), { checkpointsLoaded: 1, restored: 6, unrestored: 0 }, 'the checkpoint, then the six fills made after it');
  t.same(await books(third, after, r.account), held, 'the same book as when the second run stopped');
  t.equal(third.portfolio.accountSnapshot(third.portfolio.account(r.account)).realized, realized, 'the same realized P&L');
  await third.stop();
  t.ok(third.stats().checkpointsWritten >= 1, 'and a new checkpoint covers them');
  t.same(errors, []);
});

t.test('a checkpoint that is not one is reported and the book is rebuilt from the journal alone', async (t) => {
  const r = await rig(t);
  if (!r) return;
  const first = await start(r, new PaperBroker());
  await order(first, r.signal(1, 'buy', 1000));
  await first.stop();
  const key = bookCheckpointKey('paper', r.account);
  const cp = JSON.parse((await r.redis.get(key))!) as { positions: Array<{ units: unknown }> };
  cp.positions[0]!.units = 'lots';
  await r.redis.set(key, JSON.stringify(cp));
  const errors: PipstreamError[] = [];
  const second = await start(r, new PaperBroker(), { onError: (e) => errors.push(e) });
  t.match(errors, [{ code: 'PS_BOOK_RESTORE', message: /positions\[0\]\.units must be .*rebuilt from the journal alone/ }]);
  t.match(second.stats(), { checkpointsLoaded: 0, restored: 1 });
  t.match(second.portfolio.positionsOf(r.account), [{ units: 1000 }]);
  await second.stop();
});

t.test("a restart keeps the equity peak a drawdown limit measures from: a limit reached after it halts as it would have", async (t) => {
  const r = await rig(t);
  if (!r) return;
  const o = { defaultBalance: 10_000, risk: { instruments: [INSTRUMENT], limits: { ...LIMITS, max_drawdown_pct: 1 } } };
  const first = await start(r, new PaperBroker(), o);
  await order(first, r.signal(1, 'buy', 10_000)); // at 1.1001
  first.mark(INSTRUMENT, T0 + 2000, 1.1101, 1.1102); // +100: equity 10,100, the peak
  first.mark(INSTRUMENT, T0 + 3000, 1.1051, 1.1052); // 10,050: 0.5 % below it
  const risk = readRiskState(first.execution.riskOf(r.account)!);
  t.match(risk, { equityPeak: 10_100, halted: { drawdown: false } });
  await first.stop();

  const second = await start(r, new PaperBroker(), o);
  t.match(readRiskState(second.execution.riskOf(r.account)!), { equityPeak: 10_100, halted: { drawdown: false } }, "the budget's peak as it was");
  t.match(second.portfolio.accountSnapshot(second.portfolio.account(r.account)), { equityPeak: 10_100 }, "and the portfolio's");
  second.mark(INSTRUMENT, T0 + 4000, 1.0995, 1.0996); // 9,994: 1.05 % below the peak (0.06 % below a fresh start's 10,000)
  t.match(readRiskState(second.execution.riskOf(r.account)!), { halted: { drawdown: true } }, 'the 1 % drawdown limit halts the account');
  await order(second, r.signal(5, 'buy', 100));
  t.equal(second.stats().filled, 0, 'and its next order is refused');
  // The operator's decision to trade on (risk.control.<account>, as the gateway sends it): drawdown from here.
  const reply = JSON.parse(Buffer.from(await r.bus.request(Subjects.riskControl(r.account), Buffer.from('{"op":"clear_drawdown_halt"}'),
    { timeoutMs: 5000 })).toString());
  t.match(reply, { ok: true, op: 'clear_drawdown_halt', halted: { drawdown: false }, drawdownPct: 0 }, 'an operator clears the drawdown halt');
  await order(second, r.signal(6, 'sell', 100)); // (a buy would pass the 10,000 position limit)
  t.equal(second.stats().filled, 1, 'and the account trades again');
  const bad = JSON.parse(Buffer.from(await r.bus.request(Subjects.riskControl(r.account), Buffer.from('{"op":"explode"}'), { timeoutMs: 5000 })).toString());
  t.match(bad, { ok: false, reason: /op must be one of status, halt, resume, clear_drawdown_halt/ }, 'an unknown op is refused, naming the valid ones');
  await second.stop();
});

t.test("a restart within the trading day keeps where its daily loss counts from: unrealized P&L at the day's start", async (t) => {
  const r = await rig(t);
  if (!r) return;
  const o = { defaultBalance: 10_000, risk: { instruments: [INSTRUMENT], limits: { ...LIMITS, max_daily_loss: 50 } } };
  const ROLL = Date.UTC(2014, 4, 5, 21); // 17:00 New York: the next trading day starts
  const first = await start(r, new PaperBroker(), o);
  await order(first, r.signal(1, 'buy', 10_000)); // at 1.1001
  first.mark(INSTRUMENT, T0 + 2000, 1.1101, 1.1102); // +100 unrealized
  first.mark(INSTRUMENT, ROLL + 1000, 1.1101, 1.1102); // a new day starts with +100 unrealized
  first.mark(INSTRUMENT, ROLL + 2000, 1.1061, 1.1062); // +60: 40 lost today
  t.match(readRiskState(first.execution.riskOf(r.account)!), { dailyLoss: 40, halted: { dailyLoss: false } });
  await first.stop();

  const second = await start(r, new PaperBroker(), o);
  second.mark(INSTRUMENT, ROLL + 3000, 1.1061, 1.1062);
  t.match(readRiskState(second.execution.riskOf(r.account)!), { dailyLoss: 40, halted: { dailyLoss: false } },
    'the same 40 lost today after the restart (not a 60 profit counted from a fresh start)');
  second.mark(INSTRUMENT, ROLL + 4000, 1.1041, 1.1042); // +40: 60 lost today
  t.match(readRiskState(second.execution.riskOf(r.account)!), { halted: { dailyLoss: true } }, 'the 50 daily loss limit halts the account');
  second.mark(INSTRUMENT, ROLL + 86_400_000 + 1000, 1.1041, 1.1042);
  t.match(readRiskState(second.execution.riskOf(r.account)!), { dailyLoss: 0, halted: { dailyLoss: false } }, 'until the next trading day');
  await second.stop();
});
