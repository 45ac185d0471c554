import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { ActorBuffers } from '../memory/actor-memory.ts';
import {
  type AccountEntry, Doorbell, type FromInstrumentWorker, type InstrumentWorkerData, type ToInstrumentWorker,
} from '../../actors/instrument/protocol.ts';

const WORKER_URL = new URL('../../actors/instrument/worker-entry.mjs', import.meta.url);

export interface WorkerHostEvents {
  onMessage(host: WorkerHost, msg: FromInstrumentWorker): void;
  /** The thread ended without being asked to (crash, terminate, uncaught error). */
  onCrash(host: WorkerHost, error: Error | null, exitCode: number): void;
  /** Every account's risk memory so far, for a (re)started thread. */
  accounts(): AccountEntry[];
}

/**
 * One worker thread slot. The actors' memory belongs to the supervisor; the
 * host can therefore replace a dead thread with a new one on the same buffers.
 */
export class WorkerHost {
  readonly id: number;
  readonly doorbell: Int32Array;
  readonly actors: ActorBuffers[] = [];
  #worker: Worker | null = null;
  #port: MessagePort | null = null;
  #stopping = false;
  #stopped: Promise<void> = Promise.resolve();
  readonly #events: WorkerHostEvents;

  constructor(id: number, events: WorkerHostEvents) {
    this.id = id;
    this.doorbell = new Int32Array(new SharedArrayBuffer(Doorbell.COUNT * 4));
    this.#events = events;
  }

  get threadId(): number { return this.#worker?.threadId ?? -1; }

  start(): void {
    const { port1, port2 } = new MessageChannel();
    const data: InstrumentWorkerData = {
      doorbell: this.doorbell.buffer as SharedArrayBuffer, port: port2, actors: this.actors.slice(), accounts: this.#events.accounts(),
    };
    Atomics.store(this.doorbell, Doorbell.STOP, 0);
    const worker = new Worker(WORKER_URL, { workerData: data, transferList: [port2], name: `instrument-${this.id}` });
    this.#worker = worker;
    this.#port = port1;
    port1.on('message', (m: FromInstrumentWorker) => this.#events.onMessage(this, m));
    let error: Error | null = null;
    worker.on('error', (e) => { error = e; });
    this.#stopped = new Promise((resolve) => {
      worker.on('exit', (code) => {
        port1.close();
        if (this.#worker === worker) { this.#worker = null; this.#port = null; }
        resolve();
        if (!this.#stopping) this.#events.onCrash(this, error, code);
      });
    });
  }

  send(msg: ToInstrumentWorker): void {
    this.#port?.postMessage(msg);
    this.ring();
  }

  /** Wakes the worker after ticks were pushed or a control message was sent. */
  ring(): void {
    Atomics.add(this.doorbell, Doorbell.RING, 1);
    Atomics.notify(this.doorbell, Doorbell.RING);
  }

  /** Kills the thread abruptly, as a crash would (tests and operators' "kill"). */
  async kill(): Promise<void> {
    await this.#worker?.terminate();
  }

  /** Asks the worker to drain its rings, snapshot and leave; resolves when the thread has exited. */
  async stop(): Promise<void> {
    this.#stopping = true;
    Atomics.store(this.doorbell, Doorbell.STOP, 1);
    this.ring();
    await this.#stopped;
  }
}
