import type { NatsConnection } from '@nats-io/transport-node';
import type { PipstreamError } from '../errors/mod.ts';
import type { StreamName } from '../switchboard/mod.ts';

/** A message delivered by a JetStream consumer. */
export interface BusMsg {
  readonly subject: string;
  readonly data: Uint8Array;
  /** Stream sequence. */
  readonly seq: number;
  /** How many times it has been delivered, this time included, retries (retryIn) too (1: the first; always 1 on the embedded bus). */
  readonly deliveries: number;
  /** Acknowledge (durable consumers); a no-op for ordered (non-durable) consumers. */
  ack(): void;
  /**
   * Not done: this consumer hands it to the handler again in `ms`, after the messages that arrived meanwhile
   * (durable consumers; a part of a batch message asks for the whole batch). The server is told it is in progress
   * while it waits, and gets it back if the consumer closes first. Unanswered, a message comes again after the
   * consumer's ack wait (30 s). A no-op for ordered consumers and on the embedded bus, which redelivers nothing
   * while its consumer runs.
   */
  retryIn(ms: number): void;
  /**
   * Not handled by this consumer, which is stopping: delivered again to its next instance as soon as that can
   * take it, not after the ack wait. A no-op where retryIn is one (the embedded bus keeps it for the durable).
   */
  handBack(): void;
}

/** A core NATS message (no persistence, no sequence). */
export interface CoreMsg {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly reply: string | undefined;
}

export interface PublishOptions {
  /** Dedupe id: the server stores a message with an id it saw within the duplicate window only once. */
  msgId?: string;
  /**
   * Group commit (JetStream bus): the messages for this subject published while one callback's work runs
   * (until process.nextTick) are stored as one message, acked together, and delivered one by one again, in
   * order (bus/batch.ts).
   * The server then dedupes the batch as a whole: a message published again later in another batch or
   * alone is stored again, so a coalesced subject's consumers must dedupe by event id (DESIGN.md §2).
   * For high-rate journals; every consumer reads through the bus, which splits batches. A coalesced message
   * leaves after the callback's work is done: a plain publish made meanwhile to the same subject goes first.
   */
  coalesce?: boolean;
}

export interface PubAck {
  readonly stream: string;
  readonly seq: number;
  /** true when the msgId was already stored within the duplicate window (not stored again). */
  readonly duplicate: boolean;
}

/** The answer to one publishAcked(): the stored ack, or the failure publish() would reject with. */
export type PublishDone = (err: PipstreamError | null, ack: PubAck | null) => void;

/** Where a new consumer starts: everything, only new messages, a stream sequence, or a time (epoch ms, wall clock). */
export type DeliverFrom = 'all' | 'new' | { readonly startSeq: number } | { readonly startTimeMs: number };

export interface ConsumeOptions {
  /** Durable consumer name: acked progress survives restarts. Without it: an ordered consumer, no acks. */
  durable?: string;
  /** Where a new consumer starts. Default 'all'. Ignored when the durable already exists. */
  deliver?: DeliverFrom;
}

/** The handler may return a promise: the next message is delivered after it settles. */
export type ConsumeHandler = (msg: BusMsg) => void | Promise<void>;

export interface BusConsumer {
  /** Stops delivery; resolves once no handler call is running. */
  close(): Promise<void>;
}

export interface BusSubscription {
  unsubscribe(): void;
}

export interface StreamState {
  readonly name: string;
  readonly subjects: readonly string[];
  readonly messages: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly duplicateWindowMs: number;
  /** Size bound: beyond it the oldest messages are dropped (-1: none, as the embedded bus keeps everything). */
  readonly maxBytes: number;
}

