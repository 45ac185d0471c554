/**
 * One clock for every process of a bench: CLOCK_MONOTONIC in ms. Node's `performance.now()` and
 * `process.hrtime` are both uv_hrtime, i.e. clock_gettime(CLOCK_MONOTONIC) on Linux, and that clock is one
 * kernel clock for every process on the machine (time since boot, not per process; not stepped by NTP or
 * `date`, slewed identically for everyone). `monoMs()` reads it through `performance.now()` (a double, no
 * BigInt per read) plus a per-process offset taken once from `process.hrtime.bigint()`; the offset is exact
 * up to the gap between those two reads (< 1 µs). Valid on one machine only (another host has another boot time).
 */

/**
 * CLOCK_MONOTONIC - performance.now() in this process, ms. The first reads are slow (the `performance` global
 * loads lazily, ~1–7 ms under tsx, which once skewed this offset by as much), so: warm up, then bracket
 * performance.now() between two hrtime reads and keep the tightest bracket.
 */
const MONO_OFFSET_MS = (() => {
  const hr = () => Number(process.hrtime.bigint()) / 1e6;
  let best = Infinity, offset = 0;
  for (let i = 0; i < 50; i++) {
    const a = hr(), p = performance.now(), b = hr();
    if (b - a < best) { best = b - a; offset = (a + b) / 2 - p; }
  }
  return offset;
})();

/** CLOCK_MONOTONIC in ms (shared by every process on this machine). */
export const monoMs = (): number => MONO_OFFSET_MS + performance.now();

/**
 * CLOCK_MONOTONIC minus this process's wall clock as pipstream reads it (`wallMs()`: performance.timeOrigin +
 * performance.now()), ms: a wall-clock time this process stamped (an envelope's µs / 1000) plus this offset is
 * the monotonic time it was stamped at, comparable with any process's monoMs().
 */
export const WALL_TO_MONO_MS = MONO_OFFSET_MS - performance.timeOrigin;
