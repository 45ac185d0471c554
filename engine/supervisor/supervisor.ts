import type { Logger } from 'pino';
import { ERROR_CODES, type ErrorCode, PipstreamError } from '../errors/mod.ts';
import {
  type ActorBuffers, type ActorMemory, allocateActorBuffers, attachActorMemory, pushTick, tickRingDrained, tickRingFree, waitForTickRoom, writeProgramSlot,
} from '../memory/actor-memory.ts';
import { type LatencySummary, summarize } from '../memory/histogram.ts';
import { type ActorCapacities, Carry, Ctrl, DEFAULT_CAPACITIES, NO_ACCOUNT, SignalSlot, StateHeader } from '../memory/layout.ts';
import type { AccountRiskMemory } from '../risk/mod.ts';
import { TICK_REJECT_NAMES, TICK_VALIDATOR_SLOT, TickValidator } from '../ticks/mod.ts';
import { compileProgram, type ProgramMeta, type Workflow } from '../workflow/mod.ts';
import { assertInstrumentName } from '../instruments/mod.ts';
import { decodeSignalRecord, type EngineSignal } from './signal-record.ts';
import { WorkerHost } from './worker-host.ts';
import type { FromInstrumentWorker } from '../../actors/instrument/protocol.ts';
import { type ActorCheckpoint, restoreCheckpoint, takeCheckpoint } from './checkpoint.ts';

export interface RejectedTick {
  instrument: string;
  time_ms: number;
  bid: number;
  ask: number;
  seq: number;
  reason: string;
}

export interface SupervisorOptions {
  /** Instruments packed onto one worker thread (default 1: a thread per instrument). */
  instrumentsPerWorker?: number;
  capacities?: ActorCapacities;
  /** Every signal, in order per instrument, exactly once (also across worker restarts). */
  onSignal?: (signal: EngineSignal) => void;
  /** Every tick that failed validation (it changed no state). */
  onRejectedTick?: (tick: RejectedTick) => void;
  logger?: Logger;
}

export interface ActorStats {
  instrument: string;
  worker: number;
  ticks: number;
  bars: number;
  signals: number;
  rejected_ticks: number;
  restarts: number;
  last_tick_ms: number;
  last_bid: number;
  last_ask: number;
  last_seq: number;
  program_version: number;
  tick_handling: LatencySummary;
}

interface Actor {
  instrument: string;
  buffers: ActorBuffers;
  mem: ActorMemory;
  host: WorkerHost;
  validator: TickValidator;
  metas: Map<number, ProgramMeta>;
  attached: Promise<void>;
  onAttached: ((err?: PipstreamError) => void) | null;
  pump: Promise<void>;
  /** Last rejected reason, to log once per burst rather than per tick. */
  rejectBurst: number;
}

/** Restart delay grows while a worker keeps crashing (crash loop), capped. */
const RESTART_DELAY_MS = (recent: number) => Math.min(2000, recent === 0 ? 0 : 10 * 2 ** recent);

/**
 * The supervisor (DESIGN.md §1): places instrument actors on worker threads,
 * owns their SharedArrayBuffers, feeds their tick rings, compiles and swaps their
 * programs, pumps their signals out, restarts crashed workers on the same memory,
 * and checkpoints actor state.
 */
export class Supervisor {
  readonly #actors = new Map<string, Actor>();
  readonly #hosts: WorkerHost[] = [];
  readonly #perWorker: number;
  readonly #capacities: ActorCapacities;
  readonly #opts: SupervisorOptions;
  readonly #recentCrashes = new Map<WorkerHost, number[]>();
  /** The node's number of every account a program or a risk memory named (never reused). */
  readonly #accountIds = new Map<string, number>();
  /** Risk memory by account number: every worker gets all of it. */
  readonly #accountRisk = new Map<number, AccountRiskMemory>();
  /** Signed position units by `<account> <instrument>`, as the trade path last reported them. */
  readonly #positions = new Map<string, number>();
  #stopping = false;

