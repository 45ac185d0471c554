/**
 * Runs the persistence actor as its own process until SIGTERM/SIGINT (then commits what it holds).
 *   npx tsx actors/persistence/main.ts [--search-path s,public] [--durable-prefix p] [--streams SIGNALS,PRICES]
 *     [--signals-subject subj] [--prices-subject subj] [--max-rows n] [--max-delay-ms n]
 * Prints one JSON line of stats when it stops. DATABASE_URL / NATS_URL as everywhere else.
 */
import { parseArgs } from 'node:util';
import { connectBus } from '../../engine/bus/mod.ts';
import { loadConfig } from '../../engine/config/mod.ts';
import { PipstreamError } from '../../engine/errors/mod.ts';
import { connectPostgres } from '../../engine/store/mod.ts';
import { startPersistence, type PersistedStream } from './mod.ts';

const { values: a } = parseArgs({
  options: {
    'search-path': { type: 'string' }, 'durable-prefix': { type: 'string' }, streams: { type: 'string' },
    'signals-subject': { type: 'string' }, 'prices-subject': { type: 'string' },
    'max-rows': { type: 'string' }, 'max-delay-ms': { type: 'string' },
  },
});
const streams = (a.streams ?? 'SIGNALS,PRICES').split(',') as PersistedStream[];
for (const s of streams) {
  if (s !== 'SIGNALS' && s !== 'PRICES') throw new PipstreamError('PS_BAD_ARGUMENT', `--streams: unknown stream ${s}`, { stream: s });
}
const config = loadConfig();
const sql = await connectPostgres(config.databaseUrl, a['search-path'] ? { searchPath: a['search-path'] } : {});
const bus = await connectBus({ kind: 'jetstream', url: config.natsUrl, name: 'pipstream-persistence' });
const actor = await startPersistence({
  bus, sql, streams,
  ...(a['durable-prefix'] ? { durablePrefix: a['durable-prefix'] } : {}),
  filters: {
    ...(a['signals-subject'] ? { SIGNALS: a['signals-subject'] } : {}),
    ...(a['prices-subject'] ? { PRICES: a['prices-subject'] } : {}),
  },
  ...(a['max-rows'] ? { maxRows: Number(a['max-rows']) } : {}),
  ...(a['max-delay-ms'] ? { maxDelayMs: Number(a['max-delay-ms']) } : {}),
  onError: (e) => process.stderr.write(`${e.code}: ${e.message}\n`),
});
process.stdout.write('ready\n');
const shutdown = async () => {
  await actor.stop();
  process.stdout.write(`${JSON.stringify(actor.stats())}\n`);
  await bus.close();
  await sql.end();
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
