/**
 * Dead letters (DESIGN.md §8): a message a consumer sets aside goes to `<its subject>.dlq` as a
 * DeadLetterEvent carrying the original bytes and the error, never just the bytes.
 */
import type { PipstreamError } from '../errors/mod.ts';
import { Subjects } from '../switchboard/mod.ts';
import { EventType, makeEnvelope, pb } from './mod.ts';
import type { JournalMessage } from './trade.ts';

export interface DeadLetterFields {
  /** Where the message was consumed from, its stream and sequence (0: not from a stream). */
  subject: string;
  stream: string;
  seq: number;
  data: Uint8Array;
  /** The actor that set it aside. */
  consumer: string;
  error: PipstreamError;
  failedAtMs: number;
}

export interface DeadLetterRecord extends Omit<DeadLetterFields, 'error'> {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/**
 * The DeadLetterEvent of a message, on `<subject>.dlq`. msgId `<consumer>:<subject>:<seq>` (or
 * `:<msgKey>` for a message not from a stream), so setting the same message aside twice stores it once.
 */
export function deadLetterMessage(f: DeadLetterFields, msgKey = String(f.seq)): JournalMessage {
  const data = pb.DeadLetterEvent.encode({
    envelope: makeEnvelope(EventType.EVENT_TYPE_DEAD_LETTER, { sourceTsUs: Math.round(f.failedAtMs * 1000) }),
    deadLetter: {
      subject: f.subject, stream: f.stream, streamSeq: f.seq, data: f.data, consumer: f.consumer, failedAtMs: f.failedAtMs,
      errorCode: f.error.code, errorMessage: f.error.message, errorDetailsJson: JSON.stringify(f.error.details),
    },
  }).finish();
  return { subject: Subjects.deadLetter(f.subject), data, msgId: `${f.consumer}:${f.subject}:${msgKey}` };
}

/** A DeadLetterEvent back (for operators' tools and tests). */
export function readDeadLetter(data: Uint8Array): DeadLetterRecord {
  const d = pb.DeadLetterEvent.decode(data).deadLetter ?? {};
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(d.errorDetailsJson || '{}') as Record<string, unknown>;
  } catch {
    details = { unparsed: d.errorDetailsJson };
  }
  return {
    subject: d.subject ?? '', stream: d.stream ?? '', seq: Number(d.streamSeq ?? 0), data: d.data ?? new Uint8Array(0),
    consumer: d.consumer ?? '', failedAtMs: d.failedAtMs ?? 0,
    error: { code: d.errorCode ?? '', message: d.errorMessage ?? '', details },
  };
}
