import {
  EventType, Side, type Signal, SignalMode, encodeRejectedTickEvent, encodeSignalEvent, makeEnvelope,
} from '../events/mod.ts';
import type { RiskReason } from '../risk/mod.ts';
import type { EngineSignal, RejectedTick } from '../supervisor/mod.ts';
import { Subjects, tickMsgId } from '../switchboard/mod.ts';

/** The journal form of a signal: SignalEvent on `workflow.signals.<account>`, msgId = signal id. */
export function signalMessage(s: EngineSignal, source: string): { subject: string; data: Uint8Array; msgId: string } {
  const data = encodeSignalEvent({
    envelope: makeEnvelope(EventType.EVENT_TYPE_SIGNAL, {
      eventId: s.id,
      correlationId: s.id,
      causationId: tickMsgId(source, s.instrument, s.tick_seq),
      sourceTsUs: Math.round(s.time_ms * 1000),
    }),
    signal: {
      id: s.id,
      account: s.account,
      workflowId: s.workflow_id,
      workflowVersion: s.workflow_version,
      nodeId: s.node_id,
      triggerNodeId: s.trigger_node_id,
      instrument: s.instrument,
      mode: SignalMode[s.type as keyof typeof SignalMode] as SignalMode,
      timeMs: s.time_ms,
      price: s.price,
      bid: s.bid,
      ask: s.ask,
      side: s.side === 'buy' ? Side.SIDE_BUY : s.side === 'sell' ? Side.SIDE_SELL : Side.SIDE_UNSPECIFIED,
      units: s.units ?? 0,
      stopLossPips: s.stop_loss_pips ?? 0,
      takeProfitPips: s.take_profit_pips ?? 0,
      tickSeq: s.tick_seq,
      expiryS: s.expiry_s ?? undefined,
      tradeable: s.tradeable,
      riskCheck: s.risk_check == null ? undefined : {
        approved: s.risk_check.approved, reason: s.risk_check.reason ?? '', limit: s.risk_check.limit ?? undefined, value: s.risk_check.value ?? undefined,
      },
    },
  });
  return { subject: Subjects.signals(s.account), data, msgId: s.id };
}

/**
 * A journaled signal back in engine form (what consumers of SIGNALS work with). The journal does not
 * carry the cooldown (it only matters inside the actor); protobuf's 0 for units and pips means none.
 */
export function engineSignalOf(s: Signal): EngineSignal {
  return {
    id: s.id ?? '',
    type: (SignalMode[s.mode ?? 0] ?? 'SIGNAL_MODE_UNSPECIFIED') as EngineSignal['type'],
    instrument: s.instrument ?? '',
    time_ms: s.timeMs ?? NaN,
    workflow_id: s.workflowId ?? '',
    workflow_version: s.workflowVersion ?? 0,
    node_id: s.nodeId ?? '',
    trigger_node_id: s.triggerNodeId ?? '',
    account: s.account ?? '',
    price: s.price ?? 0,
    bid: s.bid ?? 0,
    ask: s.ask ?? 0,
    side: s.side === Side.SIDE_BUY ? 'buy' : s.side === Side.SIDE_SELL ? 'sell' : null,
    units: s.units ? Number(s.units) : null,
    stop_loss_pips: s.stopLossPips ? s.stopLossPips : null,
    take_profit_pips: s.takeProfitPips ? s.takeProfitPips : null,
    cooldown_s: null,
    expiry_s: s.expiryS ?? null,
    tick_seq: Number(s.tickSeq ?? 0),
    tradeable: s.tradeable === true,
    risk_check: s.riskCheck ? {
      approved: s.riskCheck.approved === true,
      reason: s.riskCheck.approved === true ? null : (s.riskCheck.reason || null) as RiskReason | null,
      limit: s.riskCheck.limit ?? null,
      value: s.riskCheck.value ?? null,
    } : null,
  };
}

/** The dead-letter form of a rejected tick, on `prices.forex.<instrument>.dlq`. */
export function rejectedTickMessage(r: RejectedTick, source: string): { subject: string; data: Uint8Array; msgId: string } {
  const msgId = tickMsgId(source, r.instrument, r.seq);
  const data = encodeRejectedTickEvent({
    envelope: makeEnvelope(EventType.EVENT_TYPE_REJECTED_TICK, { causationId: msgId, sourceTsUs: Number.isFinite(r.time_ms) ? Math.round(r.time_ms * 1000) : 0 }),
    rejectedTick: { instrument: r.instrument, timeMs: r.time_ms, bid: r.bid, ask: r.ask, reason: r.reason, source, seq: r.seq },
  });
  return { subject: Subjects.deadLetter(Subjects.price(r.instrument)), data, msgId };
}
