import type { Redis } from 'ioredis';
import { PipstreamError } from '../errors/mod.ts';
import { type ActorMemory, programInSlot, writeProgramSlot } from '../memory/actor-memory.ts';
import { Ctrl, STATE_LAYOUT_VERSION, SnapshotHeader } from '../memory/layout.ts';
import type { ProgramMeta } from '../workflow/mod.ts';

/**
 * A copy of an actor's newest snapshot and of the program it was taken with:
 * enough for a new process to warm-start the actor exactly where it stopped.
 */
export interface ActorCheckpoint {
  instrument: string;
  /** Snapshot header + state words (SnapshotHeader layout). */
  snapshot: Float64Array;
  programI32: Int32Array;
  programF64: Float64Array;
  meta: ProgramMeta | null;
}

/**
 * Reads the newest snapshot. The worker always writes the other slot, so the published one can
 * only change under us if a whole snapshot completes and the next one starts writing into it:
 * SNAP_GEN (+1 at each start and each end) then moves by 2 or more, and we copy again. An odd
 * SNAP_GEN alone (a snapshot in progress, or a worker killed in the middle of one) is harmless.
 */
export function takeCheckpoint(mem: ActorMemory, metas: Map<number, ProgramMeta>): ActorCheckpoint {
  const { ctrl } = mem;
  for (;;) {
    const gen = Atomics.load(ctrl, Ctrl.SNAP_GEN);
    const slot = Atomics.load(ctrl, Ctrl.SNAP_SLOT);
    if (slot < 0) throw new PipstreamError('PS_CHECKPOINT_INVALID', `actor ${mem.instrument} has no snapshot yet`, { instrument: mem.instrument });
    const snap = mem.snapshots[slot];
    const used = snap[SnapshotHeader.STATE_USED];
    const copy = snap.slice(0, SnapshotHeader.COUNT + used);
    if (Atomics.load(ctrl, Ctrl.SNAP_GEN) - gen >= 2) continue;
    const version = copy[SnapshotHeader.PROGRAM_VERSION];
    const active = Atomics.load(ctrl, Ctrl.PROGRAM_VERSION);
    const pslot = version === active ? Atomics.load(ctrl, Ctrl.PROGRAM_SLOT) : 1 - Atomics.load(ctrl, Ctrl.PROGRAM_SLOT);
    const program = version === 0 ? null : programInSlot(mem, pslot);
    return {
      instrument: mem.instrument,
      snapshot: copy,
      programI32: program?.i32.slice() ?? new Int32Array(0),
      programF64: program?.f64.slice() ?? new Float64Array(0),
      meta: program === null ? null : metas.get(version) ?? null,
    };
  }
}

/**
 * Writes a checkpoint into fresh actor memory (before its worker starts): the
 * program becomes version 1 in slot 0 and the snapshot becomes slot 0, with ring
 * positions reset (the new rings start empty). Returns the program's metadata.
 */
export function restoreCheckpoint(mem: ActorMemory, cp: ActorCheckpoint): ProgramMeta | null {
  const used = cp.snapshot[SnapshotHeader.STATE_USED];
  if (cp.instrument !== mem.instrument || !(used >= 0) || used > mem.state.length ||
      cp.snapshot.length !== SnapshotHeader.COUNT + used ||
      cp.programI32.length > mem.programI32[0].length || cp.programF64.length > mem.programF64[0].length ||
      (cp.programI32.length > 0) !== (cp.meta !== null)) {
    throw new PipstreamError('PS_CHECKPOINT_INVALID', `checkpoint for ${cp.instrument} does not fit actor ${mem.instrument}`,
      { instrument: mem.instrument, stateUsed: used });
  }
  const { ctrl } = mem;
  const version = cp.programI32.length > 0 ? 1 : 0;
  writeProgramSlot(mem, 0, version === 0 ? null : { i32: cp.programI32, f64: cp.programF64 });
  ctrl[Ctrl.PROGRAM_SLOT] = 0;
  ctrl[Ctrl.PROGRAM_VERSION] = version;
  ctrl[Ctrl.PROGRAM_ACK] = version;
  const snap = mem.snapshots[0];
  snap.set(cp.snapshot);
  snap[SnapshotHeader.TICK_READ] = 0;
  snap[SnapshotHeader.SIG_WRITE] = 0;
  snap[SnapshotHeader.PROGRAM_VERSION] = version;
  mem.state.set(cp.snapshot.subarray(SnapshotHeader.COUNT));
  ctrl[Ctrl.SNAP_SLOT] = 0;
  return cp.meta;
}

