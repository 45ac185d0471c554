/** Workflow document types (the JSON Schema in workflow.schema.json is the contract). */

/**
 * The longest a pending confirmation may wait (`expiry_s`, the schema's maximum): a restarted node rebuilds
 * pending orders from this much of the ORDERS journal, so none still pending can be older.
 */
export const MAX_CONFIRMATION_EXPIRY_S = 86_400;

export type IndicatorName = 'sma' | 'ema' | 'rsi' | 'macd' | 'bbands' | 'atr' | 'stddev';

export interface IndicatorRef {
  name: IndicatorName;
  params: number[];
  timeframe: string;
  /** macd: line|signal|hist (default line); bbands: upper|middle|lower (default middle). */
  output?: string;
}

export type Direction = 'above' | 'below';
export type PriceOperand = 'bid' | 'ask' | 'mid' | 'spread_pips';
export type Operand = PriceOperand | { indicator: IndicatorRef };
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type SessionName = 'london' | 'new_york' | 'tokyo' | 'sydney';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

interface NodeBase { id: string }

export interface PriceCrossTrigger extends NodeBase { kind: 'trigger'; type: 'price_cross'; level: number; direction: Direction }
export interface IndicatorCrossTrigger extends NodeBase {
  kind: 'trigger'; type: 'indicator_cross'; indicator: IndicatorRef; direction: Direction; level: number;
}
export interface IndicatorCrossIndicatorTrigger extends NodeBase {
  kind: 'trigger'; type: 'indicator_cross_indicator'; a: IndicatorRef; b: IndicatorRef; direction: Direction;
}
export interface VolatilityTrigger extends NodeBase { kind: 'trigger'; type: 'volatility'; indicator: IndicatorRef; threshold: number }
export interface ScheduleTrigger extends NodeBase {
  kind: 'trigger'; type: 'schedule'; start: string; end: string; weekdays?: Weekday[];
}
export type TriggerNode = PriceCrossTrigger | IndicatorCrossTrigger | IndicatorCrossIndicatorTrigger | VolatilityTrigger | ScheduleTrigger;

export interface CompareCondition extends NodeBase { kind: 'condition'; type: 'compare'; left: Operand; op: CompareOp; right: Operand | number }
export interface SessionCondition extends NodeBase {
  kind: 'condition'; type: 'session'; sessions?: SessionName[]; utc_hours?: [number, number];
}
export interface WeekdayCondition extends NodeBase { kind: 'condition'; type: 'weekday'; days: Weekday[] }
export interface PositionCondition extends NodeBase { kind: 'condition'; type: 'position'; state: 'flat' | 'long' | 'short' }
export interface ExprCondition extends NodeBase { kind: 'condition'; type: 'expr'; expr: string }
export type ConditionNode = CompareCondition | SessionCondition | WeekdayCondition | PositionCondition | ExprCondition;

export type ActionType = 'alert' | 'confirm' | 'execute';
export interface ActionNode extends NodeBase {
  kind: 'action'; type: ActionType; side: 'buy' | 'sell'; units?: number;
  stop_loss_pips?: number; take_profit_pips?: number; cooldown_s?: number; expiry_s?: number;
}

export type WorkflowNode = TriggerNode | ConditionNode | ActionNode;

export interface Workflow {
  id: string;
  version: number;
  account: string;
  instruments: string[];
  enabled?: boolean;
  nodes: WorkflowNode[];
  edges: [string, string][];
}

/** One validation problem: JSON pointer into the document plus a message (expr errors add code and column). */
export interface WorkflowIssue { path: string; message: string; code?: 'PS_EXPR_SYNTAX' | 'PS_EXPR_TYPE'; column?: number }