  constructor(opts: SupervisorOptions = {}) {
    this.#opts = opts;
    this.#perWorker = opts.instrumentsPerWorker ?? 1;
    if (!(Number.isInteger(this.#perWorker) && this.#perWorker >= 1)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'instrumentsPerWorker must be an integer >= 1', { instrumentsPerWorker: this.#perWorker });
    }
    this.#capacities = opts.capacities ?? DEFAULT_CAPACITIES;
  }

  get instruments(): string[] { return [...this.#actors.keys()]; }

  /**
   * Starts an actor for `instrument` (idempotent). With `checkpoint`, the actor
   * warm-starts from it (see checkpoint.ts) instead of from nothing.
   */
  async addInstrument(instrument: string, checkpoint?: ActorCheckpoint): Promise<void> {
    assertInstrumentName(instrument);
    const existing = this.#actors.get(instrument);
    if (existing !== undefined) return existing.attached;
    const buffers = allocateActorBuffers(instrument, this.#capacities);
    const mem = attachActorMemory(buffers);
    const validator = new TickValidator();
    const metas = new Map<number, ProgramMeta>();
    if (checkpoint !== undefined) {
      const meta = restoreCheckpoint(mem, checkpoint);
      if (meta !== null) metas.set(Atomics.load(mem.ctrl, Ctrl.PROGRAM_VERSION), meta);
      this.#writeAccountTables(mem, Atomics.load(mem.ctrl, Ctrl.PROGRAM_SLOT), meta);
      validator.state[TICK_VALIDATOR_SLOT.LAST_TIME] = mem.state[StateHeader.LAST_TIME_MS];
    }
    const host = this.#place();
    let onAttached: ((err?: PipstreamError) => void) | null = null;
    const attached = new Promise<void>((resolve, reject) => { onAttached = (err) => (err === undefined ? resolve() : reject(err)); });
    const actor: Actor = {
      instrument, buffers, mem, host, validator, metas, attached, onAttached, pump: Promise.resolve(), rejectBurst: 0,
    };
    this.#actors.set(instrument, actor);
    host.actors.push(buffers);
    if (host.threadId === -1 && host.actors.length === 1) host.start();
    else host.send({ type: 'attach', buffers });
    actor.pump = this.#pumpSignals(actor);
    await attached;
  }

  #place(): WorkerHost {
    const host = this.#hosts.find((h) => h.actors.length < this.#perWorker);
    if (host !== undefined) return host;
    const created = new WorkerHost(this.#hosts.length, {
      onMessage: (h, m) => this.#onWorkerMessage(h, m),
      onCrash: (h, err, code) => this.#onWorkerCrash(h, err, code),
      accounts: () => [...this.#accountRisk].map(([id, memory]) => ({ id, memory })),
    });
    this.#hosts.push(created);
    return created;
  }

  #onWorkerMessage(host: WorkerHost, m: FromInstrumentWorker): void {
    if (m.type === 'account_failed') {
      this.#opts.logger?.error({ code: m.code, worker: host.id, account: this.#accountName(m.id), err: m.message },
        'instrument worker could not attach an account\'s risk memory; execution runs that account\'s instrument checks');
    } else if (m.type === 'attached') {
      const a = this.#actors.get(m.instrument);
      a?.onAttached?.();
      if (a !== undefined) a.onAttached = null;
    } else if (m.type === 'failed') {
      // The actor never ran: forget it, so the caller may add the instrument again (e.g. cold).
      const a = this.#actors.get(m.instrument);
      if (a === undefined) return;
      this.#actors.delete(m.instrument);
      a.host.actors.splice(a.host.actors.indexOf(a.buffers), 1);
      Atomics.store(a.mem.ctrl, Ctrl.STOP, 1);
      a.onAttached?.(new PipstreamError(isErrorCode(m.code) ? m.code : 'PS_WORKER_CRASHED',
        `instrument actor ${m.instrument} failed to start: ${m.message}`, { instrument: m.instrument }));
    }
  }

  #onWorkerCrash(host: WorkerHost, err: Error | null, exitCode: number): void {
    if (this.#stopping) return;
    const now = Date.now();
    const recent = (this.#recentCrashes.get(host) ?? []).filter((t) => now - t < 10_000);
    recent.push(now);
    this.#recentCrashes.set(host, recent);
    for (const b of host.actors) Atomics.add(new Int32Array(b.ctrl), Ctrl.RESTARTS, 1);
    const instruments = host.actors.map((b) => b.instrument);
    this.#opts.logger?.warn({ code: 'PS_WORKER_CRASHED', worker: host.id, instruments, exitCode, err: err?.message },
      'instrument worker exited unexpectedly; restarting it on the same memory');
    setTimeout(() => { if (!this.#stopping) host.start(); }, RESTART_DELAY_MS(recent.length - 1));
  }

  #actor(instrument: string): Actor {
    const a = this.#actors.get(instrument);
    if (a === undefined) throw new PipstreamError('PS_BAD_ARGUMENT', `no actor for instrument ${instrument}`, { instrument });
    return a;
  }

  /**
   * Compiles the workflows covering `instrument` into one program and swaps it in
   * atomically. Resolves with the new program version once the actor runs it.
   */
  async setWorkflows(instrument: string, workflows: Workflow[]): Promise<number> {
    const a = this.#actor(instrument);
    const { ctrl } = a.mem;
    // Never overwrite the slot of a version the worker has not picked up yet.
    while (Atomics.load(ctrl, Ctrl.PROGRAM_ACK) !== Atomics.load(ctrl, Ctrl.PROGRAM_VERSION)) await sleep(1);
    const version = Atomics.load(ctrl, Ctrl.PROGRAM_VERSION) + 1;
    const covering = workflows.filter((w) => w.instruments.includes(instrument) && w.enabled !== false);
    // No workflow left: an empty program (length 0), so versions stay monotonic.
    const program = covering.length === 0 ? null : compileProgram(covering, instrument, {
      maxI32: this.#capacities.programI32, maxF64: this.#capacities.programF64,
    });
    const slot = 1 - Atomics.load(ctrl, Ctrl.PROGRAM_SLOT);
    if (program !== null && program.meta.accounts.length > this.#capacities.accounts) {
      throw new PipstreamError('PS_PROGRAM_TOO_LARGE', `workflows of ${program.meta.accounts.length} accounts cover ${instrument}; an actor takes ${this.#capacities.accounts}`,
        { instrument, accounts: program.meta.accounts.length });
    }
    writeCarry(a.mem.carry, a.metas.get(version - 1) ?? null, program?.meta ?? null);
    writeProgramSlot(a.mem, slot, program);
    this.#writeAccountTables(a.mem, slot, program?.meta ?? null);
    if (program !== null) a.metas.set(version, program.meta);
    Atomics.store(ctrl, Ctrl.PROGRAM_SLOT, slot);
    Atomics.store(ctrl, Ctrl.PROGRAM_VERSION, version);
    a.host.ring();
    while (Atomics.load(ctrl, Ctrl.PROGRAM_ACK) !== version && !this.#stopping) await sleep(1);
    return version;
  }

  #accountId(account: string): number {
    let id = this.#accountIds.get(account);
    if (id === undefined) {
      id = this.#accountIds.size;
      this.#accountIds.set(account, id);
    }
    return id;
  }

  #accountName(id: number): string | undefined {
    for (const [name, n] of this.#accountIds) if (n === id) return name;
    return undefined;
  }

  /** A program slot's account numbers and positions, written before the program is published. */
  #writeAccountTables(mem: ActorMemory, slot: number, meta: ProgramMeta | null): void {
    const n = this.#capacities.accounts;
    const ids = mem.accountIds.subarray(slot * n, (slot + 1) * n);
    const positions = mem.positions.subarray(slot * n, (slot + 1) * n);
    ids.fill(NO_ACCOUNT);
    positions.fill(0);
    meta?.accounts.forEach((account, i) => {
      ids[i] = this.#accountId(account);
      positions[i] = this.#positions.get(`${account} ${mem.instrument}`) ?? 0;
    });
  }

  /**
   * Gives every instrument actor the account's risk memory (DESIGN §5): from then on the actors run the
   * instrument-level checks of its auto-execute signals on its live limits. Idempotent; the memory of an
   * account is fixed once given.
   */
  attachAccountRisk(account: string, memory: AccountRiskMemory): void {
    const id = this.#accountId(account);
    const had = this.#accountRisk.get(id);
    if (had === memory) return;
    if (had !== undefined) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `account ${account} already has risk memory on this node`, { account });
    }
    this.#accountRisk.set(id, memory);
    for (const h of this.#hosts) h.send({ type: 'account', id, memory });
  }

  /**
   * The account's signed position units on `instrument` (a fill changed it): what the instrument's
   * `position` conditions see from the next tick on.
   */
  setPosition(account: string, instrument: string, units: number): void {
    this.#positions.set(`${account} ${instrument}`, units);
    const a = this.#actors.get(instrument);
    const id = this.#accountIds.get(account);
    if (a === undefined || id === undefined) return;
    // Both slots: the worker may still run the previous program, or pick up the next one any moment.
    const { accountIds, positions } = a.mem;
    for (let i = 0; i < accountIds.length; i++) if (accountIds[i] === id) positions[i] = units;
  }

  /**
   * Validates a tick and puts it into the actor's ring. Returns 'ok', 'full'
   * (nothing written: wait with `room()` and push again) or 'rejected'.
   * Call `wake()` after a batch of pushes.
   */
  push(instrument: string, timeMs: number, bid: number, ask: number, seq: number): 'ok' | 'full' | 'rejected' {
    const a = this.#actor(instrument);
    if (tickRingFree(a.mem) <= 0) return 'full';
    const reason = a.validator.check(timeMs, bid, ask);
    if (reason !== 0) {
      this.#reject(a, timeMs, bid, ask, seq, reason);
      return 'rejected';
    }
    a.rejectBurst = 0;
    pushTick(a.mem, timeMs, bid, ask, seq);
    return 'ok';
  }

  #reject(a: Actor, timeMs: number, bid: number, ask: number, seq: number, reason: number): void {
    const name = TICK_REJECT_NAMES[reason];
    if (a.rejectBurst === 0) {
      this.#opts.logger?.warn({ code: 'PS_BAD_TICK', instrument: a.instrument, reason: name, seq, time_ms: timeMs },
        'rejected tick (further rejections in this burst are counted, not logged)');
    }
    a.rejectBurst++;
    this.#opts.onRejectedTick?.({ instrument: a.instrument, time_ms: timeMs, bid, ask, seq, reason: name });
  }

