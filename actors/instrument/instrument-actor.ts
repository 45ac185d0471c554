import { BAR_BUILDER_SLOTS, BarBuilder } from '../../engine/bars/mod.ts';
import { indicatorOutput, indicatorStateSize, initIndicator } from '../../engine/indicators/mod.ts';
import { pipSize } from '../../engine/instruments/mod.ts';
import { type ActorMemory, programInSlot } from '../../engine/memory/actor-memory.ts';
import { recordNs } from '../../engine/memory/histogram.ts';
import {
  Carry, Ctrl, NO_ACCOUNT, RiskCheck, SNAPSHOT_EVERY_TICKS, SignalSlot, SnapshotHeader, StateHeader, TickSlot,
} from '../../engine/memory/layout.ts';
import {
  type AccountRisk, checkInstrumentOrder, type InstrumentChecks, instrumentChecks, RISK_REASON_CODES, RiskVerdict,
} from '../../engine/risk/mod.ts';
import { type EvalContext, initRuleState, ProgramRuntime, SIGNAL_MODE } from '../../engine/workflow/mod.ts';
import { carriedOver, layoutForProgram, type StateLayout } from './state-layout.ts';

/** Ticks between two per-tick timing samples (timing every tick would cost more than the tick). */
const TIMING_SAMPLE_MASK = 7;

/** An account's risk memory by the node's number for it (undefined: the node has none for it). */
export type AccountRiskLookup = (id: number) => AccountRisk | undefined;

/**
 * One instrument actor: consumes its tick ring, keeps bars and the indicators the
 * program needs, runs the program and writes signals into its signal ring. All
 * of its state is in the supervisor's shared memory; this object only holds
 * views and derived offsets, so a new incarnation can pick up from a snapshot.
 */
export class InstrumentActor implements EvalContext {
  readonly mem: ActorMemory;
  // EvalContext fields, overwritten before each program call.
  bid = 0;
  ask = 0;
  mid = 0;
  timeMs = 0;
  readonly pipSize: number;
  indicatorValues: Float64Array;
  /** The active program slot's position table (see NO_ACCOUNT in the memory layout). */
  positionUnits: Float64Array;

  #layout: StateLayout;
  #bars: BarBuilder[] = [];
  #runtime: ProgramRuntime | null = null;
  #programVersion = 0;
  #seq = 0;
  #sinceSnapshot = 0;
  /** Signals to swallow while re-processing ticks whose signals are already in the ring (after a restart). */
  #suppress = 0;
  /** The active program slot's account numbers. */
  #accountIds: Int32Array;
  readonly #accountRisk: AccountRiskLookup;
  /** Instrument checks on each account's live limits, built once per account. */
  readonly #checks = new Map<AccountRisk, InstrumentChecks>();
  readonly #verdict = new RiskVerdict();

  constructor(mem: ActorMemory, accountRisk: AccountRiskLookup = () => undefined) {
    this.mem = mem;
    this.pipSize = pipSize(mem.instrument);
    this.#accountRisk = accountRisk;
    this.positionUnits = this.#accountTable(mem.positions, 0);
    this.#accountIds = this.#accountTable(mem.accountIds, 0);
    this.#layout = layoutForProgram(null, null);
    this.indicatorValues = mem.state.subarray(0, 0);
    this.#attach();
  }

