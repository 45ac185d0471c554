/**
 * The execution actor (DESIGN.md §3, §8): SIGNAL_AUTO_EXECUTE signals from SIGNALS become broker
 * orders, exactly one per signal id under redelivery, duplicates and restarts.
 *
 * Per signal: risk checks and reserve (shared memory) -> claim `pipstream:order:<signalId>` in Redis
 * with the decision (SET NX PX: SUBMITTED, or RISK_REJECTED) -> journal RISK and SUBMITTED -> broker
 * (order id = orderIdFor(signal), so the broker's client id dedupes a resubmission) -> commit/release ->
 * journal the outcome on `orders.lifecycle.<account>` (msgIds `<orderId>:<state>`) -> once every journal
 * write is acked, record the outcome in Redis (compare-and-set) -> ack the signal.
 * Signals arrive one by one but execute in waves: those queued while one callback's work runs, or while
 * the claim calls in flight are answered (at most WAVE_MAX), are decided together, with one claim call, one group-committed journal write per subject
 * (`coalesce`: one JetStream message whose batch dedupe id derives from these msgIds) and one record call.
 * With a broker that answers synchronously (the paper broker's `fill`) a wave goes from claim to journal in
 * one pass, with no promise per order.
 * A signal whose claim exists is a duplicate: its reservation is released at once, and a settled record
 * gives back the recorded outcome (journaled again if that never completed), never a second order. The
 * consumer looks the record up before risk, so a redelivery takes no rate token.
 * A record owned by another actor is a lease: once it expires (the owner died) it is taken over by
 * compare-and-set; a SUBMITTED record is resubmitted with the same order id (the broker returns the
 * original outcome), without risk checks, because the order was already decided.
 */
import type { Bus, BusConsumer, BusMsg, DeliverFrom } from '../../engine/bus/mod.ts';
import { decodeSignalEvent, newEventId, wallMs } from '../../engine/events/mod.ts';
import { deadLetterMessage } from '../../engine/events/dead-letter.ts';
import { orderUpdateMessage, riskDecisionMessage } from '../../engine/events/trade.ts';
import { isPipstreamError, PipstreamError } from '../../engine/errors/mod.ts';
import {
  type AccountRisk, applyLimits, checkInstrumentOrder, checkSignalAge, commit, createAccountRisk, ensureInstrumentSlot, type InstrumentChecks, instrumentChecks, release, reserve,
  Reservation, RISK_REASON_CODES, RiskReason, type RiskLimits, RiskVerdict,
} from '../../engine/risk/mod.ts';
import { engineSignalOf } from '../../engine/node/journal.ts';
import { type Redis, redisFailure } from '../../engine/store/mod.ts';
import type { EngineSignal } from '../../engine/supervisor/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import { type Broker, BROKER_REASON, type BrokerReason, type OrderOutcome, orderIdFor, type OrderRequest } from './broker.ts';
import {
  decodeRecord, encodeRecord, type LifecycleEvent, type LifecycleState, lifecycleEvents, type OrderRecord, type OrderSignal, orderKey, outcomeEvent, ownerOf,
  RecordWrites, type RecordedRisk, riskDecision, SETTLED_STATES,
} from './order-record.ts';

export type { LifecycleEvent, LifecycleState, OrderRecord, OrderSignal } from './order-record.ts';
export { orderKey } from './order-record.ts';

/** A signal whose execution failed is handed to the consumer's handler again after 1 s, 2 s, 4 s, ... at most 30 s (BusMsg.retryIn). */
const RETRY_FIRST_MS = 1000, RETRY_MAX_MS = 30_000;

export interface ExecutionActorOptions {
  bus: Bus;
  redis: Redis;
  broker: Broker;
  /**
   * Limits for every account (or only `limits.account`); `instruments` are the risk slots (default
   * limits.instruments). Without `limits`, accounts trade without limits until applyLimits() gives them some.
   */
  risk?: { limits?: RiskLimits; instruments?: readonly string[] };
  /**
   * Only these accounts' signals from SIGNALS (one account: the consumer filters on its subject), or the
   * accounts a predicate accepts at the time (a node: the accounts of its workflows). Default: all.
   */
  accounts?: readonly string[] | ((account: string) => boolean);
  /** Durable consumer name. Default `execution`. */
  durable?: string;
  /** Where a new durable consumer starts on SIGNALS. Default 'all'. */
  deliver?: DeliverFrom;
  /** Life of the Redis order record, i.e. how long a duplicate signal is recognised. Default 24 h. */
  idempotencyTtlMs?: number;
  /** How long a claim protects an in-flight signal from other actors; keep above the broker timeout. Default 30 s. */
  claimLeaseMs?: number;
  /** Failures that leave a signal unacked (redelivered later) and poison messages sent to `.dlq`. */
  onError?: (err: PipstreamError) => void;
  /**
   * Consume SIGNALS (default true). A node that hands signals over in memory (DESIGN.md §2) keeps the
   * consumer as its recovery path: a signal journaled but never executed (a crash) still gets its order,
   * and the ones executed in memory come back as duplicates, acked at once while this actor remembers
   * settling them (the last SETTLED_KEPT or more), else after one Redis read.
   */
  consume?: boolean;
  /** Each order this actor settles (not duplicates): where the portfolio learns of fills. */
  onSettled?: (signal: OrderSignal, result: ExecutionResult) => void;
  /** The broker's answer to an order, as it arrives (before it is journaled). */
  onOutcome?: (signal: OrderSignal, outcome: OrderOutcome) => void;
  /**
   * An account got a budget (its first limits), before any order is checked against it: the caller sets
   * what the account already holds (adoptPosition, adoptOpenTrades), which the new budget cannot know.
   */
  onBudget?: (account: string, risk: AccountRisk) => void;
}

