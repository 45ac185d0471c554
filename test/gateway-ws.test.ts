import { randomUUID } from 'node:crypto';
import t from 'tap';
import WebSocket from 'ws';
import { encodeTickEvent, EventType, makeEnvelope } from '../engine/events/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { WS_CLOSE_SLOW_CONSUMER, WS_PATH } from '../gateway/mod.ts';
import { orderEvent, testGateway, type TestGateway, wsClient } from './helpers/gateway.ts';

/** A unique instrument per test run: other tests and nodes may publish EUR_USD on the same NATS. */
const instrument = () => `X${randomUUID().replace(/[^a-f]/g, '').slice(0, 2).toUpperCase().padEnd(2, 'A')}_${'QWERTYUIOPASDFGHJKLZXCVBNM'.split('').sort(() => Math.random() - 0.5).slice(0, 3).join('')}`;

function tick(inst: string, seq: number, bid: number) {
  return encodeTickEvent({ envelope: makeEnvelope(EventType.EVENT_TYPE_TICK), tick: { instrument: inst, timeMs: 1.4e12 + seq, seq, bid, ask: bid + 0.0001, source: 'test' } });
}

/** Channel messages, not the replies to subscribe requests (which carry an id). */
const isPrice = (m: any) => m.channel === 'prices' && !('id' in m);
const isOrder = (m: any) => m.channel === 'orders' && !('id' in m);

const connect = (g: TestGateway, token: string) => wsClient(g, token);

t.test('auth at upgrade: no socket without a valid token', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  for (const url of [`ws://127.0.0.1:${g.gw.port}${WS_PATH}`, `ws://127.0.0.1:${g.gw.port}${WS_PATH}?access_token=bogus`]) {
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => {});
    });
    t.equal(status, 401, url);
  }
});

t.test('protocol: request ids, structured errors, ping, isolation of account channels', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const b = await g.register();
  const ca = await connect(g, a.access_token);
  const cb = await connect(g, b.access_token);
  t.teardown(() => { ca.ws.close(); cb.ws.close(); });

  ca.send({ op: 'ping', id: 1 });
  t.match(await ca.next((m) => m.id === 1), { ok: true, op: 'pong' });
  ca.ws.send('not json');
  t.match(await ca.next((m) => m.ok === false && m.id === null), { error: { code: 'PS_BAD_REQUEST' } });
  ca.send({ op: 'subscribe', id: 2, channel: 'nope' });
  t.match(await ca.next((m) => m.id === 2), { ok: false, error: { code: 'PS_BAD_REQUEST', details: { errors: [{ path: '/channel' }] } } });
  ca.send({ op: 'subscribe', id: 3, channel: 'prices' });
  t.match(await ca.next((m) => m.id === 3), { ok: false, error: { code: 'PS_BAD_REQUEST' } }, 'prices need an instrument');
  ca.send({ op: 'subscribe', id: 4, channel: 'orders', account: b.account });
  t.match(await ca.next((m) => m.id === 4), { ok: false, error: { code: 'PS_NOT_FOUND' } }, "B's account is not A's to subscribe to");
  ca.send({ op: 'subscribe', id: 5, channel: 'orders' });
  t.match(await ca.next((m) => m.id === 5), { ok: true, op: 'subscribe', channel: 'orders' });
  cb.send({ op: 'subscribe', id: 6, channel: 'orders' });
  await cb.next((m) => m.id === 6);
  ca.send({ op: 'confirm', id: 7, order: randomUUID() });
  t.match(await ca.next((m) => m.id === 7), { ok: false, error: { code: String } }, 'confirm of an unknown order is a structured error');

  // An order of B reaches B only.
  const orderId = randomUUID();
  const m = orderEvent(b.account, { orderId });
  g.bus.publishCore(m.subject, m.data);
  const got = await cb.next(isOrder);
  t.equal(got.data.orderId, orderId);
  await new Promise((r) => setTimeout(r, 300));
  t.notOk(ca.messages.some(isOrder), 'A never sees it');
});

