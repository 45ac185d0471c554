/** Risk limits document (DESIGN "Contracts": the limits file and the REST resource): schema, validation, loading. */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { PipstreamError } from '../errors/mod.ts';

/** Every key optional; an absent key means no such limit. Money in account currency, spread in pips. */
export interface RiskLimits {
  account?: string;
  instruments?: string[];
  max_order_units?: number;
  max_position_units?: number;
  max_open_trades?: number;
  max_daily_loss?: number;
  max_drawdown_pct?: number;
  max_spread_pips?: number;
  max_orders_per_minute?: number;
  /**
   * An auto-executed order is refused (SIGNAL_STALE) when execution decides on it more than this many ms
   * (wall clock) after its signal was made: a signal delayed by an outage (Redis, the broker, a restart)
   * must not trade on a market that has moved on. A confirmed order has no signal age (it is priced at the
   * confirmation); a manual order's is from when the gateway journaled it, and it has a time in force too (ORDER_EXPIRED).
   */
  max_signal_age_ms?: number;
}

export interface LimitsIssue { path: string; message: string }

const INT32_MAX = 2147483647;
/** Largest order rate; bounds the per-account rate ring (see layout.ts). */
export const MAX_ORDERS_PER_MINUTE = 10000;
/** Largest signal age limit: an hour. */
export const MAX_SIGNAL_AGE_MS = 3_600_000;
/** Largest money limit: times 1e6 (micro-units) it stays a safe integer. */
export const MAX_MONEY = 9e9;

export const limitsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://pipstream.dev/schemas/risk-limits.json',
  title: 'pipstream risk limits',
  type: 'object',
  additionalProperties: false,
  properties: {
    account: { type: 'string', minLength: 1, maxLength: 128 },
    instruments: { type: 'array', uniqueItems: true, items: { type: 'string', pattern: '^[A-Z][A-Z0-9]{1,9}_[A-Z]{3}$' } },
    // Units live in Int32 counters.
    max_order_units: { type: 'integer', minimum: 1, maximum: INT32_MAX },
    max_position_units: { type: 'integer', minimum: 0, maximum: INT32_MAX },
    max_open_trades: { type: 'integer', minimum: 0, maximum: INT32_MAX },
    max_daily_loss: { type: 'number', minimum: 0, maximum: MAX_MONEY },
    max_drawdown_pct: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
    max_spread_pips: { type: 'number', minimum: 0 },
    max_orders_per_minute: { type: 'integer', minimum: 1, maximum: MAX_ORDERS_PER_MINUTE },
    max_signal_age_ms: { type: 'integer', minimum: 1, maximum: MAX_SIGNAL_AGE_MS },
  },
} as const;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemaValidate = ajv.compile(limitsSchema);

const ptr = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function fromAjv(e: ErrorObject): LimitsIssue {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'additionalProperties') return { path: `${e.instancePath}/${ptr(p.additionalProperty as string)}`, message: 'is not an allowed property' };
  return { path: e.instancePath, message: e.message ?? e.keyword };
}

/** All problems of a limits document (empty = valid), with JSON-pointer paths. */
export function limitsIssues(doc: unknown): LimitsIssue[] {
  if (schemaValidate(doc)) return [];
  return (schemaValidate.errors ?? []).map(fromAjv);
}

/** Validate a limits document; throws PipstreamError('PS_RISK_LIMITS_INVALID', msg, { errors }). */
export function validateLimits(doc: unknown, details: Record<string, unknown> = {}): RiskLimits {
  const errors = limitsIssues(doc);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new PipstreamError('PS_RISK_LIMITS_INVALID', `invalid risk limits: ${errors[0].path || '/'}: ${errors[0].message}${more}`, { ...details, errors });
  }
  return doc as RiskLimits;
}

/** Read and validate a limits JSON file. Unreadable or non-JSON files are PS_RISK_LIMITS_INVALID too (path ''). */
export function loadLimitsFile(path: string): RiskLimits {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new PipstreamError('PS_RISK_LIMITS_INVALID', `cannot read risk limits ${path}: ${message}`,
      { file: path, errors: [{ path: '', message }] }, { cause });
  }
  return validateLimits(doc, { file: path });
}
