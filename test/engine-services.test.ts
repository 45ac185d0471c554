import { randomBytes } from 'node:crypto';
import t from 'tap';
import { PaperBroker } from '../actors/execution/mod.ts';
import { startPersistence } from '../actors/persistence/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { applyMigrations, connectPostgres, connectRedis } from '../engine/store/mod.ts';
import { feedDirect } from '../engine/node/feed.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { Services } from '../engine/switchboard/mod.ts';
import { INSTRUMENT, OANDA_FILE, batchesOf, fixtureWorkflow, silentLogger, ticksOf } from './helpers/engine.ts';
import { databaseUrl, natsUrl, probes, redisUrl, requireService, throwawaySchema } from './helpers/services.ts';

const N = 100_000;

t.test('a node on JetStream registers its actor as a NATS micro-service', async (t) => {
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const ticks = await ticksOf(OANDA_FILE);
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), name: 'pipstream-test-services' });
  t.teardown(() => bus.close());
  await bus.ensureStreams();
  const nodeId = `svc-test-${process.pid}`;
  const node = new PipstreamNode({ bus, logger: silentLogger(), nodeId, source: `svc-test-${Date.now().toString(36)}` });
  let stopped = false;
  t.teardown(async () => { if (!stopped) await node.stop(); });
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows([fixtureWorkflow('macd-cross-execute.json'), fixtureWorkflow('price-cross-1.3850.json')]);
  const bad = { time: new Float64Array([ticks.time[N - 1]]), bid: new Float64Array([Number.NaN]), ask: new Float64Array([1.3]), line: new Int32Array(1), length: 1 };
  await feedDirect(node.supervisor, INSTRUMENT, batchesOf(ticks, 0, N), 0);
  await feedDirect(node.supervisor, INSTRUMENT, (async function* () { yield bad; })(), N);
  await node.supervisor.drain(INSTRUMENT);
  const expected = node.supervisor.stats(INSTRUMENT);

  const nc = bus.nats!;
  const json = async (subject: string) => JSON.parse(new TextDecoder().decode((await nc.request(subject, '', { timeout: 3000 })).data));
  const name = Services.instrumentActor;

  // Other tests' nodes may be registered too (and serve EUR_USD): find this one by its node id.
  const pings = await collect(nc, `$SRV.PING.${name}`);
  t.ok(pings.some((p) => p.name === name && p.metadata?.instrument === INSTRUMENT && p.metadata?.node === nodeId), 'PING answers');
  const mine = pings.find((p) => p.metadata?.instrument === INSTRUMENT && p.metadata?.node === nodeId)!;
  t.match(mine, { type: 'io.nats.micro.v1.ping_response', name, version: '0.1.0' });

  const info = await json(`$SRV.INFO.${name}.${mine.id}`);
  t.match(info, { name, id: mine.id, metadata: { instrument: INSTRUMENT, node: nodeId } }, 'INFO answers with the metadata');
  t.ok(info.endpoints.some((e: { subject: string }) => e.subject === Services.instrumentStatus(INSTRUMENT)), 'INFO lists the status endpoint');

  const st = await json(`$SRV.STATS.${name}.${mine.id}`);
  const data = st.endpoints?.[0]?.data ?? st.data;
  t.ok(data !== undefined, 'STATS carry the actor figures');
  t.match(data, {
    node: nodeId, instrument: INSTRUMENT, ticks: N, bars: expected.bars, signals: expected.signals, rejected_ticks: 1, restarts: 0, last_seq: N - 1,
    tick_handling: { p50_ns: Number, p99_ns: Number },
  }, 'STATS data: ticks, bars, signals, rejected_ticks, restarts, tick_handling');
  t.ok(data.bars > 0 && data.signals > 0, `bars ${data.bars}, signals ${data.signals}`);
  t.ok(data.tick_handling.count > 0 && data.tick_handling.p50_ns > 0 && data.tick_handling.p99_ns >= data.tick_handling.p50_ns,
    `tick handling p50 ${data.tick_handling.p50_ns} ns, p99 ${data.tick_handling.p99_ns} ns`);

  const statuses = await collect(nc, Services.instrumentStatus(INSTRUMENT));
  const status = statuses.find((s) => s.node === nodeId);
  t.match(status, { instrument: INSTRUMENT, ticks: N, signals: expected.signals, rejected_ticks: 1 }, 'status endpoint answers with the stats');

  await node.stop();
  stopped = true;
  const after = await collect(nc, `$SRV.PING.${name}`);
  t.notOk(after.some((p) => p.id === mine.id), 'the service is gone after node.stop()');
});

