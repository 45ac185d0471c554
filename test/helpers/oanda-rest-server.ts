/**
 * A loopback OANDA v20 REST server for tests: node:http on 127.0.0.1 with an in-memory account. Serves
 * POST /orders (FOK market orders: fill, cancel, reject, CLIENT_ORDER_ID_ALREADY_EXISTS for a taken client
 * id), GET /orders/@{clientId}, /transactions/{id}, /summary, /openPositions, /openTrades and
 * /transactions/sinceid in the documented shapes. Per-request plans inject faults: a canned HTTP answer,
 * a slow answer or a connection reset after the order was committed.
 *
 * The account hedges by default (a sell opens a short trade beside a long one). With `netting`, a fill
 * first reduces the opposite trades oldest first (tradesClosed / tradeReduced, realized P&L into the
 * balance), as a v20 account without hedging does. `injectFill` books a fill pipstream never placed
 * (no client id): a trade made by hand, or a stop-loss that triggered.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Plan =
  /** Answer this without touching the account. */
  | { status: number; body?: unknown; retryAfter?: string }
  /** Process the request, then answer after this long. */
  | { delayMs: number }
  /** Process the request, send headers and half the body, then reset the connection. */
  | { reset: true }
  /** POST only: OANDA cancels the FOK order (201 with orderCancelTransaction). */
  | { cancelReason: string }
  /** POST only: OANDA rejects the order (400 with orderRejectTransaction). */
  | { rejectReason: string };

export interface RestLoopbackOptions {
  token: string;
  accountId: string;
  /** Fill price by instrument (decimal string). Default "1.10005". */
  fillPrice?: Record<string, string>;
  /** Reduce opposite trades first instead of hedging. Default false. */
  netting?: boolean;
  /** Starting balance. Default 100 000. */
  balance?: number;
}

export interface InjectedFill {
  instrument: string;
  /** Signed. */
  units: number;
  /** Decimal string. */
  price: string;
  /** The fill's reason. Default MARKET_ORDER (a trade made on the platform). */
  reason?: string;
}

export interface RecordedRestRequest { method: string; path: string; body: unknown; status: number }

