/**
 * A gateway on an ephemeral port against the real NATS, Redis and PostgreSQL, with a throwaway schema
 * (all migrations applied) and its own rate-limit key prefix; torn down with the test.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Test } from 'tap';
import WebSocket from 'ws';
import { connectBus, type Bus } from '../../engine/bus/mod.ts';
import { applyMigrations, connectPostgres, connectRedis, type Redis, type Sql } from '../../engine/store/mod.ts';
import { startGateway, type Gateway, type GatewayOptions, WS_PATH } from '../../gateway/mod.ts';
import { withTimeout } from '../../engine/errors/mod.ts';
import { type OrderUpdateFields, orderUpdateMessage } from '../../engine/events/trade.ts';
import { CLOSE_MS, databaseUrl, natsUrl, probes, redisUrl, requireService, throwawaySchema } from './services.ts';

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
  t.teardown(() => withTimeout(admin.end(), CLOSE_MS, 'closing the admin PostgreSQL connection'));
  const { sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  return gatewayOn(t, sql, { confirmTimeoutMs: 1000, ...options });
}

/**
 * Another gateway on the same PostgreSQL schema as `first`, with its own Redis and NATS connections (pass
 * the same `jwtSecret` to both for tokens to work on either). Its Redis client may be disconnected by the
 * test to cut the gateway off (a crash, as far as the session map can tell).
 */
export function anotherGateway(t: Test, first: TestGateway, options: Partial<GatewayOptions> = {}): Promise<TestGateway> {
  return gatewayOn(t, first.sql, options);
}

/**
 * A gateway on `sql`'s schema with its own Redis and NATS connections and rate-limit prefix; closed with the test.
 * With `options.bus`, on that bus instead (the caller closes it).
 */
async function gatewayOn(t: Test, sql: Sql, options: Partial<GatewayOptions>): Promise<TestGateway> {
  const redis = await connectRedis(redisUrl());
  const own = options.bus === undefined;
  const bus = options.bus ?? await connectBus({ kind: 'jetstream', url: natsUrl() });
  const gw = await startGateway({
    port: 0, host: '127.0.0.1', sql, redis, bus, jwtSecret: randomBytes(32),
    rateLimit: { prefix: `pstest:${randomBytes(4).toString('hex')}:`, ...options.rateLimit },
    log: (await import('pino')).pino({ level: 'silent' }),
    ...options,
  });
  t.teardown(async () => {
    await withTimeout(gw.close(), CLOSE_MS, 'closing the gateway');
    if (own) await withTimeout(bus.close(), CLOSE_MS, 'closing the gateway\'s bus');
    if (redis.status !== 'end') await withTimeout(redis.quit(), CLOSE_MS, 'closing the gateway\'s Redis');
  });
  return { gw, sql, redis, bus, ...httpClient(gw.port) };
}

/** REST calls to a gateway on this host's `port` (JSON bodies; a `psk_` token goes as an API key). */
export function httpClient(port: number): Pick<TestGateway, 'base' | 'call' | 'register'> {
  const base = `http://127.0.0.1:${port}`;
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
  return { base, call, register };
}

/** A WebSocket client of a test gateway that keeps every message and waits for the one a test expects. */
export interface WsClient {
  ws: WebSocket;
  messages: any[];
  next(pred: (m: any) => boolean, ms?: number): Promise<any>;
  send(m: unknown): void;
  /** Sends `m` with a fresh request id and resolves with the reply (rejects when it is not ok). */
  request(m: Record<string, unknown>): Promise<any>;
}

export async function wsClient(g: { gw: { port: number } }, token: string, defaultWaitMs = 15_000): Promise<WsClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${g.gw.port}${WS_PATH}?access_token=${encodeURIComponent(token)}`);
  const messages: any[] = [];
  const waiters: { pred: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString());
    messages.push(m);
    for (const w of [...waiters]) if (w.pred(m)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(m); }
  });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const next: WsClient['next'] = (pred, ms = defaultWaitMs) => new Promise((resolve, reject) => {
    const found = messages.find(pred);
    if (found) return resolve(found);
    // What did arrive, so a failure says whether the client heard nothing or something else.
    const timer = setTimeout(() => reject(new Error(`no such message in ${ms} ms; ${messages.length} received, the last: ${JSON.stringify(messages.slice(-3))}`)), ms);
    waiters.push({ pred, resolve: (m) => { clearTimeout(timer); resolve(m); } });
  });
  let id = 0;
  return {
    ws, messages, next,
    send: (m) => ws.send(JSON.stringify(m)),
    async request(m) {
      const rid = `r${++id}`;
      ws.send(JSON.stringify({ ...m, id: rid }));
      const r = await next((x) => x.id === rid);
      if (r.ok !== true) throw new Error(`request failed: ${JSON.stringify(r)}`);
      return r;
    },
  };
}

/** A paper buy's order update on `account`'s ORDERS subject, as execution journals it: the gateway tests' order event. */
export function orderEvent(account: string, o: Partial<Pick<OrderUpdateFields, 'orderId' | 'instrument' | 'state' | 'units'>> = {}) {
  return orderUpdateMessage({
    orderId: o.orderId ?? randomUUID(), signalId: randomUUID(), account, instrument: o.instrument ?? 'EUR_USD', state: o.state ?? 'FILLED', side: 'buy',
    units: o.units ?? 1000, timeMs: Date.now(), broker: 'paper', price: 1.1, reason: null, riskLimit: null, riskValue: null, stopLossPrice: null,
    takeProfitPrice: null, slippagePips: null, bid: 1.1, ask: 1.1001, expiresMs: null, workflowId: 'w', workflowVersion: 1, stopLossPips: null,
    takeProfitPips: null, brokerTransactionId: null,
  });
}
