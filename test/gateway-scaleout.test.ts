/**
 * Scale-out: independent gateways (own ports, own Redis and NATS connections) on the same NATS, Redis and
 * PostgreSQL schema. Each user's events reach each of that user's connections exactly once, whichever gateway
 * it is on; the WS session map in Redis lists every gateway's connections and forgets closed ones, closed
 * gateways and (after the TTL) gateways that vanished without closing.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import t from 'tap';
import { encodeTickEvent, EventType, makeEnvelope } from '../engine/events/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { anotherGateway, orderEvent, testGateway, type TestGateway, wsClient } from './helpers/gateway.ts';

/** Channel messages, not the replies to requests (which carry an id). */
const isOrder = (m: any) => m.channel === 'orders' && !('id' in m);
const isPrice = (m: any) => m.channel === 'prices' && !('id' in m);

const connect = (g: TestGateway, token: string) => wsClient(g, token, 10_000);

/** The msgId is `<orderId>:<state>`. */
const orderIdOf = (m: ReturnType<typeof orderEvent>) => m.msgId.split(':')[0]!;

/** Polls until `check` holds or the deadline passes (then the last value is returned for the assertion). */
async function until<T>(get: () => Promise<T>, check: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let v = await get();
  while (!check(v) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    v = await get();
  }
  return v;
}

