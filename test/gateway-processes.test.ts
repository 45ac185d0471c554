/**
 * Scale-out with real processes (issue 4: "two gateway processes behind no proxy"): two `gateway/main.ts`
 * processes, configured only through their environment, on the same NATS, Redis and PostgreSQL schema.
 * A user connected to both gets each event exactly once per connection; the session map lists both; a
 * gateway killed with SIGKILL takes only its own connections down.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import t, { type Test } from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { REPO_ROOT } from '../engine/config/mod.ts';
import { WS_PATH } from '../gateway/mod.ts';
import { httpClient, orderEvent, wsClient } from './helpers/gateway.ts';
import { migratedSchemaUrl, natsUrl, probes, requireService } from './helpers/services.ts';

/** A free TCP port (the kernel's pick; released just before the gateway binds it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface GatewayProcess { child: ChildProcess; port: number; exited: Promise<number | null> }

/** Starts `gateway/main.ts` in its own process; resolves once it logs that it listens. */
async function gatewayProcess(t: Test, env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts'], {
    cwd: REPO_ROOT, env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  t.teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway on ${port} did not start in time: ${out.slice(-500)}`)), 60_000);
    const seen = (d: Buffer) => {
      out += d.toString();
      if (out.includes('"gateway listening"')) { clearTimeout(timer); resolve(); }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`gateway exited (${code}) before listening: ${out.slice(-500)}`)); });
  });
  return { child, port, exited };
}

const isOrder = (m: any) => m.channel === 'orders' && !('id' in m);

t.test('two gateway processes: each connection gets each event once; a killed gateway takes only its own', async (t) => {
  for (const [name, probe] of Object.entries(probes)) if (!(await requireService(t, name, probe))) return;
  const { sql, url } = await migratedSchemaUrl(t);
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), name: 'pipstream-test-gateway-processes' });
  t.teardown(() => bus.close());

  // Configured as an operator would: the database URL names the schema, both share one JWT secret.
  const env = { DATABASE_URL: url, GATEWAY_JWT_SECRET: randomBytes(32).toString('hex') };
  const [p1, p2] = await Promise.all([gatewayProcess(t, env), gatewayProcess(t, env)]);
  const [g1, g2] = [p1, p2].map((p) => ({ gw: { port: p.port }, ...httpClient(p.port) }));

  const reg = await g1.call('POST', '/v1/auth/register', { body: { email: `p-${randomBytes(4).toString('hex')}@example.com`, password: 'correct horse battery' } });
  t.equal(reg.status, 201, 'registered on gateway 1');
  const a = reg.body as { account: string; access_token: string };
  t.equal((await sql`select count(*)::int as n from accounts where id::text = ${a.account}`)[0]!.n, 1, 'in the schema the URL names');
  const c1 = await wsClient(g1, a.access_token, 15_000);
  const c2 = await wsClient(g2, a.access_token, 15_000);
  t.teardown(() => { c1.ws.terminate(); c2.ws.terminate(); });
  for (const c of [c1, c2]) await c.request({ op: 'subscribe', channel: 'orders' });
  t.match(c2.ws.url, `:${p2.port}${WS_PATH}`, 'the second connection is on the second process');

  const sessions = await g2.call('GET', `/v1/accounts/${a.account}/sessions`, { token: a.access_token });
  t.equal(sessions.status, 200, 'a token from gateway 1 works on gateway 2');
  t.equal(new Set(sessions.body.sessions.map((s: any) => s.gateway)).size, 2, 'the session map lists one connection on each process');

  const ids = Array.from({ length: 20 }, () => randomUUID());
  const publish = async (id: string, state: 'SUBMITTED' | 'FILLED') => {
    const m = orderEvent(a.account, { orderId: id, state });
    await bus.publish(m.subject, m.data, { msgId: m.msgId });
  };
  for (const id of ids) await publish(id, 'SUBMITTED');
  const last = randomUUID();
  await publish(last, 'FILLED');
  for (const [name, c] of [['process 1', c1], ['process 2', c2]] as const) {
    await c.next((m) => isOrder(m) && m.data.orderId === last);
    t.same(c.messages.filter(isOrder).map((m) => m.data.orderId), [...ids, last], `${name}: every order update once, in order`);
  }

  // A crash, not a shutdown: gateway 2's client loses its connection, gateway 1's keeps receiving.
  const dropped = new Promise<number>((resolve) => c2.ws.once('close', resolve));
  p2.child.kill('SIGKILL');
  t.equal(await p2.exited, null, 'gateway 2 killed');
  t.equal(await dropped, 1006, 'its client saw the connection drop');
  const after = randomUUID();
  await publish(after, 'FILLED');
  await c1.next((m) => isOrder(m) && m.data.orderId === after);
  t.equal(c1.messages.filter(isOrder).length, ids.length + 2, 'gateway 1 delivers on, exactly once');
  t.equal((await g1.call('GET', '/readyz')).status, 200, 'gateway 1 is still ready');
});
