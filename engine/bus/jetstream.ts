/** The real bus: NATS core + JetStream (server 2.9+: one filter_subject per consumer). */
import { connect, errors as natsErrors, type NatsConnection, type Subscription } from '@nats-io/transport-node';
import {
  AckPolicy, DeliverPolicy, jetstream, jetstreamManager, StorageType, RetentionPolicy, DiscardPolicy,
  type ConsumerConfig, type JetStreamClient, type JsMsg, type JetStreamManager, type StreamConfig,
} from '@nats-io/jetstream';
import { PipstreamError, withTimeout } from '../errors/mod.ts';
import { Streams, type StreamName } from '../switchboard/mod.ts';
import { batchParts } from './batch.ts';
import { Publisher } from './publisher.ts';
import { streamSpecs, type StreamSpec } from './streams.ts';
import type {
  Bus, BusConsumer, BusMsg, BusSubscription, ConsumeHandler, ConsumeOptions, CoreMsg, PubAck, PublishDone, PublishOptions,
  ResolvedBusOptions, StreamState,
} from './types.ts';

const NS_PER_MS = 1_000_000;
/** How long the server waits for an unanswered message before delivering it again (durables this bus creates). */
const ACK_WAIT_MS = 30_000;
/**
 * How long a pull request stays open at the server. After a reconnect nats.js checks the consumer before pulling
 * again, and backs off by `expires` when the check fails (JetStream still recovering): 30 s by default, which
 * left a node without ticks for ~45 s after a server restart. Idle, a consumer renews its pull every 2 s.
 */
const PULL_EXPIRES_MS = 2000;
/**
 * Messages one consumer's pulls ask for. nats-server cuts a connection with more than 64 MiB waiting for it (a
 * slow consumer), dropping every request in flight on it: pulls of 1,000 journal batches of up to 64 KiB were that
 * much whenever a handler held the event loop. 64 batches are 4 MiB at most, so a dozen consumers on one
 * connection stay under it. Not bounded by bytes (as from 2026-11-22 05:00 to 13:30): nats.js then refills a pull
 * with the bytes just read, a request too small for the next journal batch ends with a 409 "message size exceeds
 * maxbytes", and nats.js (with a callback, as here) pulls again only when heartbeats are missed. In the
 * persistence-lag bench (2,000 orders/s for 8 s) its three consumers got 737 such 409s and stood still for seconds:
 * ORDERS lag p50 1,000-4,000 events, every row written 2-5 s after the last order. Counted in messages: no 409,
 * lag p50 42-72 events, every row within 35-65 ms.
 */
const PULL_MESSAGES = 64;
/**
 * A message handed back by a stopping consumer is redelivered after this delay: sooner, the server could hand it
 * to that consumer's pull, still open at the server though nobody reads it any more, and it would be lost to
 * the ack wait (30 s).
 */
const HAND_BACK_MS = PULL_EXPIRES_MS + 500;
/** A hold's delay that means: not to be retried here, hand it back to the server now (BusMsg.handBack). */
const HAND_BACK = Infinity;
/** A handler that threw gets its message again after this long (kept here, as retryIn does). */
const THREW_RETRY_MS = 1000;

export async function connectJetStream(o: ResolvedBusOptions): Promise<Bus> {
  let nc: NatsConnection;
  try {
    nc = await connect({ servers: o.url, name: o.name, timeout: o.timeoutMs, maxReconnectAttempts: -1 });
  } catch (err) {
    throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `NATS at ${o.url} is not reachable: ${(err as Error).message}`,
      { url: o.url }, { cause: err });
  }
  try {
    const jsm = await jetstreamManager(nc, { timeout: o.timeoutMs });
    return new JetStreamBus(nc, jsm, jetstream(nc, { timeout: o.timeoutMs }), o);
  } catch (err) {
    await nc.close();
    throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `NATS at ${o.url} has no JetStream (start nats-server with -js): ${(err as Error).message}`,
      { url: o.url }, { cause: err });
  }
}

/** The server's answer when a durable consumer does not exist (for a lookup or a delete, not a failure). */
const consumerMissing = (err: unknown): boolean => err instanceof Error && /consumer not found/i.test(err.message);

