import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { monoMs } from './mono-clock.ts';

/** An open-loop feed whose clock runs: `run` sends item i at `start + i * 1000 / rate` (performance.now() ms). */
export interface OpenLoop {
  readonly start: number;
  /** Sends every item, each once it is due; resolves once all are sent. */
  run(send: (i: number, due: number) => void): Promise<void>;
}

/** The first item is due this long after the metronome is ready. */
const LEAD_MS = 5;

/**
 * An open-loop feed for latency benches: item i is due at `start + i * 1000 / rate`, whatever became of the items
 * before it (no coordinated omission). A metronome thread (bench/metronome-worker.mjs) wakes this thread at each
 * due time; each wake sends every item due, so a late wake sends several, and that lateness is charged to the
 * latency by benches that time from the due time. libuv's timers (1 ms resolution) made this feed ~0.6 ms late at
 * the median, which those benches then reported as the system's latency; the metronome's futex sleeps are tens of
 * µs late. Resolves once the metronome thread is ready (its start takes tens of ms), so the first item is on time.
 */
export async function openLoop(n: number, rate: number): Promise<OpenLoop> {
  const periodMs = 1000 / rate;
  // [0]: beats so far (the metronome's), [1]: 1 once every item is sent (this thread's).
  const beat = new Int32Array(new SharedArrayBuffer(8));
  const metronome = new Worker(new URL('./metronome-worker.mjs', import.meta.url), { workerData: { beat, periodMs, n }, name: 'open-loop-metronome' });
  const failed = new Promise<never>((_, reject) => metronome.once('error', reject));
  await Promise.race([once(metronome, 'message'), failed]);
  const start = performance.now() + LEAD_MS;
  return {
    start,
    async run(send) {
      // The metronome reads CLOCK_MONOTONIC.
      metronome.postMessage(start + (monoMs() - performance.now()));
      try {
        let next = 0;
        while (next < n) {
          const beats = Atomics.load(beat, 0);
          while (next < n && start + next * periodMs <= performance.now()) {
            const i = next++;
            send(i, start + i * periodMs);
          }
          if (next >= n) break;
          const w = Atomics.waitAsync(beat, 0, beats);
          if (w.async) await Promise.race([w.value, failed]);
        }
      } finally {
        Atomics.store(beat, 1, 1);
        await metronome.terminate();
      }
    },
  };
}
