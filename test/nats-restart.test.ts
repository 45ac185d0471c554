/**
 * An operator restarts nats-server (an upgrade, a crash): a running node reconnects, its consumers go on
 * where they stopped, and the ticks published after the restart give exactly the signals an uninterrupted
 * run gives. A private nats-server of this test's own (port and store), so the shared one is not disturbed.
 */
import { randomBytes } from 'node:crypto';
import t from 'tap';
import { PaperBroker } from '../actors/execution/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { withTimeout } from '../engine/errors/mod.ts';
import { decodeSignalEvent } from '../engine/events/mod.ts';
import { readOrderUpdate } from '../engine/events/trade.ts';
import { publishTicks } from '../engine/node/feed.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { INSTRUMENT, OANDA_FILE, batchesOf, fixtureWorkflow, referenceRun, silentLogger, ticksOf, waitFor } from './helpers/engine.ts';
import { privateServer } from './helpers/private-server.ts';
import { CLOSE_MS, orderStore, probes, requireService } from './helpers/services.ts';

t.test('a trading node rides out a nats-server restart mid-stream: an uninterrupted run\'s signals, each order placed once', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis))) return;
  const server = await privateServer(t, 'nats');
  if (server === null) return;

  const ticks = await ticksOf(OANDA_FILE);
  const N = 120_000, HALF = 60_000;
  // An account of this run's: signal ids (and so the order claims in Redis) depend on it.
  const account = `nr${randomBytes(4).toString('hex')}`;
  const workflows = [fixtureWorkflow('macd-cross-execute.json', { account }), fixtureWorkflow('price-cross-1.3850.json', { account })];
  const reference = await referenceRun(ticks, workflows, N);

  // Small streams: the private server's store is a temporary directory.
  const streamMaxBytes = { PRICES: 256 * 1024 ** 2, SIGNALS: 64 * 1024 ** 2 };
  const bus = await connectBus({ kind: 'jetstream', url: server.url, timeoutMs: 5000, streamMaxBytes });
  await bus.ensureStreams();
  // Closes the bus after the Redis records of the orders are deleted.
  const { redis, signalIds } = await orderStore(t, bus);
  signalIds.push(...reference.map((s) => s.id));
  let reconnects = 0;
  void (async () => { for await (const st of bus.nats!.status()) if (st.type === 'reconnect') reconnects++; })();
  const signals: EngineSignal[] = [];
  const node = new PipstreamNode({ bus, logger: silentLogger(), source: 'restart', services: false, onSignal: (s) => signals.push(s) });
  t.teardown(() => withTimeout(node.stop(), CLOSE_MS, 'stopping the node'));
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows(workflows);
  const tradeErrors: string[] = [];
  await node.startTrading({ redis, broker: new PaperBroker(), durablePrefix: `nr-${account}`, onError: (e) => tradeErrors.push(`${e.code}: ${e.message}`) });
  await node.consumePrices(INSTRUMENT, 'all', { source: 'restart' });

  await publishTicks(bus, INSTRUMENT, 'restart', batchesOf(ticks, 0, HALF), 0);
  t.ok(await waitFor(() => node.supervisor.stats(INSTRUMENT).ticks === HALF, 60_000), 'the first half processed');
  await node.supervisor.drain(INSTRUMENT);
  const before = signals.length;

  // The server goes down while the second half is being published and consumed, and comes back a second later.
  const published = publishTicks(bus, INSTRUMENT, 'restart', batchesOf(ticks, HALF, N), HALF);
  t.ok(await waitFor(() => node.supervisor.stats(INSTRUMENT).ticks > HALF + 1000, 30_000), 'the second half flowing');
  await server.stop();
  const atStop = node.supervisor.stats(INSTRUMENT).ticks;
  await new Promise((r) => setTimeout(r, 1000));
  await server.start(); // the same port and store
  t.ok(await waitFor(() => reconnects === 1, 30_000), 'the bus reconnected');
  const reconnectedAt = performance.now();
  t.equal(await published, N - HALF, 'the publisher finished the second half');
  t.ok(atStop < N, `stopped mid-stream (${atStop - HALF} of ${N - HALF} processed)`);
  t.ok(await waitFor(() => node.supervisor.stats(INSTRUMENT).ticks === N, 90_000),
    `every tick after the restart processed (${node.supervisor.stats(INSTRUMENT).ticks} of ${N})`);
  // The consumer's pulls expire every 2 s, which bounds its wait after a reconnect (with nats.js's default of 30 s,
  // the node took no tick for ~45 s after the server came back).
  const resumedS = (performance.now() - reconnectedAt) / 1000;
  t.ok(resumedS < 20, `caught up ${resumedS.toFixed(1)} s after the reconnect`);
  await node.supervisor.drain(INSTRUMENT);
  t.ok(before > 0 && signals.length > before, `signals on both sides of the restart (${before}, then ${signals.length - before})`);
  t.same(signals, reference, 'the signals of an uninterrupted run: same ids, same order');

  // The journal holds each of them once.
  await bus.flush();
  const journaled = new Set<string>();
  let read = 0;
  const c = await bus.consume('SIGNALS', Subjects.allSignals, (m) => { read++; journaled.add(decodeSignalEvent(m.data).signal!.id ?? ''); });
  t.ok(await waitFor(() => journaled.size === reference.length, 30_000), `every signal journaled (${journaled.size} of ${reference.length})`);
  await c.close();
  t.equal(read, reference.length, 'none twice');

  // Orders: one per execute signal, however the outage fell on them.
  await node.trade!.idle();
  const executes = reference.filter((s) => s.type === 'SIGNAL_AUTO_EXECUTE');
  t.ok(executes.length > 100, `${executes.length} execute signals`);
  const closes = node.trade!.stats().closes;
  const fills = new Map<string, number>();
  const o = await bus.consume('ORDERS', Subjects.orders(account), (m) => {
    const u = readOrderUpdate(m.data);
    if (u.state === 'FILLED') fills.set(u.orderId, (fills.get(u.orderId) ?? 0) + 1);
  });
  t.ok(await waitFor(() => fills.size === executes.length + closes, 30_000),
    `a fill journaled for every execute signal and every stop or target the broker hit (${fills.size} of ${executes.length} + ${closes})`);
  await o.close();
  t.same([...fills].filter(([, n]) => n !== 1), [], 'each once');
  t.equal(node.trade!.stats().filled, executes.length, 'the broker filled each signal\'s order once');
  if (tradeErrors.length > 0) t.comment(`trade path errors during the outage: ${tradeErrors.slice(0, 5).join(' | ')}`);
});