/** Maps a failed external call to our codes; the URL goes into every message. */
function wrap(err: unknown, what: string, url: string): PipstreamError {
  if (err instanceof PipstreamError) return err;
  const msg = (err as Error)?.message ?? String(err);
  if (err instanceof natsErrors.TimeoutError) return new PipstreamError('PS_TIMEOUT', `${what}: timed out (NATS ${url})`, { url }, { cause: err });
  if (err instanceof natsErrors.NoRespondersError) {
    return new PipstreamError('PS_SERVICE_UNAVAILABLE', `${what}: no responders (NATS ${url})`, { url }, { cause: err });
  }
  if (err instanceof natsErrors.ClosedConnectionError || err instanceof natsErrors.ConnectionError) {
    return new PipstreamError('PS_SERVICE_UNAVAILABLE', `${what}: ${msg} (NATS ${url})`, { url }, { cause: err });
  }
  return new PipstreamError('PS_SERVICE_UNAVAILABLE', `${what}: ${msg} (NATS ${url})`, { url }, { cause: err });
}

class JetStreamBus implements Bus {
  readonly kind = 'jetstream' as const;
  readonly fallbackReason = null;
  private readonly publisher: Publisher;
  private readonly consumers = new Set<BusConsumer>();

  constructor(readonly nats: NatsConnection, private readonly jsm: JetStreamManager, private readonly js: JetStreamClient,
    private readonly o: ResolvedBusOptions) {
    this.publisher = new Publisher(nats, o);
  }

  async ensureStreams(): Promise<void> {
    for (const spec of streamSpecs(this.o)) await this.ensureStream(spec);
  }

  private async ensureStream(spec: StreamSpec): Promise<void> {
    const want = {
      name: spec.name,
      subjects: spec.subjects,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
      max_age: spec.maxAgeMs * NS_PER_MS,
      max_bytes: spec.maxBytes,
      duplicate_window: spec.duplicateWindowMs * NS_PER_MS,
      num_replicas: 1,
    } satisfies Partial<StreamConfig>;
    try {
      let current: StreamConfig | null = null;
      try {
        current = (await this.jsm.streams.info(spec.name)).config;
      } catch (err) {
        if (!(err instanceof Error) || !/stream not found/i.test(err.message)) throw err;
      }
      if (!current) {
        await this.jsm.streams.add(want);
        return;
      }
      if (current.storage !== StorageType.File) {
        throw new PipstreamError('PS_BUS_STREAM_CONFIG',
          `stream ${spec.name} uses ${current.storage} storage; pipstream needs file storage (delete the stream to recreate it)`,
          { stream: spec.name, storage: current.storage });
      }
      const differs = current.subjects.join(' ') !== spec.subjects.join(' ') || current.max_age !== want.max_age || current.max_bytes !== want.max_bytes ||
        current.duplicate_window !== want.duplicate_window || current.discard !== want.discard;
      // Replicas are left as they are: a production cluster runs R3 (DESIGN.md §1).
      if (differs) await this.jsm.streams.update(spec.name, { ...current, ...want, num_replicas: current.num_replicas });
    } catch (err) {
      if (err instanceof Error && /insufficient (storage )?resources/i.test(err.message)) {
        const total = streamSpecs(this.o).reduce((sum, s) => sum + s.maxBytes, 0);
        throw new PipstreamError('PS_BUS_STREAM_CONFIG',
          `stream ${spec.name}: nats-server cannot reserve ${spec.maxBytes} bytes for it (${err.message}); pipstream's streams reserve ` +
          `${total} bytes in all: give JetStream more storage (max_file_store; by default 75% of the free disk under -sd) or ` +
          'lower them (PIPSTREAM_STREAM_MAX_BYTES, BusOptions.streamMaxBytes)', { stream: spec.name, maxBytes: spec.maxBytes, totalBytes: total }, { cause: err });
      }
      throw wrap(err, `ensure stream ${spec.name}`, this.o.url);
    }
  }

