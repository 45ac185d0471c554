/**
 * Pipelined JetStream publishing. js.publish() costs a request/promise/JSON round per message
 * (~20k msg/s here); instead each message is a core publish whose reply subject is
 * `<inbox>.<id>` under one wildcard subscription, and the stored-ack is matched by id.
 * At most `maxInFlight` acks are outstanding; the rest wait in a local FIFO. A message without
 * an ack after `timeoutMs`, or with an error ack (503 no stream / no responders), is sent again
 * with the same Nats-Msg-Id (so a late first copy is deduplicated), up to `attempts` times.
 *
 * A publish with `coalesce` waits until the work of the current callback is done (process.nextTick,
 * which runs once the promise continuations it started have all run: no later loop iteration, no
 * timer); its messages for one subject then go out as one batch message (batch.ts), or as
 * themselves when alone. One socket read of acks or Redis replies settles many orders at once, and
 * their journal entries leave together.
 */
import { createInbox, headers, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import { PipstreamError } from '../errors/mod.ts';
import { batchMsgId, encodeBatch } from './batch.ts';
import type { PubAck, PublishDone, ResolvedBusOptions } from './types.ts';

interface Entry {
  subject: string;
  data: Uint8Array;
  msgId: string;
  attempts: number;
  sentAt: number;
  lastError: string;
  /** Null: a publishAsync (failures reported). */
  done: PublishDone | null;
}

/** A coalesced message waiting for the current callback's work to finish. */
interface Part {
  data: Uint8Array;
  msgId: string;
  /** Null: a publishAsync (failures reported). */
  done: PublishDone | null;
}

/**
 * Limits of one batch message. Far under the server's max_payload (1 MiB): a consumer holds up to a pull's
 * worth of messages (1,000 by default), so their size bounds its memory; ~600 ticks or ~250 order events
 * already make the server's cost per event negligible.
 */
const BATCH_MAX_BYTES = 64 * 1024;
const BATCH_MAX_MESSAGES = 1024;

const decoder = new TextDecoder();

/**
 * A publisher's callback: one that throws must not keep the others of its batch (or the acks after it) from
 * theirs, so its error is rethrown apart, as a throwing promise handler's would surface.
 */
function tell(done: PublishDone, err: PipstreamError | null, ack: PubAck | null): void {
  try {
    done(err, ack);
  } catch (e) {
    queueMicrotask(() => { throw e; });
  }
}

export class Publisher {
  private readonly inbox = createInbox();
  private readonly sub: Subscription;
  private readonly inFlight = new Map<number, Entry>();
  private waiting: Entry[] = [];
  private waitingHead = 0;
  private nextId = 1;
  private readonly timer: NodeJS.Timeout;
  private idleWaiters: Array<() => void> = [];
  /** Producers waiting for the backlog to fall to half the high-water mark. */
  private roomWaiters: Array<() => void> = [];
  private unreported: PipstreamError | null = null;
  /** Entries waiting for their back-off timer before being sent again. */
  private retrying = 0;
  private pumpScheduled = false;
  private readonly msgIdHeader = headers();
  /** Coalesced messages not sent yet, by subject, and how many there are. */
  private readonly open = new Map<string, Part[]>();
  private openCount = 0;
  private readonly flushOpen = () => this.sendOpen();

  constructor(private readonly nc: NatsConnection, private readonly o: ResolvedBusOptions) {
    this.sub = nc.subscribe(`${this.inbox}.*`, { callback: (_err, msg) => this.onAck(msg) });
    this.timer = setInterval(() => this.expire(), Math.max(50, o.timeoutMs / 4));
    this.timer.unref();
  }

  get backlog(): number {
    return this.inFlight.size + this.waiting.length - this.waitingHead + this.retrying + this.openCount;
  }

  publish(subject: string, data: Uint8Array, msgId: string, coalesce = false): Promise<PubAck> {
    return new Promise((resolve, reject) => {
      this.publishAcked(subject, data, msgId, coalesce, (err, ack) => (err === null ? resolve(ack!) : reject(err)));
    });
  }

  publishAcked(subject: string, data: Uint8Array, msgId: string, coalesce: boolean, done: PublishDone | null): void {
    if (coalesce) this.coalesce(subject, { data, msgId, done });
    else this.enqueue({ subject, data, msgId, attempts: 0, sentAt: 0, lastError: '', done });
  }

  publishAsync(subject: string, data: Uint8Array, msgId: string, coalesce = false): boolean {
    this.publishAcked(subject, data, msgId, coalesce, null);
    return this.backlog < this.o.highWaterMark;
  }

  private coalesce(subject: string, part: Part): void {
    if (this.openCount++ === 0) process.nextTick(this.flushOpen);
    const parts = this.open.get(subject);
    if (parts === undefined) this.open.set(subject, [part]);
    else parts.push(part);
  }

  /** The coalesced messages become entries: a batch per subject (and size limit), a lone message as itself. */
  private sendOpen(): void {
    for (const [subject, parts] of this.open) {
      for (let from = 0; from < parts.length;) {
        let count = 0;
        let bytes = 0;
        while (from + count < parts.length && count < BATCH_MAX_MESSAGES && (count === 0 || bytes + parts[from + count]!.data.length < BATCH_MAX_BYTES)) {
          bytes += parts[from + count]!.data.length + 5;
          count++;
        }
        this.enqueue(count === 1 ? this.single(subject, parts[from]!) : this.batch(subject, parts, from, count));
        from += count;
      }
    }
    this.open.clear();
    this.openCount = 0;
    this.pump();
  }

  private single(subject: string, p: Part): Entry {
    return { subject, data: p.data, msgId: p.msgId, attempts: 0, sentAt: 0, lastError: '', done: p.done };
  }

  /** One entry for `count` parts: its ack or failure is told to each of theirs (a failure nobody hears is reported once). */
  private batch(subject: string, parts: Part[], from: number, count: number): Entry {
    const mine = parts.slice(from, from + count);
    const done: PublishDone = (err, ack) => {
      let unheard = false;
      for (const p of mine) {
        if (p.done !== null) tell(p.done, err, ack);
        else unheard = true;
      }
      if (err !== null && unheard) this.report(err);
    };
    return { subject, data: encodeBatch(mine), msgId: batchMsgId(mine), attempts: 0, sentAt: 0, lastError: '', done };
  }

  /** Waits until nothing is in flight or queued; rethrows the first failure nobody was told about. */
  async flush(): Promise<void> {
    if (this.backlog > 0) await new Promise<void>((r) => this.idleWaiters.push(r));
    const err = this.unreported;
    this.unreported = null;
    if (err) throw err;
  }

  /**
   * Waits until the backlog is at most half the high-water mark: a producer that got `false` from
   * publishAsync resumes while half a window of acks is still in flight, so the pipe never runs dry
   * (a full flush() would). Rethrows the first failure nobody was told about.
   */
  async room(): Promise<void> {
    if (this.backlog > this.o.highWaterMark >> 1) await new Promise<void>((r) => this.roomWaiters.push(r));
    const err = this.unreported;
    this.unreported = null;
    if (err) throw err;
  }

  close(): void {
    clearInterval(this.timer);
    this.sub.unsubscribe();
    const err = new PipstreamError('PS_BUS_PUBLISH', 'bus closed before the publish was acknowledged');
    for (const e of this.inFlight.values()) this.fail(e, err.message);
    for (let i = this.waitingHead; i < this.waiting.length; i++) this.fail(this.waiting[i]!, err.message);
    for (const [subject, parts] of this.open) for (const p of parts) this.fail(this.single(subject, p), err.message);
    this.open.clear();
    this.openCount = 0;
    this.inFlight.clear();
    this.waiting = [];
    this.waitingHead = 0;
    this.notifyIdle();
  }

  private enqueue(e: Entry): void {
    if (this.inFlight.size < this.o.maxInFlight && this.waitingHead === this.waiting.length) this.send(e);
    else this.waiting.push(e);
  }

  private send(e: Entry): void {
    const id = this.nextId++;
    e.attempts++;
    e.sentAt = Date.now();
    this.inFlight.set(id, e);
    let h;
    if (e.msgId) {
      // One headers object for every message: publish() encodes it into the outbound buffer at once.
      h = this.msgIdHeader;
      h.set('Nats-Msg-Id', e.msgId);
    }
    try {
      this.nc.publish(e.subject, e.data, { reply: `${this.inbox}.${id}`, headers: h });
    } catch (err) {
      this.inFlight.delete(id);
      this.retryOrFail(e, (err as Error).message);
    }
  }

  private onAck(msg: Msg): void {
    const id = Number(msg.subject.slice(this.inbox.length + 1));
    const e = this.inFlight.get(id);
    if (!e) return; // answer to an attempt that already timed out and was resent
    this.inFlight.delete(id);
    const d = msg.data;
    // A stored-ack is `{"stream":...`; `{"error":...` or an empty status message (503) is a failure.
    if (d.length > 2 && d[2] === 0x73 /* s */) {
      if (e.done !== null) {
        const a = JSON.parse(decoder.decode(d)) as { stream: string; seq: number; duplicate?: boolean };
        tell(e.done, null, { stream: a.stream, seq: a.seq, duplicate: a.duplicate === true });
      }
    } else {
      const why = d.length > 0 ? decoder.decode(d) : `status ${msg.headers?.code ?? '?'} ${msg.headers?.description ?? 'no responders (no stream for this subject?)'}`;
      this.retryOrFail(e, why);
    }
    this.schedulePump();
  }

  /**
   * Acks arrive in bursts (one socket read); refilling the window once per burst, and only once it
   * is half empty, turns many tiny socket writes into a few large ones (~2x throughput).
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    if (this.inFlight.size > this.o.maxInFlight >> 1 && this.backlog > this.inFlight.size) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  private expire(): void {
    const limit = Date.now() - this.o.timeoutMs;
    const expired: Entry[] = [];
    for (const [id, e] of this.inFlight) {
      if (e.sentAt > limit) break; // Map iterates in send order
      this.inFlight.delete(id);
      expired.push(e);
    }
    for (const e of expired) this.retryOrFail(e, `no ack within ${this.o.timeoutMs} ms`);
    if (expired.length > 0) this.pump();
  }

  private retryOrFail(e: Entry, why: string): void {
    e.lastError = why;
    if (e.attempts < this.o.publishAttempts && !this.nc.isClosed()) {
      // Back off a little: a 503 usually means a stream is being created or a leader elected.
      this.retrying++;
      setTimeout(() => {
        this.retrying--;
        this.enqueue(e);
        this.pump();
      }, 25 * 2 ** e.attempts).unref();
    } else {
      this.fail(e, why);
    }
    this.notifyIdleSoon();
  }

  private fail(e: Entry, why: string): void {
    const err = new PipstreamError('PS_BUS_PUBLISH', `publish to ${e.subject} failed after ${e.attempts} attempt(s): ${why}`,
      { subject: e.subject, msgId: e.msgId, attempts: e.attempts });
    if (e.done !== null) tell(e.done, err, null);
    else this.report(err);
  }

  /** A failure of a publishAsync: to onError, else to the next flush() or room(). */
  private report(err: PipstreamError): void {
    if (this.o.onError) this.o.onError(err);
    else this.unreported ??= err;
  }

  private pump(): void {
    while (this.inFlight.size < this.o.maxInFlight && this.waitingHead < this.waiting.length) {
      const e = this.waiting[this.waitingHead]!;
      this.waiting[this.waitingHead++] = undefined as unknown as Entry;
      this.send(e);
    }
    if (this.waitingHead === this.waiting.length && this.waitingHead > 0) {
      this.waiting = [];
      this.waitingHead = 0;
    }
    this.notifyIdle();
  }

  private notifyIdleSoon(): void {
    queueMicrotask(() => this.notifyIdle());
  }

  private notifyIdle(): void {
    if (this.roomWaiters.length > 0 && this.backlog <= this.o.highWaterMark >> 1) {
      const ws = this.roomWaiters;
      this.roomWaiters = [];
      for (const w of ws) w();
    }
    if (this.idleWaiters.length === 0 || this.backlog > 0) return;
    const ws = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of ws) w();
  }
}
