/**
 * Bars the persistence actor derives from the ticks it stores: exactly the engine's 1-minute mid bars on
 * real EUR/USD ticks, whatever order the batches arrive in and however often they are redelivered.
 */
import { randomBytes } from 'node:crypto';
import t from 'tap';
import type { BusMsg } from '../engine/bus/mod.ts';
import { tickWriter } from '../actors/persistence/writers.ts';
import { ticksToBars } from '../engine/bars/mod.ts';
import { TickEncoder } from '../engine/node/feed.ts';
import { applyMigrations, connectPostgres, type Sql } from '../engine/store/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { INSTRUMENT, OANDA_FILE, ticksOf } from './helpers/engine.ts';
import { databaseUrl, probes, requireService, throwawaySchema } from './helpers/services.ts';

const N = 30_000;
const BATCH = 1000;

async function write(sql: Sql, batches: BusMsg[][]): Promise<number> {
  let inserted = 0;
  for (const b of batches) {
    const d = tickWriter.decode(b);
    inserted += await sql.begin((tx) => d.insert(tx));
  }
  return inserted;
}

async function bars(sql: Sql, source: string) {
  return sql<{ time_ms: number; open: number; high: number; low: number; close: number; ticks: number }[]>`
    select (extract(epoch from time) * 1000)::float8 as time_ms, open, high, low, close, ticks
    from bars where instrument = ${INSTRUMENT} and timeframe = '1m' and source = ${source} order by time`;
}

t.test('1-minute bars from stored ticks: the engine\'s bars, in any batch order, redeliveries included', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  const admin = await connectPostgres(databaseUrl(), { max: 1 });
  t.teardown(() => admin.end());
  const forward = (await throwawaySchema(t, admin)).sql;
  const shuffled = (await throwawaySchema(t, admin)).sql;
  await applyMigrations(forward);
  await applyMigrations(shuffled);

  const ticks = await ticksOf(OANDA_FILE);
  const source = `bars-${randomBytes(3).toString('hex')}`;
  const enc = new TickEncoder(INSTRUMENT, source);
  const msgs: BusMsg[] = Array.from({ length: N }, (_, i) => ({
    subject: Subjects.price(INSTRUMENT), data: enc.encode(ticks.time[i]!, ticks.bid[i]!, ticks.ask[i]!, i).slice(), seq: i + 1, deliveries: 1, ack() {}, retryIn() {}, handBack() {},
  }));
  const batches = Array.from({ length: N / BATCH }, (_, k) => msgs.slice(k * BATCH, (k + 1) * BATCH));

  t.equal(await write(forward, batches), N, 'every tick stored once');
  // Last batch first, then every other batch again (a redelivery after a crash), then the rest.
  const order = [...batches].reverse();
  t.equal(await write(shuffled, [...order, ...batches.filter((_, k) => k % 2 === 0)]), N, 'redelivered ticks are not stored again');

  const a = await bars(forward, source);
  const b = await bars(shuffled, source);
  t.same(b, a, 'the same bars whatever the order of the batches');
  t.equal(a.reduce((n, x) => n + x.ticks, 0), N, 'each tick counted in exactly one bar');

  const engine = ticksToBars({ time: ticks.time.subarray(0, N), bid: ticks.bid.subarray(0, N), ask: ticks.ask.subarray(0, N), length: N }, 60_000);
  t.equal(engine.rejectedTicks, 0, 'no tick of this stretch is rejected by the engine (so both see the same ticks)');
  t.equal(a.length, engine.length + 1, 'the engine\'s closed bars, plus the one still open');
  const closed = a.slice(0, engine.length).map((x) => [x.time_ms, x.open, x.high, x.low, x.close]);
  t.same(closed, Array.from({ length: engine.length }, (_, i) => [engine.time[i], engine.open[i], engine.high[i], engine.low[i], engine.close[i]]),
    'time, open, high, low and close equal the engine\'s bars exactly');
});
