/**
 * A fill booked on both books the trade path keeps (DESIGN.md §7): the netting portfolio and, when the
 * account has one, its shared-memory risk budget. Used by the live trade path and by replay, so a backtest
 * books exactly as live does.
 */
import { type AccountRisk, adoptOpenTrades, adoptPosition, adoptRealizedToday, closeTrades, ensureInstrumentSlot, markEquity, markUnrealized, recordRealized } from '../risk/mod.ts';
import type { Portfolio } from './portfolio.ts';

/** The budget's loss figures follow the portfolio's marks (daily loss counts unrealized P&L; drawdown, equity). */
export function markRisk(p: Portfolio, account: number, risk: AccountRisk): void {
  markUnrealized(risk, p.unrealized(account));
  markEquity(risk, p.equity(account));
}

/**
 * Applies a fill of `signedUnits` at `price` to `position` and books it on `risk`: the realized P&L, the
 * trades it closes, and the new marks. The fill's reservation (committed by the caller) holds one trade
 * slot; netting then closes the position's trades the fill ended (a reducing fill: itself and the oldest;
 * a flat position: itself and every one; a flip: the old ones, its own stays open). Trades of orders still
 * in flight are never touched. A fill the broker made on its own (`reserved` false: a stop-loss, booked on
 * the budget by applyBrokerFill) holds no slot and closes the trades it ended. `opens` and `closes`: see
 * Portfolio.applyFill. Returns the realized P&L.
 */
export function bookFill(p: Portfolio, position: number, signedUnits: number, price: number, timeMs: number, risk: AccountRisk | null,
  reserved = true, opens = '', closes = ''): number {
  const tradesBefore = p.trades(position);
  const realized = p.applyFill(position, signedUnits, price, timeMs, opens, closes);
  if (risk === null) return realized;
  if (realized !== 0) recordRealized(risk, realized);
  const closed = tradesBefore + (reserved ? 1 : 0) - p.trades(position);
  if (closed > 0) closeTrades(risk, closed);
  markRisk(p, p.accountOf(position), risk);
  return realized;
}

/**
 * The budget takes what the portfolio holds for `account` where the budget did not book it: positions held
 * before the account had a budget, or adopted from the broker (or rebuilt from the journal). Every position,
 * the open trade count (unless a reservation is pending: see adoptOpenTrades), today's realized P&L (a daily
 * loss limit counts the whole trading day), then the marks. Returns the instruments held (not flat).
 */
export function adoptHoldings(p: Portfolio, account: string, risk: AccountRisk): string[] {
  const held = p.positionsOf(account);
  if (held.length === 0) {
    adoptOpenTrades(risk, 0);
    return [];
  }
  adoptRealizedToday(risk, p.realizedToday(p.account(account)));
  let trades = 0;
  const instruments: string[] = [];
  for (const h of held) {
    const position = p.position(account, h.instrument);
    trades += p.trades(position);
    const slot = ensureInstrumentSlot(risk, h.instrument);
    // No free slot: orders there are refused (INSTRUMENT_NOT_ALLOWED), so there is no room to keep.
    if (slot >= 0) adoptPosition(risk, slot, h.units);
    if (h.units !== 0) instruments.push(h.instrument);
  }
  adoptOpenTrades(risk, trades);
  markRisk(p, p.account(account), risk);
  return instruments;
}