export interface ExecutionResult {
  orderId: string;
  state: LifecycleState;
  /** Every lifecycle event of the order, in order (the last one is the outcome). */
  events: LifecycleEvent[];
  /** True when the signal had already been executed (or taken over): nothing new was decided. */
  duplicate: boolean;
}

export interface ExecutionActor {
  /** Runs one signal through the exactly-once path (what the consumer does, minus the ack). */
  execute(signal: OrderSignal): Promise<ExecutionResult>;
  /**
   * execute() without a promise: `done` gets the result or the error. Signals queued (or executed) while one
   * callback's work runs are decided together, as one wave (one claim call, one journal write per subject,
   * one record call).
   */
  queue(signal: OrderSignal, done: ExecutionDone): void;
  /**
   * One SIGNALS message handled as this actor's own consumer would (looked up, executed, acked; a
   * malformed one dead-lettered): for a node that reads SIGNALS once for all its actors.
   */
  deliver(msg: BusMsg): Promise<void>;
  /**
   * The consumer's signals so far: acked (of which `duplicates` of an executed signal, `skipped` not orders and
   * `foreign` of accounts this actor does not trade) and failed (retried later).
   */
  stats(): { acked: number; duplicates: number; skipped: number; foreign: number; failed: number };
  /** The account's risk budget (null without limits for it). */
  riskOf(account: string): AccountRisk | null;
  /**
   * New limits for an account, in force for the next order on every thread (its counters stay); null
   * removes every limit (the budget keeps counting). Needs `risk.instruments` (or the limits' own).
   */
  applyLimits(account: string, limits: RiskLimits | null): void;
  /**
   * The node started trading `instrument`: every account's budget gets a slot for it (now, and at creation
   * for accounts that come later), so its orders are checked against the limits instead of having no slot.
   */
  addInstrument(instrument: string): void;
  /** Stops consuming; resolves once no signal is being handled. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 3600_000;

/**
 * Orders per wave. A larger burst is cut into several waves, which overlap: while one waits for Redis or
 * JetStream, the next is being decided.
 */
const WAVE_MAX = 256;
/**
 * Waves whose claim call may await Redis at once. Orders that arrive one by one (a live feed) would each be
 * a wave of one, with its own Redis calls and journal messages; while the claims in flight are answered,
 * they gather instead (group commit), so under load the waves grow and cost less per order, and when
 * idle an order waits for no one.
 */
const CLAIMS_IN_FLIGHT = 2;

interface AccountLimits { risk: AccountRisk; checks: Map<string, InstrumentChecks>; limitsJson: string; limitsVersion: number }

/** The order a signal asks for, or why it is none: `skip` (not an order signal), `poison` (malformed). */
export function orderSignalFromEngine(s: EngineSignal): OrderSignal | { skip: string } | { poison: string } {
  if (!s.id || !s.account || !s.instrument) return { poison: 'signal without id, account or instrument' };
  if (s.type !== 'SIGNAL_AUTO_EXECUTE') return { skip: 'not SIGNAL_AUTO_EXECUTE' };
  const units = s.units ?? 0;
  if (s.side === null || !Number.isSafeInteger(units) || units <= 0 || !Number.isFinite(s.time_ms)) {
    return { poison: `signal ${s.id}: no side, bad units or time` };
  }
  const pre = s.risk_check ?? null;
  if (pre !== null && !pre.approved && (pre.reason === null || !RISK_REASON_CODES.includes(pre.reason))) {
    return { poison: `signal ${s.id}: a risk check that rejected without a known reason (${String(pre.reason)})` };
  }
  const order: OrderSignal = {
    id: s.id, account: s.account, instrument: s.instrument, side: s.side, units, timeMs: s.time_ms, bid: s.bid, ask: s.ask,
    stopLossPips: s.stop_loss_pips, takeProfitPips: s.take_profit_pips, workflowId: s.workflow_id, workflowVersion: s.workflow_version,
    instrumentRisk: pre,
  };
  if (s.expiry_s !== null) {
    if (!(Number.isFinite(s.expiry_s) && s.expiry_s > 0)) return { poison: `signal ${s.id}: expiry_s ${s.expiry_s} is not a positive number of seconds` };
    order.timeInForceMs = s.expiry_s * 1000;
  }
  return order;
}

/** The order-relevant part of a SIGNALS message, or a reason it is not one. */
export function orderSignalOf(data: Uint8Array): OrderSignal | { skip: string } | { poison: string } {
  let e;
  try {
    e = decodeSignalEvent(data);
  } catch (err) {
    return { poison: `undecodable signal: ${(err as Error).message}` };
  }
  if (!e.signal) return { poison: 'signal without payload' };
  const order = orderSignalFromEngine(engineSignalOf(e.signal));
  const madeUs = Number(e.envelope?.ingestTsUs ?? 0);
  if ('id' in order && madeUs > 0) order.madeAtMs = madeUs / 1000;
  return order;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The broker reason of a refusal that certainly sent nothing (open breaker, full bulkhead), else null. */
function refusedUnsent(err: unknown): BrokerReason | null {
  if (!isPipstreamError(err) || err.details.outcomeUnknown === true) return null;
  const reason = err.details.reason;
  if (err.code === 'PS_BROKER_UNAVAILABLE' && reason === BROKER_REASON.BROKER_UNAVAILABLE) return BROKER_REASON.BROKER_UNAVAILABLE;
  if (err.code === 'PS_BROKER_BUSY' && reason === BROKER_REASON.BROKER_BUSY) return BROKER_REASON.BROKER_BUSY;
  return null;
}

/** How a queued execution reports: an error, or the result. */
export type ExecutionDone = (err: unknown, result: ExecutionResult | null) => void;

/** The result that `start` reports to its ExecutionDone, as a promise (for the callers that await one). */
function promised(start: (done: ExecutionDone) => void): Promise<ExecutionResult> {
  return new Promise((resolve, reject) => start((err, r) => (r !== null ? resolve(r) : reject(err))));
}

/**
 * Signals whose settling an actor remembers at least (up to twice as many, ~6 MB of ids): the recovery
 * consumer lags by far fewer.
 */
const SETTLED_KEPT = 32_768;

/**
 * One signal on its way through a wave: the record as this actor last wrote it (stamp, rec), and where
 * the result goes. A job registered in `inflight` (`own`) also answers the concurrent callers of its id.
 */
interface Job {
  signal: OrderSignal;
  /** Its record's Redis key. */
  key: string;
  done: ExecutionDone;
  own: boolean;
  waiters: ExecutionDone[] | null;
  stamp: string;
  rec: OrderRecord;
  duplicate: boolean;
  /** The settled record once the outcome is known, and its lifecycle events. */
  final: OrderRecord | null;
  events: LifecycleEvent[] | null;
  /** The broker call failed with the outcome unknown: reported once the journal writes are done. */
  error: PipstreamError | null;
}

/**
 * The journal writes of one wave, counted as they are made: once the wave is sealed (every broker answer
 * in) and every write answered, `then` runs once, with the first failure or null. One callback for the
 * wave instead of a promise per message (four per order).
 */
class WaveJournal {
  #pending = 0;
  #sealed = false;
  #error: PipstreamError | null = null;
  readonly #then: (err: PipstreamError | null) => void;
  /** The answer to each write. */
  readonly acked = (err: PipstreamError | null): void => {
    if (err !== null) this.#error ??= err;
    if (--this.#pending === 0 && this.#sealed) this.#then(this.#error);
  };

  constructor(then: (err: PipstreamError | null) => void) {
    this.#then = then;
  }

  add(): void {
    this.#pending++;
  }

  /** No more writes: the wave's broker answers are all in. */
  seal(): void {
    this.#sealed = true;
    if (this.#pending === 0) this.#then(this.#error);
  }
}

export async function startExecutionActor(o: ExecutionActorOptions): Promise<ExecutionActor> {
  const { bus, broker, redis } = o;
  const ttl = o.idempotencyTtlMs ?? DAY_MS;
  const lease = o.claimLeaseMs ?? 30_000;
  for (const [k, v] of [['idempotencyTtlMs', ttl], ['claimLeaseMs', lease]] as const) {
    if (!(Number.isSafeInteger(v) && v > 0)) throw new PipstreamError('PS_BAD_ARGUMENT', `execution actor: ${k} must be a positive integer`, { [k]: v });
  }
  const records = new RecordWrites(redis, ttl);
  const limits = o.risk?.limits ?? null;
  const riskInstruments = o.risk?.instruments ?? limits?.instruments;
  if (limits !== null && riskInstruments === undefined) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'execution actor: risk limits need the instruments to keep budget slots for', {});
  }
  /** The instruments every account's budget has a slot for: the configured ones, then each addInstrument(). */
  const slotNames: string[] = [...(riskInstruments ?? [])];
  /** Accounts whose limits were applied explicitly (they override `limits`, including its `account`). */
  const applied = new Set<string>();
  const owner = newEventId();
  let stamps = 0;
  const stamp = () => `${owner}.${(stamps++).toString(36)}`;
  const accounts = o.accounts === undefined || typeof o.accounts === 'function' ? null : new Set(o.accounts);
  const owns = typeof o.accounts === 'function' ? o.accounts : accounts === null ? () => true : (a: string) => accounts.has(a);
  const byAccount = new Map<string, AccountLimits>();
  /** Reservations of orders this actor submitted whose outcome it has not settled (broker call failed). */
  const pending = new Map<string, Reservation>();
  const verdict = new RiskVerdict();
  /** Signals being executed here, by id: a concurrent call for the same id waits for the first. */
  const inflight = new Map<string, Job>();
  /**
   * Signals settled here lately, their redelivery needs no Redis read: two generations, the older dropped
   * whole when the newer is full. (A ring that deleted the oldest id per new one cost ~3x as much per order.)
   */
  let settled = new Set<string>();
  let settledBefore = new Set<string>();
  const idleWaiters: Array<() => void> = [];
  /** Signals waiting to be decided, in arrival order from `gatheredHead` on: the next waves. */
  let gathered: Job[] = [];
  let gatheredHead = 0;
  let flushScheduled = false;
  /** Claim calls awaiting Redis (at most CLAIMS_IN_FLIGHT): signals arriving meanwhile gather into the next wave. */
  let claiming = 0;
  const counts = { acked: 0, duplicates: 0, skipped: 0, foreign: 0, failed: 0 };
  let stopped = false;

  function limitsFor(account: string): AccountLimits | null {
    let a = byAccount.get(account);
    if (a !== undefined) {
      // Limits changed since (applyLimits, here or on another thread): journal the ones in force.
      if (a.limitsVersion !== a.risk.limitsVersion) {
        a.limitsVersion = a.risk.limitsVersion;
        a.limitsJson = JSON.stringify(a.risk.limits);
      }
      return a;
    }
    if (applied.has(account) || limits === null || (limits.account !== undefined && limits.account !== account)) return null;
    return create(account, limits);
  }

  function create(account: string, l: RiskLimits): AccountLimits {
    const risk = createAccountRisk(l, slotNames);
    const a = { risk, checks: new Map(), limitsJson: JSON.stringify(risk.limits), limitsVersion: risk.limitsVersion };
    byAccount.set(account, a);
    o.onBudget?.(account, risk);
    return a;
  }

  function applyAccountLimits(account: string, next: RiskLimits | null): void {
    if (slotNames.length === 0) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'execution actor: applying limits needs risk.instruments or addInstrument() (the budget slots)', { account });
    }
    applied.add(account);
    const a = byAccount.get(account);
    if (a !== undefined) applyLimits(a.risk, next ?? {});
    else if (next !== null) create(account, next);
  }

