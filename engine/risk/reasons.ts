/** Risk reason codes: stable strings, journaled and returned to users; never rename one. */
export const RiskReason = {
  INSTRUMENT_NOT_ALLOWED: 'INSTRUMENT_NOT_ALLOWED',
  /** Crossed quote (ask < bid): accepted for prices, never tradeable. */
  NOT_TRADEABLE: 'NOT_TRADEABLE',
  MAX_ORDER_UNITS: 'MAX_ORDER_UNITS',
  MAX_SPREAD: 'MAX_SPREAD',
  MAX_POSITION: 'MAX_POSITION',
  MAX_OPEN_TRADES: 'MAX_OPEN_TRADES',
  DAILY_LOSS: 'DAILY_LOSS',
  MAX_DRAWDOWN: 'MAX_DRAWDOWN',
  ORDER_RATE: 'ORDER_RATE',
  /** An operator or broker reconciliation halted the account; `value` holds the RiskHalt bits set. */
  ACCOUNT_HALTED: 'ACCOUNT_HALTED',
  /** The signal reached execution later than max_signal_age_ms after it was made; `value` is its age (ms). */
  SIGNAL_STALE: 'SIGNAL_STALE',
  /**
   * The order's time in force ran out before execution decided on it (a manual order's `expiry_s`: say, no
   * node served the account meanwhile); `limit` is the time in force and `value` the order's age, ms.
   */
  ORDER_EXPIRED: 'ORDER_EXPIRED',
} as const;

export type RiskReason = (typeof RiskReason)[keyof typeof RiskReason];

/** Every reason code in a fixed order: a reason crosses shared memory as its index here. */
export const RISK_REASON_CODES: readonly RiskReason[] = Object.values(RiskReason);

/**
 * Outcome of a check, reused across calls so that checking allocates nothing.
 * On rejection `reason` is set and `limit`/`value` say which limit and what the order would have made
 * of it (NaN where no number applies, e.g. the whitelist).
 */
export class RiskVerdict {
  reason: RiskReason | null = null;
  limit = NaN;
  value = NaN;

  get ok(): boolean { return this.reason === null; }

  /** Clears the verdict; returns true so `return out.pass()` reads naturally. */
  pass(): true {
    this.reason = null;
    this.limit = NaN;
    this.value = NaN;
    return true;
  }

  reject(reason: RiskReason, limit: number, value: number): false {
    this.reason = reason;
    this.limit = limit;
    this.value = value;
    return false;
  }

  /** A plain copy for journaling. */
  toJSON(): { reason: RiskReason | null; limit: number | null; value: number | null } {
    return { reason: this.reason, limit: nanToNull(this.limit), value: nanToNull(this.value) };
  }
}

const nanToNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
