import { PipstreamError } from '../errors/mod.ts';

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): no Date objects on parse paths. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const MIN_MS = 60_000;
/** Table range; outside it the nearest known offset applies. */
const FIRST_MS = Date.UTC(1970, 0, 1);
const LAST_MS = Date.UTC(2101, 0, 1);
/** Offsets change at most a few times a year: sample fortnightly, then bisect to the exact minute. */
const STEP_MIN = 14 * 24 * 60;
/** The earliest time a Date can hold: the first pair starts there so every time finds an entry. */
const EARLIEST_MS = -8.64e15;
const OFFSET = /GMT(?:([+-])(\d\d):(\d\d))?$/;
const tables = new Map<string, Float64Array>();

/**
 * A zone's UTC offsets as pairs [fromUtcMs, offsetMs, ...] sorted by time (the offset in force from
 * fromUtcMs until the next pair), built once per zone from the runtime's IANA data (Intl) so that
 * per-event code resolves daylight saving with a binary search over numbers.
 */
export function zoneOffsetTable(zone: string): Float64Array {
  const cached = tables.get(zone);
  if (cached !== undefined) return cached;
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  } catch (err) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `"${zone}" is not an IANA time zone`, { zone }, { cause: err });
  }
  const at = (minute: number): number => {
    const m = OFFSET.exec(fmt.format(minute * MIN_MS));
    if (m === null || m[1] === undefined) return 0;
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * MIN_MS;
  };
  const out = [EARLIEST_MS, at(FIRST_MS / MIN_MS)];
  for (let m = FIRST_MS / MIN_MS; m < LAST_MS / MIN_MS; m += STEP_MIN) {
    let lo = m, hi = m + STEP_MIN;
    const before = at(lo);
    if (at(hi) === before) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (at(mid) === before) lo = mid; else hi = mid;
    }
    out.push(hi * MIN_MS, at(hi));
  }
  const table = Float64Array.from(out);
  tables.set(zone, table);
  return table;
}
