/**
 * The execution actor (DESIGN.md §3, §8): SIGNAL_AUTO_EXECUTE signals from SIGNALS become broker
 * orders, exactly one per signal id under redelivery, duplicates and restarts.
 *
 * Per signal: risk checks and reserve (shared memory) -> claim `pipstream:order:<signalId>` in Redis
 * with the decision (SET NX PX: SUBMITTED, or RISK_REJECTED) -> journal RISK and SUBMITTED (not awaited
 * yet) -> broker.submit (order id = orderIdFor(signal), so the broker's client id dedupes a
 * resubmission) -> commit/release -> journal the outcome on `orders.lifecycle.<account>` (msgIds
 * `<orderId>:<state>`), all three acked -> record the outcome in Redis -> ack the signal. Two Redis
 * round trips and one JetStream round trip per order, shared with the other orders of the same callback:
 * the records' writes go as one script call (RecordWrites) and the journal is group-committed
 * (`coalesce`: one JetStream message per subject, whose batch dedupe id derives from these msgIds).
 * A signal whose claim exists is a duplicate: its reservation is released at once, and a settled record
 * gives back the recorded outcome (journaled again if that never completed), never a second order. The
 * consumer looks the record up before risk, so a redelivery takes no rate token.
 * A record owned by another actor is a lease: once it expires (the owner died) it is taken over by
 * compare-and-set; a SUBMITTED record is resubmitted with the same order id (the broker returns the
 * original outcome), without risk checks, because the order was already decided.
 */
import type { Bus, BusConsumer, BusMsg, DeliverFrom } from '../../engine/bus/mod.ts';
import { decodeSignalEvent, newEventId } from '../../engine/events/mod.ts';
import { deadLetterMessage } from '../../engine/events/dead-letter.ts';
import { orderUpdateMessage, riskDecisionMessage } from '../../engine/events/trade.ts';
import { isPipstreamError, PipstreamError } from '../../engine/errors/mod.ts';
import {
  type AccountRisk, applyLimits, checkInstrumentOrder, commit, createAccountRisk, ensureInstrumentSlot, type InstrumentChecks, instrumentChecks, release, reserve,
  Reservation, RISK_REASON_CODES, RiskReason, type RiskLimits, RiskVerdict,
} from '../../engine/risk/mod.ts';
import { engineSignalOf } from '../../engine/node/journal.ts';
import type { Redis } from '../../engine/store/mod.ts';
import type { EngineSignal } from '../../engine/supervisor/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import { type Broker, BROKER_REASON, type BrokerReason, type OrderOutcome, orderIdFor } from './broker.ts';
import {
  decodeRecord, encodeRecord, type LifecycleEvent, type LifecycleState, lifecycleEvents, type OrderRecord, type OrderSignal, orderKey,
  RecordWrites, type RecordedRisk, riskDecision, SETTLED_STATES,
} from './order-record.ts';

export type { LifecycleEvent, LifecycleState, OrderRecord, OrderSignal } from './order-record.ts';
export { orderKey } from './order-record.ts';

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
   * and the ones executed in memory come back as duplicates that cost one Redis read.
   */
  consume?: boolean;
  /** Each order this actor settles (not duplicates): where the portfolio learns of fills. */
  onSettled?: (signal: OrderSignal, result: ExecutionResult) => void;
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
  /** Signals acked so far, and how many of them were duplicates of an executed signal. */
  stats(): { acked: number; duplicates: number; failed: number };
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
  return {
    id: s.id, account: s.account, instrument: s.instrument, side: s.side, units, timeMs: s.time_ms, bid: s.bid, ask: s.ask,
    stopLossPips: s.stop_loss_pips, takeProfitPips: s.take_profit_pips, workflowId: s.workflow_id, workflowVersion: s.workflow_version,
    instrumentRisk: pre,
  };
}

