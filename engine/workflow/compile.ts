/**
 * Compiles every active workflow that covers one instrument into one flat program (see layout.ts) plus
 * plain-JS meta for the supervisor. Rules are indexed by trigger: tick triggers in one list, bar triggers
 * in one list per timeframe, and each trigger carries only the conditions/actions reachable from it.
 */
import { PipstreamError } from '../errors/mod.ts';
import { parseCondition, callToRef, type Expr } from './expr.ts';
import { INDICATOR_KIND_CODE, INDICATOR_OUTPUTS, resolveRef, type IndicatorKind, type ResolvedRef } from './indicators.ts';
import {
  ACT, BAR_LIST, DIRECTION, HDR, IND, OP, PROGRAM_LAYOUT_VERSION, PROGRAM_MAGIC, SCHED, SESS, SIGNAL_MODE,
  STATE_HDR, STEP, STEP_HDR, TRIG, TRIGGER_TYPE, TRIG_STATE_LEN,
} from './layout.ts';
import { SESSIONS } from './sessions.ts';
import { zoneOffsetTable } from '../time/mod.ts';
import type {
  ActionNode, ActionType, ConditionNode, IndicatorRef, Operand, SessionName, TriggerNode, Weekday, Workflow, WorkflowNode,
} from './types.ts';

export interface IndicatorRequirement {
  kind: IndicatorKind;
  params: number[];
  timeframeMs: number;
  /** Index into timeframesMs. */
  timeframeIndex: number;
  /** Output k is read from indicatorValues[firstSlot + k] (output order as in engine/indicators). */
  firstSlot: number;
  outputs: number;
}

export interface ActionMeta {
  workflowIndex: number;
  nodeId: string;
  type: ActionType;
  side: 'buy' | 'sell';
  units: number | null;
  stopLossPips: number | null;
  takeProfitPips: number | null;
  /** 0 = no cooldown. */
  cooldownMs: number;
  expiryMs: number | null;
  accountIndex: number;
  stateOffset: number;
  /** Identity of the action's cooldown state across program versions (account, workflow, node). */
  stateKey: string;
}

export interface TriggerMeta {
  workflowIndex: number;
  nodeId: string;
  type: TriggerNode['type'];
  /** -1 for tick-level triggers (price_cross, schedule). */
  timeframeIndex: number;
  stateOffset: number;
  stateLength: number;
  /**
   * Identity of the trigger's rule state across program versions: account, workflow, node and what the
   * state remembers (the operand's previous value, a schedule's window) — not the level or direction,
   * which the remembered value does not depend on.
   */
  stateKey: string;
}

export interface ProgramMeta {
  instrument: string;
  workflows: { id: string; version: number; account: string }[];
  actions: ActionMeta[];
  triggers: TriggerMeta[];
  accounts: string[];
  indicators: IndicatorRequirement[];
  timeframesMs: number[];
  /** Length indicatorValues must have. */
  slots: number;
  /** Length of the rule-state Float64Array (same as ruleStateLength(i32)). */
  stateLength: number;
}

export interface CompiledProgram { i32: Int32Array; f64: Float64Array; meta: ProgramMeta }

export interface CompileOptions {
  /** Capacity of the actor's program region in Int32 / Float64 words (PS_PROGRAM_TOO_LARGE beyond). */
  maxI32?: number;
  maxF64?: number;
}

