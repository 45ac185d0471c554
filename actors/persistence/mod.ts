/**
 * Persistence actor (DESIGN.md §2, §9): reads the journal from JetStream through one durable pull
 * consumer per stream and writes PostgreSQL in batches (up to `maxRows` messages, or whatever arrived
 * within `maxDelayMs`). Each batch is one transaction: the rows (idempotent by event id) plus one
 * audit_log row. Messages are acked only after that transaction commits, so a crash loses nothing
 * (JetStream redelivers) and a redelivery doubles nothing. It is a separate consumer: the hot path
 * never waits for it. The same transaction records the consumer's highest committed stream sequence
 * (persistence_progress), from which `lag()` tells how far behind the journal head it is.
 *
 *   const actor = await startPersistence({ bus, sql });
 *   ...
 *   await actor.stop();   // stops delivery, commits and acks what was buffered ({ withinMs }: for at most that long)
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { type MicroService, registerMicroService } from '../../engine/bus/micro-service.ts';
import type { Bus, BusConsumer, BusMsg } from '../../engine/bus/mod.ts';
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { Sql } from '../../engine/store/mod.ts';
import { Services, Streams } from '../../engine/switchboard/mod.ts';
import { appendAudit } from './audit.ts';
import { latencyWriter, portfolioWriter } from './portfolio-writers.ts';
import { notificationWriter, orderWriter, riskWriter } from './trade-writers.ts';
import { signalWriter, tickWriter, type StreamWriter } from './writers.ts';

// For code that audits inside its own transactions (the hash chain is shared).
export { appendAudit, verifyAuditLog, type AuditVerdict } from './audit.ts';

/** Every stream with a writer, in the default consumption order (signals first: small and valuable; ticks, the bulk, last). */
export const PERSISTED_STREAMS = ['SIGNALS', 'ORDERS', 'RISK', 'PORTFOLIO', 'NOTIFY', 'METRICS', 'PRICES'] as const;
export type PersistedStream = (typeof PERSISTED_STREAMS)[number];

const WRITERS: Record<PersistedStream, StreamWriter> = {
  SIGNALS: signalWriter, ORDERS: orderWriter, RISK: riskWriter, PORTFOLIO: portfolioWriter, NOTIFY: notificationWriter,
  METRICS: latencyWriter, PRICES: tickWriter,
};

/**
 * One filter subject matching all of `subjects`, for a server (2.9) that takes a single filter_subject per
 * consumer: shared tokens are kept, the others become `*`. A stream's default filter, so one consumer reads
 * all of it: PORTFOLIO's `portfolio.positions.*` and `portfolio.pnl.*` give `portfolio.*.*`.
 */
export function coveringSubject(subjects: readonly string[]): string {
  const [first = [], ...rest] = subjects.map((s) => s.split('.'));
  if (rest.some((t) => t.length !== first.length)) return '>';
  return first.map((tok, i) => (rest.every((t) => t[i] === tok) ? tok : '*')).join('.');
}

export interface PersistenceOptions {
  bus: Bus;
  /** Its search path decides the schema written to. */
  sql: Sql;
  /** Consumed in this order. Default PERSISTED_STREAMS. */
  streams?: readonly PersistedStream[];
  /** Durable names are `<prefix>-<stream>` (lower case). Default 'persistence'. */
  durablePrefix?: string;
  /** This instance's name in its NATS micro-service (`pipstream-persistence`). Default `<hostname>-<pid>`. */
  instance?: string;
  /** Where new durables start (existing ones resume). Default 'all'; 'new' starts at each stream's end. */
  deliver?: 'all' | 'new';
  /** Filter subject per stream; default every subject of the stream (coveringSubject). */
  filters?: Partial<Record<PersistedStream, string>>;
  /** Rows per transaction. Default 1000. */
  maxRows?: number;
  /** Longest a message waits in the buffer before a (partial) batch is written. Default 50 ms. */
  maxDelayMs?: number;
  /** Pause before retrying a failed batch. Default 500 ms. */
  retryDelayMs?: number;
  /** PS_PERSIST_WRITE for each failed attempt (the batch stays buffered, unacked, and is retried). */
  onError?: (err: PipstreamError) => void;
}

