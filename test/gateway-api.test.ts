import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import t from 'tap';
import { Subjects } from '../engine/switchboard/mod.ts';
import { testGateway } from './helpers/gateway.ts';

t.test('/openapi.json describes exactly the routes that answer', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const doc = (await g.call('GET', '/openapi.json')).body;
  t.equal(doc.openapi, '3.1.0');
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
  t.same(documented, g.gw.routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort(), 'every mounted route is documented, nothing more');
  for (const entry of documented) {
    const [method, template] = entry.split(' ');
    const path = template.replace('{account}', a.account).replace(/\{\w+\}/g, randomUUID());
    const r = await g.call(method, path, { token: a.access_token, body: method === 'POST' || method === 'PUT' ? {} : undefined });
    const routeMissing = r.status === 404 && /^route /.test(r.body?.error?.message ?? '');
    t.notOk(routeMissing, `${entry} is served`);
    // Confirmations and risk controls need a node on NATS: without one the answer is a clear 503.
    t.ok(r.status < 500 || (r.status === 503 && /confirmations|\/risk(\/|$)/.test(template)), `${entry}: ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
  }
  const unknown = await g.call('GET', '/v1/nothing-here', { token: a.access_token });
  t.equal(unknown.status, 404);
  t.match(unknown.body.error.message, /^route /);
});

t.test('rate limits: token bucket per token and per IP, 429 with Retry-After', async (t) => {
  const g = await testGateway(t, { rateLimit: { perToken: { capacity: 3, refillPerS: 0.01 }, perIp: { capacity: 50, refillPerS: 1 } } });
  if (!g) return;
  const a = await g.register();
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await g.call('GET', '/v1/me', { token: a.access_token })).status);
  t.same(statuses, [200, 200, 200, 429]);
  const limited = await g.call('GET', '/v1/me', { token: a.access_token });
  t.equal(limited.status, 429);
  t.equal(limited.body.error.code, 'PS_RATE_LIMITED');
  t.match(limited.headers.get('retry-after'), /^[1-9]\d*$/);
  // A new access token (same user) has its own bucket.
  const rotated = await g.call('POST', '/v1/auth/refresh', { body: { refresh_token: a.refresh_token } });
  t.equal((await g.call('GET', '/v1/me', { token: rotated.body.access_token })).status, 200);

  const ipLimited = await testGateway(t, { rateLimit: { perIp: { capacity: 2, refillPerS: 0.001 } } });
  if (!ipLimited) return;
  const codes: number[] = [];
  for (let i = 0; i < 3; i++) codes.push((await ipLimited.call('POST', '/v1/auth/login', { body: { email: 'x@y.z', password: 'whatever' } })).status);
  t.same(codes, [401, 401, 429], 'unauthenticated calls are limited per IP');
  t.equal((await ipLimited.call('GET', '/healthz')).status, 200, 'probes are not limited');
});

t.test('usage metering: API calls and WS subscriptions are billing events on billing.events.<account>', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const events: any[] = [];
  const sub = g.bus.subscribe(Subjects.billing(a.account), (m) => events.push(JSON.parse(Buffer.from(m.data).toString())));
  t.teardown(() => sub.unsubscribe());
  await g.call('GET', '/v1/me', { token: a.access_token });
  await g.call('GET', `/v1/accounts/${a.account}/orders`, { token: a.access_token });
  await g.call('GET', '/healthz');
  const { default: WebSocket } = await import('ws');
  const ws = new WebSocket(`ws://127.0.0.1:${g.gw.port}/v1/ws?access_token=${a.access_token}`);
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ op: 'subscribe', id: 1, channel: 'positions' }));
  await new Promise((r) => ws.once('message', r));
  ws.close();
  await new Promise((r) => setTimeout(r, 300));
  t.match(events, [
    { account: a.account, kind: 'api_call', what: 'GET /v1/me', status: 200, id: String },
    { account: a.account, kind: 'api_call', what: 'GET /v1/accounts/{account}/orders', status: 200 },
    { account: a.account, kind: 'ws_subscription', what: 'positions' },
  ]);
  t.equal(events.length, 3, 'health probes are not billed');
});

