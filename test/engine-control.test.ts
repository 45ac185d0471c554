import t from 'tap';
import { connectBus } from '../engine/bus/mod.ts';
import { EventType, encodeInstrumentRegisteredEvent, encodeTickEvent, encodeWorkflowChangedEvent, makeEnvelope } from '../engine/events/mod.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { Subjects, tickMsgId } from '../engine/switchboard/mod.ts';
import { SnapshotHeader, STATE_LAYOUT_VERSION } from '../engine/memory/layout.ts';
import { connectRedis } from '../engine/store/mod.ts';
import { decodeCheckpoint, loadCheckpoint } from '../engine/supervisor/mod.ts';
import { checkpointKey } from '../engine/supervisor/checkpoint.ts';
import { capturingLogger, fixtureWorkflow, OANDA_FILE, pushRange, sleep, ticksOf, waitFor } from './helpers/engine.ts';
import { natsUrl, probes, redisUrl, requireService } from './helpers/services.ts';
import { tcpCut } from './helpers/tcp-cut.ts';

t.test('instrument.registered starts an actor and its live price consumer; logs carry the correlation id', async (t) => {
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const logs: Array<Record<string, unknown>> = [];
  const signals: string[] = [];
  const node = new PipstreamNode({ bus, logger: capturingLogger(logs), onSignal: (s) => signals.push(s.node_id) });
  t.teardown(async () => { await node.stop(); await bus.close(); });
  await node.putWorkflows([fixtureWorkflow('price-cross-1.3850.json', { instruments: ['NZD_USD'] })]);
  await node.listenControl({ live: true });

  const envelope = makeEnvelope(EventType.EVENT_TYPE_INSTRUMENT_REGISTERED, { correlationId: 'corr-register-1' });
  bus.publishCore(Subjects.instrumentRegistered, encodeInstrumentRegisteredEvent({ envelope, instrumentRegistered: { instrument: 'NZD_USD' } }));
  t.ok(await waitFor(() => logs.some((l) => l.msg === 'instrument actor started')), 'actor started');
  t.same(node.supervisor.instruments, ['NZD_USD']);
  t.equal(logs.find((l) => l.msg === 'instrument actor started')?.correlation_id, 'corr-register-1', 'log line carries the correlation id');

  // Ticks published to PRICES after registration reach the actor; a cross of 1.3850 fires the alert.
  const mids = [1.3840, 1.3845, 1.3855, 1.3860, 1.3845];
  for (let i = 0; i < mids.length; i++) {
    const data = encodeTickEvent({
      envelope: makeEnvelope(EventType.EVENT_TYPE_TICK),
      tick: { instrument: 'NZD_USD', timeMs: 1_400_000_000_000 + i * 1000, seq: i, bid: mids[i] - 0.0001, ask: mids[i] + 0.0001, source: 'test' },
    });
    await bus.publish(Subjects.price('NZD_USD'), data, { msgId: tickMsgId('test', 'NZD_USD', i) });
  }
  t.ok(await waitFor(() => node.supervisor.stats('NZD_USD').ticks === mids.length), 'every tick processed');
  await node.supervisor.drain('NZD_USD');
  t.same(signals, ['alert-up', 'alert-down'], 'up-cross then down-cross of 1.3850');
});

t.test('a bad control message is logged with its code and changes nothing', async (t) => {
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  const logs: Array<Record<string, unknown>> = [];
  const node = new PipstreamNode({ bus, logger: capturingLogger(logs) });
  t.teardown(async () => { await node.stop(); await bus.close(); });
  await node.listenControl();
  const envelope = makeEnvelope(EventType.EVENT_TYPE_INSTRUMENT_REGISTERED, { correlationId: 'corr-bad' });
  bus.publishCore(Subjects.instrumentRegistered, encodeInstrumentRegisteredEvent({ envelope, instrumentRegistered: { instrument: 'eur-usd' } }));
  bus.publishCore(Subjects.instrumentRegistered, new Uint8Array([0xff, 0xff, 0xff]));
  t.ok(await waitFor(() => logs.filter((l) => l.msg === 'instrument.registered rejected').length === 2), 'both rejected');
  const bad = logs.find((l) => l.correlation_id === 'corr-bad');
  t.equal(bad?.code, 'PS_BAD_ARGUMENT', 'invalid instrument name: PS_BAD_ARGUMENT');
  t.same(node.supervisor.instruments, [], 'no actor started');
});