  async streamInfo(stream: StreamName): Promise<StreamState> {
    try {
      const si = await this.jsm.streams.info(Streams[stream].name);
      return {
        name: si.config.name, subjects: si.config.subjects, messages: si.state.messages,
        firstSeq: si.state.first_seq, lastSeq: si.state.last_seq, duplicateWindowMs: si.config.duplicate_window / NS_PER_MS,
        maxBytes: si.config.max_bytes,
      };
    } catch (err) {
      throw wrap(err, `stream info ${stream}`, this.o.url);
    }
  }

  publish(subject: string, data: Uint8Array, opts?: PublishOptions): Promise<PubAck> {
    return this.publisher.publish(subject, data, opts?.msgId ?? '', opts?.coalesce === true);
  }

  publishAcked(subject: string, data: Uint8Array, opts: PublishOptions, done: PublishDone): void {
    this.publisher.publishAcked(subject, data, opts.msgId ?? '', opts.coalesce === true, done);
  }

  publishAsync(subject: string, data: Uint8Array, msgId?: string, opts?: { coalesce?: boolean }): boolean {
    return this.publisher.publishAsync(subject, data, msgId ?? '', opts?.coalesce === true);
  }

  flush(): Promise<void> {
    return this.publisher.flush();
  }

  room(): Promise<void> {
    return this.publisher.room();
  }

