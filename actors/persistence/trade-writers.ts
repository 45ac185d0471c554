/**
 * Writers for the trade path's journal (engine/events/trade.ts readers): ORDERS into order_events, orders
 * and fills; RISK into risk_decisions; NOTIFY into notifications. Each batch is one statement (data-
 * modifying CTEs over one unnest), so the arrays cross the wire once.
 */
import { readNotification, readOrderUpdate, readRiskDecision, type OrderStateName } from '../../engine/events/trade.ts';
import { cleanText, isInt4, readAll, UUID, validTime, type StreamWriter } from './writers.ts';

/**
 * The `orders` row moves only to a strictly higher rank. Rank, not time: the confirmation actor stamps
 * its states with the wall clock and execution with tick time, and a replay stamps SUBMITTED and FILLED
 * with the same tick, so times cannot order a lifecycle. Terminal states share the top rank: an order has
 * one outcome, and the first one stored stays.
 */
const STATE_RANK: Record<OrderStateName, number> = {
  PENDING_CONFIRMATION: 1, CONFIRMED: 2, SUBMITTED: 3,
  EXPIRED: 4, REJECTED_BY_USER: 4, RISK_REJECTED: 4, FILLED: 4, REJECTED: 4, CANCELLED: 4,
};

export const orderWriter: StreamWriter = {
  tables: ['order_events', 'orders', 'fills'],
  decode(msgs) {
    const { rows, seqs, skipped } = readAll(msgs, (m) => {
      const u = readOrderUpdate(m.data);
      const ok = UUID.test(u.eventId) && validTime(u.timeMs) && (u.expiresMs === null || validTime(u.expiresMs)) &&
        Number.isSafeInteger(u.units) && isInt4(u.workflowVersion) &&
        cleanText(u.orderId, u.signalId, u.account, u.instrument, u.broker, u.reason, u.workflowId) &&
        // A fill row needs its side and a real price.
        (u.state !== 'FILLED' || (u.side !== null && u.price !== null && Number.isFinite(u.price) && u.price > 0));
      return ok ? u : null;
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
    return {
      ids: col((u) => u.eventId),
      skipped,
      async insert(tx) {
        if (rows.length === 0) return 0;
        // Within one batch the same order can appear in several states: DISTINCT ON keeps the highest rank
        // (the earliest journaled among equals), since one upsert statement may touch a row only once.
        const [r] = await tx<{ inserted: number }[]>`
          with u as (
            select * from unnest(
              ${col((u) => u.eventId)}::uuid[], ${col((u) => u.orderId)}::text[], ${col((u) => u.state)}::text[],
              ${col((u) => STATE_RANK[u.state])}::int2[], ${seqs}::int8[], ${col((u) => u.signalId)}::text[],
              ${col((u) => u.account)}::text[], ${col((u) => u.instrument)}::text[], ${col((u) => u.side)}::text[],
              ${col((u) => u.units)}::int8[], ${col((u) => u.timeMs)}::float8[], ${col((u) => u.broker)}::text[],
              ${col((u) => u.price)}::float8[], ${col((u) => u.reason)}::text[], ${col((u) => u.riskLimit)}::float8[],
              ${col((u) => u.riskValue)}::float8[], ${col((u) => u.stopLossPrice)}::float8[],
              ${col((u) => u.takeProfitPrice)}::float8[], ${col((u) => u.slippagePips)}::float8[],
              ${col((u) => u.bid)}::float8[], ${col((u) => u.ask)}::float8[], ${col((u) => u.expiresMs)}::float8[],
              ${col((u) => u.workflowId)}::text[], ${col((u) => u.workflowVersion)}::int4[],
              ${col((u) => u.stopLossPips)}::float8[], ${col((u) => u.takeProfitPips)}::float8[],
              ${col((u) => u.brokerTransactionId)}::text[])
              as u(event_id, order_id, state, state_rank, seq, signal_id, account, instrument, side, units, time_ms, broker, price,
                   reason, risk_limit, risk_value, stop_loss_price, take_profit_price, slippage_pips, bid, ask, expires_ms,
                   workflow_id, workflow_version, stop_loss_pips, take_profit_pips, broker_transaction_id)
          ), events as (
            insert into order_events (event_id, order_id, state, signal_id, account, instrument, side, units, time, broker, price,
              reason, risk_limit, risk_value, stop_loss_price, take_profit_price, slippage_pips, bid, ask, expires_at, workflow_id,
              workflow_version, stop_loss_pips, take_profit_pips)
            select event_id, order_id, state, signal_id, account, instrument, side, units, to_timestamp(time_ms / 1000), broker, price,
              reason, risk_limit, risk_value, stop_loss_price, take_profit_price, slippage_pips, bid, ask, to_timestamp(expires_ms / 1000),
              workflow_id, workflow_version, stop_loss_pips, take_profit_pips
            from u
            on conflict do nothing
            returning 1
          ), latest as (
            insert into orders as o (order_id, state, state_rank, event_id, signal_id, account, instrument, side, units, time, broker,
              price, reason, workflow_id, workflow_version)
            select distinct on (order_id) order_id, state, state_rank, event_id, signal_id, account, instrument, side, units,
              to_timestamp(time_ms / 1000), broker, price, reason, workflow_id, workflow_version
            from u
            order by order_id, state_rank desc, seq
            on conflict (order_id) do update set
              state = excluded.state, state_rank = excluded.state_rank, event_id = excluded.event_id, signal_id = excluded.signal_id,
              account = excluded.account, instrument = excluded.instrument, side = excluded.side, units = excluded.units,
              time = excluded.time, broker = excluded.broker, price = excluded.price, reason = excluded.reason,
              workflow_id = excluded.workflow_id, workflow_version = excluded.workflow_version
            where o.state_rank < excluded.state_rank
          ), filled as (
            insert into fills (order_id, event_id, signal_id, account, instrument, side, units, price, time, slippage_pips,
              stop_loss_price, take_profit_price, broker, broker_transaction_id)
            select order_id, event_id, signal_id, account, instrument, side, units, price, to_timestamp(time_ms / 1000), slippage_pips,
              stop_loss_price, take_profit_price, broker, broker_transaction_id
            from u
            where state = 'FILLED'
            on conflict do nothing
          )
          select count(*)::int as inserted from events`;
        return r!.inserted;
      },
    };
  },
};

/** A limits document PostgreSQL's jsonb takes (it refuses \u0000 and unpaired surrogate escapes), or null for none. */
function limitsDocument(json: string): string | null {
  if (json === '') return null;
  const doc: unknown = JSON.parse(json);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || /\\u(0000|d[89a-f])/i.test(json)) throw new Error('bad limits');
  return json;
}

export const riskWriter: StreamWriter = {
  tables: ['risk_decisions'],
  decode(msgs) {
    const { rows, skipped } = readAll(msgs, (m) => {
      const d = readRiskDecision(m.data);
      const ok = UUID.test(d.eventId) && validTime(d.timeMs) && Number.isSafeInteger(d.units) &&
        cleanText(d.orderId, d.signalId, d.account, d.instrument, d.reason);
      return ok ? { ...d, limits: limitsDocument(d.limitsJson) } : null;
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
    return {
      ids: col((d) => d.eventId),
      skipped,
      async insert(tx) {
        if (rows.length === 0) return 0;
        const r = await tx`
          insert into risk_decisions (event_id, order_id, signal_id, account, instrument, approved, reason, risk_limit, risk_value,
            side, units, time, bid, ask, limits)
          select event_id, order_id, signal_id, account, instrument, approved, reason, risk_limit, risk_value, side, units,
            to_timestamp(time_ms / 1000), bid, ask, limits::jsonb
          from unnest(${col((d) => d.eventId)}::uuid[], ${col((d) => d.orderId)}::text[], ${col((d) => d.signalId)}::text[],
                      ${col((d) => d.account)}::text[], ${col((d) => d.instrument)}::text[], ${col((d) => (d.approved ? 't' : 'f'))}::bool[],
                      ${col((d) => d.reason)}::text[], ${col((d) => d.limit)}::float8[], ${col((d) => d.value)}::float8[],
                      ${col((d) => d.side)}::text[], ${col((d) => d.units)}::int8[], ${col((d) => d.timeMs)}::float8[],
                      ${col((d) => d.bid)}::float8[], ${col((d) => d.ask)}::float8[], ${col((d) => d.limits)}::text[])
            as u(event_id, order_id, signal_id, account, instrument, approved, reason, risk_limit, risk_value, side, units, time_ms,
                 bid, ask, limits)
          on conflict do nothing`;
        return r.count;
      },
    };
  },
};

export const notificationWriter: StreamWriter = {
  tables: ['notifications'],
  decode(msgs) {
    const { rows, skipped } = readAll(msgs, (m) => {
      const n = readNotification(m.data);
      const ok = UUID.test(n.id) && validTime(n.time_ms) && isInt4(n.workflow_version) &&
        cleanText(n.kind, n.account, n.instrument, n.message, n.signal_id, n.workflow_id, n.node_id);
      return ok ? n : null;
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
    return {
      ids: col((n) => n.id),
      skipped,
      async insert(tx) {
        if (rows.length === 0) return 0;
        const r = await tx`
          insert into notifications (id, kind, account, instrument, message, time, signal_id, workflow_id, workflow_version, node_id,
            price, bid, ask)
          select id, kind, account, instrument, message, to_timestamp(time_ms / 1000), signal_id, workflow_id, workflow_version, node_id,
            price, bid, ask
          from unnest(${col((n) => n.id)}::uuid[], ${col((n) => n.kind)}::text[], ${col((n) => n.account)}::text[],
                      ${col((n) => n.instrument)}::text[], ${col((n) => n.message)}::text[], ${col((n) => n.time_ms)}::float8[],
                      ${col((n) => n.signal_id)}::text[], ${col((n) => n.workflow_id)}::text[], ${col((n) => n.workflow_version)}::int4[],
                      ${col((n) => n.node_id)}::text[], ${col((n) => n.price)}::float8[], ${col((n) => n.bid)}::float8[],
                      ${col((n) => n.ask)}::float8[])
            as u(id, kind, account, instrument, message, time_ms, signal_id, workflow_id, workflow_version, node_id, price, bid, ask)
          on conflict do nothing`;
        return r.count;
      },
    };
  },
};
