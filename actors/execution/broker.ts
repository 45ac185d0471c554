/**
 * The one broker interface (DESIGN.md §8). `submit` is asynchronous because a real broker (OANDA v20)
 * answers over HTTP; the paper broker also offers a synchronous `fill` for the deterministic replay
 * path, and its `submit` just wraps `fill`.
 */

export type OrderSide = 'buy' | 'sell';
export type OrderStatus = 'filled' | 'rejected';

/**
 * Broker reason codes (the `reason` of the `--orders` line): why an order was rejected, or why the broker
 * closed a trade on its own (a filled STOP_LOSS or TAKE_PROFIT).
 */
export const BROKER_REASON = {
  /** The quote to fill at has ask < bid: never tradeable (DESIGN.md "Contracts"). */
  CROSSED_QUOTE: 'CROSSED_QUOTE',
  /** Latency model: no tick at or after the order time + latency. */
  NO_PRICE: 'NO_PRICE',
  /** Units not a positive safe integer, unknown side, bad stop-loss/take-profit pips or quote. */
  INVALID_ORDER: 'INVALID_ORDER',
  /** The broker itself refused the order (a real broker's reject transaction). */
  BROKER_REJECTED: 'BROKER_REJECTED',
  /** The broker's circuit breaker is open: nothing was sent (DESIGN.md §8: rejected, never queued). */
  BROKER_UNAVAILABLE: 'BROKER_UNAVAILABLE',
  /** The broker's bulkhead is full: nothing was sent. */
  BROKER_BUSY: 'BROKER_BUSY',
  /** A filled close: the trade's stop-loss price was reached. */
  STOP_LOSS: 'STOP_LOSS',
  /** A filled close: the trade's take-profit price was reached. */
  TAKE_PROFIT: 'TAKE_PROFIT',
} as const;
export type BrokerReason = (typeof BROKER_REASON)[keyof typeof BROKER_REASON];

export interface OrderRequest {
  /** Order id; when absent, `orderIdFor(signalId, timeMs)`. The idempotency key at the broker. */
  id?: string;
  signalId: string;
  account: string;
  instrument: string;
  side: OrderSide;
  /** Positive integer. */
  units: number;
  stopLossPips?: number | null;
  takeProfitPips?: number | null;
  /** Time of the triggering tick (the signal's `time_ms`). */
  timeMs: number;
  /** Quote of the triggering tick. */
  bid: number;
  ask: number;
}

export interface OrderOutcome {
  id: string;
  signalId: string;
  account: string;
  instrument: string;
  side: OrderSide;
  units: number;
  status: OrderStatus;
  /** Fill price; null when rejected. */
  price: number | null;
  /** A BROKER_REASON code when rejected, or on the broker's own close of a trade; null for a filled order. */
  reason: BrokerReason | null;
  /** Time of the tick the order filled (or was rejected) on. */
  timeMs: number;
  /** From the fill price and the order's pips; null when not asked for or rejected. */
  stopLossPrice: number | null;
  takeProfitPrice: number | null;
  /** Adverse slippage applied, in pips (0 when rejected). */
  slippagePips: number;
  /**
   * The broker's id of the transaction that filled (or refused) the order, ids rising in the order the broker
   * booked them (the paper broker counts them, OANDA's are its own); null when there is none.
   */
  transactionId: string | null;
}

/** One net position as the broker holds it (netting: one signed position per instrument). */
export interface BrokerPosition {
  instrument: string;
  /** Signed, never 0: positive long, negative short. */
  units: number;
  avgPrice: number;
  /** The signed units of the open trades that make it up, oldest first, when the broker keeps trades. */
  trades?: number[];
}

/** The fields of a broker transaction reconciliation reports (plain data: JSON-serialisable). */
export interface BrokerTransaction {
  id: string;
  /** The broker's type, e.g. OANDA's ORDER_FILL, MARKET_ORDER, DAILY_FINANCING. */
  type: string;
  timeMs: number;
  instrument: string | null;
  /** Signed units of a fill; null for transactions without units. */
  units: number | null;
  price: number | null;
  /** The order's client id (pipstream sets the signal id); null when the order was placed elsewhere. */
  clientOrderId: string | null;
  reason: string | null;
}

/** What the broker says one account holds: reconciliation compares it with the Portfolio. */
export interface BrokerAccountView {
  /** The engine's account name it was asked for. */
  account: string;
  /** The broker's own id of that account. */
  brokerAccountId: string;
  /** Open (non-flat) positions only. */
  positions: BrokerPosition[];
  /** Null when the broker has no notion of trades. */
  openTradeCount: number | null;
  /** Cash balance (realized P&L included); null when the broker does not keep one. */
  balance: number | null;
  /** The newest transaction this view includes; null when the broker keeps no transaction log. */
  lastTransactionId: string | null;
  /** Transactions after the id asked for, oldest first; empty when none was asked for. */
  transactions: BrokerTransaction[];
}

export interface Broker {
  readonly name: string;
  /** Resolves with the outcome; the same order id always yields the original outcome. */
  submit(order: OrderRequest): Promise<OrderOutcome>;
  /**
   * The same answer at once, from a broker that needs no I/O for it (the paper broker): execution then takes
   * a wave of orders from claim to journal in one pass, without a promise per order.
   */
  fill?(order: OrderRequest): OrderOutcome;
  /** The account as the broker holds it, with the transactions after `sinceTransactionId` when given. */
  accountView?(account: string, sinceTransactionId?: string | null): Promise<BrokerAccountView>;
  /**
   * A tick, for a broker that is a simulation (the paper broker): the trades it closed on it at their
   * stop-loss or take-profit, as filled outcomes. A real broker executes its own and reports them in its
   * transactions (reconciliation).
   */
  quote?(instrument: string, timeMs: number, bid: number, ask: number): readonly OrderOutcome[];
  /**
   * A broker whose book lives in memory (the paper broker) rebuilt at start from the journal: one filled
   * outcome as journaled, in the order the broker booked them; false when it does not apply (see PaperBroker.restore).
   */
  restore?(fill: OrderOutcome): boolean;
  /**
   * Such a broker's book of one account, for a checkpoint (plain data), with how many transactions it booked for
   * the account since it started (or loaded its book): its caller checkpoints only when it booked as many.
   */
  book?(account: string): { book: BrokerBook; transactions: number };
  /** Loads a checkpointed book of an account this broker has booked nothing for; its transaction ids continue after the book's. */
  loadBook?(account: string, book: BrokerBook): void;
}

/** An open trade of a book kept in memory: signed units, its order's levels (null: none), that order and its fill time. */
export interface BookTrade { units: number; stopLoss: number | null; takeProfit: number | null; orderId: string; signalId: string; openedMs: number }

/** An account's book kept in memory, as data: every transaction of the account up to `lastTransactionId` is in it. */
export interface BrokerBook {
  lastTransactionId: number;
  /** Positions that are not flat, with their open trades, oldest first. */
  positions: Array<{ instrument: string; units: number; avgPrice: number; trades: BookTrade[] }>;
}

export { orderIdFor } from '../../engine/events/trade.ts';

/** The `--orders` JSON line (DESIGN.md "Contracts"), without the newline. */
export function orderLine(o: OrderOutcome): string {
  return JSON.stringify({
    id: o.id, signal_id: o.signalId, instrument: o.instrument, side: o.side, units: o.units,
    price: o.price, status: o.status, reason: o.reason, time_ms: o.timeMs,
  });
}
