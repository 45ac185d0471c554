/**
 * The paper broker (DESIGN.md §8, "Contracts"): a buy fills at the ask, a sell at the bid, of the
 * triggering tick — or, with a latency model and a price source, of the first tick at or after
 * time + latency. Never fills on a crossed quote (ask < bid): rejected with CROSSED_QUOTE.
 * Slippage is adverse (a buy pays more, a sell receives less). Everything is deterministic: random
 * models draw from a hash of (seed, order id), so a replay produces the same outcomes.
 *
 * It also keeps the account its fills built, as a netting broker would (one position per account and
 * instrument; trades opened per fill and closed first-in first-out), so paper runs reconcile too. A trade
 * keeps its order's stop-loss and take-profit prices: `quote()` closes it at the first tick that reaches
 * one (a long at the bid, a short at the ask, that tick's price even past the level, as a stop fills in a
 * gap), the way a broker holding the orders would.
 */
import { PipstreamError } from '../../engine/errors/mod.ts';
import { derivedEventId } from '../../engine/events/mod.ts';
import { pipSize } from '../../engine/instruments/mod.ts';
import { tradesMakeUp } from '../../engine/portfolio/mod.ts';
import { BROKER_REASON, orderIdFor } from './broker.ts';
import type {
  BookTrade, Broker, BrokerAccountView, BrokerBook, BrokerPosition, BrokerReason, BrokerTransaction, OrderOutcome, OrderRequest,
} from './broker.ts';

/** Fixed slippage, or uniform in [0, maxPips] (rounded to 0.1 pip) drawn from (seed, order id). */
export type SlippageModel = { kind: 'fixed'; pips: number } | { kind: 'random'; maxPips: number; seed: number };
/** Fixed latency, or uniform integer ms in [0, maxMs] drawn from (seed, order id). */
export type LatencyModel = { kind: 'fixed'; ms: number } | { kind: 'random'; maxMs: number; seed: number };

/** A quote a price source writes into (caller-owned, so a lookup allocates nothing). */
export interface Quote { timeMs: number; bid: number; ask: number }

export interface PriceSource {
  /** Writes the first tick of `instrument` at or after `timeMs` into `out`; false when there is none. */
  quoteAtOrAfter(instrument: string, timeMs: number, out: Quote): boolean;
}

/** Tick columns as `loadTickFile` returns them (times ascending). */
export interface TickColumnsLike {
  time: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  length: number;
}

/** A price source over whole tick files (replay), by instrument; binary search per lookup. */
export function tickColumnsPriceSource(byInstrument: Readonly<Record<string, TickColumnsLike>>): PriceSource {
  return {
    quoteAtOrAfter(instrument, timeMs, out) {
      const c = byInstrument[instrument];
      if (c === undefined) return false;
      let lo = 0, hi = c.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (c.time[mid] < timeMs) lo = mid + 1; else hi = mid;
      }
      if (lo === c.length) return false;
      out.timeMs = c.time[lo];
      out.bid = c.bid[lo];
      out.ask = c.ask[lo];
      return true;
    },
  };
}

export interface PaperBrokerOptions {
  slippage?: SlippageModel;
  latency?: LatencyModel;
  /** Required when a latency model can give more than 0 ms. */
  prices?: PriceSource;
  /**
   * How many of the latest order outcomes and fills are kept at least (default 100,000; older ones are
   * dropped): a long paper-trading run must not grow without bound. A resubmitted order id is answered
   * from them (execution resubmits only an order in flight, recent by far); a reconciliation asking for
   * transactions older than them gets the kept ones.
   */
  remember?: number;
}

