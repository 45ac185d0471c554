import type { StreamName } from '../switchboard/mod.ts';
import type { Bus, BusMsg, DeliverFrom } from './types.ts';

/**
 * A pause in delivery this long also means the end: the stream's last messages may have been purged, aged
 * out or be on other subjects.
 */
const QUIET_MS = 500;

/**
 * Hands every message on `subject` of `stream`, from `deliver` up to the stream's end as it is now, to
 * `onMessage` in stream order (an ordered consumer: nothing acked, nothing left behind). Resolves once it
 * has reached that end; rejects with the first error onMessage throws (no message after it is handed over).
 * How a journal is read back at start: the journal is the truth.
 */
export async function readToEnd(bus: Bus, stream: StreamName, subject: string, deliver: DeliverFrom, onMessage: (m: BusMsg) => void): Promise<void> {
  const end = (await bus.streamInfo(stream)).lastSeq;
  if (end === 0) return;
  let done!: () => void;
  const caughtUp = new Promise<void>((r) => { done = r; });
  let quiet: NodeJS.Timeout | undefined;
  let failed: { err: unknown } | null = null;
  const rearm = () => {
    clearTimeout(quiet);
    quiet = setTimeout(done, QUIET_MS);
  };
  const c = await bus.consume(stream, subject, (m) => {
    if (failed !== null) return;
    rearm();
    try {
      if (m.seq <= end) onMessage(m);
    } catch (err) {
      failed = { err };
      done();
    }
    if (m.seq >= end) done();
  }, { deliver });
  // The quiet clock starts once the consumer exists (creating one may take a while on a busy server).
  rearm();
  try {
    await caughtUp;
  } finally {
    clearTimeout(quiet);
    await c.close();
  }
  if (failed !== null) throw (failed as { err: unknown }).err;
}
