/**
 * The WebSocket endpoint `/v1/ws`: authenticated at upgrade (`?access_token=` or an Authorization /
 * X-API-Key header; a failure is an HTTP 401 and no socket), then JSON messages
 * `{"op":"subscribe"|"unsubscribe","channel":...,"instrument"?,"id"?}`, `{"op":"confirm"|"reject","order":...}`
 * and `{"op":"ping"}`. Replies carry the request's `id`; errors are `{id, ok:false, error:{code,message}}`.
 */
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import { isPipstreamError, PipstreamError } from '../../engine/errors/mod.ts';
import type { GatewayDeps } from '../deps.ts';
import { authenticate, errorJson, writeAnswerLater } from '../http/server.ts';
import { S, validator } from '../http/validate.ts';
import { decideConfirmation } from '../routes/trading.ts';
import { ACCOUNT_CHANNELS, type AccountChannel, type Hub } from './hub.ts';
import { Session, type SocketData } from './session.ts';

export const WS_PATH = '/v1/ws';

interface WsRequest {
  op: 'subscribe' | 'unsubscribe' | 'confirm' | 'reject' | 'ping';
  id?: string | number;
  channel?: 'prices' | AccountChannel;
  instrument?: string;
  account?: string;
  order?: string;
}

const checkRequest = validator<WsRequest>({
  type: 'object', required: ['op'], additionalProperties: false,
  properties: {
    op: { enum: ['subscribe', 'unsubscribe', 'confirm', 'reject', 'ping'] },
    id: { type: ['string', 'integer'], maxLength: 64 },
    channel: { enum: ['prices', ...ACCOUNT_CHANNELS] },
    instrument: S.instrument,
    account: S.account,
    order: S.uuid,
  },
  allOf: [
    { if: { properties: { op: { enum: ['subscribe', 'unsubscribe'] } } }, then: { required: ['channel'] } },
    { if: { properties: { channel: { const: 'prices' } }, required: ['channel'] }, then: { required: ['instrument'] } },
    { if: { properties: { op: { enum: ['confirm', 'reject'] } } }, then: { required: ['order'] } },
  ],
}, 'WebSocket message');

const reply = (id: WsRequest['id'], body: Record<string, unknown>) => JSON.stringify({ id: id ?? null, ...body });
const wsError = (id: WsRequest['id'], err: unknown) => {
  const e = isPipstreamError(err) ? { code: err.code, message: err.message, details: err.details } : { code: 'PS_INTERNAL', message: 'internal error', details: {} };
  return reply(id, { ok: false, error: e });
};

