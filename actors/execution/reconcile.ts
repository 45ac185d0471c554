/**
 * Reconciliation of the engine's view of an account (the Portfolio: units and average price per
 * instrument; optionally the open trade count and the cash balance) with the broker's (DESIGN.md §7, §8).
 * `reconcile` compares two views and lists every difference; `Reconciler` reads the broker's view at
 * start and every period, notes the broker transactions since the previous run (fills the engine never
 * saw among them), and applies the configured policy: 'adopt' sets the Portfolio to the broker's state,
 * 'halt' hands the report to a hook (wired to the risk halt by the integrator).
 */
import { PipstreamError, isPipstreamError } from '../../engine/errors/mod.ts';
import type { ErrorCode } from '../../engine/errors/mod.ts';
import { pipSize } from '../../engine/instruments/mod.ts';
import { type Portfolio, tradesMakeUp } from '../../engine/portfolio/mod.ts';
import type { Broker, BrokerAccountView, BrokerPosition, BrokerTransaction } from './broker.ts';

/** What the engine holds for one account (`engineAccountView` reads it from a Portfolio). */
export interface EngineAccountView {
  account: string;
  /** Open (non-flat) positions only, with the signed units of their open trades, oldest first. */
  positions: { instrument: string; units: number; avgPrice: number; trades: number[] }[];
  /** Null when not tracked (then not compared). */
  openTradeCount: number | null;
  /** Cash balance (starting balance + realized P&L); null when not tracked (then not compared). */
  balance: number | null;
}

export type DifferenceKind =
  /** The broker holds a position in an instrument the engine is flat in (or has never seen). */
  | 'UNKNOWN_TO_ENGINE'
  /** The engine holds a position the broker does not have. */
  | 'MISSING_AT_BROKER'
  | 'UNITS_MISMATCH'
  /** Beyond the tolerance. */
  | 'AVG_PRICE_MISMATCH'
  | 'OPEN_TRADES_MISMATCH'
  /** Beyond the tolerance. */
  | 'BALANCE_MISMATCH';

export interface ReconcileDifference {
  kind: DifferenceKind;
  /** Null for account-wide fields (open trades, balance). */
  instrument: string | null;
  field: 'units' | 'avgPrice' | 'openTradeCount' | 'balance';
  engine: number;
  broker: number;
}

export interface ReconcileTolerance {
  /** Average prices within this many pips are equal. Default 0.1 (OANDA rounds averages to a tenth of a pip). */
  avgPricePips?: number;
  /** Balances within this amount are equal. Default 0.01. */
  balance?: number;
}

/** One reconciliation: plain data, JSON-serialisable. */
export interface ReconcileReport {
  account: string;
  broker: string;
  brokerAccountId: string | null;
  atMs: number;
  /** No difference and no error. */
  ok: boolean;
  differences: ReconcileDifference[];
  /** The broker transaction id the run read from (exclusive); null at the first run. */
  sinceTransactionId: string | null;
  lastTransactionId: string | null;
  /** Broker transactions after `sinceTransactionId`, oldest first. */
  transactions: BrokerTransaction[];
  /** Ids of the fills among them that the engine did not place (e.g. a stop-loss, a trade made by hand). */
  unseenFills: string[];
  /** What the policy did: 'adopted' / 'halted' only when there were differences. */
  action: 'none' | 'adopted' | 'halted' | 'failed';
  /**
   * A failed run: its code (PS_OANDA_HTTP, PS_TIMEOUT, PS_BROKER_BUSY ...; PS_RECONCILE_FAILED for an untyped
   * error) and `details.stage`: 'broker' (the account view), 'engine' (the comparison) or 'policy' (adopt, halt hook).
   */
  error: { code: ErrorCode; message: string; details: Readonly<Record<string, unknown>> } | null;
}

/** The engine's view of `account`: its open Portfolio positions, plus what the caller tracks elsewhere. */
export function engineAccountView(portfolio: Portfolio, account: string,
  tracked: { openTradeCount?: number | null; balance?: boolean } = {}): EngineAccountView {
  let balance: number | null = null;
  if (tracked.balance === true) {
    const a = portfolio.accountSnapshot(portfolio.account(account));
    balance = a.balance + a.realized;
  }
  return {
    account,
    positions: portfolio.positionsOf(account).filter((p) => p.units !== 0)
      .map((p) => ({ instrument: p.instrument, units: p.units, avgPrice: p.avgPrice, trades: portfolio.tradeUnits(portfolio.position(account, p.instrument)) })),
    openTradeCount: tracked.openTradeCount ?? null,
    balance,
  };
}

