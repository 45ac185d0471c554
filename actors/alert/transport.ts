import { PipstreamError, isPipstreamError } from '../../engine/errors/mod.ts';
import type { Notification } from './notification.ts';

/**
 * One way a notification leaves pipstream (webhook, email, ...). `send` resolves once the far end
 * accepted the notification, after the transport's own retries; it rejects with a PS_ALERT_DELIVERY
 * error (`details.retryable`, `details.attempts`) when it gave up.
 */
export interface Transport {
  readonly name: string;
  send(notification: Notification): Promise<void>;
}

export interface DeliveryErrorDetails {
  transport: string;
  retryable: boolean;
  /** HTTP status or SMTP reply code, when the far end answered. */
  status?: number;
  /** Milliseconds the far end asked us to wait (HTTP Retry-After). */
  retryAfterMs?: number;
  attempts?: number;
  [k: string]: unknown;
}

export function deliveryError(message: string, details: DeliveryErrorDetails, cause?: unknown): PipstreamError {
  return new PipstreamError('PS_ALERT_DELIVERY', message, details, cause === undefined ? undefined : { cause });
}

/** True for a PS_ALERT_DELIVERY error marked retryable; anything else (a bug) is not retried. */
export function isRetryable(err: unknown): boolean {
  return isPipstreamError(err, 'PS_ALERT_DELIVERY') && err.details.retryable === true;
}

export interface RetryOptions {
  /** Tries in total, first one included. */
  maxAttempts: number;
  /** Delay before the 2nd try; doubles each time, with jitter. */
  baseDelayMs: number;
  /** Ceiling for one delay (default 30 s). */
  maxDelayMs?: number;
  /** Injected for tests; default Math.random. */
  random?: () => number;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random, so retries spread out but never collapse to 0. */
export function backoffMs(attempt: number, o: RetryOptions): number {
  const step = Math.min(o.maxDelayMs ?? 30_000, o.baseDelayMs * 2 ** (attempt - 1));
  return step / 2 + (o.random ?? Math.random)() * (step / 2);
}

export function validateRetryOptions(o: RetryOptions, who: string): void {
  if (!(Number.isInteger(o.maxAttempts) && o.maxAttempts >= 1)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `${who}: maxAttempts must be an integer >= 1`, { maxAttempts: o.maxAttempts });
  }
  if (!(Number.isFinite(o.baseDelayMs) && o.baseDelayMs >= 0)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `${who}: baseDelayMs must be >= 0`, { baseDelayMs: o.baseDelayMs });
  }
}

/**
 * Runs `attempt` until it succeeds, throws a non-retryable error, or `maxAttempts` are used up.
 * The error thrown at the end is the last one, with `details.attempts` set.
 */
export async function withRetries(o: RetryOptions, attempt: (n: number) => Promise<void>): Promise<void> {
  for (let n = 1; ; n++) {
    try {
      await attempt(n);
      return;
    } catch (err) {
      const retry = isRetryable(err) && n < o.maxAttempts;
      if (!retry) throw withAttempts(err, n);
      const asked = isPipstreamError(err) ? Number(err.details.retryAfterMs ?? 0) : 0;
      const wait = Math.max(backoffMs(n, o), Math.min(asked, o.maxDelayMs ?? 30_000));
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

function withAttempts(err: unknown, attempts: number): unknown {
  if (!isPipstreamError(err, 'PS_ALERT_DELIVERY')) return err;
  return new PipstreamError('PS_ALERT_DELIVERY', err.message, { ...err.details, attempts }, { cause: err.cause });
}
