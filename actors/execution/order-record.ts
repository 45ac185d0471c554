/**
 * The Redis order record of one signal (`pipstream:order:<signalId>`, JSON) and the ORDERS lifecycle
 * events it carries. The record is the idempotency key: whoever sets it first owns the order; every
 * later write is a compare-and-set against the value last written, so an actor whose claim was
 * taken over cannot overwrite the new owner's progress.
 */
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { OrderUpdateFields, RiskDecisionFields } from '../../engine/events/trade.ts';
import type { RiskReason } from '../../engine/risk/mod.ts';
import { type Redis, redisFailure } from '../../engine/store/mod.ts';
import type { RiskCheckResult } from '../../engine/supervisor/mod.ts';
import type { OrderOutcome, OrderSide } from './broker.ts';

export type LifecycleState = 'SUBMITTED' | 'FILLED' | 'REJECTED' | 'RISK_REJECTED';

export const SETTLED_STATES: ReadonlySet<LifecycleState> = new Set(['FILLED', 'REJECTED', 'RISK_REJECTED']);

/** What an order needs from a SIGNAL_AUTO_EXECUTE signal. */
export interface OrderSignal {
  id: string;
  account: string;
  instrument: string;
  side: OrderSide;
  units: number;
  timeMs: number;
  bid: number;
  ask: number;
  stopLossPips: number | null;
  takeProfitPips: number | null;
  workflowId: string;
  workflowVersion: number;
  /** The order id when it was fixed earlier (a confirmed order keeps its pending id); default orderIdFor(id, timeMs). */
  orderId?: string;
  /**
   * The instrument-level checks the instrument actor ran on the signal's tick (DESIGN §7); null or absent:
   * it ran none (no limits for the account there, a confirmed or manual order), and execution runs them.
   */
  instrumentRisk?: RiskCheckResult | null;
  /**
   * When the signal was made (wall clock, ms, as `wallMs()`): its journal envelope's ingest time, or the
   * node's clock when an instrument actor handed it over. The account's max_signal_age_ms is checked
   * against it; absent (a confirmed order, priced at the confirmation), the order has no signal age.
   */
  madeAtMs?: number;
  /**
   * The order's time in force (the signal's `expiry_s`, ms after timeMs): decided later, it is refused
   * ORDER_EXPIRED. Absent: none (a workflow's order is decided on its tick; max_signal_age_ms bounds its delay).
   */
  timeInForceMs?: number;
}

/** One ORDERS state change of an execution-owned order (journaled as protobuf, see engine/events/trade.ts). */
export type LifecycleEvent = OrderUpdateFields & { state: LifecycleState };

/** The risk decision as recorded (the rest of the RISK message comes from the signal). */
export interface RecordedRisk {
  approved: boolean;
  reason: RiskReason | null;
  limit: number | null;
  value: number | null;
  /** The limits in force, as JSON ('' without limits). */
  limitsJson: string;
}

/**
 * The Redis order record of one signal: small, because every step writes it. The journal messages are
 * rebuilt from it and the signal, which every caller of execute() has in hand. Which actor owns it is in
 * the stamp it is stored under (see encodeRecord).
 */
export interface OrderRecord {
  orderId: string;
  /** The first write is SUBMITTED (risk approved) or RISK_REJECTED: risk runs before the claim. */
  state: LifecycleState;
  /** When the owner last wrote it (wall clock ms: a lease, not engine time). */
  atMs: number;
  risk: RecordedRisk;
  /** The broker's answer (FILLED, REJECTED), else null. */
  outcome: OrderOutcome | null;
  /** True once every event is stored in the RISK and ORDERS streams. */
  journaled: boolean;
}

export const orderKey = (signalId: string): string => `pipstream:order:${signalId}`;

/**
 * One event with every field spelled out (no object spreads: this runs several times per order and
 * spread copies of a 24-field object showed up as a hot spot). Key order as the spread form had it:
 * the signal's fields, then `state`.
 */