  /** RISK decision first (from 0), then the lifecycle events from `from`; msgIds make a repeat (after a takeover) a no-op. */
  function publishJournal(rec: OrderRecord, signal: OrderSignal, from: number, events: LifecycleEvent[], journal: WaveJournal): void {
    if (from === 0) {
      const m = riskDecisionMessage(riskDecision(rec, signal));
      journal.add();
      bus.publishAcked(m.subject, m.data, { msgId: m.msgId, coalesce: true }, journal.acked);
    }
    for (let i = Math.max(0, from - 1); i < events.length; i++) {
      const m = orderUpdateMessage(events[i]!);
      journal.add();
      bus.publishAcked(m.subject, m.data, { msgId: m.msgId, coalesce: true }, journal.acked);
    }
  }

  /** Writes `next` over the record last written with `prevStamp`; the new stamp, or null when another actor owns it now. */
  async function advance(prevStamp: string, next: OrderRecord, signal: OrderSignal): Promise<string | null> {
    const s = stamp();
    const [written] = await records.compareAndSet([orderKey(signal.id)], [prevStamp], [encodeRecord(s, next)]);
    return written ? s : null;
  }

  function lost(signal: OrderSignal): PipstreamError {
    return new PipstreamError('PS_ORDER_CLAIM_LOST', `signal ${signal.id}: another execution actor took the order over`,
      { signalId: signal.id });
  }

