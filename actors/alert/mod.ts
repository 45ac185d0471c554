/** alert actor: the public face (DESIGN.md §14). SIGNAL_ALERT -> notification -> transports. */
export { AlertActor } from './alert-actor.ts';
export type { AlertActorOptions } from './alert-actor.ts';
export { alertMessage, notificationFor } from './notification.ts';
export type { AlertSignal, Notification } from './notification.ts';
export { smtpTransport } from './smtp.ts';
export type { SmtpOptions } from './smtp.ts';
export { backoffMs, deliveryError, isRetryable, withRetries } from './transport.ts';
export type { DeliveryErrorDetails, RetryOptions, Transport } from './transport.ts';
export { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature, webhookTransport } from './webhook.ts';
export type { WebhookOptions } from './webhook.ts';
