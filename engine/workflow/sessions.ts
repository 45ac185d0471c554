/**
 * Trading sessions as local business hours of each centre, with daylight saving resolved at set-up time
 * into UTC offset tables (from the runtime's IANA tz data via Intl) so the per-tick check is a binary
 * search over numbers (engine/time zoneOffsetTable: 1970..2100, the nearest known offset outside).
 */
import type { SessionName } from './types.ts';

export interface SessionDef { zone: string; openMin: number; closeMin: number }

export const SESSIONS: Readonly<Record<SessionName, SessionDef>> = {
  london: { zone: 'Europe/London', openMin: 8 * 60, closeMin: 17 * 60 },
  new_york: { zone: 'America/New_York', openMin: 8 * 60, closeMin: 17 * 60 },
  tokyo: { zone: 'Asia/Tokyo', openMin: 9 * 60, closeMin: 18 * 60 },
  sydney: { zone: 'Australia/Sydney', openMin: 8 * 60, closeMin: 17 * 60 },
};

