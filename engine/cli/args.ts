import { PipstreamError } from '../errors/mod.ts';

/** Flags a command accepts; `repeat` ones may be given several times (values collected in order). */
export type FlagSpec = Readonly<Record<string, { repeat?: boolean; boolean?: boolean }>>;

export function badArgument(message: string, usage: string, details: Record<string, unknown> = {}): never {
  throw new PipstreamError('PS_BAD_ARGUMENT', `${message}\n${usage}`, details);
}

/**
 * Parses `--flag value` / `--flag=value` (and bare boolean flags) after the
 * command word. Unknown, missing or duplicated flags are PS_BAD_ARGUMENT with the usage line.
 */
export function parseFlags(argv: readonly string[], command: string, spec: FlagSpec, usage: string): Map<string, string[]> {
  const opts = new Map<string, string[]>();
  const args = argv[0] === command ? argv.slice(1) : argv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(2, eq) : a.startsWith('--') ? a.slice(2) : '';
    const flag = spec[name];
    if (name === '' || flag === undefined) badArgument(`unknown argument ${JSON.stringify(a)}`, usage, { argument: a });
    let value: string | undefined;
    if (eq > 0) value = a.slice(eq + 1);
    else if (flag.boolean === true) value = 'true';
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) value = args[++i];
    if (value === undefined || value === '') badArgument(`--${name} needs a value`, usage, { argument: name });
    const seen = opts.get(name);
    if (seen !== undefined && flag.repeat !== true) badArgument(`--${name} given more than once`, usage, { argument: name });
    opts.set(name, [...(seen ?? []), value]);
  }
  return opts;
}

/** A paper account's starting cash (account currency) unless --balance says otherwise: an OANDA practice account's. */
export const PAPER_BALANCE = 100_000;

/** The value of --balance: an amount of 0 or more. */
export function parseBalance(text: string, usage: string): number {
  const balance = Number(text);
  if (!(text.trim() !== '' && Number.isFinite(balance) && balance >= 0)) badArgument(`--balance must be an amount of 0 or more, got ${text}`, usage);
  return balance;
}