  async consume(stream: StreamName, filterSubject: string, handler: ConsumeHandler, opts: ConsumeOptions = {}): Promise<BusConsumer> {
    const streamName = Streams[stream].name;
    const deliver = opts.deliver ?? 'all';
    const startSeq = typeof deliver === 'object' && 'startSeq' in deliver ? deliver.startSeq : 0;
    const startTime = typeof deliver === 'object' && 'startTimeMs' in deliver ? new Date(deliver.startTimeMs).toISOString() : null;
    const policy = startTime !== null ? DeliverPolicy.StartTime : typeof deliver === 'object' ? DeliverPolicy.StartSequence
      : deliver === 'new' ? DeliverPolicy.New : DeliverPolicy.All;
    let consumer;
    try {
      if (opts.durable) {
        await this.ensureDurable(streamName, opts.durable, filterSubject, policy, startSeq, startTime);
        consumer = await this.js.consumers.get(streamName, opts.durable);
      } else {
        consumer = await this.js.consumers.get(streamName, {
          filter_subjects: filterSubject, // a string: sent as the 2.9-compatible filter_subject
          deliver_policy: policy,
          ...(startSeq > 0 ? { opt_start_seq: startSeq } : {}),
          ...(startTime !== null ? { opt_start_time: startTime } : {}),
        });
      }
    } catch (err) {
      throw wrap(err, `consume ${streamName} ${filterSubject}`, this.o.url);
    }
    const durable = opts.durable !== undefined;
    // A durable's ack wait: a message still being handled after a third of it says so (+WPI), so that the server
    // does not deliver it again meanwhile (a batch of signals handled while Redis times out can take longer).
    const ackWaitMs = durable ? ((await consumer!.info(true)).config.ack_wait ?? ACK_WAIT_MS * NS_PER_MS) / NS_PER_MS : 0;
    const onError = this.o.onError;
    const failed = (m: JsMsg, err: unknown, deliveries: number) => {
      const e = new PipstreamError('PS_BUS_HANDLER', `handler for ${filterSubject} (seq ${m.seq}) threw: ${(err as Error)?.message}`,
        { stream: streamName, subject: m.subject, seq: m.seq }, { cause: err });
      hold(m, THREW_RETRY_MS, deliveries);
      onError?.(e);
    };
    // Messages arrive synchronously from the socket callback (no async iterator: no promise per
    // message). A handler that returns a promise parks the following messages here, in order,
    // until it settles. The pull window refills by delivered count either way.
    let parked: JsMsg[] = [];
    let head = 0;
    let busy: Promise<void> | null = null;
    /** The message whose handling `busy` waits for. */
    let handling: JsMsg | null = null;
    let closed = false;
    // What arrives or waits here after close() goes back to the server (a nak, see HAND_BACK_MS), so that the
    // consumer's next instance gets it without waiting out the ack wait (30 s).
    const handBack = (m: JsMsg): void => { if (durable) m.nak(HAND_BACK_MS); };
    /**
     * retryIn() keeps the message here and hands it to the handler again after the delay (reported in progress
     * meanwhile), instead of a delayed nak. With naks, nats-server 2.9.10 sometimes never delivered the message
     * again, nor counted it pending (4 of 13 full-suite runs: a Redis outage's signals never executed). Its pull
     * path takes a redelivery off its queue before looking for a pull that fits it, and the byte-bounded pulls we had then
     * often have none. The server now redelivers only what a stopping consumer hands back, and after crashes.
     */
    const held = new Map<JsMsg, NodeJS.Timeout>();
    /** The deliveries so far of the messages retried here and waiting for the handler again (the server's count is behind). */
    const retried = new Map<JsMsg, number>();
    const hold: Hold = (m, ms, deliveries) => {
      if (!durable) return;
      if (closed || ms === HAND_BACK) return handBack(m);
      held.set(m, setTimeout(() => {
        held.delete(m);
        retried.set(m, deliveries + 1);
        arrive(m);
      }, ms));
    };
    const deliveries = (m: JsMsg): number => {
      if (retried.size === 0) return m.info.deliveryCount;
      const n = retried.get(m);
      if (n === undefined) return m.info.deliveryCount;
      retried.delete(m);
      return n;
    };
    const run = (m: JsMsg): Promise<void> | null => {
      const parts = batchParts(m.data);
      if (parts !== null) return runBatch(m, parts);
      const d = deliveries(m);
      try {
        const r = handler(new JsBusMsg(m, durable, d, hold));
        return r ? r.then(undefined, (err: unknown) => failed(m, err, d)) : null;
      } catch (err) {
        failed(m, err, d);
        return null;
      }
    };
    // A batch's messages go to the handler one by one, in order; the batch is acked once all of them are.
    // A handler that throws retries the whole batch: that repeats the messages before (consumers dedupe).
    const runBatch = (m: JsMsg, parts: Uint8Array[]): Promise<void> | null => {
      const state: BatchState = { n: parts.length, retryMs: -1, deliveries: deliveries(m), hold };
      const from = (i: number): Promise<void> | null => {
        for (; i < parts.length; i++) {
          try {
            const r = handler(new PartBusMsg(m, parts[i]!, durable, state));
            if (r) {
              const next = i + 1;
              return r.then(() => from(next) ?? undefined, (err: unknown) => failed(m, err, state.deliveries));
            }
          } catch (err) {
            failed(m, err, state.deliveries);
            return null;
          }
        }
        return null;
      };
      return from(0);
    };
    const resume = (): void => {
      busy = null;
      handling = null;
      while (head < parked.length) {
        const m = parked[head]!;
        parked[head++] = undefined as unknown as JsMsg;
        if (closed) {
          handBack(m);
          continue;
        }
        const p = run(m);
        if (p !== null) {
          handling = m;
          busy = p.then(resume);
          return;
        }
      }
      parked = [];
      head = 0;
    };
    /** A message from the server, or one retried here, to the handler (or parked behind a busy one). */
    const arrive = (m: JsMsg): void => {
      if (closed) {
        handBack(m);
        return;
      }
      if (busy !== null) {
        parked.push(m);
        return;
      }
      const p = run(m);
      if (p !== null) {
        handling = m;
        busy = p.then(resume);
      }
    };
    const messages = await consumer.consume({
      max_messages: PULL_MESSAGES,
      // Idle, a consumer renews its pull every PULL_EXPIRES_MS and gets a heartbeat every half of it.
      expires: PULL_EXPIRES_MS,
      callback: arrive,
    });
    let still: JsMsg | null = null;
    const progress = ackWaitMs > 0 ? setInterval(() => {
      // Busy with the same message since the last look: keep its ack wait from running out; so for the messages
      // waiting behind a handler and those held for a retry, which this consumer will handle.
      if (handling !== null && handling === still) handling.working();
      for (let i = head; i < parked.length; i++) parked[i]!.working();
      for (const m of held.keys()) m.working();
      still = handling;
    }, ackWaitMs / 3) : null;
    progress?.unref();
    const handle: BusConsumer = {
      close: async () => {
        this.consumers.delete(handle);
        closed = true;
        if (progress !== null) clearInterval(progress);
        if (durable) await drainPulls(messages, this.o.timeoutMs, this.o.onError);
        await messages.close();
        while (busy !== null) await busy;
        for (const [m, timer] of held) {
          clearTimeout(timer);
          handBack(m);
        }
        held.clear();
        retried.clear();
      },
    };
    this.consumers.add(handle);
    return handle;
  }

