/**
 * Typed views of the OANDA v20 REST account documents the OANDA broker reconciles with (DESIGN.md §8):
 * `/summary`, `/openPositions`, `/openTrades`, `/transactions/sinceid`. v20 sends every decimal as a
 * string; `decimal` accepts only plain decimal notation (no exponent, hex, blanks or `Infinity`, which
 * `Number()` would take) and returns the nearest float64, so "1.10005" is exactly what `1.10005` is in code.
 */
import { PipstreamError } from '../../engine/errors/mod.ts';

const DECIMAL = /^-?\d+(\.\d+)?$/;

type Doc = Record<string, unknown>;

function bad(what: string, value: unknown): PipstreamError {
  return new PipstreamError('PS_OANDA_RESPONSE', `OANDA v20 response: ${what} is malformed`, { field: what, value });
}

/** A v20 DecimalNumber / PriceValue / AccountUnits string as a float64. */
export function decimal(value: unknown, what = 'decimal'): number {
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw bad(what, value);
  return Number(value);
}

/** Units: a decimal string holding a whole number (v20 sends "100" or "-100.0"). */
export function units(value: unknown, what = 'units'): number {
  const n = decimal(value, what);
  if (!Number.isSafeInteger(n)) throw bad(what, value);
  return n;
}

function optDecimal(value: unknown, what: string): number | null {
  return value === undefined || value === null ? null : decimal(value, what);
}

export function str(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw bad(what, value);
  return value;
}

export function doc(value: unknown, what: string): Doc {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(what, value);
  return value as Doc;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw bad(what, value);
  return value;
}

/** RFC3339 with up to nine fraction digits, or UNIX seconds, to epoch ms. */
export function timeMs(value: unknown, what = 'time'): number {
  if (typeof value === 'string' && DECIMAL.test(value)) return Math.round(Number(value) * 1000);
  const ms = typeof value === 'string' ? Date.parse(value.replace(/(\.\d{3})\d+/, '$1')) : NaN;
  if (Number.isNaN(ms)) throw bad(what, value);
  return ms;
}

export interface AccountSummary {
  id: string;
  currency: string;
  balance: number;
  nav: number;
  unrealizedPL: number;
  pl: number;
  marginUsed: number;
  marginAvailable: number;
  openTradeCount: number;
  openPositionCount: number;
  pendingOrderCount: number;
  lastTransactionId: string;
}

export function parseSummary(body: unknown): AccountSummary {
  const a = doc(doc(body, 'summary').account, 'account');
  const count = (k: string): number => {
    const v = a[k];
    if (!Number.isSafeInteger(v) || (v as number) < 0) throw bad(`account.${k}`, v);
    return v as number;
  };
  return {
    id: str(a.id, 'account.id'),
    currency: str(a.currency, 'account.currency'),
    balance: decimal(a.balance, 'account.balance'),
    nav: decimal(a.NAV, 'account.NAV'),
    unrealizedPL: decimal(a.unrealizedPL, 'account.unrealizedPL'),
    pl: decimal(a.pl, 'account.pl'),
    marginUsed: decimal(a.marginUsed, 'account.marginUsed'),
    marginAvailable: decimal(a.marginAvailable, 'account.marginAvailable'),
    openTradeCount: count('openTradeCount'),
    openPositionCount: count('openPositionCount'),
    pendingOrderCount: count('pendingOrderCount'),
    lastTransactionId: str(doc(body, 'summary').lastTransactionID ?? a.lastTransactionID, 'lastTransactionID'),
  };
}

export interface PositionSide {
  /** Signed: positive long, negative short, 0 when flat. */
  units: number;
  /** Null when the side is flat. */
  averagePrice: number | null;
  unrealizedPL: number;
  tradeIds: string[];
}

export interface Position {
  instrument: string;
  long: PositionSide;
  short: PositionSide;
  unrealizedPL: number;
}

function side(value: unknown, what: string): PositionSide {
  const s = doc(value, what);
  return {
    units: units(s.units, `${what}.units`),
    averagePrice: optDecimal(s.averagePrice, `${what}.averagePrice`),
    unrealizedPL: decimal(s.unrealizedPL ?? '0', `${what}.unrealizedPL`),
    tradeIds: s.tradeIDs === undefined ? [] : list(s.tradeIDs, `${what}.tradeIDs`).map((x) => str(x, `${what}.tradeIDs`)),
  };
}

