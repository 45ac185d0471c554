import { Worker } from 'node:worker_threads';
import { ERROR_CODES, type ErrorCode, PipstreamError } from '../../engine/errors/mod.ts';

export interface PublishWorkerData {
  /** NATS URL and limits; the bus defaults (NATS_URL, ...) when absent. */
  url?: string;
  timeoutMs?: number;
  name: string;
  ticksFile: string;
  /** 0 = as fast as possible, N = N times the recorded pace. */
  speed: number;
  instrument: string;
  source: string;
  firstSeq: number;
}

export type FromPublishWorker =
  | { type: 'ready' }
  | { type: 'done'; ticks: number }
  | { type: 'failed'; code: string; message: string; details: Record<string, unknown> };

export interface TickFilePublisher {
  /** Starts publishing; resolves with the number of ticks published and acknowledged. */
  run(): Promise<number>;
  /** Stops the thread (on the caller's failure path; a finished thread has already exited). */
  stop(): Promise<void>;
}

const WORKER_URL = new URL('./publish-worker-entry.mjs', import.meta.url);
const isErrorCode = (c: string): c is ErrorCode => c in ERROR_CODES;

/**
 * The ingest actor's replay publisher on its own thread and NATS connection: every tick of
 * `ticksFile` becomes a TickEvent on `prices.forex.<instrument>` with the dedupe id
 * `<source>:<instrument>:<seq>` (seq from `firstSeq`). Resolves once the thread is connected, so
 * the caller can start its clock (and its consumer) before `run()`. Publish failures reject `run()`
 * with their code (PS_BUS_PUBLISH, PS_BAD_TICK_FILE, ...).
 */
export async function startTickFilePublisher(o: Omit<PublishWorkerData, 'firstSeq' | 'name'> & { firstSeq?: number; name?: string }): Promise<TickFilePublisher> {
  const data: PublishWorkerData = { ...o, firstSeq: o.firstSeq ?? 0, name: o.name ?? 'pipstream-ingest' };
  const worker = new Worker(WORKER_URL, { workerData: data, name: `ingest-${o.instrument}` });
  let settle: ((m: FromPublishWorker) => void) | null = null;
  let last: FromPublishWorker | null = null;
  const next = () => new Promise<FromPublishWorker>((resolve) => {
    if (last !== null) { const m = last; last = null; resolve(m); } else settle = resolve;
  });
  const deliver = (m: FromPublishWorker) => {
    if (settle !== null) { const s = settle; settle = null; s(m); } else last = m;
  };
  worker.on('message', deliver);
  worker.on('error', (err) => deliver({ type: 'failed', code: 'PS_WORKER_CRASHED', message: `ingest thread failed: ${err.message}`, details: {} }));
  worker.on('exit', (code) => deliver({ type: 'failed', code: 'PS_WORKER_CRASHED', message: `ingest thread exited (code ${code})`, details: {} }));
  const toError = (m: FromPublishWorker) => m.type === 'failed'
    ? new PipstreamError(isErrorCode(m.code) ? m.code : 'PS_BUS_PUBLISH', m.message, m.details)
    : new PipstreamError('PS_WORKER_CRASHED', `ingest thread sent ${m.type} out of turn`);
  const ready = await next();
  if (ready.type !== 'ready') {
    await worker.terminate();
    throw toError(ready);
  }
  return {
    run: async () => {
      worker.postMessage('start');
      const m = await next();
      if (m.type !== 'done') throw toError(m);
      return m.ticks;
    },
    stop: async () => { await worker.terminate(); },
  };
}
