/**
 * The OANDA v20 REST broker (DESIGN.md §8): FOK market orders tagged with `clientExtensions.id` = signal
 * id, stop-loss / take-profit on fill, and the account documents reconciliation reads.
 *
 * Resilience (cockatiel): every HTTP exchange runs under a timeout inside a consecutive-failure circuit
 * breaker, inside a retry with jittered exponential backoff that honours Retry-After. 429 and 5xx are
 * retried; 401/403 are fatal. A POST whose outcome is unknown (timeout, reset, 5xx after sending) is never
 * blindly re-sent: the next attempt first looks the order up by client id and returns what happened to
 * it. Should the lookup miss while OANDA is still processing, the re-sent POST gets
 * CLIENT_ORDER_ID_ALREADY_EXISTS and resolves through the same lookup, so an order is never doubled.
 * An open breaker rejects at once with PS_BROKER_UNAVAILABLE (details.reason BROKER_UNAVAILABLE).
 *
 * Outermost, a bulkhead bounds the broker calls in flight (each makes one HTTP exchange at a time, over a
 * pool of as many connections): beyond `bulkheadLimit` running and `bulkheadQueue` waiting, a call is
 * rejected at once with PS_BROKER_BUSY (details.reason BROKER_BUSY), before anything is sent. It wraps
 * whole calls, not exchanges, so a started order is never cut off between its POST and its lookup.
 */
import {
  BrokenCircuitError, BulkheadRejectedError, ConsecutiveBreaker, DelegateBackoff, TaskCancelledError, TimeoutStrategy,
  bulkhead, circuitBreaker, handleWhen, retry, timeout,
} from 'cockatiel';
import type { BulkheadPolicy, CircuitBreakerPolicy, IRetryBackoffContext, RetryPolicy, TimeoutPolicy } from 'cockatiel';
import { Pool } from 'undici';
import { PipstreamError, isPipstreamError } from '../../engine/errors/mod.ts';
import { pipSize } from '../../engine/instruments/mod.ts';
import { BROKER_REASON, orderIdFor } from './broker.ts';
import type {
  Broker, BrokerAccountView, BrokerPosition, BrokerReason, BrokerTransaction, OrderOutcome, OrderRequest,
} from './broker.ts';
import {
  decimal, doc, parsePositions, parseSummary, parseTrades, parseTransaction, parseTransactionPage, str, timeMs, units,
} from './oanda-rest-types.ts';
import type { AccountSummary, Position, Trade, Transaction, TransactionPage } from './oanda-rest-types.ts';
import { positiveOption, retryAfterMs } from '../../engine/http/mod.ts';

export interface OandaBrokerOptions {
  /** REST host, e.g. `https://api-fxpractice.oanda.com` (a path prefix is kept). */
  restUrl: string;
  accountId: string;
  token: string;
  /** Limit per HTTP exchange (request to whole body). Default 10 000. */
  timeoutMs?: number;
  /** HTTP attempts per call, first one included. Default 4. */
  maxAttempts?: number;
  /** Backoff: delay = random() * min(backoffMaxMs, backoffBaseMs * 2^(retry - 1)). Defaults 250 and 5 000. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Upper bound on an honoured Retry-After. Default 30 000. */
  maxRetryAfterMs?: number;
  /** Consecutive failed exchanges (5xx, timeout, connection) that open the breaker. Default 5. */
  breakerThreshold?: number;
  /** How long the breaker stays open before one trial exchange. Default 30 000. */
  breakerHalfOpenMs?: number;
  /**
   * Broker calls (an order with its retries and lookups, or one account read) running at once, each over
   * its own connection. Default 4.
   */
  bulkheadLimit?: number;
  /** Calls that may wait for a running one to finish; any beyond are rejected with PS_BROKER_BUSY. Default 0. */
  bulkheadQueue?: number;
  /** Injectable for tests; default Math.random. */
  random?: () => number;
}

/** A rejected outcome also carries OANDA's own reason (INSUFFICIENT_MARGIN, MARKET_HALTED ...). */
export interface OandaOrderOutcome extends OrderOutcome {
  oandaReason: string | null;
}

