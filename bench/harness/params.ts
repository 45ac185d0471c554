/**
 * Scenario parameters and the `pipstream bench` command line:
 *
 *   pipstream bench [scenario ...] [--param value ...] [--scenario.param value ...] [--smoke] [--out DIR] [--help]
 *
 * `--reps 3` sets `reps` for every selected scenario that has it; `--latency.reps 3` for one only. A
 * parameter no selected scenario has, a missing or malformed value, or an unknown scenario is a usage
 * error (PS_BAD_ARGUMENT; the command exits 2).
 */
import { PipstreamError } from '../../engine/errors/mod.ts';

export interface KindValue { int: number; number: number; numbers: number[]; string: string; strings: string[]; bool: boolean }
export type ParamKind = keyof KindValue;
export type ParamValue = KindValue[ParamKind];

export interface ParamSpec<K extends ParamKind = ParamKind> {
  kind: K;
  default: KindValue[K];
  /** The value `--smoke` uses (a few seconds' worth); the default when absent. */
  smoke?: KindValue[K];
  help: string;
  /** Allowed values of a `string` or `strings` parameter. */
  choices?: readonly string[];
  /** Smallest allowed number (inclusive); without it a number must be above 0. */
  min?: number;
}

export type ParamSpecs = Record<string, ParamSpec>;
export type ParamValues<S extends ParamSpecs> = { [K in keyof S]: KindValue[S[K]['kind']] };

/** The parts of a scenario the parser needs. */
export interface ParamOwner { name: string; params: ParamSpecs }

export interface BenchArgs {
  scenarios: string[];
  /** Per selected scenario: every parameter, defaults (or smoke values) filled in. */
  params: Map<string, Record<string, ParamValue>>;
  smoke: boolean;
  out: string | null;
  help: boolean;
}

const usageError = (message: string, details: Record<string, unknown> = {}): never => {
  throw new PipstreamError('PS_BAD_ARGUMENT', `${message} (pipstream bench --help lists scenarios and parameters)`, details);
};

/** Parses one value of `kind`; `where` names it in the error. */
export function parseParamValue(spec: ParamSpec, raw: string, where: string): ParamValue {
  const number = (text: string): number => {
    const n = Number(text);
    const range = spec.min === undefined ? 'above 0' : `at least ${spec.min}`;
    const kind = spec.kind === 'int' ? 'an integer' : 'a number';
    if (text.trim() === '' || !Number.isFinite(n) || (spec.min === undefined ? n <= 0 : n < spec.min) || (spec.kind === 'int' && !Number.isInteger(n))) {
      usageError(`${where} must be ${kind} ${range}, got ${JSON.stringify(text)}`, { param: where, value: raw });
    }
    return n;
  };
  const allowed = (list: string[]): string[] => {
    const bad = list.filter((s) => s === '' || (spec.choices !== undefined && !spec.choices.includes(s)));
    if (bad.length > 0) {
      const want = spec.choices === undefined ? 'a non-empty value' : spec.choices.join(', ');
      usageError(`${where}: ${bad.map((b) => JSON.stringify(b)).join(', ')} not allowed (${want})`, { param: where, value: raw });
    }
    return list;
  };
  switch (spec.kind) {
    case 'int': case 'number': return number(raw);
    case 'numbers': return raw.split(',').map(number);
    case 'string': return allowed([raw.trim()])[0];
    case 'strings': return allowed(raw.split(',').map((s) => s.trim()));
    case 'bool':
      if (raw !== 'true' && raw !== 'false') usageError(`${where} must be true or false, got ${JSON.stringify(raw)}`, { param: where, value: raw });
      return raw === 'true';
  }
}

export function parseBenchArgs(argv: readonly string[], registry: readonly ParamOwner[]): BenchArgs {
  const byName = new Map(registry.map((s) => [s.name, s]));
  const names: string[] = [];
  const given: { scope: string | null; param: string; raw: string; flag: string }[] = [];
  let smoke = false, help = false;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      if (!byName.has(a)) usageError(`unknown scenario ${JSON.stringify(a)} (scenarios: ${[...byName.keys()].join(', ')})`, { scenario: a });
      if (!names.includes(a)) names.push(a);
      continue;
    }
    const flag = a.slice(2);
    if (flag === 'smoke') { smoke = true; continue; }
    if (flag === 'help') { help = true; continue; }
    const raw = argv[i + 1];
    if (raw === undefined || raw.startsWith('--')) usageError(`--${flag} needs a value`, { argument: flag });
    i++;
    if (flag === 'out') { out = raw; continue; }
    const dot = flag.indexOf('.');
    given.push(dot < 0 ? { scope: null, param: flag, raw, flag } : { scope: flag.slice(0, dot), param: flag.slice(dot + 1), raw, flag });
  }
  const scenarios = names.length > 0 ? names : [...byName.keys()];
  const params = new Map<string, Record<string, ParamValue>>();
  for (const name of scenarios) {
    const specs = byName.get(name)!.params;
    params.set(name, Object.fromEntries(Object.entries(specs).map(([k, s]) => [k, smoke ? s.smoke ?? s.default : s.default])));
  }
  for (const g of given) {
    if (g.scope !== null) {
      if (!byName.has(g.scope)) usageError(`--${g.flag}: unknown scenario ${JSON.stringify(g.scope)}`, { argument: g.flag });
      if (!scenarios.includes(g.scope)) usageError(`--${g.flag}: scenario ${g.scope} is not selected`, { argument: g.flag });
    }
    const targets = (g.scope === null ? scenarios : [g.scope]).filter((n) => g.param in byName.get(n)!.params);
    if (targets.length === 0) {
      usageError(`unknown parameter --${g.flag} for ${g.scope ?? scenarios.join(', ')}`, { argument: g.flag });
    }
    for (const n of targets) params.get(n)![g.param] = parseParamValue(byName.get(n)!.params[g.param], g.raw, `--${g.flag}`);
  }
  return { scenarios, params, smoke, out, help };
}

const show = (v: ParamValue): string => (Array.isArray(v) ? v.join(',') : String(v));

/** The `--help` text: every scenario with its parameters, defaults and smoke values. */
export function benchUsage(registry: readonly (ParamOwner & { description: string })[]): string {
  const lines = [
    'pipstream bench [scenario ...] [--param value ...] [--scenario.param value ...] [--smoke] [--out DIR]',
    '',
    '  no scenario: all of them. --param sets it for every selected scenario that has it, --scenario.param for one.',
    '  --smoke: every parameter at its smoke value (a few seconds per scenario) and the values checked; exit 1 on a bad value.',
    '  --out DIR: where the results folder <timestamp>/ is written (default bench/results).',
    '',
  ];
  for (const s of registry) {
    lines.push(`${s.name}: ${s.description}`);
    for (const [k, p] of Object.entries(s.params)) {
      const smoke = p.smoke === undefined ? '' : `, smoke ${show(p.smoke)}`;
      lines.push(`    --${k} ${p.kind === 'bool' ? 'true|false' : `<${p.kind}>`}  ${p.help} (default ${show(p.default)}${smoke})`);
    }
  }
  return lines.join('\n');
}

/** `--a 1 --b x,y` for the report: the parameters a scenario ran with. */
export function formatParams(values: Record<string, ParamValue>): string {
  return Object.entries(values).map(([k, v]) => `--${k} ${show(v)}`).join(' ');
}
