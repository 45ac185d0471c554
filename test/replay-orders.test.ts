import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { replay } from '../engine/cli/replay-command.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { fixtureWorkflow, OANDA_FILE } from './helpers/engine.ts';

t.test('replay --broker paper --orders: one outcome per execute signal, filled at the triggering tick, netted', async (t) => {
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
  t.ok(executes.length > 1000, `${executes.length} execute signals`);
  t.equal(lines.length, executes.length, 'alerts place no order; every execute signal has one outcome');
  t.same(Object.keys(lines[0]), ['id', 'signal_id', 'instrument', 'side', 'units', 'price', 'status', 'reason', 'time_ms'], 'contract fields, in order');
  let units = 0;
  lines.forEach((o, i) => {
    const s = executes[i];
    if (o.signal_id !== s.id || o.status !== 'filled' || o.price !== (s.side === 'buy' ? s.ask : s.bid) || o.time_ms !== s.time_ms) {
      t.fail(`order ${i}: ${JSON.stringify(o)} for signal ${JSON.stringify(s)}`);
    }
    units += s.side === 'buy' ? s.units! : -s.units!;
  });
  t.equal(summary.orders?.filled, lines.length);
  t.same(summary.orders?.positions.map((p) => p.units), [units], 'one netted position: the signed sum of the fills');

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
