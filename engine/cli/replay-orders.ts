import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { PipstreamError } from '../errors/mod.ts';
import { PAPER_BALANCE } from './args.ts';
import { type OrderOutcome, orderIdFor, orderLine, PaperBroker } from '../../actors/execution/mod.ts';
import { TradeBook } from '../node/trade-book.ts';
import {
  type AccountRisk, checkInstrumentOrder, commit, createAccountRisk, type InstrumentChecks, instrumentChecks, release, reserve, Reservation,
  type RiskLimits, RiskVerdict,
} from '../risk/mod.ts';
import { type AccountSnapshot, Portfolio, type PositionSnapshot } from '../portfolio/mod.ts';
import type { EngineSignal } from '../supervisor/mod.ts';

export interface ReplayOrdersSummary {
  orders: number;
  filled: number;
  rejected: number;
  rejections: Record<string, number>;
  /** Trades the broker closed at their levels, by reason (STOP_LOSS, TAKE_PROFIT): counted in orders and filled. */
  closes: Record<string, number>;
  positions: PositionSnapshot[];
  accounts: AccountSnapshot[];
}

/** Risk for one account: the limits file's instrument checks and its shared-memory budget. */
interface AccountLimits {
  risk: AccountRisk;
  checks: InstrumentChecks;
  slot: number;
}

/**
 * `replay --broker paper --orders FILE [--limits FILE] [--balance AMOUNT]`: every SIGNAL_AUTO_EXECUTE signal becomes
 * an order. With limits, the instrument checks run first, then the account's budget is reserved
 * atomically (position, open trades, order rate, loss halts), committed on a fill or released on a
 * broker rejection. The deterministic paper broker fills at the triggering tick's ask/bid (never on
 * a crossed quote); one JSON line per outcome; fills go to a netting portfolio. A fill's stop-loss and
 * take-profit stay with its trade at the paper broker, which closes the trade at the first tick that reaches
 * one: a filled line of its own (reason STOP_LOSS or TAKE_PROFIT, the opening signal's id), booked like any
 * fill but outside the limits (it only reduces the position).
 *
 * The books are live's (TradeBook): positions are marked to market on every tick the actor took, and the
 * budgets of the accounts holding them follow (daily loss, drawdown), so a loss halts trading at the tick
 * it is reached and the drawdown figures see every tick. Signals come back from the actor after their
 * ticks, so ticks wait here (32 bytes each) until a signal at or after them, the end, or a drain of the
 * actor (markTaken) marks them in order: the same file gives the same marks before every order. The
 * daily-loss budget starts again at each 17:00 New York trading-day start. Confirmations need a user (the
 * confirmation actor) and alerts place no order.
 */
export class ReplayOrders {
  readonly #broker = new PaperBroker();
  readonly #book: TradeBook;
  readonly #out: WriteStream;
  #orders = 0;
  #filled = 0;
  readonly #rejections: Record<string, number> = {};
  readonly #closes: Record<string, number> = {};

  readonly #limits: RiskLimits | null;
  readonly #instrument: string;
  readonly #accounts = new Map<string, AccountLimits>();
  readonly #verdict = new RiskVerdict();
  readonly #reservation = new Reservation();
  /** Ticks taken and not marked yet, from `#head` to `#tail`: seq, time, bid, ask each. */
  #ticks = new Float64Array(4 * 4096);
  #head = 0;
  #tail = 0;