  function result(rec: OrderRecord, signal: OrderSignal, duplicate: boolean, events = lifecycleEvents(rec, signal, broker.name)): ExecutionResult {
    return { orderId: rec.orderId, state: rec.state, events, duplicate };
  }

  /**
   * Risk checks and reservation: the recorded decision, with `res` pending when approved under limits. The
   * instrument-level checks are the instrument actor's when it ran them (on the signal's tick), else run here.
   */
  function checkRisk(signal: OrderSignal, res: Reservation): RecordedRisk {
    const pre = signal.instrumentRisk ?? null;
    const a = limitsFor(signal.account);
    if (pre !== null && !pre.approved) {
      return { approved: false, reason: pre.reason, limit: pre.limit, value: pre.value, limitsJson: a?.limitsJson ?? '' };
    }
    // An order past its time in force is refused whatever the account's limits, before any budget is reserved.
    const expired = signal.timeInForceMs !== undefined && wallMs() - signal.timeMs > signal.timeInForceMs;
    if (expired) {
      verdict.reject(RiskReason.ORDER_EXPIRED, signal.timeInForceMs!, Math.round(wallMs() - signal.timeMs));
      const j = verdict.toJSON();
      return { approved: false, reason: j.reason, limit: j.limit, value: j.value, limitsJson: a?.limitsJson ?? '' };
    }
    if (a === null) return { approved: true, reason: null, limit: null, value: null, limitsJson: '' };
    const signed = signal.side === 'buy' ? signal.units : -signal.units;
    let v: RiskVerdict = verdict;
    // A stale signal is refused before any budget is reserved.
    const fresh = signal.madeAtMs === undefined || checkSignalAge(a.risk, Math.round(wallMs() - signal.madeAtMs), verdict);
    if (fresh && (pre !== null ? verdict.pass() : checkInstrumentOrder(checksOf(a, signal.instrument), signal.bid, signal.ask, signed, verdict))) {
      const slot = a.risk.slotOf(signal.instrument);
      if (slot < 0) verdict.reject(RiskReason.INSTRUMENT_NOT_ALLOWED, NaN, NaN);
      else v = reserve(a.risk, slot, signed, signal.timeMs, res);
    }
    const j = v.toJSON();
    return { approved: v.ok, reason: j.reason, limit: j.limit, value: j.value, limitsJson: a.limitsJson };
  }

