/**
 * How a failure becomes an HTTP answer: a status per error code and one JSON error shape
 * `{ error: { code, message, details } }`. Anything that is not a PipstreamError is a 500 whose message
 * says nothing about internals (the cause is logged).
 */
import { isPipstreamError, PipstreamError, type ErrorCode } from '../../engine/errors/mod.ts';
import { serviceFailure } from '../../engine/store/mod.ts';

const STATUS: Partial<Record<ErrorCode, number>> = {
  PS_BAD_REQUEST: 400,
  PS_BAD_ARGUMENT: 400,
  PS_WORKFLOW_INVALID: 400,
  PS_RISK_LIMITS_INVALID: 400,
  PS_UNAUTHORIZED: 401,
  PS_REFRESH_REUSED: 401,
  PS_FORBIDDEN: 403,
  PS_NOT_FOUND: 404,
  PS_CONFLICT: 409,
  PS_BODY_TOO_LARGE: 413,
  PS_RATE_LIMITED: 429,
  PS_SERVICE_UNAVAILABLE: 503,
  PS_TIMEOUT: 503,
  PS_BROKER_UNAVAILABLE: 503,
  PS_BROKER_BUSY: 503,
};

export const STATUS_TEXT: Record<number, string> = {
  200: '200 OK', 201: '201 Created', 204: '204 No Content', 400: '400 Bad Request', 401: '401 Unauthorized',
  403: '403 Forbidden', 404: '404 Not Found', 405: '405 Method Not Allowed', 409: '409 Conflict', 413: '413 Payload Too Large',
  429: '429 Too Many Requests', 500: '500 Internal Server Error', 503: '503 Service Unavailable',
};

export interface ErrorBody { error: { code: string; message: string; details: Readonly<Record<string, unknown>> } }

export function errorAnswer(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  // A database or Redis outage is a 503 the client may retry, not an internal error. The gateway's one client
  // that passes socket errors on bare is PostgreSQL's (Redis's are ioredis's, NATS's the bus's).
  err = serviceFailure(err, 'the request could not be served', 'postgres') ?? err;
  if (isPipstreamError(err) && err instanceof PipstreamError) {
    const status = STATUS[err.code];
    if (status !== undefined) return { status, body: { error: err.toJSON() }, internal: false };
  }
  return { status: 500, body: { error: { code: 'PS_INTERNAL' as ErrorCode, message: 'internal error', details: {} } }, internal: true };
}

export const badRequest = (message: string, errors: { path: string; message: string }[] = []) =>
  new PipstreamError('PS_BAD_REQUEST', message, errors.length > 0 ? { errors } : {});
export const notFound = (what: string) => new PipstreamError('PS_NOT_FOUND', `${what} not found`);
