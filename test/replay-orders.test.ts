import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { replay } from '../engine/cli/replay-command.ts';
import { Portfolio } from '../engine/portfolio/mod.ts';
import type { RiskLimits } from '../engine/risk/mod.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { fixtureWorkflow, OANDA_FILE, repoPath, ticksOf } from './helpers/engine.ts';

const isClose = (o: Record<string, unknown>) => o.reason === 'STOP_LOSS' || o.reason === 'TAKE_PROFIT';

t.test('replay --broker paper --orders: one outcome per execute signal, filled at the triggering tick, netted; stops and targets close trades', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-orders-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const ordersFile = join(dir, 'orders.jsonl');
  const signals: EngineSignal[] = [];
  const workflows = [fixtureWorkflow('macd-cross-execute.json'), fixtureWorkflow('price-cross-1.3850.json')];
  const summary = await replay({
    ticksFile: OANDA_FILE, instrument: 'EUR_USD', workflows, speed: 0, busMode: 'direct', ordersFile, onSignal: (s) => signals.push(s),
  });
  const executes = signals.filter((s) => s.type === 'SIGNAL_AUTO_EXECUTE');
  const lines = readFileSync(ordersFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const orders = lines.filter((o) => !isClose(o)), closes = lines.filter(isClose);
  t.ok(executes.length > 1000, `${executes.length} execute signals`);
  t.equal(orders.length, executes.length, 'alerts place no order; every execute signal has one outcome');
  t.same(Object.keys(lines[0]), ['id', 'signal_id', 'instrument', 'side', 'units', 'price', 'status', 'reason', 'time_ms'], 'contract fields, in order');
  let units = 0;
  orders.forEach((o, i) => {
    const s = executes[i];
    if (o.signal_id !== s.id || o.status !== 'filled' || o.price !== (s.side === 'buy' ? s.ask : s.bid) || o.time_ms !== s.time_ms) {
      t.fail(`order ${i}: ${JSON.stringify(o)} for signal ${JSON.stringify(s)}`);
    }
    units += s.side === 'buy' ? s.units! : -s.units!;
  });

  // Each close: the trade of a filled order, at the first tick after it that reached its stop-loss or take-profit, at that tick's price.
  const ticks = await ticksOf(OANDA_FILE);
  const byId = new Map(executes.map((s) => [s.id, s]));
  t.ok(closes.some((o) => o.reason === 'STOP_LOSS') && closes.some((o) => o.reason === 'TAKE_PROFIT'), `${closes.length} closes, of both kinds`);
  for (const c of closes) {
    const s = byId.get(c.signal_id as string)!;
    const open = orders.find((o) => o.signal_id === s.id)!;
    const long = s.side === 'buy', price = open.price as number;
    const stop = price + (long ? -1 : 1) * s.stop_loss_pips! * 0.0001, target = price + (long ? 1 : -1) * s.take_profit_pips! * 0.0001;
    let i = s.tick_seq + 1;
    for (; i < ticks.length; i++) {
      const exit = long ? ticks.bid[i] : ticks.ask[i];
      if (ticks.ask[i] >= ticks.bid[i] && (long ? exit <= stop + 1e-9 || exit >= target - 1e-9 : exit >= stop - 1e-9 || exit <= target + 1e-9)) break;
    }
    const exit = long ? ticks.bid[i] : ticks.ask[i];
    const reason = (long ? exit <= stop + 1e-9 : exit >= stop - 1e-9) ? 'STOP_LOSS' : 'TAKE_PROFIT';
    if (c.side !== (long ? 'sell' : 'buy') || c.units !== s.units || c.time_ms !== ticks.time[i] || c.price !== exit || c.reason !== reason) {
      t.fail(`close ${JSON.stringify(c)} of ${JSON.stringify(open)}: expected ${reason} at tick ${i} (${ticks.time[i]}, ${exit})`);
    }
    units += c.side === 'buy' ? (c.units as number) : -(c.units as number);
  }
  t.equal(summary.orders?.filled, lines.length);
  t.same(summary.orders?.closes, { STOP_LOSS: closes.filter((o) => o.reason === 'STOP_LOSS').length, TAKE_PROFIT: closes.filter((o) => o.reason === 'TAKE_PROFIT').length });
  t.same(summary.orders?.positions.map((p) => p.units), [units], 'one netted position: the signed sum of the fills and closes');

  const again = join(dir, 'again.jsonl');
  await replay({ ticksFile: OANDA_FILE, instrument: 'EUR_USD', workflows, speed: 0, busMode: 'direct', ordersFile: again });
  t.equal(readFileSync(again, 'utf8'), readFileSync(ordersFile, 'utf8'), 'deterministic: same order ids and outcomes');
});

