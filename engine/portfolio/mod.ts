/** portfolio: the public face (DESIGN.md §14). Netting positions, P&L, equity, drawdown, trading day. */
export { Portfolio, tradesMakeUp } from './portfolio.ts';
export type { AccountBook, AccountSnapshot, PortfolioOptions, PositionSnapshot } from './portfolio.ts';
export { TradingDayClock } from './trading-day.ts';
export type { TradingDayOptions } from './trading-day.ts';
export { adoptHoldings, bookFill, markRisk } from './book-fill.ts';
