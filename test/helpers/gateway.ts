/**
 * A gateway on an ephemeral port against the real NATS, Redis and PostgreSQL, with a throwaway schema
 * (all migrations applied) and its own rate-limit key prefix; torn down with the test.
 */
import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import { connectBus, type Bus } from '../../engine/bus/mod.ts';
import { applyMigrations, connectPostgres, connectRedis, type Redis, type Sql } from '../../engine/store/mod.ts';
import { startGateway, type Gateway, type GatewayOptions } from '../../gateway/mod.ts';
import { databaseUrl, natsUrl, probes, redisUrl, requireService, throwawaySchema } from './services.ts';

export interface TestGateway {
  gw: Gateway;
  base: string;
  sql: Sql;
  redis: Redis;
  bus: Bus;
  call(method: string, path: string, opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  register(email?: string): Promise<{ account: string; user: string; access_token: string; refresh_token: string }>;
}

/** Null when a service is missing (the test is then skipped or failed by requireService). */
export async function testGateway(t: Test, options: Partial<GatewayOptions> = {}): Promise<TestGateway | null> {
  for (const [name, probe] of Object.entries(probes)) if (!(await requireService(t, name, probe))) return null;
  const admin = await connectPostgres(databaseUrl(), { max: 1 });
  t.teardown(() => admin.end());
  const { sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  const redis = await connectRedis(redisUrl());
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl() });
  const gw = await startGateway({
    port: 0, host: '127.0.0.1', sql, redis, bus, jwtSecret: randomBytes(32), confirmTimeoutMs: 1000,
    rateLimit: { prefix: `pstest:${randomBytes(4).toString('hex')}:`, ...options.rateLimit },
    log: (await import('pino')).pino({ level: 'silent' }),
    ...options,
  });
  t.teardown(async () => {
    await gw.close();
    await bus.close();
    await redis.quit();
  });
  return clientOf(gw, sql, redis, bus);
}

/**
 * Another gateway on the same PostgreSQL schema as `first`, with its own Redis and NATS connections (pass
 * the same `jwtSecret` to both for tokens to work on either). Its Redis client may be disconnected by the
 * test to cut the gateway off (a crash, as far as the session map can tell).
 */
export async function anotherGateway(t: Test, first: TestGateway, options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  const redis = await connectRedis(redisUrl());
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl() });
  const gw = await startGateway({
    port: 0, host: '127.0.0.1', sql: first.sql, redis, bus, jwtSecret: randomBytes(32),
    rateLimit: { prefix: `pstest:${randomBytes(4).toString('hex')}:`, ...options.rateLimit },
    log: (await import('pino')).pino({ level: 'silent' }),
    ...options,
  });
  t.teardown(async () => {
    await gw.close();
    await bus.close();
    if (redis.status !== 'end') await redis.quit();
  });
  return clientOf(gw, first.sql, redis, bus);
}

function clientOf(gw: Gateway, sql: Sql, redis: Redis, bus: Bus): TestGateway {
  const base = `http://127.0.0.1:${gw.port}`;
  const call: TestGateway['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.token !== undefined) headers[o.token.startsWith('psk_') ? 'x-api-key' : 'authorization'] = o.token.startsWith('psk_') ? o.token : `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) body = JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(base + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = text === '' ? null : JSON.parse(text); } catch { /* not JSON (metrics) */ }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  let n = 0;
  const register: TestGateway['register'] = async (email) => {
    const r = await call('POST', '/v1/auth/register', { body: { email: email ?? `u${++n}-${randomBytes(4).toString('hex')}@example.com`, password: 'correct horse battery' } });
    if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return { gw, base, sql, redis, bus, call, register };
}