  /** Restores from the newest snapshot (or starts fresh) and loads the program that snapshot was taken with. */
  #attach(): void {
    const { ctrl, snapshots, state } = this.mem;
    const slot = Atomics.load(ctrl, Ctrl.SNAP_SLOT);
    if (slot < 0) {
      state.fill(0, 0, StateHeader.COUNT);
      state[StateHeader.LAST_SEQ] = -1;
      state[StateHeader.LAST_TIME_MS] = -Infinity;
      this.#loadProgram(Atomics.load(ctrl, Ctrl.PROGRAM_VERSION), false);
      this.#takeSnapshot(Atomics.load(ctrl, Ctrl.TICK_READ));
      return;
    }
    const snap = snapshots[slot];
    const used = snap[SnapshotHeader.STATE_USED];
    state.set(snap.subarray(SnapshotHeader.COUNT, SnapshotHeader.COUNT + used), 0);
    Atomics.store(ctrl, Ctrl.TICK_READ, snap[SnapshotHeader.TICK_READ] | 0);
    this.#suppress = (Atomics.load(ctrl, Ctrl.SIG_WRITE) - snap[SnapshotHeader.SIG_WRITE]) | 0;
    const snapVersion = snap[SnapshotHeader.PROGRAM_VERSION];
    // The supervisor never overwrites the slot of an unacknowledged version, so the
    // snapshot's program is either the active slot or the other one.
    const active = Atomics.load(ctrl, Ctrl.PROGRAM_VERSION);
    const activeSlot = Atomics.load(ctrl, Ctrl.PROGRAM_SLOT);
    this.#bindProgram(snapVersion === active ? activeSlot : 1 - activeSlot, snapVersion);
  }

  #accountTable<T extends Float64Array | Int32Array>(table: T, slot: number): T {
    const n = this.mem.buffers.capacities.accounts;
    return table.subarray(slot * n, (slot + 1) * n) as T;
  }

  /** Views the program in `slot` (version `version`) over the state as it is; no reset. */
  #bindProgram(slot: number, version: number): void {
    const state = this.mem.state;
    this.#programVersion = version;
    this.positionUnits = this.#accountTable(this.mem.positions, slot);
    this.#accountIds = this.#accountTable(this.mem.accountIds, slot);
    const program = version === 0 ? null : programInSlot(this.mem, slot);
    if (program === null) {
      this.#layout = layoutForProgram(null, null);
      this.#bars = [];
      this.#runtime = null;
      this.indicatorValues = state.subarray(0, 0);
      return;
    }
    const { i32, f64 } = program;
    const layout = layoutForProgram(i32, f64);
    this.#layout = layout;
    this.#bars = layout.barOffsets.map((off) => new BarBuilder(state, off));
    this.indicatorValues = state.subarray(layout.valuesOffset, layout.valuesOffset + layout.slots);
    this.#runtime = new ProgramRuntime(i32, f64, state.subarray(layout.ruleOffset, layout.ruleOffset + layout.ruleLength), this);
  }

  /**
   * Switches to the program the supervisor published as `version`, keeping bars and
   * indicators both versions share (hot swap without re-warming or dropping ticks).
   */
  #loadProgram(version: number, migrate: boolean): void {
    const { ctrl, state } = this.mem;
    const slot = Atomics.load(ctrl, Ctrl.PROGRAM_SLOT);
    const old = this.#layout;
    const saved = migrate ? state.slice(0, old.used) : null;
    const program = version === 0 ? null : programInSlot(this.mem, slot);
    if (program !== null) {
      const { i32, f64 } = program;
      const next = layoutForProgram(i32, f64);
      if (next.used > state.length) throw new RangeError(`program needs ${next.used} state words, actor has ${state.length}`);
      next.timeframesMs.forEach((ms, i) => { new BarBuilder(state, next.barOffsets[i], ms); });
      for (const ind of next.indicators) initIndicator(state, ind.stateOffset, ind.spec);
      if (saved !== null) {
        const keep = carriedOver(old, next);
        for (const [from, to] of keep.bars) state.set(saved.subarray(from, from + BAR_BUILDER_SLOTS), to);
        for (const [from, to] of keep.indicators) {
          const n = indicatorStateSize(next.indicators.find((p) => p.stateOffset === to)!.spec);
          state.set(saved.subarray(from, from + n), to);
        }
      }
      state.fill(Number.NaN, next.valuesOffset, next.valuesOffset + next.slots);
      for (const ind of next.indicators) {
        for (let k = 0; k < ind.outputs; k++) state[next.valuesOffset + ind.firstSlot + k] = indicatorOutput(state, ind.stateOffset, k);
      }
      initRuleState(i32, state.subarray(next.ruleOffset, next.ruleOffset + next.ruleLength));
      if (saved !== null && old.ruleLength > 0) {
        const carry = this.mem.carry;
        for (let p = 0; p < carry[Carry.COUNT]; p++) {
          const from = carry[Carry.PAIRS + 2 * p], to = carry[Carry.PAIRS + 2 * p + 1];
          if (from < old.ruleLength && to < next.ruleLength) state[next.ruleOffset + to] = saved[old.ruleOffset + from];
        }
      }
    }
    this.#bindProgram(slot, version);
    Atomics.store(ctrl, Ctrl.PROGRAM_ACK, version);
  }

  /** Copies the state region into the spare snapshot slot, then publishes it (crash-consistent). */
  #takeSnapshot(tickRead: number): void {
    const { ctrl, snapshots, state } = this.mem;
    const slot = Atomics.load(ctrl, Ctrl.SNAP_SLOT) === 0 ? 1 : 0;
    const snap = snapshots[slot];
    const used = this.#layout.used;
    Atomics.add(ctrl, Ctrl.SNAP_GEN, 1);
    snap.set(state.subarray(0, used), SnapshotHeader.COUNT);
    snap[SnapshotHeader.TICK_READ] = tickRead;
    snap[SnapshotHeader.SIG_WRITE] = Atomics.load(ctrl, Ctrl.SIG_WRITE);
    snap[SnapshotHeader.PROGRAM_VERSION] = this.#programVersion;
    snap[SnapshotHeader.STATE_USED] = used;
    snap[SnapshotHeader.LAST_SEQ] = state[StateHeader.LAST_SEQ];
    Atomics.store(ctrl, Ctrl.SNAP_SLOT, slot);
    Atomics.add(ctrl, Ctrl.SNAP_GEN, 1);
    Atomics.store(ctrl, Ctrl.TICK_SNAP_READ, tickRead);
    Atomics.notify(ctrl, Ctrl.TICK_SNAP_READ);
    this.#sinceSnapshot = 0;
  }

  /**
   * Processes up to `max` ticks from the ring. Returns how many it processed.
   * A new program version is picked up between ticks, never inside one.
   */
  step(max: number): number {
    const { ctrl, ticks, tickMask, latency } = this.mem;
    const version = Atomics.load(ctrl, Ctrl.PROGRAM_VERSION);
    if (version !== this.#programVersion) {
      this.#loadProgram(version, true);
      this.#takeSnapshot(Atomics.load(ctrl, Ctrl.TICK_READ));
    }
    let r = Atomics.load(ctrl, Ctrl.TICK_READ);
    const w = Atomics.load(ctrl, Ctrl.TICK_WRITE);
    let n = 0;
    while (r !== w && n < max) {
      const at = (r & tickMask) * TickSlot.STRIDE;
      const timed = (r & TIMING_SAMPLE_MASK) === 0;
      const t0 = timed ? performance.now() : 0;
      this.#onTick(ticks[at + TickSlot.TIME_MS], ticks[at + TickSlot.BID], ticks[at + TickSlot.ASK], ticks[at + TickSlot.SEQ]);
      if (timed) recordNs(latency, (performance.now() - t0) * 1e6);
      r = (r + 1) | 0;
      n++;
      if (++this.#sinceSnapshot >= SNAPSHOT_EVERY_TICKS) {
        Atomics.store(ctrl, Ctrl.TICK_READ, r);
        this.#takeSnapshot(r);
      }
    }
    if (n > 0) Atomics.store(ctrl, Ctrl.TICK_READ, r);
    return n;
  }

  /** Snapshot now (the worker does this before it leaves, so the supervisor's checkpoint is current). */
  flush(): void {
    this.#takeSnapshot(Atomics.load(this.mem.ctrl, Ctrl.TICK_READ));
  }

  #onTick(time: number, bid: number, ask: number, seq: number): void {
    const state = this.mem.state;
    const mid = (bid + ask) / 2;
    this.timeMs = time;
    this.bid = bid;
    this.ask = ask;
    this.mid = mid;
    this.#seq = seq;
    state[StateHeader.LAST_TIME_MS] = time;
    state[StateHeader.LAST_BID] = bid;
    state[StateHeader.LAST_ASK] = ask;
    state[StateHeader.LAST_MID] = mid;
    state[StateHeader.LAST_SEQ] = seq;
    state[StateHeader.TICKS]++;
    const runtime = this.#runtime;
    if (runtime === null) return;
    const bars = this.#bars;
    for (let i = 0; i < bars.length; i++) {
      const b = bars[i];
      if (b.onTick(time, mid)) {
        state[StateHeader.BARS]++;
        this.#updateIndicators(i, b.closedHigh, b.closedLow, b.closedClose);
        runtime.onBarClose(i);
      }
    }
    runtime.onTick();
  }

  #updateIndicators(timeframeIndex: number, high: number, low: number, close: number): void {
    const state = this.mem.state;
    const layout = this.#layout;
    const list = layout.indicatorsByTimeframe[timeframeIndex];
    for (let k = 0; k < list.length; k++) {
      const ind = layout.indicators[list[k]];
      ind.update(state, ind.stateOffset, high, low, close);
      const out = layout.valuesOffset + ind.firstSlot;
      for (let o = 0; o < ind.outputs; o++) state[out + o] = indicatorOutput(state, ind.stateOffset, o);
    }
  }

  /**
   * The instrument-level risk checks (DESIGN §7) of an order for `account`, on its live limits, into the
   * signal record; not run when the node has no risk memory for the account (it has no limits here).
   */
  #checkRisk(account: number, signedUnits: number, signals: Float64Array, at: number): void {
    const id = this.#accountIds[account];
    const risk = id === NO_ACCOUNT ? undefined : this.#accountRisk(id);
    if (risk === undefined) {
      signals[at + SignalSlot.RISK] = RiskCheck.NOT_RUN;
      signals[at + SignalSlot.RISK_LIMIT] = NaN;
      signals[at + SignalSlot.RISK_VALUE] = NaN;
      return;
    }
    let checks = this.#checks.get(risk);
    if (checks === undefined) {
      checks = instrumentChecks(risk, this.mem.instrument);
      this.#checks.set(risk, checks);
    }
    const v = this.#verdict;
    checkInstrumentOrder(checks, this.bid, this.ask, signedUnits, v);
    signals[at + SignalSlot.RISK] = v.reason === null ? RiskCheck.PASSED : RiskCheck.FIRST_REASON + RISK_REASON_CODES.indexOf(v.reason);
    signals[at + SignalSlot.RISK_LIMIT] = v.limit;
    signals[at + SignalSlot.RISK_VALUE] = v.value;
  }

  /** EvalContext sink: one signal record into the signal ring (blocking while the ring is full). */
  emit(actionIndex: number, triggerIndex: number, mode: number, account: number, signedUnits: number): void {
    // Counted also when suppressed: the restored snapshot's counter predates these re-derived signals.
    this.mem.state[StateHeader.SIGNALS]++;
    if (this.#suppress > 0) {
      this.#suppress--;
      return;
    }
    const { ctrl, signals, signalMask } = this.mem;
    const w = Atomics.load(ctrl, Ctrl.SIG_WRITE);
    const capacity = signalMask + 1;
    while (((w - Atomics.load(ctrl, Ctrl.SIG_READ)) | 0) >= capacity && Atomics.load(ctrl, Ctrl.STOP) === 0) {
      Atomics.wait(ctrl, Ctrl.SIG_READ, Atomics.load(ctrl, Ctrl.SIG_READ), 100);
    }
    const at = (w & signalMask) * SignalSlot.STRIDE;
    signals[at + SignalSlot.TICK_SEQ] = this.#seq;
    signals[at + SignalSlot.TIME_MS] = this.timeMs;
    signals[at + SignalSlot.BID] = this.bid;
    signals[at + SignalSlot.ASK] = this.ask;
    signals[at + SignalSlot.ACTION] = actionIndex;
    signals[at + SignalSlot.TRIGGER] = triggerIndex;
    signals[at + SignalSlot.MODE] = mode;
    signals[at + SignalSlot.PROGRAM_VERSION] = this.#programVersion;
    signals[at + SignalSlot.CROSSED] = this.ask < this.bid ? 1 : 0;
    if (mode === SIGNAL_MODE.SIGNAL_AUTO_EXECUTE) this.#checkRisk(account, signedUnits, signals, at);
    else signals[at + SignalSlot.RISK] = RiskCheck.NOT_RUN;
    Atomics.store(ctrl, Ctrl.SIG_WRITE, (w + 1) | 0);
    Atomics.notify(ctrl, Ctrl.SIG_WRITE);
  }
}