t.test('replay --limits: every limit holds over the order stream, each rejection with its reason', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-limits-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const ordersFile = join(dir, 'orders.jsonl');
  const limits = {
    account: 'acct-1', instruments: ['EUR_USD'], max_order_units: 100000, max_position_units: 2000, max_open_trades: 20,
    max_spread_pips: 1.5, max_orders_per_minute: 3,
  };
  const signals = new Map<string, EngineSignal>();
  const summary = await replay({
    ticksFile: OANDA_FILE, instrument: 'EUR_USD', workflows: [fixtureWorkflow('macd-cross-execute.json')], speed: 0, busMode: 'direct',
    ordersFile, limits, onSignal: (s) => signals.set(s.id, s),
  });
  const lines = readFileSync(ordersFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  let position = 0;
  const fills: number[] = [];
  const reasons = new Set<string>();
  for (const o of lines) {
    const s = signals.get(o.signal_id as string)!;
    const spread = (s.ask - s.bid) / 0.0001;
    if (o.status === 'rejected') {
      reasons.add(o.reason as string);
      if (o.reason === 'MAX_SPREAD' && !(spread > 1.5 + 1e-9)) t.fail(`MAX_SPREAD at spread ${spread}`);
      continue;
    }
    if (spread > 1.5 + 1e-9) t.fail(`filled at spread ${spread}`);
    position += o.side === 'buy' ? (o.units as number) : -(o.units as number);
    if (Math.abs(position) > 2000) t.fail(`position ${position} beyond 2000`);
    fills.push(o.time_ms as number);
    const inWindow = fills.filter((x) => x > (o.time_ms as number) - 60_000).length;
    if (inWindow > 3) t.fail(`${inWindow} orders within a minute`);
  }
  t.ok(reasons.has('MAX_SPREAD') && reasons.has('MAX_POSITION'), `rejections seen: ${[...reasons].join(', ')}`);
  t.equal(summary.orders?.positions[0].units, position, 'the portfolio agrees with the order stream');
  t.ok(fills.length > 100, `${fills.length} fills`);
});