export interface Bus {
  readonly kind: 'jetstream' | 'embedded';
  /** The NATS connection (for @nats-io/services); null for the embedded bus. */
  readonly nats: NatsConnection | null;
  /** Set when connectBus({kind:'auto'}) fell back to the embedded bus: one line saying why. */
  readonly fallbackReason: string | null;
  /** Creates (or updates to the current config) every stream in the switchboard. Idempotent. */
  ensureStreams(): Promise<void>;
  streamInfo(stream: StreamName): Promise<StreamState>;
  /** Publishes to JetStream and waits for the stored ack (retried on timeout / 503 with the same msgId). */
  publish(subject: string, data: Uint8Array, opts?: PublishOptions): Promise<PubAck>;
  /**
   * publish() without a promise, for a caller that journals many messages in one callback and counts their
   * answers (execution journals a wave of orders at once): `done` is called once, with the stored ack, or
   * with the error publish() would reject with.
   */
  publishAcked(subject: string, data: Uint8Array, opts: PublishOptions, done: PublishDone): void;
  /**
   * Journaling path: queues the message and returns at once (no await, no ack on the caller's stack).
   * Acks are awaited in the background with a bounded window; failures are retried with the same
   * msgId, then reported as PS_BUS_PUBLISH via `onError` (or by the next `flush()`).
   * `data` must not be modified afterwards. Returns false when the backlog is above its high-water
   * mark: the caller should `await bus.flush()` (or slow down) before publishing more.
   */
  publishAsync(subject: string, data: Uint8Array, msgId?: string, opts?: { coalesce?: boolean }): boolean;
  /** Resolves when every publishAsync so far is acked; rejects with the first unreported failure. */
  flush(): Promise<void>;
  /**
   * What a producer awaits after publishAsync returned false: resolves once the backlog is down to
   * half the high-water mark (acks keep flowing meanwhile, unlike a full flush); rejects with the
   * first unreported failure.
   */
  room(): Promise<void>;
  /** Pull consumer on one stream with one filter subject (server 2.9: a single filter_subject). */
  consume(stream: StreamName, filterSubject: string, handler: ConsumeHandler, opts?: ConsumeOptions): Promise<BusConsumer>;
  /**
   * Where a durable consumer would resume: the stream sequence of the first message it has not acked, or
   * null when the stream has no such consumer. With deleteDurable(), a successor takes over from it.
   */
  durableResumeSeq(stream: StreamName, durable: string): Promise<number | null>;
  /** Deletes a durable consumer (nothing when there is none). */
  deleteDurable(stream: StreamName, durable: string): Promise<void>;
  /** Core NATS subscription (`*` and `>` wildcards); `queue` makes it a queue group member. */
  subscribe(subject: string, handler: (msg: CoreMsg) => void, opts?: { queue?: string }): BusSubscription;
  /** Core NATS publish, fire and forget (control subjects, fan-out). */
  publishCore(subject: string, data: Uint8Array): void;
  request(subject: string, data: Uint8Array, opts?: { timeoutMs?: number }): Promise<Uint8Array>;
  /**
   * Answers requests on `subject`. A handler that returns null does not answer: with several responders
   * (one per node), only the one that owns the request replies, and the requester times out if none does.
   */
  respond(subject: string, handler: (data: Uint8Array, subject: string) => Uint8Array | null | Promise<Uint8Array | null>,
    opts?: { queue?: string }): BusSubscription;
  /** Flushes pending publishes (best effort), then closes. */
  close(): Promise<void>;
}

export interface BusOptions {
  kind: 'jetstream' | 'embedded' | 'auto';
  /** Default: env NATS_URL, else nats://127.0.0.1:4222. */
  url?: string;
  /** Connection name shown in /connz. */
  name?: string;
  /** Limit for connecting, each JetStream API call, each publish ack and request. Default 5000 ms. */
  timeoutMs?: number;
  /** JetStream msgId dedupe window. Default 2 minutes. */
  duplicateWindowMs?: number;
  /** Max age of stored messages. Default 7 days (0 = unlimited). */
  maxAgeMs?: number;
  /**
   * Size bound per stream, in bytes, replacing the switchboard's default (engine/switchboard: 10.3125 GiB in
   * all). The server reserves the sum from its JetStream storage; the oldest messages go first. Default: env
   * PIPSTREAM_STREAM_MAX_BYTES (engine/config).
   */
  streamMaxBytes?: Partial<Record<StreamName, number>>;
  /** publishAsync: acks awaited concurrently. Default 1024. */
  maxInFlight?: number;
  /** publishAsync: backlog size above which publishAsync returns false. Default 16384. */
  highWaterMark?: number;
  /** Attempts per publish before PS_BUS_PUBLISH. Default 4. */
  publishAttempts?: number;
  /**
   * Durable consumers this connection creates are deleted by the server once nobody has consumed from them
   * for this long: for throwaway runs (benches, tests) whose durable names are never used again, which would
   * otherwise stay forever and cost the server work on every message of their stream. Default 0: never (a
   * node's durables must outlive any downtime, or its restart would start them over).
   */
  durableInactiveMs?: number;
  /** Background failures: PS_BUS_PUBLISH (publishAsync) and PS_BUS_HANDLER (consumer handler threw). */
  onError?: (err: PipstreamError) => void;
}

export interface ResolvedBusOptions extends Required<Omit<BusOptions, 'onError'>> {
  onError: ((err: PipstreamError) => void) | undefined;
}
