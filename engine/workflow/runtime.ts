/**
 * Interprets a compiled program on the actor's hot path. Nothing here allocates per event: scratch arrays
 * are sized from the program header at construction, and all rule state lives in the caller's Float64Array.
 */
import { PipstreamError } from '../errors/mod.ts';
import {
  ACT, BAR_LIST, DIRECTION, HDR, OP, PROGRAM_LAYOUT_VERSION, PROGRAM_MAGIC, SCHED, SESS, STEP, STEP_HDR, TRIG,
  TRIGGER_TYPE, TRIG_STATE,
} from './layout.ts';

/** What the instrument actor exposes to the program; plain fields it overwrites before each call. */
export interface EvalContext {
  bid: number;
  ask: number;
  /** (bid + ask) / 2 */
  mid: number;
  /** Time of the current tick (for a bar close: the tick that closed the bar), epoch ms. */
  timeMs: number;
  /** Price of one pip (0.0001 for EUR_USD, 0.01 for USD_JPY). */
  pipSize: number;
  /** Indicator outputs by slot (ProgramMeta.indicators[j].firstSlot + k); NaN while warming up. */
  indicatorValues: Float64Array;
  /** Signed net position units by program account index. */
  positionUnits: Float64Array;
  /** One fired action: `account` is its program account index, `signedUnits` its order size (+ buy, - sell, 0 none). */
  emit(actionIndex: number, triggerIndex: number, mode: number, account: number, signedUnits: number): void;
}

const DAY_MS = 86_400_000;

/** Rule-state length (Float64 words) a program needs. */
export function ruleStateLength(i32: Int32Array): number {
  return i32[HDR.STATE_LEN];
}

/** Reset rule state for this program: nothing seen yet, nothing fired yet. */
export function initRuleState(i32: Int32Array, state: Float64Array): void {
  state.fill(NaN, 0, i32[HDR.STATE_LEN]);
  state[0] = i32[HDR.STAMP];
}

export class ProgramRuntime {
  readonly #i32: Int32Array;
  readonly #f64: Float64Array;
  readonly #state: Float64Array;
  readonly #ctx: EvalContext;
  readonly #stack: Float64Array;
  readonly #reached: Uint8Array;
  readonly #triggers: number;
  readonly #actions: number;
  readonly #sessions: number;

  /**
   * State that already belongs to this program (word 0 = program stamp) is kept, so a restarted worker
   * continues exactly; any other content (a zeroed buffer, another program's state) is reset.
   */
  constructor(i32: Int32Array, f64: Float64Array, state: Float64Array, ctx: EvalContext) {
    if (i32[HDR.MAGIC] !== PROGRAM_MAGIC || i32[HDR.LAYOUT_VERSION] !== PROGRAM_LAYOUT_VERSION) {
      throw new PipstreamError('PS_CHECKPOINT_INVALID', 'not a workflow program of this layout version', { magic: i32[HDR.MAGIC] });
    }
    if (state.length < i32[HDR.STATE_LEN]) {
      throw new PipstreamError('PS_PROGRAM_TOO_LARGE', `rule state needs ${i32[HDR.STATE_LEN]} words, got ${state.length}`, {});
    }
    this.#i32 = i32;
    this.#f64 = f64;
    this.#state = state;
    this.#ctx = ctx;
    this.#stack = new Float64Array(Math.max(1, i32[HDR.STACK_DEPTH]));
    this.#reached = new Uint8Array(Math.max(1, i32[HDR.MAX_STEPS]));
    this.#triggers = i32[HDR.TRIGGERS_I32];
    this.#actions = i32[HDR.ACTIONS_I32];
    this.#sessions = i32[HDR.SESSIONS_I32];
    if (state[0] !== i32[HDR.STAMP]) initRuleState(i32, state);
  }

  /** Evaluate tick-level triggers (price_cross, schedule) on the context's current tick. */
  onTick(): void {
    const i32 = this.#i32;
    const at = i32[HDR.TICK_LIST_I32];
    const n = i32[HDR.N_TICK];
    for (let k = 0; k < n; k++) this.#trigger(i32[at + k]);
  }

  /** Evaluate the bar triggers of one timeframe, after the actor updated that timeframe's indicators. */
  onBarClose(timeframeIndex: number): void {
    const i32 = this.#i32;
    if (timeframeIndex < 0 || timeframeIndex >= i32[HDR.N_TIMEFRAMES]) return;
    const list = i32[HDR.BAR_LISTS_I32] + timeframeIndex * BAR_LIST.SIZE;
    const at = i32[list + BAR_LIST.OFFSET_I32];
    const n = i32[list + BAR_LIST.COUNT];
    for (let k = 0; k < n; k++) this.#trigger(i32[at + k]);
  }

