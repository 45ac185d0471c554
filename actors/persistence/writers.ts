/**
 * One writer per journal stream: decodes a batch of bus messages into column arrays and inserts them
 * with one multi-row statement (unnest of typed arrays: a handful of parameters whatever the batch
 * size), ON CONFLICT DO NOTHING so a redelivered or replayed event never doubles a row.
 * A message that cannot become a valid row is skipped (counted and audited), never retried forever:
 * a value PostgreSQL would refuse (NUL in text, a time or integer out of range) would otherwise fail
 * its whole batch on every retry and stall the stream, so such messages are skipped here too.
 */
import type postgres from 'postgres';
import { decodeSignalEvent, decodeTickEvent, SignalMode } from '../../engine/events/mod.ts';
import type { BusMsg } from '../../engine/bus/mod.ts';

// Arrays go in as text[] and are cast per element in SQL: postgres.js would send a jsonb[] parameter's
// strings as JSON strings (double-encoded), not as documents.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MODES = new Set(['SIGNAL_ALERT', 'SIGNAL_PENDING_CONFIRMATION', 'SIGNAL_AUTO_EXECUTE']);
/** Largest epoch ms a JavaScript Date holds; PostgreSQL's timestamptz holds more. */
const MAX_TIME_MS = 8.64e15;

export interface Decoded {
  /** Event ids of the rows, in message order. */
  ids: string[];
  /** Stream sequences of messages that were skipped (undecodable or invalid). */
  skipped: number[];
  /** Inserts the decoded rows; resolves to the number of new events (rows new to the event-keyed table). */
  insert(tx: postgres.TransactionSql): Promise<number>;
}

export interface StreamWriter {
  /** Tables written, named in the batch's audit row. */
  readonly tables: readonly string[];
  decode(msgs: readonly BusMsg[]): Decoded;
}

/** Epoch milliseconds that fit a timestamptz column. */
export const validTime = (ms: number | null | undefined): ms is number => typeof ms === 'number' && ms >= 0 && ms <= MAX_TIME_MS;
/** PostgreSQL text refuses NUL. */
export const cleanText = (...values: (string | null)[]): boolean => values.every((v) => v === null || !v.includes('\u0000'));
export const isInt4 = (n: number): boolean => Number.isInteger(n) && n >= -0x80000000 && n <= 0x7fffffff;

function tryDecode<T>(decode: (d: Uint8Array) => T, data: Uint8Array): T | null {
  try {
    return decode(data);
  } catch {
    return null;
  }
}

/** A batch read into rows: `read` returning null or throwing skips the message. */
export function readAll<R>(msgs: readonly BusMsg[], read: (m: BusMsg) => R | null): { rows: R[]; seqs: number[]; skipped: number[] } {
  const rows: R[] = [], seqs: number[] = [], skipped: number[] = [];
  for (const m of msgs) {
    let r: R | null;
    try {
      r = read(m);
    } catch {
      r = null;
    }
    if (r === null) skipped.push(m.seq);
    else { rows.push(r); seqs.push(m.seq); }
  }
  return { rows, seqs, skipped };
}

export const signalWriter: StreamWriter = {
  tables: ['signals'],
  decode(msgs) {
    const ids: string[] = [], skipped: number[] = [];
    const account: string[] = [], workflowId: string[] = [], version: number[] = [], node: string[] = [];
    const instrument: string[] = [], mode: string[] = [], time: number[] = [], price: number[] = [], payload: string[] = [];
    for (const m of msgs) {
      const s = tryDecode(decodeSignalEvent, m.data)?.signal;
      const modeName = s ? SignalMode[s.mode ?? 0] : undefined;
      if (!s || !UUID.test(s.id ?? '') || !modeName || !MODES.has(modeName) || !validTime(s.timeMs) || !Number.isFinite(s.price) ||
        !isInt4(s.workflowVersion ?? 0) || !cleanText(s.account ?? '', s.workflowId ?? '', s.nodeId ?? '', s.instrument ?? '', s.triggerNodeId ?? '')) {
        skipped.push(m.seq);
        continue;
      }
      ids.push(s.id!);
      account.push(s.account ?? ''); workflowId.push(s.workflowId ?? ''); version.push(s.workflowVersion ?? 0);
      node.push(s.nodeId ?? ''); instrument.push(s.instrument ?? ''); mode.push(modeName);
      time.push(s.timeMs); price.push(s.price!);
      payload.push(JSON.stringify({
        trigger_node_id: s.triggerNodeId ?? '', bid: s.bid ?? 0, ask: s.ask ?? 0, side: s.side ?? 0, units: s.units ?? 0,
        stop_loss_pips: s.stopLossPips ?? 0, take_profit_pips: s.takeProfitPips ?? 0, tick_seq: Number(s.tickSeq ?? 0),
      }));
    }
    return {
      ids, skipped,
      async insert(tx) {
        if (ids.length === 0) return 0;
        const r = await tx`
          insert into signals (id, account, workflow_id, workflow_version, node_id, instrument, mode, time, price, payload)
          select id, account, workflow_id, workflow_version, node_id, instrument, mode, to_timestamp(time_ms / 1000), price, payload::jsonb
          from unnest(${ids}::uuid[], ${account}::text[], ${workflowId}::text[], ${version}::int4[], ${node}::text[],
                      ${instrument}::text[], ${mode}::text[], ${time}::float8[], ${price}::float8[], ${payload}::text[])
            as u(id, account, workflow_id, workflow_version, node_id, instrument, mode, time_ms, price, payload)
          on conflict do nothing`;
        return r.count;
      },
    };
  },
};

