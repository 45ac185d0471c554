/**
 * Mounting RouteDefs on a uWebSockets.js app. Per request: rate limit by IP, authenticate, rate limit by
 * credential, authorize against the account in the path, validate params/query/body, run the handler,
 * answer with security and CORS headers, count it (metrics, billing). uWS rules followed here: everything
 * is read from `req` before the first await, `onAborted` is attached at once, writes after an await are
 * corked and skipped when the client went away.
 */
import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { PipstreamError } from '../../engine/errors/mod.ts';
import { badRequest, errorAnswer, notFound, STATUS_TEXT } from './errors.ts';
import type { Principal, Reply, RequestCtx, RouteDef } from './route.ts';
import { S, validator, type JsonSchema } from './validate.ts';
import type { GatewayDeps } from '../deps.ts';

/** Sent on every answer; the dashboard (routes/dashboard.ts) replaces only the CSP. */
export const SECURITY_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cache-Control', 'no-store'],
];
const CORS_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';
const CORS_HEADERS = 'Authorization, Content-Type, X-API-Key';

interface Raw {
  params: string[];
  query: string;
  authorization: string;
  apiKey: string;
  origin: string;
  contentType: string;
  userAgent: string;
  ip: string;
}

export interface Answer { status: number; body: string; contentType: string; headers: [string, string][] }

/** Writes an answer unless the client has gone; `close` ends the connection (after a refused body). */
/** Writes the answer once, at once: for answers made synchronously inside the request's own uWS callback. */
export function writeAnswer(res: HttpResponse, state: { aborted: boolean }, a: Answer, origin: string, deps: GatewayDeps, close = false): void {
  if (state.aborted) return;
  state.aborted = true; // a response is written once
  res.cork(() => {
    res.writeStatus(STATUS_TEXT[a.status] ?? `${a.status}`);
    res.writeHeader('Content-Type', a.contentType);
    for (const [k, v] of SECURITY_HEADERS) res.writeHeader(k, v);
    for (const [k, v] of corsHeaders(origin, deps)) res.writeHeader(k, v);
    for (const [k, v] of a.headers) res.writeHeader(k, v);
    res.end(a.body, close);
  });
}

/**
 * Writes an answer a promise produced (the request has its onAborted handler), from a macrotask: a promise
 * may settle inside another socket's uWS callback, and corking one socket while another is corked breaks
 * the other connection (seen as WebSockets closed with 1006 right after their upgrade).
 */
export function writeAnswerLater(res: HttpResponse, state: { aborted: boolean }, a: Answer, origin: string, deps: GatewayDeps, close = false): void {
  setImmediate(() => writeAnswer(res, state, a, origin, deps, close));
}

function corsHeaders(origin: string, deps: GatewayDeps): [string, string][] {
  if (origin === '' || !deps.options.corsOrigins.includes(origin)) return [];
  return [['Access-Control-Allow-Origin', origin], ['Vary', 'Origin'], ['Access-Control-Expose-Headers', 'Retry-After']];
}

export function jsonAnswer(status: number, body: unknown, headers: [string, string][] = []): Answer {
  return { status, body: status === 204 ? '' : JSON.stringify(body), contentType: 'application/json; charset=utf-8', headers };
}

export function errorJson(err: unknown, deps: GatewayDeps, where: string): Answer {
  const a = errorAnswer(err);
  if (a.internal) deps.log.error({ err, where }, 'request failed');
  const headers: [string, string][] = [];
  const retry = err instanceof PipstreamError ? err.details.retryAfterS : undefined;
  if (typeof retry === 'number') headers.push(['Retry-After', String(retry)]);
  return jsonAnswer(a.status, a.body, headers);
}

/** Reads the body up to `limit` bytes (registered synchronously, as uWS requires). */
function readBody(res: HttpResponse, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    res.onData((chunk, isLast) => {
      if (done) return;
      size += chunk.byteLength;
      if (size > limit) {
        done = true;
        reject(new PipstreamError('PS_BODY_TOO_LARGE', `request body larger than ${limit} bytes`, { limit }));
        return;
      }
      chunks.push(Buffer.from(chunk.slice(0))); // the ArrayBuffer is neutered after the callback
      if (isLast) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
  });
}

export async function authenticate(deps: GatewayDeps, authorization: string, apiKey: string): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? '';
  const credential = apiKey !== '' ? apiKey : bearer;
  if (credential === '') throw new PipstreamError('PS_UNAUTHORIZED', 'missing credentials: send Authorization: Bearer <token> or X-API-Key');
  return credential.startsWith('psk_') ? deps.tokens.verifyApiKey(credential) : deps.tokens.verifyAccess(credential);
}

const tooMany = (retryAfterS: number, what: string) =>
  new PipstreamError('PS_RATE_LIMITED', `rate limit exceeded for this ${what}; retry in ${retryAfterS} s`, { retryAfterS });

