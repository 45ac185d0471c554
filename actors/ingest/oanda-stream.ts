/**
 * OANDA v20 pricing-stream client: one long-lived GET over undici, newline
 * delimited JSON decoded straight into callbacks, reconnection with capped
 * exponential backoff and full jitter, and a stall watchdog.
 *
 * Error policy: every error goes to `onError`. 401/403 (and other 4xx that a
 * retry cannot fix: bad account, bad instrument) are fatal: the loop ends and
 * `start()` rejects, so a bad token never hammers OANDA. 408/429/5xx, network
 * errors, timeouts, stalls and a stream that ends are retried with backoff
 * (honouring Retry-After).
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'undici';
import type { Dispatcher } from 'undici';
import { PipstreamError } from '../../engine/errors/mod.ts';
import { assertInstrumentName } from '../../engine/instruments/mod.ts';
import { createPriceLineDecoder, LineSplitter } from './oanda-price-line.ts';
import type { DatetimeFormat, HeartbeatHandler, LineHandler, MalformedHandler, TickHandler } from './oanda-price-line.ts';
import { positiveOption, retryAfterMs } from '../../engine/http/mod.ts';

export interface OandaPriceStreamOptions {
  /** Stream host, e.g. `https://stream-fxpractice.oanda.com` (a path prefix is kept). */
  streamUrl: string;
  accountId: string;
  token: string;
  instruments: readonly string[];
  onTick: TickHandler;
  onHeartbeat?: HeartbeatHandler;
  onMalformed?: MalformedHandler;
  /** Every connection-level error, retried or fatal (a fatal one also rejects `start()`). */
  onError?: (error: PipstreamError) => void;
  /** Sent as `Accept-Datetime-Format`; decides the time parser once. Default RFC3339. */
  datetimeFormat?: DatetimeFormat;
  /** No price or heartbeat for this long aborts and re-establishes the connection. Default 10 000. */
  stallTimeoutMs?: number;
  /** TCP/TLS connect limit. Default 10 000. */
  connectTimeoutMs?: number;
  /** Limit from request to response headers. Default 10 000. */
  headersTimeoutMs?: number;
  /** Limit for reading an HTTP error body. Default 5 000. */
  errorBodyTimeoutMs?: number;
  /** Backoff: delay = random() * min(backoffMaxMs, backoffBaseMs * 2^attempt). Defaults 500 and 30 000. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Upper bound on an honoured Retry-After. Default 120 000. */
  maxRetryAfterMs?: number;
  /** A connection that streamed this long resets the backoff attempt count. Default 60 000. */
  healthyAfterMs?: number;
  /** Longest accepted line; longer ones are skipped as malformed. Default 1 MiB. */
  maxLineBytes?: number;
  /** Injectable for tests; default Math.random. */
  random?: () => number;
}

export interface OandaStreamStats {
  lines: number;
  ticks: number;
  heartbeats: number;
  malformed: number;
  /** Connection attempts after the first one. */
  reconnects: number;
  stalls: number;
}

export type OandaStreamState = 'idle' | 'connecting' | 'streaming' | 'backoff' | 'stopped' | 'failed';

export interface OandaPriceStream {
  /**
   * Starts streaming. The promise settles when streaming ends for good: it
   * resolves after `stop()` and rejects on a fatal error (401/403, other
   * non-retryable 4xx, or an exception thrown by a callback).
   */
  start(): Promise<void>;
  /** Aborts the request, clears timers; resolves once fully stopped. */
  stop(): Promise<void>;
  /**
   * Streams these instruments from now on: a running stream reconnects at once with the new list (OANDA
   * takes the list per request), without backoff or an error report. The same list again changes nothing.
   */
  setInstruments(instruments: readonly string[]): void;
  readonly state: OandaStreamState;
  /** A snapshot of the counters. */
  stats(): OandaStreamStats;
}

interface Attempt {
  error: PipstreamError;
  retryAfterMs: number;
  streamedMs: number;
}

