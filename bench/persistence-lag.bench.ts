/**
 * Persistence lag under order load (issue 3): orders go through the trade path (risk, paper broker,
 * exactly-once Redis claim, RISK/ORDERS/PORTFOLIO journal on JetStream) at a fixed offered rate while the
 * persistence actor writes those streams to PostgreSQL. Every 100 ms the lag is sampled per stream, in
 * events: what the settled orders have journaled (two ORDERS events, one RISK decision and one position
 * each) minus the rows PostgreSQL holds for them (order_events, risk_decisions, position_history). Stream
 * messages would not do: the journal is group-committed, one message carries many events. Reported: the
 * orders/s achieved, the lag's p50/p99/max per stream during the load, and how long after the last order
 * every row was written. A throwaway schema is created and dropped.
 *
 *   npx tsx bench/persistence-lag.bench.ts [--rate 2000] [--seconds 10] [--json]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { PaperBroker } from '../actors/execution/mod.ts';
import { type PersistedStream, startPersistence } from '../actors/persistence/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { loadConfig } from '../engine/config/mod.ts';
import { deterministicEventId } from '../engine/events/mod.ts';
import { bookCheckpointKey } from '../engine/node/book-checkpoint.ts';
import { TradePath } from '../engine/node/trade-path.ts';
import { applyMigrations, connectPostgres, connectRedis } from '../engine/store/mod.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';

const { values } = parseArgs({ options: {
  rate: { type: 'string', default: '2000' }, seconds: { type: 'string', default: '10' }, json: { type: 'boolean', default: false },
} });
const rate = Number(values.rate);
const seconds = Number(values.seconds);
if (!(rate > 0 && seconds > 0)) throw new Error('--rate and --seconds must be positive numbers');
const STREAMS: PersistedStream[] = ['ORDERS', 'RISK', 'PORTFOLIO'];

const config = loadConfig();
const run = randomBytes(4).toString('hex');
// The run's durables have names of their own: the server drops them a minute after the run.
const bus = await connectBus({ kind: 'jetstream', url: config.natsUrl, name: 'pipstream-bench-persistence-lag', durableInactiveMs: 60_000 });
await bus.ensureStreams();
const redis = await connectRedis(config.redisUrl);
const admin = await connectPostgres(config.databaseUrl, { max: 1 });
const schema = `bench_lag_${run}`;
await admin.unsafe(`create schema ${schema}`);
const sql = await connectPostgres(config.databaseUrl, { searchPath: `${schema}, public`, max: 4 });

function signal(i: number): EngineSignal {
  const time_ms = Date.UTC(2014, 4, 5) + i * 10;
  const buy = (i & 1) === 0;
  return {
    id: deterministicEventId(time_ms, 'bench-lag', run, i), type: 'SIGNAL_AUTO_EXECUTE', instrument: 'EUR_USD', time_ms,
    workflow_id: 'bench', workflow_version: 1, node_id: buy ? 'buy' : 'sell', trigger_node_id: 't', account: `lag-${run}`,
    price: buy ? 1.38501 : 1.385, bid: 1.385, ask: 1.38501, side: buy ? 'buy' : 'sell', units: 1000, stop_loss_pips: null,
    take_profit_pips: null, cooldown_s: null, expiry_s: null, tick_seq: i, tradeable: true,
  };
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

try {
  await applyMigrations(sql);
  const persistence = await startPersistence({ bus, sql, streams: STREAMS, durablePrefix: `bench-lag-${run}`, deliver: 'new' });
  const trade = await TradePath.start({
    bus, redis, logger: pino({ level: 'silent' }), nodeId: `lag-${run}`, broker: new PaperBroker(), quote: () => null,
    risk: { limits: { max_position_units: 2_000_000_000, max_open_trades: 2_000_000_000 }, instruments: ['EUR_USD'] },
    durablePrefix: `bench-lag-${run}`,
    // The bench's account is new: no pending confirmation of it to rebuild from the (large, shared) ORDERS journal.
    accounts: () => [],
  });
  const samples = new Map<PersistedStream, number[]>(STREAMS.map((s) => [s, []]));
  /** Rows in PostgreSQL for the events of each stream. */
  const rowsNow = async (): Promise<Record<PersistedStream, number>> => {
    const [r] = await sql<{ orders: string; risk: string; positions: string }[]>`
      select (select count(*) from order_events) as orders, (select count(*) from risk_decisions) as risk,
        (select count(*) from position_history) as positions`;
    return { ORDERS: Number(r!.orders), RISK: Number(r!.risk), PORTFOLIO: Number(r!.positions) } as Record<PersistedStream, number>;
  };
  /** Events journaled by the orders settled so far, per stream. */
  const journaled = (filled: number): Record<PersistedStream, number> => ({ ORDERS: 2 * filled, RISK: filled, PORTFOLIO: filled }) as Record<PersistedStream, number>;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const want = journaled(trade.stats().filled);
      const rows = await rowsNow();
      for (const s of STREAMS) samples.get(s)!.push(Math.max(0, want[s] - rows[s]));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const n = Math.round(rate * seconds);
  const start = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(n, Math.floor(((performance.now() - start) / 1000) * rate));
      while (sent < due) trade.onSignal(signal(sent++));
      if (sent >= n) return resolve();
      setTimeout(tick, 1);
    };
    tick();
  });
  await trade.idle();
  const ordersDone = performance.now();
  await bus.flush();
  // Drained: every stream's committed sequence has reached its head, and every event has its row.
  const all = journaled(trade.stats().filled);
  for (;;) {
    const rows = await rowsNow();
    if (STREAMS.every((s) => rows[s] >= all[s]) && (await persistence.lag()).every((l) => l.lagMessages === 0)) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const drainedMs = performance.now() - ordersDone;
  sampling = false;
  await sampler;
  const st = trade.stats();
  await trade.stop();
  const [counts] = await sql<{ orders: string; fills: string; risk: string }[]>`
    select (select count(*) from orders) as orders, (select count(*) from fills) as fills, (select count(*) from risk_decisions) as risk`;
  await persistence.stop();
  // The bench's idempotency records would otherwise live 24 h (and weigh on Redis snapshots).
  for (let i = 0; i < n; i += 5000) {
    await redis.del(...Array.from({ length: Math.min(5000, n - i) }, (_, k) => `pipstream:order:${signal(i + k).id}`));
  }
  await redis.del(bookCheckpointKey('paper', `lag-${run}`));
  const result = {
    scenario: 'persistence-lag', offeredRate: rate, seconds, orders: n, filled: st.filled,
    achievedOrdersPerSecond: Math.round(n / ((ordersDone - start) / 1000)),
    rows: { orders: Number(counts!.orders), fills: Number(counts!.fills), riskDecisions: Number(counts!.risk) },
    lagEvents: Object.fromEntries(STREAMS.map((s) => {
      const xs = samples.get(s)!;
      return [s, { p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(0, ...xs), samples: xs.length }];
    })),
    drainedAfterLastOrderMs: Math.round(drainedMs),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write(`${n} orders offered at ${rate}/s: ${result.achievedOrdersPerSecond} orders/s achieved, ${st.filled} filled\n`);
    for (const s of STREAMS) {
      const l = result.lagEvents[s]!;
      process.stdout.write(`  ${s.padEnd(9)} lag (journaled events without their row) p50 ${l.p50}  p99 ${l.p99}  max ${l.max}\n`);
    }
    process.stdout.write(`  every row written ${result.drainedAfterLastOrderMs} ms after the last order; rows: ${JSON.stringify(result.rows)}\n`);
  }
} finally {
  await sql.end();
  await admin.unsafe(`drop schema if exists ${schema} cascade`);
  await admin.end();
  await redis.quit();
  await bus.close();
}
