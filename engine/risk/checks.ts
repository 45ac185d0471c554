/** Instrument-level checks: pure, allocation-free, run in the instrument actor before any budget is reserved. */
import { pipSize } from '../instruments/mod.ts';
import type { RiskLimits } from './limits.ts';
import { RiskReason, type RiskVerdict } from './reasons.ts';

/** Limits of one instrument, decided once at set-up time. */
export interface InstrumentChecks {
  readonly instrument: string;
  readonly allowed: boolean;
  readonly maxOrderUnits: number;
  readonly maxSpreadPips: number;
  readonly pipSize: number;
}

/** Spread in pips is a quotient of floats: tolerate rounding so a spread of exactly the limit passes. */
const PIP_EPSILON = 1e-9;

export function instrumentChecks(limits: RiskLimits, instrument: string): InstrumentChecks {
  return {
    instrument,
    allowed: limits.instruments === undefined || limits.instruments.includes(instrument),
    maxOrderUnits: limits.max_order_units ?? Infinity,
    maxSpreadPips: limits.max_spread_pips ?? Infinity,
    pipSize: pipSize(instrument),
  };
}

/** Whitelist, tradeable quote (ask >= bid), max order units, max spread. `units` is signed. */
export function checkInstrumentOrder(c: InstrumentChecks, bid: number, ask: number, units: number, out: RiskVerdict): boolean {
  if (!c.allowed) return out.reject(RiskReason.INSTRUMENT_NOT_ALLOWED, NaN, NaN);
  if (ask < bid) return out.reject(RiskReason.NOT_TRADEABLE, 0, (ask - bid) / c.pipSize);
  const size = units < 0 ? -units : units;
  if (size > c.maxOrderUnits) return out.reject(RiskReason.MAX_ORDER_UNITS, c.maxOrderUnits, size);
  const spread = (ask - bid) / c.pipSize;
  if (spread > c.maxSpreadPips + PIP_EPSILON) return out.reject(RiskReason.MAX_SPREAD, c.maxSpreadPips, spread);
  return out.pass();
}