export interface PersistenceStats {
  /** Messages delivered to this actor (redeliveries included). */
  received: number;
  /** Rows inserted (new event ids). */
  inserted: number;
  /** Messages whose event id was already stored. */
  duplicates: number;
  /** Messages that could not become a row (acked, listed in the audit row). */
  skipped: number;
  /** Committed transactions. */
  batches: number;
  /** Messages acked. */
  acked: number;
  /** Failed attempts. */
  failures: number;
  /** Highest stream sequence committed by this consumer (also before this process: persistence_progress). */
  committedSeq: number;
  /**
   * Messages the stream dropped (its size or age bound) before any instance of this consumer wrote them:
   * each gap is reported (PS_PERSIST_TRIMMED) and audited. Counted with the default filters only.
   */
  trimmed: number;
}

export interface PersistenceLag {
  stream: PersistedStream;
  /** The journal head: the stream's last sequence. */
  lastSeq: number;
  committedSeq: number;
  /**
   * Stream messages stored after committedSeq. Exact with the default filters; with a filter narrower than
   * the stream it also counts the other subjects' messages (an upper bound). A group-committed message
   * (bus/batch.ts) holds many events and counts once, from when its first events are committed.
   */
  lagMessages: number;
}

export interface PersistenceActor {
  stats(): Record<PersistedStream, PersistenceStats>;
  /** Per stream: journal head vs committed sequence (asks the bus for each stream's state). */
  lag(): Promise<PersistenceLag[]>;
  /** Resolves once everything delivered so far is committed and acked. */
  drain(): Promise<void>;
  /**
   * Stops delivery, then commits and acks what is buffered (or, if a write fails, hands it back unwritten). With
   * `withinMs`, what is not committed by then is handed back too: a lane catching up on a backlog can hold
   * hundreds of thousands of events. Handed back (a nak), an event is delivered again at the next start
   * (writes are idempotent). Resolves with how many events each stream handed back.
   */
  stop(opts?: { withinMs?: number }): Promise<Record<PersistedStream, number>>;
}

function positive(name: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0)) throw new PipstreamError('PS_BAD_ARGUMENT', `persistence option ${name} must be > 0`, { [name]: v });
  return v;
}

export async function startPersistence(o: PersistenceOptions): Promise<PersistenceActor> {
  const maxRows = positive('maxRows', o.maxRows ?? 1000);
  const maxDelayMs = positive('maxDelayMs', o.maxDelayMs ?? 50);
  const retryDelayMs = positive('retryDelayMs', o.retryDelayMs ?? 500);
  const prefix = o.durablePrefix ?? 'persistence';
  const lanes: Lane[] = [];
  try {
    for (const stream of o.streams ?? PERSISTED_STREAMS) {
      const writer = WRITERS[stream];
      if (!writer) throw new PipstreamError('PS_BAD_ARGUMENT', `persistence has no writer for stream ${stream}`, { stream });
      const durable = `${prefix}-${stream.toLowerCase()}`;
      const [progress] = await o.sql<{ committed_seq: string }[]>`select committed_seq from persistence_progress where durable = ${durable}`;
      const lane = new Lane(stream, durable, writer, o.sql, o.filters?.[stream] === undefined ? o.bus : null, maxRows, maxDelayMs, retryDelayMs,
        o.onError);
      // A durable that starts at the stream's end has, in effect, everything before it behind it.
      lane.stats.committedSeq = progress !== undefined ? Number(progress.committed_seq)
        : o.deliver === 'new' ? (await o.bus.streamInfo(stream)).lastSeq : 0;
      lanes.push(lane);
      lane.consumer = await o.bus.consume(stream, o.filters?.[stream] ?? coveringSubject(Streams[stream].subjects), lane.onMessage,
        { durable, deliver: o.deliver });
    }
  } catch (err) {
    for (const l of lanes) await l.stop(Infinity);
    throw err;
  }
  const stats = () => Object.fromEntries(lanes.map((l) => [l.stream, { ...l.stats }])) as Record<PersistedStream, PersistenceStats>;
  const lag = () => Promise.all(lanes.map(async (l) => {
    const s = await o.bus.streamInfo(l.stream);
    const committedSeq = l.stats.committedSeq;
    // Bounded by what the stream holds: sequences trimmed by age or size are not waiting for anyone.
    return { stream: l.stream, lastSeq: s.lastSeq, committedSeq, lagMessages: Math.max(0, Math.min(s.lastSeq - committedSeq, s.messages)) };
  }));
  const instance = o.instance ?? `${hostname()}-${process.pid}`;
  let service: MicroService | null;
  try {
    service = await registerMicroService(o.bus, {
      name: Services.persistence, description: 'pipstream persistence actor: the journal into PostgreSQL',
      metadata: { instance, durable_prefix: prefix }, statusSubject: Services.actorStatus(Services.persistence, instance),
      stats: async () => ({ streams: stats(), lag: await lag() }),
    });
  } catch (err) {
    for (const l of lanes) await l.stop(Infinity);
    throw err;
  }
  return {
    stats,
    lag,
    drain: async () => { await Promise.all(lanes.map((l) => l.drain())); },
    stop: async (opts = {}) => {
      const withinMs = opts.withinMs ?? Infinity;
      if (!(withinMs >= 0)) throw new PipstreamError('PS_BAD_ARGUMENT', 'persistence stop: withinMs must be >= 0', { withinMs });
      await service?.stop();
      const left = await Promise.all(lanes.map((l) => l.stop(withinMs)));
      return Object.fromEntries(lanes.map((l, i) => [l.stream, left[i]])) as Record<PersistedStream, number>;
    },
  };
}

