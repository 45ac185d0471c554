/**
 * Runs the persistence actor as its own process until SIGTERM/SIGINT, then commits what it holds for at most
 * `--stop-within-ms` (default 10 s: inside an orchestrator's usual grace period) and hands the rest back to the
 * journal for the next start.
 *   npx tsx actors/persistence/main.ts [--search-path s,public] [--durable-prefix p] [--streams SIGNALS,ORDERS,...]
 *     [--filter STREAM=subject ...] [--max-rows n] [--max-delay-ms n] [--stop-within-ms n]
 * Prints one JSON line of stats when it stops. DATABASE_URL / NATS_URL as everywhere else.
 */
import { parseArgs } from 'node:util';
import { connectBus } from '../../engine/bus/mod.ts';
import { loadConfig } from '../../engine/config/mod.ts';
import { PipstreamError } from '../../engine/errors/mod.ts';
import { connectPostgres } from '../../engine/store/mod.ts';
import { PERSISTED_STREAMS, startPersistence, type PersistedStream } from './mod.ts';

const { values: a } = parseArgs({
  options: {
    'search-path': { type: 'string' }, 'durable-prefix': { type: 'string' }, streams: { type: 'string' },
    filter: { type: 'string', multiple: true }, 'max-rows': { type: 'string' }, 'max-delay-ms': { type: 'string' },
    'stop-within-ms': { type: 'string' },
  },
});
const stream = (s: string, flag: string): PersistedStream => {
  if (!(PERSISTED_STREAMS as readonly string[]).includes(s)) throw new PipstreamError('PS_BAD_ARGUMENT', `${flag}: unknown stream ${s}`, { stream: s });
  return s as PersistedStream;
};
const streams = a.streams ? a.streams.split(',').map((s) => stream(s, '--streams')) : PERSISTED_STREAMS;
const filters: Partial<Record<PersistedStream, string>> = {};
for (const f of a.filter ?? []) {
  const eq = f.indexOf('=');
  if (eq < 1) throw new PipstreamError('PS_BAD_ARGUMENT', `--filter ${f}: expected STREAM=subject`, { filter: f });
  filters[stream(f.slice(0, eq), '--filter')] = f.slice(eq + 1);
}
const stopWithinMs = Number(a['stop-within-ms'] ?? 10_000);
if (!(Number.isFinite(stopWithinMs) && stopWithinMs >= 0)) {
  throw new PipstreamError('PS_BAD_ARGUMENT', `--stop-within-ms must be a number of ms >= 0, got ${a['stop-within-ms']}`, { value: a['stop-within-ms'] });
}
const config = loadConfig();
const sql = await connectPostgres(config.databaseUrl, a['search-path'] ? { searchPath: a['search-path'] } : {});
const bus = await connectBus({ kind: 'jetstream', url: config.natsUrl, name: 'pipstream-persistence' });
const actor = await startPersistence({
  bus, sql, streams, filters,
  ...(a['durable-prefix'] ? { durablePrefix: a['durable-prefix'] } : {}),
  ...(a['max-rows'] ? { maxRows: Number(a['max-rows']) } : {}),
  ...(a['max-delay-ms'] ? { maxDelayMs: Number(a['max-delay-ms']) } : {}),
  onError: (e) => process.stderr.write(`${e.code}: ${e.message}\n`),
});
process.stdout.write('ready\n');
const shutdown = async () => {
  const handedBack = await actor.stop({ withinMs: stopWithinMs });
  for (const [name, n] of Object.entries(handedBack)) if (n > 0) process.stderr.write(`${name}: ${n} events not written yet, handed back to the journal\n`);
  process.stdout.write(`${JSON.stringify(actor.stats())}\n`);
  await bus.close();
  await sql.end();
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
