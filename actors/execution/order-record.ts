/**
 * The Redis order record of one signal (`pipstream:order:<signalId>`, JSON) and the ORDERS lifecycle
 * events it carries. The record is the idempotency key: whoever sets it first owns the order; every
 * later write is a compare-and-set against the value last written, so an actor whose claim was
 * taken over cannot overwrite the new owner's progress.
 */
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { Redis } from '../../engine/store/mod.ts';
import type { OrderOutcome, OrderSide } from './broker.ts';

export type LifecycleState = 'SUBMITTED' | 'FILLED' | 'REJECTED' | 'RISK_REJECTED';
export type RecordState = 'CLAIMED' | LifecycleState;

export const SETTLED_STATES: ReadonlySet<RecordState> = new Set(['FILLED', 'REJECTED', 'RISK_REJECTED']);

/** What an order needs from a SIGNAL_AUTO_EXECUTE signal. */
export interface OrderSignal {
  id: string;
  account: string;
  instrument: string;
  side: OrderSide;
  units: number;
  timeMs: number;
  bid: number;
  ask: number;
  stopLossPips: number | null;
  takeProfitPips: number | null;
}

/** One message on `orders.lifecycle.<account>` (JSON); `event_id` is also its JetStream msgId. */
export interface LifecycleEvent {
  event_id: string;
  state: LifecycleState;
  order_id: string;
  signal_id: string;
  account: string;
  instrument: string;
  side: OrderSide;
  units: number;
  /** The signal's tick time (no wall clock: a replay journals the same events). */
  time_ms: number;
  broker: string;
  /** Fill price (FILLED), else null. */
  price: number | null;
  /** BROKER_REASON (REJECTED) or RiskReason (RISK_REJECTED), else null. */
  reason: string | null;
  /** RISK_REJECTED: the limit and the value the order would have made of it. */
  risk: { reason: string | null; limit: number | null; value: number | null } | null;
  stop_loss_price: number | null;
  take_profit_price: number | null;
  slippage_pips: number | null;
}

export interface OrderRecord {
  v: 1;
  signalId: string;
  orderId: string;
  state: RecordState;
  /** The actor instance holding the claim, and when it took it (wall clock ms: a lease, not engine time). */
  owner: string;
  atMs: number;
  /** Lifecycle events so far, oldest first. */
  events: LifecycleEvent[];
  /** True once every event is stored in the ORDERS stream. */
  journaled: boolean;
}

export const orderKey = (signalId: string): string => `pipstream:order:${signalId}`;

export function lifecycleEvent(state: LifecycleState, s: OrderSignal, orderId: string, broker: string,
  extra: { outcome?: OrderOutcome; reason?: string | null; risk?: LifecycleEvent['risk'] }): LifecycleEvent {
  const o = extra.outcome;
  return {
    event_id: `${orderId}:${state}`, state, order_id: orderId, signal_id: s.id, account: s.account, instrument: s.instrument,
    side: s.side, units: s.units, time_ms: o?.timeMs ?? s.timeMs, broker, price: o?.price ?? null, reason: extra.reason ?? null,
    risk: extra.risk ?? null, stop_loss_price: o?.stopLossPrice ?? null, take_profit_price: o?.takeProfitPrice ?? null,
    slippage_pips: o?.slippagePips ?? null,
  };
}

export function parseRecord(raw: string, key: string): OrderRecord {
  try {
    const r = JSON.parse(raw) as OrderRecord;
    if (r.v === 1 && typeof r.orderId === 'string' && typeof r.state === 'string' && Array.isArray(r.events)) return r;
  } catch { /* reported below */ }
  throw new PipstreamError('PS_ORDER_CLAIM_LOST', `${key} holds no order record this build can read`, { key });
}

const CAS = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0`;

/** Replaces `prev` by `next` (fresh TTL) only if the key still holds `prev`. */
export async function casRecord(redis: Redis, key: string, prev: string, next: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(CAS, 1, key, prev, next, String(ttlMs))) === 1;
}