export interface OandaBroker extends Broker {
  submit(order: OrderRequest): Promise<OandaOrderOutcome>;
  summary(): Promise<AccountSummary>;
  openPositions(): Promise<Position[]>;
  openTrades(): Promise<Trade[]>;
  /** Transactions after `id` (exclusive), oldest first. */
  transactionsSince(id: string): Promise<TransactionPage>;
  /** /summary + /openPositions + /openTrades (+ /transactions/sinceid), read until they agree on the last transaction. */
  accountView(account: string, sinceTransactionId?: string | null): Promise<BrokerAccountView>;
  readonly breakerState: 'closed' | 'open' | 'half-open' | 'isolated';
  close(): Promise<void>;
}

interface Reply { status: number; body: unknown }

const DUPLICATE = 'CLIENT_ORDER_ID_ALREADY_EXISTS';

function optionalPips(x: number | null | undefined): boolean {
  return x === undefined || x === null || (Number.isFinite(x) && x > 0);
}

function validOrder(o: OrderRequest): boolean {
  return (o.side === 'buy' || o.side === 'sell') && Number.isSafeInteger(o.units) && o.units > 0 &&
    Number.isFinite(o.bid) && Number.isFinite(o.ask) && o.bid > 0 && o.ask > 0 && Number.isFinite(o.timeMs) &&
    optionalPips(o.stopLossPips) && optionalPips(o.takeProfitPips) && typeof o.signalId === 'string' &&
    o.signalId.length > 0 && o.signalId.length <= 128;
}

/** Price decimals OANDA accepts for an instrument: a tenth of a pip (5 for EUR_USD, 3 for USD_JPY). */
function priceDecimals(instrument: string): number {
  return Math.round(-Math.log10(pipSize(instrument))) + 1;
}

class OandaRestBroker implements OandaBroker {
  readonly name = 'oanda';
  readonly #client: Pool;
  readonly #prefix: string;
  readonly #headers: Record<string, string>;
  readonly #timeout: TimeoutPolicy;
  readonly #breaker: CircuitBreakerPolicy;
  readonly #retry: RetryPolicy;
  readonly #bulkhead: BulkheadPolicy;
  readonly #limits: { limit: number; queue: number };
  readonly #accountId: string;
  readonly #outcomes = new Map<string, OandaOrderOutcome>();
  readonly #inflight = new Map<string, Promise<OandaOrderOutcome>>();

