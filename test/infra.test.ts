import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { loadConfig, REPO_ROOT } from '../engine/config/mod.ts';
import { applyMigrations, connectPostgres, connectRedis, MIGRATIONS_DIR, readMigrations, redactUrl } from '../engine/store/mod.ts';
import { databaseUrl, natsMonitorUrl, probes, redisUrl, requireService, throwawaySchema } from './helpers/services.ts';

t.test('config: documented defaults, derived monitor URL, validation', async (t) => {
  const c = loadConfig({});
  t.same(c, {
    natsUrl: 'nats://127.0.0.1:4222',
    natsMonitorUrl: 'http://127.0.0.1:8222',
    redisUrl: 'redis://127.0.0.1:6379',
    databaseUrl: 'postgres://pipstream:pipstream@127.0.0.1:5432/pipstream',
    port: 8080,
    logLevel: 'info',
    home: join(REPO_ROOT, '.pipstream'),
    streamMaxBytes: {},
  });
  t.same(loadConfig({ PIPSTREAM_STREAM_MAX_BYTES: 'ORDERS=8GiB, RISK=1.5GiB,METRICS=65536' }).streamMaxBytes,
    { ORDERS: 8 * 1024 ** 3, RISK: 1.5 * 1024 ** 3, METRICS: 65536 });
  t.equal(loadConfig({ NATS_URL: 'nats://bus.internal:4222' }).natsMonitorUrl, 'http://bus.internal:8222');
  t.equal(loadConfig({ PIPSTREAM_HOME: '/var/lib/ps' }).home, '/var/lib/ps');
  t.equal(loadConfig({ PORT: '9000', LOG_LEVEL: 'DEBUG' }).port, 9000);
  for (const [name, value] of [['PORT', '80a'], ['PORT', '70000'], ['LOG_LEVEL', 'loud'], ['REDIS_URL', 'http://x'],
    ['DATABASE_URL', 'not a url'], ['NATS_URL', 'redis://x:1'], ['REDIS_URL', 'redis://'], ['PIPSTREAM_STREAM_MAX_BYTES', 'TRADES=1GiB'],
    ['PIPSTREAM_STREAM_MAX_BYTES', 'ORDERS=8GB'], ['PIPSTREAM_STREAM_MAX_BYTES', 'ORDERS=0'], ['PIPSTREAM_STREAM_MAX_BYTES', 'ORDERS']] as const) {
    t.throws(() => loadConfig({ [name]: value }), { code: 'PS_CONFIG_INVALID', details: { variable: name } }, `${name}=${value}`);
  }
});

t.test('redactUrl hides passwords and never echoes an unparsable URL', async (t) => {
  t.equal(redactUrl('postgres://u:secret@h:1/db'), 'postgres://u:***@h:1/db');
  t.equal(redactUrl('redis://h:6379'), 'redis://h:6379');
  t.equal(redactUrl('not a url, secret'), '<unparsable URL>');
});

t.test('connecting to a closed port fails fast with PS_SERVICE_UNAVAILABLE and no password', async (t) => {
  const started = Date.now();
  await t.rejects(connectPostgres('postgres://u:secret@127.0.0.1:1/db', { connectTimeoutMs: 2000 }),
    { code: 'PS_SERVICE_UNAVAILABLE', details: { service: 'postgres', url: 'postgres://u:***@127.0.0.1:1/db' } });
  await t.rejects(connectRedis('redis://127.0.0.1:1', { connectTimeoutMs: 2000 }),
    { code: 'PS_SERVICE_UNAVAILABLE', details: { service: 'redis' } });
  t.ok(Date.now() - started < 5000, 'both gave up within their time limits');
});

