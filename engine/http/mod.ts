import { PipstreamError } from '../errors/mod.ts';

/** A positive numeric option, or the fallback when absent (PS_BAD_ARGUMENT otherwise). */
export function positiveOption(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `${name} must be a positive number`, { [name]: value });
  }
  return value;
}

/** Retry-After as delta-seconds or HTTP-date, in ms; -1 when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined): number {
  const v = Array.isArray(header) ? header[0] : header;
  if (v === undefined || v === '') return -1;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? -1 : Math.max(0, at - Date.now());
}
