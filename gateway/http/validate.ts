/**
 * Input validation for the gateway: every request body, path parameter and WebSocket message is checked
 * against a JSON Schema (the same schemas the OpenAPI document shows), compiled once at start-up.
 * Failures are PS_BAD_REQUEST with JSON-pointer paths.
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { PipstreamError } from '../../engine/errors/mod.ts';

export type JsonSchema = Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: false });

function issue(e: ErrorObject): { path: string; message: string } {
  const extra = e.keyword === 'additionalProperties' ? `/${String((e.params as { additionalProperty: string }).additionalProperty)}` : '';
  const missing = e.keyword === 'required' ? `/${String((e.params as { missingProperty: string }).missingProperty)}` : '';
  return { path: (e.instancePath + extra + missing) || '/', message: e.keyword === 'additionalProperties' ? 'unknown property' : e.message ?? 'invalid' };
}

/** A validator that returns its input typed as T or throws PS_BAD_REQUEST naming `what`. */
export function validator<T>(schema: JsonSchema, what: string): (value: unknown) => T {
  const check = ajv.compile(schema);
  return (value: unknown): T => {
    if (check(value)) return value as T;
    const errors = (check.errors ?? []).map(issue);
    throw new PipstreamError('PS_BAD_REQUEST', `invalid ${what}: ${errors[0].path}: ${errors[0].message}`, { errors });
  };
}

// Shared pieces of schemas. Account and instrument names end up in NATS subjects: no dots or wildcards.
export const S = {
  email: { type: 'string', pattern: '^[^@\\s]{1,64}@[^@\\s]{1,190}$', maxLength: 254 },
  password: { type: 'string', minLength: 10, maxLength: 200 },
  account: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  instrument: { type: 'string', pattern: '^[A-Z]{3}_[A-Z]{3}$' },
  uuid: { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' },
  workflowId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
  name: { type: 'string', minLength: 1, maxLength: 100 },
} as const;
