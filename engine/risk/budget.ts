/**
 * Portfolio-level risk budget in per-account shared memory (DESIGN §5, §7).
 *
 * reserve() takes position units, an open-trade slot and an order-rate token with compare-exchange
 * loops, all or nothing: a later step that fails undoes the earlier ones, and undoing only ever lowers
 * a counter, so no racing thread can push any counter past its limit. commit()/release() settle a
 * reservation once the outcome is known; they too only lower bounded counters.
 *
 * The limits are words of the same memory (applyLimits()), so a change reaches every attached thread at
 * once and keeps every counter. A reservation is checked against one limits version and stands only if
 * that version, and no halt, was still in force once its position and trade counters were taken;
 * otherwise it is undone and retried. Lowering a limit below the current usage thus keeps what is open
 * and rejects whatever would grow it.
 */
import { PipstreamError } from '../errors/mod.ts';
import { assertInstrumentName } from '../instruments/mod.ts';
import {
  DEFAULT_SLOT_CAPACITY, InstrumentWord, LimitBit, LimitWord, MICROS_PER_UNIT, MoneyWord, NAME_WORDS, RATE_CAPACITY, RATE_WINDOW_MS, RISK_LAYOUT_MAGIC,
  RiskHalt, RiskWord, riskLayout,
} from './layout.ts';
import { validateLimits, type RiskLimits } from './limits.ts';
import { limitMicros, readLimitF, readLimitWords, stableLimitsSeq, writeLimitWords, type LimitWords } from './live-limits.ts';
import { RiskReason, RiskVerdict } from './reasons.ts';

const INT32_MAX = 2147483647;
const RATE_MASK = RATE_CAPACITY - 1;
/** Rate-ring attempts before giving up (a claimer stalled between its claim and its write). */
const RATE_ATTEMPTS = 4096;
const RATE_SPINS_BEFORE_WAIT = 64;
/** Halts set and cleared by people or reconciliation, as opposed to the loss latches. */
const OPERATOR_HALTS = RiskHalt.MANUAL | RiskHalt.RECONCILIATION;

/** What crosses threads: post it to a worker and attachAccountRisk() it there. The limits are inside the buffer. */
export interface AccountRiskMemory {
  buffer: SharedArrayBuffer;
  /** How many instrument slots the memory has; their names are in the memory (AccountRisk.instruments). */
  capacity: number;
  /** The account the memory belongs to, when the limits it was created with named one; applyLimits() refuses another. */
  account?: string;
}

/** One thread's view of an account's risk memory. Holds no limits of its own: they are read from the memory. */
export class AccountRisk implements LimitWords {
  readonly memory: AccountRiskMemory;
  readonly money: BigInt64Array;
  readonly limitF: Float64Array;
  readonly rateTs: Float64Array;
  readonly header: Int32Array;
  readonly slots: Int32Array;
  readonly rateSeq: Int32Array;
  readonly names: Int32Array;
  /** This thread's copy of the named slots, read from the memory when a name is not found in it. */
  readonly #slotOf = new Map<string, number>();
  readonly #named: string[] = [];

  constructor(memory: AccountRiskMemory) {
    const layout = riskLayout(memory.capacity);
    if (memory.buffer.byteLength !== layout.bytes) {
      throw new PipstreamError('PS_RISK_MEMORY_INVALID', `risk memory has ${memory.buffer.byteLength} bytes, the layout needs ${layout.bytes}`,
        { bytes: memory.buffer.byteLength, expected: layout.bytes });
    }
    this.memory = memory;
    this.money = new BigInt64Array(memory.buffer, layout.moneyByte, MoneyWord.COUNT);
    this.limitF = new Float64Array(memory.buffer, layout.limitFByte, LimitWord.COUNT);
    this.rateTs = new Float64Array(memory.buffer, layout.rateTsByte, RATE_CAPACITY);
    this.header = new Int32Array(memory.buffer, layout.headerByte, RiskWord.COUNT);
    this.slots = new Int32Array(memory.buffer, layout.slotsByte, layout.instruments * InstrumentWord.STRIDE);
    this.rateSeq = new Int32Array(memory.buffer, layout.rateSeqByte, RATE_CAPACITY);
    this.names = new Int32Array(memory.buffer, layout.namesByte, layout.instruments * NAME_WORDS);
  }