function lifecycleEvent(
  rec: OrderRecord, s: OrderSignal, broker: string, state: LifecycleState, timeMs: number, price: number | null, reason: string | null,
  riskLimit: number | null, riskValue: number | null, stopLossPrice: number | null, takeProfitPrice: number | null, slippagePips: number | null,
  brokerTransactionId: string | null,
): LifecycleEvent {
  return {
    orderId: rec.orderId, signalId: s.id, account: s.account, instrument: s.instrument, side: s.side, units: s.units, broker,
    bid: s.bid, ask: s.ask, expiresMs: null, workflowId: s.workflowId, workflowVersion: s.workflowVersion, stopLossPips: s.stopLossPips,
    takeProfitPips: s.takeProfitPips, price, reason, riskLimit, riskValue, stopLossPrice, takeProfitPrice, slippagePips, brokerTransactionId,
    timeMs, state,
  };
}

/** The lifecycle events a record stands for: SUBMITTED and the outcome, or just RISK_REJECTED. */
export function lifecycleEvents(rec: OrderRecord, s: OrderSignal, broker: string): LifecycleEvent[] {
  if (rec.state === 'RISK_REJECTED') {
    return [lifecycleEvent(rec, s, broker, 'RISK_REJECTED', s.timeMs, null, rec.risk.reason, rec.risk.limit, rec.risk.value, null, null, null, null)];
  }
  const submitted = lifecycleEvent(rec, s, broker, 'SUBMITTED', s.timeMs, null, null, null, null, null, null, null, null);
  if (rec.outcome === null || rec.state === 'SUBMITTED') return [submitted];
  return [submitted, outcomeEvent(rec, s, broker)];
}

/** The event of a settled record's broker outcome (FILLED or REJECTED): what follows SUBMITTED. */
export function outcomeEvent(rec: OrderRecord, s: OrderSignal, broker: string): LifecycleEvent {
  const o = rec.outcome!;
  return lifecycleEvent(rec, s, broker, rec.state, o.timeMs, o.price, o.reason, null, null, o.stopLossPrice, o.takeProfitPrice, o.slippagePips,
    o.transactionId);
}

/** The RISK message of a record. */
export function riskDecision(rec: OrderRecord, s: OrderSignal): RiskDecisionFields {
  return {
    orderId: rec.orderId, signalId: s.id, account: s.account, instrument: s.instrument, approved: rec.risk.approved,
    reason: rec.risk.reason, limit: rec.risk.limit, value: rec.risk.value, side: s.side, units: s.units, timeMs: s.timeMs, bid: s.bid,
    ask: s.ask, limitsJson: rec.risk.limitsJson,
  };
}

/**
 * Stored as `<stamp>|5|<fields>`, '|'-separated in a fixed order with the limits document last (the one
 * field that may hold a '|'; in ASCII, see asciiJson); null is an empty field, a boolean 1 or 0. The stamp
 * (owner and a per-actor write counter) is what a compare-and-set compares, so a write sends the short
 * stamp, not the previous record. The outcome's signal id, account, instrument and side are the signal's,
 * and its id is left out when it is the order id (the paper broker's): the record went from ~600 bytes of
 * JSON (version 3) to ~150, written twice per order, and that was a fifth of the orders/s. Version 5 added
 * the outcome's broker transaction id (version 4 records read with none).
 */
export function encodeRecord(stamp: string, rec: OrderRecord): string {
  const r = rec.risk, o = rec.outcome;
  const outcome = o === null ? '|||||||||'
    : `${o.status}|${o.id === rec.orderId ? '' : o.id}|${num(o.units)}|${num(o.price)}|${o.reason ?? ''}|${num(o.timeMs)}|` +
      `${num(o.stopLossPrice)}|${num(o.takeProfitPrice)}|${num(o.slippagePips)}|${o.transactionId ?? ''}`;
  return `${stamp}|5|${rec.orderId}|${rec.state}|${rec.atMs}|${rec.journaled ? 1 : 0}|${r.approved ? 1 : 0}|${r.reason ?? ''}|${num(r.limit)}|` +
    `${num(r.value)}|${outcome}|${asciiJson(r.limitsJson)}`;
}

