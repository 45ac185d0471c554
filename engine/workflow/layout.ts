/**
 * The compiled program's layout: every offset the compiler writes and the runtime reads is named here.
 * i32 holds the header, tables and bytecode; f64 holds constants (levels, params, cooldowns, tz tables).
 * Offsets stored in the header/tables are absolute indices into i32 (`*_I32`) or f64 (`*_F64`).
 */

export const PROGRAM_MAGIC = 0x50535746; // 'PSWF'
export const PROGRAM_LAYOUT_VERSION = 2;

/** i32 header words. */
export const HDR = {
  MAGIC: 0,
  LAYOUT_VERSION: 1,
  I32_LEN: 2,
  F64_LEN: 3,
  /** Float64 words of rule state the program needs (see ruleStateLength). */
  STATE_LEN: 4,
  /** Deepest bytecode stack of any condition. */
  STACK_DEPTH: 5,
  /** Largest number of steps of one trigger block + 1 (the runtime's reached-flags scratch). */
  MAX_STEPS: 6,
  N_WORKFLOWS: 7,
  N_ACCOUNTS: 8,
  N_TIMEFRAMES: 9,
  /** f64 offset of N_TIMEFRAMES bar sizes in ms, ascending. */
  TIMEFRAMES_F64: 10,
  N_INDICATORS: 11,
  INDICATORS_I32: 12,
  /** Number of indicator output slots (length the EvalContext's indicatorValues must have). */
  N_SLOTS: 13,
  N_TRIGGERS: 14,
  TRIGGERS_I32: 15,
  N_ACTIONS: 16,
  ACTIONS_I32: 17,
  N_SESSIONS: 18,
  SESSIONS_I32: 19,
  /** Tick-level trigger list: N_TICK trigger indices. */
  N_TICK: 20,
  TICK_LIST_I32: 21,
  /** Per timeframe: BAR_LIST_REC words [offset of trigger indices, count]. */
  BAR_LISTS_I32: 22,
  /** Non-zero hash of the program; rule state word 0 holds it once the state belongs to this program. */
  STAMP: 23,
  SIZE: 24,
} as const;

/** Indicator table record (i32). Output k of indicator j lives in slot FIRST_SLOT + k. */
export const IND = { KIND: 0, TIMEFRAME: 1, N_PARAMS: 2, PARAMS_F64: 3, FIRST_SLOT: 4, N_OUTPUTS: 5, SIZE: 6 } as const;

export const BAR_LIST = { OFFSET_I32: 0, COUNT: 1, SIZE: 2 } as const;

export const TRIGGER_TYPE = { PRICE_CROSS: 1, INDICATOR_CROSS: 2, INDICATOR_CROSS_INDICATOR: 3, VOLATILITY: 4, SCHEDULE: 5 } as const;
export const DIRECTION = { ABOVE: 1, BELOW: -1 } as const;

/**
 * Trigger record (i32). Operand value = slot value, minus the MINUS slot's value when MINUS >= 0 (stddev).
 * SCHEDULE reuses A_SLOT/A_MINUS/B_SLOT as start minute, end minute, UTC weekday mask (bit 0 = Sunday).
 * Block: STEPS steps at BLOCK_I32, each [STEP kind, ref, nPreds, pred...]; pred 0 = the trigger itself,
 * pred p > 0 = the p-th step of the block.
 */
export const TRIG = {
  TYPE: 0, TIMEFRAME: 1, DIRECTION: 2, A_SLOT: 3, A_MINUS: 4, B_SLOT: 5, B_MINUS: 6,
  LEVEL_F64: 7, STATE: 8, BLOCK_I32: 9, STEPS: 10, SIZE: 12,
} as const;
export const SCHED = { START_MIN: TRIG.A_SLOT, END_MIN: TRIG.A_MINUS, WEEKDAY_MASK: TRIG.B_SLOT } as const;

/** Rule state word 0 = program stamp; trigger and action state words follow. */
export const STATE_HDR = 1;

/** Trigger rule-state words (relative to TRIG.STATE). */
export const TRIG_STATE = { PREV_A: 0, PREV_B: 1, IN_WINDOW: 0 } as const;
export const TRIG_STATE_LEN: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 1, 5: 1 };

export const STEP = { CONDITION: 1, ACTION: 2 } as const;
/** Step header words: kind, ref (condition bytecode i32 offset | action index), nPreds. */
export const STEP_HDR = 3;

/**
 * Action record (i32); its state word holds the time_ms of its last emission (NaN = never). UNITS_F64:
 * the order's signed units (+ buy, - sell; 0 for an alert without units), for the risk checks the actor runs.
 */
export const ACT = { MODE: 0, ACCOUNT: 1, COOLDOWN_F64: 2, STATE: 3, UNITS_F64: 4, SIZE: 5 } as const;

/**
 * Session record (i32): local business hours [OPEN_MIN, CLOSE_MIN) Monday-Friday local time, where local
 * time = utc + offset and the offset is found in N_ZONE pairs (fromUtcMs, offsetMs) at ZONE_F64, sorted.
 */
export const SESS = { OPEN_MIN: 0, CLOSE_MIN: 1, N_ZONE: 2, ZONE_F64: 3, SIZE: 4 } as const;

/** Signal modes passed to EvalContext.emit. */
export const SIGNAL_MODE = { SIGNAL_ALERT: 1, SIGNAL_PENDING_CONFIRMATION: 2, SIGNAL_AUTO_EXECUTE: 3 } as const;

/**
 * Condition bytecode: ops on an f64 stack; booleans are 1/0. Inline operands follow the op in i32.
 * Every condition ends with RET (result = top of stack != 0).
 */
export const OP = {
  RET: 0,
  CONST: 1, // f64 index
  SLOT: 2, // slot
  SLOT_DIFF: 3, // slot, minus slot
  BID: 4, ASK: 5, MID: 6, SPREAD_PIPS: 7, HOUR: 8, MINUTE: 9, WEEKDAY: 10,
  POSITION: 11, // account index
  NEG: 12, NOT: 13, ABS: 14,
  ADD: 15, SUB: 16, MUL: 17, DIV: 18, MIN: 19, MAX: 20,
  LT: 21, LE: 22, GT: 23, GE: 24, EQ: 25, NE: 26, AND: 27, OR: 28,
  IN_SESSIONS: 29, // session bit mask (bit i = session record i)
  IN_UTC_HOURS: 30, // from hour, to hour
  WEEKDAY_IN: 31, // UTC weekday mask, bit 0 = Sunday
} as const;