const MODE: Readonly<Record<ActionType, number>> = {
  alert: SIGNAL_MODE.SIGNAL_ALERT, confirm: SIGNAL_MODE.SIGNAL_PENDING_CONFIRMATION, execute: SIGNAL_MODE.SIGNAL_AUTO_EXECUTE,
};
const WEEKDAY_BIT: Readonly<Record<Weekday, number>> = { sun: 1, mon: 2, tue: 4, wed: 8, thu: 16, fri: 32, sat: 64 };
const SESSION_ORDER: readonly SessionName[] = ['london', 'new_york', 'tokyo', 'sydney'];
const CMP_OP: Readonly<Record<string, number>> = { '<': OP.LT, '<=': OP.LE, '>': OP.GT, '>=': OP.GE, '==': OP.EQ, '!=': OP.NE };
const BIN_OP: Readonly<Record<string, number>> = {
  ...CMP_OP, '+': OP.ADD, '-': OP.SUB, '*': OP.MUL, '/': OP.DIV, '&&': OP.AND, '||': OP.OR,
};
const VAR_OP: Readonly<Record<string, number>> = {
  bid: OP.BID, ask: OP.ASK, mid: OP.MID, spread_pips: OP.SPREAD_PIPS, hour: OP.HOUR, minute: OP.MINUTE, weekday: OP.WEEKDAY,
};

/** A table record of `size` words (unset words 0) with the named fields set. */
const record = (size: number, ...fields: [number, number][]): number[] => {
  const r = new Array<number>(size).fill(0);
  for (const [at, v] of fields) r[at] = v;
  return r;
};
const refKey = (r: ResolvedRef): string => `${r.kind}|${r.params.join(',')}|${r.timeframeMs}`;
const hhmm = (s: string): number => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));

/** Every indicator reference a workflow makes (triggers, compare operands, expr calls). */
function refsOf(wf: Workflow, exprs: Map<ConditionNode, Expr>): IndicatorRef[] {
  const out: IndicatorRef[] = [];
  const operand = (o: Operand | number): void => { if (typeof o === 'object') out.push(o.indicator); };
  const walk = (e: Expr): void => {
    if (e.t === 'call') { if (!(e.name === 'abs' || e.name === 'min' || e.name === 'max')) out.push(callToRef(e)); else e.args.forEach(walk); }
    else if (e.t === 'unary') walk(e.arg);
    else if (e.t === 'binary') { walk(e.left); walk(e.right); }
  };
  for (const n of wf.nodes) {
    if (n.type === 'indicator_cross' || n.type === 'volatility') out.push(n.indicator);
    else if (n.type === 'indicator_cross_indicator') out.push(n.a, n.b);
    else if (n.type === 'compare') { operand(n.left); operand(n.right); }
    else if (n.type === 'expr') walk(exprs.get(n)!);
  }
  return out;
}

