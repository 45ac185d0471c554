/**
 * In-process bus with the semantics the engine relies on: subjects with `*`/`>`, streams that
 * capture their subjects with msgId dedupe inside the duplicate window, consumers with one filter
 * subject (durable ones remember acked progress for the life of the process), core pub/sub with
 * queue groups, request/reply. Delivery is always asynchronous, as over a network.
 * Not persistent, no max-age or size trimming, no redelivery of unacked messages while a consumer runs.
 */
import { PipstreamError } from '../errors/mod.ts';
import { Streams, type StreamName } from '../switchboard/mod.ts';
import { streamSpecs } from './streams.ts';
import { compileSubject } from './subjects.ts';
import type {
  Bus, BusConsumer, BusMsg, BusSubscription, ConsumeHandler, ConsumeOptions, CoreMsg, PubAck, PublishDone, PublishOptions,
  ResolvedBusOptions, StreamState,
} from './types.ts';

interface Stored { subject: string; data: Uint8Array; atMs: number }

interface MemStream {
  name: string;
  subjects: string[];
  matchers: Array<(s: string) => boolean>;
  duplicateWindowMs: number;
  msgs: Stored[]; // msgs[i] has seq i + 1
  dedupe: Map<string, { seq: number; at: number }>;
  consumers: Set<MemConsumer>;
}

interface CoreSub { match: (s: string) => boolean; handler: (m: CoreMsg) => void; queue: string | undefined }

interface Durable { filter: string; nextSeq: number; unacked: Set<number> }