/** The order-relevant part of a SIGNALS message, or a reason it is not one. */
export function orderSignalOf(data: Uint8Array): OrderSignal | { skip: string } | { poison: string } {
  let s;
  try {
    s = decodeSignalEvent(data).signal;
  } catch (err) {
    return { poison: `undecodable signal: ${(err as Error).message}` };
  }
  if (!s) return { poison: 'signal without payload' };
  return orderSignalFromEngine(engineSignalOf(s));
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
  /** Signals being executed here: a concurrent execute() of the same id waits for the first. */
  const inflight = new Map<string, Promise<ExecutionResult>>();
  const counts = { acked: 0, duplicates: 0, failed: 0 };
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

  /** RISK decision first, then the lifecycle events; msgIds make a repeat (after a takeover) a no-op. */
  function publishJournal(rec: OrderRecord, signal: OrderSignal, from: number, events = lifecycleEvents(rec, signal, broker.name),
    acks: Array<Promise<unknown>> = []): Array<Promise<unknown>> {
    if (from === 0) {
      const m = riskDecisionMessage(riskDecision(rec, signal));
      acks.push(bus.publish(m.subject, m.data, { msgId: m.msgId, coalesce: true }));
    }
    for (let i = Math.max(0, from - 1); i < events.length; i++) {
      const m = orderUpdateMessage(events[i]!);
      acks.push(bus.publish(m.subject, m.data, { msgId: m.msgId, coalesce: true }));
    }
    return acks;
  }

  /** Writes `next` over the record last written with `prevStamp`; the new stamp, or null when another actor owns it now. */
  async function advance(prevStamp: string, next: OrderRecord, signal: OrderSignal): Promise<string | null> {
    const s = stamp();
    return (await records.compareAndSet(orderKey(signal.id), prevStamp, encodeRecord(s, next))) ? s : null;
  }

  function lost(signal: OrderSignal): PipstreamError {
    return new PipstreamError('PS_ORDER_CLAIM_LOST', `signal ${signal.id}: another execution actor took the order over`,
      { signalId: signal.id });
  }

  function result(rec: OrderRecord, signal: OrderSignal, duplicate: boolean, events = lifecycleEvents(rec, signal, broker.name)): ExecutionResult {
    return { orderId: rec.orderId, state: rec.state, events, duplicate };
  }

  /** A settled record: journal it if that never completed, and hand back its outcome (reported to onSettled unless a duplicate). */
  async function settled(recStamp: string, rec: OrderRecord, signal: OrderSignal, duplicate: boolean): Promise<ExecutionResult> {
    const events = lifecycleEvents(rec, signal, broker.name);
    if (!rec.journaled) {
      await Promise.all(publishJournal(rec, signal, 0, events));
      await advance(recStamp, { ...rec, journaled: true }, signal);
    }
    const r = result(rec, signal, duplicate, events);
    if (!duplicate) o.onSettled?.(signal, r);
    return r;
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
    if (a === null) return { approved: true, reason: null, limit: null, value: null, limitsJson: '' };
    const signed = signal.side === 'buy' ? signal.units : -signal.units;
    let v: RiskVerdict = verdict;
    if (pre !== null ? verdict.pass() : checkInstrumentOrder(checksOf(a, signal.instrument), signal.bid, signal.ask, signed, verdict)) {
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

  /** From a SUBMITTED record this actor owns to a settled one, reported to onSettled. */
  async function submit(signal: OrderSignal, recStamp: string, rec: OrderRecord, fresh: boolean): Promise<ExecutionResult> {
    const res = pending.get(signal.id) ?? null;
    // Fresh: RISK and SUBMITTED go out now, their acks awaited with the outcome's. A takeover re-sends all (msgIds dedupe).
    const acks = fresh ? publishJournal(rec, signal, 0) : [];
    let outcome: OrderOutcome;
    try {
      outcome = await broker.submit({
        id: rec.orderId, signalId: signal.id, account: signal.account, instrument: signal.instrument, side: signal.side, units: signal.units,
        stopLossPips: signal.stopLossPips, takeProfitPips: signal.takeProfitPips, timeMs: signal.timeMs, bid: signal.bid, ask: signal.ask,
      });
    } catch (err) {
      const refused = refusedUnsent(err);
      if (refused === null) {
        await Promise.allSettled(acks);
        // Outcome unknown: keep the record SUBMITTED and the reservation; a redelivery resubmits the same order id.
        throw isPipstreamError(err) ? err : new PipstreamError('PS_BROKER_UNAVAILABLE', `broker ${broker.name}: ${(err as Error)?.message}`,
          { signalId: signal.id, orderId: rec.orderId }, { cause: err });
      }
      // The breaker or bulkhead refused before anything was sent: the order is rejected now, with the reason.
      outcome = {
        id: rec.orderId, signalId: signal.id, account: signal.account, instrument: signal.instrument, side: signal.side, units: signal.units,
        status: 'rejected', price: null, reason: refused, timeMs: signal.timeMs, stopLossPrice: null, takeProfitPrice: null, slippagePips: 0,
      };
    }
    const state: LifecycleState = outcome.status === 'filled' ? 'FILLED' : 'REJECTED';
    // The outcome is known whoever records it: settle the budget first, so a lost claim leaks nothing.
    if (res !== null) {
      const risk = limitsFor(signal.account)!.risk;
      if (state === 'FILLED') commit(risk, res, res.units); else release(risk, res);
      pending.delete(signal.id);
    }
    const final: OrderRecord = { ...rec, state, outcome, journaled: true };
    const events = lifecycleEvents(final, signal, broker.name);
    await Promise.all(publishJournal(final, signal, fresh ? 2 : 0, events, acks));
    if ((await advance(recStamp, final, signal)) === null) throw lost(signal);
    const r = result(final, signal, false, events);
    o.onSettled?.(signal, r);
    return r;
  }

  /** One handling per signal id in this actor: a concurrent call waits for the running one (a duplicate). */
  function once(signal: OrderSignal, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const running = inflight.get(signal.id);
    if (running !== undefined) return running.then((r) => ({ ...r, duplicate: true }));
    const p = run();
    inflight.set(signal.id, p);
    // One reaction for both outcomes (not an async frame plus try/finally): the entry goes once it settled.
    return p.then((r) => {
      inflight.delete(signal.id);
      return r;
    }, (err: unknown) => {
      inflight.delete(signal.id);
      throw err;
    });
  }

  function execute(signal: OrderSignal): Promise<ExecutionResult> {
    return once(signal, () => decideAndRun(signal));
  }

  /** Risk, then the claim carrying the decision; a claim that exists makes this a duplicate (or a takeover). */
  async function decideAndRun(signal: OrderSignal): Promise<ExecutionResult> {
    const key = orderKey(signal.id);
    const res = new Reservation();
    const risk = checkRisk(signal, res);
    const rec: OrderRecord = {
      v: 3, orderId: signal.orderId ?? orderIdFor(signal.id, signal.timeMs), state: risk.approved ? 'SUBMITTED' : 'RISK_REJECTED', owner, atMs: Date.now(),
      risk, outcome: null, journaled: false,
    };
    const s = stamp();
    if (await records.claim(key, encodeRecord(s, rec))) {
      if (!risk.approved) return settled(s, rec, signal, false);
      if (res.pending) pending.set(signal.id, res);
      return submit(signal, s, rec, true);
    }
    if (res.pending) release(limitsFor(signal.account)!.risk, res);
    return existing(signal);
  }

  /** The signal has a record: its outcome, or (a lease that ran out, or our own failed attempt) a takeover. */
  async function existing(signal: OrderSignal): Promise<ExecutionResult> {
    const key = orderKey(signal.id);
    for (;;) {
      const raw = await redis.get(key);
      // Expired since: decide afresh.
      if (raw === null) return decideAndRun(signal);
      const { stamp: prev, rec } = decodeRecord(raw, key);
      if (SETTLED_STATES.has(rec.state)) return settled(prev, rec, signal, true);
      if (rec.owner === owner || Date.now() - rec.atMs >= lease) {
        const taken: OrderRecord = { ...rec, owner, atMs: Date.now() };
        const next = await advance(prev, taken, signal);
        if (next !== null) return submit(signal, next, taken, false);
        continue;
      }
      if (stopped) throw new PipstreamError('PS_ORDER_CLAIM_LOST', `signal ${signal.id}: stopping while another actor holds it`, { signalId: signal.id });
      await sleep(Math.min(100, lease / 4));
    }
  }

  /** The consumer's path: a redelivered or already executed signal is looked up first, so it takes no risk budget. */
  async function executeDelivered(signal: OrderSignal): Promise<ExecutionResult> {
    if (!inflight.has(signal.id) && (await redis.exists(orderKey(signal.id))) === 1) return once(signal, () => existing(signal));
    return execute(signal);
  }

  async function handle(msg: BusMsg): Promise<void> {
    const s = orderSignalOf(msg.data);
    if ('skip' in s) {
      msg.ack();
      counts.acked++;
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
      return;
    }
    try {
      const r = await executeDelivered(s);
      msg.ack();
      counts.acked++;
      if (r.duplicate) counts.duplicates++;
    } catch (err) {
      counts.failed++;
      const e = isPipstreamError(err) ? err : new PipstreamError('PS_BUS_HANDLER', `execution actor: ${(err as Error)?.message}`,
        { signalId: s.id }, { cause: err });
      if (o.onError) o.onError(e); else throw e;
    }
  }

  const only = accounts !== null && accounts.size === 1 ? [...accounts][0]! : null;
  const consumer: BusConsumer | null = o.consume === false ? null
    : await bus.consume('SIGNALS', only === null ? Subjects.allSignals : Subjects.signals(only), handle, { durable: o.durable ?? 'execution', batch: 64, deliver: o.deliver });
  return {
    execute,
    stats: () => ({ ...counts }),
    riskOf: (account) => limitsFor(account)?.risk ?? null,
    applyLimits: applyAccountLimits,
    addInstrument,
    async stop() {
      stopped = true;
      await consumer?.close();
      while (inflight.size > 0) await Promise.allSettled([...inflight.values()]);
    },
  };
}
