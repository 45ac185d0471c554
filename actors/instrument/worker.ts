/**
 * Entry point of an instrument worker thread: runs one or more instrument
 * actors (placement packs several per worker when configured) in a loop that
 * blocks in Atomics.wait when every tick ring is empty. Control messages are
 * read synchronously with receiveMessageOnPort, because the loop never yields
 * to the event loop.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { attachActorMemory } from '../../engine/memory/actor-memory.ts';
import { Ctrl } from '../../engine/memory/layout.ts';
import { type AccountRisk, attachAccountRisk } from '../../engine/risk/mod.ts';
import { InstrumentActor } from './instrument-actor.ts';
import { type AccountEntry, Doorbell, type FromInstrumentWorker, type InstrumentWorkerData, type ToInstrumentWorker } from './protocol.ts';

const TICKS_PER_TURN = 4096;
const IDLE_WAIT_MS = 200;

const data = workerData as InstrumentWorkerData;
const bell = new Int32Array(data.doorbell);
const port = data.port;
const actors: InstrumentActor[] = [];
const send = (m: FromInstrumentWorker) => port.postMessage(m);
/** Account risk memory by the node's account number, shared by this worker's actors. */
const accounts = new Map<number, AccountRisk>();
/** Messages read while looking for an account, handled by the next control() (an actor is mid-step then). */
const deferred: ToInstrumentWorker[] = [];

function addAccount(e: AccountEntry): void {
  try {
    accounts.set(e.id, attachAccountRisk(e.memory));
  } catch (err) {
    // Without it the account's signals go unchecked here and execution checks them: report, keep running.
    const x = err as { code?: string; message: string };
    send({ type: 'account_failed', id: e.id, code: x.code ?? 'PS_RISK_MEMORY_INVALID', message: x.message });
  }
}

/** An account's risk memory; one not seen yet may be in a message the loop has not read. */
function accountRisk(id: number): AccountRisk | undefined {
  const known = accounts.get(id);
  if (known !== undefined) return known;
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
    const msg = m.message as ToInstrumentWorker;
    if (msg.type === 'account') addAccount(msg); else deferred.push(msg);
  }
  return accounts.get(id);
}

function attach(buffers: InstrumentWorkerData['actors'][number]): void {
  try {
    const mem = attachActorMemory(buffers);
    actors.push(new InstrumentActor(mem, accountRisk));
    Atomics.store(mem.ctrl, Ctrl.ATTACHED, 1);
    send({ type: 'attached', instrument: buffers.instrument });
  } catch (err) {
    const e = err as { code?: string; message: string };
    send({ type: 'failed', instrument: buffers.instrument, code: e.code ?? 'PS_WORKER_CRASHED', message: e.message });
  }
}

function handle(msg: ToInstrumentWorker): void {
  if (msg.type === 'attach') attach(msg.buffers);
  else if (msg.type === 'account') addAccount(msg);
  else {
    const i = actors.findIndex((a) => a.mem.instrument === msg.instrument);
    if (i >= 0) {
      actors[i].flush();
      Atomics.store(actors[i].mem.ctrl, Ctrl.ATTACHED, 0);
      actors.splice(i, 1);
    }
    send({ type: 'detached', instrument: msg.instrument });
  }
}

function control(): void {
  for (let msg = deferred.shift(); msg !== undefined; msg = deferred.shift()) handle(msg);
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) handle(m.message as ToInstrumentWorker);
}

for (const e of data.accounts) addAccount(e);
for (const b of data.actors) attach(b);
for (;;) {
  const seen = Atomics.load(bell, Doorbell.RING);
  control();
  let n = 0;
  for (let i = 0; i < actors.length; i++) n += actors[i].step(TICKS_PER_TURN);
  if (Atomics.load(bell, Doorbell.STOP) === 1 && n === 0) break;
  if (n === 0) Atomics.wait(bell, Doorbell.RING, seen, IDLE_WAIT_MS);
}
for (const a of actors) {
  a.flush();
  Atomics.store(a.mem.ctrl, Ctrl.ATTACHED, 0);
}
send({ type: 'stopped' });