  #operand(slot: number, minus: number): number {
    const v = this.#ctx.indicatorValues;
    return minus < 0 ? v[slot] : v[slot] - v[minus];
  }

  #trigger(ti: number): void {
    const i32 = this.#i32;
    const state = this.#state;
    const rec = this.#triggers + ti * TRIG.SIZE;
    const st = i32[rec + TRIG.STATE];
    const type = i32[rec + TRIG.TYPE];
    let fired = false;
    if (type === TRIGGER_TYPE.SCHEDULE) {
      const inside = this.#inSchedule(rec) ? 1 : 0;
      fired = inside === 1 && state[st + TRIG_STATE.IN_WINDOW] !== 1;
      state[st + TRIG_STATE.IN_WINDOW] = inside;
    } else if (type === TRIGGER_TYPE.INDICATOR_CROSS_INDICATOR) {
      const a = this.#operand(i32[rec + TRIG.A_SLOT], i32[rec + TRIG.A_MINUS]);
      const b = this.#operand(i32[rec + TRIG.B_SLOT], i32[rec + TRIG.B_MINUS]);
      const pa = state[st + TRIG_STATE.PREV_A];
      const pb = state[st + TRIG_STATE.PREV_B];
      state[st + TRIG_STATE.PREV_A] = a;
      state[st + TRIG_STATE.PREV_B] = b;
      // NaN (undefined) makes every comparison false, so no crossing is seen next to an undefined value.
      fired = i32[rec + TRIG.DIRECTION] === DIRECTION.ABOVE ? pa <= pb && a > b : pa >= pb && a < b;
    } else {
      const v = type === TRIGGER_TYPE.PRICE_CROSS ? this.#ctx.mid : this.#operand(i32[rec + TRIG.A_SLOT], i32[rec + TRIG.A_MINUS]);
      const level = this.#f64[i32[rec + TRIG.LEVEL_F64]];
      const prev = state[st + TRIG_STATE.PREV_A];
      state[st + TRIG_STATE.PREV_A] = v;
      fired = i32[rec + TRIG.DIRECTION] === DIRECTION.ABOVE ? prev <= level && v > level : prev >= level && v < level;
    }
    if (fired) this.#block(rec, ti);
  }

  #inSchedule(rec: number): boolean {
    const i32 = this.#i32;
    const t = this.#ctx.timeMs;
    const day = Math.floor(t / DAY_MS);
    const minute = Math.floor((t - day * DAY_MS) / 60_000);
    const start = i32[rec + SCHED.START_MIN];
    const end = i32[rec + SCHED.END_MIN];
    let windowDay: number;
    if (start < end) {
      if (minute < start || minute >= end) return false;
      windowDay = day;
    } else if (minute >= start) windowDay = day;
    else if (minute < end) windowDay = day - 1; // window opened yesterday and crosses midnight UTC
    else return false;
    return ((i32[rec + SCHED.WEEKDAY_MASK] >> (((windowDay + 4) % 7 + 7) % 7)) & 1) === 1;
  }

  #block(rec: number, ti: number): void {
    const i32 = this.#i32;
    const reached = this.#reached;
    reached[0] = 1;
    let p = i32[rec + TRIG.BLOCK_I32];
    const steps = i32[rec + TRIG.STEPS];
    for (let s = 1; s <= steps; s++) {
      const np = i32[p + 2];
      let any = 0;
      for (let q = 0; q < np; q++) any |= reached[i32[p + STEP_HDR + q]];
      let r = 0;
      if (any === 1) {
        if (i32[p] === STEP.CONDITION) r = this.#condition(i32[p + 1]) ? 1 : 0;
        else { this.#action(i32[p + 1], ti); r = 1; }
      }
      reached[s] = r;
      p += STEP_HDR + np;
    }
  }

  #action(ai: number, ti: number): void {
    const i32 = this.#i32;
    const rec = this.#actions + ai * ACT.SIZE;
    const st = i32[rec + ACT.STATE];
    const t = this.#ctx.timeMs;
    const last = this.#state[st];
    const cooldown = this.#f64[i32[rec + ACT.COOLDOWN_F64]];
    if (cooldown > 0 && last === last && t < last + cooldown) return;
    this.#state[st] = t;
    this.#ctx.emit(ai, ti, i32[rec + ACT.MODE], i32[rec + ACT.ACCOUNT], this.#f64[i32[rec + ACT.UNITS_F64]]);
  }

  #inSession(si: number): boolean {
    const i32 = this.#i32;
    const f64 = this.#f64;
    const rec = this.#sessions + si * SESS.SIZE;
    const t = this.#ctx.timeMs;
    const base = i32[rec + SESS.ZONE_F64];
    // Last (fromUtcMs, offsetMs) pair with fromUtcMs <= t; pair 0 starts at the earliest Date.
    let lo = 0;
    let hi = i32[rec + SESS.N_ZONE] - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (f64[base + 2 * mid] <= t) lo = mid; else hi = mid - 1;
    }
    const local = t + f64[base + 2 * lo + 1];
    const day = Math.floor(local / DAY_MS);
    const weekday = ((day + 4) % 7 + 7) % 7;
    if (weekday === 0 || weekday === 6) return false;
    const minute = (local - day * DAY_MS) / 60_000;
    return minute >= i32[rec + SESS.OPEN_MIN] && minute < i32[rec + SESS.CLOSE_MIN];
  }

  #condition(pc: number): boolean {
    const i32 = this.#i32;
    const f64 = this.#f64;
    const s = this.#stack;
    const ctx = this.#ctx;
    let sp = 0;
    for (;;) {
      switch (i32[pc++]) {
        case OP.RET: return s[sp - 1] !== 0;
        case OP.CONST: s[sp++] = f64[i32[pc++]]; break;
        case OP.SLOT: s[sp++] = ctx.indicatorValues[i32[pc++]]; break;
        case OP.SLOT_DIFF: s[sp++] = this.#operand(i32[pc], i32[pc + 1]); pc += 2; break;
        case OP.BID: s[sp++] = ctx.bid; break;
        case OP.ASK: s[sp++] = ctx.ask; break;
        case OP.MID: s[sp++] = ctx.mid; break;
        case OP.SPREAD_PIPS: s[sp++] = (ctx.ask - ctx.bid) / ctx.pipSize; break;
        case OP.HOUR: s[sp++] = Math.floor((ctx.timeMs - Math.floor(ctx.timeMs / DAY_MS) * DAY_MS) / 3_600_000); break;
        case OP.MINUTE: s[sp++] = Math.floor((ctx.timeMs - Math.floor(ctx.timeMs / 3_600_000) * 3_600_000) / 60_000); break;
        case OP.WEEKDAY: s[sp++] = ((Math.floor(ctx.timeMs / DAY_MS) + 4) % 7 + 7) % 7; break;
        case OP.POSITION: s[sp++] = ctx.positionUnits[i32[pc++]]; break;
        case OP.NEG: s[sp - 1] = -s[sp - 1]; break;
        case OP.NOT: s[sp - 1] = s[sp - 1] === 0 ? 1 : 0; break;
        case OP.ABS: s[sp - 1] = Math.abs(s[sp - 1]); break;
        case OP.ADD: sp--; s[sp - 1] = s[sp - 1] + s[sp]; break;
        case OP.SUB: sp--; s[sp - 1] = s[sp - 1] - s[sp]; break;
        case OP.MUL: sp--; s[sp - 1] = s[sp - 1] * s[sp]; break;
        case OP.DIV: sp--; s[sp - 1] = s[sp - 1] / s[sp]; break;
        case OP.MIN: sp--; s[sp - 1] = Math.min(s[sp - 1], s[sp]); break;
        case OP.MAX: sp--; s[sp - 1] = Math.max(s[sp - 1], s[sp]); break;
        case OP.LT: sp--; s[sp - 1] = s[sp - 1] < s[sp] ? 1 : 0; break;
        case OP.LE: sp--; s[sp - 1] = s[sp - 1] <= s[sp] ? 1 : 0; break;
        case OP.GT: sp--; s[sp - 1] = s[sp - 1] > s[sp] ? 1 : 0; break;
        case OP.GE: sp--; s[sp - 1] = s[sp - 1] >= s[sp] ? 1 : 0; break;
        case OP.EQ: sp--; s[sp - 1] = s[sp - 1] === s[sp] ? 1 : 0; break;
        case OP.NE: sp--; s[sp - 1] = s[sp - 1] !== s[sp] ? 1 : 0; break;
        case OP.AND: sp--; s[sp - 1] = s[sp - 1] !== 0 && s[sp] !== 0 ? 1 : 0; break;
        case OP.OR: sp--; s[sp - 1] = s[sp - 1] !== 0 || s[sp] !== 0 ? 1 : 0; break;
        case OP.IN_SESSIONS: {
          const mask = i32[pc++];
          let inside = 0;
          for (let k = 0; mask >> k !== 0; k++) if ((mask >> k) & 1 && this.#inSession(k)) { inside = 1; break; }
          s[sp++] = inside;
          break;
        }
        case OP.IN_UTC_HOURS: {
          const from = i32[pc++];
          const to = i32[pc++];
          const h = (ctx.timeMs - Math.floor(ctx.timeMs / DAY_MS) * DAY_MS) / 3_600_000;
          s[sp++] = (from < to ? h >= from && h < to : h >= from || h < to) ? 1 : 0;
          break;
        }
        case OP.WEEKDAY_IN: s[sp++] = (i32[pc++] >> (((Math.floor(ctx.timeMs / DAY_MS) + 4) % 7 + 7) % 7)) & 1; break;
        default: throw new PipstreamError('PS_CHECKPOINT_INVALID', `bad opcode at ${pc - 1}`, { pc: pc - 1 });
      }
    }
  }
}
