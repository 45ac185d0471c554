/** execution actor: the public face (DESIGN.md §14). Brokers behind one interface. */
export { BROKER_REASON, orderIdFor, orderLine } from './broker.ts';
export type {
  Broker, BrokerAccountView, BrokerPosition, BrokerReason, BrokerTransaction, OrderOutcome, OrderRequest, OrderSide, OrderStatus,
} from './broker.ts';
export { PaperBroker, tickColumnsPriceSource } from './paper-broker.ts';
export type { LatencyModel, PaperBrokerOptions, PriceSource, Quote, SlippageModel, TickColumnsLike } from './paper-broker.ts';
export { createOandaBroker } from './oanda-broker.ts';
export type { OandaBroker, OandaBrokerOptions, OandaOrderOutcome } from './oanda-broker.ts';
export { decimal as oandaDecimal } from './oanda-rest-types.ts';
export type { AccountSummary, Position, PositionSide, Trade, Transaction, TransactionPage } from './oanda-rest-types.ts';
export { startExecutionActor } from './execution-actor.ts';
export { Reconciler, engineAccountView, reconcile } from './reconcile.ts';
export type {
  DifferenceKind, EngineAccountView, ReconcileDifference, ReconcilePolicy, ReconcileReport, ReconcileTolerance, ReconcilerOptions,
} from './reconcile.ts';