  constructor(ordersFile: string, instrument: string, limits: RiskLimits | null = null, balance = PAPER_BALANCE) {
    if (!Number.isFinite(balance)) throw new PipstreamError('PS_BAD_ARGUMENT', `replay: balance ${balance} is not a finite amount`, { balance });
    this.#book = new TradeBook(new Portfolio({ defaultBalance: balance }), this.#broker, {
      budgetOf: (account) => this.#limitsFor(account)?.risk ?? null,
      onClose: (c) => this.#closed(c),
    });
    this.#out = createWriteStream(ordersFile);
    this.#instrument = instrument;
    this.#limits = limits;
  }

  /** A tick the actor took (AcceptedTick): marked once every signal before it is in. */
  readonly tick = (timeMs: number, bid: number, ask: number, seq: number): void => {
    let t = this.#ticks;
    if (this.#tail === t.length >> 2) {
      // Full: the waiting ticks move to the front, into a buffer twice the size when they fill half of it.
      const waiting = t.subarray(4 * this.#head, 4 * this.#tail);
      if (waiting.length * 2 > t.length) {
        t = new Float64Array(t.length * 2);
        t.set(waiting);
        this.#ticks = t;
      } else {
        t.copyWithin(0, 4 * this.#head, 4 * this.#tail);
      }
      this.#tail -= this.#head;
      this.#head = 0;
    }
    const at = 4 * this.#tail++;
    t[at] = seq;
    t[at + 1] = timeMs;
    t[at + 2] = bid;
    t[at + 3] = ask;
  };

  /** Ticks taken and not marked yet. */
  get waiting(): number {
    return this.#tail - this.#head;
  }

  /**
   * Marks every tick taken so far. Only when every signal of those ticks has been handed over (the supervisor
   * drained): a later signal is then of a later tick, so the marks are the ones it would have made.
   */
  markTaken(): void {
    this.#markUpTo(Infinity);
  }

  /** Marks the ticks taken up to `seq`, in order. */
  #markUpTo(seq: number): void {
    const t = this.#ticks;
    let h = this.#head;
    while (h < this.#tail && t[4 * h] <= seq) {
      this.#book.mark(this.#instrument, t[4 * h + 1]!, t[4 * h + 2]!, t[4 * h + 3]!);
      h++;
    }
    if (h === this.#tail) this.#head = this.#tail = 0;
    else this.#head = h;
  }

  /** A trade the broker closed at its stop-loss or take-profit: written, then booked by the book (no limit applies). */
  #closed(c: OrderOutcome): boolean {
    this.#orders++;
    this.#filled++;
    this.#closes[c.reason!] = (this.#closes[c.reason!] ?? 0) + 1;
    this.#out.write(`${orderLine(c)}\n`);
    return true;
  }

  /** The limits apply to their `account` (to every account when the file names none). */
  #limitsFor(account: string): AccountLimits | null {
    const limits = this.#limits;
    if (limits === null || (limits.account !== undefined && limits.account !== account)) return null;
    let a = this.#accounts.get(account);
    if (a === undefined) {
      const risk = createAccountRisk(limits, [this.#instrument]);
      a = { risk, checks: instrumentChecks(risk, this.#instrument), slot: risk.slotOf(this.#instrument) };
      this.#accounts.set(account, a);
    }
    return a;
  }

  #reject(s: EngineSignal, reason: string): void {
    this.#orders++;
    this.#rejections[reason] = (this.#rejections[reason] ?? 0) + 1;
    const outcome: OrderOutcome = {
      id: orderIdFor(s.id, s.time_ms), signalId: s.id, account: s.account, instrument: s.instrument, side: s.side!, units: s.units!,
      status: 'rejected', price: null, reason: reason as OrderOutcome['reason'], timeMs: s.time_ms,
      stopLossPrice: null, takeProfitPrice: null, slippagePips: 0, transactionId: null,
    };
    this.#out.write(`${orderLine(outcome)}\n`);
  }

  onSignal(s: EngineSignal): void {
    if (s.type !== 'SIGNAL_AUTO_EXECUTE' || s.side === null || s.units === null) return;
    this.#markUpTo(s.tick_seq);
    const signed = s.side === 'buy' ? s.units : -s.units;
    const limits = this.#limitsFor(s.account);
    const res = this.#reservation;
    if (limits !== null) {
      if (!checkInstrumentOrder(limits.checks, s.bid, s.ask, signed, this.#verdict)) return this.#reject(s, this.#verdict.reason!);
      reserve(limits.risk, limits.slot, signed, s.time_ms, res);
      if (!res.ok) return this.#reject(s, res.reason!);
    }
    const outcome = this.#broker.fill({
      signalId: s.id, account: s.account, instrument: s.instrument, side: s.side, units: s.units,
      stopLossPips: s.stop_loss_pips ?? undefined, takeProfitPips: s.take_profit_pips ?? undefined,
      timeMs: s.time_ms, bid: s.bid, ask: s.ask,
    });
    if (outcome.status !== 'filled' || outcome.price === null) {
      if (limits !== null) release(limits.risk, res);
      return this.#reject(s, outcome.reason ?? 'BROKER_REJECTED');
    }
    this.#orders++;
    this.#out.write(`${orderLine(outcome)}\n`);
    this.#filled++;
    if (limits !== null) commit(limits.risk, res, signed);
    this.#book.book(s.account, s.instrument, signed, outcome.price, s.time_ms, true, s.id);
  }

  /** Marks the ticks after the last signal (to the last one taken), closes the orders file and sums up. */
  async finish(): Promise<ReplayOrdersSummary> {
    this.#markUpTo(Infinity);
    this.#out.end();
    await once(this.#out, 'finish');
    const p = this.#book.portfolio;
    const positions = [...this.#book.accounts()].flatMap((a) => p.positionsOf(a));
    const accounts = [...this.#book.accounts()].map((a) => p.accountSnapshot(p.account(a)));
    return {
      orders: this.#orders, filled: this.#filled, rejected: this.#orders - this.#filled, rejections: this.#rejections, closes: this.#closes,
      positions, accounts,
    };
  }
}
