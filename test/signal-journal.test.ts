/**
 * A signal the journal does not take is said, by id: without its SIGNALS message it is in no record, and an
 * order of it that failed in memory has no recovery consumer to run it again. A private nats-server whose
 * SIGNALS stream is gone refuses every signal's publish.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import t from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { withTimeout } from '../engine/errors/mod.ts';
import { publishTicks } from '../engine/node/feed.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { Streams } from '../engine/switchboard/mod.ts';
import { INSTRUMENT, OANDA_FILE, batchesOf, capturingLogger, fixtureWorkflow, ticksOf, waitFor } from './helpers/engine.ts';
import { privateServer } from './helpers/private-server.ts';
import { CLOSE_MS } from './helpers/services.ts';

t.test('a signal the journal refuses is logged as not journaled, with its id', async (t) => {
  const server = await privateServer(t, 'nats');
  if (server === null) return;
  const bus = await connectBus({ kind: 'jetstream', url: server.url, timeoutMs: 1000, streamMaxBytes: { PRICES: 64 * 1024 ** 2 } });
  t.teardown(() => withTimeout(bus.close(), CLOSE_MS, 'closing the bus'));
  await bus.ensureStreams();
  await (await jetstreamManager(bus.nats!)).streams.delete(Streams.SIGNALS.name);

  const logs: Array<Record<string, unknown>> = [];
  const signals: EngineSignal[] = [];
  const node = new PipstreamNode({ bus, logger: capturingLogger(logs), source: 'sj', services: false, onSignal: (s) => signals.push(s) });
  t.teardown(() => withTimeout(node.stop(), CLOSE_MS, 'stopping the node'));
  await node.addInstrument(INSTRUMENT);
  await node.putWorkflows([fixtureWorkflow('macd-cross-execute.json', { account: 'sj-account' })]);
  await node.consumePrices(INSTRUMENT, 'all', { source: 'sj' });
  const ticks = await ticksOf(OANDA_FILE);
  await publishTicks(bus, INSTRUMENT, 'sj', batchesOf(ticks, 0, 20_000), 0);

  t.ok(await waitFor(() => signals.length > 0, 30_000), `the workflow fired (${signals.length} signals)`);
  const notJournaled = () => logs.filter((l) => l.msg === 'signal not journaled');
  t.ok(await waitFor(() => notJournaled().length === signals.length, 30_000),
    `each signal is logged as not journaled (${notJournaled().length} of ${signals.length})`);
  t.match(notJournaled()[0], { level: 50, code: 'PS_BUS_PUBLISH', msg_id: signals[0]!.id, err: /workflow\.signals\.sj-account/ }, 'an error with the code, the signal id and the subject');
});
