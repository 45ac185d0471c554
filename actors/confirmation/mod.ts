/**
 * confirmation actor: the public face (DESIGN.md §14). SIGNAL_PENDING_CONFIRMATION -> pending order
 * -> CONFIRMED (execution hand-off) | REJECTED_BY_USER | EXPIRED, journaled on ORDERS (DESIGN.md §8).
 */
export { ConfirmationActor, startConfirmationActor } from './confirmation-actor.ts';
export type {
  ConfirmReply, ConfirmRequest, ConfirmationActorOptions, ConfirmationState, PendingOrder,
} from './confirmation-actor.ts';
