/**
 * The books of a trade path, one for backtest and live (DESIGN.md §7): the netting portfolio, the risk
 * budgets of the accounts that hold positions, and a simulated broker's stops. A fill is booked on both
 * books; a tick rolls the trading day (17:00 New York: every holder's daily budget starts again), marks the
 * instrument's positions, lets the broker close the trades whose stop-loss or take-profit it reaches, and
 * marks the budgets of the accounts holding the instrument. `replay --orders` and the live TradePath differ
 * only in what they do around it: write order lines, or journal and publish.
 */
import type { Broker, OrderOutcome } from '../../actors/execution/broker.ts';
import { bookFill, markRisk, type Portfolio } from '../portfolio/mod.ts';
import { type AccountRisk, applyBrokerFill, resetTradingDay } from '../risk/mod.ts';

export interface TradeBookHooks {
  /** The account's budget; null while it has no limits. */
  budgetOf(account: string): AccountRisk | null;
  /**
   * A trade the broker closed at its stop-loss or take-profit, before it is booked: record it. False: it
   * cannot be booked yet (TradePath: the fill it closes is not settled); the caller books it later (bookClose).
   */
  onClose(close: OrderOutcome, bid: number, ask: number): boolean;
}

export class TradeBook {
  readonly portfolio: Portfolio;
  readonly #quote: Broker['quote'];
  readonly #hooks: TradeBookHooks;
  /** Position index by account, then instrument. */
  readonly #positions = new Map<string, Map<string, number>>();
  /** Per instrument index: the accounts with a budget that hold it (their budgets follow its marks). */
  readonly #holders: Array<Array<{ account: number; risk: AccountRisk }>> = [];
  #nextDayMs = -Infinity;

  constructor(portfolio: Portfolio, broker: Pick<Broker, 'quote'>, hooks: TradeBookHooks) {
    this.portfolio = portfolio;
    this.#quote = broker.quote?.bind(broker);
    this.#hooks = hooks;
  }

  /** Accounts with a position (flat or not), in the order they first traded. */
  accounts(): IterableIterator<string> {
    return this.#positions.keys();
  }

  /** The portfolio position of an account's instrument (its account then among accounts()). */
  position(account: string, instrument: string): number {
    let byInstrument = this.#positions.get(account);
    if (byInstrument === undefined) this.#positions.set(account, byInstrument = new Map());
    let pos = byInstrument.get(instrument);
    if (pos === undefined) byInstrument.set(instrument, pos = this.portfolio.position(account, instrument));
    return pos;
  }

  /**
   * A fill of the order of signal `signalId` on both books (`reserved`: through a reservation, see bookFill);
   * the account's budget, when it has one (it may have got limits since its last fill), follows the
   * instrument's marks from now on. Returns the position index.
   */
  book(account: string, instrument: string, signed: number, price: number, timeMs: number, reserved: boolean, signalId: string): number {
    return this.#book(account, instrument, signed, price, timeMs, reserved, this.#hooks.budgetOf(account), signalId, '');
  }

  /**
   * A trade the broker closed (its stop-loss or take-profit: that trade, named by its signal id): the budget's
   * position moves with it (outside the limits: it only reduces), then both books.
   */
  bookClose(c: OrderOutcome): number {
    const signed = c.side === 'buy' ? c.units : -c.units;
    const risk = this.#hooks.budgetOf(c.account);
    const slot = risk === null ? -1 : risk.slotOf(c.instrument);
    if (slot >= 0) applyBrokerFill(risk!, slot, signed);
    return this.#book(c.account, c.instrument, signed, c.price!, c.timeMs, false, risk, '', c.signalId);
  }

  #book(account: string, instrument: string, signed: number, price: number, timeMs: number, reserved: boolean, risk: AccountRisk | null,
    opens: string, closes: string): number {
    const pos = this.position(account, instrument);
    if (risk !== null) this.watch(account, instrument, risk);
    bookFill(this.portfolio, pos, signed, price, timeMs, risk, reserved, opens, closes);
    return pos;
  }

  /** The account's budget follows the marks of `instrument` (once per account and instrument). */
  watch(account: string, instrument: string, risk: AccountRisk): void {
    const list = (this.#holders[this.portfolio.instrument(instrument)] ??= []);
    const a = this.portfolio.account(account);
    if (!list.some((h) => h.account === a)) list.push({ account: a, risk });
  }

  /** One tick: the trading day, the positions, the broker's closes, then the budgets of the holders. */
  mark(instrument: string, timeMs: number, bid: number, ask: number): void {
    const p = this.portfolio;
    const ins = p.instrument(instrument);
    if (timeMs >= this.#nextDayMs) this.#rollDay(timeMs);
    p.mark(ins, timeMs, bid, ask);
    const closes = this.#quote?.(instrument, timeMs, bid, ask);
    if (closes !== undefined) {
      for (let k = 0; k < closes.length; k++) if (this.#hooks.onClose(closes[k]!, bid, ask)) this.bookClose(closes[k]!);
    }
    const holders = this.#holders[ins];
    if (holders !== undefined) for (let k = 0; k < holders.length; k++) markRisk(p, holders[k]!.account, holders[k]!.risk);
  }

  /** Fills booked up to `timeMs` (rebuilt from a journal): their trading day is the current one, and a later tick's starts a new one. */
  continueDayAfter(timeMs: number): void {
    if (timeMs > this.#nextDayMs) this.#nextDayMs = this.portfolio.clock.nextStartAfter(timeMs);
  }

  #rollDay(timeMs: number): void {
    if (this.#nextDayMs !== -Infinity) {
      for (const account of this.#positions.keys()) {
        const risk = this.#hooks.budgetOf(account);
        if (risk !== null) resetTradingDay(risk);
      }
    }
    this.#nextDayMs = this.portfolio.clock.nextStartAfter(timeMs);
  }
}
