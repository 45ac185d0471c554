import { deterministicEventId } from '../events/mod.ts';
import { RiskCheck, SignalSlot } from '../memory/layout.ts';
import { RISK_REASON_CODES, type RiskReason } from '../risk/mod.ts';
import type { ProgramMeta } from '../workflow/mod.ts';

export const SIGNAL_TYPE_NAMES = ['SIGNAL_UNSPECIFIED', 'SIGNAL_ALERT', 'SIGNAL_PENDING_CONFIRMATION', 'SIGNAL_AUTO_EXECUTE'] as const;
export type SignalTypeName = (typeof SIGNAL_TYPE_NAMES)[number];

/**
 * A signal as users see it (the `--signals` JSON line) and as the bus carries
 * it. `time_ms` is the time of the tick on which the trigger fired (for a bar
 * trigger: the tick that closed the bar).
 */
export interface EngineSignal {
  id: string;
  type: SignalTypeName;
  instrument: string;
  time_ms: number;
  workflow_id: string;
  workflow_version: number;
  node_id: string;
  trigger_node_id: string;
  account: string;
  /** Buy: the ask; sell: the bid; alert: the mid. */
  price: number;
  bid: number;
  ask: number;
  side: 'buy' | 'sell' | null;
  units: number | null;
  stop_loss_pips: number | null;
  take_profit_pips: number | null;
  cooldown_s: number | null;
  expiry_s: number | null;
  tick_seq: number;
  /** False for a crossed quote (ask < bid): such a signal must never become an order. */
  tradeable: boolean;
  /**
   * The instrument-level risk checks (whitelist, tradeable quote, order units, spread) the instrument actor
   * ran on the account's live limits when an auto-execute action fired; null or absent when it ran none
   * (not an auto-execute signal, or no limits for the account on the node). `limit` and `value` say what failed.
   */
  risk_check?: RiskCheckResult | null;
}

export interface RiskCheckResult { approved: boolean; reason: RiskReason | null; limit: number | null; value: number | null }

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

function riskCheckOf(ring: Float64Array, at: number): RiskCheckResult | null {
  const code = ring[at + SignalSlot.RISK];
  if (code === RiskCheck.NOT_RUN) return null;
  if (code === RiskCheck.PASSED) return { approved: true, reason: null, limit: null, value: null };
  return {
    approved: false, reason: RISK_REASON_CODES[code - RiskCheck.FIRST_REASON],
    limit: orNull(ring[at + SignalSlot.RISK_LIMIT]), value: orNull(ring[at + SignalSlot.RISK_VALUE]),
  };
}

/** Turns one signal-ring record into an EngineSignal, using the metadata of the program that produced it. */
export function decodeSignalRecord(instrument: string, ring: Float64Array, at: number, meta: ProgramMeta): EngineSignal {
  const action = meta.actions[ring[at + SignalSlot.ACTION]];
  const trigger = meta.triggers[ring[at + SignalSlot.TRIGGER]];
  const wf = meta.workflows[action.workflowIndex];
  const mode = ring[at + SignalSlot.MODE] as 1 | 2 | 3;
  const time = ring[at + SignalSlot.TIME_MS];
  const bid = ring[at + SignalSlot.BID];
  const ask = ring[at + SignalSlot.ASK];
  const seq = ring[at + SignalSlot.TICK_SEQ];
  const side = action.type === 'alert' && action.units === null ? null : action.side;
  return {
    id: deterministicEventId(time, instrument, wf.account, wf.id, wf.version, action.nodeId, trigger.nodeId, seq),
    type: SIGNAL_TYPE_NAMES[mode],
    instrument,
    time_ms: time,
    workflow_id: wf.id,
    workflow_version: wf.version,
    node_id: action.nodeId,
    trigger_node_id: trigger.nodeId,
    account: wf.account,
    price: action.type === 'alert' ? (bid + ask) / 2 : action.side === 'buy' ? ask : bid,
    bid,
    ask,
    side,
    units: action.units,
    stop_loss_pips: action.stopLossPips,
    take_profit_pips: action.takeProfitPips,
    cooldown_s: action.cooldownMs > 0 ? action.cooldownMs / 1000 : null,
    expiry_s: action.expiryMs === null ? null : action.expiryMs / 1000,
    tick_seq: seq,
    tradeable: ring[at + SignalSlot.CROSSED] === 0,
    risk_check: riskCheckOf(ring, at),
  };
}
