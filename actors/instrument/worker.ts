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
import { InstrumentActor } from './instrument-actor.ts';
import { Doorbell, type FromInstrumentWorker, type InstrumentWorkerData, type ToInstrumentWorker } from './protocol.ts';

const TICKS_PER_TURN = 4096;
const IDLE_WAIT_MS = 200;

const data = workerData as InstrumentWorkerData;
const bell = new Int32Array(data.doorbell);
const port = data.port;
const actors: InstrumentActor[] = [];
const send = (m: FromInstrumentWorker) => port.postMessage(m);

function attach(buffers: InstrumentWorkerData['actors'][number]): void {
  try {
    const mem = attachActorMemory(buffers);
    actors.push(new InstrumentActor(mem));
    Atomics.store(mem.ctrl, Ctrl.ATTACHED, 1);
    send({ type: 'attached', instrument: buffers.instrument });
  } catch (err) {
    const e = err as { code?: string; message: string };
    send({ type: 'failed', instrument: buffers.instrument, code: e.code ?? 'PS_WORKER_CRASHED', message: e.message });
  }
}

function control(): void {
  for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
    const msg = m.message as ToInstrumentWorker;
    if (msg.type === 'attach') attach(msg.buffers);
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
}

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
