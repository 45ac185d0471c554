/**
 * Writers for the derived journal: PORTFOLIO (positions and P&L samples, two subjects on one stream,
 * read by one consumer) and METRICS (latency samples).
 */
import { subjectMatches } from '../../engine/bus/mod.ts';
import { readLatency, readPnl, readPosition, type PnlFields, type PositionFields } from '../../engine/events/trade.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import { cleanText, readAll, UUID, validTime, type StreamWriter } from './writers.ts';

const POSITIONS = Subjects.positions('*');
const PNL = Subjects.pnl('*');

type PortfolioRow = { kind: 'position'; p: PositionFields & { eventId: string } } | { kind: 'pnl'; p: PnlFields & { eventId: string } };

function readPortfolio(subject: string, data: Uint8Array): PortfolioRow | null {
  if (subjectMatches(POSITIONS, subject)) {
    const p = readPosition(data);
    const ok = UUID.test(p.eventId) && validTime(p.timeMs) && Number.isSafeInteger(p.units) && cleanText(p.account, p.instrument, p.orderId);
    return ok ? { kind: 'position', p } : null;
  }
  if (subjectMatches(PNL, subject)) {
    const p = readPnl(data);
    return UUID.test(p.eventId) && validTime(p.timeMs) && cleanText(p.account) ? { kind: 'pnl', p } : null;
  }
  return null;
}

export const portfolioWriter: StreamWriter = {
  tables: ['position_history', 'positions', 'pnl_series'],
  decode(msgs) {
    const { rows, seqs, skipped } = readAll(msgs, (m) => readPortfolio(m.subject, m.data));
    const pos: (PositionFields & { eventId: string })[] = [], posSeq: number[] = [], pnl: (PnlFields & { eventId: string })[] = [];
    rows.forEach((r, i) => {
      if (r.kind === 'position') { pos.push(r.p); posSeq.push(seqs[i]!); } else pnl.push(r.p);
    });
    const pc = <T>(f: (r: PositionFields & { eventId: string }) => T): T[] => pos.map(f);
    const nc = <T>(f: (r: PnlFields & { eventId: string }) => T): T[] => pnl.map(f);
    return {
      ids: rows.map((r) => r.p.eventId),
      skipped,
      async insert(tx) {
        if (rows.length === 0) return 0;
        // `positions` moves forward only: replaced by a later (time, journal seq), never by an older one, so a
        // redelivered old update cannot undo a newer position; the journal seq orders two fills on one tick.
        // DISTINCT ON: one upsert statement may touch a row only once.
        const [r] = await tx<{ inserted: number }[]>`
          with p as (
            select * from unnest(${pc((p) => p.eventId)}::uuid[], ${pc((p) => p.account)}::text[], ${pc((p) => p.instrument)}::text[],
                                 ${pc((p) => p.orderId)}::text[], ${pc((p) => p.units)}::int8[], ${pc((p) => p.avgPrice)}::float8[],
                                 ${pc((p) => p.realized)}::float8[], ${pc((p) => p.timeMs)}::float8[], ${posSeq}::int8[])
              as p(event_id, account, instrument, order_id, units, avg_price, realized, time_ms, seq)
          ), history as (
            insert into position_history (event_id, account, instrument, order_id, units, avg_price, realized, time)
            select event_id, account, instrument, order_id, units, avg_price, realized, to_timestamp(time_ms / 1000) from p
            on conflict do nothing
            returning 1
          ), latest as (
            insert into positions as c (account, instrument, order_id, units, avg_price, realized, time, journal_seq, event_id)
            select distinct on (account, instrument) account, instrument, order_id, units, avg_price, realized,
              to_timestamp(time_ms / 1000), seq, event_id
            from p
            order by account, instrument, time_ms desc, seq desc
            on conflict (account, instrument) do update set
              order_id = excluded.order_id, units = excluded.units, avg_price = excluded.avg_price, realized = excluded.realized,
              time = excluded.time, journal_seq = excluded.journal_seq, event_id = excluded.event_id
            where (c.time, c.journal_seq) < (excluded.time, excluded.journal_seq)
          ), samples as (
            insert into pnl_series (account, time, balance, realized, unrealized, equity, equity_peak, drawdown_pct, daily_pnl,
              day_start, event_id)
            select account, to_timestamp(time_ms / 1000), balance, realized, unrealized, equity, equity_peak, drawdown_pct, daily_pnl,
              to_timestamp(day_start_ms / 1000), event_id
            from unnest(${nc((p) => p.account)}::text[], ${nc((p) => p.timeMs)}::float8[], ${nc((p) => p.balance)}::float8[],
                        ${nc((p) => p.realized)}::float8[], ${nc((p) => p.unrealized)}::float8[], ${nc((p) => p.equity)}::float8[],
                        ${nc((p) => p.equityPeak)}::float8[], ${nc((p) => p.drawdownPct)}::float8[], ${nc((p) => p.dailyPnl)}::float8[],
                        ${nc((p) => (validTime(p.dayStartMs) ? p.dayStartMs : null))}::float8[], ${nc((p) => p.eventId)}::uuid[])
              as n(account, time_ms, balance, realized, unrealized, equity, equity_peak, drawdown_pct, daily_pnl, day_start_ms, event_id)
            on conflict do nothing
            returning 1
          )
          select ((select count(*) from history) + (select count(*) from samples))::int as inserted`;
        return r!.inserted;
      },
    };
  },
};

export const latencyWriter: StreamWriter = {
  tables: ['latency_samples'],
  decode(msgs) {
    const { rows, skipped } = readAll(msgs, (m) => {
      const l = readLatency(m.data);
      const ok = UUID.test(l.eventId) && validTime(l.startMs) && validTime(l.endMs) && Number.isSafeInteger(l.count) && l.count >= 0 &&
        cleanText(l.nodeId, l.stage);
      return ok ? l : null;
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T): T[] => rows.map(f);
    return {
      ids: col((l) => l.eventId),
      skipped,
      async insert(tx) {
        if (rows.length === 0) return 0;
        const r = await tx`
          insert into latency_samples (node_id, stage, time, start_time, count, p50_us, p99_us, p999_us, max_us, event_id)
          select node_id, stage, to_timestamp(end_ms / 1000), to_timestamp(start_ms / 1000), count, p50_us, p99_us, p999_us, max_us, event_id
          from unnest(${col((l) => l.nodeId)}::text[], ${col((l) => l.stage)}::text[], ${col((l) => l.endMs)}::float8[],
                      ${col((l) => l.startMs)}::float8[], ${col((l) => l.count)}::int8[], ${col((l) => l.p50Us)}::float8[],
                      ${col((l) => l.p99Us)}::float8[], ${col((l) => l.p999Us)}::float8[], ${col((l) => l.maxUs)}::float8[],
                      ${col((l) => l.eventId)}::uuid[])
            as u(node_id, stage, end_ms, start_ms, count, p50_us, p99_us, p999_us, max_us, event_id)
          on conflict do nothing`;
        return r.count;
      },
    };
  },
};