/** Every difference between the two views, by instrument name, then the account-wide fields. */
export function reconcile(engine: EngineAccountView, broker: BrokerAccountView, tolerance: ReconcileTolerance = {}): ReconcileDifference[] {
  const { pips, cash } = tolerances(tolerance);
  const out: ReconcileDifference[] = [];
  const mine = new Map(engine.positions.filter((p) => p.units !== 0).map((p) => [p.instrument, p]));
  const theirs = new Map(broker.positions.filter((p) => p.units !== 0).map((p) => [p.instrument, p]));
  for (const instrument of [...new Set([...mine.keys(), ...theirs.keys()])].sort()) {
    const e = mine.get(instrument), b = theirs.get(instrument);
    if (e === undefined) out.push({ kind: 'UNKNOWN_TO_ENGINE', instrument, field: 'units', engine: 0, broker: b!.units });
    else if (b === undefined) out.push({ kind: 'MISSING_AT_BROKER', instrument, field: 'units', engine: e.units, broker: 0 });
    else {
      if (e.units !== b.units) out.push({ kind: 'UNITS_MISMATCH', instrument, field: 'units', engine: e.units, broker: b.units });
      // A hair over the tolerance so that float noise in the average does not make an exact tenth of a pip differ.
      if (Math.abs(e.avgPrice - b.avgPrice) > pips * pipSize(instrument) * (1 + 1e-9)) {
        out.push({ kind: 'AVG_PRICE_MISMATCH', instrument, field: 'avgPrice', engine: e.avgPrice, broker: b.avgPrice });
      }
    }
  }
  if (engine.openTradeCount !== null && broker.openTradeCount !== null && engine.openTradeCount !== broker.openTradeCount) {
    out.push({ kind: 'OPEN_TRADES_MISMATCH', instrument: null, field: 'openTradeCount', engine: engine.openTradeCount,
      broker: broker.openTradeCount });
  }
  if (engine.balance !== null && broker.balance !== null && Math.abs(engine.balance - broker.balance) > cash) {
    out.push({ kind: 'BALANCE_MISMATCH', instrument: null, field: 'balance', engine: engine.balance, broker: broker.balance });
  }
  return out;
}

function tolerances(t: ReconcileTolerance): { pips: number; cash: number } {
  const pips = t.avgPricePips ?? 0.1;
  const cash = t.balance ?? 0.01;
  if (!(pips >= 0 && Number.isFinite(pips)) || !(cash >= 0 && Number.isFinite(cash))) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'reconciliation tolerances must be non-negative numbers', { tolerance: t });
  }
  return { pips, cash };
}

/**
 * 'adopt': the Portfolio takes the broker's positions with their trade counts (and balance, when compared);
 * the risk budget follows them through the integrator (onReport: see TradePath). 'halt': the hook gets the report.
 */
export type ReconcilePolicy = 'adopt' | 'halt';

export interface ReconcilerOptions {
  broker: Broker;
  portfolio: Portfolio;
  /** The engine's account name (what orders carry). */
  account: string;
  policy: ReconcilePolicy;
  /** Required with 'halt'; called (and awaited) on every run that finds differences. */
  halt?: (account: string, report: ReconcileReport) => void | Promise<void>;
  /** Every report, differences or not. */
  onReport?: (report: ReconcileReport) => void;
  /** Period between the end of one run and the start of the next, ms. Default 60 000. */
  intervalMs?: number;
  tolerance?: ReconcileTolerance;
  /** The engine's open trade count (e.g. the risk state's); compared when given and not null. */
  openTradeCount?: () => number | null;
  /** Compare (and with 'adopt', adopt) the cash balance. Off by default: the Portfolio books no financing or commission. */
  compareBalance?: boolean;
  /** Transactions to report at the first run: those after this id (e.g. the last one reconciled before a restart). */
  sinceTransactionId?: string | null;
  /** Whether the engine placed a fill. Default: it carries a client order id (pipstream tags every order with its signal id). */
  isEngineFill?: (tx: BrokerTransaction) => boolean;
  now?: () => number;
}

/** Runs reconciliation at start and periodically; a failing run is reported, never thrown from the timer. */
export class Reconciler {
  readonly #o: ReconcilerOptions;
  readonly #accountView: NonNullable<Broker['accountView']>;
  readonly #intervalMs: number;
  #since: string | null;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<ReconcileReport> | null = null;
  #stopped = false;
  #last: ReconcileReport | null = null;

