/**
 * Service URLs and reachability gates for integration tests. `requireService` decides what an
 * unreachable service means: in CI (CI=true, as set by .ci/run) the test fails, because `make test`
 * started the services and their absence is a real fault; locally the test is skipped with a clear
 * message, so `npx tap` works on a machine without them.
 */
import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import { loadConfig } from '../../engine/config/mod.ts';
import type { Bus } from '../../engine/bus/mod.ts';
import { withTimeout } from '../../engine/errors/mod.ts';
import { applyMigrations, connectPostgres, connectRedis, type Redis, type Sql } from '../../engine/store/mod.ts';

export const natsUrl = (): string => loadConfig().natsUrl;
export const natsMonitorUrl = (): string => loadConfig().natsMonitorUrl;
export const redisUrl = (): string => loadConfig().redisUrl;
export const databaseUrl = (): string => loadConfig().databaseUrl;

export const inCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? '');

const PROBE_TIMEOUT_MS = 3000;
/**
 * How long a test's teardown waits for one close (withTimeout: a close that hangs then fails its test by name
 * instead of holding the process until tap's file timeout, which names nothing). Far above any healthy close
 * on a loaded machine.
 */
export const CLOSE_MS = 30_000;

/**
 * Runs `probe` (bounded by 3 s). Resolves true when it succeeds. Otherwise, in CI, records a failure;
 * locally, marks the whole test as skipped (`t.plan(0, reason)`): call it before any assertion and
 * `return` from the test when it resolves false.
 */
export async function requireService(t: Test, name: string, probe: () => Promise<unknown>): Promise<boolean> {
  try {
    await withTimeout(probe(), PROBE_TIMEOUT_MS, name);
    return true;
  } catch (err) {
    const reason = `${name} unreachable (${err instanceof Error ? err.message : String(err)}); start it with \`make services\``;
    if (inCI()) t.fail(reason);
    else t.plan(0, `skipped: ${reason}`);
    return false;
  }
}

/** Probes for requireService. */
export const probes = {
  postgres: async () => { await (await connectPostgres(databaseUrl(), { connectTimeoutMs: PROBE_TIMEOUT_MS, max: 1 })).end(); },
  redis: async () => { await (await connectRedis(redisUrl(), { connectTimeoutMs: PROBE_TIMEOUT_MS })).quit(); },
  nats: async () => {
    const res = await fetch(`${natsMonitorUrl()}/healthz`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`${natsMonitorUrl()}/healthz answered ${res.status}`);
  },
};

/** A schema that exists for one test only; `sql` sees it first on its search path. */
export async function throwawaySchema(t: Test, admin: Sql, opts: { max?: number } = {}): Promise<{ schema: string; sql: Sql }> {
  const schema = `pstest_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create schema ${schema}`);
  const sql = await connectPostgres(databaseUrl(), { searchPath: `${schema}, public`, max: opts.max ?? 2 });
  t.teardown(async () => {
    await withTimeout(sql.end(), CLOSE_MS, 'closing the schema\'s PostgreSQL pool');
    await withTimeout(admin.unsafe(`drop schema if exists ${schema} cascade`), CLOSE_MS, `dropping schema ${schema}`);
  });
  return { schema, sql };
}

/**
 * A throwaway schema with every migration applied, for a child process configured only by its environment:
 * `url` is DATABASE_URL with a `search_path` that puts the schema first (postgres passes it to the server).
 */
export async function migratedSchemaUrl(t: Test): Promise<{ schema: string; sql: Sql; url: string }> {
  const admin = await connectPostgres(databaseUrl(), { max: 1 });
  t.teardown(() => admin.end());
  const { schema, sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  const url = new URL(databaseUrl());
  url.searchParams.set('search_path', `${schema},public`);
  return { schema, sql, url: url.toString() };
}

/**
 * Redis for a test that places orders: push each signal id to `signalIds`; at teardown their order records
 * are deleted (KEYS would block a Redis shared with other tests), then Redis and `bus` are closed.
 */
export async function orderStore(t: Test, bus: Bus): Promise<{ redis: Redis; signalIds: string[] }> {
  const redis = await connectRedis(redisUrl());
  const signalIds: string[] = [];
  t.teardown(async () => {
    if (signalIds.length > 0) await redis.del(...signalIds.map((id) => `pipstream:order:${id}`));
    await redis.quit();
    await bus.close();
  });
  return { redis, signalIds };
}
