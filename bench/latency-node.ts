/**
 * The process under test for bench/latency.bench.ts, separate from the feed and the signal reader as in
 * production: `tsx bench/latency-node.ts CONFIG.json`, prints `ready` once it consumes PRICES, stops
 * cleanly on SIGTERM; before `ready`, `clock <ms>`: CLOCK_MONOTONIC minus its wall clock (bench/mono-clock.ts),
 * so the bench can place the node's envelope timestamps on its own clock. Three modes:
 *  - `pipstream`: a PipstreamNode (consumer -> actor worker -> rules -> journaled SignalEvent);
 *  - `orders`: the same node with its trade path (-> execution in memory -> paper broker -> ORDERS);
 *    RECOVER=0 in the environment leaves out the trade path's SIGNALS recovery consumer (to measure its cost);
 *  - `relay`: the bare bus path with no engine, the floor pipstream is compared with: the same ordered
 *    consumer, and for each tick that fires in the pipstream run the same SignalEvent published back.
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { PaperBroker } from '../actors/execution/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { EventType, encodeSignalEvent, makeEnvelope } from '../engine/events/mod.ts';
import { TickReader } from '../engine/node/feed.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import { connectRedis } from '../engine/store/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { WALL_TO_MONO_MS } from './mono-clock.ts';
import type { Workflow } from '../engine/workflow/mod.ts';

interface Config { mode: 'pipstream' | 'relay' | 'orders'; instrument: string; account: string; source: string; workflows: Workflow[]; fires: number[] }

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Config;
// Every run names its durables anew (durablePrefix = the run's source): the server drops them a minute after the run.
const bus = await connectBus({ kind: 'jetstream', name: `pipstream-latency-${cfg.mode}`, durableInactiveMs: 60_000 });
let stop: () => Promise<void>;
if (cfg.mode === 'pipstream' || cfg.mode === 'orders') {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
  const node = new PipstreamNode({ bus, logger, source: cfg.source, services: false });
  await node.addInstrument(cfg.instrument);
  await node.putWorkflows(cfg.workflows);
  const redis = cfg.mode === 'orders' ? await connectRedis() : null;
  if (redis !== null) {
    await node.startTrading({
      redis, broker: new PaperBroker(), durablePrefix: cfg.source, recover: process.env.RECOVER !== '0',
      onError: (err) => logger.error({ code: err.code, err: err.message }, 'trade path'),
    });
  }
  await node.consumePrices(cfg.instrument, 'new');
  stop = async () => {
    await node.stop();
    // The node's own view of the trade path (tick arrival -> signal / broker answer / order settled), µs.
    if (node.trade !== null) process.stdout.write(`trade-latency ${JSON.stringify(node.trade.latency())}\n`);
    await redis?.quit();
  };
} else {
  const fires = new Set(cfg.fires);
  const reader = new TickReader(cfg.source);
  const subject = Subjects.signals(cfg.account);
  const workflowId = cfg.workflows[0].id;
  const consumer = await bus.consume('PRICES', Subjects.price(cfg.instrument), (msg) => {
    if (!reader.read(msg.data) || !fires.has(reader.tick.seq)) return;
    const t = reader.tick;
    const id = `relay-${t.seq}`;
    bus.publishAsync(subject, encodeSignalEvent({
      envelope: makeEnvelope(EventType.EVENT_TYPE_SIGNAL),
      signal: { id, account: cfg.account, workflowId, instrument: cfg.instrument, timeMs: t.timeMs, bid: t.bid, ask: t.ask, tickSeq: t.seq },
    }), id);
  }, { deliver: 'new' });
  stop = () => consumer.close();
}
// How the bench reads this process's envelope times on its own clock (see mono-clock.ts).
process.stdout.write(`clock ${WALL_TO_MONO_MS}\nready\n`);
process.once('SIGTERM', () => {
  void stop().then(() => bus.close()).then(() => process.exit(0));
});
