/**
 * Main thread -> worker thread tick hand-off: the engine's SharedArrayBuffer tick ring (pushTick +
 * doorbell, consumer in Atomics.wait) against postMessage of one object per tick, plus postMessage of
 * 1024-tick Float64Array batches (reported separately). Real EUR_USD ticks; the worker checks a bid+ask
 * checksum and seq order. Per rep and variant (order alternates between reps):
 *   - throughput: every tick pushed as fast as the hand-off allows, until the worker has read the last;
 *   - one-way latency at a fixed offered rate (busy-paced main thread), p50/p99 from hdr-histogram-js.
 * `npx tsx bench/handoff.bench.ts [--ticks N] [--reps R] [--rate HZ] [--seconds S] [--json]`
 */
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, MessageChannel } from 'node:worker_threads';
import * as hdr from 'hdr-histogram-js';
import { type ActorMemory, allocateActorBuffers, attachActorMemory, pushTick, waitForTickRoom } from '../engine/memory/actor-memory.ts';
import { DEFAULT_CAPACITIES } from '../engine/memory/layout.ts';
import { type TickColumns, loadTickFile } from '../engine/ticks/mod.ts';
import {
  BATCH_STRIDE, Bell, type HandoffCommand, type HandoffReply, type HandoffWorkerData, clockOffsetMs, collectGarbage,
} from './handoff-worker.ts';

export const VARIANTS = ['ring', 'postMessage', 'postMessageBatch1024'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface HandoffOptions {
  file?: string;
  /** Ticks per throughput run (default: the whole file). */
  ticks?: number;
  reps?: number;
  /** Offered rate of the latency runs, ticks/s. */
  rate?: number;
  seconds?: number;
  /** Called before each repetition (progress display). */
  onStep?: (label: string) => void;
}

export interface LatencyStats { p50Us: number; p99Us: number; p999Us: number; maxUs: number; meanUs: number; negative: number }

export interface RepResult {
  rep: number;
  throughputPerS: number;
  latency: LatencyStats;
  /** What the paced producer really offered, and how far behind schedule it fell at worst. */
  offeredPerS: number;
  producerMaxLagUs: number;
  checksumOk: boolean;
}

export interface Spread { min: number; median: number; max: number }

export interface HandoffResult {
  bench: 'handoff';
  node: string;
  cpus: number;
  /** 1-minute load average before and after: other busy processes show up as wide min..max spreads. */
  loadAvg: { before: number; after: number };
  file: string;
  ticks: number;
  reps: number;
  rate: number;
  seconds: number;
  /** Worker time origin minus main's, after correction both stamp on the same clock. */
  clockSkewUs: number;
  checksumsOk: boolean;
  variants: Record<Variant, { reps: RepResult[]; throughputPerS: Spread; p50Us: Spread; p99Us: Spread }>;
  /** Per-rep ring / other, spread over reps (throughput > 1 and latency < 1 mean the ring wins). */
  ratios: Record<'postMessage' | 'postMessageBatch1024', { throughput: Spread; p50: Spread; p99: Spread }>;
}

const DEFAULT_FILE = fileURLToPath(new URL('../data/ticks/oanda-EUR_USD-2014-05.csv.gz', import.meta.url));
const BATCH = 1024;
/** Throughput producer rings the doorbell after this many pushes ("wake after a batch of pushes"). */
const RING_EVERY = 256;
/** The real tick ring; the regions the bench does not use are kept tiny. */
const CAPACITIES = { ...DEFAULT_CAPACITIES, state: 16, programI32: 16, programF64: 16 };

const nowMs = () => performance.timeOrigin + performance.now();

/** Sum of bid+ask over ticks i % n, i < count, in the order the worker adds them (so bit-identical). */
function checksum(tc: TickColumns, n: number, count: number): number {
  let s = 0;
  for (let i = 0; i < count; i++) s += tc.bid[i % n] + tc.ask[i % n];
  return s;
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { min: s[0], median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, max: s[s.length - 1] };
}

function latencyStats(lat: Float64Array): LatencyStats {
  const h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60e9, numberOfSignificantValueDigits: 3 });
  let negative = 0;
  for (let i = 0; i < lat.length; i++) {
    const ns = Math.round(lat[i] * 1e6);
    if (ns < 0) negative++;
    h.recordValue(Math.max(ns, 0));
  }
  const us = (ns: number) => Math.round(ns / 10) / 100;
  return {
    p50Us: us(h.getValueAtPercentile(50)), p99Us: us(h.getValueAtPercentile(99)), p999Us: us(h.getValueAtPercentile(99.9)),
    maxUs: us(h.maxValue), meanUs: us(h.mean), negative,
  };
}