/** Compile the enabled workflows covering `instrument` (expects validated workflows). */
export function compileProgram(workflows: Workflow[], instrument: string, opts: CompileOptions = {}): CompiledProgram {
  const wfs = workflows.filter((w) => w.enabled !== false && w.instruments.includes(instrument));
  const i32: number[] = new Array(HDR.SIZE).fill(0);
  const f64: number[] = [];
  const konst = (v: number): number => f64.push(v) - 1;

  const exprs = new Map<ConditionNode, Expr>();
  for (const w of wfs) for (const n of w.nodes) if (n.type === 'expr') exprs.set(n, parseCondition(n.expr));

  const accounts = [...new Set(wfs.map((w) => w.account))];
  const resolved = wfs.flatMap((w) => refsOf(w, exprs)).map(resolveRef);
  const timeframesMs = [...new Set(resolved.map((r) => r.timeframeMs))].sort((a, b) => a - b);
  const indicators: IndicatorRequirement[] = [];
  const indIndex = new Map<string, number>();
  let slots = 0;
  for (const r of resolved) {
    if (indIndex.has(refKey(r))) continue;
    indIndex.set(refKey(r), indicators.length);
    const outputs = INDICATOR_OUTPUTS[r.kind].length;
    indicators.push({ kind: r.kind, params: r.params, timeframeMs: r.timeframeMs, timeframeIndex: timeframesMs.indexOf(r.timeframeMs), firstSlot: slots, outputs });
    slots += outputs;
  }
  /** [slot, minus slot or -1] of a reference. */
  const slotOf = (ref: IndicatorRef): [number, number] => {
    const r = resolveRef(ref);
    const first = indicators[indIndex.get(refKey(r))!].firstSlot;
    return [first + r.output, r.minusOutput < 0 ? -1 : first + r.minusOutput];
  };

  i32[HDR.N_TIMEFRAMES] = timeframesMs.length;
  i32[HDR.TIMEFRAMES_F64] = f64.length;
  f64.push(...timeframesMs);
  i32[HDR.N_INDICATORS] = indicators.length;
  i32[HDR.INDICATORS_I32] = i32.length;
  i32[HDR.N_SLOTS] = slots;
  for (const ind of indicators) {
    i32.push(...record(IND.SIZE, [IND.KIND, INDICATOR_KIND_CODE[ind.kind]], [IND.TIMEFRAME, ind.timeframeIndex],
      [IND.N_PARAMS, ind.params.length], [IND.PARAMS_F64, f64.length], [IND.FIRST_SLOT, ind.firstSlot], [IND.N_OUTPUTS, ind.outputs]));
    f64.push(...ind.params);
  }

  const sessionNames = SESSION_ORDER.filter((s) => wfs.some((w) => w.nodes.some((n) => n.type === 'session' && n.sessions?.includes(s))));
  i32[HDR.N_SESSIONS] = sessionNames.length;
  i32[HDR.SESSIONS_I32] = i32.length;
  for (const s of sessionNames) {
    const table = zoneOffsetTable(SESSIONS[s].zone);
    i32.push(...record(SESS.SIZE, [SESS.OPEN_MIN, SESSIONS[s].openMin], [SESS.CLOSE_MIN, SESSIONS[s].closeMin],
      [SESS.N_ZONE, table.length / 2], [SESS.ZONE_F64, f64.length]));
    f64.push(...table);
  }

  // Rule state: stamp word, then per trigger, then per action.
  let state = STATE_HDR;
  const triggers: TriggerMeta[] = [];
  const actions: ActionMeta[] = [];
  const actionIndex = new Map<ActionNode, number>();
  wfs.forEach((w, wi) => {
    const accountIndex = accounts.indexOf(w.account);
    for (const n of w.nodes) {
      if (n.kind !== 'action') continue;
      actionIndex.set(n, actions.length);
      actions.push({
        workflowIndex: wi, nodeId: n.id, type: n.type, side: n.side, units: n.units ?? null,
        stopLossPips: n.stop_loss_pips ?? null, takeProfitPips: n.take_profit_pips ?? null,
        cooldownMs: (n.cooldown_s ?? 0) * 1000, expiryMs: n.expiry_s === undefined ? null : n.expiry_s * 1000,
        accountIndex, stateOffset: 0, stateKey: `${w.account}/${w.id}/${n.id}`,
      });
    }
  });
  i32[HDR.N_ACTIONS] = actions.length;
  i32[HDR.ACTIONS_I32] = i32.length;
  // Action state words are assigned after the triggers' (below).
  for (const a of actions) {
    const signedUnits = a.units === null ? 0 : a.side === 'sell' ? -a.units : a.units;
    i32.push(...record(ACT.SIZE, [ACT.MODE, MODE[a.type]], [ACT.ACCOUNT, a.accountIndex], [ACT.COOLDOWN_F64, konst(a.cooldownMs)],
      [ACT.UNITS_F64, konst(signedUnits)]));
  }

  // Condition bytecode.
  let stackDepth = 1;
  const condOffset = new Map<ConditionNode, number>();
  wfs.forEach((w) => {
    const account = accounts.indexOf(w.account);
    for (const n of w.nodes) {
      if (n.kind !== 'condition') continue;
      condOffset.set(n, i32.length);
      let depth = 0;
      const emit = (op: number, pops: number, pushes: number, ...args: number[]): void => {
        i32.push(op, ...args);
        depth += pushes - pops;
        stackDepth = Math.max(stackDepth, depth);
      };
      const operand = (o: Operand | number): void => {
        if (typeof o === 'number') emit(OP.CONST, 0, 1, konst(o));
        else if (typeof o === 'string') emit(o === 'bid' ? OP.BID : o === 'ask' ? OP.ASK : o === 'mid' ? OP.MID : OP.SPREAD_PIPS, 0, 1);
        else indicator(o.indicator);
      };
      const indicator = (ref: IndicatorRef): void => {
        const [slot, minus] = slotOf(ref);
        if (minus < 0) emit(OP.SLOT, 0, 1, slot); else emit(OP.SLOT_DIFF, 0, 1, slot, minus);
      };
      const expr = (e: Expr): void => {
        switch (e.t) {
          case 'num': emit(OP.CONST, 0, 1, konst(e.value)); break;
          case 'var': if (e.name === 'position') emit(OP.POSITION, 0, 1, account); else emit(VAR_OP[e.name], 0, 1); break;
          case 'unary': expr(e.arg); emit(e.op === '-' ? OP.NEG : OP.NOT, 1, 1); break;
          case 'binary': expr(e.left); expr(e.right); emit(BIN_OP[e.op], 2, 1); break;
          case 'call':
            if (e.name === 'abs') { expr(e.args[0]); emit(OP.ABS, 1, 1); }
            else if (e.name === 'min' || e.name === 'max') { expr(e.args[0]); expr(e.args[1]); emit(e.name === 'min' ? OP.MIN : OP.MAX, 2, 1); }
            else indicator(callToRef(e));
            break;
          case 'str': throw new PipstreamError('PS_EXPR_TYPE', 'unexpected string', { column: e.col });
        }
      };
      switch (n.type) {
        case 'compare': operand(n.left); operand(n.right); emit(CMP_OP[n.op], 2, 1); break;
        case 'session':
          if (n.sessions !== undefined) emit(OP.IN_SESSIONS, 0, 1, n.sessions.reduce((m, s) => m | (1 << sessionNames.indexOf(s)), 0));
          else emit(OP.IN_UTC_HOURS, 0, 1, n.utc_hours![0], n.utc_hours![1]);
          break;
        case 'weekday': emit(OP.WEEKDAY_IN, 0, 1, n.days.reduce((m, d) => m | WEEKDAY_BIT[d], 0)); break;
        case 'position':
          emit(OP.POSITION, 0, 1, account); emit(OP.CONST, 0, 1, konst(0));
          emit(n.state === 'flat' ? OP.EQ : n.state === 'long' ? OP.GT : OP.LT, 2, 1);
          break;
        case 'expr': expr(exprs.get(n)!); break;
      }
      emit(OP.RET, 1, 0);
    }
  });

  // Trigger blocks: the conditions/actions reachable from the trigger that can still reach an action,
  // in topological order, each with the block-local indices of its predecessors (0 = the trigger).
  let maxSteps = 0;
  const trigRecords: number[][] = [];
  wfs.forEach((w, wi) => {
    const byId = new Map(w.nodes.map((n) => [n.id, n]));
    const succ = new Map(w.nodes.map((n) => [n, [] as typeof w.nodes]));
    const pred = new Map(w.nodes.map((n) => [n, [] as typeof w.nodes]));
    for (const [a, b] of w.edges) { succ.get(byId.get(a)!)!.push(byId.get(b)!); pred.get(byId.get(b)!)!.push(byId.get(a)!); }
    const live = new Set<WorkflowNode>(w.nodes.filter((n) => n.kind === 'action'));
    for (let grew = true; grew;) {
      grew = false;
      for (const n of w.nodes) if (!live.has(n) && succ.get(n)!.some((s) => live.has(s))) { live.add(n); grew = true; }
    }
    const order: typeof w.nodes = [];
    const indeg = new Map(w.nodes.map((n) => [n, pred.get(n)!.length]));
    const queue = w.nodes.filter((n) => indeg.get(n) === 0);
    while (queue.length > 0) {
      const n = queue.shift()!;
      order.push(n);
      for (const s of succ.get(n)!) { indeg.set(s, indeg.get(s)! - 1); if (indeg.get(s) === 0) queue.push(s); }
    }
    for (const t of w.nodes) {
      if (t.kind !== 'trigger') continue;
      const local = new Map<WorkflowNode, number>([[t, 0]]);
      const block: number[] = [];
      for (const n of order) {
        if (n.kind === 'trigger' || !live.has(n)) continue;
        const preds = pred.get(n)!.filter((p) => local.has(p)).map((p) => local.get(p)!);
        if (preds.length === 0) continue;
        local.set(n, local.size);
        // Step: STEP_HDR words [kind, ref, nPreds] then the predecessors.
        const head = [n.kind === 'condition' ? STEP.CONDITION : STEP.ACTION, n.kind === 'condition' ? condOffset.get(n)! : actionIndex.get(n)!, preds.length];
        block.push(...head.slice(0, STEP_HDR), ...preds);
      }
      maxSteps = Math.max(maxSteps, local.size);
      const blockAt = i32.length;
      i32.push(...block);
      const rec = new Array<number>(TRIG.SIZE).fill(-1);
      rec[TRIG.BLOCK_I32] = blockAt;
      rec[TRIG.STEPS] = local.size - 1;
      rec[TRIG.STATE] = state;
      const tfIndex = (ref: IndicatorRef): number => timeframesMs.indexOf(resolveRef(ref).timeframeMs);
      const setA = (ref: IndicatorRef): void => { [rec[TRIG.A_SLOT], rec[TRIG.A_MINUS]] = slotOf(ref); rec[TRIG.TIMEFRAME] = tfIndex(ref); };
      switch (t.type) {
        case 'price_cross':
          rec[TRIG.TYPE] = TRIGGER_TYPE.PRICE_CROSS; rec[TRIG.LEVEL_F64] = konst(t.level);
          rec[TRIG.DIRECTION] = DIRECTION[t.direction === 'above' ? 'ABOVE' : 'BELOW'];
          break;
        case 'indicator_cross':
          rec[TRIG.TYPE] = TRIGGER_TYPE.INDICATOR_CROSS; setA(t.indicator); rec[TRIG.LEVEL_F64] = konst(t.level);
          rec[TRIG.DIRECTION] = DIRECTION[t.direction === 'above' ? 'ABOVE' : 'BELOW'];
          break;
        case 'indicator_cross_indicator':
          rec[TRIG.TYPE] = TRIGGER_TYPE.INDICATOR_CROSS_INDICATOR; setA(t.a); [rec[TRIG.B_SLOT], rec[TRIG.B_MINUS]] = slotOf(t.b);
          rec[TRIG.DIRECTION] = DIRECTION[t.direction === 'above' ? 'ABOVE' : 'BELOW'];
          break;
        case 'volatility':
          rec[TRIG.TYPE] = TRIGGER_TYPE.VOLATILITY; setA(t.indicator); rec[TRIG.LEVEL_F64] = konst(t.threshold);
          rec[TRIG.DIRECTION] = DIRECTION.ABOVE;
          break;
        case 'schedule':
          rec[TRIG.TYPE] = TRIGGER_TYPE.SCHEDULE; rec[SCHED.START_MIN] = hhmm(t.start); rec[SCHED.END_MIN] = hhmm(t.end);
          rec[SCHED.WEEKDAY_MASK] = (t.weekdays ?? ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']).reduce((m, d) => m | WEEKDAY_BIT[d], 0);
          break;
      }
      const { id: _id, level: _level, direction: _direction, threshold: _threshold, ...operand } = t as TriggerNode & Record<string, unknown>;
      triggers.push({
        workflowIndex: wi, nodeId: t.id, type: t.type, timeframeIndex: rec[TRIG.TIMEFRAME], stateOffset: state,
        stateLength: TRIG_STATE_LEN[rec[TRIG.TYPE]], stateKey: `${w.account}/${w.id}/${t.id}/${JSON.stringify(operand)}`,
      });
      state += TRIG_STATE_LEN[rec[TRIG.TYPE]];
      trigRecords.push(rec);
    }
  });
  i32[HDR.N_TRIGGERS] = trigRecords.length;
  i32[HDR.TRIGGERS_I32] = i32.length;
  for (const rec of trigRecords) i32.push(...rec);

  actions.forEach((a, ai) => { a.stateOffset = state; i32[i32[HDR.ACTIONS_I32] + ai * ACT.SIZE + ACT.STATE] = state++; });

  const tick = triggers.flatMap((t, ti) => (t.timeframeIndex < 0 ? [ti] : []));
  i32[HDR.N_TICK] = tick.length;
  i32[HDR.TICK_LIST_I32] = i32.length;
  i32.push(...tick);
  const barLists = timeframesMs.map((_, tf) => triggers.flatMap((t, ti) => (t.timeframeIndex === tf ? [ti] : [])));
  i32[HDR.BAR_LISTS_I32] = i32.length;
  const listsAt = i32.length;
  i32.push(...new Array<number>(timeframesMs.length * BAR_LIST.SIZE).fill(0));
  barLists.forEach((list, tf) => {
    i32[listsAt + tf * BAR_LIST.SIZE + BAR_LIST.OFFSET_I32] = i32.length;
    i32[listsAt + tf * BAR_LIST.SIZE + BAR_LIST.COUNT] = list.length;
    i32.push(...list);
  });

  i32[HDR.MAGIC] = PROGRAM_MAGIC;
  i32[HDR.LAYOUT_VERSION] = PROGRAM_LAYOUT_VERSION;
  i32[HDR.I32_LEN] = i32.length;
  i32[HDR.F64_LEN] = f64.length;
  i32[HDR.STATE_LEN] = state;
  i32[HDR.STACK_DEPTH] = stackDepth;
  i32[HDR.MAX_STEPS] = maxSteps;
  i32[HDR.N_WORKFLOWS] = wfs.length;
  i32[HDR.N_ACCOUNTS] = accounts.length;
  const out = { i32: Int32Array.from(i32), f64: Float64Array.from(f64) };
  out.i32[HDR.STAMP] = stamp(out.i32, out.f64);

  if (opts.maxI32 !== undefined && out.i32.length > opts.maxI32 || opts.maxF64 !== undefined && out.f64.length > opts.maxF64) {
    throw new PipstreamError('PS_PROGRAM_TOO_LARGE',
      `program for ${instrument} needs ${out.i32.length} i32 + ${out.f64.length} f64 words (room: ${opts.maxI32 ?? '-'} + ${opts.maxF64 ?? '-'})`,
      { instrument, i32: out.i32.length, f64: out.f64.length, maxI32: opts.maxI32, maxF64: opts.maxF64 });
  }
  return {
    ...out,
    meta: {
      instrument,
      workflows: wfs.map((w) => ({ id: w.id, version: w.version, account: w.account })),
      actions, triggers, accounts, indicators, timeframesMs, slots, stateLength: state,
    },
  };
}

/** FNV-1a over both arrays (stamp word excluded), forced odd so a zeroed state never matches. */
function stamp(i32: Int32Array, f64: Float64Array): number {
  let h = 0x811c9dc5;
  const mix = (w: number): void => { h = Math.imul(h ^ w, 0x01000193); };
  for (let i = 0; i < i32.length; i++) if (i !== HDR.STAMP) mix(i32[i]);
  const words = new Int32Array(f64.buffer, f64.byteOffset, f64.length * 2);
  for (let i = 0; i < words.length; i++) mix(words[i]);
  return h | 1;
}