  function addInstrument(instrument: string): void {
    if (!slotNames.includes(instrument)) slotNames.push(instrument);
    for (const [account, a] of byAccount) {
      if (ensureInstrumentSlot(a.risk, instrument) < 0) {
        o.onError?.(new PipstreamError('PS_BAD_ARGUMENT', `account ${account} has no free risk slot for ${instrument} (all ` +
          `${a.risk.memory.capacity} named): its orders there are INSTRUMENT_NOT_ALLOWED`, { account, instrument }));
      }
    }
  }

  /** Instrument checks built on the account's shared memory: they follow applyLimits() on any thread. */
  function checksOf(a: AccountLimits, instrument: string): InstrumentChecks {
    let checks = a.checks.get(instrument);
    if (checks === undefined) {
      checks = instrumentChecks(a.risk, instrument);
      a.checks.set(instrument, checks);
    }
    return checks;
  }

  function job(signal: OrderSignal, done: ExecutionDone, own: boolean, stampNow = '', rec: OrderRecord | null = null, duplicate = false): Job {
    return { signal, key: orderKey(signal.id), done, own, waiters: null, stamp: stampNow, rec: rec!, duplicate, final: null, events: null, error: null };
  }

  /** The end of a job: the result (reported to onSettled unless a duplicate) or the error, to its caller and the waiting ones. */
  function finish(j: Job, err: unknown, r: ExecutionResult | null): void {
    if (!j.own) {
      answer(j.done, err, r);
      return;
    }
    inflight.delete(j.signal.id);
    if (r !== null) remember(j.signal.id);
    if (r !== null && !r.duplicate && o.onSettled !== undefined) {
      try {
        o.onSettled(j.signal, r);
      } catch (e) {
        err = e;
        r = null;
      }
    }
    answer(j.done, err, r);
    if (j.waiters !== null) for (const w of j.waiters) answer(w, err, r === null ? null : { ...r, duplicate: true });
    if (inflight.size === 0) for (const w of idleWaiters.splice(0)) w();
  }

  function remember(id: string): void {
    if (settled.size >= SETTLED_KEPT) {
      settledBefore = settled;
      settled = new Set();
    }
    settled.add(id);
  }

  /** A caller's callback: one that throws must not keep the rest of the wave from its answers, so its error is rethrown apart. */
  function answer(done: ExecutionDone, err: unknown, r: ExecutionResult | null): void {
    try {
      done(err, r);
    } catch (e) {
      queueMicrotask(() => { throw e; });
    }
  }

