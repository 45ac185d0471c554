import { PipstreamError } from '../errors/mod.ts';

/** OANDA instrument names: two ISO currency codes (or a metal/index code) joined by `_`. */
const INSTRUMENT_NAME = /^[A-Z0-9]{2,10}_[A-Z0-9]{2,10}$/;

export function assertInstrumentName(name: string): string {
  if (!INSTRUMENT_NAME.test(name)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `"${name}" is not an instrument name in OANDA form (e.g. EUR_USD)`, { instrument: name });
  }
  return name;
}

/** A pip is 0.01 for JPY-quoted pairs and 0.0001 for the other currency pairs (OANDA's pipLocation). */
export function pipSize(instrument: string): number {
  return instrument.endsWith('_JPY') || instrument.endsWith('_HUF') ? 0.01 : 0.0001;
}
