// The open-loop feed's clock (bench/open-loop.ts): once told the start (CLOCK_MONOTONIC ms), sleeps until each item's
// due time with Atomics.wait (a futex with an hrtimer timeout: tens of µs late, where libuv's timers are whole ms) and
// then bumps the shared beat counter, which wakes the feed's thread. Plain JS: worker threads do not inherit tsx.
import { parentPort, workerData } from 'node:worker_threads';

const { beat, periodMs, n } = workerData;
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const monoMs = () => Number(process.hrtime.bigint()) / 1e6;
parentPort.once('message', (startMonoMs) => {
  for (let i = 0; i < n; i++) {
    const due = startMonoMs + i * periodMs;
    let wait = due - monoMs();
    while (wait > 0) {
      Atomics.wait(sleeper, 0, 0, wait);
      wait = due - monoMs();
    }
    // Stop once the feed has sent everything (it may catch up on several items per beat).
    if (Atomics.load(beat, 1) === 1) break;
    Atomics.add(beat, 0, 1);
    Atomics.notify(beat, 0);
  }
});
// Loading this thread takes tens of ms (the loader hooks it inherits): the feed starts its clock after this.
parentPort.postMessage('ready');
