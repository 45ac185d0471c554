/**
 * A gateway loses its connection to NATS (a network blip, a NATS node restarting) while the engine goes on
 * journaling: what was journaled meanwhile for an account still reaches that account's WebSocket clients once
 * the gateway is back, in order and each once. The gateway reaches NATS through a relay the test cuts; the
 * publisher and the server stay up.
 */
import t, { type Test } from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { withTimeout } from '../engine/errors/mod.ts';
import { waitFor } from './helpers/engine.ts';
import { orderEvent, testGateway, wsClient } from './helpers/gateway.ts';
import { CLOSE_MS, natsUrl, probes, requireService } from './helpers/services.ts';
import { tcpCut } from './helpers/tcp-cut.ts';

const isOrder = (m: any) => m.channel === 'orders' && !('id' in m);

/** A gateway whose NATS connection goes through a relay the test can cut, and a publisher that is never cut. */
async function setUp(t: Test) {
  if (!(await requireService(t, 'nats', probes.nats))) return null;
  const relay = await tcpCut(t, natsUrl());
  // A short request timeout, so that a request made while cut off fails within the test's patience.
  const bus = await connectBus({ kind: 'jetstream', url: relay.url, timeoutMs: 3000 });
  const publisher = await connectBus({ kind: 'jetstream', url: natsUrl() });
  t.teardown(async () => {
    await withTimeout(publisher.close(), CLOSE_MS, 'closing the publisher');
    await withTimeout(bus.close(), CLOSE_MS, 'closing the gateway\'s bus');
  });
  const g = await testGateway(t, { bus });
  if (g === null) return null;
  const statuses: string[] = [];
  void (async () => { for await (const s of bus.nats!.status()) statuses.push(s.type); })();
  const user = await g.register();
  const client = await wsClient(g, user.access_token, 30_000);
  t.teardown(() => client.ws.terminate());
  const publish = async (units: number) => {
    const m = orderEvent(user.account, { units });
    await publisher.publish(m.subject, m.data, { msgId: m.msgId });
  };
  const until = async (what: string, ok: () => boolean, ms = 15_000) => {
    if (!(await waitFor(ok, ms))) throw new Error(`${what}: not within ${ms} ms (bus statuses: ${statuses.join(', ')})`);
  };
  return { relay, client, publish, until, statuses };
}

t.test('orders journaled while the gateway is cut off from NATS reach its clients once it is back, in order, each once', async (t) => {
  const s = await setUp(t);
  if (s === null) return;
  const { relay, client, publish, until, statuses } = s;
  await client.request({ op: 'subscribe', channel: 'orders' });
  await publish(1);
  await client.next((m) => isOrder(m) && m.data.units === 1);

  relay.cut();
  await until('the gateway saw its connection drop', () => statuses.includes('disconnect'));
  for (const units of [2, 3, 4]) await publish(units);
  relay.restore();
  await until('the gateway reconnected', () => statuses.includes('reconnect'), 30_000);
  await client.next((m) => isOrder(m) && m.data.units === 4);
  await publish(5);
  await client.next((m) => isOrder(m) && m.data.units === 5);
  t.same(client.messages.filter(isOrder).map((m) => m.data.units), [1, 2, 3, 4, 5], 'every order event, once, in journal order');
});

t.test('subscribing while the gateway cannot reach NATS: a clear error, nothing half-subscribed; once back, it works', async (t) => {
  const s = await setUp(t);
  if (s === null) return;
  const { relay, client, publish, until, statuses } = s;
  relay.cut();
  await until('the gateway saw its connection drop', () => statuses.includes('disconnect'));
  client.send({ op: 'subscribe', id: 'down', channel: 'orders' });
  const refused = await client.next((m) => m.id === 'down');
  t.match(refused, { ok: false, error: { code: 'PS_SERVICE_UNAVAILABLE', details: { service: 'nats', channel: 'orders' } } }, 'refused, naming NATS');

  relay.restore();
  await until('the gateway reconnected', () => statuses.includes('reconnect'), 30_000);
  t.match(await client.request({ op: 'subscribe', channel: 'orders' }), { ok: true, op: 'subscribe', channel: 'orders' },
    'the same subscription succeeds once NATS is back (the failed one left nothing behind)');
  await publish(7);
  await client.next((m) => isOrder(m) && m.data.units === 7);
  await new Promise((r) => setTimeout(r, 300));
  t.same(client.messages.filter(isOrder).map((m) => m.data.units), [7], 'delivered once');
});
