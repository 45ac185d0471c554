import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { orderLine, PaperBroker } from '../../actors/execution/mod.ts';
import { type AccountSnapshot, Portfolio, type PositionSnapshot } from '../portfolio/mod.ts';
import type { EngineSignal } from '../supervisor/mod.ts';

export interface ReplayOrdersSummary {
  orders: number;
  filled: number;
  rejected: number;
  rejections: Record<string, number>;
  positions: PositionSnapshot[];
  accounts: AccountSnapshot[];
}

/**
 * `replay --broker paper --orders FILE`: every SIGNAL_AUTO_EXECUTE signal becomes an order on the
 * deterministic paper broker (fill at the triggering tick's ask/bid, never on a crossed quote), one
 * JSON line per outcome, fills applied to a netting portfolio marked at the last tick.
 * Confirmations need a user (the confirmation actor) and alerts place no order.
 */
export class ReplayOrders {
  readonly #broker = new PaperBroker();
  readonly #portfolio = new Portfolio();
  readonly #out: WriteStream;
  readonly #positions = new Map<string, number>();
  #orders = 0;
  #filled = 0;
  readonly #rejections: Record<string, number> = {};

  constructor(ordersFile: string) {
    this.#out = createWriteStream(ordersFile);
  }

  onSignal(s: EngineSignal): void {
    if (s.type !== 'SIGNAL_AUTO_EXECUTE' || s.side === null || s.units === null) return;
    const outcome = this.#broker.fill({
      signalId: s.id, account: s.account, instrument: s.instrument, side: s.side, units: s.units,
      stopLossPips: s.stop_loss_pips ?? undefined, takeProfitPips: s.take_profit_pips ?? undefined,
      timeMs: s.time_ms, bid: s.bid, ask: s.ask,
    });
    this.#orders++;
    this.#out.write(`${orderLine(outcome)}\n`);
    if (outcome.status !== 'filled' || outcome.price === null) {
      const reason = outcome.reason ?? 'UNKNOWN';
      this.#rejections[reason] = (this.#rejections[reason] ?? 0) + 1;
      return;
    }
    this.#filled++;
    const key = `${s.account}/${s.instrument}`;
    let pos = this.#positions.get(key);
    if (pos === undefined) {
      pos = this.#portfolio.position(s.account, s.instrument);
      this.#positions.set(key, pos);
    }
    this.#portfolio.applyFill(pos, s.side === 'buy' ? s.units : -s.units, outcome.price, s.time_ms);
    this.#portfolio.mark(this.#portfolio.instrument(s.instrument), s.time_ms, s.bid, s.ask);
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