export function mountWebSocket(app: TemplatedApp, deps: GatewayDeps, hub: Hub): { closeAll(): void } {
  const open = new Set<WebSocket<SocketData>>();
  const { metrics, meter } = deps;
  const limits = {
    backpressureBytes: deps.options.wsBackpressureBytes,
    maxQueued: deps.options.wsMaxQueued,
    onConflated: () => metrics.wsConflated.inc(),
    onSlowClose: () => metrics.wsSlowClosed.inc(),
  };

  async function handle(session: Session, req: WsRequest): Promise<string> {
    const p = session.principal;
    // Account channels are the caller's own account; naming another one is refused, never served.
    if (req.account !== undefined && req.account !== p.account) {
      throw new PipstreamError('PS_NOT_FOUND', `account ${req.account} not found`);
    }
    switch (req.op) {
      case 'ping':
        return reply(req.id, { ok: true, op: 'pong' });
      case 'subscribe':
      case 'unsubscribe': {
        const channel = req.channel!;
        const key = channel === 'prices' ? `prices:${req.instrument}` : channel;
        if (req.op === 'subscribe' && !session.channels.has(key)) {
          session.channels.add(key);
          if (channel === 'prices') hub.subscribePrices(session, req.instrument!);
          else {
            try {
              await hub.subscribe(session, channel);
            } catch (err) {
              session.channels.delete(key);
              throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `the ${channel} channel could not be opened: ${(err as Error).message}`,
                { service: 'nats', channel }, { cause: err });
            }
          }
          meter.count({ account: p.account, kind: 'ws_subscription', what: key, user: p.userId });
          // Acknowledged once the session map has it, so what the client was told matches what the map shows.
          await deps.sessions.setChannels(session.id, session.channels);
        } else if (req.op === 'unsubscribe' && session.channels.delete(key)) {
          if (channel === 'prices') hub.unsubscribePrices(session, req.instrument!);
          else hub.unsubscribe(session, channel);
          await deps.sessions.setChannels(session.id, session.channels);
        }
        return reply(req.id, { ok: true, op: req.op, channel, ...(req.instrument ? { instrument: req.instrument } : {}) });
      }
      case 'confirm':
      case 'reject': {
        if (p.role === 'viewer') throw new PipstreamError('PS_FORBIDDEN', 'viewers cannot confirm or reject orders');
        const r = await decideConfirmation(deps, p.account, req.op, req.order!);
        if (r.state === null) throw new PipstreamError('PS_NOT_FOUND', `pending order ${req.order} not found`);
        return reply(req.id, { ok: true, op: req.op, result: r });
      }
    }
  }

  app.ws<SocketData>(WS_PATH, {
    idleTimeout: deps.options.wsIdleTimeoutS,
    sendPingsAutomatically: true,
    maxPayloadLength: 16 * 1024,
    // Our own policy (Session) decides what to drop; uWS must never drop a send by itself.
    maxBackpressure: 1024 * 1024 * 1024,
    upgrade: (res, req, context) => {
      const state = { aborted: false };
      res.onAborted(() => { state.aborted = true; });
      const key = req.getHeader('sec-websocket-key');
      const protocol = req.getHeader('sec-websocket-protocol');
      const extensions = req.getHeader('sec-websocket-extensions');
      const origin = req.getHeader('origin');
      const query = new URLSearchParams(req.getQuery() ?? '');
      const token = query.get('access_token');
      const authorization = token !== null ? `Bearer ${token}` : req.getHeader('authorization');
      const apiKey = req.getHeader('x-api-key');
      const ip = Buffer.from(res.getRemoteAddressAsText()).toString();
      void (async () => {
        const wait = await deps.limiter.take('ip', ip);
        if (wait > 0) throw new PipstreamError('PS_RATE_LIMITED', `rate limit exceeded for this IP address; retry in ${wait} s`, { retryAfterS: wait });
        return authenticate(deps, authorization, apiKey);
      })().then((principal) => setImmediate(() => {
        // In a macrotask, never inside another socket's uWS callback (a promise can settle there): upgrading one
        // response while another socket is corked drops the new connection.
        if (state.aborted) return;
        state.aborted = true;
        res.cork(() => res.upgrade<SocketData>({ session: new Session(principal, limits) }, key, protocol, extensions, context));
      }), (err: unknown) => writeAnswerLater(res, state, errorJson(err, deps, 'ws upgrade'), origin, deps, true));
    },
    open: (ws) => {
      const session = ws.getUserData().session;
      session.attach(ws);
      // From a macrotask: this callback runs inside the upgrade's cork, and the Redis write issued here dropped
      // the new connection (1006 on both ends, right after open) on a loaded machine.
      setImmediate(() => void deps.sessions.add(session.principal.account, session.id, session.principal.userId, session.channels));
      open.add(ws);
      metrics.wsConnections.inc();
    },
    message: (ws, message) => {
      const session = ws.getUserData().session;
      let req: WsRequest;
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(message).toString('utf8'));
      } catch (err) {
        session.sendReliable(wsError(undefined, new PipstreamError('PS_BAD_REQUEST', `message is not JSON: ${(err as Error).message}`)));
        return;
      }
      try {
        req = checkRequest(parsed);
      } catch (err) {
        // The reply still names the request when its id is usable.
        const id = (parsed as { id?: unknown } | null)?.id;
        session.sendReliable(wsError(typeof id === 'string' || typeof id === 'number' ? id : undefined, err));
        return;
      }
      // Replies go out from a macrotask, never inside another socket's uWS callback (see writeAnswer).
      handle(session, req).then((text) => setImmediate(() => session.sendReliable(text)), (err: unknown) => {
        if (!isPipstreamError(err)) deps.log.error({ err }, 'ws request failed');
        setImmediate(() => session.sendReliable(wsError(req.id, err)));
      });
    },
    drain: (ws: WebSocket<SocketData>) => ws.getUserData().session.drain(),
    close: (ws) => {
      const session = ws.getUserData().session;
      session.markClosed();
      hub.drop(session);
      void deps.sessions.remove(session.id);
      open.delete(ws);
      metrics.wsConnections.dec();
    },
  });
  return {
    closeAll() {
      for (const ws of [...open]) ws.end(1001, 'gateway shutting down');
    },
  };
}
