/**
 * Checkpoints of a book a broker keeps in memory (the paper broker), in Redis. A restarted node loads an
 * account's checkpoint and replays only the ORDERS fills after it. The journal alone is not enough: it keeps
 * its last 7 days (BusOptions.maxAgeMs), so a rebuild from it alone forgets every trade older than that.
 *
 * A checkpoint is the broker's book (open trades with their levels) and the portfolio's (average prices,
 * realized P&L, today's share of it) as of one broker transaction id: every fill of the account up to that id
 * is in it, none after. It is taken only when the portfolio has booked every transaction the broker made for
 * the account; in between, a fill the broker made may still be settling.
 */
import type { BookTrade, Broker, BrokerBook } from '../../actors/execution/broker.ts';
import { PipstreamError } from '../errors/mod.ts';
import { type AccountBook, type Portfolio, tradesMakeUp } from '../portfolio/mod.ts';
import type { RiskMarks } from '../risk/mod.ts';
import type { Redis } from '../store/mod.ts';

export const bookCheckpointKey = (broker: string, account: string): string => `pipstream:book:${broker}:${account}`;

export interface BookCheckpoint {
  v: 1;
  broker: string;
  account: string;
  /** Wall clock when taken, ms. */
  takenAtMs: number;
  /** Every fill of the account up to this broker transaction id is in the checkpoint. */
  lastTransactionId: number;
  realized: number;
  /** What of `realized` the trading day starting at dayStartMs realized. */
  realizedToday: number;
  /** Null: no trading day yet. */
  dayStartMs: number | null;
  /**
   * The portfolio's equity peak, largest drawdown and equity at the trading day's start (null: not recorded, as by
   * the first checkpoints).
   */
  equityPeak: number | null;
  maxDrawdownPct: number | null;
  dayStartEquity: number | null;
  /** Where the risk budget's loss limits measured from (RiskMarks); null: the account had no budget. */
  riskMarks: RiskMarks | null;
  /**
   * Positions that are open or have realized P&L; the broker's trades for the open ones; the instrument's last
   * quote (null: none), which marks the position after a restart until a tick does.
   */
  positions: Array<{ instrument: string; units: number; avgPrice: number; realized: number; trades: BookTrade[]; bid: number | null; ask: number | null }>;
}

/**
 * The account's checkpoint, or null while the portfolio has booked fewer of its transactions than the broker
 * made (`booked`: how many the portfolio booked since the broker started). `riskMarks`: the account's budget's
 * (null: none). Throws PS_BOOK_CHECKPOINT when the two books disagree on a position (never expected: both net
 * the same fills the same way).
 */
export function takeBookCheckpoint(broker: Broker, portfolio: Portfolio, account: string, booked: number, nowMs: number,
  riskMarks: RiskMarks | null = null): BookCheckpoint | null {
  const b = broker.book!(account);
  if (b.transactions !== booked) return null;
  const p = portfolio.accountBook(account);
  const trades = new Map(b.book.positions.map((x) => [x.instrument, x]));
  const positions: BookCheckpoint['positions'] = [];
  for (const x of p.positions) {
    const held = trades.get(x.instrument);
    trades.delete(x.instrument);
    const brokerTrades = held?.trades ?? [];
    // The same trades in the same order: units, and the opening signal where the portfolio knows it. Both net the
    // same fills by the same formula; the tolerance only keeps a last-bit difference from stopping checkpoints.
    if ((held?.units ?? 0) !== x.units || (x.units !== 0 && !(Math.abs(held!.avgPrice - x.avgPrice) <= 1e-12 * x.avgPrice)) ||
      brokerTrades.map((t) => t.units).join() !== x.trades.join() || brokerTrades.some((t, i) => ![t.signalId, ''].includes(x.tradeIds?.[i] ?? ''))) {
      throw disagree(account, x.instrument, `broker ${held?.units ?? 0} units at ${held?.avgPrice ?? 0} in [${brokerTrades.map((t) => t.units).join(', ')}], ` +
        `portfolio ${x.units} at ${x.avgPrice} in [${x.trades.join(', ')}]`);
    }
    positions.push({
      instrument: x.instrument, units: x.units, avgPrice: x.avgPrice, realized: x.realized, trades: brokerTrades, bid: x.bid ?? null, ask: x.ask ?? null,
    });
  }
  for (const [instrument, held] of trades) throw disagree(account, instrument, `broker ${held.units} units, portfolio none`);
  return {
    v: 1, broker: broker.name, account, takenAtMs: nowMs, lastTransactionId: b.book.lastTransactionId,
    realized: p.realized, realizedToday: p.realizedToday, dayStartMs: Number.isFinite(p.dayStartMs) ? p.dayStartMs : null,
    equityPeak: p.equityPeak ?? null, maxDrawdownPct: p.maxDrawdownPct ?? null, dayStartEquity: p.dayStartEquity ?? null, riskMarks, positions,
  };
}

