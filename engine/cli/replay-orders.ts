import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { type OrderOutcome, orderIdFor, orderLine, PaperBroker } from '../../actors/execution/mod.ts';
import {
  type AccountRisk, checkInstrumentOrder, commit, createAccountRisk, type InstrumentChecks, instrumentChecks, release, reserve, Reservation,
  resetTradingDay, type RiskLimits, RiskVerdict,
} from '../risk/mod.ts';
import { type AccountSnapshot, bookFill, Portfolio, type PositionSnapshot } from '../portfolio/mod.ts';
import type { EngineSignal } from '../supervisor/mod.ts';

export interface ReplayOrdersSummary {
  orders: number;
  filled: number;
  rejected: number;
  rejections: Record<string, number>;
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
 * `replay --broker paper --orders FILE [--limits FILE]`: every SIGNAL_AUTO_EXECUTE signal becomes an
 * order. With limits, the instrument checks run first, then the account's budget is reserved
 * atomically (position, open trades, order rate, loss halts), committed on a fill or released on a
 * broker rejection. The deterministic paper broker fills at the triggering tick's ask/bid (never on
 * a crossed quote); one JSON line per outcome; fills go to a netting portfolio marked at the last tick.
 * Fills are booked as live (engine/portfolio bookFill); the daily-loss budget starts again at each 17:00
 * New York trading-day start (seen at the first signal after it). Confirmations need a user (the
 * confirmation actor) and alerts place no order.
 */
export class ReplayOrders {
  readonly #broker = new PaperBroker();
  readonly #portfolio = new Portfolio();
  readonly #out: WriteStream;
  readonly #positions = new Map<string, number>();
  #orders = 0;
  #filled = 0;
  readonly #rejections: Record<string, number> = {};

  readonly #limits: RiskLimits | null;
  readonly #instrument: string;
  readonly #accounts = new Map<string, AccountLimits>();
  readonly #verdict = new RiskVerdict();
  readonly #reservation = new Reservation();
  #nextDayMs = -Infinity;

  constructor(ordersFile: string, instrument: string, limits: RiskLimits | null = null) {
    this.#out = createWriteStream(ordersFile);
    this.#instrument = instrument;
    this.#limits = limits;
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
      stopLossPrice: null, takeProfitPrice: null, slippagePips: 0,
    };
    this.#out.write(`${orderLine(outcome)}\n`);
  }

  onSignal(s: EngineSignal): void {
    if (s.type !== 'SIGNAL_AUTO_EXECUTE' || s.side === null || s.units === null) return;
    if (s.time_ms >= this.#nextDayMs) {
      if (this.#nextDayMs !== -Infinity) for (const a of this.#accounts.values()) resetTradingDay(a.risk);
      this.#nextDayMs = this.#portfolio.clock.nextStartAfter(s.time_ms);
    }
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
    const key = `${s.account}/${s.instrument}`;
    let pos = this.#positions.get(key);
    if (pos === undefined) {
      pos = this.#portfolio.position(s.account, s.instrument);
      this.#positions.set(key, pos);
    }
    this.#portfolio.mark(this.#portfolio.instrument(s.instrument), s.time_ms, s.bid, s.ask);
    if (limits !== null) commit(limits.risk, res, signed);
    bookFill(this.#portfolio, pos, signed, outcome.price, s.time_ms, limits?.risk ?? null);
  }

  /** Marks to market at the last tick, closes the orders file and sums up. */
  async finish(instrument: string, lastTimeMs: number, lastBid: number, lastAsk: number): Promise<ReplayOrdersSummary> {
    if (this.#positions.size > 0) this.#portfolio.mark(this.#portfolio.instrument(instrument), lastTimeMs, lastBid, lastAsk);
    this.#out.end();
    await once(this.#out, 'finish');
    const positions = [...this.#positions.values()].map((p) => this.#portfolio.positionSnapshot(p));
    const accounts = [...new Set(positions.map((p) => p.account))].map((a) => this.#portfolio.accountSnapshot(this.#portfolio.account(a)));
    return { orders: this.#orders, filled: this.#filled, rejected: this.#orders - this.#filled, rejections: this.#rejections, positions, accounts };
  }
}