export function mountRoute(app: TemplatedApp, deps: GatewayDeps, route: RouteDef): void {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const pattern = route.path.replace(/\{(\w+)\}/g, ':$1');
  const paramSchema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(names.map((n) => [n, n === 'account' ? S.account : route.params?.[n] ?? { type: 'string', maxLength: 128 }])),
  };
  const checkParams = validator<Record<string, string>>(paramSchema, 'path parameter');
  const checkQuery = route.query === undefined ? null
    : validator<Record<string, unknown>>({ type: 'object', properties: route.query, additionalProperties: false }, 'query parameter');
  const checkBody = route.body === undefined ? null : validator<unknown>(route.body, 'request body');
  const label = `${route.method.toUpperCase()} ${route.path}`;

  const handler = (res: HttpResponse, req: HttpRequest) => {
    const state = { aborted: false };
    res.onAborted(() => { state.aborted = true; });
    const raw: Raw = {
      params: names.map((_, i) => req.getParameter(i) ?? ''),
      query: req.getQuery() ?? '',
      authorization: req.getHeader('authorization'),
      apiKey: req.getHeader('x-api-key'),
      origin: req.getHeader('origin'),
      contentType: req.getHeader('content-type'),
      userAgent: req.getHeader('user-agent'),
      ip: Buffer.from(res.getRemoteAddressAsText()).toString(),
    };
    const body = checkBody === null ? null : readBody(res, deps.options.maxBodyBytes);
    const started = performance.now();
    let principal: Principal | null = null;
    void run(raw, body).then(
      (a) => finish(a, false),
      (err: unknown) => finish(errorJson(err, deps, label), err instanceof PipstreamError && err.code === 'PS_BODY_TOO_LARGE'),
    );

    function finish(a: Answer, close: boolean) {
      writeAnswerLater(res, state, a, raw.origin, deps, close);
      deps.metrics.requests.inc({ method: route.method, route: route.path, status: String(a.status) });
      deps.metrics.latency.observe({ method: route.method, route: route.path }, (performance.now() - started) / 1000);
      if (principal !== null && route.unmetered !== true) {
        deps.meter.count({ account: principal.account, kind: 'api_call', what: label, status: a.status, user: principal.userId });
      }
    }

    async function run(r: Raw, bodyPromise: Promise<Buffer> | null): Promise<Answer> {
      // A refused body still has to be drained or answered: its rejection is observed below in any case.
      bodyPromise?.catch(() => {});
      if (route.unlimited !== true) {
        const wait = await deps.limiter.take('ip', r.ip);
        if (wait > 0) throw tooMany(wait, 'IP address');
      }
      if (route.access !== 'public') {
        principal = await authenticate(deps, r.authorization, r.apiKey);
        const wait = await deps.limiter.take('token', principal.credential);
        if (wait > 0) throw tooMany(wait, 'token');
      }
      const params = checkParams(Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(r.params[i])])));
      const p = principal as Principal | null;
      // Another account's data answers exactly like missing data: guessing account ids reveals nothing.
      if (p !== null && params.account !== undefined && params.account !== p.account) throw notFound(`account ${params.account}`);
      if (p !== null && route.access === 'write' && p.role === 'viewer') throw new PipstreamError('PS_FORBIDDEN', 'viewers cannot change data');
      if (p !== null && route.access === 'owner' && p.role !== 'owner') throw new PipstreamError('PS_FORBIDDEN', 'only the account owner may do this');
      const query = new URLSearchParams(r.query);
      checkQuery?.(Object.fromEntries(query));
      let body: unknown = null;
      if (bodyPromise !== null) {
        const bytes = await bodyPromise;
        if (!/^application\/json\b/i.test(r.contentType)) throw badRequest('the request body must be JSON (Content-Type: application/json)');
        try {
          body = JSON.parse(bytes.toString('utf8'));
        } catch (err) {
          throw badRequest(`the request body is not valid JSON: ${(err as Error).message}`);
        }
        body = checkBody!(body);
      }
      const ctx: RequestCtx = { params, query, body, principal: p, ip: r.ip, userAgent: r.userAgent };
      const reply: Reply = await route.handle(ctx);
      if (reply.text !== undefined) return { status: reply.status ?? 200, body: reply.text.value, contentType: reply.text.contentType, headers: [] };
      return jsonAnswer(reply.status ?? route.response.status, reply.body ?? null);
    }
  };
  if (route.method === 'get') app.get(pattern, handler);
  else if (route.method === 'post') app.post(pattern, handler);
  else if (route.method === 'put') app.put(pattern, handler);
  else app.del(pattern, handler);
}

/** CORS preflight and the JSON 404 for everything unknown. */
export function mountFallbacks(app: TemplatedApp, deps: GatewayDeps): void {
  app.options('/*', (res, req) => {
    const origin = req.getHeader('origin');
    const state = { aborted: false };
    const headers: [string, string][] = deps.options.corsOrigins.includes(origin)
      ? [['Access-Control-Allow-Methods', CORS_METHODS], ['Access-Control-Allow-Headers', CORS_HEADERS], ['Access-Control-Max-Age', '600']]
      : [];
    writeAnswer(res, state, { status: 204, body: '', contentType: 'text/plain', headers }, origin, deps);
  });
  app.any('/*', (res, req) => {
    const origin = req.getHeader('origin');
    const what = `${req.getMethod().toUpperCase()} ${req.getUrl()}`;
    writeAnswer(res, { aborted: false }, jsonAnswer(404, { error: notFound(`route ${what}`).toJSON() }), origin, deps, true);
  });
}