  constructor(o: ReconcilerOptions) {
    const view = o.broker.accountView;
    if (view === undefined) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `broker ${o.broker.name} cannot produce an account view to reconcile with`,
        { broker: o.broker.name });
    }
    if (o.policy !== 'adopt' && o.policy !== 'halt') {
      throw new PipstreamError('PS_BAD_ARGUMENT', `reconciliation policy must be 'adopt' or 'halt', not ${String(o.policy)}`, { policy: o.policy });
    }
    if (o.policy === 'halt' && o.halt === undefined) {
      throw new PipstreamError('PS_BAD_ARGUMENT', "reconciliation policy 'halt' needs a halt hook", { policy: o.policy });
    }
    const interval = o.intervalMs ?? 60_000;
    if (!Number.isFinite(interval) || interval <= 0) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'reconciliation intervalMs must be a positive number', { intervalMs: o.intervalMs });
    }
    tolerances(o.tolerance ?? {});
    this.#o = o;
    this.#accountView = view.bind(o.broker);
    this.#intervalMs = interval;
    this.#since = o.sinceTransactionId ?? null;
  }

  /** The newest report; null before the first run ends. */
  get last(): ReconcileReport | null { return this.#last; }

  /** Runs the start reconciliation, then one every `intervalMs` (the timer does not keep the process alive). */
  async start(): Promise<ReconcileReport> {
    const report = await this.run();
    this.#schedule();
    return report;
  }

  /** One run now (joins the one in progress). Resolves with its report; a failure is in the report. */
  run(): Promise<ReconcileReport> {
    this.#running ??= this.#run().finally(() => { this.#running = null; });
    return this.#running;
  }

  /** No further runs; resolves once the run in progress (if any) has ended. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #schedule(): void {
    if (this.#stopped || this.#timer !== null) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // run() never rejects: a failed read or hook is carried by the report.
      void this.run().then(() => this.#schedule());
    }, this.#intervalMs);
    this.#timer.unref();
  }

  async #run(): Promise<ReconcileReport> {
    const o = this.#o;
    const now = o.now ?? Date.now;
    const report: ReconcileReport = {
      account: o.account, broker: o.broker.name, brokerAccountId: null, atMs: now(), ok: false, differences: [],
      sinceTransactionId: this.#since, lastTransactionId: null, transactions: [], unseenFills: [], action: 'none', error: null,
    };
    let view: BrokerAccountView;
    try {
      view = await this.#accountView(o.account, this.#since);
    } catch (err) {
      return this.#finish({ ...report, action: 'failed', error: failure(err, 'broker') });
    }
    report.brokerAccountId = view.brokerAccountId;
    report.lastTransactionId = view.lastTransactionId;
    report.transactions = view.transactions;
    let stage: Stage = 'engine';
    try {
      const isEngineFill = o.isEngineFill ?? ((tx: BrokerTransaction) => tx.clientOrderId !== null);
      report.unseenFills = view.transactions.filter((tx) => tx.type === 'ORDER_FILL' && !isEngineFill(tx)).map((tx) => tx.id);
      const engine = engineAccountView(o.portfolio, o.account,
        { openTradeCount: o.openTradeCount?.() ?? null, balance: o.compareBalance === true });
      report.differences = reconcile(engine, view, o.tolerance);
      stage = 'policy';
      if (report.differences.length > 0 && o.policy === 'adopt') {
        this.#adopt(view, report.differences);
        report.action = 'adopted';
      } else if (report.differences.length > 0) {
        report.action = 'halted';
        await o.halt!(o.account, structuredClone(report));
      }
    } catch (err) {
      return this.#finish({ ...report, action: 'failed', error: failure(err, stage) });
    }
    // Only a run that got through moves the transaction mark on: a failed one is read again next period.
    this.#since = view.lastTransactionId ?? this.#since;
    return this.#finish({ ...report, ok: report.differences.length === 0 });
  }

  #adopt(view: BrokerAccountView, differences: ReconcileDifference[]): void {
    const { portfolio, account } = this.#o;
    const held = new Map(view.positions.map((p) => [p.instrument, p]));
    // A different trade count is in no one position: every position then takes the broker's trades.
    const everyPosition = differences.some((d) => d.field === 'openTradeCount');
    const adopt = new Set(everyPosition ? [...held.keys(), ...portfolio.positionsOf(account).filter((p) => p.units !== 0).map((p) => p.instrument)] : []);
    for (const d of differences) {
      if (d.instrument !== null && (d.field === 'units' || d.field === 'avgPrice')) adopt.add(d.instrument);
      else if (d.field === 'balance') portfolio.adoptBalance(account, d.broker);
    }
    for (const instrument of adopt) {
      const b = held.get(instrument);
      portfolio.adoptPosition(account, instrument, b?.units ?? 0, b?.avgPrice ?? 0, adoptedTrades(b));
    }
  }

  #finish(report: ReconcileReport): ReconcileReport {
    this.#last = report;
    try {
      this.#o.onReport?.(report);
    } catch {
      // A reporting sink's failure must not stop reconciliation; the report is still returned and kept.
    }
    return report;
  }
}

/** A broker position's trades as the Portfolio takes them: the broker's when they add up to it, else one trade of all of it. */
function adoptedTrades(b: BrokerPosition | undefined): number[] {
  if (b === undefined) return [];
  return b.trades !== undefined && tradesMakeUp(b.units, b.trades) ? b.trades : [b.units];
}

type Stage = 'broker' | 'engine' | 'policy';

function failure(err: unknown, stage: Stage): NonNullable<ReconcileReport['error']> {
  const e = isPipstreamError(err) ? err
    : new PipstreamError('PS_RECONCILE_FAILED', `reconciliation ${stage} step failed: ${err instanceof Error ? err.message : String(err)}`,
      { stage }, { cause: err });
  return { code: e.code, message: e.message, details: { ...e.details, stage } };
}
