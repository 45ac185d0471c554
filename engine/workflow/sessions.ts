/**
 * Trading sessions as local business hours of each centre, with daylight saving resolved at set-up time
 * into UTC offset tables (from the runtime's IANA tz data via Intl) so the per-tick check is a binary
 * search over numbers. Tables cover 1995..2100; outside that range the nearest known offset applies.
 */
import type { SessionName } from './types.ts';

export interface SessionDef { zone: string; openMin: number; closeMin: number }

export const SESSIONS: Readonly<Record<SessionName, SessionDef>> = {
  london: { zone: 'Europe/London', openMin: 8 * 60, closeMin: 17 * 60 },
  new_york: { zone: 'America/New_York', openMin: 8 * 60, closeMin: 17 * 60 },
  tokyo: { zone: 'Asia/Tokyo', openMin: 9 * 60, closeMin: 18 * 60 },
  sydney: { zone: 'Australia/Sydney', openMin: 8 * 60, closeMin: 17 * 60 },
};

const FIRST_MS = Date.UTC(1995, 0, 1);
const LAST_MS = Date.UTC(2101, 0, 1);
const STEP_MIN = 14 * 24 * 60;
const tables = new Map<string, number[]>();

const OFFSET = /GMT(?:([+-])(\d\d):(\d\d))?$/;

function offsetMs(fmt: Intl.DateTimeFormat, t: number): number {
  const m = OFFSET.exec(fmt.format(t));
  if (m === null || m[1] === undefined) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}

/**
 * Pairs [fromUtcMs, offsetMs, ...] sorted by time: the offset in force from fromUtcMs until the next pair.
 * The first pair starts at -8.64e15 (the earliest Date) so every time finds an entry.
 */
export function zoneTable(zone: string): readonly number[] {
  const cached = tables.get(zone);
  if (cached !== undefined) return cached;
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const at = (minute: number): number => offsetMs(fmt, minute * 60_000);
  const out = [-8.64e15, at(FIRST_MS / 60_000)];
  // Offsets change at most a few times a year: sample fortnightly, then bisect to the exact minute.
  for (let m = FIRST_MS / 60_000; m < LAST_MS / 60_000; m += STEP_MIN) {
    let lo = m, hi = m + STEP_MIN;
    const before = at(lo);
    if (at(hi) === before) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (at(mid) === before) lo = mid; else hi = mid;
    }
    out.push(hi * 60_000, at(hi));
  }
  tables.set(zone, out);
  return out;
}
