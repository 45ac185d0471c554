/**
 * The execution actor (DESIGN.md §3, §8): SIGNAL_AUTO_EXECUTE signals from SIGNALS become broker
 * orders, exactly one per signal id under redelivery, duplicates and restarts.
 *
 * Per signal: claim `pipstream:order:<signalId>` in Redis (SET NX PX) -> risk checks and reserve ->
 * record SUBMITTED -> journal SUBMITTED -> broker.submit (order id = orderIdFor(signal), so the
 * broker's client id dedupes a resubmission) -> commit/release -> record the outcome in Redis ->
 * journal it on `orders.lifecycle.<account>` (msgId `<orderId>:<state>`) -> ack the signal.
 * A duplicate that finds a settled record journals/returns the recorded outcome and never submits.
 * A claim held by another actor is a lease: once it expires (the owner died) the record is taken over
 * by compare-and-set; a SUBMITTED record is resubmitted with the same order id (the broker returns
 * the original outcome), without risk checks, because the order was already decided.
 */
import type { Bus, BusConsumer, BusMsg } from '../../engine/bus/mod.ts';
import { decodeSignalEvent, newEventId } from '../../engine/events/mod.ts';
import { orderUpdateMessage, type RiskDecisionFields, riskDecisionMessage } from '../../engine/events/trade.ts';
import { isPipstreamError, PipstreamError } from '../../engine/errors/mod.ts';
import {
  type AccountRisk, checkInstrumentOrder, commit, createAccountRisk, type InstrumentChecks, instrumentChecks, release, reserve,
  Reservation, RiskReason, type RiskLimits, RiskVerdict,
} from '../../engine/risk/mod.ts';
import { engineSignalOf } from '../../engine/node/journal.ts';
import type { Redis } from '../../engine/store/mod.ts';
import type { EngineSignal } from '../../engine/supervisor/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import { type Broker, type OrderOutcome, orderIdFor } from './broker.ts';
import {
  type LifecycleEvent, type LifecycleState, type OrderRecord, type OrderSignal, casRecord, lifecycleEvent, orderKey, parseRecord,
  SETTLED_STATES,
} from './order-record.ts';

export type { LifecycleEvent, LifecycleState, OrderRecord, OrderSignal } from './order-record.ts';
export { orderKey } from './order-record.ts';

