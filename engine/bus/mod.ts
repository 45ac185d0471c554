/**
 * The message bus (DESIGN.md §1-§3): NATS JetStream in production, an in-process bus when no
 * NATS is available (DESIGN.md §15). Subjects and streams come from engine/switchboard.
 *
 *   const bus = await connectBus({ kind: 'auto' });
 *   if (bus.fallbackReason) console.log(bus.fallbackReason);
 *   await bus.ensureStreams();
 */
import { loadConfig } from '../config/mod.ts';
import { PipstreamError } from '../errors/mod.ts';
import { Streams } from '../switchboard/mod.ts';
import { EmbeddedBus } from './embedded.ts';
import { connectJetStream } from './jetstream.ts';
import type { Bus, BusOptions, ResolvedBusOptions } from './types.ts';

export type {
  Bus, BusConsumer, BusMsg, BusOptions, BusSubscription, ConsumeHandler, ConsumeOptions, CoreMsg, DeliverFrom, PubAck, PublishDone, PublishOptions,
  StreamState,
} from './types.ts';
export { subjectMatches } from './subjects.ts';
export { readToEnd } from './read-to-end.ts';

function resolve(o: BusOptions): ResolvedBusOptions {
  // What the options leave out comes from the environment, read and checked in one place (engine/config).
  const config = o.url === undefined || o.streamMaxBytes === undefined ? loadConfig() : null;
  const r: ResolvedBusOptions = {
    kind: o.kind,
    url: o.url ?? config!.natsUrl,
    name: o.name ?? 'pipstream',
    timeoutMs: o.timeoutMs ?? 5000,
    duplicateWindowMs: o.duplicateWindowMs ?? 120_000,
    maxAgeMs: o.maxAgeMs ?? 7 * 24 * 3600_000,
    streamMaxBytes: o.streamMaxBytes ?? config!.streamMaxBytes,
    maxInFlight: o.maxInFlight ?? 1024,
    highWaterMark: o.highWaterMark ?? 16_384,
    publishAttempts: o.publishAttempts ?? 4,
    durableInactiveMs: o.durableInactiveMs ?? 0,
    onError: o.onError,
  };
  for (const k of ['timeoutMs', 'duplicateWindowMs', 'maxInFlight', 'highWaterMark', 'publishAttempts'] as const) {
    if (!(Number.isFinite(r[k]) && r[k] > 0)) throw new PipstreamError('PS_BAD_ARGUMENT', `bus option ${k} must be > 0`, { [k]: r[k] });
  }
  for (const k of ['maxAgeMs', 'durableInactiveMs'] as const) {
    if (!(Number.isFinite(r[k]) && r[k] >= 0)) throw new PipstreamError('PS_BAD_ARGUMENT', `bus option ${k} must be >= 0`, { [k]: r[k] });
  }
  for (const [k, v] of Object.entries(r.streamMaxBytes)) {
    if (!(k in Streams)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `bus option streamMaxBytes names no stream: ${k} (streams: ${Object.keys(Streams).join(', ')})`, { stream: k });
    }
    if (!(Number.isSafeInteger(v) && v! > 0)) {
      throw new PipstreamError('PS_BAD_ARGUMENT', `bus option streamMaxBytes.${k} must be a whole number of bytes > 0`, { stream: k, maxBytes: v });
    }
  }
  return r;
}

/**
 * 'jetstream': connect to NATS or throw PS_SERVICE_UNAVAILABLE (with the URL).
 * 'embedded': in-process bus, nothing external.
 * 'auto': NATS if reachable, else the embedded bus with `fallbackReason` set (one line for the caller to print).
 */
export async function connectBus(options: BusOptions): Promise<Bus> {
  const o = resolve(options);
  if (o.kind === 'embedded') return new EmbeddedBus(o);
  if (o.kind === 'jetstream') return connectJetStream(o);
  try {
    return await connectJetStream(o);
  } catch (err) {
    const why = (err as Error).message.split('\n')[0];
    return new EmbeddedBus(o, `NATS unavailable (${why}); using the in-process bus: nothing is persisted or shared with other processes`);
  }
}