  /**
   * The promise-free execute(): the signal joins the wave of this callback's work, and `done` gets its
   * result. `lookup`: the record may exist already (a redelivery), so it is read before any risk is taken.
   */
  function queue(signal: OrderSignal, done: ExecutionDone, lookup = false): void {
    const running = inflight.get(signal.id);
    if (running !== undefined) {
      (running.waiters ??= []).push(done);
      return;
    }
    const j = job(signal, done, true);
    inflight.set(signal.id, j);
    if (lookup) existing(signal).then((r) => finish(j, null, r), (err: unknown) => finish(j, err, null));
    else enter(j);
  }

  function enter(j: Job): void {
    gathered.push(j);
    scheduleWaves();
  }

  /** Once this callback's work is done, the gathered signals are decided as waves, while a claim call may start. */
  function scheduleWaves(): void {
    if (flushScheduled || claiming >= CLAIMS_IN_FLIGHT || gatheredHead === gathered.length) return;
    flushScheduled = true;
    process.nextTick(flushWaves);
  }

  function flushWaves(): void {
    flushScheduled = false;
    while (gatheredHead < gathered.length && claiming < CLAIMS_IN_FLIGHT) {
      const end = Math.min(gathered.length, gatheredHead + WAVE_MAX);
      const jobs = gathered.slice(gatheredHead, end);
      gatheredHead = end;
      decideWave(jobs);
    }
    if (gatheredHead === gathered.length) {
      gathered = [];
      gatheredHead = 0;
    }
  }

  function execute(signal: OrderSignal): Promise<ExecutionResult> {
    return promised((done) => queue(signal, done));
  }

  /** A new decision outside `inflight` (the job that holds the id waits for it): a record that expired meanwhile. */
  function decide(signal: OrderSignal): Promise<ExecutionResult> {
    return promised((done) => enter(job(signal, done, false)));
  }

  /**
   * Risk for every signal of the wave, then one claim call carrying the decisions. A claim that exists makes
   * its signal a duplicate (or a takeover): its reservation goes back, and its record decides.
   */
  function decideWave(all: Job[]): void {
    const jobs: Job[] = [], keys: string[] = [], values: string[] = [], held: Reservation[] = [];
    const now = Date.now();
    for (const j of all) {
      const signal = j.signal;
      const res = new Reservation();
      try {
        const risk = checkRisk(signal, res);
        j.rec = {
          orderId: signal.orderId ?? orderIdFor(signal.id, signal.timeMs), state: risk.approved ? 'SUBMITTED' : 'RISK_REJECTED', atMs: now, risk,
          outcome: null, journaled: false,
        };
        j.stamp = stamp();
        values.push(encodeRecord(j.stamp, j.rec));
      } catch (err) {
        if (res.pending) release(limitsFor(signal.account)!.risk, res);
        finish(j, failure(err, signal.id), null);
        continue;
      }
      jobs.push(j);
      keys.push(j.key);
      held.push(res);
    }
    if (jobs.length === 0) return;
    claiming++;
    records.claim(keys, values).then((claimed) => {
      claiming--;
      scheduleWaves();
      const mine: Job[] = [];
      for (let i = 0; i < jobs.length; i++) {
        const j = jobs[i]!, res = held[i]!;
        if (claimed[i]) {
          if (res.pending) pending.set(j.signal.id, res);
          mine.push(j);
          continue;
        }
        if (res.pending) release(limitsFor(j.signal.account)!.risk, res);
        existing(j.signal).then((r) => finish(j, null, r), (err: unknown) => finish(j, err, null));
      }
      if (mine.length > 0) settleWave(mine);
    }, (err: unknown) => {
      claiming--;
      scheduleWaves();
      // Nothing was claimed: nothing reserved may stay taken.
      for (let i = 0; i < jobs.length; i++) {
        if (held[i]!.pending) release(limitsFor(jobs[i]!.signal.account)!.risk, held[i]!);
        finish(jobs[i]!, err, null);
      }
    });
  }

