import { createHmac } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { Notification } from './notification.ts';
import { deliveryError, validateRetryOptions, withRetries, type Transport } from './transport.ts';

export interface WebhookOptions {
  url: string;
  /** HMAC-SHA256 key shared with the receiver. */
  secret: string;
  /** Limit for one whole attempt (connect, headers and body). Default 5000. */
  timeoutMs?: number;
  /** Tries in total. Default 5. */
  maxAttempts?: number;
  /** First backoff step; doubles per retry, with jitter. Default 500. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Name in errors and dead letters. Default 'webhook'. */
  name?: string;
  /** undici dispatcher (connection pool); default the global one. */
  dispatcher?: Dispatcher;
}

export const SIGNATURE_HEADER = 'x-pipstream-signature';
export const TIMESTAMP_HEADER = 'x-pipstream-timestamp';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: what a receiver recomputes to check a delivery. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs the notification as JSON, signed. Retried (backoff + jitter) on 5xx, 429, timeouts and
 * connection errors; any other 4xx is permanent. Every attempt gets a fresh timestamp and signature,
 * so receivers can reject stale timestamps (replays) and dedupe on the notification id.
 */
export function webhookTransport(o: WebhookOptions): Transport {
  const name = o.name ?? 'webhook';
  const timeoutMs = o.timeoutMs ?? 5000;
  const retry = { maxAttempts: o.maxAttempts ?? 5, baseDelayMs: o.baseDelayMs ?? 500, maxDelayMs: o.maxDelayMs };
  validateRetryOptions(retry, name);
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `${name}: timeoutMs must be > 0`, { timeoutMs });
  }
  const url = new URL(o.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PipstreamError('PS_BAD_ARGUMENT', `${name}: url must be http(s)`, { url: o.url });
  }
  if (!o.secret) throw new PipstreamError('PS_BAD_ARGUMENT', `${name}: secret is required`, {});

  async function attempt(body: string, id: string): Promise<void> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signal = AbortSignal.timeout(timeoutMs);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, {
        method: 'POST',
        body,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        dispatcher: o.dispatcher,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'pipstream-alert/1',
          'x-pipstream-notification-id': id,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: webhookSignature(o.secret, timestamp, body),
        },
      });
    } catch (err) {
      const timedOut = signal.aborted || /timeout/i.test((err as Error)?.name ?? '') || /Timeout/.test((err as { code?: string })?.code ?? '');
      throw deliveryError(`${name}: ${timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${(err as Error)?.message}`}`,
        { transport: name, retryable: true, timeout: timedOut }, err);
    }
    // Drain the body so the connection goes back to the pool; its content does not matter.
    await res.body.dump().catch(() => undefined);
    const s = res.statusCode;
    if (s >= 200 && s < 300) return;
    const retryable = s >= 500 || s === 429;
    const retryAfterMs = retryAfter(res.headers['retry-after']);
    throw deliveryError(`${name}: HTTP ${s}`, { transport: name, retryable, status: s, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) });
  }

  return {
    name,
    send(n: Notification): Promise<void> {
      const body = JSON.stringify(n);
      return withRetries(retry, () => attempt(body, n.id));
    },
  };
}

function retryAfter(h: string | string[] | undefined): number | undefined {
  const v = Array.isArray(h) ? h[0] : h;
  if (v === undefined) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(v);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
