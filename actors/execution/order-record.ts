/**
 * The Redis order record of one signal (`pipstream:order:<signalId>`, JSON) and the ORDERS lifecycle
 * events it carries. The record is the idempotency key: whoever sets it first owns the order; every
 * later write is a compare-and-set against the value last written, so an actor whose claim was
 * taken over cannot overwrite the new owner's progress.
 */
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { OrderUpdateFields, RiskDecisionFields } from '../../engine/events/trade.ts';
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
  workflowId: string;
  workflowVersion: number;
}

/** One ORDERS state change of an execution-owned order (journaled as protobuf, see engine/events/trade.ts). */
export type LifecycleEvent = OrderUpdateFields & { state: LifecycleState };

export interface OrderRecord {
  v: 2;
  signalId: string;
  orderId: string;
  state: RecordState;
  /** The actor instance holding the claim, and when it took it (wall clock ms: a lease, not engine time). */
  owner: string;
  atMs: number;
  /** The risk decision (journaled on RISK before the lifecycle events); null when the account has no limits. */
  risk: RiskDecisionFields | null;
  /** Lifecycle events so far, oldest first. */
  events: LifecycleEvent[];
  /** True once every event is stored in the ORDERS stream. */
  journaled: boolean;
}

export const orderKey = (signalId: string): string => `pipstream:order:${signalId}`;

export function lifecycleEvent(state: LifecycleState, s: OrderSignal, orderId: string, broker: string,
  extra: { outcome?: OrderOutcome; reason?: string | null; risk?: { limit: number | null; value: number | null } }): LifecycleEvent {
  const o = extra.outcome;
  return {
    orderId, signalId: s.id, account: s.account, instrument: s.instrument, state, side: s.side, units: s.units,
    timeMs: o?.timeMs ?? s.timeMs, broker, price: o?.price ?? null, reason: extra.reason ?? null, riskLimit: extra.risk?.limit ?? null,
    riskValue: extra.risk?.value ?? null, stopLossPrice: o?.stopLossPrice ?? null, takeProfitPrice: o?.takeProfitPrice ?? null,
    slippagePips: o?.slippagePips ?? null, bid: s.bid, ask: s.ask, expiresMs: null, workflowId: s.workflowId,
    workflowVersion: s.workflowVersion, stopLossPips: s.stopLossPips, takeProfitPips: s.takeProfitPips,
  };
}

export function parseRecord(raw: string, key: string): OrderRecord {
  try {
    const r = JSON.parse(raw) as OrderRecord;
    if (r.v === 2 && typeof r.orderId === 'string' && typeof r.state === 'string' && Array.isArray(r.events)) return r;
  } catch { /* reported below */ }
  throw new PipstreamError('PS_ORDER_CLAIM_LOST', `${key} holds no order record this build can read`, { key });
}

const CAS = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) return 1 end return 0`;

/** Replaces `prev` by `next` (fresh TTL) only if the key still holds `prev`. */
export async function casRecord(redis: Redis, key: string, prev: string, next: string, ttlMs: number): Promise<boolean> {
  return (await redis.eval(CAS, 1, key, prev, next, String(ttlMs))) === 1;
}