  constructor(o: OandaBrokerOptions) {
    if (!o.token) throw new PipstreamError('PS_BAD_ARGUMENT', 'OANDA token is required');
    if (!o.accountId) throw new PipstreamError('PS_BAD_ARGUMENT', 'OANDA accountId is required');
    let url: URL;
    try {
      url = new URL(o.restUrl);
    } catch (err) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'restUrl is not a URL', { restUrl: o.restUrl }, { cause: err });
    }
    this.#accountId = o.accountId;
    this.#prefix = `${url.pathname.replace(/\/+$/, '')}/v3/accounts/${encodeURIComponent(o.accountId)}`;
    this.#headers = {
      authorization: `Bearer ${o.token}`, 'accept-datetime-format': 'RFC3339', 'content-type': 'application/json',
    };
    const timeoutMs = positiveOption('timeoutMs', o.timeoutMs, 10_000);
    const maxAttempts = positiveOption('maxAttempts', o.maxAttempts, 4);
    const base = positiveOption('backoffBaseMs', o.backoffBaseMs, 250);
    const max = positiveOption('backoffMaxMs', o.backoffMaxMs, 5_000);
    const maxRetryAfter = positiveOption('maxRetryAfterMs', o.maxRetryAfterMs, 30_000);
    const random = o.random ?? Math.random;
    const limit = positiveOption('bulkheadLimit', o.bulkheadLimit, 4);
    const queue = o.bulkheadQueue ?? 0;
    if (!Number.isSafeInteger(limit) || !Number.isSafeInteger(queue) || queue < 0) {
      throw new PipstreamError('PS_BAD_ARGUMENT', 'bulkheadLimit must be a positive and bulkheadQueue a non-negative integer',
        { bulkheadLimit: limit, bulkheadQueue: queue });
    }
    this.#bulkhead = bulkhead(limit, queue);
    this.#limits = { limit, queue };
    // One connection per running call: undici would otherwise queue requests on a busy socket, unbounded.
    this.#client = new Pool(url.origin, { connections: limit, connect: { timeout: timeoutMs }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
    this.#timeout = timeout(timeoutMs, TimeoutStrategy.Aggressive);
    this.#breaker = circuitBreaker(handleWhen((e) => isPipstreamError(e) && e.details.breaker === true), {
      halfOpenAfter: positiveOption('breakerHalfOpenMs', o.breakerHalfOpenMs, 30_000),
      breaker: new ConsecutiveBreaker(positiveOption('breakerThreshold', o.breakerThreshold, 5)),
    });
    this.#retry = retry(handleWhen((e) => isPipstreamError(e) && e.details.retryable === true), {
      maxAttempts: maxAttempts - 1,
      backoff: new DelegateBackoff((ctx: IRetryBackoffContext<unknown>) => {
        let delay = random() * Math.min(max, base * 2 ** Math.max(0, ctx.attempt - 1));
        const err = 'error' in ctx.result ? ctx.result.error : undefined;
        const after = isPipstreamError(err) ? err.details.retryAfterMs : undefined;
        if (typeof after === 'number' && after >= 0) delay = Math.max(delay, Math.min(after, maxRetryAfter));
        return delay;
      }),
    });
  }

  get breakerState(): OandaBroker['breakerState'] {
    return (['closed', 'open', 'half-open', 'isolated'] as const)[this.#breaker.state];
  }

  async close(): Promise<void> {
    await this.#client.destroy();
  }

  submit(order: OrderRequest): Promise<OandaOrderOutcome> {
    const id = order.id ?? orderIdFor(order.signalId, order.timeMs);
    const seen = this.#outcomes.get(id);
    if (seen !== undefined) return Promise.resolve(seen);
    const running = this.#inflight.get(id);
    if (running !== undefined) return running;
    const p = (validOrder(order)
      ? this.#guarded('POST /orders', () => this.#place(id, order))
      : Promise.resolve(this.#rejected(id, order, BROKER_REASON.INVALID_ORDER, null, null, order.timeMs)))
      .then((outcome) => { this.#outcomes.set(id, outcome); return outcome; })
      .finally(() => this.#inflight.delete(id));
    this.#inflight.set(id, p);
    return p;
  }

  summary(): Promise<AccountSummary> {
    return this.#guarded('GET /summary', () => this.#summary());
  }

  openPositions(): Promise<Position[]> {
    return this.#guarded('GET /openPositions', () => this.#openPositions());
  }

  openTrades(): Promise<Trade[]> {
    return this.#guarded('GET /openTrades', () => this.#openTrades());
  }

  transactionsSince(id: string): Promise<TransactionPage> {
    return this.#guarded('GET /transactions/sinceid', () => this.#transactionsSince(id));
  }

  /** One bulkhead slot for the whole view: its reads run one after the other. */
  accountView(account: string, sinceTransactionId?: string | null): Promise<BrokerAccountView> {
    return this.#guarded('account view', async () => {
      // The reads are not one snapshot: a transaction landing between them shows as a moved last id. Read again.
      for (let attempt = 1; ; attempt++) {
        const summary = await this.#summary();
        const positions = await this.#openPositions();
        const trades = await this.#openTrades();
        const page = await this.#transactionsSince(sinceTransactionId ?? summary.lastTransactionId);
        if (page.lastTransactionId !== summary.lastTransactionId && attempt < VIEW_ATTEMPTS) continue;
        const transactions = sinceTransactionId === undefined || sinceTransactionId === null ? []
          : page.transactions.filter((t) => Number(t.id) <= Number(summary.lastTransactionId)).map(brokerTransaction);
        return {
          account, brokerAccountId: this.#accountId, positions: positions.flatMap((p) => netPosition(p, trades)),
          openTradeCount: trades.length, balance: summary.balance, lastTransactionId: summary.lastTransactionId, transactions,
        };
      }
    });
  }

  async #summary(): Promise<AccountSummary> {
    return parseSummary(await this.#getOk('/summary'));
  }

  async #openPositions(): Promise<Position[]> {
    return parsePositions(await this.#getOk('/openPositions'));
  }

  async #openTrades(): Promise<Trade[]> {
    return parseTrades(await this.#getOk('/openTrades'));
  }

  async #transactionsSince(id: string): Promise<TransactionPage> {
    return parseTransactionPage(await this.#getOk(`/transactions/sinceid?id=${encodeURIComponent(id)}`));
  }

  /** Runs a whole broker call in the bulkhead; a full bulkhead rejects at once, nothing sent. */
  async #guarded<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await this.#bulkhead.execute(fn);
    } catch (err) {
      if (err instanceof BulkheadRejectedError) {
        throw new PipstreamError('PS_BROKER_BUSY',
          `OANDA broker busy: ${what} rejected with ${this.#limits.limit} calls running and ${this.#limits.queue} waiting`,
          { reason: 'BROKER_BUSY', call: what, sent: false, ...this.#limits }, { cause: err });
      }
      throw err;
    }
  }

  async #getOk(path: string): Promise<unknown> {
    const r = await this.#retry.execute(() => this.#exchange('GET', path));
    if (r.status !== 200) throw this.#httpError(r, path);
    return r.body;
  }

  #place(id: string, order: OrderRequest): Promise<OandaOrderOutcome> {
    const { instrument, side } = order;
    const digits = priceDecimals(instrument);
    const pip = pipSize(instrument);
    const sign = side === 'buy' ? 1 : -1;
    const ref = side === 'buy' ? order.ask : order.bid;
    const sl = order.stopLossPips, tp = order.takeProfitPips;
    const slPrice = sl === undefined || sl === null ? null : (ref - sign * sl * pip).toFixed(digits);
    const tpPrice = tp === undefined || tp === null ? null : (ref + sign * tp * pip).toFixed(digits);
    const spec: Record<string, unknown> = {
      type: 'MARKET', instrument, units: String(sign * order.units), timeInForce: 'FOK', positionFill: 'DEFAULT',
      clientExtensions: { id: order.signalId },
    };
    if (slPrice !== null) spec.stopLossOnFill = { price: slPrice };
    if (tpPrice !== null) spec.takeProfitOnFill = { price: tpPrice };
    const body = JSON.stringify({ order: spec });
    const levels = { sl: slPrice === null ? null : Number(slPrice), tp: tpPrice === null ? null : Number(tpPrice) };
    let unknown = false;
    return this.#retry.execute(async () => {
      if (unknown) {
        const found = await this.#lookup(id, order, levels);
        if (found !== null) return found;
      }
      let r: Reply;
      try {
        r = await this.#exchange('POST', '/orders', body);
      } catch (err) {
        // Anything but a 4xx answer may have reached OANDA's order engine.
        if (!isPipstreamError(err) || !(typeof err.details.status === 'number' && err.details.status < 500)) unknown = true;
        throw err;
      }
      return this.#interpretPost(r, id, order, levels);
    }).catch((err: unknown) => {
      if (!unknown || !isPipstreamError(err)) throw err;
      // Safe to resubmit: the same client id resolves to the original order (or is placed once).
      throw new PipstreamError(err.code, `${err.message} (outcome of order ${order.signalId} unknown)`,
        { ...err.details, outcomeUnknown: true, clientId: order.signalId }, { cause: err });
    });
  }

  async #interpretPost(r: Reply, id: string, order: OrderRequest, levels: Levels): Promise<OandaOrderOutcome> {
    const d = doc(r.body, 'create order response');
    if (r.status === 201) {
      if (d.orderFillTransaction !== undefined) return this.#filled(id, order, levels, d.orderFillTransaction);
      if (d.orderCancelTransaction !== undefined) {
        const c = parseTransaction(d.orderCancelTransaction, 'orderCancelTransaction');
        return this.#rejected(id, order, BROKER_REASON.BROKER_REJECTED, c.reason ?? 'CANCELLED', c.id, c.timeMs);
      }
      throw new PipstreamError('PS_OANDA_RESPONSE', 'OANDA created a market order without filling or cancelling it',
        { orderId: id, body: r.body });
    }
    const reject = d.orderRejectTransaction === undefined ? null : parseTransaction(d.orderRejectTransaction, 'orderRejectTransaction');
    const reason = reject?.reason ?? (typeof d.errorCode === 'string' ? d.errorCode : null);
    if (reason === DUPLICATE) {
      const found = await this.#lookup(id, order, levels);
      if (found === null) {
        throw new PipstreamError('PS_OANDA_RESPONSE', `OANDA reported client id ${order.signalId} as taken but has no such order`,
          { orderId: id, clientId: order.signalId });
      }
      return found;
    }
    if (r.status === 400 || (r.status === 404 && reject !== null)) {
      return this.#rejected(id, order, BROKER_REASON.BROKER_REJECTED, reason ?? `HTTP_${r.status}`,
        reject?.id ?? null, reject?.timeMs ?? order.timeMs);
    }
    throw this.#httpError(r, '/orders');
  }

  /** The original outcome of the order with this client id; null when OANDA has no such order. */
  async #lookup(id: string, order: OrderRequest, levels: Levels): Promise<OandaOrderOutcome | null> {
    const r = await this.#exchange('GET', `/orders/@${encodeURIComponent(order.signalId)}`);
    if (r.status === 404) return null;
    if (r.status !== 200) throw this.#httpError(r, 'order lookup');
    const o = doc(doc(r.body, 'order response').order, 'order');
    const state = str(o.state, 'order.state');
    if (state === 'FILLED') {
      const t = await this.#transaction(str(o.fillingTransactionID, 'order.fillingTransactionID'));
      return this.#filled(id, order, levels, t);
    }
    if (state === 'CANCELLED') {
      const c = parseTransaction(await this.#transaction(str(o.cancellingTransactionID, 'order.cancellingTransactionID')));
      return this.#rejected(id, order, BROKER_REASON.BROKER_REJECTED, c.reason ?? 'CANCELLED', c.id, c.timeMs);
    }
    // A FOK market order settles at once; a pending one means OANDA is mid-way: ask again shortly.
    throw new PipstreamError('PS_OANDA_RESPONSE', `OANDA order ${order.signalId} is still ${state}`,
      { clientId: order.signalId, state, retryable: true });
  }

  async #transaction(txId: string): Promise<unknown> {
    const r = await this.#exchange('GET', `/transactions/${encodeURIComponent(txId)}`);
    if (r.status !== 200) throw this.#httpError(r, 'transaction lookup');
    return doc(r.body, 'transaction response').transaction;
  }

  #filled(id: string, order: OrderRequest, levels: Levels, fillTx: unknown): OandaOrderOutcome {
    const f = doc(fillTx, 'orderFillTransaction');
    const filledUnits = Math.abs(units(f.units, 'orderFillTransaction.units'));
    return {
      id, signalId: order.signalId, account: order.account, instrument: order.instrument, side: order.side,
      units: filledUnits, status: 'filled', price: decimal(f.price, 'orderFillTransaction.price'), reason: null,
      timeMs: timeMs(f.time, 'orderFillTransaction.time'), stopLossPrice: levels.sl, takeProfitPrice: levels.tp,
      slippagePips: 0, oandaReason: null, transactionId: str(f.id, 'orderFillTransaction.id'),
    };
  }

  #rejected(id: string, order: OrderRequest, reason: BrokerReason, oandaReason: string | null,
    transactionId: string | null, at: number): OandaOrderOutcome {
    return {
      id, signalId: order.signalId, account: order.account, instrument: order.instrument, side: order.side,
      units: order.units, status: 'rejected', price: null, reason, timeMs: at, stopLossPrice: null,
      takeProfitPrice: null, slippagePips: 0, oandaReason, transactionId,
    };
  }

  /**
   * One HTTP exchange under the breaker and the timeout. Throws (typed) for what a retry may fix or the
   * breaker should count (429, 5xx, timeout, connection) and for 401/403; returns other answers.
   */
  async #exchange(method: 'GET' | 'POST', path: string, body?: string): Promise<Reply> {
    try {
      return await this.#breaker.execute(() => this.#timeout.execute(async (_ctx, signal): Promise<Reply> => {
        let status: number, headers: Record<string, string | string[] | undefined>, text: string;
        try {
          const res = await this.#client.request({ method, path: this.#prefix + path, headers: this.#headers, body, signal });
          status = res.statusCode;
          headers = res.headers;
          text = await res.body.text();
        } catch (err) {
          if (signal.aborted) throw err; // the timeout policy reports it
          const message = err instanceof Error ? err.message : String(err);
          throw new PipstreamError('PS_OANDA_DISCONNECTED', `OANDA ${method} ${path} connection failed: ${message}`,
            { method, path, code: (err as { code?: unknown }).code, retryable: true, breaker: true }, { cause: err });
        }
        let parsed: unknown;
        try {
          parsed = text === '' ? {} : JSON.parse(text);
        } catch {
          parsed = { errorMessage: text.slice(0, 512) };
        }
        const r: Reply = { status, body: parsed };
        if (status === 401 || status === 403) throw this.#httpError(r, path, { fatal: true });
        if (status === 429 || status >= 500) {
          const after = retryAfterMs(headers['retry-after']);
          throw this.#httpError(r, path, { retryable: true, breaker: status >= 500, retryAfterMs: after >= 0 ? after : undefined });
        }
        return r;
      }).catch((err: unknown) => {
        // Typed here, inside the breaker, so that it counts timeouts.
        if (err instanceof TaskCancelledError) {
          throw new PipstreamError('PS_TIMEOUT', `OANDA ${method} ${path} did not complete in time`,
            { method, path, retryable: true, breaker: true }, { cause: err });
        }
        throw err;
      }));
    } catch (err) {
      if (err instanceof BrokenCircuitError) {
        throw new PipstreamError('PS_BROKER_UNAVAILABLE', `OANDA broker unavailable: circuit open after repeated failures`,
          { reason: 'BROKER_UNAVAILABLE', method, path }, { cause: err });
      }
      throw err;
    }
  }

  #httpError(r: Reply, what: string, extra: Record<string, unknown> = {}): PipstreamError {
    const b = (typeof r.body === 'object' && r.body !== null ? r.body : {}) as Record<string, unknown>;
    const errorMessage = typeof b.errorMessage === 'string' ? b.errorMessage : undefined;
    return new PipstreamError('PS_OANDA_HTTP', `OANDA ${what} answered HTTP ${r.status}${errorMessage ? `: ${errorMessage}` : ''}`,
      { status: r.status, errorMessage, errorCode: b.errorCode, fatal: false, ...extra });
  }
}