class MemConsumer implements BusConsumer {
  private running = false;
  private closed = false;
  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly stream: MemStream, private readonly match: (s: string) => boolean, public nextSeq: number,
    private readonly handler: ConsumeHandler, private readonly durable: Durable | null,
    private readonly onError: ResolvedBusOptions['onError'], private readonly filter: string) {}

  /** Called after a store; delivery happens on a later turn of the event loop. */
  wake(): void {
    if (this.running || this.closed) return;
    this.running = true;
    this.idle = new Promise<void>((done) => setImmediate(() => void this.drain().finally(() => {
      this.running = false;
      done();
      // A message stored while the last handler was awaited would otherwise wait for the next publish.
      if (!this.closed && this.nextSeq <= this.stream.msgs.length) this.wake();
    })));
  }

  private async drain(): Promise<void> {
    const msgs = this.stream.msgs;
    while (!this.closed && this.nextSeq <= msgs.length) {
      const seq = this.nextSeq++;
      const m = msgs[seq - 1]!;
      if (!this.match(m.subject)) continue;
      const d = this.durable;
      if (d) {
        d.nextSeq = this.nextSeq;
        d.unacked.add(seq);
      }
      const msg: BusMsg = { subject: m.subject, data: m.data, seq, deliveries: 1, ack: d ? () => { d.unacked.delete(seq); } : noop, retryIn: noop, handBack: noop };
      try {
        const r = this.handler(msg);
        if (r) await r;
      } catch (err) {
        this.onError?.(new PipstreamError('PS_BUS_HANDLER', `handler for ${this.filter} (seq ${seq}) threw: ${(err as Error)?.message}`,
          { stream: this.stream.name, subject: m.subject, seq }, { cause: err }));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stream.consumers.delete(this);
    await this.idle;
  }
}

let inboxSeq = 0;

export class EmbeddedBus implements Bus {
  readonly kind = 'embedded' as const;
  readonly nats = null;
  private readonly streams = new Map<string, MemStream>();
  private readonly durables = new Map<string, Durable>();
  private readonly subs = new Set<CoreSub>();
  private readonly queueTurn = new Map<string, number>();
  private unreported: PipstreamError | null = null;

  constructor(private readonly o: ResolvedBusOptions, readonly fallbackReason: string | null = null) {}

  async ensureStreams(): Promise<void> {
    for (const spec of streamSpecs(this.o)) {
      const s = this.streams.get(spec.name);
      if (s) {
        s.subjects = spec.subjects;
        s.matchers = spec.subjects.map(compileSubject);
        s.duplicateWindowMs = spec.duplicateWindowMs;
      } else {
        this.streams.set(spec.name, {
          name: spec.name, subjects: spec.subjects, matchers: spec.subjects.map(compileSubject),
          duplicateWindowMs: spec.duplicateWindowMs, msgs: [], dedupe: new Map(), consumers: new Set(),
        });
      }
    }
  }

  async streamInfo(stream: StreamName): Promise<StreamState> {
    const s = this.stream(Streams[stream].name);
    return {
      name: s.name, subjects: s.subjects, messages: s.msgs.length, firstSeq: s.msgs.length > 0 ? 1 : 0,
      lastSeq: s.msgs.length, duplicateWindowMs: s.duplicateWindowMs, maxBytes: -1,
    };
  }

  private stream(name: string): MemStream {
    const s = this.streams.get(name);
    if (!s) throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `stream ${name} not found (call ensureStreams first)`, { stream: name });
    return s;
  }

  private store(subject: string, data: Uint8Array, msgId: string): PubAck {
    this.deliverCore(subject, data, undefined);
    for (const s of this.streams.values()) {
      if (!s.matchers.some((m) => m(subject))) continue;
      const now = Date.now();
      if (msgId) {
        const seen = s.dedupe.get(msgId);
        if (seen && now - seen.at < s.duplicateWindowMs) return { stream: s.name, seq: seen.seq, duplicate: true };
        s.dedupe.set(msgId, { seq: s.msgs.length + 1, at: now });
        if (s.dedupe.size > 100_000) pruneDedupe(s, now);
      }
      s.msgs.push({ subject, data, atMs: Date.now() });
      for (const c of s.consumers) c.wake();
      return { stream: s.name, seq: s.msgs.length, duplicate: false };
    }
    throw new PipstreamError('PS_BUS_PUBLISH', `no stream captures subject ${subject}`, { subject, msgId, attempts: 1 });
  }

  // `coalesce` changes nothing here: an in-process publish costs no server work to save.
  async publish(subject: string, data: Uint8Array, opts?: PublishOptions): Promise<PubAck> {
    return this.store(subject, data, opts?.msgId ?? '');
  }

  publishAcked(subject: string, data: Uint8Array, opts: PublishOptions, done: PublishDone): void {
    let ack: PubAck | null = null;
    let err: PipstreamError | null = null;
    try {
      ack = this.store(subject, data, opts.msgId ?? '');
    } catch (e) {
      err = e as PipstreamError;
    }
    // As publish() answers: after the caller's synchronous work.
    queueMicrotask(() => done(err, ack));
  }

  publishAsync(subject: string, data: Uint8Array, msgId?: string): boolean {
    try {
      this.store(subject, data, msgId ?? '');
    } catch (err) {
      const e = err as PipstreamError;
      if (this.o.onError) queueMicrotask(() => this.o.onError!(e));
      else this.unreported ??= e;
    }
    return true;
  }

  async flush(): Promise<void> {
    const err = this.unreported;
    this.unreported = null;
    if (err) throw err;
  }

  /** Stores synchronously: there is never a backlog to wait for. */
  room(): Promise<void> {
    return this.flush();
  }

  async durableResumeSeq(stream: StreamName, durable: string): Promise<number | null> {
    const d = this.durables.get(`${Streams[stream].name}/${durable}`);
    return d === undefined ? null : Math.min(d.nextSeq, ...d.unacked);
  }

  async deleteDurable(stream: StreamName, durable: string): Promise<void> {
    this.durables.delete(`${Streams[stream].name}/${durable}`);
  }

  async consume(stream: StreamName, filterSubject: string, handler: ConsumeHandler, opts: ConsumeOptions = {}): Promise<BusConsumer> {
    const s = this.stream(Streams[stream].name);
    const deliver = opts.deliver ?? 'all';
    const first = typeof deliver !== 'object' ? (deliver === 'new' ? s.msgs.length + 1 : 1)
      : 'startSeq' in deliver ? Math.max(1, deliver.startSeq) : firstAtOrAfter(s.msgs, deliver.startTimeMs);
    let durable: Durable | null = null;
    let start = first;
    if (opts.durable) {
      const key = `${s.name}/${opts.durable}`;
      durable = this.durables.get(key) ?? null;
      if (!durable || durable.filter !== filterSubject) {
        durable = { filter: filterSubject, nextSeq: first, unacked: new Set() };
        this.durables.set(key, durable);
      }
      // Resume at the oldest delivered-but-unacked message, as a redelivery would.
      start = Math.min(durable.nextSeq, ...durable.unacked);
      durable.unacked.clear();
    }
    const c = new MemConsumer(s, compileSubject(filterSubject), start, handler, durable, this.o.onError, filterSubject);
    s.consumers.add(c);
    c.wake();
    return c;
  }

  private deliverCore(subject: string, data: Uint8Array, reply: string | undefined): number {
    let n = 0;
    let groups: Map<string, CoreSub[]> | null = null;
    for (const sub of this.subs) {
      if (!sub.match(subject)) continue;
      if (sub.queue) {
        groups ??= new Map();
        const g = groups.get(sub.queue);
        if (g) g.push(sub);
        else groups.set(sub.queue, [sub]);
        continue;
      }
      n++;
      const msg: CoreMsg = { subject, data, reply };
      queueMicrotask(() => sub.handler(msg));
    }
    if (groups) {
      for (const [q, members] of groups) {
        const turn = this.queueTurn.get(q) ?? 0;
        this.queueTurn.set(q, turn + 1);
        const sub = members[turn % members.length]!;
        n++;
        const msg: CoreMsg = { subject, data, reply };
        queueMicrotask(() => sub.handler(msg));
      }
    }
    return n;
  }

  subscribe(subject: string, handler: (msg: CoreMsg) => void, opts: { queue?: string } = {}): BusSubscription {
    const sub: CoreSub = { match: compileSubject(subject), handler, queue: opts.queue };
    this.subs.add(sub);
    return { unsubscribe: () => this.subs.delete(sub) };
  }

  publishCore(subject: string, data: Uint8Array): void {
    // As in NATS: a stream whose subjects match captures a core publish too.
    for (const s of this.streams.values()) if (s.matchers.some((m) => m(subject))) return void this.store(subject, data, '');
    this.deliverCore(subject, data, undefined);
  }

  request(subject: string, data: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    const inbox = `_INBOX.embedded.${++inboxSeq}`;
    const timeoutMs = opts.timeoutMs ?? this.o.timeoutMs;
    return new Promise((resolve, reject) => {
      const sub = this.subscribe(inbox, (m) => {
        clearTimeout(timer);
        sub.unsubscribe();
        resolve(m.data);
      });
      const timer = setTimeout(() => {
        sub.unsubscribe();
        reject(new PipstreamError('PS_TIMEOUT', `request ${subject}: no reply within ${timeoutMs} ms (embedded bus)`, { subject }));
      }, timeoutMs);
      if (this.deliverCore(subject, data, inbox) === 0) {
        clearTimeout(timer);
        sub.unsubscribe();
        reject(new PipstreamError('PS_SERVICE_UNAVAILABLE', `request ${subject}: no responders (embedded bus)`, { subject }));
      }
    });
  }

  respond(subject: string, handler: (data: Uint8Array, subject: string) => Uint8Array | null | Promise<Uint8Array | null>,
    opts: { queue?: string } = {}): BusSubscription {
    return this.subscribe(subject, (m) => {
      const reply = m.reply;
      Promise.resolve()
        .then(() => handler(m.data, m.subject))
        .then((out) => { if (reply && out !== null) this.deliverCore(reply, out, undefined); }, (err) => this.o.onError?.(
          new PipstreamError('PS_BUS_HANDLER', `responder for ${subject} threw: ${(err as Error)?.message}`, { subject: m.subject },
            { cause: err })));
    }, opts);
  }

  async close(): Promise<void> {
    for (const s of this.streams.values()) for (const c of [...s.consumers]) await c.close();
    this.subs.clear();
  }
}

function pruneDedupe(s: MemStream, now: number): void {
  for (const [id, v] of s.dedupe) {
    if (now - v.at < s.duplicateWindowMs) break; // insertion order = time order
    s.dedupe.delete(id);
  }
}

function noop(): void {}

/** Sequence of the first stored message at or after `timeMs` (messages are stored in time order). */
function firstAtOrAfter(msgs: readonly Stored[], timeMs: number): number {
  let lo = 0, hi = msgs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (msgs[mid]!.atMs < timeMs) lo = mid + 1; else hi = mid;
  }
  return lo + 1;
}
