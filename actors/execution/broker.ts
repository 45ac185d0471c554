/**
 * The one broker interface (DESIGN.md §8). `submit` is asynchronous because a real broker (OANDA v20)
 * answers over HTTP; the paper broker also offers a synchronous `fill` for the deterministic replay
 * path, and its `submit` just wraps `fill`.
 */
import { deterministicEventId } from '../../engine/events/mod.ts';

export type OrderSide = 'buy' | 'sell';
export type OrderStatus = 'filled' | 'rejected';

/** Broker reason codes carried by a rejected outcome (the `reason` of the `--orders` line). */
export const BROKER_REASON = {
  /** The quote to fill at has ask < bid: never tradeable (DESIGN.md "Contracts"). */
  CROSSED_QUOTE: 'CROSSED_QUOTE',
  /** Latency model: no tick at or after the order time + latency. */
  NO_PRICE: 'NO_PRICE',
  /** Units not a positive safe integer, unknown side, bad stop-loss/take-profit pips or quote. */
  INVALID_ORDER: 'INVALID_ORDER',
  /** The broker itself refused the order (a real broker's reject transaction). */
  BROKER_REJECTED: 'BROKER_REJECTED',
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
  /** A BROKER_REASON code when rejected; null when filled. */
  reason: BrokerReason | null;
  /** Time of the tick the order filled (or was rejected) on. */
  timeMs: number;
  /** From the fill price and the order's pips; null when not asked for or rejected. */
  stopLossPrice: number | null;
  takeProfitPrice: number | null;
  /** Adverse slippage applied, in pips (0 when rejected). */
  slippagePips: number;
}

export interface Broker {
  readonly name: string;
  /** Resolves with the outcome; the same order id always yields the original outcome. */
  submit(order: OrderRequest): Promise<OrderOutcome>;
}

/**
 * The order id of a signal: a UUIDv7-layout id derived from the signal id and its time only, so a
 * replay (which reproduces signal ids) reproduces order ids, and a retried signal cannot double an order.
 */
export function orderIdFor(signalId: string, timeMs: number): string {
  return deterministicEventId(timeMs, 'order', signalId);
}

/** The `--orders` JSON line (DESIGN.md "Contracts"), without the newline. */
export function orderLine(o: OrderOutcome): string {
  return JSON.stringify({
    id: o.id, signal_id: o.signalId, instrument: o.instrument, side: o.side, units: o.units,
    price: o.price, status: o.status, reason: o.reason, time_ms: o.timeMs,
  });
}