interface Levels { sl: number | null; tp: number | null }

/** Reads of an account view before it is returned as it stands even though transactions kept landing. */
const VIEW_ATTEMPTS = 3;

/**
 * A v20 position as one net position. On a netting account one side is flat. A hedging account can hold
 * both: the net units are exact, the average is the larger side's (netting has no better answer).
 */
function netPosition(p: Position, trades: readonly Trade[]): BrokerPosition[] {
  const units = p.long.units + p.short.units;
  if (units === 0) return [];
  const side = units > 0 ? p.long : p.short;
  // Oldest first, the order FIFO reduces them in.
  const mine = trades.filter((t) => t.instrument === p.instrument).sort((a, b) => a.openTimeMs - b.openTimeMs || Number(a.id) - Number(b.id));
  return [{ instrument: p.instrument, units, avgPrice: side.averagePrice ?? 0, trades: mine.map((t) => t.currentUnits) }];
}

function brokerTransaction(t: Transaction): BrokerTransaction {
  return { id: t.id, type: t.type, timeMs: t.timeMs, instrument: t.instrument, units: t.units, price: t.price,
    clientOrderId: t.clientOrderId, reason: t.reason };
}

export function createOandaBroker(options: OandaBrokerOptions): OandaBroker {
  return new OandaRestBroker(options);
}
