import { PipstreamError } from '../errors/mod.ts';
import {
  type ActorCapacities, Ctrl, DEFAULT_CAPACITIES, Histogram, NO_ACCOUNT, SignalSlot, SnapshotHeader, TickSlot, snapshotWords,
} from './layout.ts';

/**
 * The SharedArrayBuffers of one instrument actor. The supervisor creates them
 * once and hands the same buffers to every worker incarnation, which is what
 * lets a restarted worker continue where the dead one stopped.
 */
export interface ActorBuffers {
  instrument: string;
  capacities: ActorCapacities;
  ctrl: SharedArrayBuffer;
  ticks: SharedArrayBuffer;
  signals: SharedArrayBuffer;
  state: SharedArrayBuffer;
  snapshots: [SharedArrayBuffer, SharedArrayBuffer];
  programI32: [SharedArrayBuffer, SharedArrayBuffer];
  programF64: [SharedArrayBuffer, SharedArrayBuffer];
  positions: SharedArrayBuffer;
  accountIds: SharedArrayBuffer;
  latency: SharedArrayBuffer;
  carry: SharedArrayBuffer;
}

/** Typed views over ActorBuffers (built once per thread, never per tick). */
export interface ActorMemory {
  readonly buffers: ActorBuffers;
  readonly instrument: string;
  readonly ctrl: Int32Array;
  readonly ticks: Float64Array;
  readonly tickMask: number;
  readonly signals: Float64Array;
  readonly signalMask: number;
  readonly state: Float64Array;
  readonly snapshots: [Float64Array, Float64Array];
  readonly programI32: [Int32Array, Int32Array];
  readonly programF64: [Float64Array, Float64Array];
  /** Per program slot and account index: signed position units on this instrument (see NO_ACCOUNT in layout.ts). */
  readonly positions: Float64Array;
  /** Per program slot and account index: the node's number of the account, or NO_ACCOUNT. */
  readonly accountIds: Int32Array;
  /** Per-tick handling time histogram (see Histogram in layout.ts). */
  readonly latency: Int32Array;
  /** Rule-state carry map of the pending program swap (see Carry in layout.ts). */
  readonly carry: Int32Array;
}

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

export function allocateActorBuffers(instrument: string, capacities: ActorCapacities = DEFAULT_CAPACITIES): ActorBuffers {
  if (!isPowerOfTwo(capacities.tickRing) || !isPowerOfTwo(capacities.signalRing)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'ring capacities must be powers of two', { ...capacities });
  }
  const f64 = (n: number) => new SharedArrayBuffer(n * 8);
  const i32 = (n: number) => new SharedArrayBuffer(n * 4);
  const buffers: ActorBuffers = {
    instrument,
    capacities,
    ctrl: i32(Ctrl.COUNT),
    ticks: f64(capacities.tickRing * TickSlot.STRIDE),
    signals: f64(capacities.signalRing * SignalSlot.STRIDE),
    state: f64(capacities.state),
    snapshots: [f64(snapshotWords(capacities.state)), f64(snapshotWords(capacities.state))],
    programI32: [i32(capacities.programI32), i32(capacities.programI32)],
    programF64: [f64(capacities.programF64), f64(capacities.programF64)],
    positions: f64(2 * capacities.accounts),
    accountIds: i32(2 * capacities.accounts),
    latency: i32(Histogram.BUCKETS),
    carry: i32(1 + 2 * capacities.carryPairs),
  };
  new Int32Array(buffers.ctrl)[Ctrl.SNAP_SLOT] = -1;
  new Int32Array(buffers.accountIds).fill(NO_ACCOUNT);
  return buffers;
}

export function attachActorMemory(buffers: ActorBuffers): ActorMemory {
  return {
    buffers,
    instrument: buffers.instrument,
    ctrl: new Int32Array(buffers.ctrl),
    ticks: new Float64Array(buffers.ticks),
    tickMask: buffers.capacities.tickRing - 1,
    signals: new Float64Array(buffers.signals),
    signalMask: buffers.capacities.signalRing - 1,
    state: new Float64Array(buffers.state),
    snapshots: [new Float64Array(buffers.snapshots[0]), new Float64Array(buffers.snapshots[1])],
    programI32: [new Int32Array(buffers.programI32[0]), new Int32Array(buffers.programI32[1])],
    programF64: [new Float64Array(buffers.programF64[0]), new Float64Array(buffers.programF64[1])],
    positions: new Float64Array(buffers.positions),
    accountIds: new Int32Array(buffers.accountIds),
    latency: new Int32Array(buffers.latency),
    carry: new Int32Array(buffers.carry),
  };
}