export interface ExecutionActorOptions {
  bus: Bus;
  redis: Redis;
  broker: Broker;
  /** Limits for every account (or only `limits.account`); `instruments` are the risk slots (default limits.instruments). */
  risk?: { limits: RiskLimits; instruments?: readonly string[] };
  /** Only these accounts' signals (one account: the consumer filters on its subject). Default: all. */
  accounts?: readonly string[];
  /** Durable consumer name. Default `execution`. */
  durable?: string;
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
  /** Stops consuming; resolves once no signal is being handled. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 3600_000;

interface AccountLimits { risk: AccountRisk; checks: Map<string, InstrumentChecks>; limitsJson: string }

/** The order a signal asks for, or why it is none: `skip` (not an order signal), `poison` (malformed). */
export function orderSignalFromEngine(s: EngineSignal): OrderSignal | { skip: string } | { poison: string } {
  if (!s.id || !s.account || !s.instrument) return { poison: 'signal without id, account or instrument' };
  if (s.type !== 'SIGNAL_AUTO_EXECUTE') return { skip: 'not SIGNAL_AUTO_EXECUTE' };
  const units = s.units ?? 0;
  if (s.side === null || !Number.isSafeInteger(units) || units <= 0 || !Number.isFinite(s.time_ms)) {
    return { poison: `signal ${s.id}: no side, bad units or time` };
  }
  return {
    id: s.id, account: s.account, instrument: s.instrument, side: s.side, units, timeMs: s.time_ms, bid: s.bid, ask: s.ask,
    stopLossPips: s.stop_loss_pips, takeProfitPips: s.take_profit_pips, workflowId: s.workflow_id, workflowVersion: s.workflow_version,
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

export async function startExecutionActor(o: ExecutionActorOptions): Promise<ExecutionActor> {
  const { bus, redis, broker } = o;
  const ttl = o.idempotencyTtlMs ?? DAY_MS;
  const lease = o.claimLeaseMs ?? 30_000;
  for (const [k, v] of [['idempotencyTtlMs', ttl], ['claimLeaseMs', lease]] as const) {
    if (!(Number.isSafeInteger(v) && v > 0)) throw new PipstreamError('PS_BAD_ARGUMENT', `execution actor: ${k} must be a positive integer`, { [k]: v });
  }
  const limits = o.risk?.limits ?? null;
  const riskInstruments = o.risk?.instruments ?? limits?.instruments;
  if (limits !== null && riskInstruments === undefined) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'execution actor: risk limits need the instruments to keep budget slots for', {});
  }
  const owner = newEventId();
  const accounts = o.accounts === undefined ? null : new Set(o.accounts);
  const byAccount = new Map<string, AccountLimits>();
  /** Reservations of orders this actor submitted whose outcome it has not settled (broker call failed). */
  const pending = new Map<string, Reservation>();
  const verdict = new RiskVerdict();
  /** Signals being executed here: a concurrent execute() of the same id waits for the first. */
  const inflight = new Map<string, Promise<ExecutionResult>>();
  const counts = { acked: 0, duplicates: 0, failed: 0 };
  let stopped = false;

  function limitsFor(account: string): AccountLimits | null {
    if (limits === null || (limits.account !== undefined && limits.account !== account)) return null;
    let a = byAccount.get(account);
    if (a === undefined) {
      a = { risk: createAccountRisk(limits, riskInstruments!), checks: new Map(), limitsJson: JSON.stringify(limits) };
      byAccount.set(account, a);
    }
    return a;
  }

  /** RISK decision first, then the lifecycle events; the msgIds make a repeat (after a takeover) a no-op. */
  async function journal(rec: OrderRecord): Promise<void> {
    if (rec.risk !== null) {
      const m = riskDecisionMessage(rec.risk);
      await bus.publish(m.subject, m.data, { msgId: m.msgId });
    }
    for (const e of rec.events) {
      const m = orderUpdateMessage(e);
      await bus.publish(m.subject, m.data, { msgId: m.msgId });
    }
  }

  /** Writes `next` over `prev` (compare-and-set); false when another actor owns the record now. */
  async function advance(prev: string, next: OrderRecord): Promise<string | null> {
    const raw = JSON.stringify(next);
    return (await casRecord(redis, orderKey(next.signalId), prev, raw, ttl)) ? raw : null;
  }

  function lost(signal: OrderSignal): PipstreamError {
    return new PipstreamError('PS_ORDER_CLAIM_LOST', `signal ${signal.id}: another execution actor took the order over`,
      { signalId: signal.id });
  }

  /** A settled record: journal it if that never completed, and hand back its outcome. */
  async function settled(raw: string, rec: OrderRecord, duplicate: boolean): Promise<ExecutionResult> {
    if (!rec.journaled) {
      // JetStream msgIds (`<orderId>:<state>`) drop whatever part of this was already stored.
      await journal(rec);
      await advance(raw, { ...rec, journaled: true });
    }
    return { orderId: rec.orderId, state: rec.state as LifecycleState, events: rec.events, duplicate };
  }

  function decision(signal: OrderSignal, orderId: string, v: RiskVerdict | null, a: AccountLimits | null): RiskDecisionFields {
    const j = v?.toJSON();
    return {
      orderId, signalId: signal.id, account: signal.account, instrument: signal.instrument, approved: v === null,
      reason: j?.reason ?? null, limit: j?.limit ?? null, value: j?.value ?? null, side: signal.side, units: signal.units,
      timeMs: signal.timeMs, bid: signal.bid, ask: signal.ask, limitsJson: a?.limitsJson ?? '',
    };
  }

  /** Risk checks and reservation; null when approved (res pending or no limits), else the rejection. */
  function checkRisk(signal: OrderSignal, res: Reservation): RiskVerdict | null {
    const a = limitsFor(signal.account);
    if (a === null) return null;
    let checks = a.checks.get(signal.instrument);
    if (checks === undefined) {
      checks = instrumentChecks(limits!, signal.instrument);
      a.checks.set(signal.instrument, checks);
    }
    const signed = signal.side === 'buy' ? signal.units : -signal.units;
    if (!checkInstrumentOrder(checks, signal.bid, signal.ask, signed, verdict)) return verdict;
    const slot = a.risk.slotOf(signal.instrument);
    if (slot < 0) return verdict.reject(RiskReason.INSTRUMENT_NOT_ALLOWED, NaN, NaN), verdict;
    reserve(a.risk, slot, signed, signal.timeMs, res);
    return res.ok ? null : res;
  }

  /** From a record this actor owns (CLAIMED or SUBMITTED) to a settled one. */
  async function run(signal: OrderSignal, raw: string, rec: OrderRecord): Promise<ExecutionResult> {
    const orderId = rec.orderId;
    let res = pending.get(signal.id) ?? null;
    if (rec.state === 'CLAIMED') {
      res = new Reservation();
      const rejected = checkRisk(signal, res);
      const risk = decision(signal, orderId, rejected, limitsFor(signal.account));
      if (rejected !== null) {
        const event = lifecycleEvent('RISK_REJECTED', signal, orderId, broker.name, { risk, reason: rejected.reason });
        const final: OrderRecord = { ...rec, state: 'RISK_REJECTED', risk, events: [event], journaled: false };
        const next = await advance(raw, final);
        if (next === null) throw lost(signal);
        return settled(next, final, false);
      }
      if (!res.pending) res = null;
      const submitted = lifecycleEvent('SUBMITTED', signal, orderId, broker.name, {});
      const next = await advance(raw, { ...rec, state: 'SUBMITTED', risk, events: [submitted] });
      if (next === null) {
        if (res !== null) release(limitsFor(signal.account)!.risk, res);
        throw lost(signal);
      }
      raw = next;
      rec = { ...rec, state: 'SUBMITTED', risk, events: [submitted] };
      if (res !== null) pending.set(signal.id, res);
    }
    await journal(rec);
    let outcome: OrderOutcome;
    try {
      outcome = await broker.submit({
        id: orderId, signalId: signal.id, account: signal.account, instrument: signal.instrument, side: signal.side, units: signal.units,
        stopLossPips: signal.stopLossPips, takeProfitPips: signal.takeProfitPips, timeMs: signal.timeMs, bid: signal.bid, ask: signal.ask,
      });
    } catch (err) {
      // Outcome unknown: keep the record SUBMITTED and the reservation; a redelivery resubmits the same order id.
      throw isPipstreamError(err) ? err : new PipstreamError('PS_BROKER_UNAVAILABLE', `broker ${broker.name}: ${(err as Error)?.message}`,
        { signalId: signal.id, orderId }, { cause: err });
    }
    const filled = outcome.status === 'filled';
    const state: LifecycleState = filled ? 'FILLED' : 'REJECTED';
    const event = lifecycleEvent(state, signal, orderId, broker.name, { outcome, reason: outcome.reason });
    // The outcome is known whoever records it: settle the budget first, so a lost claim leaks nothing.
    if (res !== null) {
      const risk = limitsFor(signal.account)!.risk;
      if (filled) commit(risk, res, res.units); else release(risk, res);
      pending.delete(signal.id);
    }
    const final: OrderRecord = { ...rec, state, events: [...rec.events, event], journaled: false };
    const next = await advance(raw, final);
    if (next === null) throw lost(signal);
    return settled(next, final, false);
  }

  async function runAndReport(signal: OrderSignal, raw: string, rec: OrderRecord): Promise<ExecutionResult> {
    const r = await run(signal, raw, rec);
    o.onSettled?.(signal, r);
    return r;
  }

  async function execute(signal: OrderSignal): Promise<ExecutionResult> {
    const running = inflight.get(signal.id);
    if (running !== undefined) return { ...(await running), duplicate: true };
    const p = claimAndRun(signal);
    inflight.set(signal.id, p);
    try {
      return await p;
    } finally {
      inflight.delete(signal.id);
    }
  }

  async function claimAndRun(signal: OrderSignal): Promise<ExecutionResult> {
    const key = orderKey(signal.id);
    const orderId = orderIdFor(signal.id, signal.timeMs);
    const claim: OrderRecord = {
      v: 2, signalId: signal.id, orderId, state: 'CLAIMED', owner, atMs: Date.now(), risk: null, events: [], journaled: false,
    };
    const claimRaw = JSON.stringify(claim);
    if ((await redis.set(key, claimRaw, 'PX', ttl, 'NX')) === 'OK') return runAndReport(signal, claimRaw, claim);
    for (;;) {
      const raw = await redis.get(key);
      if (raw === null) {
        // Expired between the SET and the GET: claim afresh.
        if ((await redis.set(key, claimRaw, 'PX', ttl, 'NX')) === 'OK') return runAndReport(signal, claimRaw, claim);
        continue;
      }
      const rec = parseRecord(raw, key);
      if (SETTLED_STATES.has(rec.state)) return settled(raw, rec, true);
      // Our own claim is not in flight (see inflight): a retry after a failed broker call.
      if (rec.owner === owner || Date.now() - rec.atMs >= lease) {
        const taken: OrderRecord = { ...rec, owner, atMs: Date.now() };
        const next = await advance(raw, taken);
        if (next !== null) return runAndReport(signal, next, taken);
        continue;
      }
      if (stopped) throw new PipstreamError('PS_ORDER_CLAIM_LOST', `signal ${signal.id}: stopping while another actor holds it`, { signalId: signal.id });
      await sleep(Math.min(100, lease / 4));
    }
  }

  async function handle(msg: BusMsg): Promise<void> {
    const s = orderSignalOf(msg.data);
    if ('skip' in s) {
      msg.ack();
      counts.acked++;
      return;
    }
    if ('poison' in s) {
      await bus.publish(Subjects.deadLetter(msg.subject), msg.data, { msgId: `${msg.subject}:${msg.seq}` });
      o.onError?.(new PipstreamError('PS_BAD_ARGUMENT', `execution actor: ${s.poison} (sent to ${Subjects.deadLetter(msg.subject)})`,
        { subject: msg.subject, seq: msg.seq }));
      return msg.ack();
    }
    if (accounts !== null && !accounts.has(s.account)) {
      msg.ack();
      counts.acked++;
      return;
    }
    try {
      const r = await execute(s);
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
    : await bus.consume('SIGNALS', only === null ? Subjects.allSignals : Subjects.signals(only), handle, { durable: o.durable ?? 'execution', batch: 64 });
  return {
    execute,
    stats: () => ({ ...counts }),
    riskOf: (account) => limitsFor(account)?.risk ?? null,
    async stop() {
      stopped = true;
      await consumer?.close();
      while (inflight.size > 0) await Promise.allSettled([...inflight.values()]);
    },
  };
}