let lastJson = '';
let lastAscii = '';
/**
 * A JSON text with every non-ASCII character as its \\u escape (the same document): a record is then all
 * ASCII and newline-free (JSON.stringify writes no raw newline), so records go to Redis a line each.
 * The limits are the same text for every order until they change: escaped once.
 */
function asciiJson(json: string): string {
  if (json !== lastJson) {
    lastJson = json;
    lastAscii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return lastAscii;
}

/** As JSON would keep a number: non-finite (and null) as null, which is an empty field. */
const num = (x: number | null): string => (x === null || !Number.isFinite(x) ? '' : String(x));
const numOf = (f: string): number | null => (f === '' ? null : Number(f));

/** Fields of a record after the stamp by version, the limits document (which may hold '|') not counted. */
const FIELDS: Readonly<Record<string, number>> = { 4: 19, 5: 20 };

/** The limits document as it was given (JSON.stringify's text) from its ASCII form. */
const limitsOf = (ascii: string): string => (ascii.includes('\\u') ? JSON.stringify(JSON.parse(ascii)) : ascii);

/** The actor that wrote a record last: its stamp is `<owner>.<counter>`. */
export const ownerOf = (stamp: string): string => stamp.slice(0, stamp.lastIndexOf('.'));

/**
 * A record as encodeRecord wrote it, or as versions 4 and 3 did (3: JSON after the stamp), so an upgraded actor takes
 * over what an earlier build left behind.
 */
export function decodeRecord(raw: string, key: string, signal: OrderSignal): { stamp: string; rec: OrderRecord } {
  const bar = raw.indexOf('|');
  const stamp = raw.slice(0, bar);
  const f = raw.split('|');
  const fields = FIELDS[f[1]!];
  if (bar > 0 && fields !== undefined && f.length >= fields + 1 && STATES.has(f[3]!)) {
    const status = f[10]!;
    const outcome: OrderOutcome | null = status === '' ? null : {
      id: f[11] === '' ? f[2]! : f[11]!, signalId: signal.id, account: signal.account, instrument: signal.instrument, side: signal.side,
      units: numOf(f[12]!)!, status: status as OrderOutcome['status'], price: numOf(f[13]!), reason: (f[14] || null) as OrderOutcome['reason'],
      timeMs: numOf(f[15]!)!, stopLossPrice: numOf(f[16]!), takeProfitPrice: numOf(f[17]!), slippagePips: numOf(f[18]!)!,
      transactionId: fields > 19 && f[19] !== '' ? f[19]! : null,
    };
    const rec: OrderRecord = {
      orderId: f[2]!, state: f[3] as LifecycleState, atMs: Number(f[4]),
      risk: { approved: f[6] === '1', reason: (f[7] || null) as RecordedRisk['reason'], limit: numOf(f[8]!), value: numOf(f[9]!),
        limitsJson: limitsOf(f.slice(fields).join('|')) },
      outcome, journaled: f[5] === '1',
    };
    return { stamp, rec };
  }
  try {
    const rec = JSON.parse(raw.slice(bar + 1)) as OrderRecord & { v: unknown };
    if (bar > 0 && rec.v === 3 && typeof rec.orderId === 'string' && STATES.has(rec.state)) {
      const outcome = rec.outcome === null ? null : { ...rec.outcome, transactionId: rec.outcome.transactionId ?? null };
      return { stamp, rec: { orderId: rec.orderId, state: rec.state, atMs: rec.atMs, risk: rec.risk, outcome, journaled: rec.journaled } };
    }
  } catch { /* reported below */ }
  throw new PipstreamError('PS_ORDER_CLAIM_LOST', `${key} holds no order record this build can read`, { key });
}

const STATES: ReadonlySet<string> = new Set<LifecycleState>(['SUBMITTED', 'FILLED', 'REJECTED', 'RISK_REJECTED']);

/** ARGV[n] split at its newlines (records and stamps hold none: see encodeRecord). */
const SPLIT = `local function lines(s)
  local out = {}
  for v in string.gmatch(s, '[^\\n]+') do out[#out + 1] = v end
  return out
end
`;

/** SET NX of each key (ARGV[1] the TTL, line i of ARGV[2] the value of KEYS[i]): 1 where it was set, 0 where a record was there. */
const CLAIM = `${SPLIT}local values = lines(ARGV[2])
local out = {}
for i = 1, #KEYS do
  out[i] = redis.call('SET', KEYS[i], values[i], 'PX', ARGV[1], 'NX') and 1 or 0
end
return out`;

/**
 * Compare-and-set of each key (ARGV[1] the TTL, line i of ARGV[2] the stamp KEYS[i] must carry, line i of
 * ARGV[3] its new value): 1 where it was written, 0 where another writer's stamp was there (or nothing).
 */
const CAS = `${SPLIT}local stamps, values = lines(ARGV[2]), lines(ARGV[3])
local out = {}
for i = 1, #KEYS do
  local cur = redis.call('GET', KEYS[i])
  local stamp = stamps[i]
  if cur and string.sub(cur, 1, #stamp + 1) == stamp .. '|' then
    redis.call('SET', KEYS[i], values[i], 'PX', ARGV[1])
    out[i] = 1
  else
    out[i] = 0
  end
end
return out`;

type ScriptRedis = Redis & {
  psClaimRecords(numKeys: number, ...args: string[]): Promise<number[]>;
  psCasRecords(numKeys: number, ...args: string[]): Promise<number[]>;
};

/** Keys per script call: a call runs alone on the server, so a very large wave goes in slices. */
const SLICE = 1000;

/**
 * The record writes of an execution actor, a wave at a time: the claims (SET NX) of a wave of orders go to
 * Redis as one script call, their compare-and-sets as another (in slices of 1000 keys), answered key by
 * key. ioredis alone costs ~20 µs of CPU per command here; a wave of a thousand orders now costs two.
 * Each write is still atomic on its own key.
 */
export class RecordWrites {
  readonly #redis: ScriptRedis;
  readonly #ttl: string;

  constructor(redis: Redis, ttlMs: number) {
    const r = redis as ScriptRedis;
    if (typeof r.psClaimRecords !== 'function') {
      redis.defineCommand('psClaimRecords', { lua: CLAIM });
      redis.defineCommand('psCasRecords', { lua: CAS });
    }
    this.#redis = r;
    this.#ttl = String(ttlMs);
  }

  /** SET NX PX of each key to its value: true where this call created the record. */
  claim(keys: readonly string[], values: readonly string[]): Promise<boolean[]> {
    return this.#call(keys, [values], (n, args) => this.#redis.psClaimRecords(n, ...args));
  }

  /**
   * Writes each key's next value over its record only while that still carries the key's stamp (see
   * encodeRecord): true where written.
   */
  compareAndSet(keys: readonly string[], stamps: readonly string[], values: readonly string[]): Promise<boolean[]> {
    return this.#call(keys, [stamps, values], (n, args) => this.#redis.psCasRecords(n, ...args));
  }

  /**
   * KEYS are the keys, ARGV the TTL then each column as one argument, a line per key: ioredis's cost is per
   * argument (~1 µs each here), and the values of a wave are a few hundred.
   */
  async #call(keys: readonly string[], columns: ReadonlyArray<readonly string[]>, script: (numKeys: number, args: string[]) => Promise<number[]>):
    Promise<boolean[]> {
    const slices: Array<Promise<number[]>> = [];
    for (let from = 0; from < keys.length; from += SLICE) {
      const to = Math.min(keys.length, from + SLICE);
      const whole = from === 0 && to === keys.length;
      const args: string[] = whole ? keys.slice() : keys.slice(from, to);
      args.push(this.#ttl);
      for (const c of columns) args.push((whole ? c : c.slice(from, to)).join('\n'));
      slices.push(script(to - from, args));
    }
    let answers: number[][];
    try {
      answers = await Promise.all(slices);
    } catch (err) {
      throw redisFailure(err, `order records of ${keys.length} signal(s) not written (they run again on redelivery)`);
    }
    const out: boolean[] = [];
    for (const written of answers) for (const w of written) out.push(w === 1);
    return out;
  }
}
