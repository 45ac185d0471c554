import { Worker } from 'node:worker_threads';
import { monoMs } from './mono-clock.ts';

/**
 * An open-loop feed for latency benches: item i is due at `start + i * 1000 / rate` (performance.now() ms),
 * whatever became of the items before it (no coordinated omission). A metronome thread
 * (bench/metronome-worker.mjs) wakes this thread at each due time; each wake sends every item due, so a late
 * wake sends several, and that lateness is charged to the latency by benches that time from the due time.
 * libuv's timers (1 ms resolution) made this feed ~0.6 ms late at the median, which those benches then
 * reported as the system's latency; the metronome's futex sleeps are tens of µs late.
 * Resolves once all `n` are sent.
 */
export async function sendOpenLoop(n: number, rate: number, start: number, send: (i: number, due: number) => void): Promise<void> {
  const periodMs = 1000 / rate;
  // [0]: beats so far (the metronome's), [1]: 1 once every item is sent (this thread's).
  const beat = new Int32Array(new SharedArrayBuffer(8));
  const metronome = new Worker(new URL('./metronome-worker.mjs', import.meta.url), {
    workerData: { beat, startMonoMs: start + (monoMs() - performance.now()), periodMs, n }, name: 'open-loop-metronome',
  });
  const failed = new Promise<never>((_, reject) => metronome.once('error', reject));
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
}