  /** The limits in force now (allocates; off the hot path). The whitelist lists only instruments that have a slot. */
  get limits(): RiskLimits { return readLimitWords(this, this.instruments, this.memory.account).limits; }
  /** Changes with every applyLimits() (by 2; it may wrap). */
  get limitsVersion(): number { return stableLimitsSeq(this.header); }
  /** The instrument of each named slot; slot numbers are the index here. */
  get instruments(): readonly string[] {
    this.#readNames();
    return this.#named;
  }
  /** Slots named so far (any thread's naming included). */
  get slotsNamed(): number { return Atomics.load(this.header, RiskWord.SLOTS_NAMED); }

  /** Slot of an instrument, or -1 when the account memory has none for it (yet: see ensureInstrumentSlot). */
  slotOf(instrument: string): number {
    const known = this.#slotOf.get(instrument);
    if (known !== undefined) return known;
    return this.#readNames() ? this.#slotOf.get(instrument) ?? -1 : -1;
  }

  /** Takes in the slots named since the last look; false when there are none (no allocation then). */
  #readNames(): boolean {
    const n = Atomics.load(this.header, RiskWord.SLOTS_NAMED);
    if (n === this.#named.length) return false;
    for (let slot = this.#named.length; slot < n; slot++) {
      let name = '';
      for (let w = 0; w < NAME_WORDS; w++) {
        const word = Atomics.load(this.names, slot * NAME_WORDS + w);
        for (let b = 0; b < 4; b++) {
          const c = (word >>> (8 * b)) & 0xff;
          if (c !== 0) name += String.fromCharCode(c);
        }
      }
      this.#slotOf.set(name, slot);
      this.#named.push(name);
    }
    return true;
  }

  /**
   * Order-rate claim under a limit of `n` per window (0 = none: the claim is only recorded): the claim's
   * time (never before the previous claim's), or NaN when the window is full.
   */
  claimRateToken(nowMs: number, n: number): number {
    const { header, rateSeq, rateTs } = this;
    for (let attempt = 0; attempt < RATE_ATTEMPTS; attempt++) {
      const h = Atomics.load(header, RiskWord.RATE_HEAD);
      const prev = (h - 1) | 0;
      const old = (h - n) | 0;
      const prevSeq = Atomics.load(rateSeq, prev & RATE_MASK);
      if (prevSeq !== prev || (n > 0 && Atomics.load(rateSeq, old & RATE_MASK) !== old)) {
        // A claimer has not written its time yet (or the head moved on): try again, sleeping briefly if it lasts.
        if (attempt >= RATE_SPINS_BEFORE_WAIT && Atomics.load(header, RiskWord.RATE_HEAD) === h) Atomics.wait(rateSeq, prev & RATE_MASK, prevSeq, 0.05);
        continue;
      }
      const prevT = rateTs[prev & RATE_MASK];
      // Time never runs backwards through the ring, so the ring's times order the claims.
      const t = nowMs > prevT ? nowMs : prevT;
      if (n > 0 && t - rateTs[old & RATE_MASK] < RATE_WINDOW_MS) {
        // The n-th previous claim is within the window; valid only if no claim happened meanwhile.
        if (Atomics.load(header, RiskWord.RATE_HEAD) === h) return NaN;
        continue;
      }
      if (Atomics.compareExchange(header, RiskWord.RATE_HEAD, h, (h + 1) | 0) === h) {
        rateTs[h & RATE_MASK] = t;
        Atomics.store(rateSeq, h & RATE_MASK, h);
        return t;
      }
    }
    return NaN;
  }
}

/**
 * Allocate and initialise the risk memory of one account (set-up time): `capacity` instrument slots (32
 * bytes each), the given instruments (and any the limits whitelist) named in the first ones; more are
 * named as the node starts trading them (ensureInstrumentSlot). Past `capacity`, an instrument has no
 * slot and stays INSTRUMENT_NOT_ALLOWED.
 */