  async durableResumeSeq(stream: StreamName, durable: string): Promise<number | null> {
    try {
      const ci = await this.jsm.consumers.info(Streams[stream].name, durable);
      return ci.ack_floor.stream_seq + 1;
    } catch (err) {
      if (consumerMissing(err)) return null;
      throw wrap(err, `consumer info ${stream}/${durable}`, this.o.url);
    }
  }

  async deleteDurable(stream: StreamName, durable: string): Promise<void> {
    try {
      await this.jsm.consumers.delete(Streams[stream].name, durable);
    } catch (err) {
      if (consumerMissing(err)) return;
      throw wrap(err, `consumer delete ${stream}/${durable}`, this.o.url);
    }
  }

  private async ensureDurable(stream: string, durable: string, filter: string, policy: DeliverPolicy, startSeq: number,
    startTime: string | null): Promise<void> {
    try {
      const ci = await this.jsm.consumers.info(stream, durable);
      if (ci.config.filter_subject === filter) return; // resume where it stopped
      // Same name, other filter: a different consumer; server 2.9 cannot change it in place.
      await this.jsm.consumers.delete(stream, durable);
    } catch (err) {
      if (!consumerMissing(err)) throw err;
    }
    const cfg: Partial<ConsumerConfig> = {
      durable_name: durable,
      filter_subject: filter,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: policy,
      ack_wait: ACK_WAIT_MS * NS_PER_MS,
      max_ack_pending: 20_000,
    };
    if (startSeq > 0) cfg.opt_start_seq = startSeq;
    if (startTime !== null) cfg.opt_start_time = startTime;
    if (this.o.durableInactiveMs > 0) cfg.inactive_threshold = this.o.durableInactiveMs * NS_PER_MS;
    await this.jsm.consumers.add(stream, cfg);
  }

  subscribe(subject: string, handler: (msg: CoreMsg) => void, opts: { queue?: string } = {}): BusSubscription {
    const sub: Subscription = this.nats.subscribe(subject, {
      ...(opts.queue ? { queue: opts.queue } : {}),
      callback: (_err, m) => {
        const parts = batchParts(m.data);
        if (parts === null) handler({ subject: m.subject, data: m.data, reply: m.reply });
        else for (const data of parts) handler({ subject: m.subject, data, reply: m.reply });
      },
    });
    return { unsubscribe: () => sub.unsubscribe() };
  }

  publishCore(subject: string, data: Uint8Array): void {
    this.nats.publish(subject, data);
  }

  async request(subject: string, data: Uint8Array, opts: { timeoutMs?: number } = {}): Promise<Uint8Array> {
    try {
      return (await this.nats.request(subject, data, { timeout: opts.timeoutMs ?? this.o.timeoutMs })).data;
    } catch (err) {
      throw wrap(err, `request ${subject}`, this.o.url);
    }
  }

  respond(subject: string, handler: (data: Uint8Array, subject: string) => Uint8Array | null | Promise<Uint8Array | null>,
    opts: { queue?: string } = {}): BusSubscription {
    const sub = this.nats.subscribe(subject, {
      ...(opts.queue ? { queue: opts.queue } : {}),
      callback: (_err, m) => {
        Promise.resolve()
          .then(() => handler(m.data, m.subject))
          .then((out) => { if (out !== null) m.respond(out); }, (err) => this.o.onError?.(new PipstreamError('PS_BUS_HANDLER',
            `responder for ${subject} threw: ${(err as Error)?.message}`, { subject: m.subject }, { cause: err })));
      },
    });
    return { unsubscribe: () => sub.unsubscribe() };
  }

