import { Streams, type StreamName } from '../switchboard/mod.ts';
import type { ResolvedBusOptions } from './types.ts';

/** The part of a stream's configuration pipstream owns (file storage, limits retention). */
export interface StreamSpec {
  name: string;
  subjects: string[];
  duplicateWindowMs: number;
  maxAgeMs: number;
  /** Oldest messages are dropped beyond it (the server reserves it for the stream). */
  maxBytes: number;
}

export function streamSpecs(o: Pick<ResolvedBusOptions, 'duplicateWindowMs' | 'maxAgeMs' | 'streamMaxBytes'>): StreamSpec[] {
  return (Object.keys(Streams) as StreamName[]).map((k) => ({
    name: Streams[k].name,
    subjects: [...Streams[k].subjects],
    // The dedupe window may not exceed max age (server rule).
    duplicateWindowMs: o.maxAgeMs > 0 ? Math.min(o.duplicateWindowMs, o.maxAgeMs) : o.duplicateWindowMs,
    maxAgeMs: o.maxAgeMs,
    maxBytes: o.streamMaxBytes[k] ?? Streams[k].maxBytes,
  }));
}