export interface RestLoopback {
  url: string;
  requests: RecordedRestRequest[];
  /** Market orders the account accepted (each created exactly one order). */
  readonly ordersCreated: number;
  /** Plans for the next POST requests, in order. */
  postPlans: Plan[];
  /** Plans for the next GET requests, in order. */
  getPlans: Plan[];
  /** Books a fill without a client id; returns its ORDER_FILL transaction id. */
  injectFill(fill: InjectedFill): string;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const TIME = '2026-11-20T10:00:00.123456789Z';

export async function startRestLoopback(options: RestLoopbackOptions): Promise<RestLoopback> {
  const prefix = `/v3/accounts/${options.accountId}`;
  const requests: RecordedRestRequest[] = [];
  const transactions: Json[] = [];
  const ordersByClientId = new Map<string, Json>();
  const trades: Json[] = [];
  let nextId = 100;
  let ordersCreated = 0;
  let balance = options.balance ?? 100_000;
  const state = { postPlans: [] as Plan[], getPlans: [] as Plan[] };

  const tx = (fields: Json): Json => {
    const t = { id: String(nextId++), time: TIME, userID: 1, accountID: options.accountId, batchID: String(nextId), ...fields };
    transactions.push(t);
    return t;
  };

  function placeOrder(spec: Json, plan: Plan | undefined): { status: number; body: Json } {
    const ext = spec.clientExtensions as Json | undefined;
    const clientId = typeof ext?.id === 'string' ? ext.id : undefined;
    const base = { type: 'MARKET_ORDER', instrument: spec.instrument, units: spec.units, timeInForce: 'FOK',
      positionFill: 'DEFAULT', reason: 'CLIENT_ORDER', clientExtensions: ext,
      stopLossOnFill: spec.stopLossOnFill, takeProfitOnFill: spec.takeProfitOnFill };
    const reject = (rejectReason: string): { status: number; body: Json } => {
      const r = tx({ ...base, type: 'MARKET_ORDER_REJECT', rejectReason });
      return { status: 400, body: { orderRejectTransaction: r, relatedTransactionIDs: [r.id], lastTransactionID: r.id,
        errorCode: rejectReason, errorMessage: `order rejected: ${rejectReason}` } };
    };
    if (plan && 'rejectReason' in plan) return reject(plan.rejectReason);
    if (clientId !== undefined && ordersByClientId.has(clientId)) return reject('CLIENT_ORDER_ID_ALREADY_EXISTS');
    ordersCreated++;
    const create = tx(base);
    const order: Json = { id: create.id, createTime: TIME, type: 'MARKET', instrument: spec.instrument, units: spec.units,
      timeInForce: 'FOK', positionFill: 'DEFAULT', clientExtensions: ext, state: 'PENDING' };
    if (clientId !== undefined) ordersByClientId.set(clientId, order);
    if (plan && 'cancelReason' in plan) {
      const c = tx({ type: 'ORDER_CANCEL', orderID: create.id, clientOrderID: clientId, reason: plan.cancelReason });
      Object.assign(order, { state: 'CANCELLED', cancellingTransactionID: c.id, cancelledTime: TIME });
      return { status: 201, body: { orderCreateTransaction: create, orderCancelTransaction: c,
        relatedTransactionIDs: [create.id, c.id], lastTransactionID: c.id } };
    }
    const instrument = String(spec.instrument);
    const price = options.fillPrice?.[instrument] ?? '1.10005';
    const fill = bookFill(instrument, Number(spec.units), price, { orderID: create.id, clientOrderID: clientId, reason: 'MARKET_ORDER' },
      { clientExtensions: ext,
        ...(spec.stopLossOnFill ? { stopLossOrder: { type: 'STOP_LOSS', price: (spec.stopLossOnFill as Json).price } } : {}),
        ...(spec.takeProfitOnFill ? { takeProfitOrder: { type: 'TAKE_PROFIT', price: (spec.takeProfitOnFill as Json).price } } : {}) });
    Object.assign(order, { state: 'FILLED', fillingTransactionID: fill.id, filledTime: TIME,
      ...(fill.tradeOpened ? { tradeOpenedID: (fill.tradeOpened as Json).tradeID } : {}) });
    return { status: 201, body: { orderCreateTransaction: create, orderFillTransaction: fill,
      relatedTransactionIDs: [create.id, fill.id], lastTransactionID: fill.id } };
  }

  /** The ORDER_FILL transaction of `units` at `price`: closes/reduces opposite trades when netting, opens a trade with the rest. */
  function bookFill(instrument: string, units: number, price: string, fields: Json, tradeFields: Json): Json {
    const p = Number(price);
    let rest = units, pl = 0;
    const closed: Json[] = [];
    let reduced: Json | undefined;
    if (options.netting) {
      for (const t of trades.filter((x) => x.instrument === instrument && Math.sign(Number(x.currentUnits)) === -Math.sign(units))) {
        if (rest === 0) break;
        const open = Number(t.currentUnits);
        const take = Math.abs(open) <= Math.abs(rest) ? -open : rest;
        const realized = (p - Number(t.price)) * -take;
        pl += realized;
        rest -= take;
        const entry = { tradeID: t.id, units: String(take), price, realizedPL: realized.toFixed(4) };
        if (take === -open) {
          trades.splice(trades.indexOf(t), 1);
          closed.push(entry);
        } else {
          t.currentUnits = String(open + take);
          reduced = entry;
        }
      }
    }
    balance += pl;
    const tradeId = String(nextId);
    const fill = tx({ type: 'ORDER_FILL', instrument, units: String(units), price, fullVWAP: price, pl: pl.toFixed(4),
      financing: '0.0000', commission: '0.0000', accountBalance: balance.toFixed(4), ...fields,
      ...(closed.length > 0 ? { tradesClosed: closed } : {}), ...(reduced ? { tradeReduced: reduced } : {}),
      ...(rest !== 0 ? { tradeOpened: { tradeID: tradeId, units: String(rest), price } } : {}) });
    if (rest !== 0) {
      trades.push({ id: tradeId, instrument, price, openTime: TIME, initialUnits: String(rest), currentUnits: String(rest),
        state: 'OPEN', realizedPL: '0.0000', unrealizedPL: '0.0000', marginUsed: '22.0000', financing: '0.0000', ...tradeFields });
    }
    return fill;
  }

  function injectFill(f: InjectedFill): string {
    const create = tx({ type: 'MARKET_ORDER', instrument: f.instrument, units: String(f.units), timeInForce: 'FOK',
      positionFill: 'DEFAULT', reason: 'CLIENT_ORDER' });
    return String(bookFill(f.instrument, f.units, f.price, { orderID: create.id, reason: f.reason ?? 'MARKET_ORDER' }, {}).id);
  }

  function positions(): Json[] {
    const by = new Map<string, { long: number; short: number; longIds: string[]; shortIds: string[]; longSum: number; shortSum: number }>();
    for (const t of trades) {
      const u = Number(t.currentUnits);
      const p = by.get(String(t.instrument)) ?? { long: 0, short: 0, longIds: [], shortIds: [], longSum: 0, shortSum: 0 };
      if (u > 0) { p.long += u; p.longIds.push(String(t.id)); p.longSum += u * Number(t.price); }
      else { p.short += u; p.shortIds.push(String(t.id)); p.shortSum += u * Number(t.price); }
      by.set(String(t.instrument), p);
    }
    return [...by].map(([instrument, p]) => ({
      instrument, pl: '0.0000', unrealizedPL: '0.0000', marginUsed: '22.0000',
      long: { units: String(p.long), pl: '0.0000', unrealizedPL: '0.0000', tradeIDs: p.longIds,
        ...(p.long > 0 ? { averagePrice: (p.longSum / p.long).toFixed(5) } : {}) },
      short: { units: String(p.short), pl: '0.0000', unrealizedPL: '0.0000',
        ...(p.short < 0 ? { averagePrice: (p.shortSum / p.short).toFixed(5), tradeIDs: p.shortIds } : {}) },
    }));
  }

  function route(method: string, url: URL, body: unknown, plan: Plan | undefined): { status: number; body: Json } {
    const path = url.pathname.slice(prefix.length);
    const last = String(nextId - 1);
    if (method === 'POST' && path === '/orders') return placeOrder(((body as Json | null)?.order ?? {}) as Json, plan);
    if (method !== 'GET') return { status: 405, body: { errorMessage: 'method not allowed' } };
    if (path.startsWith('/orders/@')) {
      const o = ordersByClientId.get(decodeURIComponent(path.slice('/orders/@'.length)));
      return o ? { status: 200, body: { order: o, lastTransactionID: last } }
        : { status: 404, body: { errorCode: 'ORDER_DOESNT_EXIST', errorMessage: 'The order specified does not exist' } };
    }
    if (path === '/transactions/sinceid') {
      const since = Number(url.searchParams.get('id'));
      return { status: 200, body: { transactions: transactions.filter((t) => Number(t.id) > since), lastTransactionID: last } };
    }
    if (path.startsWith('/transactions/')) {
      const t = transactions.find((x) => x.id === path.slice('/transactions/'.length));
      return t ? { status: 200, body: { transaction: t, lastTransactionID: last } }
        : { status: 404, body: { errorMessage: 'The transaction specified does not exist' } };
    }
    if (path === '/openTrades') return { status: 200, body: { trades: [...trades].reverse(), lastTransactionID: last } };
    if (path === '/openPositions') return { status: 200, body: { positions: positions(), lastTransactionID: last } };
    if (path === '/summary') {
      return { status: 200, body: { account: { id: options.accountId, alias: 'Primary', currency: 'USD', balance: balance.toFixed(4),
        NAV: balance.toFixed(4), unrealizedPL: '0.0000', pl: '0.0000', resettablePL: '0.0000', marginRate: '0.02',
        marginUsed: (22 * trades.length).toFixed(4), marginAvailable: '99978.0000', openTradeCount: trades.length,
        openPositionCount: positions().length, pendingOrderCount: 0, hedgingEnabled: !options.netting, lastTransactionID: last },
      lastTransactionID: last } };
    }
    return { status: 404, body: { errorMessage: `no route ${path}` } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, text: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? '';
    let body: unknown = null;
    try { body = text ? JSON.parse(text) : null; } catch { /* answered as an empty order below */ }
    const rec: RecordedRestRequest = { method, path: url.pathname + url.search, body, status: 0 };
    requests.push(rec);
    const send = (status: number, json: unknown, headers: Record<string, string> = {}): void => {
      rec.status = status;
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
    };
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      return send(401, { errorMessage: 'Insufficient authorization to perform request.' });
    }
    if (!url.pathname.startsWith(`${prefix}/`)) return send(400, { errorMessage: `Invalid value specified for 'accountID'` });
    const plan = (method === 'POST' ? state.postPlans : state.getPlans).shift();
    if (plan && 'status' in plan) {
      return send(plan.status, plan.body ?? {}, plan.retryAfter === undefined ? {} : { 'retry-after': plan.retryAfter });
    }
    const out = route(method, url, body, plan);
    if (plan && 'delayMs' in plan) await new Promise((r) => setTimeout(r, plan.delayMs));
    if (plan && 'reset' in plan) {
      rec.status = out.status;
      const bytes = Buffer.from(JSON.stringify(out.body));
      res.writeHead(out.status, { 'content-type': 'application/json', 'content-length': String(bytes.length) });
      res.write(bytes.subarray(0, bytes.length >> 1), () => req.socket.destroy());
      return;
    }
    if (!res.destroyed) send(out.status, out.body);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => { handle(req, res, Buffer.concat(chunks).toString('utf8')).catch(() => res.destroy()); });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get ordersCreated() { return ordersCreated; },
    get postPlans() { return state.postPlans; },
    set postPlans(p) { state.postPlans = p; },
    get getPlans() { return state.getPlans; },
    set getPlans(p) { state.getPlans = p; },
    injectFill,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
