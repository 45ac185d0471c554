/**
 * The bus floor in one process: this process publishes a 96-byte message at a fixed rate and receives it back,
 * through JetStream (publishAsync into PRICES, an ordered consumer on the same subject: the hop every live tick
 * makes before an instrument actor sees it) and, for comparison, through core NATS (publish, subscription).
 * Latency from each send to its arrival, µs: nothing of the engine, no second process. The tick-to-signal target
 * (p99 < 1 ms) can be met only where this floor's p99 is well under it.
 * `npx tsx bench/bus-floor.bench.ts [--rate 1000] [--seconds 5] [--reps 3]` (needs NATS at NATS_URL or :4222).
 * Uses a throw-away instrument subject in PRICES and purges it afterwards.
 */
import { jetstreamManager } from '@nats-io/jetstream';
import * as hdr from 'hdr-histogram-js';
import { connectBus } from '../engine/bus/mod.ts';
import { Streams, Subjects } from '../engine/switchboard/mod.ts';
import { openLoop } from './open-loop.ts';

const arg = (name: string, dflt: number) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const rate = arg('--rate', 1000), seconds = arg('--seconds', 5), reps = arg('--reps', 3);

const bus = await connectBus({ kind: 'jetstream', name: 'pipstream-bus-floor' });
await bus.ensureStreams();
const subject = Subjects.price(`FLOOR_${process.pid}`);

/** Sends `rate`/s for `seconds` (open loop, bench/open-loop.ts) and records send -> arrival. */
async function run(path: 'jetstream' | 'core'): Promise<Record<string, number>> {
  const n = Math.round(rate * seconds);
  const sentAt = new Float64Array(n);
  const h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60e6, numberOfSignificantValueDigits: 3 });
  let got = 0;
  const onData = (d: Uint8Array) => {
    const i = new DataView(d.buffer, d.byteOffset).getUint32(0);
    h.recordValue(Math.max(1, Math.round((performance.now() - sentAt[i]!) * 1000)));
    got++;
  };
  const stop = path === 'core'
    ? (() => { const s = bus.subscribe(`${subject}.core`, (m) => onData(m.data)); return async () => s.unsubscribe(); })()
    : await bus.consume('PRICES', subject, (m) => onData(m.data), { deliver: 'new' }).then((c) => () => c.close());
  await bus.nats!.flush();
  const feed = await openLoop(n, rate);
  const start = feed.start;
  await feed.run((i) => {
    const d = new Uint8Array(96);
    new DataView(d.buffer).setUint32(0, i);
    sentAt[i] = performance.now();
    if (path === 'core') bus.publishCore(`${subject}.core`, d);
    else bus.publishAsync(subject, d, `floor:${process.pid}:${path}:${start}:${i}`);
  });
  for (let i = 0; i < 200 && got < n; i++) await new Promise((r) => setTimeout(r, 10));
  await stop();
  const at = (p: number) => Math.min(h.getValueAtPercentile(p), h.maxValue);
  return { received: got, sent: n, p50: at(50), p90: at(90), p99: at(99), p999: at(99.9), max: h.maxValue };
}

const rows: Array<Record<string, unknown>> = [];
for (let rep = 0; rep < reps; rep++) {
  // Alternate the order, so neither path always runs on a warmer process.
  for (const path of rep % 2 === 0 ? ['jetstream', 'core'] as const : ['core', 'jetstream'] as const) rows.push({ rep, path, rate, ...(await run(path)) });
}
await (await jetstreamManager(bus.nats!)).streams.purge(Streams.PRICES.name, { filter: subject });
await bus.close();
console.log(JSON.stringify(rows, null, 2));
console.log(`\nbus floor, one process, ${rate} messages/s for ${seconds} s, µs from send to arrival`);
for (const r of rows) console.log(`${String(r.path).padEnd(9)} rep ${r.rep}: p50 ${r.p50} p90 ${r.p90} p99 ${r.p99} p99.9 ${r.p999} max ${r.max} (${r.received}/${r.sent})`);
