/**
 * An open-loop feed for latency benches: item i is due at `start + i * 1000 / rate`, whatever became of the items
 * before it (no coordinated omission). Each time a timer wakes, every item due is sent, so a late wake (libuv timers
 * have 1 ms resolution) sends several; that lateness is the feed's, and the benches charge it to the latency.
 * Resolves once all `n` are sent.
 */
export function sendOpenLoop(n: number, rate: number, start: number, send: (i: number, due: number) => void): Promise<void> {
  const periodMs = 1000 / rate;
  let next = 0;
  return new Promise<void>((resolve) => {
    const wake = () => {
      while (next < n && start + next * periodMs <= performance.now()) {
        const i = next++;
        send(i, start + i * periodMs);
      }
      if (next >= n) return resolve();
      setTimeout(wake, Math.max(0, start + next * periodMs - performance.now()));
    };
    setTimeout(wake, Math.max(0, start - performance.now()));
  });
}
