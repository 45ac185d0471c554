/**
 * Typed errors with stable codes. Across threads and NATS, match on `code`,
 * never on `instanceof`. Every code is listed (and explained) in ERROR_CODES;
 * a test checks that README's error table documents each of them.
 */
export const ERROR_CODES = {
  PS_BAD_TICK_FILE: 'A tick or bar file cannot be read or has a malformed header/row.',
  PS_BAD_TICK: 'A tick failed validation (non-finite or non-positive price, or time going backwards).',
  PS_BAD_ARGUMENT: 'A command-line argument or option is missing or malformed.',
  PS_BAD_INDICATOR: 'An indicator specification is unknown or has invalid parameters.',
  PS_WORKFLOW_INVALID: 'A workflow document does not satisfy the workflow JSON Schema or its semantic rules.',
  PS_EXPR_SYNTAX: 'A workflow `expr` condition has a syntax error.',
  PS_EXPR_TYPE: 'A workflow `expr` condition is not well typed (it must be a boolean expression over numbers).',
  PS_PROGRAM_TOO_LARGE: 'A compiled workflow program does not fit into the actor memory reserved for it.',
  PS_OANDA_HTTP: 'The OANDA v20 API answered with an HTTP error status.',
  PS_OANDA_STALL: 'The OANDA pricing stream stopped sending heartbeats.',
  PS_OANDA_PROTOCOL: 'The OANDA pricing stream sent a line that is not valid v20 JSON.',
  PS_OANDA_RESPONSE: 'An OANDA v20 REST response does not have the documented shape (or is not JSON).',
  PS_BROKER_UNAVAILABLE: 'The broker circuit breaker is open after repeated failures; orders are rejected at once, never queued.',
  PS_BROKER_BUSY: 'The broker bulkhead is full (calls running and queue places all taken); the call is rejected at once, nothing is sent.',
  PS_RECONCILE_FAILED: 'Reconciliation with the broker could not complete (account view or policy hook failed); it is reported and retried next period.',
  PS_OANDA_DISCONNECTED: 'The OANDA pricing stream connection failed or ended; it is re-established with backoff.',
  PS_SERVICE_UNAVAILABLE: 'A required service (NATS, Redis, PostgreSQL) could not be reached.',
  PS_TIMEOUT: 'An external call did not complete within its time limit.',
  PS_WORKER_CRASHED: 'An actor worker thread exited unexpectedly (it is restarted on the same memory).',
  PS_CHECKPOINT_INVALID: 'A Redis checkpoint does not match the actor memory layout and cannot be restored.',
  PS_BUS_PUBLISH: 'A message could not be published to NATS JetStream after retries.',
  PS_BUS_HANDLER: 'A bus consumer handler threw; the message was not acknowledged (durable consumers redeliver it).',
  PS_BUS_STREAM_CONFIG: 'A JetStream stream exists with a configuration that cannot be updated in place (e.g. storage type), or the server cannot reserve the bytes a stream is bounded by.',
  PS_PERSIST_WRITE: 'The persistence actor could not commit a batch to PostgreSQL; it retries and acks nothing meanwhile.',
  PS_PERSIST_TRIMMED: 'A journal stream dropped messages (its size or age bound) before the persistence actor wrote them; the gap is audited. Raise the stream\'s bound.',
  PS_CONFIG_INVALID: 'An environment variable holds a value pipstream cannot use (bad URL, port or log level).',
  PS_MIGRATION_CHECKSUM: 'An already applied SQL migration file was changed; add a new migration instead of editing an old one.',
  PS_MIGRATION_INVALID: 'A SQL migration file is misnamed or numbered twice, or failed to apply.',
  PS_FILL_INVALID: 'A fill applied to the portfolio has zero or non-integer units, a non-positive or non-finite price, or an unknown position.',
  PS_RISK_LIMITS_INVALID: 'A risk limits document (file or REST body) does not satisfy the limits JSON Schema.',
  PS_RISK_MEMORY_INVALID: 'Per-account risk shared memory does not match the risk layout it is attached with.',
  PS_RISK_RESERVATION_INVALID: 'A risk reservation was misused: committed or released twice, a fill larger than or opposite to it, or a bad slot or unit count.',
  PS_RISK_LIMITS_STORE: 'Reading or writing risk limits in PostgreSQL (table risk_limits) failed, or their change feed could not be followed.',
  PS_ALERT_DELIVERY: 'An alert transport (webhook, email) failed to deliver a notification; `details.retryable` says whether it is retried before the dead letter.',
  PS_BOOK_RESTORE: "A paper broker's book could not be rebuilt at start: its Redis checkpoint or the ORDERS journal could not be read (retried when the account is next added), the checkpoint is not valid (the book is rebuilt from the journal alone), or a journal message is undecodable (skipped, the rest restored).",
  PS_BOOK_CHECKPOINT: "A paper broker's book could not be checkpointed to Redis (tried again after the next fill and at stop), or its two books disagreed (never expected; not checkpointed).",
  PS_CONFIRMATION: 'The confirmation actor could not handle a message: an undecodable signal, or a confirmed order whose execution hand-off failed.',
  PS_ORDER_CLAIM_LOST: "A signal's Redis order record is held or was taken over by another execution actor; the signal is left unacked and retried.",
  PS_BAD_REQUEST: 'A gateway request is malformed: not JSON, or a body, parameter or WebSocket message fails validation (`details.errors`: JSON paths).',
  PS_BODY_TOO_LARGE: 'A gateway request body is larger than the configured limit.',
  PS_UNAUTHORIZED: 'A gateway request has no valid credentials: missing, malformed, expired or revoked token or API key, or wrong email/password.',
  PS_FORBIDDEN: 'The authenticated user may not do this (e.g. a viewer changing data, or a non-owner managing API keys or instruments).',
  PS_NOT_FOUND: 'No such route, or no such resource in the caller\'s account (another account\'s resources answer the same way).',
  PS_CONFLICT: 'The request conflicts with existing data (an email already registered, an instrument already registered).',
  PS_REFRESH_REUSED: 'A refresh token was presented after it had been rotated: its whole token family is revoked (log in again).',
  PS_RATE_LIMITED: 'Too many gateway requests for this token or IP address; retry after `Retry-After` seconds.',
  PS_WS_SLOW_CONSUMER: 'A WebSocket client read too slowly: its buffer of never-dropped messages (orders, confirmations) overflowed and it was closed.',
  PS_INTERNAL: 'An unexpected gateway failure: the answer says nothing more, the cause is logged.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class PipstreamError extends Error {
  readonly code: ErrorCode;
  /** Extra machine-readable context (file, line, path, limit, value ...). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PipstreamError';
    this.code = code;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isPipstreamError(err: unknown, code?: ErrorCode): err is PipstreamError {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string' &&
    (err as { code: string }).code.startsWith('PS_') && (code === undefined || (err as { code: string }).code === code);
}

/** `promise`, or a PS_TIMEOUT naming `what` once `ms` have passed (the timer is cleared either way). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PipstreamError('PS_TIMEOUT', `${what} did not answer within ${ms} ms`, { ms })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
