/** Liveness, readiness (NATS, Redis, PostgreSQL each answering in time), Prometheus metrics, the OpenAPI document. */
import type { GatewayDeps } from '../deps.ts';
import type { RouteDef } from '../http/route.ts';

const CHECK_TIMEOUT_MS = 2000;

async function check(probe: () => Promise<unknown>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS); })]);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

export function opsRoutes(deps: GatewayDeps, openapi: () => unknown): RouteDef[] {
  const base = { tag: 'operations', access: 'public', unmetered: true, unlimited: true } as const;
  return [
    {
      ...base, method: 'get', path: '/healthz', summary: 'The process is up',
      response: { status: 200, description: 'up', schema: { type: 'object' } },
      async handle() { return { body: { status: 'ok' } }; },
    },
    {
      ...base, method: 'get', path: '/readyz', summary: 'NATS, Redis and PostgreSQL all answer (503 otherwise)',
      response: { status: 200, description: 'ready', schema: { type: 'object' } },
      async handle() {
        const nats = deps.bus.nats;
        const checks = {
          nats: await check(async () => { if (nats === null) throw new Error('no NATS connection (in-process bus)'); await nats.flush(); }),
          redis: await check(() => deps.redis.ping()),
          postgres: await check(() => deps.sql`select 1`),
        };
        const ready = Object.values(checks).every((c) => c === 'ok');
        return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not ready', checks } };
      },
    },
    {
      ...base, method: 'get', path: '/metrics', summary: 'Prometheus metrics',
      response: { status: 200, description: 'Prometheus text format', contentType: 'text/plain' },
      async handle() { return { text: { contentType: deps.metrics.registry.contentType, value: await deps.metrics.registry.metrics() } }; },
    },
    {
      ...base, method: 'get', path: '/openapi.json', summary: 'This document',
      response: { status: 200, description: 'OpenAPI 3.1', schema: { type: 'object' } },
      async handle() { return { body: openapi() }; },
    },
  ];
}