/** The consumer thread and its control port: one command at a time, `ready` then `done`. */
class Consumer {
  readonly worker: Worker;
  readonly #control;
  readonly #waiting: ((r: HandoffReply) => void)[] = [];
  #failed: Error | null = null;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const data: HandoffWorkerData = { control: port2, mainClockOffsetMs: clockOffsetMs() };
    this.worker = new Worker(new URL('./handoff-worker.mjs', import.meta.url), { workerData: data, transferList: [port2] });
    this.#control = port1;
    port1.on('message', (r: HandoffReply) => this.#waiting.shift()?.(r));
    this.worker.on('error', (e) => { this.#failed = e; });
    this.worker.on('exit', () => { port1.close(); });
  }

  next<T extends HandoffReply['type']>(type: T): Promise<Extract<HandoffReply, { type: T }>> {
    return new Promise((resolve, reject) => {
      if (this.#failed) return reject(this.#failed);
      const timer = setTimeout(() => reject(this.#failed ?? new Error(`handoff worker: no '${type}' within 60 s`)), 60_000);
      this.#waiting.push((r) => {
        clearTimeout(timer);
        if (r.type === type) resolve(r as Extract<HandoffReply, { type: T }>);
        else reject(new Error(`handoff worker: expected '${type}', got '${r.type}'`));
      });
    });
  }

  /** Sends a command and resolves once the worker is listening; `done` is its completion. */
  async start(cmd: HandoffCommand): Promise<{ done: Promise<Extract<HandoffReply, { type: 'done' }>> }> {
    const ready = this.next('ready');
    const done = this.next('done');
    done.catch(() => {});
    collectGarbage();
    this.#control.postMessage(cmd);
    await ready;
    return { done };
  }
}

interface Ring { mem: ActorMemory; bell: Int32Array; cmd: HandoffCommand }

function newRing(expected: number, latency: SharedArrayBuffer | null): Ring {
  const buffers = allocateActorBuffers('EUR_USD', CAPACITIES);
  const doorbell = new SharedArrayBuffer(Bell.COUNT * 4);
  return { mem: attachActorMemory(buffers), bell: new Int32Array(doorbell), cmd: { type: 'ring', buffers, doorbell, expected, latency } };
}

function ringBell(bell: Int32Array): void {
  Atomics.add(bell, Bell.RING, 1);
  Atomics.notify(bell, Bell.RING);
}

function commandFor(v: Variant, expected: number, latency: SharedArrayBuffer | null): { ring: Ring | null; cmd: HandoffCommand } {
  if (v === 'ring') {
    const ring = newRing(expected, latency);
    return { ring, cmd: ring.cmd };
  }
  return { ring: null, cmd: { type: v === 'postMessage' ? 'post' : 'batch', expected, latency } };
}

/** Every tick as fast as possible; ticks/s from the first push to the worker reading the last tick. */
async function throughputRun(c: Consumer, v: Variant, tc: TickColumns, n: number): Promise<{ perS: number; ok: boolean }> {
  const { time, bid, ask } = tc;
  const { ring, cmd } = commandFor(v, n, null);
  const { done } = await c.start(cmd);
  const t0 = nowMs();
  if (ring !== null) {
    let i = 0;
    while (i < n) {
      let k = 0;
      while (i < n && k < RING_EVERY && pushTick(ring.mem, time[i], bid[i], ask[i], i)) { i++; k++; }
      ringBell(ring.bell);
      if (i < n && k < RING_EVERY) await waitForTickRoom(ring.mem, 100);
    }
  } else if (v === 'postMessage') {
    for (let i = 0; i < n; i++) c.worker.postMessage({ time: time[i], bid: bid[i], ask: ask[i], seq: i });
  } else {
    for (let i = 0; i < n; i += BATCH) {
      const k = Math.min(BATCH, n - i);
      const b = new Float64Array(k * BATCH_STRIDE);
      for (let j = 0; j < k; j++) {
        b[j * BATCH_STRIDE] = time[i + j]; b[j * BATCH_STRIDE + 1] = bid[i + j];
        b[j * BATCH_STRIDE + 2] = ask[i + j]; b[j * BATCH_STRIDE + 3] = i + j;
      }
      c.worker.postMessage(b, [b.buffer]);
    }
  }
  const r = await done;
  return { perS: (n / (r.endAtMs - t0)) * 1000, ok: r.count === n && r.misordered === 0 && r.checksum === checksum(tc, n, n) };
}

/**
 * `count` ticks at `rate`/s from a busy-paced main thread; each tick carries its send time in its
 * time field. The batched variant sends when 1024 ticks are collected, so its latency includes that wait.
 */
async function latencyRun(c: Consumer, v: Variant, tc: TickColumns, n: number, rate: number, count: number) {
  const { bid, ask } = tc;
  const latency = new SharedArrayBuffer(count * 8);
  const { ring, cmd } = commandFor(v, count, latency);
  const { done } = await c.start(cmd);
  const period = 1000 / rate;
  const t0 = nowMs() + 1;
  let maxLag = 0, first = 0, last = 0;
  let batch = new Float64Array(BATCH * BATCH_STRIDE), k = 0;
  for (let i = 0; i < count; i++) {
    const due = t0 + i * period;
    let now = nowMs();
    while (now < due) now = nowMs();
    if (now - due > maxLag) maxLag = now - due;
    if (i === 0) first = now;
    last = now;
    const j = i % n;
    if (ring !== null) {
      while (!pushTick(ring.mem, now, bid[j], ask[j], i)) {
        ringBell(ring.bell);
        await waitForTickRoom(ring.mem, 100);
      }
      ringBell(ring.bell);
    } else if (v === 'postMessage') {
      c.worker.postMessage({ time: now, bid: bid[j], ask: ask[j], seq: i });
    } else {
      batch[k * BATCH_STRIDE] = now; batch[k * BATCH_STRIDE + 1] = bid[j];
      batch[k * BATCH_STRIDE + 2] = ask[j]; batch[k * BATCH_STRIDE + 3] = i;
      if (++k === BATCH || i === count - 1) {
        const out = k === BATCH ? batch : batch.slice(0, k * BATCH_STRIDE);
        c.worker.postMessage(out, [out.buffer]);
        batch = new Float64Array(BATCH * BATCH_STRIDE);
        k = 0;
      }
    }
  }
  const r = await done;
  return {
    latency: latencyStats(new Float64Array(latency)),
    offeredPerS: count > 1 ? ((count - 1) / (last - first)) * 1000 : 0,
    producerMaxLagUs: Math.round(maxLag * 1000 * 100) / 100,
    ok: r.count === count && r.misordered === 0 && r.checksum === checksum(tc, n, count),
  };
}

export async function runHandoffBench(opts: HandoffOptions = {}): Promise<HandoffResult> {
  const file = opts.file ?? DEFAULT_FILE;
  const reps = opts.reps ?? 5;
  const rate = opts.rate ?? 100_000;
  const seconds = opts.seconds ?? 2;
  const loadBefore = loadavg()[0];
  const tc = await loadTickFile(file);
  const n = Math.min(opts.ticks ?? tc.length, tc.length);
  const count = Math.round(rate * seconds);
  const c = new Consumer();
  const { skewMs } = await c.next('hello');
  try {
    // Warm-up (JIT, first-message costs); not recorded.
    opts.onStep?.('warm-up');
    for (const v of VARIANTS) {
      await throughputRun(c, v, tc, Math.min(n, 50_000));
      await latencyRun(c, v, tc, n, rate, Math.min(count, Math.round(rate / 5)));
    }
    const reps_: Record<Variant, RepResult[]> = { ring: [], postMessage: [], postMessageBatch1024: [] };
    for (let rep = 0; rep < reps; rep++) {
      opts.onStep?.(`rep ${rep + 1}/${reps}`);
      const order = rep % 2 === 0 ? VARIANTS : [...VARIANTS].reverse();
      for (const v of order) {
        const tp = await throughputRun(c, v, tc, n);
        const lt = await latencyRun(c, v, tc, n, rate, count);
        reps_[v].push({
          rep, throughputPerS: Math.round(tp.perS), latency: lt.latency,
          offeredPerS: Math.round(lt.offeredPerS), producerMaxLagUs: lt.producerMaxLagUs, checksumOk: tp.ok && lt.ok,
        });
      }
    }
    const variants = {} as HandoffResult['variants'];
    for (const v of VARIANTS) {
      const rs = reps_[v];
      variants[v] = {
        reps: rs,
        throughputPerS: spread(rs.map((r) => r.throughputPerS)),
        p50Us: spread(rs.map((r) => r.latency.p50Us)),
        p99Us: spread(rs.map((r) => r.latency.p99Us)),
      };
    }
    const ratio = (other: Variant) => {
      const ring = reps_.ring, o = reps_[other];
      return {
        throughput: spread(ring.map((r, i) => r.throughputPerS / o[i].throughputPerS)),
        p50: spread(ring.map((r, i) => r.latency.p50Us / o[i].latency.p50Us)),
        p99: spread(ring.map((r, i) => r.latency.p99Us / o[i].latency.p99Us)),
      };
    };
    return {
      bench: 'handoff', node: process.version, cpus: cpus().length, loadAvg: { before: loadBefore, after: loadavg()[0] }, file, ticks: n, reps, rate, seconds,
      clockSkewUs: Math.round(skewMs * 1e6) / 1000,
      checksumsOk: VARIANTS.every((v) => reps_[v].every((r) => r.checksumOk)),
      variants,
      ratios: { postMessage: ratio('postMessage'), postMessageBatch1024: ratio('postMessageBatch1024') },
    };
  } finally {
    await c.worker.terminate();
  }
}

function printTable(r: HandoffResult): void {
  const f = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(2));
  const s = (x: Spread) => `${f(x.median)} (${f(x.min)}..${f(x.max)})`;
  console.log(`handoff main->worker: ${r.ticks} ticks/throughput run, latency at ${r.rate}/s for ${r.seconds} s, ${r.reps} reps, ` +
    `${r.node}, ${r.cpus} cpus, load ${r.loadAvg.before.toFixed(2)}->${r.loadAvg.after.toFixed(2)}, clock skew ${r.clockSkewUs} us, ` +
    `checksums ${r.checksumsOk ? 'OK' : 'MISMATCH'}`);
  console.log('variant                 throughput ticks/s median (min..max)    p50 us median (min..max)   p99 us median (min..max)');
  for (const v of VARIANTS) {
    const x = r.variants[v];
    console.log(`${v.padEnd(24)}${s(x.throughputPerS).padEnd(40)}${s(x.p50Us).padEnd(27)}${s(x.p99Us)}`);
  }
  for (const [o, x] of Object.entries(r.ratios)) {
    const q = (y: Spread) => `${y.median.toPrecision(3)} (${y.min.toPrecision(3)}..${y.max.toPrecision(3)})`;
    console.log(`ring/${o}: throughput ${q(x.throughput)}  p50 ${q(x.p50)}  p99 ${q(x.p99)}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await runHandoffBench({ ticks: arg('ticks'), reps: arg('reps'), rate: arg('rate'), seconds: arg('seconds') });
  printTable(result);
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  if (!result.checksumsOk) process.exitCode = 1;
}
