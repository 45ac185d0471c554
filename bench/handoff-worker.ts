/**
 * Consumer thread of bench/handoff.bench.ts (started through handoff-worker.mjs). Takes ticks either
 * from the engine's tick ring, blocking in Atomics.wait on a doorbell when it is empty (as
 * actors/instrument/worker.ts does), or as postMessage events on parentPort. It sums bid+ask as a
 * checksum, checks that seq arrives in order and, in latency runs, stores each tick's one-way latency
 * (receive time - the producer's stamp in the tick's time field) into a shared Float64Array.
 * Commands come on a separate control port, so tick messages never need a type check.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type MessagePort, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { type ActorBuffers, attachActorMemory } from '../engine/memory/actor-memory.ts';
import { Ctrl, TickSlot } from '../engine/memory/layout.ts';

/** Words of the bench doorbell (same role as Doorbell.RING in actors/instrument/protocol.ts). */
export const Bell = { RING: 0, COUNT: 1 } as const;

/** Floats per tick in a batched postMessage: time, bid, ask, seq. */
export const BATCH_STRIDE = 4;

export interface HandoffWorkerData {
  control: MessagePort;
  /** The main thread's clockOffsetMs(), so this thread can correct for a different time origin. */
  mainClockOffsetMs: number;
}

export interface TickMessage { time: number; bid: number; ask: number; seq: number }

export type HandoffCommand =
  | { type: 'ring'; buffers: ActorBuffers; doorbell: SharedArrayBuffer; expected: number; latency: SharedArrayBuffer | null }
  | { type: 'post' | 'batch'; expected: number; latency: SharedArrayBuffer | null };

export type HandoffReply =
  | { type: 'hello'; skewMs: number }
  | { type: 'ready' }
  | { type: 'done'; count: number; checksum: number; misordered: number; endAtMs: number };

/**
 * (timeOrigin + now()) minus the process-wide monotonic clock, in ms. performance.now() runs on that
 * clock, so the difference between two threads' offsets is exactly their time-origin skew.
 */
export function clockOffsetMs(): number {
  let best = Infinity, offset = 0;
  for (let i = 0; i < 200; i++) {
    const a = process.hrtime.bigint();
    const p = performance.timeOrigin + performance.now();
    const b = process.hrtime.bigint();
    if (Number(b - a) < best) {
      best = Number(b - a);
      offset = p - Number((a + b) / 2n) / 1e6;
    }
  }
  return offset;
}

/**
 * Full GC between runs, so garbage left by one variant (postMessage allocates per tick) is not
 * collected on another variant's clock. Each variant's own GC during its run still counts.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const TICKS_PER_TURN = 4096;
const IDLE_WAIT_MS = 200;

function run(): void {
  const data = workerData as HandoffWorkerData;
  const control = data.control;
  const ticksPort = parentPort!;
  const skewMs = clockOffsetMs() - data.mainClockOffsetMs;
  const nowMs = () => performance.timeOrigin + performance.now() - skewMs;

  let mode: 'post' | 'batch' | 'idle' = 'idle';
  let expected = 0, count = 0, sum = 0, misordered = 0;
  let lat: Float64Array | null = null;

  const finish = () => {
    const endAtMs = nowMs();
    mode = 'idle';
    control.postMessage({ type: 'done', count, checksum: sum, misordered, endAtMs } satisfies HandoffReply);
  };

  function onTick(m: TickMessage): void {
    sum += m.bid + m.ask;
    if (m.seq !== count) misordered++;
    if (lat !== null) lat[count] = nowMs() - m.time;
    if (++count === expected) finish();
  }

  function onBatch(b: Float64Array): void {
    for (let at = 0; at < b.length; at += BATCH_STRIDE) {
      sum += b[at + 1] + b[at + 2];
      if (b[at + 3] !== count) misordered++;
      if (lat !== null) lat[count] = nowMs() - b[at];
      count++;
    }
    if (count === expected) finish();
  }

  function consumeRing(buffers: ActorBuffers, doorbell: SharedArrayBuffer): void {
    const { ctrl, ticks, tickMask } = attachActorMemory(buffers);
    const bell = new Int32Array(doorbell);
    while (count < expected) {
      const seen = Atomics.load(bell, Bell.RING);
      let r = Atomics.load(ctrl, Ctrl.TICK_READ);
      const w = Atomics.load(ctrl, Ctrl.TICK_WRITE);
      if (r === w) {
        Atomics.wait(bell, Bell.RING, seen, IDLE_WAIT_MS);
        continue;
      }
      for (let n = 0; r !== w && n < TICKS_PER_TURN; n++) {
        const at = (r & tickMask) * TickSlot.STRIDE;
        sum += ticks[at + TickSlot.BID] + ticks[at + TickSlot.ASK];
        if (ticks[at + TickSlot.SEQ] !== count) misordered++;
        if (lat !== null) lat[count] = nowMs() - ticks[at + TickSlot.TIME_MS];
        count++;
        r = (r + 1) | 0;
      }
      // No snapshots here, so everything read is released at once (the engine releases per snapshot).
      Atomics.store(ctrl, Ctrl.TICK_READ, r);
      Atomics.store(ctrl, Ctrl.TICK_SNAP_READ, r);
      Atomics.notify(ctrl, Ctrl.TICK_SNAP_READ);
    }
  }

  ticksPort.on('message', (m: TickMessage | Float64Array) => {
    if (mode === 'post') onTick(m as TickMessage);
    else if (mode === 'batch') onBatch(m as Float64Array);
  });

  control.on('message', (cmd: HandoffCommand) => {
    expected = cmd.expected;
    count = 0; sum = 0; misordered = 0;
    lat = cmd.latency === null ? null : new Float64Array(cmd.latency);
    collectGarbage();
    if (cmd.type === 'ring') {
      control.postMessage({ type: 'ready' } satisfies HandoffReply);
      consumeRing(cmd.buffers, cmd.doorbell);
      finish();
    } else {
      mode = cmd.type;
      control.postMessage({ type: 'ready' } satisfies HandoffReply);
    }
  });
  control.postMessage({ type: 'hello', skewMs } satisfies HandoffReply);
}

// The bench imports the constants above on the main thread; only the worker runs the consumer.
if (!isMainThread) run();
