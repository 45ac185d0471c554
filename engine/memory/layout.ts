/**
 * Every shared-memory layout of an instrument actor, with named offsets.
 * The supervisor allocates these SharedArrayBuffers and owns them; a worker
 * only attaches. Nothing else in the code base may use a raw index into them.
 *
 * Ring indices are free-running Int32 counters (wrapping at 2^32 through `| 0`);
 * `(write - read) | 0` is the fill level, so capacities stay far below 2^31.
 */

/**
 * Version of everything a snapshot's bytes depend on: this file's layouts and the indicator and
 * bar state layouts. Bump it with any change to them; a checkpoint of another version is refused
 * (the actor then starts cold) instead of being misread.
 */
export const STATE_LAYOUT_VERSION = 2;

/** Int32 control words of one actor (`ActorMemory.ctrl`). */
export const Ctrl = {
  /** Ticks published into the tick ring by the producer (supervisor/ingest). */
  TICK_WRITE: 0,
  /** Ticks fully processed by the worker. */
  TICK_READ: 1,
  /** TICK_READ as of the newest valid snapshot: the producer never overwrites past it,
   *  so a restarted worker can always re-read the ticks after its snapshot. */
  TICK_SNAP_READ: 2,
  /** Signals written into the signal ring by the worker. */
  SIG_WRITE: 3,
  /** Signals taken out of the signal ring by the supervisor. */
  SIG_READ: 4,
  /** Bumped by the supervisor after it wrote a new program into the inactive slot. */
  PROGRAM_VERSION: 5,
  /** Program slot (0/1) that PROGRAM_VERSION refers to. */
  PROGRAM_SLOT: 6,
  /** Program version the worker has loaded; the supervisor writes the inactive slot only when ACK == VERSION. */
  PROGRAM_ACK: 7,
  PROGRAM0_I32_LEN: 8,
  PROGRAM0_F64_LEN: 9,
  PROGRAM1_I32_LEN: 10,
  PROGRAM1_F64_LEN: 11,
  /** Valid snapshot slot (0/1), or -1 when there is none yet. */
  SNAP_SLOT: 12,
  /** Seqlock for readers of snapshots (odd while a snapshot is being written). */
  SNAP_GEN: 13,
  /** Set to 1 by the supervisor to ask the worker to leave its loop. */
  STOP: 14,
  /** Worker restarts on this memory (not part of snapshots: a restart must not undo it). */
  RESTARTS: 15,
  /** Worker liveness: 0 detached, 1 attached and running. */
  ATTACHED: 16,
  COUNT: 17,
} as const;

/** One tick in the tick ring: four float64 words. */
export const TickSlot = { TIME_MS: 0, BID: 1, ASK: 2, SEQ: 3, STRIDE: 4 } as const;

/** One signal record in the signal ring (float64 words). */
export const SignalSlot = {
  TICK_SEQ: 0,
  TIME_MS: 1,
  BID: 2,
  ASK: 3,
  ACTION: 4,
  TRIGGER: 5,
  MODE: 6,
  PROGRAM_VERSION: 7,
  /** Non-zero when the triggering quote was crossed (ask < bid): such a signal is never tradeable. */
  CROSSED: 8,
  /**
   * The instrument-level risk checks the actor ran on an auto-execute signal (DESIGN §7): RiskCheck.NOT_RUN,
   * RiskCheck.PASSED, or RiskCheck.FIRST_REASON + the index of the failed reason in RISK_REASON_CODES.
   */
  RISK: 9,
  /** The limit and the value that failed (NaN where none applies). */
  RISK_LIMIT: 10,
  RISK_VALUE: 11,
  STRIDE: 12,
} as const;

/**
 * What an actor sees of the accounts its program names, one table per program slot (slot s's starts at
 * s * capacities.accounts, indexed by the program's account index): `accountIds` (Int32) holds the
 * node's number for the account, by which the worker finds the account's risk memory (NO_ACCOUNT: none);
 * `positions` (Float64) holds its signed position units on the actor's instrument, for the `position`
 * condition. The supervisor writes a slot's tables with its program, before publishing it.
 */
export const NO_ACCOUNT = -1;

/** Values of SignalSlot.RISK. */
export const RiskCheck = { NOT_RUN: -1, PASSED: 0, FIRST_REASON: 1 } as const;

/**
 * Fixed header at the start of the actor's state region. Everything the worker
 * mutates per tick lives in the state region, so a snapshot of it is a complete,
 * consistent picture of the actor at a tick boundary.
 */
export const StateHeader = {
  LAST_TIME_MS: 0,
  LAST_BID: 1,
  LAST_ASK: 2,
  LAST_MID: 3,
  LAST_SEQ: 4,
  TICKS: 5,
  BARS: 6,
  SIGNALS: 7,
  /** Layout fingerprint of the program the state was laid out for (see actor-state.ts). */
  LAYOUT_VERSION: 8,
  COUNT: 16,
} as const;

/** Header of each snapshot slot (float64 words), followed by a copy of the state region. */
export const SnapshotHeader = {
  TICK_READ: 0,
  SIG_WRITE: 1,
  PROGRAM_VERSION: 2,
  STATE_USED: 3,
  LAST_SEQ: 4,
  COUNT: 8,
} as const;

/**
 * Rule-state carry map of the pending program swap (Int32 words): which rule-state words of the
 * previous program move to which words of the new one (same trigger operand / same action), so a
 * new workflow version keeps crossing history and cooldowns. Written by the supervisor before it
 * bumps PROGRAM_VERSION; valid for the swap from the previous version to PROGRAM_VERSION.
 */
export const Carry = { COUNT: 0, PAIRS: 1 } as const;

/** Per-tick handling-time histogram: log2 buckets of nanoseconds with 4 linear sub-buckets each. */
export const Histogram = { SUB_BUCKETS: 4, BUCKETS: 40 * 4 } as const;

export interface ActorCapacities {
  /** Tick ring entries (power of two). */
  tickRing: number;
  /** Signal ring entries (power of two). */
  signalRing: number;
  /** Float64 words for the state region. */
  state: number;
  /** Int32 / Float64 words per program slot. */
  programI32: number;
  programF64: number;
  /** Accounts one program can name (their positions and risk memory are what the actor sees of them). */
  accounts: number;
  /** Rule-state words one program swap can carry over. */
  carryPairs: number;
}

export const DEFAULT_CAPACITIES: ActorCapacities = {
  tickRing: 1 << 16,
  signalRing: 1 << 12,
  state: 1 << 16,
  programI32: 1 << 16,
  programF64: 1 << 14,
  accounts: 64,
  carryPairs: 1 << 13,
};

/** Ticks between two snapshots; must stay well below the tick ring capacity. */
export const SNAPSHOT_EVERY_TICKS = 1024;

/** Float64 words of one snapshot slot for a state region of `stateWords`. */
export const snapshotWords = (stateWords: number) => SnapshotHeader.COUNT + stateWords;
