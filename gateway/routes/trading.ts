/**
 * The account's trading records, read from PostgreSQL (written by the persistence actor): orders with
 * their lifecycle, positions, P&L, signals, notifications, pending confirmations. Writes go through
 * NATS only: a manual order is a SIGNAL_AUTO_EXECUTE signal on SIGNALS (the same risk and execution
 * path as a workflow's), confirm/reject is a request to the confirmation actor.
 */
import { newEventId, encodeSignalEvent, EventType, makeEnvelope, Side, SignalMode } from '../../engine/events/mod.ts';
import { orderIdFor } from '../../engine/events/trade.ts';
import { isPipstreamError, PipstreamError } from '../../engine/errors/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import type { GatewayDeps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import type { RouteDef } from '../http/route.ts';
import { S } from '../http/validate.ts';

const limitQuery = { limit: { type: 'string', pattern: '^[1-9][0-9]{0,3}$' } };
const limitOf = (q: URLSearchParams) => Math.min(Number(q.get('limit') ?? 100), 1000);
const list = (key: string) => ({ type: 'object', properties: { [key]: { type: 'array', items: { type: 'object' } } } });

export const MANUAL_WORKFLOW = 'manual';
/**
 * A manual order's time in force when the trader names none, seconds: decided later (no node served the
 * account meanwhile, an outage), it is refused ORDER_EXPIRED instead of trading on a market that has moved on.
 */
export const MANUAL_ORDER_EXPIRY_S = 30;
/** The longest time in force a trader may give: an hour, as max_signal_age_ms. */
const MAX_MANUAL_ORDER_EXPIRY_S = 3600;

/** What the confirmation actor answers (actors/confirmation ConfirmReply). */
interface ConfirmReply { ok: boolean; state: string | null; reason?: string; outcome?: unknown }

/** Asks the confirmation actor to confirm or reject; the account is the caller's, never the client's. */
export async function decideConfirmation(deps: GatewayDeps, account: string, op: 'confirm' | 'reject', id: string): Promise<ConfirmReply> {
  const data = Buffer.from(JSON.stringify({ op, id, account }));
  let reply: Uint8Array;
  try {
    reply = await deps.bus.request(Subjects.confirmRequest(account), data, { timeoutMs: deps.options.confirmTimeoutMs });
  } catch (err) {
    // Only the node holding the order answers: silence means no node holds it (for this account).
    if (isPipstreamError(err, 'PS_TIMEOUT')) return { ok: false, state: null, reason: `no pending order ${id}` };
    throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `the confirmation service did not answer: ${(err as Error).message}`, { service: 'confirmation' }, { cause: err });
  }
  return JSON.parse(Buffer.from(reply).toString('utf8')) as ConfirmReply;
}

