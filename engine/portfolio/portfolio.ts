/**
 * Portfolio accounting on a netting account (DESIGN.md §7, §8): one signed position per account and
 * instrument. All money is in the instrument's quote currency: conversion to the account currency
 * is out of scope, so an account's totals are meaningful when its instruments share a quote currency.
 *
 * State lives in Float64Arrays (strided records) so the per-tick `mark` allocates nothing; accounts,
 * instruments and positions get an index at set-up time and the hot path uses indices.
 */
import { PipstreamError } from '../errors/mod.ts';
import { TradingDayClock } from './trading-day.ts';
import type { TradingDayOptions } from './trading-day.ts';

/** Account record slots. */
const A_BALANCE = 0, A_REALIZED = 1, A_UNREALIZED = 2, A_PEAK = 3, A_MAX_DD = 4, A_DAY_START_EQUITY = 5, A_DAY_START_REALIZED = 6;
const A_STRIDE = 7;
/** Position record slots (units are integers held exactly in a float64). */
const P_ACCOUNT = 0, P_INSTRUMENT = 1, P_UNITS = 2, P_AVG = 3, P_REALIZED = 4, P_UNREALIZED = 5;
const P_STRIDE = 6;

export interface PortfolioOptions extends TradingDayOptions {
  /** Balance of an account that `account()` creates without one; default 0. */
  defaultBalance?: number;
}

/** A copy of one position (allocates: not for the per-tick path). */
export interface PositionSnapshot {
  account: string;
  instrument: string;
  /** Signed: positive long, negative short, 0 flat. */
  units: number;
  /** Average entry price of the open units; 0 when flat. */
  avgPrice: number;
  realized: number;
  unrealized: number;
}

/** A copy of one account's figures (allocates: not for the per-tick path). */
export interface AccountSnapshot {
  account: string;
  balance: number;
  realized: number;
  unrealized: number;
  /** balance + realized + unrealized. */
  equity: number;
  equityPeak: number;
  /** (peak - equity) / peak * 100; 0 when the peak is not positive. */
  drawdownPct: number;
  maxDrawdownPct: number;
  /** equity - equity at the start of the trading day. */
  dailyPnl: number;
  /** UTC ms of the current trading day's start (NaN before the first tick or fill). */
  dayStartMs: number;
}

/**
 * What an account's fills made of it, as data (a checkpoint of a book rebuilt from fills): positions that are
 * not flat or have realized P&L, the account's realized P&L, and how much of it was realized in the trading
 * day starting at `dayStartMs` (NaN: no day yet).
 */
export interface AccountBook {
  realized: number;
  realizedToday: number;
  dayStartMs: number;
  /**
   * The equity peak and the largest drawdown so far, and the equity at the trading day's start (absent: not known;
   * the account's own are kept, and the day's start is taken as its balance and realized P&L then).
   */
  equityPeak?: number;
  maxDrawdownPct?: number;
  dayStartEquity?: number;
  /**
   * `tradeIds`: the signal id that opened each trade ('' or absent: unknown). `bid`/`ask`: the instrument's last
   * quote (absent: none yet), which marks the position on load until a tick does.
   */
  positions: Array<{
    instrument: string; units: number; avgPrice: number; realized: number; trades: number[]; tradeIds?: string[]; bid?: number; ask?: number;
  }>;
}