/** The filled orders of a replay's orders file, each with the sequence number of its signal's tick. */
function fillsOf(ordersFile: string, signals: Map<string, EngineSignal>): Array<{ seq: number; signed: number; price: number; timeMs: number }> {
  return readFileSync(ordersFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((o) => o.status === 'filled')
    .map((o) => ({
      seq: signals.get(o.signal_id as string)!.tick_seq, signed: o.side === 'buy' ? (o.units as number) : -(o.units as number),
      price: o.price as number, timeMs: o.time_ms as number,
    }));
}

t.test('replay marks every tick, as live: the drawdown is the equity curve\'s over every tick, and a drawdown halt stops the next order', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-marks-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const ticks = await ticksOf(OANDA_FILE);
  const BALANCE = 1000;
  // Without stop-losses and take-profits: every fill is then a signal's, at its tick (closes are checked above).
  const doc = JSON.parse(readFileSync(repoPath('test/fixtures/workflows/macd-cross-execute.json'), 'utf8')) as { nodes: Array<Record<string, unknown>> };
  const workflow = fixtureWorkflow('macd-cross-execute.json', {
    nodes: doc.nodes.map(({ stop_loss_pips: _sl, take_profit_pips: _tp, ...node }) => node),
  });
  const run = async (name: string, limits?: RiskLimits, maxWaitingTicks?: number) => {
    const ordersFile = join(dir, name);
    const signals = new Map<string, EngineSignal>();
    const summary = await replay({
      ticksFile: OANDA_FILE, instrument: 'EUR_USD', workflows: [workflow], speed: 0, busMode: 'direct',
      ordersFile, limits, balance: BALANCE, onSignal: (s) => signals.set(s.id, s), maxWaitingTicks,
    });
    t.equal(summary.rejected_ticks, 0, 'every tick taken: tick i is sequence number i');
    return { summary, fills: fillsOf(ordersFile, signals), lines: readFileSync(ordersFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l)), signals };
  };

  const free = await run('free.jsonl');
  // The same fills on a portfolio marked at every tick of the file (tick i, then the fills of tick i), and on one marked at fills only.
  const everyTick = new Portfolio({ defaultBalance: BALANCE }), atFills = new Portfolio({ defaultBalance: BALANCE });
  const [pe, pf] = [everyTick, atFills].map((p) => p.position('acct-1', 'EUR_USD'));
  let k = 0;
  for (let i = 0; i < ticks.length; i++) {
    everyTick.mark(0, ticks.time[i], ticks.bid[i], ticks.ask[i]);
    for (; k < free.fills.length && free.fills[k].seq === i; k++) {
      const f = free.fills[k];
      everyTick.applyFill(pe, f.signed, f.price, f.timeMs);
      atFills.mark(0, ticks.time[i], ticks.bid[i], ticks.ask[i]);
      atFills.applyFill(pf, f.signed, f.price, f.timeMs);
    }
  }
  const last = ticks.length - 1;
  atFills.mark(0, ticks.time[last], ticks.bid[last], ticks.ask[last]);
  t.equal(k, free.fills.length, 'every fill at a tick of the file');
  const want = everyTick.accountSnapshot(0).maxDrawdownPct;
  const got = free.summary.orders!.accounts[0];
  t.ok(Math.abs(got.maxDrawdownPct - want) < 1e-9, `max drawdown ${got.maxDrawdownPct}% = ${want}% over every tick`);
  t.ok(want > atFills.accountSnapshot(0).maxDrawdownPct, `deeper than marking at fills only shows (${atFills.accountSnapshot(0).maxDrawdownPct}%)`);
  t.ok(Math.abs(got.equity - everyTick.accountSnapshot(0).equity) < 1e-9, 'equity at the last tick');
  // Ticks marked early, after a drain of the actor at every batch (more than 100 waiting): the same marks, the same orders.
  const drained = await run('drained.jsonl', undefined, 100);
  t.equal(readFileSync(join(dir, 'drained.jsonl'), 'utf8'), readFileSync(join(dir, 'free.jsonl'), 'utf8'), 'marked early: the same orders');
  t.same(drained.summary.orders, free.summary.orders, 'and the same summary');

  // Half that drawdown as a limit: the budget's peak is the equity at the first fill, then at every mark after it.
  const limit = want / 2;
  const halted = await run('halted.jsonl', { account: 'acct-1', max_drawdown_pct: limit });
  const p = new Portfolio({ defaultBalance: BALANCE });
  const pos = p.position('acct-1', 'EUR_USD');
  let peak = -Infinity, breach = -1;
  k = 0;
  for (let i = 0; i < ticks.length && breach < 0; i++) {
    p.mark(0, ticks.time[i], ticks.bid[i], ticks.ask[i]);
    for (; k < halted.fills.length && halted.fills[k].seq === i; k++) {
      const f = halted.fills[k];
      p.applyFill(pos, f.signed, f.price, f.timeMs);
    }
    if (k === 0) continue;
    const eq = p.equity(0);
    peak = Math.max(peak, eq);
    if ((peak - eq) / peak * 100 >= limit) breach = i;
  }
  t.ok(breach > 0, `the drawdown reaches ${limit}% at tick ${breach}`);
  t.notOk(halted.fills.some((f) => f.seq > breach), 'no fill after the tick that reached the limit');
  const stopped = halted.lines.filter((o) => o.reason === 'MAX_DRAWDOWN');
  t.ok(stopped.length > 0 && stopped.every((o) => halted.signals.get(o.signal_id)!.tick_seq > breach),
    `${stopped.length} orders after it rejected MAX_DRAWDOWN`);
});