export function createAccountRisk(limits: RiskLimits, instruments: readonly string[], capacity = DEFAULT_SLOT_CAPACITY): AccountRisk {
  const valid = validateLimits(limits);
  for (const name of instruments) assertInstrumentName(name);
  if (new Set(instruments).size !== instruments.length) throw new PipstreamError('PS_BAD_ARGUMENT', 'duplicate instrument in risk slots', { instruments });
  const slots = Math.max(capacity, instruments.length);
  const buffer = new SharedArrayBuffer(riskLayout(slots).bytes);
  const memory: AccountRiskMemory = { buffer, capacity: slots };
  if (valid.account !== undefined) memory.account = valid.account;
  const account = new AccountRisk(memory);
  const { header, rateSeq, rateTs } = account;
  header[RiskWord.INSTRUMENTS] = slots;
  header[RiskWord.RATE_CAPACITY] = RATE_CAPACITY;
  // Ring entry j starts as claim j - cap, infinitely long ago, so the first claims see an empty window.
  for (let j = 0; j < RATE_CAPACITY; j++) {
    rateSeq[j] = j - RATE_CAPACITY;
    rateTs[j] = -Infinity;
  }
  // The given instruments keep their order (slot i is instruments[i]); whitelisted ones get a slot too, while any is free.
  for (const name of [...instruments, ...(valid.instruments ?? [])]) ensureInstrumentSlot(account, name);
  writeLimitWords(account, valid, account.instruments);
  Atomics.store(header, RiskWord.LAYOUT, RISK_LAYOUT_MAGIC);
  return account;
}

/**
 * The account's slot for `instrument`, naming a free one when it has none (an instrument the node starts
 * trading after the memory was created): every thread sees it from its next check. A new slot is allowed
 * unless a whitelist is in force (every whitelisted instrument got its slot when the whitelist was applied).
 * Call it from one thread only (the node's main thread: naming is not a compare-and-set). Returns -1 when
 * every slot is named.
 */
export function ensureInstrumentSlot(account: AccountRisk, instrument: string): number {
  const known = account.slotOf(instrument);
  if (known >= 0) return known;
  assertInstrumentName(instrument);
  const { header, names, slots } = account;
  const slot = Atomics.load(header, RiskWord.SLOTS_NAMED);
  if (slot >= account.memory.capacity) return -1;
  for (let w = 0; w < NAME_WORDS; w++) {
    let word = 0;
    for (let b = 0; b < 4; b++) word |= (instrument.charCodeAt(4 * w + b) || 0) << (8 * b);
    Atomics.store(names, slot * NAME_WORDS + w, word);
  }
  const whitelisted = (Atomics.load(header, RiskWord.LIMITS_SET) & LimitBit.INSTRUMENTS) !== 0;
  Atomics.store(slots, slot * InstrumentWord.STRIDE + InstrumentWord.ALLOWED, whitelisted ? 0 : 1);
  Atomics.store(header, RiskWord.SLOTS_NAMED, slot + 1);
  return slot;
}

/** Attach to an account's risk memory created elsewhere (worker side). */
export function attachAccountRisk(memory: AccountRiskMemory): AccountRisk {
  const account = new AccountRisk(memory);
  const { header } = account;
  if (Atomics.load(header, RiskWord.LAYOUT) !== RISK_LAYOUT_MAGIC || header[RiskWord.INSTRUMENTS] !== memory.capacity ||
    header[RiskWord.RATE_CAPACITY] !== RATE_CAPACITY) {
    throw new PipstreamError('PS_RISK_MEMORY_INVALID', 'risk memory was not created for this layout or instrument list',
      { layout: header[RiskWord.LAYOUT], instruments: header[RiskWord.INSTRUMENTS], rateCapacity: header[RiskWord.RATE_CAPACITY] });
  }
  return account;
}

export interface AppliedLimits {
  /** The limits version now in force (AccountRisk.limitsVersion, Reservation.limitsVersion). */
  version: number;
  /** Whitelisted instruments that have no slot in this memory: they stay INSTRUMENT_NOT_ALLOWED. */
  unslotted: string[];
}

/**
 * Put new limits in force for every thread attached to the account, keeping all counters. A limit
 * lowered below the current usage keeps what is open and rejects new orders that would grow it; a loss
 * limit already reached latches its halt at once (raising one later does not lift a latched halt).
 * Invalid limits change nothing (PS_RISK_LIMITS_INVALID, with JSON-pointer paths).
 */
export function applyLimits(account: AccountRisk, limits: RiskLimits): AppliedLimits {
  const owner = account.memory.account;
  const valid = validateLimits(limits, owner === undefined ? {} : { account: owner });
  if (owner !== undefined && valid.account !== undefined && valid.account !== owner) {
    throw new PipstreamError('PS_RISK_LIMITS_INVALID', `invalid risk limits: /account: the risk memory belongs to ${owner}`,
      { account: owner, errors: [{ path: '/account', message: `must be ${owner}, the account of this risk memory` }] });
  }
  // A loss limit already reached latches before the new limits are in force, so no order slips in between;
  // checked again after, like every other update, in case P&L moved meanwhile.
  checkDailyLoss(account, valid.max_daily_loss === undefined ? -1n : limitMicros(valid.max_daily_loss));
  checkDrawdown(account, valid.max_drawdown_pct ?? Infinity);
  // Whitelisted instruments get a slot (while there are free ones), so the whole whitelist is live.
  for (const name of valid.instruments ?? []) ensureInstrumentSlot(account, name);
  const version = writeLimitWords(account, valid, account.instruments);
  checkDailyLoss(account);
  checkDrawdown(account);
  return { version, unslotted: (valid.instruments ?? []).filter((name) => account.slotOf(name) < 0) };
}

