import { deterministicEventId } from '../../engine/events/mod.ts';
import type { NotificationFields } from '../../engine/events/trade.ts';

/**
 * What an alert becomes: the in-app notification (NOTIFY, see engine/events/trade.ts) and the payload every
 * transport sends. Its id is deterministic (signal id, account, instrument, message, time): a redelivered
 * signal gives the same id.
 */
export type Notification = NotificationFields & { kind: 'signal_alert' };

/** The fields of a signal the alert actor needs (both EngineSignal and the protobuf Signal provide them). */
export interface AlertSignal {
  id: string;
  account: string;
  instrument: string;
  time_ms: number;
  workflow_id: string;
  workflow_version: number;
  node_id: string;
  price: number;
  bid: number;
  ask: number;
}

export function alertMessage(s: AlertSignal): string {
  return `Alert ${s.instrument} at ${s.price} (bid ${s.bid}, ask ${s.ask}) from workflow ${s.workflow_id} v${s.workflow_version} node ${s.node_id}`;
}

export function notificationFor(s: AlertSignal): Notification {
  const message = alertMessage(s);
  return {
    id: deterministicEventId(s.time_ms, 'notification', s.id, s.account, s.instrument, message),
    kind: 'signal_alert',
    account: s.account,
    instrument: s.instrument,
    message,
    time_ms: s.time_ms,
    signal_id: s.id,
    workflow_id: s.workflow_id,
    workflow_version: s.workflow_version,
    node_id: s.node_id,
    price: s.price,
    bid: s.bid,
    ask: s.ask,
  };
}