/** Fill level of the tick ring as the producer must see it: up to the last snapshot, not the last read. */
export function tickRingFree(mem: ActorMemory): number {
  const used = (Atomics.load(mem.ctrl, Ctrl.TICK_WRITE) - Atomics.load(mem.ctrl, Ctrl.TICK_SNAP_READ)) | 0;
  return mem.buffers.capacities.tickRing - used;
}

/**
 * Producer side of the tick ring (single producer). Returns false when the ring
 * has no room: the caller waits on TICK_SNAP_READ (see waitForTickRoom).
 */
export function pushTick(mem: ActorMemory, timeMs: number, bid: number, ask: number, seq: number): boolean {
  const ctrl = mem.ctrl;
  const w = Atomics.load(ctrl, Ctrl.TICK_WRITE);
  if (((w - Atomics.load(ctrl, Ctrl.TICK_SNAP_READ)) | 0) >= mem.buffers.capacities.tickRing) return false;
  const at = (w & mem.tickMask) * TickSlot.STRIDE;
  const t = mem.ticks;
  t[at + TickSlot.TIME_MS] = timeMs;
  t[at + TickSlot.BID] = bid;
  t[at + TickSlot.ASK] = ask;
  t[at + TickSlot.SEQ] = seq;
  Atomics.store(ctrl, Ctrl.TICK_WRITE, (w + 1) | 0);
  return true;
}

/** Waits (without blocking the event loop) until the worker has released ring space or `timeoutMs` passes. */
export async function waitForTickRoom(mem: ActorMemory, timeoutMs: number): Promise<void> {
  const seen = Atomics.load(mem.ctrl, Ctrl.TICK_SNAP_READ);
  if (tickRingFree(mem) > 0) return;
  const r = Atomics.waitAsync(mem.ctrl, Ctrl.TICK_SNAP_READ, seen, timeoutMs);
  if (r.async) await r.value;
}

/** True when the worker has processed every tick pushed so far. */
export function tickRingDrained(mem: ActorMemory): boolean {
  return Atomics.load(mem.ctrl, Ctrl.TICK_READ) === Atomics.load(mem.ctrl, Ctrl.TICK_WRITE);
}

/** Position of the last processed tick as recorded in the newest snapshot (NaN when there is none). */
export function snapshotLastSeq(mem: ActorMemory): number {
  const slot = Atomics.load(mem.ctrl, Ctrl.SNAP_SLOT);
  return slot < 0 ? Number.NaN : mem.snapshots[slot][SnapshotHeader.LAST_SEQ];
}

export interface ProgramArrays { i32: Int32Array; f64: Float64Array }

const lengthWords = (slot: number) =>
  slot === 0 ? [Ctrl.PROGRAM0_I32_LEN, Ctrl.PROGRAM0_F64_LEN] as const : [Ctrl.PROGRAM1_I32_LEN, Ctrl.PROGRAM1_F64_LEN] as const;

/** Views of the program in a slot, or null for the empty program (no workflow covers the instrument). */
export function programInSlot(mem: ActorMemory, slot: number): ProgramArrays | null {
  const [i32Len, f64Len] = lengthWords(slot);
  if (mem.ctrl[i32Len] === 0) return null;
  return { i32: mem.programI32[slot].subarray(0, mem.ctrl[i32Len]), f64: mem.programF64[slot].subarray(0, mem.ctrl[f64Len]) };
}

/** Writes a program (null: the empty program) into a slot that the worker is not using. */
export function writeProgramSlot(mem: ActorMemory, slot: number, program: ProgramArrays | null): void {
  const [i32Len, f64Len] = lengthWords(slot);
  if (program !== null) {
    mem.programI32[slot].set(program.i32);
    mem.programF64[slot].set(program.f64);
  }
  mem.ctrl[i32Len] = program?.i32.length ?? 0;
  mem.ctrl[f64Len] = program?.f64.length ?? 0;
}