const RETRYABLE_4XX = new Set([408, 429]);

async function readBounded(body: Dispatcher.ResponseData['body'], maxBytes: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    parts.push(buf);
    size += buf.length;
    if (size >= maxBytes) { body.destroy(); break; }
  }
  return Buffer.concat(parts).toString('utf8', 0, Math.min(size, maxBytes));
}

class PriceStream implements OandaPriceStream {
  state: OandaStreamState = 'idle';
  private readonly counters: OandaStreamStats = { lines: 0, ticks: 0, heartbeats: 0, malformed: 0, reconnects: 0, stalls: 0 };
  private readonly origin: string;
  private readonly accountPath: string;
  private path: string;
  /** The instrument list changed while connected: the next connection is a resubscription, not a failure. */
  private resubscribe = false;
  private readonly headers: Record<string, string>;
  private readonly stallTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly headersTimeoutMs: number;
  private readonly errorBodyTimeoutMs: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly healthyAfterMs: number;
  private readonly random: () => number;
  private readonly onError: (error: PipstreamError) => void;
  private readonly splitter: LineSplitter;

  private client: Client | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private controller: AbortController | null = null;
  /** Why we aborted the current request ourselves (stall, callback exception). */
  private abortReason: unknown = null;
  private callbackError: unknown = null;
  private watchdog: NodeJS.Timeout | null = null;
  private sleepTimer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;