function operatorHaltBits(bits: number): number {
  if (!Number.isInteger(bits) || bits === 0 || (bits & ~OPERATOR_HALTS) !== 0) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `halt bits ${bits} are not RiskHalt.MANUAL and/or RiskHalt.RECONCILIATION`, { bits });
  }
  return bits;
}

/** Stop new reservations (ACCOUNT_HALTED) until resumeTrading() clears every bit set; open positions and pending orders are untouched. */
export function haltTrading(account: AccountRisk, bits: number): void {
  Atomics.or(account.header, RiskWord.HALT, operatorHaltBits(bits));
}

/** Clear operator/reconciliation halt bits; the loss latches have their own calls (resetTradingDay, clearDrawdownHalt). */
export function resumeTrading(account: AccountRisk, bits: number): void {
  Atomics.and(account.header, RiskWord.HALT, ~operatorHaltBits(bits));
}

const IDLE = 0;
const PENDING = 1;
const SETTLED = 2;

/** Handle of one reservation; reusable (pass it back to reserve()) once settled. Owned by one thread. */
export class Reservation extends RiskVerdict {
  slot = -1;
  /** Signed units reserved (buy > 0, sell < 0). */
  units = 0;
  /** Order-rate time of the claim (NaN when not reserved). */
  timeMs = NaN;
  /** Limits version the order was checked against (NaN before the first check). */
  limitsVersion = NaN;
  /**
   * When reserved: how long (buy) or short (sell) the account can get on this instrument with this and
   * every pending order (negative: the order only shrinks the opposite side), and the open trades, both
   * including this order; what was checked against the limits.
   */
  exposure = NaN;
  openTrades = NaN;
  state: 0 | 1 | 2 = IDLE;

  /** Reserved and not yet committed or released. */
  get pending(): boolean { return this.state === PENDING; }
}

function misuse(message: string, details: Record<string, unknown>): never {
  throw new PipstreamError('PS_RISK_RESERVATION_INVALID', message, details);
}

const slotWord = (slot: number, word: number) => slot * InstrumentWord.STRIDE + word;

/** max_daily_loss in force (account currency), NaN when none. */
function maxDailyLoss(account: AccountRisk): number {
  const m = Atomics.load(account.money, MoneyWord.MAX_DAILY_LOSS);
  return m < 0n ? NaN : Number(m) / MICROS_PER_UNIT;
}

function rejectHalted(account: AccountRisk, halt: number, out: Reservation): Reservation {
  // An operator or reconciliation halt wins: the loss figures may be what is being questioned.
  if (halt & OPERATOR_HALTS) out.reject(RiskReason.ACCOUNT_HALTED, NaN, halt & OPERATOR_HALTS);
  else if (halt & RiskHalt.DAILY_LOSS) out.reject(RiskReason.DAILY_LOSS, maxDailyLoss(account), dailyLoss(account));
  else out.reject(RiskReason.MAX_DRAWDOWN, readLimitF(account, LimitWord.MAX_DRAWDOWN_PCT), drawdownPct(account));
  return out;
}

/**
 * Reserve budget for an order of `signedUnits` on `instrumentSlot` at `nowMs` (the tick's time).
 * Returns `out` (allocation-free when you pass one): `out.ok` and `out.pending` when reserved, else
 * `out.reason`/`limit`/`value` and nothing stays reserved.
 */
