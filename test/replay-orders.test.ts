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