const MAGIC = 'PSCK1';

/** Binary form: magic, JSON header length, JSON header, then the three typed arrays (8-byte aligned). */
export function encodeCheckpoint(cp: ActorCheckpoint): Buffer {
  const header = Buffer.from(JSON.stringify({
    layout: STATE_LAYOUT_VERSION, instrument: cp.instrument, meta: cp.meta,
    snapshot: cp.snapshot.length, programI32: cp.programI32.length, programF64: cp.programF64.length,
  }));
  const pad = (n: number) => (8 - (n % 8)) % 8;
  const head = MAGIC.length + 4 + header.length;
  const i32Bytes = cp.programI32.length * 4;
  return Buffer.concat([
    Buffer.from(MAGIC), uint32(header.length), header, Buffer.alloc(pad(head)),
    Buffer.from(cp.snapshot.buffer, cp.snapshot.byteOffset, cp.snapshot.byteLength),
    Buffer.from(cp.programI32.buffer, cp.programI32.byteOffset, i32Bytes), Buffer.alloc(pad(i32Bytes)),
    Buffer.from(cp.programF64.buffer, cp.programF64.byteOffset, cp.programF64.byteLength),
  ]);
}

export function decodeCheckpoint(buf: Buffer): ActorCheckpoint {
  const bad = (why: string) => new PipstreamError('PS_CHECKPOINT_INVALID', `checkpoint unreadable: ${why}`, {});
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw bad('bad magic');
  const hlen = buf.readUInt32LE(MAGIC.length);
  let h: { layout: number; instrument: string; meta: ProgramMeta | null; snapshot: number; programI32: number; programF64: number };
  try {
    h = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + hlen));
  } catch (err) {
    throw bad((err as Error).message);
  }
  if (h.layout !== STATE_LAYOUT_VERSION) throw bad(`state layout version ${h.layout}, this build uses ${STATE_LAYOUT_VERSION}`);
  let at = MAGIC.length + 4 + hlen;
  at += (8 - (at % 8)) % 8;
  const need = at + h.snapshot * 8 + h.programI32 * 4 + ((8 - ((h.programI32 * 4) % 8)) % 8) + h.programF64 * 8;
  if (buf.length !== need) throw bad(`length ${buf.length}, expected ${need}`);
  const copy = new Uint8Array(buf.length);
  copy.set(buf);
  const snapshot = new Float64Array(copy.buffer, at, h.snapshot);
  at += h.snapshot * 8;
  const programI32 = new Int32Array(copy.buffer, at, h.programI32);
  at += h.programI32 * 4;
  at += (8 - (at % 8)) % 8;
  const programF64 = new Float64Array(copy.buffer, at, h.programF64);
  return { instrument: h.instrument, snapshot, programI32, programF64, meta: h.meta };
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

export const checkpointKey = (node: string, instrument: string) => `pipstream:checkpoint:${node}:${instrument}`;

export async function saveCheckpoint(redis: Redis, node: string, cp: ActorCheckpoint): Promise<void> {
  await redis.set(checkpointKey(node, cp.instrument), encodeCheckpoint(cp));
}

export async function loadCheckpoint(redis: Redis, node: string, instrument: string): Promise<ActorCheckpoint | null> {
  const buf = await redis.getBuffer(checkpointKey(node, instrument));
  return buf === null ? null : decodeCheckpoint(buf);
}
