/**
 * The node's trade path (DESIGN.md §2, §7, §8): signals from the instrument actors go to execution,
 * confirmation and alerts in memory, and fills reach the portfolio, which is marked to market on every
 * tick the node consumes. Everything is journaled (ORDERS, RISK, NOTIFY, PORTFOLIO, METRICS); nothing
 * on the way from a signal to the broker call waits for a database.
 *
 * The node also reads SIGNALS through one durable consumer (`recover`), handing each signal to the actor
 * of its mode, so a signal journaled by a node that died before executing it still gets its order; the
 * ones handled in memory come back as duplicates. (One consumer, not one per actor: each would be sent
 * every signal and skip the other modes', tripling the server's deliveries.)
 */
import * as hdr from 'hdr-histogram-js';
import type { Logger } from 'pino';
import { AlertActor, type Transport } from '../../actors/alert/mod.ts';
import { type ConfirmationActor, type PendingOrder, startConfirmationActor } from '../../actors/confirmation/mod.ts';
import {
  BROKER_REASON, type Broker, type BrokerReason, type OrderOutcome, type ReconcilePolicy, Reconciler, type ReconcileReport,
} from '../../actors/execution/mod.ts';
import {
  type ExecutionActor, type ExecutionResult, type OrderSignal, orderSignalFromEngine, startExecutionActor,
} from '../../actors/execution/execution-actor.ts';
import { type Bus, type BusConsumer, type BusMsg, type BusSubscription, type DeliverFrom, readToEnd } from '../bus/mod.ts';
import { isPipstreamError, PipstreamError } from '../errors/mod.ts';
import { decodeSignalEvent, SignalMode, wallMs } from '../events/mod.ts';
import { latencyMessage, orderUpdateMessage, pnlMessage, positionMessage, readOrderUpdate } from '../events/trade.ts';
import { engineSignalOf } from './journal.ts';
import { loadBookCheckpoint, readBookCheckpoint, takeBookCheckpoint, writeBookCheckpoint } from './book-checkpoint.ts';
import { applyRiskControl, noBudget, parseRiskControl, type RiskControlReply } from './risk-control.ts';
import { TradeBook } from './trade-book.ts';
import { Subjects } from '../switchboard/mod.ts';
import { adoptHoldings, bookFill, markRisk, Portfolio } from '../portfolio/mod.ts';
import {
  type AccountRisk, type AccountRiskMemory, adoptRiskMarks, haltTrading, type LimitsWatch, readRiskState, resumeTrading, RiskHalt, type RiskLimits, type RiskMarks, riskMarksOf, watchLimits,
} from '../risk/mod.ts';
import type { Redis, Sql } from '../store/mod.ts';
import type { EngineSignal } from '../supervisor/mod.ts';

export interface TradePathOptions {
  bus: Bus;
  redis: Redis;
  logger: Logger;
  nodeId: string;
  broker: Broker;
  /**
   * Risk limits applied to every account (or to `limits.account` only); `instruments` are the budget
   * slots of every account (list every instrument an account may trade: slots are fixed at creation).
   */
  risk?: { limits?: RiskLimits; instruments: readonly string[] };
  /**
   * PostgreSQL holding `risk_limits`: every stored account's limits apply at start and follow every
   * change without a restart (needs `risk.instruments`).
   */
  limitsStore?: Sql;
  /**
   * Reconcile these accounts with the broker at start and every `intervalMs` (default 60 s): 'adopt' takes
   * the broker's positions, 'halt' stops new orders for an account that differs until a run finds none.
   */
  reconcile?: { accounts: readonly string[]; policy: ReconcilePolicy; intervalMs?: number };
  /** Every reconciliation report. */
  onReconcile?: (report: ReconcileReport) => void;
  /** The instrument's latest quote (what a confirmation is re-checked and executed at); null before the first tick. */
  quote: (instrument: string) => { timeMs: number; bid: number; ask: number } | null;
  /** Expiry of a pending confirmation whose workflow action sets none. Default 30 000 ms. */
  confirmationExpiryMs?: number;
  /** Alert transports of an account (in-app notifications are always on). Default none. */
  transportsFor?: (account: string) => readonly Transport[];
  /** Starting balance of an account the portfolio has not seen. Default 0. */
  defaultBalance?: number;
  /** P&L sample period, in tick time. Default 60 000 ms. */
  pnlEveryMs?: number;
  /** Latency sample period, wall clock. Default 10 000 ms. */
  latencyEveryMs?: number;
  /** Keep the durable SIGNALS consumer (`<prefix>-recovery`) as the recovery path (see above). Default true. */
  recover?: boolean;
  /**
   * The accounts whose journaled signals this node recovers (a node: the accounts of its workflows), so it
   * never takes up another node's or another system's signals on a shared bus. Default all.
   */
  owns?: (account: string) => boolean;
  /**
   * The node's accounts at start (its workflows'; later ones come through knowAccount()): only their
   * pending confirmations are rebuilt from the journal (default every account's), and, with a broker whose
   * book lives in memory (the paper broker), their books (default none).
   */
  accounts?: () => Iterable<string>;
  /**
   * A journaled signal of an account this node does not own (`owns`) arrived on the recovery consumer: resolve
   * true to take the account on (from then on `owns` must accept it). Its book and confirmations are rebuilt
   * before its order runs. A node serving a database takes its registered accounts this way: a trader's manual
   * orders (the gateway journals them as signals) execute without a workflow of the account on any node.
   */
  takeAccount?: (account: string) => Promise<boolean>;
  /**
   * With `accounts` and a broker whose book lives in memory: how often, at most, an account's changed book is
   * checkpointed to Redis (see book-checkpoint.ts; also at stop). Wall clock. Default 1 000 ms.
   */
  bookCheckpointEveryMs?: number;
  /**
   * Orders in execution at once; later signals wait their turn in arrival order (stats().pending counts both).
   * Default 1024: enough to keep Redis and JetStream batches full, few enough that a burst stays young garbage.
   */
  maxOrdersExecuting?: number;
  /** Durable consumer names are `<prefix>-execution` etc. Default 'trade'. */
  durablePrefix?: string;
  /** Failed orders (left for redelivery), failed journal writes. */
  onError?: (err: PipstreamError) => void;
  /**
   * An account got its risk memory (it has limits): the node gives it to the instrument actors, which run
   * the instrument-level checks of its orders from then on (DESIGN §5, §7).
   */
  onAccountRisk?: (account: string, memory: AccountRiskMemory) => void;
  /** An account's position on an instrument changed (a fill, a reconciliation that adopted the broker's): signed units. */
  onPosition?: (account: string, instrument: string, units: number) => void;
}