t.test('checkpointEvery copies actor state to Redis in the background', async (t) => {
  if (!(await requireService(t, 'redis', probes.redis))) return;
  const redis = await connectRedis(redisUrl());
  const bus = await connectBus({ kind: 'embedded' });
  const nodeId = `control-test-${process.pid}`;
  const node = new PipstreamNode({ bus, logger: capturingLogger([]), redis, nodeId });
  t.teardown(async () => { await node.stop(); await bus.close(); await redis.del(checkpointKey(nodeId, 'EUR_USD')); await redis.quit(); });
  await node.addInstrument('EUR_USD');
  node.checkpointEvery(50);
  const ticks = await ticksOf(OANDA_FILE);
  await pushRange(node.supervisor, ticks, 0, 5000);
  await node.supervisor.drain('EUR_USD');
  const lastSeqInRedis = async () => (await loadCheckpoint(redis, nodeId, 'EUR_USD'))?.snapshot[SnapshotHeader.LAST_SEQ] ?? -1;
  let seen = -1;
  for (let i = 0; i < 50 && seen < 4095; i++) { await sleep(50); seen = await lastSeqInRedis(); }
  t.ok(seen >= 4095 && seen <= 4999, `the checkpoint in Redis advanced to the newest snapshot (last seq ${seen})`);

  // A checkpoint written by a build with another state layout is refused, not misread.
  const bytes = (await redis.getBuffer(checkpointKey(nodeId, 'EUR_USD')))!;
  const other = Buffer.from(bytes.toString('latin1').replace(`"layout":${STATE_LAYOUT_VERSION},`, `"layout":${STATE_LAYOUT_VERSION + 1},`), 'latin1');
  t.not(other.toString('latin1'), bytes.toString('latin1'), 'the layout version is in the checkpoint');
  t.throws(() => decodeCheckpoint(other), { code: 'PS_CHECKPOINT_INVALID' });
});

t.test('a workflow change announced while the node is cut off from NATS is swapped in once it is back', async (t) => {
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const relay = await tcpCut(t, natsUrl());
  const bus = await connectBus({ kind: 'jetstream', url: relay.url, timeoutMs: 3000 });
  const announcer = await connectBus({ kind: 'jetstream', url: natsUrl() });
  await announcer.ensureStreams();
  const logs: Array<Record<string, unknown>> = [];
  const node = new PipstreamNode({ bus, logger: capturingLogger(logs), services: false });
  t.teardown(async () => { await node.stop(); await bus.close(); await announcer.close(); });
  const statuses: string[] = [];
  void (async () => { for await (const s of bus.nats!.status()) statuses.push(s.type); })();
  await node.addInstrument('EUR_USD');
  await node.listenControl();
  const account = `cut-${process.pid}-${Date.now().toString(36)}`;
  const announce = (version: number) => {
    const doc = { ...fixtureWorkflow('price-cross-1.3850.json', { account }), version };
    announcer.publishCore(Subjects.workflowChanged(account), encodeWorkflowChangedEvent({
      envelope: makeEnvelope(EventType.EVENT_TYPE_WORKFLOW_CHANGED),
      workflowChanged: { account, workflowId: doc.id, version, documentJson: JSON.stringify(doc), active: true },
    }));
  };
  const swapped = () => logs.filter((l) => l.msg === 'workflow swapped in' && l.account === account).map((l) => l.version);

  announce(1);
  t.ok(await waitFor(() => swapped().length === 1, 10_000), 'version 1 swapped in');
  relay.cut();
  t.ok(await waitFor(() => statuses.includes('disconnect'), 10_000), 'the node saw its connection drop');
  announce(2);
  announce(3);
  await announcer.flush();
  relay.restore();
  t.ok(await waitFor(() => swapped().length === 3, 30_000), `swapped in once back (${JSON.stringify(swapped())})`);
  t.same(swapped(), [1, 2, 3], 'each version once, in order');
});