  constructor(options: OandaPriceStreamOptions) {
    if (!options.token) throw new PipstreamError('PS_BAD_ARGUMENT', 'OANDA token is required');
    if (!options.accountId) throw new PipstreamError('PS_BAD_ARGUMENT', 'OANDA accountId is required');
    let url: URL;
    try {
      url = new URL(options.streamUrl);
    } catch (err) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'streamUrl is not a URL', { streamUrl: options.streamUrl }, { cause: err });
    }
    this.origin = url.origin;
    this.accountPath = `${url.pathname.replace(/\/+$/, '')}/v3/accounts/${encodeURIComponent(options.accountId)}`;
    this.path = this.pathFor(options.instruments);
    const format = options.datetimeFormat ?? 'RFC3339';
    this.headers = { authorization: `Bearer ${options.token}`, 'accept-datetime-format': format, accept: 'application/json' };
    this.stallTimeoutMs = positiveOption('stallTimeoutMs', options.stallTimeoutMs, 10_000);
    this.connectTimeoutMs = positiveOption('connectTimeoutMs', options.connectTimeoutMs, 10_000);
    this.headersTimeoutMs = positiveOption('headersTimeoutMs', options.headersTimeoutMs, 10_000);
    this.errorBodyTimeoutMs = positiveOption('errorBodyTimeoutMs', options.errorBodyTimeoutMs, 5_000);
    this.backoffBaseMs = positiveOption('backoffBaseMs', options.backoffBaseMs, 500);
    this.backoffMaxMs = positiveOption('backoffMaxMs', options.backoffMaxMs, 30_000);
    this.maxRetryAfterMs = positiveOption('maxRetryAfterMs', options.maxRetryAfterMs, 120_000);
    this.healthyAfterMs = positiveOption('healthyAfterMs', options.healthyAfterMs, 60_000);
    this.random = options.random ?? Math.random;
    const userError = options.onError;
    this.onError = userError ? (e) => { try { userError(e); } catch { /* a reporting hook must not break the loop */ } } : () => {};

    const c = this.counters;
    const onTick = options.onTick;
    const onHeartbeat = options.onHeartbeat;
    const onMalformed = options.onMalformed;
    const decode = createPriceLineDecoder({
      onTick: (instrument, timeMs, bid, ask, tradeable) => { c.ticks++; onTick(instrument, timeMs, bid, ask, tradeable); },
      onHeartbeat: (timeMs) => { c.heartbeats++; if (onHeartbeat) onHeartbeat(timeMs); },
      onMalformed: (line, error) => { c.malformed++; if (onMalformed) onMalformed(line, error); },
    }, format);
    const onLine: LineHandler = (line) => { c.lines++; decode(line); };
    const onOverflow = (bytes: number): void => {
      c.lines++;
      c.malformed++;
      if (onMalformed) {
        onMalformed('', new PipstreamError('PS_OANDA_PROTOCOL', 'OANDA pricing line too long', { bytes }));
      }
    };
    this.splitter = new LineSplitter(onLine, onOverflow, positiveOption('maxLineBytes', options.maxLineBytes, 1 << 20));
  }

  stats(): OandaStreamStats {
    return { ...this.counters };
  }

  private pathFor(instruments: readonly string[] | undefined): string {
    if (!instruments || instruments.length === 0) throw new PipstreamError('PS_BAD_ARGUMENT', 'at least one instrument is required');
    for (const i of instruments) assertInstrumentName(i);
    return `${this.accountPath}/pricing/stream?instruments=${[...new Set(instruments)].map(encodeURIComponent).join(',')}`;
  }

  setInstruments(instruments: readonly string[]): void {
    const path = this.pathFor(instruments);
    if (path === this.path) return;
    this.path = path;
    if (this.running === null) return;
    this.resubscribe = true;
    this.controller?.abort();
    this.wake?.();
  }

  start(): Promise<void> {
    if (this.running) return this.running;
    this.stopping = false;
    this.callbackError = null;
    this.client = new Client(this.origin, {
      connect: { timeout: this.connectTimeoutMs },
      headersTimeout: this.headersTimeoutMs,
      // Backstop only: the watchdog below detects stalls first and precisely.
      bodyTimeout: this.stallTimeoutMs * 2,
    });
    this.running = this.run().finally(() => {
      const client = this.client;
      this.client = null;
      this.running = null;
      if (client) client.destroy().catch(() => {});
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.controller?.abort();
    if (this.sleepTimer) clearTimeout(this.sleepTimer);
    this.wake?.();
    const running = this.running;
    if (running) await running.catch(() => {});
    if (this.state !== 'failed') this.state = 'stopped';
  }

  private async run(): Promise<void> {
    let attempt = 0;
    let first = true;
    while (!this.stopping) {
      if (!first) this.counters.reconnects++;
      first = false;
      this.resubscribe = false;
      const result = await this.connectOnce();
      if (this.stopping) break;
      if (this.resubscribe) continue;
      if (this.callbackError !== null) {
        this.state = 'failed';
        throw this.callbackError;
      }
      const error = result.error;
      this.onError(error);
      if (error.details.fatal === true) {
        this.state = 'failed';
        throw error;
      }
      if (result.streamedMs >= this.healthyAfterMs) attempt = 0;
      const ceiling = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** attempt);
      let delay = this.random() * ceiling;
      if (result.retryAfterMs >= 0) delay = Math.max(delay, Math.min(result.retryAfterMs, this.maxRetryAfterMs));
      attempt++;
      this.state = 'backoff';
      await this.sleep(delay);
    }
    this.state = 'stopped';
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = () => { this.wake = null; this.sleepTimer = null; resolve(); };
      this.sleepTimer = setTimeout(this.wake, ms);
    });
  }

  private async connectOnce(): Promise<Attempt> {
    const controller = new AbortController();
    this.controller = controller;
    this.abortReason = null;
    this.state = 'connecting';
    const client = this.client as Client;
    let res: Dispatcher.ResponseData;
    try {
      res = await client.request({ path: this.path, method: 'GET', headers: this.headers, signal: controller.signal });
    } catch (err) {
      return { error: this.classify(err), retryAfterMs: -1, streamedMs: 0 };
    }
    if (res.statusCode !== 200) return this.httpError(res, controller);

    this.splitter.reset(); // a partial line of the previous connection will never be completed
    this.state = 'streaming';
    const startedAt = performance.now();
    this.armWatchdog(controller);
    const body = res.body;
    const error = await new Promise<PipstreamError>((resolve) => {
      body.on('data', (chunk: Buffer) => {
        try {
          this.splitter.push(chunk);
        } catch (err) {
          // A throwing callback is the caller's bug: end the stream and surface it from start().
          this.callbackError = err;
          this.abortReason = err;
          controller.abort();
        }
      });
      body.once('error', (err) => resolve(this.classify(err)));
      body.once('end', () => resolve(new PipstreamError('PS_OANDA_DISCONNECTED', 'OANDA pricing stream ended')));
      body.once('close', () => resolve(new PipstreamError('PS_OANDA_DISCONNECTED', 'OANDA pricing stream closed')));
    });
    this.disarmWatchdog();
    body.destroy();
    return { error, retryAfterMs: -1, streamedMs: performance.now() - startedAt };
  }

  private async httpError(res: Dispatcher.ResponseData, controller: AbortController): Promise<Attempt> {
    const status = res.statusCode;
    const timer = setTimeout(() => controller.abort(), this.errorBodyTimeoutMs);
    let text = '';
    try {
      text = await readBounded(res.body, 64 * 1024);
    } catch {
      // The status alone is enough to decide; the message is a courtesy.
    } finally {
      clearTimeout(timer);
    }
    let errorMessage: string | undefined;
    try {
      const parsed = JSON.parse(text) as { errorMessage?: unknown };
      if (typeof parsed.errorMessage === 'string') errorMessage = parsed.errorMessage;
    } catch {
      if (text) errorMessage = text.slice(0, 512);
    }
    const fatal = status >= 400 && status < 500 && !RETRYABLE_4XX.has(status);
    const retryAfter = retryAfterMs(res.headers['retry-after']);
    const error = new PipstreamError('PS_OANDA_HTTP',
      `OANDA pricing stream answered HTTP ${status}${errorMessage ? `: ${errorMessage}` : ''}`,
      { status, errorMessage, fatal, retryAfterMs: retryAfter >= 0 ? retryAfter : undefined });
    return { error, retryAfterMs: retryAfter, streamedMs: 0 };
  }

  private classify(err: unknown): PipstreamError {
    if (this.abortReason instanceof PipstreamError) return this.abortReason;
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT') {
      return new PipstreamError('PS_TIMEOUT', `OANDA pricing stream: ${(err as Error).message}`, { code }, { cause: err });
    }
    if (code === 'UND_ERR_BODY_TIMEOUT') {
      this.counters.stalls++;
      return new PipstreamError('PS_OANDA_STALL', 'OANDA pricing stream body timed out', { code }, { cause: err });
    }
    const message = err instanceof Error ? err.message : String(err);
    return new PipstreamError('PS_OANDA_DISCONNECTED', `OANDA pricing stream connection failed: ${message}`,
      { code }, { cause: err });
  }

  /**
   * Polls the tick + heartbeat counters a few times per stall period instead of
   * re-arming a timer on every line: zero cost per tick, detection within
   * stallTimeoutMs + one poll interval.
   */
  private armWatchdog(controller: AbortController): void {
    const c = this.counters;
    let seen = c.ticks + c.heartbeats;
    let progressAt = performance.now();
    const interval = Math.max(5, Math.min(1000, this.stallTimeoutMs / 5));
    this.watchdog = setInterval(() => {
      const now = performance.now();
      const count = c.ticks + c.heartbeats;
      if (count !== seen) {
        seen = count;
        progressAt = now;
      } else if (now - progressAt >= this.stallTimeoutMs) {
        this.disarmWatchdog();
        c.stalls++;
        this.abortReason = new PipstreamError('PS_OANDA_STALL',
          `OANDA pricing stream sent no price or heartbeat for ${Math.round(now - progressAt)} ms`,
          { stallTimeoutMs: this.stallTimeoutMs });
        controller.abort();
      }
    }, interval);
  }

  private disarmWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }
}

export function createOandaPriceStream(options: OandaPriceStreamOptions): OandaPriceStream {
  return new PriceStream(options);
}
