export { Supervisor } from './supervisor.ts';
export type { ActorStats, RejectedTick, SupervisorOptions } from './supervisor.ts';
export type { EngineSignal, RiskCheckResult, SignalTypeName } from './signal-record.ts';
export { SIGNAL_TYPE_NAMES } from './signal-record.ts';
export type { ActorCheckpoint } from './checkpoint.ts';
export { decodeCheckpoint, encodeCheckpoint, loadCheckpoint, saveCheckpoint } from './checkpoint.ts';