export function tradingRoutes(deps: GatewayDeps): RouteDef[] {
  const { sql } = deps;
  const decide = (op: 'confirm' | 'reject'): RouteDef => ({
    method: 'post', path: `/v1/accounts/{account}/confirmations/{id}/${op}`, tag: 'confirmations', access: 'write', params: { id: S.uuid },
    summary: op === 'confirm' ? 'Confirm a pending order (it is risk-checked again at the current price)' : 'Reject a pending order',
    response: { status: 200, description: "the confirmation actor's answer", schema: { type: 'object' } },
    async handle(ctx) {
      const reply = await decideConfirmation(deps, ctx.params.account, op, ctx.params.id);
      if (reply.state === null) throw notFound(`pending order ${ctx.params.id}`);
      return { body: reply };
    },
  });
  return [
    {
      method: 'get', path: '/v1/accounts/{account}/orders', tag: 'orders', access: 'read', query: limitQuery,
      summary: 'Orders, latest state, newest first', response: { status: 200, description: 'orders', schema: list('orders') },
      async handle(ctx) {
        return { body: { orders: await sql`select * from orders where account = ${ctx.params.account} order by time desc limit ${limitOf(ctx.query)}` } };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/orders/{orderId}', tag: 'orders', access: 'read', params: { orderId: S.uuid },
      summary: 'One order with every lifecycle event', response: { status: 200, description: 'the order', schema: { type: 'object' } },
      async handle(ctx) {
        const rows = await sql`select * from orders where account = ${ctx.params.account} and order_id = ${ctx.params.orderId}`;
        if (rows.length === 0) throw notFound(`order ${ctx.params.orderId}`);
        const events = await sql`select * from order_events where account = ${ctx.params.account} and order_id = ${ctx.params.orderId} order by time`;
        return { body: { ...rows[0], events } };
      },
    },
    {
      method: 'post', path: '/v1/accounts/{account}/orders', tag: 'orders', access: 'write',
      summary: 'A manual market order: journaled as a signal, risk-checked and executed like a workflow order',
      body: { type: 'object', required: ['instrument', 'side', 'units'], additionalProperties: false, properties: {
        instrument: S.instrument, side: { enum: ['buy', 'sell'] }, units: { type: 'integer', minimum: 1, maximum: 100_000_000 },
        stop_loss_pips: { type: 'number', exclusiveMinimum: 0, maximum: 10_000 }, take_profit_pips: { type: 'number', exclusiveMinimum: 0, maximum: 10_000 },
        expiry_s: { type: 'number', exclusiveMinimum: 0, maximum: MAX_MANUAL_ORDER_EXPIRY_S,
          description: `time in force, seconds (default ${MANUAL_ORDER_EXPIRY_S}): not decided by then, the order is refused ORDER_EXPIRED` },
      } },
      response: { status: 202, description: 'accepted: follow it on the orders channel or GET the order', schema: { type: 'object' } },
      async handle(ctx) {
        const b = ctx.body as { instrument: string; side: 'buy' | 'sell'; units: number; stop_loss_pips?: number; take_profit_pips?: number; expiry_s?: number };
        const quote = deps.prices.latest(b.instrument);
        if (quote === null) throw new PipstreamError('PS_CONFLICT', `no price for ${b.instrument} yet: is the instrument registered and quoted?`);
        const id = newEventId();
        const timeMs = Date.now();
        const expiryS = b.expiry_s ?? MANUAL_ORDER_EXPIRY_S;
        await deps.bus.publish(Subjects.signals(ctx.params.account), encodeSignalEvent({
          envelope: makeEnvelope(EventType.EVENT_TYPE_SIGNAL, { eventId: id, sourceTsUs: timeMs * 1000 }),
          signal: {
            id, account: ctx.params.account, workflowId: MANUAL_WORKFLOW, workflowVersion: 0, nodeId: MANUAL_WORKFLOW, triggerNodeId: MANUAL_WORKFLOW,
            instrument: b.instrument, mode: SignalMode.SIGNAL_AUTO_EXECUTE, timeMs, price: b.side === 'buy' ? quote.ask : quote.bid,
            bid: quote.bid, ask: quote.ask, side: b.side === 'buy' ? Side.SIDE_BUY : Side.SIDE_SELL, units: b.units,
            stopLossPips: b.stop_loss_pips ?? 0, takeProfitPips: b.take_profit_pips ?? 0, tickSeq: quote.seq, tradeable: quote.ask >= quote.bid,
            expiryS,
          },
        }), { msgId: id });
        return {
          status: 202,
          body: { order_id: orderIdFor(id, timeMs), signal_id: id, bid: quote.bid, ask: quote.ask, expires_at: new Date(timeMs + expiryS * 1000).toISOString() },
        };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/positions', tag: 'portfolio', access: 'read',
      summary: 'Current positions (units signed: long > 0)', response: { status: 200, description: 'positions', schema: list('positions') },
      async handle(ctx) {
        return { body: { positions: await sql`select instrument, units, avg_price, realized, time, order_id from positions
          where account = ${ctx.params.account} order by instrument` } };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/pnl', tag: 'portfolio', access: 'read', query: limitQuery,
      summary: 'P&L samples, newest first', response: { status: 200, description: 'samples', schema: list('pnl') },
      async handle(ctx) {
        return { body: { pnl: await sql`select time, balance, realized, unrealized, equity, equity_peak, drawdown_pct, daily_pnl, day_start
          from pnl_series where account = ${ctx.params.account} order by time desc limit ${limitOf(ctx.query)}` } };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/signals', tag: 'signals', access: 'read', query: limitQuery,
      summary: 'Signal history, newest first', response: { status: 200, description: 'signals', schema: list('signals') },
      async handle(ctx) {
        return { body: { signals: await sql`select * from signals where account = ${ctx.params.account} order by time desc limit ${limitOf(ctx.query)}` } };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/notifications', tag: 'notifications', access: 'read', query: limitQuery,
      summary: 'Notifications, newest first', response: { status: 200, description: 'notifications', schema: list('notifications') },
      async handle(ctx) {
        return { body: { notifications: await sql`select * from notifications where account = ${ctx.params.account}
          order by time desc limit ${limitOf(ctx.query)}` } };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/confirmations', tag: 'confirmations', access: 'read',
      summary: 'Orders waiting for confirmation', response: { status: 200, description: 'pending orders', schema: list('confirmations') },
      async handle(ctx) {
        return { body: { confirmations: await sql`select o.signal_id as id, o.order_id, o.instrument, o.side, o.units, o.time, e.expires_at
          from orders o left join order_events e on e.event_id = o.event_id
          where o.account = ${ctx.params.account} and o.state = 'PENDING_CONFIRMATION' order by o.time desc` } };
      },
    },
    decide('confirm'),
    decide('reject'),
  ];
}
