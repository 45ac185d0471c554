/** ingest actor: the public face (DESIGN.md §14). Price sources that feed PRICES. */
export { createOandaPriceStream } from './oanda-stream.ts';
export type { OandaPriceStream, OandaPriceStreamOptions, OandaStreamState, OandaStreamStats } from './oanda-stream.ts';
export { parseDecimal, parseRfc3339Ms, parseUnixTimeMs } from './oanda-price-line.ts';
export type { DatetimeFormat, HeartbeatHandler, MalformedHandler, TickHandler } from './oanda-price-line.ts';
export { parseSpeed, replayTicks } from './replay-source.ts';
export { startTickFilePublisher } from './tick-publisher-thread.ts';
export type { TickFilePublisher } from './tick-publisher-thread.ts';