function grow(a: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Float64Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class Portfolio {
  readonly clock: TradingDayClock;
  readonly #defaultBalance: number;
  #acct = new Float64Array(8 * A_STRIDE);
  #pos = new Float64Array(16 * P_STRIDE);
  readonly #accountIds: string[] = [];
  readonly #accountIndex = new Map<string, number>();
  readonly #instrumentIds: string[] = [];
  readonly #instrumentIndex = new Map<string, number>();
  readonly #positionIndex = new Map<string, number>();
  #positions = 0;
  /** Per position: the signed units of each open trade, oldest first (changed by fills only, never per tick). */
  readonly #trades: number[][] = [];
  /** Per position, the signal id of the order that opened each of its open trades ('' when unknown: adopted). */
  readonly #tradeIds: string[][] = [];
  /** Position indices per instrument index (grown at set-up time). */
  #byInstrument: Int32Array[] = [];
  #byInstrumentLen: number[] = [];
  /** Last quote per instrument index: bid at 2i, ask at 2i+1 (NaN before the first). */
  #quote = new Float64Array(16);
  #nextDayStart = -Infinity;
  #dayStart = NaN;

  constructor(opts: PortfolioOptions = {}) {
    this.clock = new TradingDayClock(opts);
    this.#defaultBalance = opts.defaultBalance ?? 0;
  }

  /** Index of an account, creating it with `balance` (or the default) when new. */
  account(id: string, balance?: number): number {
    const found = this.#accountIndex.get(id);
    if (found !== undefined) return found;
    const b = balance ?? this.#defaultBalance;
    if (!Number.isFinite(b)) throw new PipstreamError('PS_BAD_ARGUMENT', `account ${id}: balance ${b} is not finite`, { account: id, balance: b });
    const i = this.#accountIds.length;
    this.#acct = grow(this.#acct, (i + 1) * A_STRIDE);
    const o = i * A_STRIDE;
    this.#acct.fill(0, o, o + A_STRIDE);
    this.#acct[o + A_BALANCE] = b;
    this.#acct[o + A_PEAK] = b;
    this.#acct[o + A_DAY_START_EQUITY] = b;
    this.#accountIds.push(id);
    this.#accountIndex.set(id, i);
    return i;
  }

  /** Index of an instrument (the handle `mark` takes), creating it when new. */
  instrument(name: string): number {
    const found = this.#instrumentIndex.get(name);
    if (found !== undefined) return found;
    const i = this.#instrumentIds.length;
    this.#instrumentIds.push(name);
    this.#instrumentIndex.set(name, i);
    this.#byInstrument.push(new Int32Array(4));
    this.#byInstrumentLen.push(0);
    this.#quote = grow(this.#quote, 2 * (i + 1));
    this.#quote[2 * i] = NaN;
    this.#quote[2 * i + 1] = NaN;
    return i;
  }

  /** Index of the position of `account` in `instrument`, creating both (and a flat position) when new. */
  position(account: string, instrument: string): number {
    const key = `${account}\u001f${instrument}`;
    const found = this.#positionIndex.get(key);
    if (found !== undefined) return found;
    const a = this.account(account);
    const ins = this.instrument(instrument);
    const p = this.#positions++;
    this.#pos = grow(this.#pos, this.#positions * P_STRIDE);
    const o = p * P_STRIDE;
    this.#pos.fill(0, o, o + P_STRIDE);
    this.#pos[o + P_ACCOUNT] = a;
    this.#pos[o + P_INSTRUMENT] = ins;
    this.#trades.push([]);
    this.#tradeIds.push([]);
    let list = this.#byInstrument[ins];
    const n = this.#byInstrumentLen[ins];
    if (n === list.length) {
      const bigger = new Int32Array(n * 2);
      bigger.set(list);
      list = this.#byInstrument[ins] = bigger;
    }
    list[n] = p;
    this.#byInstrumentLen[ins] = n + 1;
    this.#positionIndex.set(key, p);
    return p;
  }

  /**
   * Marks every position in the instrument to market on a tick: long at the bid, short at the ask.
   * First rolls the trading day when the tick is at or past the next day start. Allocation-free.
   */
  mark(instrument: number, timeMs: number, bid: number, ask: number): void {
    if (timeMs >= this.#nextDayStart) this.#rollDay(timeMs);
    const q = this.#quote;
    q[2 * instrument] = bid;
    q[2 * instrument + 1] = ask;
    const list = this.#byInstrument[instrument];
    const n = this.#byInstrumentLen[instrument];
    for (let k = 0; k < n; k++) this.#markPosition(list[k], bid, ask);
  }

  /**
   * Applies a fill of `signedUnits` (positive buy, negative sell; a non-zero safe integer) at `price`.
   * Adding to a position moves its average price; reducing realizes (price - avg) * closed units;
   * a flip realizes the whole old position and opens the rest at `price`. The position is then
   * marked at the instrument's last quote (the fill price before any tick). Its open trades change as a
   * broker's do (see fillTrades): `opens`, the signal id of the order (names the trade it opens); `closes`, the
   * signal id of the trade a broker's own order closed whole (a stop-loss or take-profit), which need not be the
   * oldest. Returns the P&L realized by this fill.
   */
  applyFill(position: number, signedUnits: number, price: number, timeMs: number, opens = '', closes = ''): number {
    if (!Number.isSafeInteger(signedUnits) || signedUnits === 0 || !(price > 0) || !Number.isFinite(price) ||
      !Number.isFinite(timeMs)) {
      throw new PipstreamError('PS_FILL_INVALID', `fill of ${signedUnits} units at ${price} (time ${timeMs}) is not valid`,
        { units: signedUnits, price, timeMs });
    }
    if (position < 0 || position >= this.#positions) {
      throw new PipstreamError('PS_FILL_INVALID', `position index ${position} does not exist`, { position });
    }
    if (timeMs >= this.#nextDayStart) this.#rollDay(timeMs);
    const s = this.#pos, o = position * P_STRIDE;
    const units = s[o + P_UNITS], avg = s[o + P_AVG];
    let realized = 0;
    if (units === 0 || (units > 0) === (signedUnits > 0)) {
      const a = Math.abs(units), q = Math.abs(signedUnits);
      s[o + P_AVG] = (avg * a + price * q) / (a + q);
    } else {
      const closed = Math.min(Math.abs(units), Math.abs(signedUnits));
      realized = (price - avg) * (units > 0 ? closed : -closed);
      const left = units + signedUnits;
      if (left === 0) s[o + P_AVG] = 0;
      else if ((left > 0) !== (units > 0)) s[o + P_AVG] = price;
    }
    fillTrades(this.#trades[position]!, this.#tradeIds[position]!, signedUnits, opens, closes);
    s[o + P_UNITS] = units + signedUnits;
    s[o + P_REALIZED] += realized;
    const acct = s[o + P_ACCOUNT] * A_STRIDE;
    this.#acct[acct + A_REALIZED] += realized;
    const ins = s[o + P_INSTRUMENT];
    const bid = this.#quote[2 * ins], ask = this.#quote[2 * ins + 1];
    if (bid === bid) this.#markPosition(position, bid, ask);
    else this.#markPosition(position, price, price);
    // Re-sum exactly so rounding from per-tick deltas does not outlive a fill (flat means exactly 0).
    this.#resumUnrealized(s[o + P_ACCOUNT]);
    return realized;
  }

  /**
   * Sets a position to what the broker holds (reconciliation's 'adopt' policy), without realizing
   * anything: the engine never saw the fills that made the difference, so the P&L they realized is the
   * broker's (adopt its balance with `adoptBalance`). The position is marked at the instrument's last
   * quote (at `avgPrice` before any), so unrealized P&L, equity and drawdown follow at once, and later
   * fills realize against the adopted average. `units` 0 makes the position flat (`avgPrice` ignored).
   * `trades`: the signed units of the open trades that make it up, oldest first (default one trade of all of
   * it; none when flat). Returns the position index.
   */
  adoptPosition(account: string, instrument: string, units: number, avgPrice: number, trades: readonly number[] = units === 0 ? [] : [units]): number {
    if (!Number.isSafeInteger(units) || (units !== 0 && !(avgPrice > 0 && Number.isFinite(avgPrice))) || !tradesMakeUp(units, trades)) {
      throw new PipstreamError('PS_FILL_INVALID', `adopted position of ${units} units at ${avgPrice} in trades [${trades.join(', ')}] is not valid`,
        { account, instrument, units, avgPrice, trades });
    }
    const p = this.position(account, instrument);
    const s = this.#pos, o = p * P_STRIDE;
    s[o + P_UNITS] = units;
    s[o + P_AVG] = units === 0 ? 0 : avgPrice;
    this.#trades[p] = [...trades];
    this.#tradeIds[p] = trades.map(() => '');
    const ins = s[o + P_INSTRUMENT];
    const bid = this.#quote[2 * ins], ask = this.#quote[2 * ins + 1];
    if (bid === bid) this.#markPosition(p, bid, ask);
    else this.#markPosition(p, s[o + P_AVG], s[o + P_AVG]);
    this.#resumUnrealized(s[o + P_ACCOUNT]);
    return p;
  }

  /**
   * Sets an account's cash balance (balance + realized, what a broker calls its balance) to the broker's:
   * the starting balance absorbs the difference, so realized P&L keeps counting the engine's own fills.
   */
  adoptBalance(account: string, cashBalance: number): void {
    if (!Number.isFinite(cashBalance)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `account ${account}: balance ${cashBalance} is not finite`, { account, balance: cashBalance });
    }
    const a = this.account(account) * A_STRIDE;
    this.#acct[a + A_BALANCE] = cashBalance - this.#acct[a + A_REALIZED];
    this.#track(a);
  }

  /** The account's book (see AccountBook); an account never seen has an empty one. */
  accountBook(account: string): AccountBook {
    const a = this.#accountIndex.get(account);
    if (a === undefined) return { realized: 0, realizedToday: 0, dayStartMs: this.#dayStart, positions: [] };
    const positions: AccountBook['positions'] = [];
    for (let p = 0; p < this.#positions; p++) {
      const o = p * P_STRIDE, s = this.#pos;
      if (s[o + P_ACCOUNT] !== a || (s[o + P_UNITS] === 0 && s[o + P_REALIZED] === 0)) continue;
      const ins = s[o + P_INSTRUMENT], bid = this.#quote[2 * ins], ask = this.#quote[2 * ins + 1];
      positions.push({
        instrument: this.#instrumentIds[ins]!, units: s[o + P_UNITS], avgPrice: s[o + P_AVG], realized: s[o + P_REALIZED],
        trades: [...this.#trades[p]!], tradeIds: [...this.#tradeIds[p]!], ...(bid === bid ? { bid, ask } : {}),
      });
    }
    const acct = this.#acct, o = a * A_STRIDE;
    return {
      realized: acct[o + A_REALIZED], realizedToday: this.realizedToday(a), dayStartMs: this.#dayStart, equityPeak: acct[o + A_PEAK],
      maxDrawdownPct: acct[o + A_MAX_DD], dayStartEquity: acct[o + A_DAY_START_EQUITY], positions,
    };
  }

  /**
   * Loads a checkpointed book into an account that has booked nothing. A book of a later trading day than the
   * portfolio's moves the portfolio on to that day (as a tick of it would); a book of an earlier one realized
   * nothing today. Positions are marked at the last quote (at their average before any).
   */
  loadAccountBook(account: string, book: AccountBook): void {
    for (const b of book.positions) {
      if (!Number.isSafeInteger(b.units) || (b.units !== 0 && !(b.avgPrice > 0 && Number.isFinite(b.avgPrice))) || !Number.isFinite(b.realized) ||
        !tradesMakeUp(b.units, b.trades) || (b.bid !== undefined && !(b.bid > 0 && b.ask! > 0 && Number.isFinite(b.bid) && Number.isFinite(b.ask!)))) {
        throw new PipstreamError('PS_FILL_INVALID', `checkpointed position of ${account} ${b.instrument}: ${b.units} units at ${b.avgPrice} in trades [${b.trades.join(', ')}] is not valid`,
          { account, instrument: b.instrument, units: b.units });
      }
    }
    if (![book.realized, book.realizedToday, book.equityPeak ?? 0, book.maxDrawdownPct ?? 0, book.dayStartEquity ?? 0].every(Number.isFinite)) {
      throw new PipstreamError('PS_FILL_INVALID', `checkpointed P&L figures of ${account} are not finite`, { account });
    }
    const a = this.account(account);
    if (this.#acct[a * A_STRIDE + A_REALIZED] !== 0 || this.positionsOf(account).some((p) => p.units !== 0 || p.realized !== 0)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `account ${account} has booked fills: a checkpoint loads into an account that has none`, { account });
    }
    if (book.dayStartMs === book.dayStartMs && !(book.dayStartMs <= this.#dayStart)) this.#rollDay(book.dayStartMs);
    for (const b of book.positions) {
      const p = this.position(account, b.instrument);
      const s = this.#pos, o = p * P_STRIDE;
      s[o + P_UNITS] = b.units;
      s[o + P_AVG] = b.units === 0 ? 0 : b.avgPrice;
      s[o + P_REALIZED] = b.realized;
      this.#trades[p] = [...b.trades];
      this.#tradeIds[p] = b.trades.map((_, i) => b.tradeIds?.[i] ?? '');
      const ins = s[o + P_INSTRUMENT];
      // No tick of the instrument yet: the last quote the book saw is the best price there is.
      if (!(this.#quote[2 * ins] === this.#quote[2 * ins]) && b.bid !== undefined && b.ask !== undefined) {
        this.#quote[2 * ins] = b.bid;
        this.#quote[2 * ins + 1] = b.ask;
      }
      const bid = this.#quote[2 * ins], ask = this.#quote[2 * ins + 1];
      if (bid === bid) this.#markPosition(p, bid, ask);
      else this.#markPosition(p, s[o + P_AVG], s[o + P_AVG]);
    }
    const o = a * A_STRIDE;
    this.#acct[o + A_REALIZED] = book.realized;
    const sameDay = book.dayStartMs === this.#dayStart;
    this.#acct[o + A_DAY_START_REALIZED] = sameDay ? book.realized - book.realizedToday : book.realized;
    // An older book tells the day's start only as far as balance and realized P&L go (what was unrealized then is not in it).
    this.#acct[o + A_DAY_START_EQUITY] = sameDay && book.dayStartEquity !== undefined ? book.dayStartEquity
      : this.#acct[o + A_BALANCE] + this.#acct[o + A_DAY_START_REALIZED];
    if (book.equityPeak !== undefined && book.equityPeak > this.#acct[o + A_PEAK]) this.#acct[o + A_PEAK] = book.equityPeak;
    if (book.maxDrawdownPct !== undefined && book.maxDrawdownPct > this.#acct[o + A_MAX_DD]) this.#acct[o + A_MAX_DD] = book.maxDrawdownPct;
    this.#resumUnrealized(a);
  }

  /** Copies of an account's positions, flat ones included; none for an account never seen (allocates). */
  positionsOf(account: string): PositionSnapshot[] {
    const a = this.#accountIndex.get(account);
    const out: PositionSnapshot[] = [];
    if (a === undefined) return out;
    for (let p = 0; p < this.#positions; p++) {
      if (this.#pos[p * P_STRIDE + P_ACCOUNT] === a) out.push(this.positionSnapshot(p));
    }
    return out;
  }

  #markPosition(p: number, bid: number, ask: number): void {
    const s = this.#pos, o = p * P_STRIDE;
    const units = s[o + P_UNITS];
    const u = units === 0 ? 0 : ((units > 0 ? bid : ask) - s[o + P_AVG]) * units;
    const a = s[o + P_ACCOUNT] * A_STRIDE;
    const acct = this.#acct;
    acct[a + A_UNREALIZED] += u - s[o + P_UNREALIZED];
    s[o + P_UNREALIZED] = u;
    this.#track(a);
  }

  #resumUnrealized(account: number): void {
    const s = this.#pos;
    let sum = 0;
    for (let p = 0; p < this.#positions; p++) {
      if (s[p * P_STRIDE + P_ACCOUNT] === account) sum += s[p * P_STRIDE + P_UNREALIZED];
    }
    this.#acct[account * A_STRIDE + A_UNREALIZED] = sum;
    this.#track(account * A_STRIDE);
  }

  /** Equity peak and max drawdown of the account record at offset `a`. */
  #track(a: number): void {
    const acct = this.#acct;
    const eq = acct[a + A_BALANCE] + acct[a + A_REALIZED] + acct[a + A_UNREALIZED];
    if (eq > acct[a + A_PEAK]) acct[a + A_PEAK] = eq;
    const peak = acct[a + A_PEAK];
    const dd = peak > 0 ? (peak - eq) / peak * 100 : 0;
    if (dd > acct[a + A_MAX_DD]) acct[a + A_MAX_DD] = dd;
  }

  /** Crossing a trading-day start: each account's day starts from its equity just before the crossing. */
  #rollDay(timeMs: number): void {
    const acct = this.#acct;
    for (let i = 0; i < this.#accountIds.length; i++) {
      const a = i * A_STRIDE;
      acct[a + A_DAY_START_EQUITY] = acct[a + A_BALANCE] + acct[a + A_REALIZED] + acct[a + A_UNREALIZED];
      acct[a + A_DAY_START_REALIZED] = acct[a + A_REALIZED];
    }
    this.#dayStart = this.clock.startAtOrBefore(timeMs);
    this.#nextDayStart = this.clock.nextStartAfter(timeMs);
  }

  // Index-based reads for risk checks (no allocation).
  units(position: number): number { return this.#pos[position * P_STRIDE + P_UNITS]; }
  /** Open trades of a position, as a broker counts them (see applyFill). */
  trades(position: number): number { return this.#trades[position]!.length; }
  /** The signed units of a position's open trades, oldest first (a copy). */
  tradeUnits(position: number): number[] { return [...this.#trades[position]!]; }
  /** Index of the account a position belongs to. */
  accountOf(position: number): number { return this.#pos[position * P_STRIDE + P_ACCOUNT]; }
  avgPrice(position: number): number { return this.#pos[position * P_STRIDE + P_AVG]; }
  unrealized(account: number): number { return this.#acct[account * A_STRIDE + A_UNREALIZED]; }
  equity(account: number): number {
    const a = account * A_STRIDE, acct = this.#acct;
    return acct[a + A_BALANCE] + acct[a + A_REALIZED] + acct[a + A_UNREALIZED];
  }
  dailyPnl(account: number): number { return this.equity(account) - this.#acct[account * A_STRIDE + A_DAY_START_EQUITY]; }
  /** P&L realized since the trading day started. */
  realizedToday(account: number): number {
    const a = account * A_STRIDE;
    return this.#acct[a + A_REALIZED] - this.#acct[a + A_DAY_START_REALIZED];
  }
  drawdownPct(account: number): number {
    const peak = this.#acct[account * A_STRIDE + A_PEAK];
    return peak > 0 ? (peak - this.equity(account)) / peak * 100 : 0;
  }
  /** Open (non-flat) positions of an account. */
  openPositions(account: number): number {
    let n = 0;
    for (let p = 0; p < this.#positions; p++) {
      if (this.#pos[p * P_STRIDE + P_ACCOUNT] === account && this.#pos[p * P_STRIDE + P_UNITS] !== 0) n++;
    }
    return n;
  }
  /** UTC ms of the next trading-day start (-Infinity before the first tick or fill). */
  get nextDayStartMs(): number { return this.#nextDayStart; }

  positionSnapshot(position: number): PositionSnapshot {
    const s = this.#pos, o = position * P_STRIDE;
    return {
      account: this.#accountIds[s[o + P_ACCOUNT]],
      instrument: this.#instrumentIds[s[o + P_INSTRUMENT]],
      units: s[o + P_UNITS],
      avgPrice: s[o + P_AVG],
      realized: s[o + P_REALIZED],
      unrealized: s[o + P_UNREALIZED],
    };
  }

  accountSnapshot(account: number): AccountSnapshot {
    const a = account * A_STRIDE, acct = this.#acct;
    return {
      account: this.#accountIds[account],
      balance: acct[a + A_BALANCE],
      realized: acct[a + A_REALIZED],
      unrealized: acct[a + A_UNREALIZED],
      equity: this.equity(account),
      equityPeak: acct[a + A_PEAK],
      drawdownPct: this.drawdownPct(account),
      maxDrawdownPct: acct[a + A_MAX_DD],
      dailyPnl: this.dailyPnl(account),
      dayStartMs: this.#dayStart,
    };
  }
}

/** Whether `trades` (signed units, each non-zero and of the position's side) add up to a position of `units`. */
export function tradesMakeUp(units: number, trades: readonly number[]): boolean {
  return trades.every((u) => Number.isSafeInteger(u) && u !== 0 && (u > 0) === (units > 0)) && trades.reduce((a, u) => a + u, 0) === units;
}

/**
 * The open trades of a position (signed units, and the signal ids that opened them) after a fill, as brokers
 * keep them (OANDA, the paper broker): a fill the position's way opens a trade; one the other way reduces the
 * oldest trades first, closing each it uses up, and what is left of it opens a trade the other way. A broker's
 * stop-loss or take-profit (`closes`: the id of its trade) closes that trade whole, wherever it stands.
 */
function fillTrades(trades: number[], ids: string[], signed: number, opens: string, closes: string): void {
  if (closes !== '') {
    const i = ids.indexOf(closes);
    if (i >= 0 && trades[i] === -signed) {
      trades.splice(i, 1);
      ids.splice(i, 1);
      return;
    }
  }
  let rest = signed;
  while (rest !== 0 && trades.length > 0 && (trades[0]! > 0) !== (rest > 0)) {
    const t = trades[0]!;
    if (Math.abs(t) <= Math.abs(rest)) {
      rest += t;
      trades.shift();
      ids.shift();
    } else {
      trades[0] = t + rest;
      rest = 0;
    }
  }
  if (rest !== 0) {
    trades.push(rest);
    ids.push(opens);
  }
}
