/**
 * Operators' control of an account's risk budget, a NATS request on `risk.control.<account>` (the gateway's
 * `/v1/accounts/{account}/risk` routes send it). JSON in, JSON out:
 *
 *   { "op": "status" | "halt" | "resume" | "clear_drawdown_halt" }
 *   -> { "ok": true, "op": ..., "budget": true, "halted": { dailyLoss, drawdown, manual, reconciliation }, "dailyLoss", "drawdownPct", "equityPeak" }
 *      ("budget": false: a status of an account with no risk budget, no limits and no halts; a change gives it one)
 *   -> { "ok": false, "reason": "..." }   (a request that is not one of these)
 *
 * `halt` stops the account's new orders (ACCOUNT_HALTED) until `resume`; `clear_drawdown_halt` is the operator's
 * decision to trade on after a drawdown halt: the current equity becomes the peak drawdown is measured from. A
 * daily-loss halt clears with the next trading day. Only the node that trades for the account answers.
 */
import { type AccountRisk, clearDrawdownHalt, haltTrading, readRiskState, resumeTrading, RiskHalt } from '../risk/mod.ts';

export const RISK_CONTROL_OPS = ['status', 'halt', 'resume', 'clear_drawdown_halt'] as const;
export type RiskControlOp = (typeof RISK_CONTROL_OPS)[number];

export type RiskControlReply =
  | { ok: true; op: RiskControlOp; budget: boolean; halted: { dailyLoss: boolean; drawdown: boolean; manual: boolean; reconciliation: boolean };
    dailyLoss: number; drawdownPct: number; equityPeak: number }
  | { ok: false; reason: string };

/** The op of a request, or why it is not one. */
export function parseRiskControl(data: Uint8Array): RiskControlOp | { reason: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return { reason: 'the request is not JSON' };
  }
  const op = (doc as { op?: unknown } | null)?.op;
  if (typeof op !== 'string' || !(RISK_CONTROL_OPS as readonly string[]).includes(op)) {
    return { reason: `op must be one of ${RISK_CONTROL_OPS.join(', ')}, not ${JSON.stringify(op)}` };
  }
  return op as RiskControlOp;
}

/** Applies `op` to the budget and answers with its state after it. */
export function applyRiskControl(risk: AccountRisk, op: RiskControlOp): RiskControlReply {
  if (op === 'halt') haltTrading(risk, RiskHalt.MANUAL);
  else if (op === 'resume') resumeTrading(risk, RiskHalt.MANUAL);
  else if (op === 'clear_drawdown_halt') clearDrawdownHalt(risk);
  const s = readRiskState(risk);
  return { ok: true, op, budget: true, halted: s.halted, dailyLoss: s.dailyLoss, drawdownPct: s.drawdownPct, equityPeak: s.equityPeak };
}

/** The status of an account without a risk budget (no limits, never halted): `budget` false. */
export function noBudget(): RiskControlReply {
  return {
    ok: true, op: 'status', budget: false, halted: { dailyLoss: false, drawdown: false, manual: false, reconciliation: false },
    dailyLoss: 0, drawdownPct: 0, equityPeak: 0,
  };
}