export interface TradePathStats {
  orders: number;
  filled: number;
  rejected: number;
  duplicates: number;
  failed: number;
  pending: number;
  alerts: number;
  /** Trades the broker closed at their stop-loss or take-profit (a paper broker's, from the ticks). */
  closes: number;
  /**
   * Journaled fills rebuilt at start into a paper broker's book and the portfolio (restored), and those that
   * did not apply (unrestored: a close of a trade whose opening fill is older than the journal).
   */
  restored: number;
  unrestored: number;
  /** Accounts whose book was loaded from its Redis checkpoint at start (the fills after it are `restored`). */
  checkpointsLoaded: number;
  /** Book checkpoints written to Redis. */
  checkpointsWritten: number;
}

/** The per-actor SIGNALS durables of earlier versions, replaced by `<prefix>-recovery`. */
const LEGACY_DURABLES = ['execution', 'confirmation', 'alert'];

/** Tick receive times by sequence number (a ring): the start of the tick-to-signal and tick-to-order latencies. */
const TICK_TIMES = 1 << 16;

const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });

/** One stage's latency (µs): `h` for the current sample period (published, then reset), `total` since start. */
class StageLatency {
  readonly h = histogram();
  readonly total = histogram();
  record(us: number): void {
    const v = us < 1 ? 1 : Math.min(us, 60_000_000);
    this.h.recordValue(v);
    this.total.recordValue(v);
  }
}

/** Position updates are group-committed (one options object for all). */
const COALESCE = { coalesce: true } as const;