  /** Pushes one tick, waiting for ring space if needed. */
  async feed(instrument: string, timeMs: number, bid: number, ask: number, seq: number): Promise<'ok' | 'rejected'> {
    for (;;) {
      const r = this.push(instrument, timeMs, bid, ask, seq);
      if (r !== 'full') return r;
      this.wake(instrument);
      await this.room(instrument);
    }
  }

  /** Rings the doorbell of the instrument's worker. */
  wake(instrument: string): void { this.#actor(instrument).host.ring(); }

  /** Resolves when the instrument's ring has space again (or after 100 ms). */
  room(instrument: string): Promise<void> { return waitForTickRoom(this.#actor(instrument).mem, 100); }

  /** Resolves when every tick pushed so far is processed and its signals delivered to onSignal. */
  async drain(instrument: string): Promise<void> {
    const a = this.#actor(instrument);
    a.host.ring();
    while (!(tickRingDrained(a.mem) && Atomics.load(a.mem.ctrl, Ctrl.SIG_READ) === Atomics.load(a.mem.ctrl, Ctrl.SIG_WRITE))) {
      await sleep(1);
    }
  }

  /** Delivers signals from the actor's ring, in order, across worker restarts. */
  async #pumpSignals(a: Actor): Promise<void> {
    const { ctrl, signals, signalMask } = a.mem;
    while (!this.#stopping || Atomics.load(ctrl, Ctrl.SIG_READ) !== Atomics.load(ctrl, Ctrl.SIG_WRITE)) {
      let r = Atomics.load(ctrl, Ctrl.SIG_READ);
      const w = Atomics.load(ctrl, Ctrl.SIG_WRITE);
      while (r !== w) {
        const at = (r & signalMask) * SignalSlot.STRIDE;
        const meta = a.metas.get(signals[at + SignalSlot.PROGRAM_VERSION]);
        if (meta !== undefined) this.#opts.onSignal?.(decodeSignalRecord(a.instrument, signals, at, meta));
        r = (r + 1) | 0;
        Atomics.store(ctrl, Ctrl.SIG_READ, r);
      }
      Atomics.notify(ctrl, Ctrl.SIG_READ);
      if (this.#stopping) continue;
      const wait = Atomics.waitAsync(ctrl, Ctrl.SIG_WRITE, w, 250);
      if (wait.async) await wait.value;
    }
  }

  stats(instrument: string): ActorStats {
    const a = this.#actor(instrument);
    // The live state is written by the worker without locks; counters are plain
    // float64 words, so a racing read is at worst one tick old.
    const s = a.mem.state;
    return {
      instrument,
      worker: a.host.id,
      ticks: s[StateHeader.TICKS],
      bars: s[StateHeader.BARS],
      signals: s[StateHeader.SIGNALS],
      rejected_ticks: a.validator.rejectedTotal,
      restarts: Atomics.load(a.mem.ctrl, Ctrl.RESTARTS),
      last_tick_ms: s[StateHeader.LAST_TIME_MS],
      last_bid: s[StateHeader.LAST_BID],
      last_ask: s[StateHeader.LAST_ASK],
      last_seq: s[StateHeader.LAST_SEQ],
      program_version: Atomics.load(a.mem.ctrl, Ctrl.PROGRAM_ACK),
      tick_handling: summarize(a.mem.latency),
    };
  }

  /** Kills the instrument's worker thread abruptly (it is restarted on the same memory). */
  async killWorker(instrument: string): Promise<void> {
    await this.#actor(instrument).host.kill();
  }

  /** A consistent copy of the actor's newest snapshot, with its program (see checkpoint.ts). */
  checkpoint(instrument: string): ActorCheckpoint {
    const a = this.#actor(instrument);
    return takeCheckpoint(a.mem, a.metas);
  }

  /** Drains every ring, lets workers snapshot and exit, and delivers the last signals. */
  async stop(): Promise<void> {
    for (const a of this.#actors.values()) await this.drain(a.instrument);
    this.#stopping = true;
    await Promise.all(this.#hosts.map((h) => h.stop()));
    for (const a of this.#actors.values()) Atomics.notify(a.mem.ctrl, Ctrl.SIG_WRITE);
    await Promise.all([...this.#actors.values()].map((a) => a.pump));
  }
}

const isErrorCode = (c: string): c is ErrorCode => c in ERROR_CODES;

/**
 * Which rule-state words survive a swap: those of triggers with the same state key (same workflow,
 * node and operand) and of actions with the same key (cooldowns), so a new version of a workflow
 * neither loses a crossing on its first bar nor re-fires inside a cooldown.
 */
function writeCarry(carry: Int32Array, from: ProgramMeta | null, to: ProgramMeta | null): void {
  let n = 0;
  if (from !== null && to !== null) {
    const old = new Map<string, { stateOffset: number; stateLength: number }>();
    for (const t of from.triggers) old.set(`t:${t.stateKey}`, t);
    for (const a of from.actions) old.set(`a:${a.stateKey}`, { stateOffset: a.stateOffset, stateLength: 1 });
    const pairs = (key: string, stateOffset: number, stateLength: number) => {
      const o = old.get(key);
      if (o === undefined || o.stateLength !== stateLength) return;
      for (let k = 0; k < stateLength; k++) {
        if (Carry.PAIRS + 2 * n + 1 >= carry.length) {
          throw new PipstreamError('PS_PROGRAM_TOO_LARGE', `more than ${(carry.length - 1) / 2} rule-state words to carry over`);
        }
        carry[Carry.PAIRS + 2 * n] = o.stateOffset + k;
        carry[Carry.PAIRS + 2 * n + 1] = stateOffset + k;
        n++;
      }
    };
    for (const t of to.triggers) pairs(`t:${t.stateKey}`, t.stateOffset, t.stateLength);
    for (const a of to.actions) pairs(`a:${a.stateKey}`, a.stateOffset, 1);
  }
  carry[Carry.COUNT] = n;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