t.test('prices: delivered per instrument; conflated (latest wins) for a slow client', async (t) => {
  const g = await testGateway(t, { wsBackpressureBytes: 4096 });
  if (!g) return;
  const a = await g.register();
  const inst = instrument();
  const c = await connect(g, a.access_token);
  t.teardown(() => c.ws.terminate());
  c.send({ op: 'subscribe', id: 's', channel: 'prices', instrument: inst });
  await c.next((m) => m.id === 's');
  g.bus.publishCore(Subjects.price(inst), tick(inst, 1, 1.1));
  t.match(await c.next(isPrice), { instrument: inst, seq: 1, bid: 1.1 });

  // Stop reading: the kernel buffers fill, then the gateway's; prices must be conflated, not queued.
  const socket = (c.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  socket.pause();
  const N = 150_000;
  for (let seq = 2; seq <= N; seq++) g.bus.publishCore(Subjects.price(inst), tick(inst, seq, 1.1 + seq * 1e-7));
  await g.bus.nats!.flush();
  await new Promise((r) => setTimeout(r, 1500));
  socket.resume();
  const last = await c.next((m) => isPrice(m) && m.seq === N, 20_000);
  t.equal(last.bid, 1.1 + N * 1e-7, 'the latest price arrives');
  const received = c.messages.filter(isPrice).length;
  t.ok(received < N, `conflated: ${received} of ${N} ticks delivered`);
  const metrics = await g.call('GET', '/metrics');
  t.match(metrics.body, /pipstream_gateway_ws_prices_conflated_total [1-9]/);
  const seqs = c.messages.filter(isPrice).map((m) => m.seq);
  t.ok(seqs.every((s, i) => i === 0 || s > seqs[i - 1]), 'in order, never an older price after a newer one');
});

t.test('a burst of prices and orders published together reaches a fast client whole, each channel in bus order', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const inst = instrument();
  const c = await connect(g, a.access_token);
  t.teardown(() => c.ws.terminate());
  c.send({ op: 'subscribe', id: 'p', channel: 'prices', instrument: inst });
  c.send({ op: 'subscribe', id: 'o', channel: 'orders' });
  await c.next((m) => m.id === 'p');
  await c.next((m) => m.id === 'o');
  // Many messages per socket read on the gateway's side: its frames go out batched, and must keep their order.
  // Orders reach the gateway through the journal (a consumer of their own), prices as core messages: the two
  // channels' interleaving is not the bus's, each channel's order is.
  const N = 3000;
  const want: string[] = [];
  for (let seq = 1; seq <= N; seq++) {
    g.bus.publishCore(Subjects.price(inst), tick(inst, seq, 1.1 + seq * 1e-7));
    want.push(`p${seq}`);
    if (seq % 10 === 0) {
      const m = orderEvent(a.account, { instrument: inst, state: 'SUBMITTED', units: seq });
      g.bus.publishCore(m.subject, m.data);
      want.push(`o${seq}`);
    }
  }
  await g.bus.nats!.flush();
  await c.next((m) => isPrice(m) && m.seq === N, 20_000);
  await c.next((m) => isOrder(m) && m.data.units === N, 20_000);
  for (const [channel, is, name] of [['p', isPrice, (m: any) => `p${m.seq}`], ['o', isOrder, (m: any) => `o${m.data.units}`]] as const) {
    t.same(c.messages.filter(is).map(name), want.filter((w) => w.startsWith(channel)), `every ${channel === 'p' ? 'price' : 'order'} once, in the order published`);
  }
});

t.test('orders are never dropped: a client too slow for them is closed with a clear code', async (t) => {
  const g = await testGateway(t, { wsBackpressureBytes: 4096, wsMaxQueued: 100 });
  if (!g) return;
  const a = await g.register();
  const c = await connect(g, a.access_token);
  c.send({ op: 'subscribe', id: 'o', channel: 'orders' });
  await c.next((m) => m.id === 'o');
  const socket = (c.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
  socket.pause();
  const closed = new Promise<[number, string]>((resolve) => c.ws.on('close', (code, reason) => resolve([code, reason.toString()])));
  for (let i = 0; i < 60_000; i++) {
    const m = orderEvent(a.account, { state: 'SUBMITTED' });
    g.bus.publishCore(m.subject, m.data);
  }
  await g.bus.nats!.flush();
  await new Promise((r) => setTimeout(r, 1000));
  socket.resume();
  const [code, reason] = await closed;
  t.equal(code, WS_CLOSE_SLOW_CONSUMER);
  t.match(reason, /slow consumer/);
  const orders = c.messages.filter(isOrder);
  t.ok(orders.length > 0);
});