export function reserve(account: AccountRisk, instrumentSlot: number, signedUnits: number, nowMs: number, out: Reservation = new Reservation()): Reservation {
  if (out.state === PENDING) misuse('reservation handle is still pending', { slot: out.slot, units: out.units });
  if (!Number.isInteger(instrumentSlot) || instrumentSlot < 0 || instrumentSlot >= account.slotsNamed) {
    misuse(`no risk slot ${instrumentSlot}`, { slot: instrumentSlot, slots: account.slotsNamed });
  }
  if (!Number.isInteger(signedUnits) || signedUnits === 0 || Math.abs(signedUnits) > INT32_MAX) misuse(`bad order units ${signedUnits}`, { units: signedUnits });
  out.slot = instrumentSlot;
  out.units = signedUnits;
  out.timeMs = NaN;
  out.exposure = NaN;
  out.openTrades = NaN;
  out.state = IDLE;
  const { header, slots } = account;
  // Buys raise LONG_BOUND, sells lower SHORT_BOUND; each only through this checked exchange.
  const bound = slotWord(instrumentSlot, signedUnits > 0 ? InstrumentWord.LONG_BOUND : InstrumentWord.SHORT_BOUND);

  for (;;) {
    const v = stableLimitsSeq(header);
    const max = Atomics.load(header, RiskWord.MAX_POSITION);
    const maxTrades = Atomics.load(header, RiskWord.MAX_OPEN_TRADES);
    const rate = Atomics.load(header, RiskWord.MAX_ORDERS_PER_MINUTE);
    if (Atomics.load(header, RiskWord.LIMITS_SEQ) !== v) continue;
    out.limitsVersion = v;
    const halt = Atomics.load(header, RiskWord.HALT);
    if (halt !== 0) return rejectHalted(account, halt, out);

    let next: number;
    for (;;) {
      const cur = Atomics.load(slots, bound);
      next = cur + signedUnits;
      if (signedUnits > 0 ? next > max : next < -max) {
        out.reject(RiskReason.MAX_POSITION, max, next < 0 ? -next : next);
        return out;
      }
      if (Atomics.compareExchange(slots, bound, cur, next) === cur) break;
    }

    let trades: number;
    for (;;) {
      const cur = Atomics.load(header, RiskWord.OPEN_TRADES);
      trades = cur + 1;
      if (trades > maxTrades) {
        Atomics.sub(slots, bound, signedUnits);
        out.reject(RiskReason.MAX_OPEN_TRADES, maxTrades, trades);
        return out;
      }
      if (Atomics.compareExchange(header, RiskWord.OPEN_TRADES, cur, trades) === cur) break;
    }

    // Both counters were taken under version v only if v is still in force now: else undo and re-check.
    if (Atomics.load(header, RiskWord.LIMITS_SEQ) !== v || Atomics.load(header, RiskWord.HALT) !== 0) {
      Atomics.sub(header, RiskWord.OPEN_TRADES, 1);
      Atomics.sub(slots, bound, signedUnits);
      continue;
    }

    // Last, because a rate token is never given back: an order that got one counts as sent. Every order
    // takes one, rate limit or not, so that a limit set later counts the minute before it.
    const t = account.claimRateToken(nowMs, rate);
    if (t !== t) {
      Atomics.sub(header, RiskWord.OPEN_TRADES, 1);
      Atomics.sub(slots, bound, signedUnits);
      out.reject(RiskReason.ORDER_RATE, rate, rate + 1);
      return out;
    }
    out.timeMs = t;
    out.exposure = signedUnits > 0 ? next : -next;
    out.openTrades = trades;
    out.state = PENDING;
    out.pass();
    return out;
  }
}

/**
 * Settle a reservation with the units actually filled (0 ... reserved, same side; 0 = nothing
 * filled, the trade slot is freed). A fill keeps its open-trade slot until closeTrades().
 * `realizedPnl` (account currency) is added to today's realized P&L.
 */
export function commit(account: AccountRisk, res: Reservation, fillUnits: number, realizedPnl = 0): void {
  if (res.state !== PENDING) misuse('commit of a reservation that is not pending', { state: res.state });
  const u = res.units;
  if (!Number.isInteger(fillUnits) || (u > 0 ? fillUnits < 0 || fillUnits > u : fillUnits > 0 || fillUnits < u)) {
    misuse(`fill of ${fillUnits} units does not fit a reservation of ${u}`, { units: u, fill: fillUnits });
  }
  const { slots } = account;
  const s = res.slot;
  Atomics.add(slots, slotWord(s, InstrumentWord.POSITION), fillUnits);
  // Pending units leave the bound on their side, the fill moves the other side's bound with the position.
  if (u > 0) {
    Atomics.add(slots, slotWord(s, InstrumentWord.LONG_BOUND), fillUnits - u);
    Atomics.add(slots, slotWord(s, InstrumentWord.SHORT_BOUND), fillUnits);
  } else {
    Atomics.add(slots, slotWord(s, InstrumentWord.SHORT_BOUND), fillUnits - u);
    Atomics.add(slots, slotWord(s, InstrumentWord.LONG_BOUND), fillUnits);
  }
  if (fillUnits === 0) Atomics.sub(account.header, RiskWord.OPEN_TRADES, 1);
  res.state = SETTLED;
  if (realizedPnl !== 0) recordRealized(account, realizedPnl);
}