t.test('the trade path\'s actors and the persistence actor are NATS micro-services with their own figures', async (t) => {
  for (const [name, probe] of Object.entries(probes)) if (!(await requireService(t, name, probe))) return;
  // Durable names are new each run: the server drops them a minute after the test.
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), name: 'pipstream-test-trade-services', durableInactiveMs: 60_000 });
  t.teardown(() => bus.close());
  await bus.ensureStreams();
  const redis = await connectRedis(redisUrl());
  t.teardown(() => redis.quit());
  const tag = randomBytes(4).toString('hex');
  const nodeId = `svc-trade-${tag}`;
  const node = new PipstreamNode({ bus, logger: silentLogger(), nodeId, source: nodeId });
  let stopped = false;
  t.teardown(async () => { if (!stopped) await node.stop(); });
  await node.addInstrument(INSTRUMENT);
  await node.startTrading({ redis, broker: new PaperBroker(), durablePrefix: nodeId, recover: false });
  const nc = bus.nats!;
  const json = async (subject: string) => JSON.parse(new TextDecoder().decode((await nc.request(subject, '', { timeout: 3000 })).data));

  for (const name of [Services.execution, Services.confirmation, Services.alert]) {
    const mine = (await collect(nc, `$SRV.PING.${name}`)).find((p) => p.metadata?.node === nodeId);
    t.match(mine, { name, metadata: { node: nodeId } }, `${name} answers PING`);
    const st = await json(`$SRV.STATS.${name}.${mine!.id}`);
    t.ok((st.endpoints?.[0]?.data ?? st.data) !== undefined, `${name} STATS carry figures`);
  }
  t.match(await json(Services.actorStatus(Services.execution, nodeId)), {
    node: nodeId, orders: 0, filled: 0, consumer: { acked: 0 }, latency_us: { tick_to_order: { count: 0 } },
  }, 'execution status: orders, its consumer, latencies');
  t.match(await json(Services.actorStatus(Services.confirmation, nodeId)), { node: nodeId, held: 0, pending_confirmation: 0 }, 'confirmation status');
  t.match(await json(Services.actorStatus(Services.alert, nodeId)), { node: nodeId, notifications: 0, dead_letters: 0 }, 'alert status');
  await node.stop();
  stopped = true;
  t.notOk((await collect(nc, `$SRV.PING.${Services.execution}`)).some((p) => p.metadata?.node === nodeId), 'gone after node.stop()');

  const admin = await connectPostgres(databaseUrl(), { max: 1 });
  t.teardown(() => admin.end());
  const { sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  const instance = `svc-persist-${tag}`;
  const persistence = await startPersistence({ bus, sql, instance, durablePrefix: instance, deliver: 'new', streams: ['ORDERS', 'RISK'] });
  let persisting = true;
  t.teardown(async () => { if (persisting) await persistence.stop(); });
  const status = await json(Services.actorStatus(Services.persistence, instance));
  t.match(status, { instance, streams: { ORDERS: { inserted: 0 }, RISK: { inserted: 0 } } }, 'persistence status: per-stream figures');
  t.same(status.lag.map((l: { stream: string }) => l.stream), ['ORDERS', 'RISK'], 'and its lag behind each stream');
  await persistence.stop();
  persisting = false;
  t.notOk((await collect(nc, `$SRV.PING.${Services.persistence}`)).some((p) => p.metadata?.instance === instance), 'gone after stop()');
});

/** Every answer to a discovery request within 500 ms. */
async function collect(nc: NonNullable<Awaited<ReturnType<typeof connectBus>>['nats']>, subject: string) {
  const inbox = nc.subscribe(`_INBOX.svc-test.${process.pid}.${Math.random().toString(36).slice(2)}`);
  const out: Array<Record<string, any>> = [];
  // An empty message is the "no responders" status, not an answer.
  const done = (async () => { for await (const m of inbox) if (m.data.length > 0) out.push(JSON.parse(new TextDecoder().decode(m.data))); })();
  nc.publish(subject, '', { reply: inbox.getSubject() });
  await new Promise((r) => setTimeout(r, 500));
  inbox.unsubscribe();
  await done;
  return out;
}