  /**
   * Records this actor owns, to settled and journaled ones: a SUBMITTED order goes to the broker (RISK and
   * SUBMITTED journaled first), a settled one not journaled yet is journaled. Then, once every journal
   * write of the wave is acked, one compare-and-set call marks them settled and journaled.
   */
  function settleWave(jobs: Job[]): void {
    const journal = new WaveJournal((err) => journaled(jobs, err));
    let answers = 0;
    const answered = () => {
      if (--answers === 0) journal.seal();
    };
    for (const j of jobs) {
      try {
        if (j.rec.state !== 'SUBMITTED') {
          j.final = { ...j.rec, journaled: true };
          j.events = lifecycleEvents(j.final, j.signal, broker.name);
          publishJournal(j.final, j.signal, 0, j.events, journal);
          continue;
        }
        // SUBMITTED; the outcome's event joins it once the broker answers (decided).
        j.events = lifecycleEvents(j.rec, j.signal, broker.name);
        publishJournal(j.rec, j.signal, 0, j.events, journal);
        const order = orderRequest(j);
        if (broker.fill !== undefined) {
          let outcome: OrderOutcome | null;
          try {
            outcome = broker.fill(order);
          } catch (err) {
            outcome = unanswered(j, err);
          }
          if (outcome !== null) decided(j, outcome, journal);
          continue;
        }
        answers++;
        broker.submit(order).then((outcome) => decided(j, outcome, journal), (err: unknown) => {
          const outcome = unanswered(j, err);
          if (outcome !== null) decided(j, outcome, journal);
        }).then(answered, (err: unknown) => {
          j.error = failure(err, j.signal.id);
          answered();
        });
      } catch (err) {
        j.error = failure(err, j.signal.id);
      }
    }
    if (answers === 0) journal.seal();
  }

  /**
   * An unexpected throw while handling a signal, as a typed error: the order fails, its record stays as last
   * written (redelivery or a takeover finishes it).
   */
  function failure(err: unknown, signalId: string): PipstreamError {
    return isPipstreamError(err) ? err
      : new PipstreamError('PS_BUS_HANDLER', `execution actor: signal ${signalId}: ${(err as Error)?.message}`, { signalId }, { cause: err });
  }

  function orderRequest(j: Job): OrderRequest {
    const s = j.signal;
    return {
      id: j.rec.orderId, signalId: s.id, account: s.account, instrument: s.instrument, side: s.side, units: s.units,
      stopLossPips: s.stopLossPips, takeProfitPips: s.takeProfitPips, timeMs: s.timeMs, bid: s.bid, ask: s.ask,
    };
  }

  /**
   * A broker call that failed: a refusal that certainly sent nothing (open breaker, full bulkhead) is a
   * rejection now, with the reason; otherwise the outcome is unknown, the record stays SUBMITTED with its
   * reservation, and a redelivery resubmits the same order id.
   */
  function unanswered(j: Job, err: unknown): OrderOutcome | null {
    const s = j.signal;
    const refused = refusedUnsent(err);
    if (refused === null) {
      j.error = isPipstreamError(err) ? err : new PipstreamError('PS_BROKER_UNAVAILABLE', `broker ${broker.name}: ${(err as Error)?.message}`,
        { signalId: s.id, orderId: j.rec.orderId }, { cause: err });
      return null;
    }
    return {
      id: j.rec.orderId, signalId: s.id, account: s.account, instrument: s.instrument, side: s.side, units: s.units,
      status: 'rejected', price: null, reason: refused, timeMs: s.timeMs, stopLossPrice: null, takeProfitPrice: null, slippagePips: 0,
      transactionId: null,
    };
  }

  /** The broker's answer: the budget settles first (whoever records it, so a lost claim leaks nothing), then the outcome is journaled. */
  function decided(j: Job, outcome: OrderOutcome, journal: WaveJournal): void {
    o.onOutcome?.(j.signal, outcome);
    const state: LifecycleState = outcome.status === 'filled' ? 'FILLED' : 'REJECTED';
    const res = pending.get(j.signal.id);
    if (res !== undefined) {
      const risk = limitsFor(j.signal.account)!.risk;
      if (state === 'FILLED') commit(risk, res, res.units); else release(risk, res);
      pending.delete(j.signal.id);
    }
    j.final = { ...j.rec, state, outcome, journaled: true };
    j.events!.push(outcomeEvent(j.final, j.signal, broker.name));
    publishJournal(j.final, j.signal, 2, j.events!, journal);
  }

  /** Every journal write of the wave answered: the settled records go to Redis in one call (or, on a failure, the wave fails). */
  function journaled(jobs: Job[], err: PipstreamError | null): void {
    if (err !== null) {
      for (const j of jobs) finish(j, j.error ?? err, null);
      return;
    }
    const keys: string[] = [], stamps: string[] = [], values: string[] = [], writing: Job[] = [];
    for (const j of jobs) {
      if (j.error !== null) finish(j, j.error, null);
      else {
        const next = stamp();
        keys.push(j.key);
        stamps.push(j.stamp);
        values.push(encodeRecord(next, j.final!));
        writing.push(j);
      }
    }
    if (writing.length === 0) return;
    records.compareAndSet(keys, stamps, values).then((written) => {
      for (let i = 0; i < writing.length; i++) {
        const j = writing[i]!;
        // A settled record's outcome stands whoever marks it journaled; a SUBMITTED one lost to another actor is theirs now.
        if (!written[i] && j.rec.state === 'SUBMITTED') finish(j, lost(j.signal), null);
        else finish(j, null, result(j.final!, j.signal, j.duplicate, j.events!));
      }
    }, (e: unknown) => {
      for (const j of writing) finish(j, e, null);
    });
  }