export function parsePositions(body: unknown): Position[] {
  return list(doc(body, 'openPositions').positions, 'positions').map((p, i) => {
    const d = doc(p, `positions[${i}]`);
    return {
      instrument: str(d.instrument, `positions[${i}].instrument`),
      long: side(d.long, `positions[${i}].long`),
      short: side(d.short, `positions[${i}].short`),
      unrealizedPL: decimal(d.unrealizedPL ?? '0', `positions[${i}].unrealizedPL`),
    };
  });
}

export interface Trade {
  id: string;
  instrument: string;
  price: number;
  openTimeMs: number;
  initialUnits: number;
  currentUnits: number;
  unrealizedPL: number;
  /** The signal id the trade was opened for (clientExtensions.id), when set. */
  clientId: string | null;
  stopLossPrice: number | null;
  takeProfitPrice: number | null;
}

export function parseTrades(body: unknown): Trade[] {
  return list(doc(body, 'openTrades').trades, 'trades').map((x, i) => {
    const t = doc(x, `trades[${i}]`);
    const w = `trades[${i}]`;
    const ext = t.clientExtensions === undefined ? undefined : doc(t.clientExtensions, `${w}.clientExtensions`);
    const order = (k: string): number | null =>
      t[k] === undefined ? null : decimal(doc(t[k], `${w}.${k}`).price, `${w}.${k}.price`);
    return {
      id: str(t.id, `${w}.id`),
      instrument: str(t.instrument, `${w}.instrument`),
      price: decimal(t.price, `${w}.price`),
      openTimeMs: timeMs(t.openTime, `${w}.openTime`),
      initialUnits: units(t.initialUnits, `${w}.initialUnits`),
      currentUnits: units(t.currentUnits, `${w}.currentUnits`),
      unrealizedPL: decimal(t.unrealizedPL ?? '0', `${w}.unrealizedPL`),
      clientId: typeof ext?.id === 'string' ? ext.id : null,
      stopLossPrice: order('stopLossOrder'),
      takeProfitPrice: order('takeProfitOrder'),
    };
  });
}

/** The fields reconciliation needs; `raw` keeps the whole v20 transaction. */
export interface Transaction {
  id: string;
  type: string;
  timeMs: number;
  orderId: string | null;
  clientOrderId: string | null;
  instrument: string | null;
  units: number | null;
  price: number | null;
  /** `reason` (fills, cancels) or `rejectReason` (rejects). */
  reason: string | null;
  raw: Readonly<Record<string, unknown>>;
}

export function parseTransaction(value: unknown, what = 'transaction'): Transaction {
  const t = doc(value, what);
  const ext = t.clientExtensions ?? t.clientOrderExtensions;
  const clientOrderId = typeof t.clientOrderID === 'string' ? t.clientOrderID
    : typeof (ext as Doc | undefined)?.id === 'string' ? (ext as Doc).id as string : null;
  const reason = t.rejectReason ?? t.reason;
  return {
    id: str(t.id, `${what}.id`),
    type: str(t.type, `${what}.type`),
    timeMs: timeMs(t.time, `${what}.time`),
    orderId: typeof t.orderID === 'string' ? t.orderID : null,
    clientOrderId,
    instrument: typeof t.instrument === 'string' ? t.instrument : null,
    units: t.units === undefined ? null : units(t.units, `${what}.units`),
    price: optDecimal(t.price, `${what}.price`),
    reason: typeof reason === 'string' ? reason : null,
    raw: t,
  };
}

export interface TransactionPage {
  transactions: Transaction[];
  lastTransactionId: string;
}

export function parseTransactionPage(body: unknown): TransactionPage {
  const d = doc(body, 'transactions');
  return {
    transactions: list(d.transactions, 'transactions').map((x, i) => parseTransaction(x, `transactions[${i}]`)),
    lastTransactionId: str(d.lastTransactionID, 'lastTransactionID'),
  };
}