export class TradePath {
  readonly portfolio: Portfolio;
  // Set by start(), before any signal can arrive.
  execution!: ExecutionActor;
  confirmation!: ConfirmationActor<ExecutionResult>;
  alerts!: AlertActor;
  readonly #o: TradePathOptions;
  /** The portfolio, the budgets that follow it and the broker's stops: replay's books too. */
  readonly #book: TradeBook;
  readonly #tickTimes = new Map<string, Float64Array>();
  /**
   * tick_to_signal: tick arrival to the signal in the main thread; tick_to_broker: to the broker's answer
   * (what a trader waits for); tick_to_order: to the order settled (journal acked, Redis record written).
   */
  readonly #latency = { tick_to_signal: new StageLatency(), tick_to_broker: new StageLatency(), tick_to_order: new StageLatency() };
  /** Arrival time of the tick behind each order at the broker (for tick_to_broker). */
  readonly #orderTickAt = new Map<string, number>();
  /**
   * Fills with a stop-loss or take-profit that the broker made and execution has not settled yet (journaled,
   * recorded, booked), by signal id, with the broker's closes of them that came meanwhile: a close waits for
   * the fill it closes, so the journal and the books see the trade opened before it is closed.
   */
  readonly #unbooked = new Map<string, Array<{ close: OrderOutcome; bid: number; ask: number }>>();
  /** Orders taken and not settled yet (queued ones included), and who waits for none to be. */
  #inFlight = 0;
  /**
   * Orders in execution at once, at most #maxExecuting; the others wait here in arrival order (order, signal
   * pairs, read from #queuedHead). A burst of thousands of signals would otherwise keep all their promises and
   * records alive together: they outlive young-generation collection and cost full GCs.
   */
  #executing = 0;
  readonly #maxExecuting: number;
  readonly #queued: Array<OrderSignal | EngineSignal | undefined> = [];
  #queuedHead = 0;
  readonly #idleWaiters: Array<() => void> = [];
  #latencyStart = Date.now();
  #latencyTimer: NodeJS.Timeout | null = null;
  #nextPnlMs = -Infinity;
  readonly #pnlEveryMs: number;
  readonly #counts = {
    orders: 0, filled: 0, rejected: 0, duplicates: 0, failed: 0, alerts: 0, closes: 0, restored: 0, unrestored: 0, checkpointsLoaded: 0, checkpointsWritten: 0,
  };
  /** Accounts made known (knowAccount): the node's, and those taken on (takeAccount). */
  readonly #knownAccounts = new Set<string>();
  /** Accounts whose book is rebuilt from the journal, or being rebuilt (#restoreBook): each once. */
  readonly #restored = new Map<string, Promise<void>>();
  readonly #early: Array<[OrderSignal, ExecutionResult]> = [];
  readonly #reconcilers: Reconciler[] = [];
  #limitsWatch: LimitsWatch | null = null;
  /** Accounts whose risk memory went to onAccountRisk. */
  readonly #sharedRisk = new Set<string>();
  /** The recovery consumer of SIGNALS (recover). */
  #signals: BusConsumer | null = null;
  /** Answers risk.control.<account> (risk-control.ts). */
  #riskControl: BusSubscription | null = null;
  /** Whether books are checkpointed (see bookCheckpointEveryMs). */
  readonly #checkpoints: boolean;
  /** Per account, the broker's transactions the portfolio booked since start (restored ones included): see takeBookCheckpoint. */
  readonly #bookedCount = new Map<string, number>();
  /** Accounts whose book changed since their last checkpoint. */
  readonly #dirtyBooks = new Set<string>();
  /** Checkpoint writes in flight, by account: one at a time each, so an older one never lands after a newer one. */
  readonly #checkpointing = new Map<string, Promise<void>>();
  #checkpointTimer: NodeJS.Timeout | null = null;
  /** Budget marks from checkpoints, until the account's budget takes its holdings (#adoptHoldings). */
  readonly #restoredMarks = new Map<string, { marks: RiskMarks; sameDay: boolean }>();

  private constructor(o: TradePathOptions) {
    for (const [k, v] of [['pnlEveryMs', o.pnlEveryMs], ['latencyEveryMs', o.latencyEveryMs], ['confirmationExpiryMs', o.confirmationExpiryMs],
      ['bookCheckpointEveryMs', o.bookCheckpointEveryMs]] as const) {
      if (v !== undefined && !(Number.isFinite(v) && v > 0)) throw new PipstreamError('PS_BAD_ARGUMENT', `trade path: ${k} must be > 0`, { [k]: v });
    }
    this.#o = o;
    this.#checkpoints = o.accounts !== undefined && o.broker.book !== undefined && o.broker.loadBook !== undefined;
    // A close is journaled here, and booked here once the fill it closes is (see #brokerClosed).
    this.#book = new TradeBook(new Portfolio({ defaultBalance: o.defaultBalance }), o.broker, {
      budgetOf: (account) => this.execution.riskOf(account),
      onClose: (c, bid, ask) => { this.#brokerClosed(c, bid, ask); return false; },
    });
    this.portfolio = this.#book.portfolio;
    this.#pnlEveryMs = o.pnlEveryMs ?? 60_000;
    this.#maxExecuting = o.maxOrdersExecuting ?? 1024;
    if (!(Number.isSafeInteger(this.#maxExecuting) && this.#maxExecuting > 0)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'trade path: maxOrdersExecuting must be a positive integer', { maxOrdersExecuting: o.maxOrdersExecuting });
    }
  }

  static async start(o: TradePathOptions): Promise<TradePath> {
    const path = new TradePath(o);
    await path.#start();
    return path;
  }

  async #start(): Promise<void> {
    const o = this.#o;
    const recover = o.recover ?? true;
    const prefix = o.durablePrefix ?? 'trade';
    const onError = (e: PipstreamError) => o.onError?.(e);
    const owns = o.owns;
    this.alerts = new AlertActor({ bus: o.bus, transportsFor: o.transportsFor ?? (() => []), owns, onError });
    this.execution = await startExecutionActor({
      bus: o.bus, redis: o.redis, broker: o.broker, risk: o.risk, consume: false, onError,
      accounts: owns,
      onSettled: (signal, r) => this.#settled(signal, r),
      onOutcome: (signal, outcome) => this.#brokerAnswered(signal.id, outcome),
      onBudget: (account, risk) => this.#adoptHoldings(account, risk),
    });
    for (const [signal, r] of this.#early.splice(0)) this.#settled(signal, r);
    if (o.limitsStore !== undefined) {
      this.#limitsWatch = await watchLimits(o.limitsStore, (account, limits) => this.#applyLimits(account, limits), {
        onError: (err, account) => onError(isPipstreamError(err) ? err
          : new PipstreamError('PS_RISK_LIMITS_STORE', `risk limits of ${account ?? 'every account'}: ${(err as Error)?.message}`, { account }, { cause: err })),
      });
    }
    for (const account of o.accounts?.() ?? []) await this.#restoreBook(account);
    for (const account of o.reconcile?.accounts ?? []) await this.#startReconciler(account, o.reconcile!);
    this.confirmation = await startConfirmationActor<ExecutionResult>({
      bus: o.bus, consume: false, owns, defaultExpiryMs: o.confirmationExpiryMs,
      restoreAccounts: o.accounts,
      onConfirmed: (order) => this.#executeConfirmed(order), onError,
    });
    if (recover) await this.#startRecovery(prefix);
    this.#riskControl = o.bus.respond(Subjects.riskControl('*'), (data, subject) => this.#onRiskControl(data, subject));
    this.#latencyTimer = setInterval(() => this.#publishLatency(), o.latencyEveryMs ?? 10_000);
    this.#latencyTimer.unref();
  }

  /**
   * The recovery consumer. Until 2026-11-21 each actor had its own durable (`<prefix>-execution`,
   * `-confirmation`, `-alert`): a new recovery durable starts where the slowest of them stopped, so nothing
   * they had not handled is skipped, and they are deleted once it exists (a crash in between repeats this).
   */
  async #startRecovery(prefix: string): Promise<void> {
    const bus = this.#o.bus;
    const durable = `${prefix}-recovery`;
    const legacy = LEGACY_DURABLES.map((name) => `${prefix}-${name}`);
    // A new durable starts at new signals (there is nothing to recover from before the node first ran), or at an old one's.
    let deliver: DeliverFrom = 'new';
    if ((await bus.durableResumeSeq('SIGNALS', durable)) === null) {
      const resume = (await Promise.all(legacy.map((d) => bus.durableResumeSeq('SIGNALS', d)))).filter((x) => x !== null);
      if (resume.length > 0) deliver = { startSeq: Math.min(...resume) };
    }
    this.#signals = await bus.consume('SIGNALS', Subjects.allSignals, (m) => this.#recovered(m), { durable, deliver });
    for (const d of legacy) await bus.deleteDurable('SIGNALS', d);
  }

  async #startReconciler(account: string, r: NonNullable<TradePathOptions['reconcile']>): Promise<void> {
    // A halt needs the account's budget in shared memory: one without limits still gets it.
    if (r.policy === 'halt' && this.execution.riskOf(account) === null) this.#applyLimits(account, {});
    const rec = new Reconciler({
      broker: this.#o.broker, portfolio: this.portfolio, account, policy: r.policy, intervalMs: r.intervalMs,
      // Trades are counted in the budget: an account without one has no count to compare.
      openTradeCount: () => {
        const risk = this.execution.riskOf(account);
        return risk === null ? null : readRiskState(risk).openTrades;
      },
      halt: (acc) => {
        const risk = this.execution.riskOf(acc);
        if (risk !== null) haltTrading(risk, RiskHalt.RECONCILIATION);
      },
      onReport: (report) => {
        const risk = this.execution.riskOf(account);
        // A clean run lifts the reconciliation halt (an operator's stays).
        if (report.ok && risk !== null) resumeTrading(risk, RiskHalt.RECONCILIATION);
        if (report.action === 'adopted') {
          if (risk !== null) this.#adoptHoldings(account, risk);
          for (const d of report.differences) {
            if (d.instrument === null || d.field !== 'units') continue;
            const units = this.portfolio.positionSnapshot(this.portfolio.position(account, d.instrument)).units;
            this.#o.onPosition?.(account, d.instrument, units);
          }
        }
        if (report.action === 'failed') {
          this.#o.logger.warn({ code: report.error?.code, account }, 'reconciliation failed; retried next period');
        } else if (!report.ok) {
          this.#o.logger.warn({ account, differences: report.differences, action: report.action }, 'broker and engine differ');
        }
        this.#o.onReconcile?.(report);
      },
    });
    this.#reconcilers.push(rec);
    await rec.start();
  }

  #applyLimits(account: string, limits: RiskLimits | null): void {
    this.execution.applyLimits(account, limits);
    this.#shareRisk(account);
  }

  /**
   * The node runs workflows of `account`: its risk memory, when it has limits (its own or the default
   * ones), goes to onAccountRisk now, so the instrument actors check its very first order; and (with
   * `accounts`) its pending confirmations and its paper book are rebuilt from the journal: resolves once the
   * book is (before then, none of its orders should run).
   */
  knowAccount(account: string): Promise<void> {
    this.#knownAccounts.add(account);
    if (this.#o.accounts !== undefined) {
      this.confirmation.restoreAccount(account).catch((err: unknown) => this.#o.onError?.(isPipstreamError(err) ? err
        : new PipstreamError('PS_CONFIRMATION', `restoring the confirmations of ${account}: ${(err as Error)?.message}`, { account }, { cause: err })));
    }
    this.#shareRisk(account);
    return this.#o.accounts === undefined ? Promise.resolve() : this.#restoreBook(account);
  }

  /**
   * Rebuilds an account's book at a broker whose book lives in memory (Broker.restore: the paper broker, whose
   * trades a restarted node would otherwise have lost) from the journal: every FILLED order of this broker on
   * the account's ORDERS, in the broker's order, to the broker and the portfolio as when it happened, and
   * nothing journaled again; then the account's budget takes the holdings. Once per account; resolves when done.
   */
  #restoreBook(account: string): Promise<void> {
    const broker = this.#o.broker;
    if (broker.restore === undefined) return Promise.resolve();
    let done = this.#restored.get(account);
    if (done === undefined) {
      done = this.#readBook(account, broker.restore.bind(broker)).catch((err: unknown) => {
        this.#restored.delete(account); // a later knowAccount() tries again
        throw isPipstreamError(err) ? err
          : new PipstreamError('PS_BOOK_RESTORE', `rebuilding the ${broker.name} book of ${account} from ORDERS: ${(err as Error)?.message}`, { account }, { cause: err });
      });
      this.#restored.set(account, done);
    }
    return done;
  }

  async #readBook(account: string, restore: (fill: OrderOutcome) => boolean): Promise<void> {
    const p = this.portfolio, name = this.#o.broker.name;
    const onError = (e: PipstreamError) => this.#o.onError?.(e);
    const cp = this.#checkpoints ? await readBookCheckpoint(this.#o.redis, name, account, onError) : null;
    const fills: OrderOutcome[] = [];
    await readToEnd(this.#o.bus, 'ORDERS', Subjects.orders(account), 'all', (m) => {
      let u;
      try {
        u = readOrderUpdate(m.data);
      } catch (err) {
        onError(new PipstreamError('PS_BOOK_RESTORE', `undecodable ORDERS message ${m.seq} skipped while rebuilding the book of ${account}`,
          { seq: m.seq, account }, { cause: err }));
        return;
      }
      if (u.state !== 'FILLED' || u.broker !== name || u.side === null || u.price === null) return;
      fills.push({
        id: u.orderId, signalId: u.signalId, account, instrument: u.instrument, side: u.side, units: u.units, status: 'filled', price: u.price,
        reason: u.reason as BrokerReason | null, timeMs: u.timeMs, stopLossPrice: u.stopLossPrice, takeProfitPrice: u.takeProfitPrice,
        slippagePips: u.slippagePips ?? 0, transactionId: u.brokerTransactionId,
      });
    });
    // In the broker's order: a fill is journaled once execution settled it, a close the moment the broker made
    // it, so the journal can have a close before a fill the broker made first. Journals of earlier versions
    // carry no transaction ids: their order is all there is.
    if (fills.every((f) => Number.isSafeInteger(Number(f.transactionId)))) fills.sort((a, b) => Number(a.transactionId) - Number(b.transactionId));
    const moved = new Set<string>();
    let last = -Infinity, booked = 0;
    if (cp !== null) {
      loadBookCheckpoint(cp, this.#o.broker, p);
      this.#counts.checkpointsLoaded++;
      // Its positions are the trade book's too: the day roll, P&L samples and the checkpoint at stop go by them.
      for (const x of cp.positions) {
        this.#book.position(account, x.instrument);
        moved.add(x.instrument);
      }
      if (cp.dayStartMs !== null) last = cp.dayStartMs;
    }
    for (const fill of fills) {
      // A checkpoint holds every fill up to its transaction id (journals of earlier versions carry none: older still).
      if (cp !== null && !(Number(fill.transactionId) > cp.lastTransactionId)) continue;
      if (!restore(fill)) {
        this.#counts.unrestored++;
        continue;
      }
      this.#counts.restored++;
      booked++;
      // The portfolio only: the budget takes the holdings at the end (adoptHoldings), as of a budget created late.
      const close = fill.reason === BROKER_REASON.STOP_LOSS || fill.reason === BROKER_REASON.TAKE_PROFIT;
      bookFill(p, this.#book.position(account, fill.instrument), fill.side === 'buy' ? fill.units : -fill.units, fill.price!, fill.timeMs, null,
        true, close ? '' : fill.signalId, close ? fill.signalId : '');
      moved.add(fill.instrument);
      last = Math.max(last, fill.timeMs);
    }
    this.#book.continueDayAfter(last);
    if (cp?.riskMarks) {
      // The day's start carries over only within the trading day the checkpoint was taken in (the fills after it may be of a later one).
      const sameDay = cp.dayStartMs !== null && cp.dayStartMs === p.accountSnapshot(p.account(account)).dayStartMs;
      this.#restoredMarks.set(account, { marks: cp.riskMarks, sameDay });
    }
    if (booked > 0 && this.#checkpoints) this.#bookChanged(account, booked);
    for (const instrument of moved) this.#o.onPosition?.(account, instrument, p.units(this.#book.position(account, instrument)));
    const risk = this.execution.riskOf(account);
    if (risk !== null) this.#adoptHoldings(account, risk);
    // The account had a budget (an operator's halt, the peaks): it gets one again, which takes the marks (onBudget).
    else if (this.#restoredMarks.has(account)) this.#applyLimits(account, {});
  }

  /** The node started trading `instrument` (an actor for it runs): every account's budget gets a slot for it. */
  knowInstrument(instrument: string): void {
    this.execution.addInstrument(instrument);
  }

  /** The account's risk memory, when it has one, to onAccountRisk (once). */
  #shareRisk(account: string): void {
    if (this.#sharedRisk.has(account)) return;
    const risk = this.execution.riskOf(account);
    if (risk === null) return;
    this.#sharedRisk.add(account);
    this.#o.onAccountRisk?.(account, risk.memory);
  }

  /** Remembers when a tick arrived (wall clock, ms), for the latencies of the signals it fires. */
  tickReceived(instrument: string, seq: number, atMs: number): void {
    let ring = this.#tickTimes.get(instrument);
    if (ring === undefined) {
      ring = new Float64Array(2 * TICK_TIMES).fill(NaN);
      this.#tickTimes.set(instrument, ring);
    }
    const at = 2 * (seq & (TICK_TIMES - 1));
    ring[at] = seq;
    ring[at + 1] = atMs;
  }

  #tickAge(instrument: string, seq: number, nowMs: number): number {
    const ring = this.#tickTimes.get(instrument);
    const at = 2 * (seq & (TICK_TIMES - 1));
    return ring !== undefined && ring[at] === seq ? nowMs - ring[at + 1] : NaN;
  }

  /**
   * A tick the node consumed: marks the instrument's positions (and the risk budgets of the accounts
   * holding them), rolls the trading day at 17:00 New York, and samples P&L every `pnlEveryMs` of tick time.
   */
  mark(instrument: string, timeMs: number, bid: number, ask: number): void {
    this.#book.mark(instrument, timeMs, bid, ask);
    if (timeMs >= this.#nextPnlMs) {
      if (this.#nextPnlMs !== -Infinity) this.#publishPnl(timeMs);
      this.#nextPnlMs = (Math.floor(timeMs / this.#pnlEveryMs) + 1) * this.#pnlEveryMs;
    }
  }


  /** The hot path: one signal from an instrument actor, handed to the actor that owns its mode. */
  onSignal(s: EngineSignal): void {
    const age = this.#tickAge(s.instrument, s.tick_seq, wallMs());
    if (age === age) this.#latency.tick_to_signal.record(age * 1000);
    if (s.type === 'SIGNAL_ALERT') {
      if (this.alerts.handleSignal(s) !== null) this.#counts.alerts++;
      return;
    }
    if (s.type === 'SIGNAL_PENDING_CONFIRMATION') {
      this.confirmation.handleSignal(s);
      return;
    }
    const order = orderSignalFromEngine(s);
    if ('skip' in order) return;
    if ('poison' in order) {
      this.#o.onError?.(new PipstreamError('PS_BAD_ARGUMENT', `trade path: ${order.poison}`, { signalId: s.id }));
      return;
    }
    const now = wallMs();
    order.madeAtMs = now;
    if (age === age) this.#orderTickAt.set(order.id, now - age);
    this.#inFlight++;
    if (this.#executing < this.#maxExecuting) this.#execute(order, s);
    else this.#queued.push(order, s);
  }

  /**
   * A SIGNALS message from the recovery consumer, to the actor of its mode: alerts and confirmations dedupe
   * by id and are acked at once; execution looks the order up, executes it if it never was, and acks. A
   * message that is not a signal goes to execution too, which sets it aside as a dead letter.
   */
  #recovered(m: BusMsg): Promise<void> | void {
    let s;
    try {
      s = decodeSignalEvent(m.data).signal;
    } catch {
      return this.execution.deliver(m);
    }
    if (s && this.#o.takeAccount !== undefined && !this.#knownAccounts.has(s.account ?? '')) {
      return this.#takeUp(s.account ?? '').then(() => this.#recoveredSignal(m, s));
    }
    return this.#recoveredSignal(m, s);
  }

  /**
   * An account whose journaled signal arrived before anything made it known here: known (its book and
   * confirmations rebuilt) if this node owns it, or takes it on now (takeAccount).
   */
  async #takeUp(account: string): Promise<void> {
    if ((this.#o.owns?.(account) ?? true) || await this.#o.takeAccount!(account)) await this.knowAccount(account);
  }

  #recoveredSignal(m: BusMsg, s: ReturnType<typeof decodeSignalEvent>['signal']): Promise<void> | void {
    if (!s || s.mode === SignalMode.SIGNAL_AUTO_EXECUTE) return this.execution.deliver(m);
    const owns = this.#o.owns?.(s.account ?? '') ?? true;
    if (owns && s.mode === SignalMode.SIGNAL_ALERT) this.alerts.handleSignal(engineSignalOf(s));
    else if (owns && s.mode === SignalMode.SIGNAL_PENDING_CONFIRMATION) this.confirmation.handleSignal(engineSignalOf(s));
    m.ack();
  }

  /** Hands an order to execution. A crossed quote never becomes one (risk says NOT_TRADEABLE when the account has limits). */
  #execute(order: OrderSignal, s: EngineSignal): void {
    this.#executing++;
    // A callback, not a promise: the orders handed over in one callback execute as one wave.
    this.execution.queue(order, (err, r) => {
      if (r === null) this.#failed(order, err);
      else {
        if (r.duplicate) this.#counts.duplicates++;
        const age = this.#tickAge(s.instrument, s.tick_seq, wallMs());
        if (age === age) this.#latency.tick_to_order.record(age * 1000);
      }
      this.#orderDone(order.id);
    });
  }

  #orderDone(signalId: string): void {
    this.#orderTickAt.delete(signalId);
    this.#executing--;
    if (this.#queuedHead < this.#queued.length) {
      const q = this.#queued, at = this.#queuedHead;
      const order = q[at] as OrderSignal, s = q[at + 1] as EngineSignal;
      q[at] = q[at + 1] = undefined;
      this.#queuedHead = at + 2;
      if (this.#queuedHead === q.length) {
        q.length = 0;
        this.#queuedHead = 0;
      }
      this.#execute(order, s);
    }
    if (--this.#inFlight === 0) for (const w of this.#idleWaiters.splice(0)) w();
  }

  #failed(order: OrderSignal, err: unknown): void {
    this.#counts.failed++;
    // Left unsettled in Redis: the SIGNALS consumer (recover) or a takeover finishes it.
    this.#o.onError?.(isPipstreamError(err) ? err
      : new PipstreamError('PS_BUS_HANDLER', `trade path: order for signal ${order.id}: ${(err as Error)?.message}`, { signalId: order.id },
        { cause: err }));
  }

  /** Confirmed by the user: re-priced at the instrument's latest quote, then the same execution path (risk included). */
  async #executeConfirmed(p: Readonly<PendingOrder>): Promise<ExecutionResult> {
    const q = this.#o.quote(p.instrument);
    if (q === null || p.side === null || p.units === null) {
      throw new PipstreamError('PS_CONFIRMATION', `order ${p.id}: no current price for ${p.instrument}, or no side and units`, { id: p.id });
    }
    return this.execution.execute({
      id: p.id, account: p.account, instrument: p.instrument, side: p.side, units: p.units, timeMs: q.timeMs, bid: q.bid, ask: q.ask,
      stopLossPips: p.stop_loss_pips, takeProfitPips: p.take_profit_pips, workflowId: p.workflow_id, workflowVersion: p.workflow_version,
      orderId: p.order_id,
    });
  }

  /** An order settled by execution (in memory, by its consumer, or a takeover): fills move the portfolio and the risk budget. */
  #settled(signal: OrderSignal, r: ExecutionResult): void {
    // The recovery consumer can settle an order while start() is still wiring the actors.
    if (this.execution === undefined) {
      this.#early.push([signal, r]);
      return;
    }
    this.#counts.orders++;
    const last = r.events[r.events.length - 1]!;
    const waiting = this.#unbooked.get(signal.id);
    this.#unbooked.delete(signal.id);
    if (r.state !== 'FILLED' || last.price === null) {
      this.#counts.rejected++;
      return;
    }
    this.#counts.filled++;
    const signed = signal.side === 'buy' ? signal.units : -signal.units;
    const pos = this.#book.book(signal.account, signal.instrument, signed, last.price, last.timeMs, true, signal.id);
    this.#booked(signal.account, signal.instrument, pos, r.orderId, last.timeMs);
    if (waiting !== undefined) for (const w of waiting) this.#brokerClosed(w.close, w.bid, w.ask);
  }

  /**
   * A trade the paper broker closed at its stop-loss or take-profit (Broker.quote): journaled as a FILLED
   * order of its own (the opening signal's id, the reason), and booked like a fill, outside the limits.
   */
  #brokerClosed(c: OrderOutcome, bid: number, ask: number): void {
    const waiting = this.#unbooked.get(c.signalId);
    if (waiting !== undefined) {
      waiting.push({ close: c, bid, ask });
      return;
    }
    this.#counts.closes++;
    const m = orderUpdateMessage({
      orderId: c.id, signalId: c.signalId, account: c.account, instrument: c.instrument, state: 'FILLED', side: c.side, units: c.units,
      timeMs: c.timeMs, broker: this.#o.broker.name, price: c.price, reason: c.reason, riskLimit: null, riskValue: null, stopLossPrice: null,
      takeProfitPrice: null, slippagePips: c.slippagePips, bid, ask, expiresMs: null, workflowId: '', workflowVersion: 0, stopLossPips: null,
      takeProfitPips: null, brokerTransactionId: c.transactionId,
    });
    this.#o.bus.publishAsync(m.subject, m.data, m.msgId, COALESCE);
    this.#booked(c.account, c.instrument, this.#book.bookClose(c), c.id, c.timeMs);
  }

  /** A fill booked (TradeBook.book): the account's risk memory shared, the new position told and journaled. */
  #booked(account: string, instrument: string, pos: number, orderId: string, timeMs: number): void {
    if (this.#checkpoints) this.#bookChanged(account, 1);
    const snap = this.portfolio.positionSnapshot(pos);
    this.#shareRisk(account);
    this.#o.onPosition?.(account, instrument, snap.units);
    const m = positionMessage({
      account: snap.account, instrument: snap.instrument, orderId, units: snap.units, avgPrice: snap.avgPrice, realized: snap.realized, timeMs,
    });
    this.#o.bus.publishAsync(m.subject, m.data, m.msgId, COALESCE);
  }

  /**
   * An operator's request on risk.control.<account> (risk-control.ts), answered by the node that trades for the
   * account (a trade path without `owns`: for accounts it has a budget for). An account without limits gets a
   * budget of its own (no limits: it counts what the account holds). The change is checkpointed with the
   * account's book (an empty one if it has none), so it outlives a restart.
   */
  #onRiskControl(data: Uint8Array, subject: string): Uint8Array | null {
    const account = subject.slice(subject.lastIndexOf('.') + 1);
    let risk = this.execution.riskOf(account);
    if (!(this.#o.owns?.(account) ?? risk !== null)) return null;
    const op = parseRiskControl(data);
    let reply: RiskControlReply;
    if (typeof op !== 'string') reply = { ok: false, reason: op.reason };
    else {
      // A change needs a budget; a status does not make one (the account then has no halts and no limits).
      if (risk === null && op !== 'status') {
        this.#applyLimits(account, {});
        risk = this.execution.riskOf(account)!;
      }
      reply = risk === null ? noBudget() : applyRiskControl(risk, op);
      if (op !== 'status' && this.#checkpoints) this.#bookChanged(account, 0);
    }
    return Buffer.from(JSON.stringify(reply));
  }

  /** `fills` more of the broker's transactions booked for the account: its book is checkpointed soon. */
  #bookChanged(account: string, fills: number): void {
    this.#bookedCount.set(account, (this.#bookedCount.get(account) ?? 0) + fills);
    this.#dirtyBooks.add(account);
    this.#scheduleCheckpoints();
  }

  #scheduleCheckpoints(): void {
    if (this.#checkpointTimer !== null) return;
    this.#checkpointTimer = setTimeout(() => {
      this.#checkpointTimer = null;
      void this.#checkpointBooks(false);
    }, this.#o.bookCheckpointEveryMs ?? 1000);
    this.#checkpointTimer.unref();
  }

  /**
   * Writes the checkpoint of every changed book whose fills are all booked (others wait for the next round), one
   * write at a time per account; `final` (at stop): waits for the writes and reports a book left unwritten.
   */
  async #checkpointBooks(final: boolean): Promise<void> {
    if (!this.#checkpoints) return;
    if (final) {
      if (this.#checkpointTimer !== null) clearTimeout(this.#checkpointTimer);
      this.#checkpointTimer = null;
      // At stop every book, changed or not: the equity peaks move with the ticks, between fills too.
      for (const account of this.#book.accounts()) this.#dirtyBooks.add(account);
      await Promise.all(this.#checkpointing.values());
    }
    const onError = (e: PipstreamError) => this.#o.onError?.(e);
    let waiting = 0;
    for (const account of [...this.#dirtyBooks]) {
      if (this.#checkpointing.has(account)) {
        waiting++;
        continue;
      }
      let cp;
      try {
        const risk = this.execution.riskOf(account);
        cp = takeBookCheckpoint(this.#o.broker, this.portfolio, account, this.#bookedCount.get(account) ?? 0, Date.now(),
          risk === null ? null : riskMarksOf(risk));
      } catch (err) {
        this.#dirtyBooks.delete(account); // the books disagree: not again until the next fill
        onError(err as PipstreamError);
        continue;
      }
      if (cp === null) {
        if (final) {
          onError(new PipstreamError('PS_BOOK_CHECKPOINT', `the ${this.#o.broker.name} book of ${account} was not checkpointed at stop: a fill the ` +
            'broker made is not settled; the next start replays it from the journal', { account }));
        }
        waiting++;
        continue;
      }
      this.#dirtyBooks.delete(account);
      const write = writeBookCheckpoint(this.#o.redis, cp).then(() => { this.#counts.checkpointsWritten++; }, (err: PipstreamError) => {
        this.#dirtyBooks.add(account);
        if (!final) this.#scheduleCheckpoints();
        onError(err);
      }).finally(() => this.#checkpointing.delete(account));
      this.#checkpointing.set(account, write);
    }
    if (final) await Promise.all(this.#checkpointing.values());
    else if (waiting > 0) this.#scheduleCheckpoints();
  }

  /**
   * The account's new budget (onBudget), or its budget after reconciliation adopted the broker's positions,
   * takes what the portfolio holds: without this, a position held before would not count against its limit.
   * A trade count left unset (orders in flight) is set by the next reconciliation, which finds it differs.
   */
  #adoptHoldings(account: string, risk: AccountRisk): void {
    const restored = this.#restoredMarks.get(account);
    if (restored !== undefined) {
      this.#restoredMarks.delete(account);
      // The current equity first: a new budget's is 0, which measured from the peak is a 100 % drawdown.
      markRisk(this.portfolio, this.portfolio.account(account), risk);
      adoptRiskMarks(risk, restored.marks, restored.sameDay);
    }
    for (const instrument of adoptHoldings(this.portfolio, account, risk)) this.#book.watch(account, instrument, risk);
  }

  #publishPnl(timeMs: number): void {
    for (const name of this.#book.accounts()) {
      const a = this.portfolio.accountSnapshot(this.portfolio.account(name));
      const m = pnlMessage({
        account: name, timeMs, balance: a.balance, realized: a.realized, unrealized: a.unrealized, equity: a.equity,
        equityPeak: a.equityPeak, drawdownPct: a.drawdownPct, dailyPnl: a.dailyPnl, dayStartMs: a.dayStartMs,
      });
      this.#o.bus.publishAsync(m.subject, m.data, m.msgId);
    }
  }

  #publishLatency(): void {
    const end = Date.now();
    for (const [stage, l] of Object.entries(this.#latency)) {
      const h = l.h;
      if (h.totalCount === 0) continue;
      const m = latencyMessage({
        nodeId: this.#o.nodeId, stage, startMs: this.#latencyStart, endMs: end, count: h.totalCount, p50Us: h.getValueAtPercentile(50),
        p99Us: h.getValueAtPercentile(99), p999Us: h.getValueAtPercentile(99.9), maxUs: h.maxValue,
      });
      this.#o.bus.publishAsync(m.subject, m.data, m.msgId);
      h.reset();
    }
    this.#latencyStart = end;
  }

  /** Latency percentiles (µs) since the trade path started. */
  latency(): Record<'tick_to_signal' | 'tick_to_broker' | 'tick_to_order',
    { count: number; p50: number; p99: number; p999: number; max: number }> {
    const read = ({ total: h }: StageLatency) => ({
      count: h.totalCount, p50: h.getValueAtPercentile(50), p99: h.getValueAtPercentile(99), p999: h.getValueAtPercentile(99.9), max: h.maxValue,
    });
    const l = this.#latency;
    return { tick_to_signal: read(l.tick_to_signal), tick_to_broker: read(l.tick_to_broker), tick_to_order: read(l.tick_to_order) };
  }

  /** The broker answered an order: tick_to_broker, when its tick's arrival is known. */
  #brokerAnswered(signalId: string, outcome: OrderOutcome): void {
    const at = this.#orderTickAt.get(signalId);
    if (at !== undefined) this.#latency.tick_to_broker.record((wallMs() - at) * 1000);
    if (this.#o.broker.quote !== undefined && outcome.status === 'filled' && (outcome.stopLossPrice !== null || outcome.takeProfitPrice !== null)) {
      this.#unbooked.set(signalId, []);
    }
  }

  stats(): TradePathStats {
    return { ...this.#counts, pending: this.#inFlight };
  }

  /** Resolves when every order handed over so far has settled (or failed). */
  async idle(): Promise<void> {
    while (this.#inFlight > 0) await new Promise<void>((r) => this.#idleWaiters.push(r));
  }

  /** Waits for orders in flight, stops the actors, and publishes the last latency sample. */
  async stop(): Promise<void> {
    this.#riskControl?.unsubscribe();
    await this.#signals?.close();
    for (const r of this.#reconcilers) await r.stop();
    await this.#limitsWatch?.close();
    await this.idle();
    await this.confirmation.stop();
    await this.alerts.stop();
    await this.execution.stop();
    await this.#checkpointBooks(true);
    if (this.#latencyTimer !== null) clearInterval(this.#latencyTimer);
    this.#publishLatency();
  }
}