function disagree(account: string, instrument: string, what: string): PipstreamError {
  return new PipstreamError('PS_BOOK_CHECKPOINT', `the books of ${account} ${instrument} disagree (${what}): not checkpointed`, { account, instrument });
}

/** Loads a checkpoint into the broker and the portfolio, neither of which has booked anything for its account. */
export function loadBookCheckpoint(cp: BookCheckpoint, broker: Broker, portfolio: Portfolio): void {
  const open = cp.positions.filter((x) => x.units !== 0);
  const book: BrokerBook = {
    lastTransactionId: cp.lastTransactionId,
    positions: open.map((x) => ({ instrument: x.instrument, units: x.units, avgPrice: x.avgPrice, trades: x.trades })),
  };
  const accountBook: AccountBook = {
    realized: cp.realized, realizedToday: cp.realizedToday, dayStartMs: cp.dayStartMs ?? NaN,
    equityPeak: cp.equityPeak ?? undefined, maxDrawdownPct: cp.maxDrawdownPct ?? undefined, dayStartEquity: cp.dayStartEquity ?? undefined,
    positions: cp.positions.map((x) => ({
      instrument: x.instrument, units: x.units, avgPrice: x.avgPrice, realized: x.realized, trades: x.trades.map((t) => t.units),
      tradeIds: x.trades.map((t) => t.signalId), ...(x.bid !== null && x.ask !== null ? { bid: x.bid, ask: x.ask } : {}),
    })),
  };
  // The parser checked the shape; each book also refuses an account it has booked for, which a rebuild that runs
  // first for the account never finds (a failure is a PS_BOOK_RESTORE of the account).
  portfolio.loadAccountBook(cp.account, accountBook);
  broker.loadBook!(cp.account, book);
}

export async function writeBookCheckpoint(redis: Redis, cp: BookCheckpoint): Promise<void> {
  try {
    await redis.set(bookCheckpointKey(cp.broker, cp.account), JSON.stringify(cp));
  } catch (err) {
    throw new PipstreamError('PS_BOOK_CHECKPOINT', `the ${cp.broker} book of ${cp.account} could not be written to Redis: ${(err as Error)?.message}`,
      { account: cp.account }, { cause: err });
  }
}

/**
 * The account's checkpoint; null when it has none, or when what is stored is not one (reported to `onInvalid`:
 * the book is then rebuilt from the journal alone). Throws PS_BOOK_RESTORE when Redis cannot be read.
 */
export async function readBookCheckpoint(redis: Redis, broker: string, account: string,
  onInvalid: (err: PipstreamError) => void): Promise<BookCheckpoint | null> {
  const key = bookCheckpointKey(broker, account);
  let text: string | null;
  try {
    text = await redis.get(key);
  } catch (err) {
    throw new PipstreamError('PS_BOOK_RESTORE', `the ${broker} book checkpoint of ${account} could not be read from Redis: ${(err as Error)?.message}`,
      { account, key }, { cause: err });
  }
  if (text === null) return null;
  try {
    return parseBookCheckpoint(text, broker, account, key);
  } catch (err) {
    const e = err as PipstreamError;
    onInvalid(new PipstreamError('PS_BOOK_RESTORE', `${e.message}; the book is rebuilt from the journal alone`, e.details));
    return null;
  }
}