  /** Settles one record this actor owns (a takeover, or a settled record never journaled) through a wave of its own. */
  function settleOne(recStamp: string, rec: OrderRecord, signal: OrderSignal, duplicate: boolean): Promise<ExecutionResult> {
    return promised((done) => settleWave([job(signal, done, false, recStamp, rec, duplicate)]));
  }

  /** The signal has a record: its outcome, or (a lease that ran out, or our own failed attempt) a takeover. */
  async function existing(signal: OrderSignal): Promise<ExecutionResult> {
    const key = orderKey(signal.id);
    for (;;) {
      const raw = await redis.get(key).catch((err: unknown) => { throw redisFailure(err, `order record of signal ${signal.id} not read`); });
      // Expired since: decide afresh.
      if (raw === null) return decide(signal);
      const { stamp: prev, rec } = decodeRecord(raw, key, signal);
      if (SETTLED_STATES.has(rec.state)) return rec.journaled ? result(rec, signal, true) : settleOne(prev, rec, signal, true);
      if (ownerOf(prev) === owner || Date.now() - rec.atMs >= lease) {
        const taken: OrderRecord = { ...rec, atMs: Date.now() };
        const next = await advance(prev, taken, signal);
        if (next !== null) return settleOne(next, taken, signal, false);
        continue;
      }
      if (stopped) throw new PipstreamError('PS_ORDER_CLAIM_LOST', `signal ${signal.id}: stopping while another actor holds it`, { signalId: signal.id });
      await sleep(Math.min(100, lease / 4));
    }
  }

  /** The consumer's path: a redelivered or already executed signal is looked up first, so it takes no risk budget. */
  async function executeDelivered(signal: OrderSignal): Promise<ExecutionResult> {
    const lookup = !inflight.has(signal.id) &&
      (await redis.exists(orderKey(signal.id)).catch((err: unknown) => { throw redisFailure(err, `order record of signal ${signal.id} not looked up`); })) === 1;
    return promised((done) => queue(signal, done, lookup));
  }

  async function handle(msg: BusMsg): Promise<void> {
    const s = orderSignalOf(msg.data);
    if ('skip' in s) {
      msg.ack();
      counts.acked++;
      counts.skipped++;
      return;
    }
    if ('poison' in s) {
      const err = new PipstreamError('PS_BAD_ARGUMENT', `execution actor: ${s.poison}`, { subject: msg.subject, seq: msg.seq });
      const letter = deadLetterMessage({ subject: msg.subject, stream: 'SIGNALS', seq: msg.seq, data: msg.data, consumer: 'execution', error: err,
        failedAtMs: Date.now() });
      // Unacked if this fails: the message comes back, and is set aside then.
      await bus.publish(letter.subject, letter.data, { msgId: letter.msgId });
      o.onError?.(new PipstreamError(err.code, `${err.message} (sent to ${letter.subject})`, err.details));
      return msg.ack();
    }
    if (!owns(s.account)) {
      msg.ack();
      counts.acked++;
      counts.foreign++;
      return;
    }
    // Executed here already (in memory, then journaled): the recovery consumer brings every such signal back.
    if (settled.has(s.id) || settledBefore.has(s.id)) {
      msg.ack();
      counts.acked++;
      counts.duplicates++;
      return;
    }
    try {
      const r = await executeDelivered(s);
      msg.ack();
      counts.acked++;
      if (r.duplicate) counts.duplicates++;
    } catch (err) {
      counts.failed++;
      const e = failure(err, s.id);
      if (!o.onError) throw e;
      // Soon again (Redis or the broker back), backing off while it keeps failing: not after the 30 s ack wait.
      msg.retryIn(Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (msg.deliveries - 1)));
      o.onError(e);
    }
  }

  const only = accounts !== null && accounts.size === 1 ? [...accounts][0]! : null;
  const consumer: BusConsumer | null = o.consume === false ? null
    : await bus.consume('SIGNALS', only === null ? Subjects.allSignals : Subjects.signals(only), handle, { durable: o.durable ?? 'execution', deliver: o.deliver });
  return {
    execute,
    queue,
    deliver: handle,
    stats: () => ({ ...counts }),
    riskOf: (account) => limitsFor(account)?.risk ?? null,
    applyLimits: applyAccountLimits,
    addInstrument,
    async stop() {
      stopped = true;
      await consumer?.close();
      while (inflight.size > 0) await new Promise<void>((r) => idleWaiters.push(r));
    },
  };
}