/** Give back everything a reservation holds except its rate token (the order was rejected or never sent). */
export function release(account: AccountRisk, res: Reservation): void {
  if (res.state !== PENDING) misuse('release of a reservation that is not pending', { state: res.state });
  const bound = slotWord(res.slot, res.units > 0 ? InstrumentWord.LONG_BOUND : InstrumentWord.SHORT_BOUND);
  Atomics.sub(account.slots, bound, res.units);
  Atomics.sub(account.header, RiskWord.OPEN_TRADES, 1);
  res.state = SETTLED;
}

/**
 * A fill the broker made on its own, not through a reservation (a stop-loss or take-profit closing a trade):
 * the position and both of its bounds move by it. No limit applies: it only ever reduces the position.
 * The trades it closes go through closeTrades().
 */
export function applyBrokerFill(account: AccountRisk, instrumentSlot: number, signedUnits: number): void {
  if (!Number.isSafeInteger(signedUnits)) misuse(`broker fill of ${signedUnits} units`, { units: signedUnits });
  const { slots } = account;
  Atomics.add(slots, slotWord(instrumentSlot, InstrumentWord.POSITION), signedUnits);
  Atomics.add(slots, slotWord(instrumentSlot, InstrumentWord.LONG_BOUND), signedUnits);
  Atomics.add(slots, slotWord(instrumentSlot, InstrumentWord.SHORT_BOUND), signedUnits);
}

/**
 * Sets the position of a slot to what the account really holds when the budget did not book it: a position
 * held before the account had a budget, or one adopted from the broker. Both bounds move with it, so every
 * pending reservation keeps exactly its room. Returns the units the position moved by.
 */
export function adoptPosition(account: AccountRisk, instrumentSlot: number, units: number): number {
  if (!Number.isSafeInteger(units) || Math.abs(units) > INT32_MAX) misuse(`adopted position of ${units} units`, { units });
  const { slots } = account;
  const word = slotWord(instrumentSlot, InstrumentWord.POSITION);
  let before: number;
  do before = Atomics.load(slots, word);
  while (Atomics.compareExchange(slots, word, before, units) !== before);
  const moved = units - before;
  Atomics.add(slots, slotWord(instrumentSlot, InstrumentWord.LONG_BOUND), moved);
  Atomics.add(slots, slotWord(instrumentSlot, InstrumentWord.SHORT_BOUND), moved);
  return moved;
}

/**
 * Sets the open trade count to `count` (the trades the account really holds, as adoptPosition), unless some
 * reservation is pending: its trade slot is counted and the broker knows nothing of it yet, so the count
 * cannot be told apart from it. Returns whether it was set (false: retry once the account is quiet).
 */
export function adoptOpenTrades(account: AccountRisk, count: number): boolean {
  if (!Number.isSafeInteger(count) || count < 0 || count > INT32_MAX) misuse(`adopted open trade count ${count}`, { count });
  const { header, slots } = account;
  for (;;) {
    const before = Atomics.load(header, RiskWord.OPEN_TRADES);
    // A reservation moves a bound off its position before it takes its trade slot: a reserve() between this
    // check and the exchange below changes the count, and the exchange fails.
    for (let s = 0; s < account.slotsNamed; s++) {
      const position = Atomics.load(slots, slotWord(s, InstrumentWord.POSITION));
      if (Atomics.load(slots, slotWord(s, InstrumentWord.LONG_BOUND)) !== position
        || Atomics.load(slots, slotWord(s, InstrumentWord.SHORT_BOUND)) !== position) return false;
    }
    if (Atomics.compareExchange(header, RiskWord.OPEN_TRADES, before, count) === before) return true;
  }
}

/** Sets today's realized P&L to what the account realized (as adoptPosition: fills the budget did not book). */
export function adoptRealizedToday(account: AccountRisk, pnl: number): void {
  Atomics.store(account.money, MoneyWord.REALIZED_TODAY, micros(pnl));
  checkDailyLoss(account);
}