/** FNV-1a over the text, finished with murmur3's fmix32: a uniform draw in [0, 1) per (seed, salt, id). */
function draw(seed: number, salt: string, id: string): number {
  let h = 0x811c9dc5;
  const text = `${seed}\u001f${salt}\u001f${id}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

function nonNegative(x: number): boolean {
  return Number.isFinite(x) && x >= 0;
}

function checkOptions(o: PaperBrokerOptions): void {
  const s = o.slippage, l = o.latency;
  if (s !== undefined && !(s.kind === 'fixed' ? nonNegative(s.pips) : s.kind === 'random' && nonNegative(s.maxPips) && Number.isFinite(s.seed))) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `paper broker: bad slippage model ${JSON.stringify(s)}`, { slippage: s });
  }
  if (l !== undefined && !(l.kind === 'fixed' ? nonNegative(l.ms) : l.kind === 'random' && nonNegative(l.maxMs) && Number.isFinite(l.seed))) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `paper broker: bad latency model ${JSON.stringify(l)}`, { latency: l });
  }
  if (o.remember !== undefined && !(Number.isSafeInteger(o.remember) && o.remember > 0)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'paper broker: remember must be a positive integer', { remember: o.remember });
  }
  const canLag = l !== undefined && (l.kind === 'fixed' ? l.ms > 0 : l.maxMs > 0);
  if (canLag && o.prices === undefined) {
    throw new PipstreamError('PS_BAD_ARGUMENT', 'paper broker: a latency model needs a price source to find the later tick',
      { latency: l });
  }
}

function optionalPips(x: number | null | undefined): boolean {
  return x === undefined || x === null || (Number.isFinite(x) && x > 0);
}

/** A paper position: its account, net units, their average price and the open trades, oldest first. */
interface PaperPosition { account: string; units: number; avgPrice: number; trades: BookTrade[] }

const NO_CLOSES: readonly OrderOutcome[] = [];

/** The trade a filled order opens with `units` of it. */
function tradeOf(o: OrderOutcome, units: number): BookTrade {
  return { units, stopLoss: o.stopLossPrice, takeProfit: o.takeProfitPrice, orderId: o.id, signalId: o.signalId, openedMs: o.timeMs };
}

export class PaperBroker implements Broker {
  readonly name = 'paper';
  readonly #opts: PaperBrokerOptions;
  /** Outcomes by order id: a resubmitted order yields its original outcome (as OANDA's clientExtensions.id). */
  readonly #outcomes = new Map<string, OrderOutcome>();
  readonly #quote: Quote = { timeMs: 0, bid: 0, ask: 0 };
  /** Positions by account, then instrument. */
  readonly #accounts = new Map<string, Map<string, PaperPosition>>();
  /** The same positions by instrument: what a tick of it may close. */
  readonly #byInstrument = new Map<string, PaperPosition[]>();
  /** The kept ORDER_FILLs (fills and closes), oldest first, ids rising (this broker's count, or the journal's in a rebuilt book). */
  #fills: (BrokerTransaction & { account: string })[] = [];
  /** The id of the newest ORDER_FILL (0 before any): a restored book continues from the journal's. */
  #lastTransaction = 0;
  /** ORDER_FILLs booked per account since start (see book()). */
  readonly #transactionCount = new Map<string, number>();
  readonly #remember: number;

  constructor(opts: PaperBrokerOptions = {}) {
    checkOptions(opts);
    this.#opts = opts;
    this.#remember = opts.remember ?? 100_000;
  }

  submit(order: OrderRequest): Promise<OrderOutcome> {
    try {
      return Promise.resolve(this.fill(order));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Synchronous, deterministic execution (the replay path). */
  fill(order: OrderRequest): OrderOutcome {
    const id = order.id ?? orderIdFor(order.signalId, order.timeMs);
    const seen = this.#outcomes.get(id);
    if (seen !== undefined) return seen;
    const outcome = this.#execute(id, order);
    this.#keep(outcome);
    if (outcome.status === 'filled') this.#book(outcome);
    return outcome;
  }

  #keep(outcome: OrderOutcome): void {
    this.#outcomes.set(outcome.id, outcome);
    // A Map iterates in insertion order: its first key is the oldest outcome.
    if (this.#outcomes.size > this.#remember) this.#outcomes.delete(this.#outcomes.keys().next().value!);
  }

  /**
   * Rebuilds the book at start from the journal (it lives in memory): one filled outcome as journaled, in
   * the order this broker booked them (transaction ids). An order's fill is booked as when it happened (and
   * kept: its order id yields it again); a close at a stop-loss or take-profit closes the very trade it closed. False when it does not apply:
   * not a fill, an order already booked, or a close of a trade that is not open (its opening fill is older
   * than the journal).
   */
  restore(o: OrderOutcome): boolean {
    if (o.status !== 'filled' || !(o.price! > 0) || !Number.isSafeInteger(o.units) || o.units <= 0) return false;
    if (o.reason === BROKER_REASON.STOP_LOSS || o.reason === BROKER_REASON.TAKE_PROFIT) {
      const p = this.#accounts.get(o.account)?.get(o.instrument);
      const reason = o.reason;
      // The close's id derives from the opening order's (see quote), which names the trade exactly.
      const i = p === undefined ? -1 : p.trades.findIndex((t) => derivedEventId(t.orderId, o.timeMs, reason) === o.id);
      if (i < 0 || Math.abs(p!.trades[i]!.units) !== o.units) return false;
      this.#close(p!, i, o);
      return true;
    }
    if (this.#outcomes.has(o.id)) return false;
    this.#keep(o);
    this.#book(o);
    return true;
  }

  /** The account's open positions and trades (copies), as of its newest transaction: see Broker.book. */
  book(account: string): { book: BrokerBook; transactions: number } {
    const positions: BrokerBook['positions'] = [];
    for (const [instrument, p] of this.#accounts.get(account) ?? []) {
      if (p.units !== 0) positions.push({ instrument, units: p.units, avgPrice: p.avgPrice, trades: p.trades.map((t) => ({ ...t })) });
    }
    return { book: { lastTransactionId: this.#lastTransaction, positions }, transactions: this.#transactionCount.get(account) ?? 0 };
  }

  /**
   * A checkpointed book (Broker.loadBook): its positions and trades as they were. Refused for an account that has
   * positions here, and for a book whose trades do not make up its positions.
   */
  loadBook(account: string, book: BrokerBook): void {
    if ([...this.#accounts.get(account)?.values() ?? []].some((p) => p.units !== 0 || p.trades.length > 0)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `paper broker: account ${account} already has a book here`, { account });
    }
    for (const b of book.positions) {
      if (!tradesMakeUp(b.units, b.trades.map((t) => t.units))) {
        throw new PipstreamError('PS_BAD_ARGUMENT', `paper broker: the trades of ${account} ${b.instrument} do not make up ${b.units} units`,
          { account, instrument: b.instrument, units: b.units });
      }
    }
    for (const b of book.positions) {
      const p = this.#position(account, b.instrument);
      p.units = b.units;
      p.avgPrice = b.avgPrice;
      p.trades = b.trades.map((t) => ({ ...t }));
    }
    if (book.lastTransactionId > this.#lastTransaction) this.#lastTransaction = book.lastTransactionId;
  }

  /** The account its fills built; transactions are its fills after `sinceTransactionId`. */
  accountView(account: string, sinceTransactionId?: string | null): Promise<BrokerAccountView> {
    const positions: BrokerPosition[] = [];
    let openTradeCount = 0;
    for (const [instrument, p] of this.#accounts.get(account) ?? []) {
      if (p.units !== 0) positions.push({ instrument, units: p.units, avgPrice: p.avgPrice, trades: p.trades.map((t) => t.units) });
      openTradeCount += p.trades.length;
    }
    const last = this.#lastTransaction;
    const since = sinceTransactionId === undefined || sinceTransactionId === null ? last : Number(sinceTransactionId);
    // Ids rise but may skip (a restored book keeps the journal's): the kept ones after `since`, found by id.
    const after = Number.isSafeInteger(since) && since >= 0 ? since : last;
    let from = this.#fills.length;
    while (from > 0 && Number(this.#fills[from - 1]!.id) > after) from--;
    const transactions = this.#fills.slice(from).filter((f) => f.account === account).map(({ account: _, ...tx }) => tx);
    return Promise.resolve({
      account, brokerAccountId: account, positions, openTradeCount, balance: null,
      lastTransactionId: String(last), transactions,
    });
  }

  /**
   * A tick of `instrument`: the open trades whose stop-loss or take-profit it reaches are closed at its price,
   * booked, and returned as filled outcomes (reason STOP_LOSS or TAKE_PROFIT, the opening order's signal id, an
   * id derived from the opening order's), oldest trade first. Nothing on a crossed quote, and no trade on a
   * tick older than its fill. Allocates nothing when no level is reached.
   */
  quote(instrument: string, timeMs: number, bid: number, ask: number): readonly OrderOutcome[] {
    if (!(ask >= bid)) return NO_CLOSES;
    const positions = this.#byInstrument.get(instrument);
    if (positions === undefined) return NO_CLOSES;
    let closes: OrderOutcome[] | null = null;
    for (let k = 0; k < positions.length; k++) {
      const p = positions[k]!;
      for (let i = 0; i < p.trades.length;) {
        const t = p.trades[i]!;
        const exit = t.units > 0 ? bid : ask;
        // A tick older than the trade (ticks replayed again after a restart rebuilt the book) cannot close it.
        const reached = timeMs < t.openedMs ? null : t.stopLoss !== null && (t.units > 0 ? exit <= t.stopLoss : exit >= t.stopLoss) ? BROKER_REASON.STOP_LOSS
          : t.takeProfit !== null && (t.units > 0 ? exit >= t.takeProfit : exit <= t.takeProfit) ? BROKER_REASON.TAKE_PROFIT : null;
        if (reached === null) {
          i++;
          continue;
        }
        const close: OrderOutcome = {
          id: derivedEventId(t.orderId, timeMs, reached), signalId: t.signalId, account: p.account, instrument, side: t.units > 0 ? 'sell' : 'buy',
          units: Math.abs(t.units), status: 'filled', price: exit, reason: reached, timeMs, stopLossPrice: null, takeProfitPrice: null,
          slippagePips: 0, transactionId: null,
        };
        this.#close(p, i, close);
        (closes ??= []).push(close);
      }
    }
    return closes ?? NO_CLOSES;
  }

  /** Closes trade `i` of `p` at the broker's own order (`close`: its stop-loss or take-profit). */
  #close(p: PaperPosition, i: number, close: OrderOutcome): void {
    const units = p.trades[i]!.units;
    p.trades.splice(i, 1);
    this.#net(p, -units, close.price!);
    this.#transaction(close, -units, null, close.reason === BROKER_REASON.STOP_LOSS ? 'STOP_LOSS_ORDER' : 'TAKE_PROFIT_ORDER');
  }

  /** Nets a fill into its position the way Portfolio.applyFill does, and opens or closes trades FIFO. */
  #book(o: OrderOutcome): void {
    const price = o.price!;
    const signed = o.side === 'buy' ? o.units : -o.units;
    const p = this.#position(o.account, o.instrument);
    if (p.units === 0 || (p.units > 0) === (signed > 0)) {
      p.trades.push(tradeOf(o, signed));
    } else {
      let rest = signed;
      while (rest !== 0 && p.trades.length > 0) {
        const t = p.trades[0]!;
        if (Math.abs(t.units) <= Math.abs(rest)) { rest += t.units; p.trades.shift(); } else { t.units += rest; rest = 0; }
      }
      // What is left opens a trade the other way, with this order's levels.
      if (rest !== 0) p.trades.push(tradeOf(o, rest));
    }
    this.#net(p, signed, price);
    this.#transaction(o, signed, o.signalId, 'MARKET_ORDER');
  }

  /** An account's position in an instrument, made flat when new. */
  #position(account: string, instrument: string): PaperPosition {
    let byInstrument = this.#accounts.get(account);
    if (byInstrument === undefined) this.#accounts.set(account, byInstrument = new Map());
    let p = byInstrument.get(instrument);
    if (p === undefined) {
      byInstrument.set(instrument, p = { account, units: 0, avgPrice: 0, trades: [] });
      let same = this.#byInstrument.get(instrument);
      if (same === undefined) this.#byInstrument.set(instrument, same = []);
      same.push(p);
    }
    return p;
  }

  /** The position's units and average price after a fill of `signed` units at `price`. */
  #net(p: PaperPosition, signed: number, price: number): void {
    const left = p.units + signed;
    if (p.units === 0 || (p.units > 0) === (signed > 0)) {
      p.avgPrice = (p.avgPrice * Math.abs(p.units) + price * Math.abs(signed)) / Math.abs(left);
    } else if (left === 0) {
      p.avgPrice = 0;
    } else if ((left > 0) !== (p.units > 0)) {
      p.avgPrice = price;
    }
    p.units = left;
  }

  /**
   * An ORDER_FILL transaction, its id set on the outcome (a restored one keeps the id it was journaled with);
   * `clientOrderId` null for the broker's own orders (a stop-loss), as OANDA reports them.
   */
  #transaction(o: OrderOutcome, signed: number, clientOrderId: string | null, reason: string): void {
    const kept = Number(o.transactionId);
    this.#lastTransaction = o.transactionId !== null && Number.isSafeInteger(kept) && kept > this.#lastTransaction ? kept : this.#lastTransaction + 1;
    o.transactionId = String(this.#lastTransaction);
    this.#transactionCount.set(o.account, (this.#transactionCount.get(o.account) ?? 0) + 1);
    this.#fills.push({
      account: o.account, id: o.transactionId, type: 'ORDER_FILL', timeMs: o.timeMs, instrument: o.instrument,
      units: signed, price: o.price, clientOrderId, reason,
    });
    // Dropped a whole `remember` at a time, so each fill is copied at most once.
    if (this.#fills.length >= 2 * this.#remember) this.#fills = this.#fills.slice(this.#remember);
  }

  /** Latency for an order id, in ms. */
  latencyMs(orderId: string): number {
    const l = this.#opts.latency;
    if (l === undefined) return 0;
    return l.kind === 'fixed' ? l.ms : Math.floor(draw(l.seed, 'latency', orderId) * (l.maxMs + 1));
  }

  /** Adverse slippage for an order id, in pips. */
  slippagePips(orderId: string): number {
    const s = this.#opts.slippage;
    if (s === undefined) return 0;
    return s.kind === 'fixed' ? s.pips : Math.round(draw(s.seed, 'slippage', orderId) * s.maxPips * 10) / 10;
  }

  #execute(id: string, order: OrderRequest): OrderOutcome {
    const { instrument, side } = order;
    if ((side !== 'buy' && side !== 'sell') || !Number.isSafeInteger(order.units) || order.units <= 0 ||
      !(order.bid > 0) || !(order.ask > 0) || !Number.isFinite(order.bid) || !Number.isFinite(order.ask) ||
      !Number.isFinite(order.timeMs) || !optionalPips(order.stopLossPips) || !optionalPips(order.takeProfitPips)) {
      return rejected(id, order, BROKER_REASON.INVALID_ORDER, order.timeMs);
    }
    let timeMs = order.timeMs, bid = order.bid, ask = order.ask;
    const lag = this.latencyMs(id);
    if (lag > 0) {
      const q = this.#quote;
      if (!this.#opts.prices!.quoteAtOrAfter(instrument, order.timeMs + lag, q)) return rejected(id, order, BROKER_REASON.NO_PRICE, order.timeMs + lag);
      timeMs = q.timeMs; bid = q.bid; ask = q.ask;
    }
    if (ask < bid) return rejected(id, order, BROKER_REASON.CROSSED_QUOTE, timeMs);
    const pip = pipSize(instrument);
    // Prices are quoted to a tenth of a pip; computed prices are rounded to that so they print cleanly.
    const scale = Math.round(10 / pip);
    const slip = this.slippagePips(id);
    const sign = side === 'buy' ? 1 : -1;
    const base = side === 'buy' ? ask : bid;
    const price = slip === 0 ? base : roundTo(base + sign * slip * pip, scale);
    const sl = order.stopLossPips, tp = order.takeProfitPips;
    return {
      id, signalId: order.signalId, account: order.account, instrument, side, units: order.units,
      status: 'filled', price, reason: null, timeMs,
      stopLossPrice: sl === undefined || sl === null ? null : roundTo(price - sign * sl * pip, scale),
      takeProfitPrice: tp === undefined || tp === null ? null : roundTo(price + sign * tp * pip, scale),
      slippagePips: slip, transactionId: null,
    };
  }
}

function rejected(id: string, order: OrderRequest, reason: BrokerReason, timeMs: number): OrderOutcome {
  return {
    id, signalId: order.signalId, account: order.account, instrument: order.instrument, side: order.side, units: order.units,
    status: 'rejected', price: null, reason, timeMs, stopLossPrice: null, takeProfitPrice: null, slippagePips: 0, transactionId: null,
  };
}

const roundTo = (p: number, scale: number): number => Math.round(p * scale) / scale;
