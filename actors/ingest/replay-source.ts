import { PipstreamError } from '../../engine/errors/mod.ts';
import { readTickFile, type TickBatch, type TickReadOptions } from '../../engine/ticks/mod.ts';

/** `max` (0: as fast as possible) or `<N>x` of the recorded pace. */
export function parseSpeed(text: string): number {
  if (text === 'max') return 0;
  const m = /^([0-9]+(?:\.[0-9]+)?)x$/.exec(text);
  if (m === null || !(Number(m[1]) > 0)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `bad --speed ${JSON.stringify(text)}: expected max, 1x, 10x or another <N>x`, { speed: text });
  }
  return Number(m[1]);
}

const view = (b: TickBatch, from: number, to: number): TickBatch => ({
  time: b.time.subarray(from, to), bid: b.bid.subarray(from, to), ask: b.ask.subarray(from, to),
  line: b.line.subarray(from, to), length: to - from,
});

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal?.aborted === true) return resolve();
    const done = () => { clearTimeout(timer); signal?.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Replays a tick file as batches. At speed 0 batches come as fast as they are
 * read; at N (`Nx`) each tick is released when `(t - t0) / N` of wall time has
 * passed since the first tick, so gaps (weekends included) are kept, scaled.
 * `signal` ends the replay at once, also in the middle of a (scaled) gap.
 */
export async function* replayTicks(path: string, speed: number, opts: TickReadOptions & { signal?: AbortSignal } = {}): AsyncGenerator<TickBatch> {
  const { signal } = opts;
  const aborted = () => signal?.aborted === true;
  let t0 = Number.NaN;
  let start = 0;
  for await (const batch of readTickFile(path, opts)) {
    if (aborted()) return;
    if (speed === 0) {
      yield batch;
      continue;
    }
    let from = 0;
    for (let i = 0; i < batch.length; i++) {
      if (t0 !== t0) { t0 = batch.time[i]; start = performance.now(); }
      const due = start + (batch.time[i] - t0) / speed;
      const wait = due - performance.now();
      if (wait >= 1) {
        if (i > from) yield view(batch, from, i);
        from = i;
        await sleep(wait, signal);
        if (aborted()) return;
      }
    }
    if (from < batch.length) yield view(batch, from, batch.length);
  }
}