/**
 * Ticks, and the 1-minute bars of their mids (per source): only ticks this batch actually inserted count
 * toward a bar, so a redelivered batch changes no bar; open and close follow the earliest and latest tick
 * (by time, then sequence, as the engine reads them), so batches merged out of order still give the right bar.
 */
export const tickWriter: StreamWriter = {
  tables: ['ticks', 'bars'],
  decode(msgs) {
    const ids: string[] = [], skipped: number[] = [];
    const time: number[] = [], instrument: string[] = [], bid: number[] = [], ask: number[] = [], seq: number[] = [], source: string[] = [];
    for (const m of msgs) {
      const e = tryDecode(decodeTickEvent, m.data);
      const t = e?.tick;
      const id = e?.envelope?.eventId ?? '';
      if (!t || !UUID.test(id) || !validTime(t.timeMs) || !Number.isFinite(t.bid) || !Number.isFinite(t.ask) || !t.instrument ||
        !Number.isSafeInteger(Number(t.seq ?? 0)) || !cleanText(t.instrument, t.source ?? '')) {
        skipped.push(m.seq);
        continue;
      }
      ids.push(id);
      time.push(t.timeMs); instrument.push(t.instrument); bid.push(t.bid!); ask.push(t.ask!);
      seq.push(Number(t.seq ?? 0)); source.push(t.source ?? '');
    }
    return {
      ids, skipped,
      async insert(tx) {
        if (ids.length === 0) return 0;
        // No conflict target: a tick is unique by event id and by (source, instrument, seq, time).
        const [r] = await tx<{ inserted: number }[]>`
          with ins as (
            insert into ticks (event_id, time, instrument, bid, ask, seq, source)
            select event_id, to_timestamp(time_ms / 1000), instrument, bid, ask, seq, source
            from unnest(${ids}::uuid[], ${time}::float8[], ${instrument}::text[], ${bid}::float8[], ${ask}::float8[],
                        ${seq}::int8[], ${source}::text[])
              as u(event_id, time_ms, instrument, bid, ask, seq, source)
            on conflict do nothing
            returning time, seq, instrument, source, (bid + ask) / 2 as mid
          ), agg as (
            select instrument, source, date_bin('1 minute', time, timestamptz 'epoch') as bucket,
                   (array_agg(mid order by time, seq))[1] as open, max(mid) as high, min(mid) as low,
                   (array_agg(mid order by time desc, seq desc))[1] as close, count(*)::int as n,
                   (array_agg(time order by time, seq))[1] as first_time, (array_agg(seq order by time, seq))[1] as first_seq,
                   (array_agg(time order by time desc, seq desc))[1] as last_time, (array_agg(seq order by time desc, seq desc))[1] as last_seq
            from ins group by 1, 2, 3
          ), bars_up as (
            insert into bars (instrument, timeframe, source, time, open, high, low, close, ticks, first_time, first_seq, last_time, last_seq)
            select instrument, '1m', source, bucket, open, high, low, close, n, first_time, first_seq, last_time, last_seq from agg
            on conflict (instrument, timeframe, source, time) do update set
              open = case when (excluded.first_time, excluded.first_seq) < (bars.first_time, bars.first_seq) then excluded.open else bars.open end,
              high = greatest(bars.high, excluded.high),
              low = least(bars.low, excluded.low),
              close = case when (excluded.last_time, excluded.last_seq) > (bars.last_time, bars.last_seq) then excluded.close else bars.close end,
              ticks = bars.ticks + excluded.ticks,
              first_time = case when (excluded.first_time, excluded.first_seq) < (bars.first_time, bars.first_seq) then excluded.first_time else bars.first_time end,
              first_seq = case when (excluded.first_time, excluded.first_seq) < (bars.first_time, bars.first_seq) then excluded.first_seq else bars.first_seq end,
              last_time = case when (excluded.last_time, excluded.last_seq) > (bars.last_time, bars.last_seq) then excluded.last_time else bars.last_time end,
              last_seq = case when (excluded.last_time, excluded.last_seq) > (bars.last_time, bars.last_seq) then excluded.last_seq else bars.last_seq end
            returning 1
          )
          select (select count(*)::int from ins) as inserted, (select count(*) from bars_up) as bars`;
        return r!.inserted;
      },
    };
  },
};
