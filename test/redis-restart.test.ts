/**
 * Redis holds the order claims. When it restarts under a trading node (an upgrade, a failover), the orders
 * of the signals that fire meanwhile cannot be claimed: they fail, their signals stay unacknowledged on
 * the journal, and the node's recovery consumer executes them once Redis is back, each once. The first of
 * them fail on the recovery consumer too and are retried there (BusMsg.retryIn): until 2026-11-22 a retry was a
 * delayed nak, and in 4 of 13 full-suite runs nats-server 2.9 never delivered one or two of them again. A private
 * redis-server of this test's own (port and append-only file), so the shared one is not disturbed.
 */
import { randomBytes } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import t from 'tap';
import { PaperBroker } from '../actors/execution/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { withTimeout } from '../engine/errors/mod.ts';
import { readToEnd } from '../engine/bus/read-to-end.ts';
import { decodeRiskDecisionEvent, decodeSignalEvent } from '../engine/events/mod.ts';
import { readOrderUpdate } from '../engine/events/trade.ts';
import { publishTicks } from '../engine/node/feed.ts';
import { readBookCheckpoint } from '../engine/node/book-checkpoint.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { connectRedis } from '../engine/store/mod.ts';
import { Streams, Subjects } from '../engine/switchboard/mod.ts';
import { INSTRUMENT, OANDA_FILE, batchesOf, fixtureWorkflow, referenceRun, silentLogger, ticksOf, waitFor } from './helpers/engine.ts';
import { privateServer } from './helpers/private-server.ts';
import { CLOSE_MS, natsUrl, probes, requireService } from './helpers/services.ts';

