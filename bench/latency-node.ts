/**
 * The node under test for bench/latency.bench.ts, in its own process as in production (the feed and
 * the signal reader are outside it): `tsx bench/latency-node.ts CONFIG.json`, prints `ready` once it
 * consumes PRICES, stops cleanly on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { connectBus } from '../engine/bus/mod.ts';
import { PipstreamNode } from '../engine/node/node.ts';
import type { Workflow } from '../engine/workflow/mod.ts';

interface Config { instrument: string; source: string; workflows: Workflow[] }

const cfg = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Config;
const bus = await connectBus({ kind: 'jetstream', name: 'pipstream-latency-node' });
const node = new PipstreamNode({ bus, logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2)), source: cfg.source, services: false });
await node.addInstrument(cfg.instrument);
await node.putWorkflows(cfg.workflows);
await node.consumePrices(cfg.instrument, 'new');
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void node.stop().then(() => bus.close()).then(() => process.exit(0));
});