/** A checkpoint's JSON text, checked field by field; PS_BOOK_RESTORE names the first field that is wrong. */
export function parseBookCheckpoint(text: string, broker: string, account: string, key = bookCheckpointKey(broker, account)): BookCheckpoint {
  const bad = (path: string, why: string) =>
    new PipstreamError('PS_BOOK_RESTORE', `the book checkpoint at ${key} is not valid: ${path} ${why}`, { account, key, path });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw bad('(document)', 'is not JSON');
  }
  const obj = (v: unknown, path: string): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad(path, 'must be an object');
    return v as Record<string, unknown>;
  };
  const num = (v: unknown, path: string, ok: (x: number) => boolean = Number.isFinite): number => {
    if (typeof v !== 'number' || !ok(v)) throw bad(path, `must be a ${ok === Number.isFinite ? 'finite number' : 'valid number'}, not ${JSON.stringify(v)}`);
    return v;
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v !== 'string' || v === '') throw bad(path, 'must be a non-empty string');
    return v;
  };
  const flag = (v: unknown, path: string): boolean => {
    if (v !== undefined && typeof v !== 'boolean') throw bad(path, 'must be true or false');
    return v === true;
  };
  // Fields the first checkpoints did not have: absent or null is "not recorded".
  const optional = (v: unknown, path: string): number | null => (v === undefined || v === null ? null : num(v, path));
  const level = (v: unknown, path: string): number | null => (v === null ? null : num(v, path, (x) => x > 0 && Number.isFinite(x)));
  const arr = (v: unknown, path: string): unknown[] => {
    if (!Array.isArray(v)) throw bad(path, 'must be an array');
    return v;
  };
  const d = obj(doc, '(document)');
  if (d.v !== 1) throw bad('v', `must be 1, not ${JSON.stringify(d.v)}`);
  if (d.broker !== broker) throw bad('broker', `must be ${JSON.stringify(broker)}, not ${JSON.stringify(d.broker)}`);
  if (d.account !== account) throw bad('account', `must be ${JSON.stringify(account)}, not ${JSON.stringify(d.account)}`);
  const positions = arr(d.positions, 'positions').map((v, i) => {
    const x = obj(v, `positions[${i}]`);
    const units = num(x.units, `positions[${i}].units`, Number.isSafeInteger);
    const quote = (v: unknown, path: string) => (v === undefined || v === null ? null : num(v, path, (q) => q > 0 && Number.isFinite(q)));
    return {
      bid: quote(x.bid, `positions[${i}].bid`), ask: quote(x.ask, `positions[${i}].ask`),
      instrument: str(x.instrument, `positions[${i}].instrument`), units,
      avgPrice: num(x.avgPrice, `positions[${i}].avgPrice`, (a) => Number.isFinite(a) && (units === 0 ? a === 0 : a > 0)),
      realized: num(x.realized, `positions[${i}].realized`),
      trades: arr(x.trades, `positions[${i}].trades`).map((w, j) => {
        const t = obj(w, `positions[${i}].trades[${j}]`), at = `positions[${i}].trades[${j}]`;
        return {
          units: num(t.units, `${at}.units`, (u) => Number.isSafeInteger(u) && u !== 0 && (u > 0) === (units > 0)),
          stopLoss: level(t.stopLoss, `${at}.stopLoss`), takeProfit: level(t.takeProfit, `${at}.takeProfit`),
          orderId: str(t.orderId, `${at}.orderId`), signalId: str(t.signalId, `${at}.signalId`), openedMs: num(t.openedMs, `${at}.openedMs`),
        };
      }),
    };
  });
  for (const [i, x] of positions.entries()) {
    if (!tradesMakeUp(x.units, x.trades.map((t) => t.units))) throw bad(`positions[${i}].trades`, `do not add up to ${x.units} units`);
  }
  if (new Set(positions.map((x) => x.instrument)).size !== positions.length) throw bad('positions', 'name an instrument twice');
  return {
    v: 1, broker, account, takenAtMs: num(d.takenAtMs, 'takenAtMs'),
    lastTransactionId: num(d.lastTransactionId, 'lastTransactionId', (x) => Number.isSafeInteger(x) && x >= 0),
    realized: num(d.realized, 'realized'), realizedToday: num(d.realizedToday, 'realizedToday'),
    dayStartMs: d.dayStartMs === null ? null : num(d.dayStartMs, 'dayStartMs'),
    equityPeak: optional(d.equityPeak, 'equityPeak'), maxDrawdownPct: optional(d.maxDrawdownPct, 'maxDrawdownPct'),
    dayStartEquity: optional(d.dayStartEquity, 'dayStartEquity'), riskMarks: d.riskMarks === undefined || d.riskMarks === null ? null : {
      equityPeak: num(obj(d.riskMarks, 'riskMarks').equityPeak, 'riskMarks.equityPeak'),
      unrealizedDayStart: num((d.riskMarks as Record<string, unknown>).unrealizedDayStart, 'riskMarks.unrealizedDayStart'),
      manualHalt: flag((d.riskMarks as Record<string, unknown>).manualHalt, 'riskMarks.manualHalt'),
    },
    positions,
  };
}