/** One stream: buffer, batch writer, acks. At most one transaction in flight per lane. */
class Lane {
  consumer: BusConsumer | null = null;
  readonly stats: PersistenceStats = {
    received: 0, inserted: 0, duplicates: 0, skipped: 0, batches: 0, acked: 0, failures: 0, committedSeq: 0, trimmed: 0,
  };
  private buf: BusMsg[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  /** Set when a stop's time is up (or a write failed during it): the batch in flight finishes, the rest is handed back. */
  private givenUp = false;

  /**
   * `covering`: the bus, when this consumer reads every subject of its stream, so that a jump in stream
   * sequences past the last committed one can only be messages the stream dropped, or another instance's.
   */
  constructor(readonly stream: PersistedStream, private readonly durable: string, private readonly writer: StreamWriter, private readonly sql: Sql,
    private readonly covering: Bus | null, private readonly maxRows: number, private readonly maxDelayMs: number,
    private readonly retryDelayMs: number, private readonly onError: ((err: PipstreamError) => void) | undefined) {}

  // Synchronous: the bus delivers the next message at once, so the buffer fills while a batch commits.
  readonly onMessage = (m: BusMsg): void => {
    this.stats.received++;
    this.buf.push(m);
    if (this.running !== null) return;
    if (this.buf.length >= this.maxRows) this.kick();
    else if (this.timer === null) this.timer = setTimeout(this.kick, this.maxDelayMs);
  };

  private readonly kick = (): void => {
    if (this.timer !== null) { clearTimeout(this.timer); this.timer = null; }
    if (this.running !== null) return;
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.buf.length > 0 && !this.givenUp) this.kick(); // arrived after the loop's last look
    });
  };

  private async loop(): Promise<void> {
    while (this.buf.length > 0 && !this.givenUp) {
      const batch = this.buf.splice(0, this.maxRows);
      try {
        await this.write(batch);
      } catch (err) {
        this.stats.failures++;
        this.buf.unshift(...batch);
        this.onError?.(new PipstreamError('PS_PERSIST_WRITE',
          `persistence ${this.stream}: batch of ${batch.length} not committed: ${(err as Error)?.message ?? String(err)}`,
          { stream: this.stream, rows: batch.length }, { cause: err }));
        // Stopping with the database down: give up; stop() hands the batch back with the rest of the buffer.
        if (this.stopping) { this.givenUp = true; return; }
        await new Promise((r) => setTimeout(r, this.retryDelayMs));
      }
    }
  }

  /**
   * The sequences between the last committed one and `firstSeq` that the stream no longer holds and no
   * instance of this consumer committed (persistence_progress is the highest any committed): null when none.
   * A consumer that never committed has no gap: what the stream dropped before it existed was never its.
   */
  private async trimmedBefore(firstSeq: number): Promise<{ first: number; last: number } | null> {
    const from = this.stats.committedSeq + 1;
    if (this.covering === null || from === 1 || firstSeq <= from) return null;
    const s = await this.covering.streamInfo(this.stream);
    const [row] = await this.sql<{ committed_seq: string }[]>`select committed_seq from persistence_progress where durable = ${this.durable}`;
    const first = Math.max(from, row !== undefined ? Number(row.committed_seq) + 1 : 0);
    const last = Math.min(firstSeq - 1, s.firstSeq - 1);
    return first <= last ? { first, last } : null;
  }

  private async write(batch: BusMsg[]): Promise<void> {
    const d = this.writer.decode(batch);
    // Redeliveries may come after later messages: the highest, not the last.
    const lastSeq = batch.reduce((max, m) => Math.max(max, m.seq), 0);
    const gap = await this.trimmedBefore(batch.reduce((min, m) => Math.min(min, m.seq), Infinity));
    let inserted = 0;
    await this.sql.begin(async (tx) => {
      // The record says what it lacks: messages dropped by the stream before they were written.
      if (gap !== null) {
        await appendAudit(tx, JSON.stringify({
          kind: 'journal_gap', stream: Streams[this.stream].name, first_seq: gap.first, last_seq: gap.last, messages: gap.last - gap.first + 1,
        }));
      }
      inserted = await d.insert(tx);
      await tx`
        insert into persistence_progress (durable, stream, committed_seq) values (${this.durable}, ${Streams[this.stream].name}, ${lastSeq})
        on conflict (durable) do update set committed_seq = greatest(persistence_progress.committed_seq, excluded.committed_seq), updated_at = now()`;
      // Pure redeliveries change nothing, so they leave no audit row.
      if (inserted === 0 && d.skipped.length === 0) return;
      await appendAudit(tx, JSON.stringify({
        kind: 'journal_batch',
        stream: Streams[this.stream].name,
        tables: this.writer.tables,
        first_seq: batch[0]!.seq,
        last_seq: batch[batch.length - 1]!.seq,
        messages: batch.length,
        inserted,
        skipped_seqs: d.skipped,
        event_ids_sha256: createHash('sha256').update(d.ids.join('\n')).digest('hex'),
      }));
    });
    for (const m of batch) m.ack();
    if (gap !== null) {
      const n = gap.last - gap.first + 1;
      this.stats.trimmed += n;
      this.onError?.(new PipstreamError('PS_PERSIST_TRIMMED',
        `persistence ${this.stream}: ${n} message(s), stream sequences ${gap.first}..${gap.last}, were dropped by the stream's size or age ` +
        `bound before they were written to PostgreSQL (audited as a journal_gap); give ${this.stream} more room (PIPSTREAM_STREAM_MAX_BYTES)`,
        { stream: this.stream, firstSeq: gap.first, lastSeq: gap.last, messages: n }));
    }
    this.stats.batches++;
    this.stats.acked += batch.length;
    this.stats.inserted += inserted;
    this.stats.duplicates += d.ids.length - inserted;
    this.stats.skipped += d.skipped.length;
    this.stats.committedSeq = Math.max(this.stats.committedSeq, lastSeq);
  }

  async drain(): Promise<void> {
    while ((this.buf.length > 0 && !this.givenUp) || this.running !== null) {
      if (this.running === null) this.kick();
      await this.running;
    }
  }

  /** Stops delivery and commits what is buffered until `withinMs` have passed; returns how many events it handed back. */
  async stop(withinMs: number): Promise<number> {
    if (this.stopping) return 0;
    this.stopping = true;
    await this.consumer?.close();
    const timer = Number.isFinite(withinMs) ? setTimeout(() => { this.givenUp = true; }, withinMs) : null;
    await this.drain();
    if (timer !== null) clearTimeout(timer);
    // Handed back rather than left to the ack wait, so the next start is not kept waiting for them.
    for (const m of this.buf) m.handBack();
    const left = this.buf.length;
    this.buf = [];
    return left;
  }
}