t.test('security headers, CORS, health, readiness, metrics', async (t) => {
  const g = await testGateway(t, { corsOrigins: ['https://app.example.com'] });
  if (!g) return;
  const h = await g.call('GET', '/healthz', { headers: { origin: 'https://app.example.com' } });
  t.equal(h.headers.get('x-content-type-options'), 'nosniff');
  t.equal(h.headers.get('x-frame-options'), 'DENY');
  t.match(h.headers.get('content-security-policy'), /default-src 'none'/);
  t.equal(h.headers.get('access-control-allow-origin'), 'https://app.example.com');
  const evil = await g.call('GET', '/healthz', { headers: { origin: 'https://evil.example.com' } });
  t.equal(evil.headers.get('access-control-allow-origin'), null);
  const pre = await g.call('OPTIONS', '/v1/me', { headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
  t.equal(pre.status, 204);
  t.match(pre.headers.get('access-control-allow-headers'), /Authorization/);
  t.match((await g.call('GET', '/readyz')).body, { status: 'ready', checks: { nats: 'ok', redis: 'ok', postgres: 'ok' } });
  const m = await g.call('GET', '/metrics');
  t.match(m.body, /pipstream_gateway_http_requests_total\{method="get",route="\/readyz",status="200"\} 1/);
});

t.test('instruments: registering one announces instrument.registered', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const { decodeInstrumentRegisteredEvent } = await import('../engine/events/mod.ts');
  const seen: string[] = [];
  const sub = g.bus.subscribe(Subjects.instrumentRegistered, (m) => seen.push(decodeInstrumentRegisteredEvent(m.data).instrumentRegistered?.instrument ?? ''));
  t.teardown(() => sub.unsubscribe());
  const created = await g.call('POST', '/v1/instruments', { token: a.access_token, body: { name: 'AUD_CAD', pip_location: -4, display_precision: 5 } });
  t.equal(created.status, 201);
  t.equal((await g.call('POST', '/v1/instruments', { token: a.access_token, body: { name: 'AUD_CAD', pip_location: -4, display_precision: 5 } })).status, 409);
  t.equal((await g.call('POST', '/v1/instruments', { token: a.access_token, body: { name: 'aud.*', pip_location: -4, display_precision: 5 } })).status, 400);
  t.ok((await g.call('GET', '/v1/instruments', { token: a.access_token })).body.instruments.some((i: { name: string }) => i.name === 'AUD_CAD'));
  await new Promise((r) => setTimeout(r, 200));
  t.ok(seen.includes('AUD_CAD'));
});

t.test('PostgreSQL or Redis down: a request that needs it answers 503 naming the service, not an internal error', async (t) => {
  const dead = postgres('postgres://pipstream@127.0.0.1:1/pipstream', { connect_timeout: 2, max: 1, onnotice: () => {} });
  t.teardown(() => dead.end({ timeout: 1 }));
  const g = await testGateway(t, { sql: dead });
  if (!g) return;
  const r = await g.call('POST', '/v1/auth/register', { body: { email: `down-${randomUUID()}@example.com`, password: 'correct horse battery staple' } });
  t.equal(r.status, 503, 'retry later');
  t.match(r.body.error, { code: 'PS_SERVICE_UNAVAILABLE', details: { service: 'postgres' }, message: /^PostgreSQL: .*ECONNREFUSED 127\.0\.0\.1:1/ });

  // Redis gone after the start: every request's rate-limit check needs it.
  const h = await testGateway(t);
  if (!h) return;
  h.redis.disconnect();
  const s = await h.call('POST', '/v1/auth/register', { body: { email: `down-${randomUUID()}@example.com`, password: 'correct horse battery staple' } });
  t.equal(s.status, 503, 'retry later');
  t.match(s.body.error, { code: /^PS_(SERVICE_UNAVAILABLE|TIMEOUT)$/, details: { service: 'redis' }, message: /^Redis: / });
});