  async close(): Promise<void> {
    if (this.nats.isClosed()) return;
    try {
      await withTimeout(this.publisher.flush(), this.o.timeoutMs, 'flushing the publisher before close');
    } catch {
      // Closing anyway; failures were already reported through onError.
    }
    for (const c of [...this.consumers]) await c.close();
    this.publisher.close();
    await this.nats.drain();
  }
}

/**
 * Drains the subscription a durable's pulls deliver to before the consumer closes. nats.js's close() unsubscribes
 * at once, dropping what the server had already sent for the open pull: those messages waited out the ack wait,
 * 30 s, before the next instance got them (half the closes mid-stream here). Drained (UNSUB, then a PING), what
 * arrives before the PONG reaches this consumer, which hands it back (HAND_BACK_MS). Left: a message the server
 * picked for the pull just before the UNSUB and sent after the PONG (2 of 20 closes mid-stream with a CPU hog
 * beside, none of 16 without). The subscription is a public member of nats.js's pull iterator, not of its
 * interface, hence the structural type. Bounded: with the connection down the drain would wait for it.
 */
async function drainPulls(messages: unknown, timeoutMs: number, onError: ((err: PipstreamError) => void) | undefined): Promise<void> {
  const sub = (messages as { sub?: { drain(): Promise<void> } }).sub;
  if (sub === undefined) return;
  try {
    await withTimeout(sub.drain(), timeoutMs, 'draining a consumer\'s pulls');
  } catch (err) {
    // Closing anyway: at worst the messages in flight wait out the ack wait, as without the drain.
    onError?.(err instanceof PipstreamError ? err : new PipstreamError('PS_SERVICE_UNAVAILABLE', `draining a consumer's pulls: ${(err as Error)?.message}`,
      { service: 'nats' }, { cause: err }));
  }
}

/**
 * Keeps a message in its consumer and hands it to the handler again in `ms`, its delivery `deliveries` + 1, or (HAND_BACK)
 * gives it back to the server (see consume()).
 */
type Hold = (m: JsMsg, ms: number, deliveries: number) => void;

/** The consumer's view of a JetStream message; the stream sequence is parsed only when read. */
class JsBusMsg implements BusMsg {
  constructor(private readonly m: JsMsg, private readonly durable: boolean, readonly deliveries: number, private readonly hold: Hold) {}
  get subject(): string { return this.m.subject; }
  get data(): Uint8Array { return this.m.data; }
  get seq(): number { return this.m.seq; }
  ack(): void { if (this.durable) this.m.ack(); }
  retryIn(ms: number): void { this.hold(this.m, ms, this.deliveries); }
  handBack(): void { this.hold(this.m, HAND_BACK, this.deliveries); }
}

/**
 * A batch's parts not answered yet, the longest retry one of them asked for (-1: none, HAND_BACK: handed back),
 * and the batch message's deliveries.
 */
interface BatchState { n: number; retryMs: number; readonly deliveries: number; readonly hold: Hold }

/**
 * One message of a batch: answered (acked or asked again) once; the batch is acked when the last part is, or
 * asked again, whole, when a part was (the parts that succeeded come again too: consumers dedupe).
 */
class PartBusMsg implements BusMsg {
  #answered = false;
  constructor(private readonly m: JsMsg, readonly data: Uint8Array, private readonly durable: boolean, private readonly batch: BatchState) {}
  get subject(): string { return this.m.subject; }
  get seq(): number { return this.m.seq; }
  get deliveries(): number { return this.batch.deliveries; }
  ack(): void { this.#answer(-1); }
  retryIn(ms: number): void { this.#answer(ms); }
  handBack(): void { this.#answer(HAND_BACK); }
  #answer(retryMs: number): void {
    if (this.#answered) return;
    this.#answered = true;
    const b = this.batch;
    if (retryMs > b.retryMs) b.retryMs = retryMs;
    if (--b.n > 0 || !this.durable) return;
    if (b.retryMs >= 0) b.hold(this.m, b.retryMs, b.deliveries); else this.m.ack();
  }
}