/** Trades closed at the broker: frees their open-trade slots and books their realized P&L. */
export function closeTrades(account: AccountRisk, count: number, realizedPnl = 0): void {
  if (!Number.isInteger(count) || count < 0) misuse(`bad trade count ${count}`, { count });
  const before = Atomics.sub(account.header, RiskWord.OPEN_TRADES, count);
  if (before < count) {
    Atomics.add(account.header, RiskWord.OPEN_TRADES, count);
    misuse(`closing ${count} trades with ${before} open or pending`, { count, open: before });
  }
  if (realizedPnl !== 0) recordRealized(account, realizedPnl);
}

function micros(amount: number): bigint {
  const m = Math.round(amount * MICROS_PER_UNIT);
  if (!Number.isSafeInteger(m)) throw new PipstreamError('PS_BAD_ARGUMENT', `money amount ${amount} is out of range`, { amount });
  return BigInt(m);
}

const toMoney = (m: bigint): number => Number(m) / MICROS_PER_UNIT;

/** Loss of the trading day so far (realized + change in unrealized), account currency; negative = profit. */
export function dailyLoss(account: AccountRisk): number {
  const m = account.money;
  return -toMoney(Atomics.load(m, MoneyWord.REALIZED_TODAY) + Atomics.load(m, MoneyWord.UNREALIZED) - Atomics.load(m, MoneyWord.UNREALIZED_DAY_START));
}

/** Drawdown from the equity peak in percent (0 before any equity is known). */
export function drawdownPct(account: AccountRisk): number {
  const peak = Atomics.load(account.money, MoneyWord.EQUITY_PEAK);
  if (peak <= 0n) return 0;
  return (Number(peak - Atomics.load(account.money, MoneyWord.EQUITY_CURRENT)) * 100) / Number(peak);
}

/**
 * Loss limits latch: once reached, reserve() rejects until resetTradingDay() (daily loss) or
 * clearDrawdownHalt(). Every update re-checks after writing, so the last writer sees every update.
 */
function checkDailyLoss(account: AccountRisk, max?: bigint): void {
  // Per tick for every account holding a position: without the limit, no BigInt read (each allocates).
  if (max === undefined) {
    if ((Atomics.load(account.header, RiskWord.LIMITS_SET) & LimitBit.MAX_DAILY_LOSS) === 0) return;
    max = Atomics.load(account.money, MoneyWord.MAX_DAILY_LOSS);
  }
  if (max < 0n) return;
  const m = account.money;
  const loss = -(Atomics.load(m, MoneyWord.REALIZED_TODAY) + Atomics.load(m, MoneyWord.UNREALIZED) - Atomics.load(m, MoneyWord.UNREALIZED_DAY_START));
  if (loss >= max) Atomics.or(account.header, RiskWord.HALT, RiskHalt.DAILY_LOSS);
}

function checkDrawdown(account: AccountRisk, maxPct = readLimitF(account, LimitWord.MAX_DRAWDOWN_PCT)): void {
  if (maxPct !== Infinity && drawdownPct(account) >= maxPct) Atomics.or(account.header, RiskWord.HALT, RiskHalt.DRAWDOWN);
}

export function recordRealized(account: AccountRisk, pnl: number): void {
  Atomics.add(account.money, MoneyWord.REALIZED_TODAY, micros(pnl));
  checkDailyLoss(account);
}

/** Current unrealized P&L of the account's open positions (account currency). */
export function markUnrealized(account: AccountRisk, pnl: number): void {
  Atomics.store(account.money, MoneyWord.UNREALIZED, micros(pnl));
  checkDailyLoss(account);
}

/** Current account equity (account currency); raises the peak and checks max drawdown. */
export function markEquity(account: AccountRisk, equity: number): void {
  const m = account.money;
  const e = micros(equity);
  Atomics.store(m, MoneyWord.EQUITY_CURRENT, e);
  for (;;) {
    const peak = Atomics.load(m, MoneyWord.EQUITY_PEAK);
    if (e <= peak || Atomics.compareExchange(m, MoneyWord.EQUITY_PEAK, peak, e) === peak) break;
  }
  checkDrawdown(account);
}

/** Start a new trading day: realized P&L today to 0, unrealized counted from now, daily-loss halt cleared. One caller (the day roll owner). */
export function resetTradingDay(account: AccountRisk): void {
  const m = account.money;
  Atomics.store(m, MoneyWord.REALIZED_TODAY, 0n);
  Atomics.store(m, MoneyWord.UNREALIZED_DAY_START, Atomics.load(m, MoneyWord.UNREALIZED));
  Atomics.and(account.header, RiskWord.HALT, ~RiskHalt.DAILY_LOSS);
  checkDailyLoss(account);
}