t.test('postgres migrations', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  const admin = await connectPostgres(databaseUrl(), { max: 2 });
  t.teardown(() => admin.end());

  t.test('apply twice: the second run is a no-op; tables and the ticks layout exist', async (t) => {
    const { schema, sql } = await throwawaySchema(t, admin);
    const files = await readMigrations();
    const first = await applyMigrations(sql);
    t.same(first.applied, files.map((m) => m.version));
    const second = await applyMigrations(sql);
    t.same(second, { applied: [], current: first.current, unknown: [] });

    const rows = await sql<{ version: number; name: string; checksum: string }[]>`
      select version, name, checksum from schema_migrations order by version`;
    t.same(rows.map((r) => ({ ...r })), files.map((m) => ({ version: m.version, name: m.name, checksum: m.checksum })));

    const tables = (await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_schema = ${schema}`).map((r) => r.table_name);
    for (const name of ['accounts', 'users', 'workflows', 'instruments', 'ticks', 'bars', 'signals', 'rejected_ticks']) {
      t.ok(tables.includes(name), `table ${name} exists in ${schema}`);
    }

    const [{ timescale }] = await sql<{ timescale: boolean }[]>`
      select exists (select 1 from pg_extension where extname = 'timescaledb') as timescale`;
    const tick = (time: string, seq: number) => sql`
      insert into ticks (time, instrument, bid, ask, seq, source) values (${time}, 'EUR_USD', 1.1, 1.2, ${seq}, 'test')`;
    await tick('2014-05-05T10:00:00Z', 1);
    await tick('2020-01-01T00:00:00Z', 2);
    if (timescale) {
      const hyper = await sql`select 1 from timescaledb_information.hypertables
        where hypertable_schema = ${schema} and hypertable_name in ('ticks', 'bars')`;
      t.equal(hyper.length, 2, 'ticks and bars are hypertables');
    } else {
      const [{ partitioned }] = await sql<{ partitioned: boolean }[]>`
        select exists (select 1 from pg_partitioned_table where partrelid = ${`${schema}.ticks`}::regclass) as partitioned`;
      t.ok(partitioned, 'without TimescaleDB, ticks is range-partitioned');
      const placed = await sql<{ part: string; seq: string }[]>`
        select tableoid::regclass::text as part, seq from ticks order by seq`;
      t.same(placed.map((r) => r.part), ['ticks_2014_05', 'ticks_default'], 'May 2014 has its partition, the rest falls to default');
    }
    await t.rejects(tick('2014-05-05T10:00:00Z', 1), { code: '23505' }, 'a tick is unique per source, instrument, seq and time');
  });

  t.test('a changed applied file is refused before anything else is applied', async (t) => {
    const { sql } = await throwawaySchema(t, admin);
    const dir = await mkdtemp(join(tmpdir(), 'pipstream-migrations-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    await writeFile(join(dir, '9000_extra.sql'), 'create table extra (id int);\n');
    const first = await applyMigrations(sql, { dir });
    t.equal(first.current, 9000);

    await appendFile(join(dir, '9000_extra.sql'), 'create table sneaky (id int);\n');
    await writeFile(join(dir, '9001_later.sql'), 'create table later (id int);\n');
    await t.rejects(applyMigrations(sql, { dir }), { code: 'PS_MIGRATION_CHECKSUM', details: { version: 9000, file: '9000_extra.sql' } });
    const [{ later }] = await sql<{ later: string | null }[]>`select to_regclass('later')::text as later`;
    t.equal(later, null, '9001 was not applied');
  });

  t.test('a failing migration rolls back whole and is reported; bad names are refused', async (t) => {
    const { sql } = await throwawaySchema(t, admin);
    const dir = await mkdtemp(join(tmpdir(), 'pipstream-migrations-'));
    t.teardown(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, '0001_half.sql'), 'create table half (id int);\nselect no_such_function();\n');
    await t.rejects(applyMigrations(sql, { dir }), { code: 'PS_MIGRATION_INVALID', details: { version: 1 } });
    const [{ half }] = await sql<{ half: string | null }[]>`select to_regclass('half')::text as half`;
    t.equal(half, null, 'the table created before the error was rolled back');
    t.equal((await sql`select 1 from schema_migrations`).length, 0, 'nothing recorded');

    await rm(join(dir, '0001_half.sql'));
    await writeFile(join(dir, '0001_one.sql'), 'select 1;\n');
    await writeFile(join(dir, '0001_again.sql'), 'select 1;\n');
    await t.rejects(readMigrations(dir), { code: 'PS_MIGRATION_INVALID', details: { version: 1 } }, 'a version used twice');
    await rm(join(dir, '0001_again.sql'));
    await writeFile(join(dir, '1_bad-name.sql'), 'select 1;\n');
    await t.rejects(applyMigrations(sql, { dir }), { code: 'PS_MIGRATION_INVALID', details: { file: '1_bad-name.sql' } });
  });
});

t.test('redis answers PING', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis))) return;
  const redis = await connectRedis(redisUrl());
  t.teardown(() => redis.quit());
  t.equal(await redis.ping(), 'PONG');
});

t.test('nats monitoring /varz answers with JetStream enabled', async (t) => {
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const res = await fetch(`${natsMonitorUrl()}/varz`, { signal: AbortSignal.timeout(3000) });
  t.equal(res.status, 200);
  const varz = (await res.json()) as { version?: string; jetstream?: { config?: { store_dir?: string } } };
  t.match(varz.version, /^2\./);
  t.type(varz.jetstream?.config?.store_dir, 'string', 'JetStream is configured (server started with -js)');
});