t.test('a trading node rides out a Redis restart: the orders that could not be claimed meanwhile are placed once it is back, each once', async (t) => {
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const server = await privateServer(t, 'redis');
  if (server === null) return;

  const ticks = await ticksOf(OANDA_FILE);
  const N = 120_000, HALF = 60_000;
  // An account of this run's: signal ids depend on it, and the shared bus carries other tests' signals.
  const account = `rr${randomBytes(4).toString('hex')}`;
  const source = `rr-${account}`;
  const workflows = [fixtureWorkflow('macd-cross-execute.json', { account })];
  const reference = await referenceRun(ticks, workflows, N);
  const executes = reference.filter((s) => s.type === 'SIGNAL_AUTO_EXECUTE');

  // The node's durables are this run's alone: the server deletes them a minute after it.
  const bus = await connectBus({ kind: 'jetstream', url: natsUrl(), durableInactiveMs: 60_000 });
  t.teardown(() => withTimeout(bus.close(), CLOSE_MS, 'closing the bus'));
  await bus.ensureStreams();
  const outage: Array<string | null> = [];
  const redis = await connectRedis(server.url, { onConnection: (err) => outage.push(err === null ? null : err.message) });
  t.teardown(() => redis.disconnect());
  const node = new PipstreamNode({ bus, logger: silentLogger(), nodeId: source, source, services: false });
  t.teardown(() => withTimeout(node.stop(), CLOSE_MS, 'stopping the node'));
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows(workflows);
  const errors: string[] = [];
  await node.startTrading({
    redis, broker: new PaperBroker(), durablePrefix: source, onError: (e) => {
      // Other tests' poison signals on the shared bus reach the recovery consumer too (and are set aside).
      if (typeof e.details.subject === 'string' && !e.details.subject.endsWith(`.${account}`)) return;
      errors.push(`${e.code}: ${e.message}`);
    },
  });
  await node.consumePrices(INSTRUMENT, 'new', { source });
  // For the diagnosis of a signal never placed: what the recovery consumer handed execution of it, and how it ended.
  const recovery = new Map<string, string[]>();
  const ids = new Set(executes.map((s) => s.id));
  const deliver = node.trade!.execution.deliver;
  node.trade!.execution.deliver = (m) => {
    const id = decodeSignalEvent(m.data).signal?.id ?? '';
    if (!ids.has(id)) return deliver(m);
    const trail = recovery.get(id) ?? [];
    recovery.set(id, trail);
    trail.push(`delivery ${m.deliveries}`);
    return deliver(m).then(() => { trail.push('handled'); }, (err: Error) => { trail.push(`threw ${err.message}`); throw err; });
  };

  await publishTicks(bus, INSTRUMENT, source, batchesOf(ticks, 0, HALF), 0);
  t.ok(await waitFor(() => node.supervisor.stats(INSTRUMENT).ticks === HALF, 60_000), 'the first half processed');
  await node.supervisor.drain(INSTRUMENT);
  await node.trade!.idle();
  const filledBefore = node.trade!.stats().filled;
  t.ok(filledBefore > 0 && node.trade!.stats().failed === 0, `the first half's orders placed (${filledBefore})`);

  await server.stop();
  await publishTicks(bus, INSTRUMENT, source, batchesOf(ticks, HALF, N), HALF);
  t.ok(await waitFor(() => node.supervisor.stats(INSTRUMENT).ticks === N, 60_000), 'the second half processed while Redis was down');
  await node.supervisor.drain(INSTRUMENT);
  await node.trade!.idle();
  const failed = node.trade!.stats().failed;
  t.ok(failed > 0, `orders failed while their claims could not be made (${failed})`);
  // Each failure names Redis: the order records' writes, and the paper book's checkpoints meanwhile.
  const redisDown = (e: string) => /^PS_(SERVICE_UNAVAILABLE|TIMEOUT): Redis: order record/.test(e) || /^PS_BOOK_CHECKPOINT: .* to Redis: /.test(e);
  // Refused (the connection is down) or timed out (on a loaded machine a command may time out first).
  t.ok(errors.some((e) => /^PS_(SERVICE_UNAVAILABLE|TIMEOUT): Redis: order record/.test(e)), 'the failed orders were reported as Redis being unavailable');
  t.same(errors.filter((e) => !redisDown(e)), [], 'every failure reported names Redis');

  await server.start(); // on its append-only file
  t.ok(await waitFor(() => outage.length === 2, 10_000), 'the outage was told once, and its end');
  t.match(outage, [/ECONNREFUSED|ECONNRESET|Connection is closed/, null]);
  const backAt = performance.now();
  const placed = await waitFor(() => node.trade!.stats().filled === executes.length, 90_000);
  const placedS = (performance.now() - backAt) / 1000;
  const filled = node.trade!.stats().filled;
  t.ok(placed, `the recovery consumer placed every one of them once Redis was back (${filled} of ${executes.length} filled)`);
  // A failed execution asks for its signal again after 1, 2, 4 ... s: not after the consumer's 30 s ack wait.
  if (placed) t.ok(placedS < 15, `within ${placedS.toFixed(1)} s`);
  await node.trade!.idle();

  const fills = new Map<string, number>();
  const o = await bus.consume('ORDERS', Subjects.orders(account), (m) => {
    const u = readOrderUpdate(m.data);
    if (u.state === 'FILLED' && u.reason === null) fills.set(u.signalId, (fills.get(u.signalId) ?? 0) + 1);
  });
  const allFilled = await waitFor(() => fills.size === executes.length, 30_000);
  // Should one never be placed: its order record, the recovery consumer's state and execution's counts, to go on.
  let why = '';
  if (!allFilled) {
    const missing = executes.filter((s) => !fills.has(s.id)).map((s) => s.id);
    const journaled = new Set<string>();
    await readToEnd(bus, 'SIGNALS', Subjects.signals(account), 'all', (m) => { journaled.add(decodeSignalEvent(m.data).signal?.id ?? ''); });
    // What the journal holds of each: its RISK decision and ORDERS states, if any were made.
    const trail = new Map<string, string[]>(missing.map((id) => [id, []]));
    await readToEnd(bus, 'RISK', Subjects.riskDecisions(account), 'all', (m) => {
      const d = decodeRiskDecisionEvent(m.data).riskDecision;
      trail.get(d?.signalId ?? '')?.push(`RISK ${d?.approved === true ? 'approved' : 'rejected'}`);
    });
    await readToEnd(bus, 'ORDERS', Subjects.orders(account), 'all', (m) => {
      const u = readOrderUpdate(m.data);
      trail.get(u.signalId)?.push(`ORDERS ${u.state}${u.reason === null ? '' : ` ${u.reason}`}`);
    });
    const records = await Promise.all(missing.map(async (id) =>
      `${id}: record ${await redis.get(`pipstream:order:${id}`)}, ${journaled.has(id) ? '' : 'not '}on SIGNALS, journal [${trail.get(id)!.join(', ')}], ` +
      `recovery [${recovery.get(id)?.join(', ') ?? 'never delivered'}], ` +
      `errors [${errors.filter((e) => e.includes(id)).join('; ')}]`));
    const jsm = await jetstreamManager(bus.nats!);
    const ci = await jsm.consumers.info(Streams.SIGNALS.name, `${source}-recovery`).catch((e: Error) => e.message);
    why = ` — records ${JSON.stringify(records)}; recovery consumer ${JSON.stringify(typeof ci === 'string' ? ci :
      { ack_pending: ci.num_ack_pending, pending: ci.num_pending, redelivered: ci.num_redelivered })}; execution ${JSON.stringify(node.trade!.execution.stats())}; ` +
      `trade path ${JSON.stringify(node.trade!.stats())}; ${errors.length} errors, the first ${JSON.stringify(errors.slice(0, 3))}, ` +
      `those not naming Redis ${JSON.stringify(errors.filter((e) => !redisDown(e)).slice(0, 5))}`;
  }
  t.ok(allFilled, `a fill journaled for every execute signal (${fills.size} of ${executes.length})${why}`);
  await o.close();
  t.same([...fills].filter(([, n]) => n !== 1), [], 'each once');
  t.same([...fills.keys()].filter((id) => !ids.has(id)), [], 'for execute signals only');

  // The paper book's checkpoints failed while Redis was down; the next one holds every fill.
  const held = () => node.trade!.portfolio.positionsOf(account).map((p) => p.units);
  let cp = null;
  for (let i = 0; i < 100; i++) {
    cp = await readBookCheckpoint(redis, 'paper', account, (e) => t.fail(e.message));
    if (cp !== null && JSON.stringify(cp.positions.map((p) => p.units)) === JSON.stringify(held())) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.same(cp?.positions.map((p) => p.units), held(), 'the book checkpoint caught up with every fill');
});
