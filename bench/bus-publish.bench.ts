/**
 * Bus throughput: publishAsync N small messages (pausing on backlog with room()) and wait for every
 * stored-ack, then read them back with an ordered consumer. `npx tsx bench/bus-publish.bench.ts [N] [jetstream|embedded]`.
 * Uses a throw-away instrument subject in PRICES and purges it afterwards.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { connectBus } from '../engine/bus/mod.ts';
import { Subjects, Streams } from '../engine/switchboard/mod.ts';

const N = Number(process.argv[2] ?? 200_000);
const kind = (process.argv[3] ?? 'jetstream') as 'jetstream' | 'embedded';
const bus = await connectBus({ kind });
await bus.ensureStreams();
const subject = Subjects.price(`BENCH_${process.pid}`);
const payload = new Uint8Array(96).fill(7); // about the size of an encoded TickEvent

let t0 = performance.now();
for (let i = 0; i < N; i++) {
  if (!bus.publishAsync(subject, payload, `bench:${process.pid}:${i}`)) await bus.room();
}
await bus.flush();
const pubS = (performance.now() - t0) / 1000;

let got = 0;
let done!: () => void;
const all = new Promise<void>((r) => (done = r));
t0 = performance.now();
const c = await bus.consume('PRICES', subject, () => { if (++got === N) done(); }, { deliver: 'all' });
await all;
const subS = (performance.now() - t0) / 1000;
await c.close();

console.log(JSON.stringify({
  bench: 'bus', kind, messages: N, payloadBytes: payload.length,
  publishAckedPerS: Math.round(N / pubS), consumePerS: Math.round(N / subS),
}));
if (bus.nats) await (await jetstreamManager(bus.nats)).streams.purge(Streams.PRICES.name, { filter: subject });
await bus.close();