/**
 * What of a budget outlives a restart: where its loss limits measure from (the equity peak for drawdown, the
 * unrealized P&L at the trading day's start for daily loss) and an operator's halt.
 */
export interface RiskMarks { equityPeak: number; unrealizedDayStart: number; manualHalt: boolean }

/** The budget's marks (the peak moves with markEquity and clearDrawdownHalt re-bases it; resetTradingDay sets the day's start). */
export function riskMarksOf(account: AccountRisk): RiskMarks {
  const m = account.money;
  return {
    equityPeak: toMoney(Atomics.load(m, MoneyWord.EQUITY_PEAK)), unrealizedDayStart: toMoney(Atomics.load(m, MoneyWord.UNREALIZED_DAY_START)),
    manualHalt: (Atomics.load(account.header, RiskWord.HALT) & RiskHalt.MANUAL) !== 0,
  };
}

/**
 * The marks a budget had before (a restarted node's, from its book checkpoint), so its limits measure from where
 * they did and a limit already reached halts again: the peak is kept when above the one it has; the day's start
 * only when `sameDay` (the trading day has not rolled since); an operator's halt stays. Mark the current equity
 * first (markEquity).
 */
export function adoptRiskMarks(account: AccountRisk, marks: RiskMarks, sameDay: boolean): void {
  const m = account.money;
  const p = micros(marks.equityPeak);
  for (;;) {
    const had = Atomics.load(m, MoneyWord.EQUITY_PEAK);
    if (p <= had || Atomics.compareExchange(m, MoneyWord.EQUITY_PEAK, had, p) === had) break;
  }
  if (sameDay) Atomics.store(m, MoneyWord.UNREALIZED_DAY_START, micros(marks.unrealizedDayStart));
  if (marks.manualHalt) haltTrading(account, RiskHalt.MANUAL);
  checkDrawdown(account);
  checkDailyLoss(account);
}

/** Operator decision after a drawdown halt: the current equity becomes the new peak. */
export function clearDrawdownHalt(account: AccountRisk): void {
  const m = account.money;
  Atomics.store(m, MoneyWord.EQUITY_PEAK, Atomics.load(m, MoneyWord.EQUITY_CURRENT));
  Atomics.and(account.header, RiskWord.HALT, ~RiskHalt.DRAWDOWN);
}

export interface InstrumentRiskState { instrument: string; position: number; longBound: number; shortBound: number }

export interface AccountRiskState {
  instruments: InstrumentRiskState[];
  openTrades: number;
  realizedToday: number;
  unrealized: number;
  dailyLoss: number;
  equityPeak: number;
  equityCurrent: number;
  drawdownPct: number;
  halted: { dailyLoss: boolean; drawdown: boolean; manual: boolean; reconciliation: boolean };
  rateClaims: number;
  limitsVersion: number;
}

/** A plain copy of the counters (each word read atomically; not one consistent cut while others write). */
export function readRiskState(account: AccountRisk): AccountRiskState {
  const { slots, header, money } = account;
  const halt = Atomics.load(header, RiskWord.HALT);
  return {
    instruments: account.instruments.map((instrument, s) => ({
      instrument,
      position: Atomics.load(slots, slotWord(s, InstrumentWord.POSITION)),
      longBound: Atomics.load(slots, slotWord(s, InstrumentWord.LONG_BOUND)),
      shortBound: Atomics.load(slots, slotWord(s, InstrumentWord.SHORT_BOUND)),
    })),
    openTrades: Atomics.load(header, RiskWord.OPEN_TRADES),
    realizedToday: toMoney(Atomics.load(money, MoneyWord.REALIZED_TODAY)),
    unrealized: toMoney(Atomics.load(money, MoneyWord.UNREALIZED)),
    dailyLoss: dailyLoss(account),
    equityPeak: toMoney(Atomics.load(money, MoneyWord.EQUITY_PEAK)),
    equityCurrent: toMoney(Atomics.load(money, MoneyWord.EQUITY_CURRENT)),
    drawdownPct: drawdownPct(account),
    halted: {
      dailyLoss: (halt & RiskHalt.DAILY_LOSS) !== 0, drawdown: (halt & RiskHalt.DRAWDOWN) !== 0,
      manual: (halt & RiskHalt.MANUAL) !== 0, reconciliation: (halt & RiskHalt.RECONCILIATION) !== 0,
    },
    rateClaims: Atomics.load(header, RiskWord.RATE_HEAD),
    limitsVersion: account.limitsVersion,
  };
}