t.test('two gateways: exactly-once delivery per connection, a session map across gateways', async (t) => {
  const jwtSecret = randomBytes(32);
  const g1 = await testGateway(t, { jwtSecret });
  if (!g1) return;
  const g2 = await anotherGateway(t, g1, { jwtSecret });
  // The third one "crashes": a short TTL so its entries lapse quickly once it stops refreshing.
  const ttlMs = 3000;
  const g3 = await anotherGateway(t, g1, { jwtSecret, sessionTtlMs: ttlMs });
  t.not(g1.gw.id, g2.gw.id, 'each gateway has its own id');

  const a = await g1.register();
  const b = await g2.register();
  const sessionsOf = (g: TestGateway, who: { account: string; access_token: string }) =>
    g.call('GET', `/v1/accounts/${who.account}/sessions`, { token: who.access_token });

  const inst = `X${randomBytes(1).toString('hex').toUpperCase().replace(/[0-9]/g, 'Q')}_${'QWERTYUIOPASDFGHJKLZXCVBNM'.split('').sort(() => Math.random() - 0.5).slice(0, 3).join('')}`;
  const a1 = await connect(g1, a.access_token);
  const a2 = await connect(g2, a.access_token);
  const b1 = await connect(g1, b.access_token);
  t.teardown(() => { for (const c of [a1, a2, b1]) c.ws.terminate(); });
  for (const c of [a1, a2]) {
    await c.request({ op: 'subscribe', channel: 'orders' });
    await c.request({ op: 'subscribe', channel: 'prices', instrument: inst });
  }
  await b1.request({ op: 'subscribe', channel: 'orders' });

  // The session map, read through either gateway: A's two connections (one per gateway), only A's.
  for (const g of [g1, g2]) {
    const r = await sessionsOf(g, a);
    t.equal(r.status, 200);
    t.equal(r.body.account, a.account);
    t.same(r.body.sessions.map((s: any) => s.gateway).sort(), [g1.gw.id, g2.gw.id].sort(), 'one connection of A on each gateway');
    for (const s of r.body.sessions) {
      t.same(s.channels.sort(), ['orders', `prices:${inst}`], 'with its channels');
      t.equal(s.user, a.user);
      t.match(s.openedAt, /^\d{4}-\d\d-\d\dT/);
    }
  }
  const bSessions = await sessionsOf(g1, b);
  t.same(bSessions.body.sessions.map((s: any) => [s.gateway, s.user]), [[g1.gw.id, b.user]], "B's one connection, on gateway 1");
  t.equal((await g1.call('GET', `/v1/accounts/${b.account}/sessions`, { token: a.access_token })).status, 404, "A cannot read B's sessions");

  // A's order updates journaled the way the execution actor does, then prices; last, one order of B's.
  const ids = Array.from({ length: 20 }, () => randomUUID());
  for (const id of ids) {
    const m = orderEvent(a.account, { orderId: id, state: 'SUBMITTED' });
    await g1.bus.publish(m.subject, m.data, { msgId: m.msgId });
  }
  const ticks = 10;
  for (let seq = 1; seq <= ticks; seq++) {
    g1.bus.publishCore(Subjects.price(inst), encodeTickEvent({ envelope: makeEnvelope(EventType.EVENT_TYPE_TICK),
      tick: { instrument: inst, timeMs: 1.4e12 + seq, seq, bid: 1.1 + seq * 1e-4, ask: 1.1001 + seq * 1e-4, source: 'test' } }));
  }
  // A sentinel per subject, published last from the same connection: NATS keeps one publisher's order, so
  // once a client has it, anything this test published before it on that subject has been delivered too.
  const lastA = orderEvent(a.account, { state: 'FILLED' });
  await g1.bus.publish(lastA.subject, lastA.data, { msgId: lastA.msgId });
  const bOrder = orderEvent(b.account, { state: 'FILLED' });
  await g1.bus.publish(bOrder.subject, bOrder.data, { msgId: bOrder.msgId });

  for (const [name, c] of [['gateway 1', a1], ['gateway 2', a2]] as const) {
    await c.next((m) => isOrder(m) && m.data.state === 'FILLED');
    await c.next((m) => isPrice(m) && m.seq === ticks);
    const got = c.messages.filter(isOrder).map((m) => m.data.orderId);
    t.same(got, [...ids, orderIdOf(lastA)], `A's connection on ${name}: every order update once, in order`);
    t.equal(new Set(got).size, got.length, `no duplicate on ${name}`);
    t.ok(c.messages.filter(isOrder).every((m) => m.data.account === a.account), `only A's orders on ${name}`);
    t.same(c.messages.filter(isPrice).map((m) => m.seq), Array.from({ length: ticks }, (_, i) => i + 1), `every price once on ${name}`);
  }
  const bGot = await b1.next(isOrder);
  t.equal(bGot.data.orderId, orderIdOf(bOrder), 'B gets its own order');
  t.equal(b1.messages.filter(isOrder).length, 1, 'and none of A\'s (the same gateway published them to A before it)');

  // A closes its gateway-1 connection: the map forgets it (the close reaches the gateway asynchronously).
  a1.ws.close();
  const afterClose = await until(() => sessionsOf(g2, a), (r) => r.body.sessions.length === 1, 5000);
  t.same(afterClose.body.sessions.map((s: any) => s.gateway), [g2.gw.id], 'a closed connection leaves the map');

  // Gateway 2 shuts down: its entries are removed before close() returns.
  const a2Closed = new Promise<number>((resolve) => a2.ws.once('close', resolve));
  await g2.gw.close();
  t.equal(await a2Closed, 1001, "gateway 2's clients are told it is going away");
  t.same((await sessionsOf(g1, a)).body.sessions, [], 'a closed gateway leaves no entries');
  t.same((await g1.redis.hkeys(`pipstream:gw:sessions:${a.account}`)), [], 'not even stale fields');
  t.equal(await g1.redis.exists(`pipstream:gw:alive:${g2.gw.id}`), 0, 'nor its heartbeat');

  // Gateway 3 keeps its connection listed past its TTL (it refreshes), until it stops refreshing.
  const a3 = await connect(g3, a.access_token);
  t.teardown(() => a3.ws.terminate());
  await a3.request({ op: 'subscribe', channel: 'orders' });
  await new Promise((r) => setTimeout(r, ttlMs + 1000));
  t.same((await sessionsOf(g1, a)).body.sessions.map((s: any) => s.gateway), [g3.gw.id], 'refreshed entries outlive the TTL');
  // Cut off from Redis and never closed: to the map, gateway 3 died.
  g3.redis.disconnect();
  const lapsed = await until(() => sessionsOf(g1, a), (r) => r.body.sessions.length === 0, ttlMs + 5000);
  t.same(lapsed.body.sessions, [], "a vanished gateway's entries lapse after the TTL");
  t.same((await g1.redis.hkeys(`pipstream:gw:sessions:${a.account}`)), [], 'and the reader pruned its fields');
  t.same((await sessionsOf(g1, b)).body.sessions.map((s: any) => s.gateway), [g1.gw.id], "B's connection is still there");
});
