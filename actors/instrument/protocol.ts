import type { MessagePort } from 'node:worker_threads';
import type { ActorBuffers } from '../../engine/memory/actor-memory.ts';
import type { AccountRiskMemory } from '../../engine/risk/mod.ts';

/** An account's risk memory under the node's number for the account (see NO_ACCOUNT in the memory layout). */
export interface AccountEntry { id: number; memory: AccountRiskMemory }

/** Words of a worker's doorbell SharedArrayBuffer. */
export const Doorbell = {
  /** Bumped (and notified) by producers after they pushed ticks or a control message. */
  RING: 0,
  /** 1 = leave the loop after snapshotting every actor. */
  STOP: 1,
  COUNT: 2,
} as const;

/** workerData of an instrument worker. */
export interface InstrumentWorkerData {
  doorbell: SharedArrayBuffer;
  port: MessagePort;
  actors: ActorBuffers[];
  /** Risk memory of the accounts the node has so far (more come as 'account' messages). */
  accounts: AccountEntry[];
}

/** Supervisor -> worker (read with receiveMessageOnPort, since the worker loop blocks in Atomics.wait). */
export type ToInstrumentWorker =
  | { type: 'attach'; buffers: ActorBuffers }
  | ({ type: 'account' } & AccountEntry)
  | { type: 'detach'; instrument: string };

/** Worker -> supervisor. */
export type FromInstrumentWorker =
  | { type: 'attached'; instrument: string }
  | { type: 'detached'; instrument: string }
  | { type: 'failed'; instrument: string; code: string; message: string }
  | { type: 'account_failed'; id: number; code: string; message: string }
  | { type: 'stopped' };
