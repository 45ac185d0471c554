import { Histogram } from './layout.ts';

/**
 * A log-linear latency histogram in an Int32Array (shared with the supervisor):
 * bucket = 4 * floor(log2(ns)) + the next two bits. Recording is a handful of
 * integer operations and one increment, so the worker can afford it per tick;
 * the reader tolerates racing increments (stats are a view, not a ledger).
 */
export function recordNs(hist: Int32Array, ns: number): void {
  const v = ns < 1 ? 1 : ns > 0x7fffffff ? 0x7fffffff : ns | 0;
  const log = 31 - Math.clz32(v);
  const sub = log < 2 ? 0 : (v >>> (log - 2)) & 3;
  let b = log * Histogram.SUB_BUCKETS + sub;
  if (b >= Histogram.BUCKETS) b = Histogram.BUCKETS - 1;
  hist[b]++;
}

/** Upper edge of a bucket in nanoseconds. */
function bucketUpperNs(b: number): number {
  const log = Math.floor(b / Histogram.SUB_BUCKETS);
  const sub = b % Histogram.SUB_BUCKETS;
  if (log < 2) return 2 ** (log + 1);
  return 2 ** log + (sub + 1) * 2 ** (log - 2);
}

export interface LatencySummary {
  count: number;
  p50_ns: number;
  p99_ns: number;
  p999_ns: number;
  max_ns: number;
}

/** Percentiles (bucket upper edges, so never optimistic) of a histogram. */
export function summarize(hist: Int32Array): LatencySummary {
  let count = 0;
  let maxBucket = -1;
  for (let b = 0; b < hist.length; b++) {
    const c = Atomics.load(hist, b);
    count += c;
    if (c > 0) maxBucket = b;
  }
  const at = (q: number) => {
    if (count === 0) return 0;
    const rank = Math.ceil(q * count);
    let seen = 0;
    for (let b = 0; b < hist.length; b++) {
      seen += Atomics.load(hist, b);
      if (seen >= rank) return bucketUpperNs(b);
    }
    return bucketUpperNs(hist.length - 1);
  };
  return { count, p50_ns: at(0.5), p99_ns: at(0.99), p999_ns: at(0.999), max_ns: maxBucket < 0 ? 0 : bucketUpperNs(maxBucket) };
}
