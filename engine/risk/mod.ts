/** Risk (DESIGN §7): limits documents, instrument-level checks and the per-account shared budget. */
export { limitsSchema, limitsIssues, validateLimits, loadLimitsFile, MAX_ORDERS_PER_MINUTE, MAX_MONEY, MAX_SIGNAL_AGE_MS } from './limits.ts';
export type { RiskLimits, LimitsIssue } from './limits.ts';
export { RiskReason, RiskVerdict, RISK_REASON_CODES } from './reasons.ts';
export { instrumentChecks, checkInstrumentOrder, checkSignalAge } from './checks.ts';
export type { InstrumentChecks } from './checks.ts';
export {
  AccountRisk, Reservation, createAccountRisk, attachAccountRisk, ensureInstrumentSlot, applyLimits, haltTrading, resumeTrading, reserve, commit, release,
  applyBrokerFill, adoptPosition, adoptOpenTrades, adoptRealizedToday, adoptRiskMarks, riskMarksOf, closeTrades, recordRealized, markUnrealized, markEquity, resetTradingDay, clearDrawdownHalt, dailyLoss, drawdownPct, readRiskState,
} from './budget.ts';
export type { AccountRiskMemory, AccountRiskState, AppliedLimits, InstrumentRiskState, RiskMarks } from './budget.ts';
export { RATE_WINDOW_MS, MICROS_PER_UNIT, RiskHalt } from './layout.ts';
export { loadLimits, saveLimits, listLimits, watchLimits, RISK_LIMITS_CHANNEL } from './limits-store.ts';
export type { StoredLimits, LimitsWatch, WatchLimitsOptions } from './limits-store.ts';
