/**
 * `pipstream indicators --bars FILE | --ticks FILE --timeframe 1m
 *   --indicators sma:20,ema:10,... [--out FILE]`  (DESIGN.md "Contracts")
 *
 * Writes CSV `time,open,high,low,close,<one column per output>`; time in epoch
 * ms, empty cells while warming up, numbers as String(x). From ticks, bars are
 * built as the engine builds them: ticks are validated (rejected ones dropped),
 * only closed bars are written (the last, still open bar is not).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PipstreamError } from '../errors/mod.ts';
import { BarBuilder, BAR_BUILDER_SLOTS, parseTimeframe, readBarFile } from '../bars/mod.ts';
import { readTickFile, TickValidator } from '../ticks/mod.ts';
import {
  indicatorOutput, indicatorOutputNames, indicatorStateSize, initIndicator, outputCount, parseIndicatorList, updateIndicator,
} from '../indicators/mod.ts';
import type { IndicatorSpec } from '../indicators/mod.ts';

const USAGE = 'usage: pipstream indicators --bars FILE | --ticks FILE --timeframe TF --indicators LIST [--out FILE]';
const FLAGS = ['--bars', '--ticks', '--timeframe', '--indicators', '--out'] as const;
type Flag = (typeof FLAGS)[number];

function badArg(message: string, details: Record<string, unknown> = {}): never {
  throw new PipstreamError('PS_BAD_ARGUMENT', `${message}\n${USAGE}`, details);
}

/** Options after `indicators`; `--flag value` or `--flag=value`. */
function parseArgs(argv: string[]): Map<Flag, string> {
  const opts = new Map<Flag, string>();
  const args = argv[0] === 'indicators' ? argv.slice(1) : argv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = (a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a) as Flag;
    if (!FLAGS.includes(name)) badArg(`unknown argument ${JSON.stringify(a)}`, { argument: a });
    let value: string | undefined;
    if (a.startsWith('--') && eq > 0) value = a.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) value = args[++i];
    if (value === undefined || value === '') badArg(`${name} needs a value`, { argument: name });
    if (opts.has(name)) badArg(`${name} given more than once`, { argument: name });
    opts.set(name, value);
  }
  return opts;
}

/** Streams rows of CSV to `out`, respecting backpressure. */
class CsvOut {
  private buf: string[] = [];
  constructor(private readonly out: NodeJS.WritableStream) {}

  async row(line: string): Promise<void> {
    this.buf.push(line);
    if (this.buf.length >= 2048) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const text = this.buf.join('\n') + '\n';
    this.buf = [];
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}

class Pipeline {
  readonly state: Float64Array;
  readonly offsets: number[] = [];
  readonly counts: number[];

  constructor(readonly specs: IndicatorSpec[], private readonly csv: CsvOut) {
    let size = 0;
    for (const s of specs) { this.offsets.push(size); size += indicatorStateSize(s); }
    this.state = new Float64Array(size);
    specs.forEach((s, i) => initIndicator(this.state, this.offsets[i], s));
    this.counts = specs.map(outputCount);
  }

  header(): string {
    return ['time', 'open', 'high', 'low', 'close', ...this.specs.flatMap(indicatorOutputNames)].join(',');
  }

  async bar(t: number, o: number, h: number, l: number, c: number): Promise<void> {
    let line = `${t},${o},${h},${l},${c}`;
    for (let i = 0; i < this.specs.length; i++) {
      const off = this.offsets[i];
      updateIndicator(this.state, off, h, l, c);
      for (let k = 0; k < this.counts[i]; k++) {
        const v = indicatorOutput(this.state, off, k);
        line += v === v ? `,${v}` : ',';
      }
    }
    await this.csv.row(line);
  }
}

export async function runIndicatorsCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const opts = parseArgs(argv);
  const bars = opts.get('--bars'), ticks = opts.get('--ticks'), tf = opts.get('--timeframe');
  const list = opts.get('--indicators'), outFile = opts.get('--out');
  if ((bars === undefined) === (ticks === undefined)) badArg('give exactly one of --bars FILE or --ticks FILE');
  if (ticks !== undefined && tf === undefined) badArg('--ticks needs --timeframe (e.g. 1m, 5m, 1h)');
  if (bars !== undefined && tf !== undefined) badArg('--timeframe applies to --ticks only (bar files are used as they are)');
  if (list === undefined) badArg('--indicators is required, e.g. --indicators sma:20,rsi:14,macd:12:26:9');
  const specs = parseIndicatorList(list);
  const sizeMs = tf === undefined ? 0 : parseTimeframe(tf);

  const file = outFile === undefined ? null : createWriteStream(outFile);
  if (file !== null) await once(file, 'open').catch((err: Error) => badArg(`cannot write ${outFile}: ${err.message}`, { file: outFile }));
  const sink = file ?? out;
  const csv = new CsvOut(sink);
  const p = new Pipeline(specs, csv);
  await csv.row(p.header());

  if (bars !== undefined) {
    const b = await readBarFile(bars);
    for (let i = 0; i < b.length; i++) await p.bar(b.time[i], b.open[i], b.high[i], b.low[i], b.close[i]);
  } else {
    const validator = new TickValidator();
    const builder = new BarBuilder(new Float64Array(BAR_BUILDER_SLOTS), 0, sizeMs);
    for await (const batch of readTickFile(ticks!)) {
      const { time, bid, ask } = batch;
      for (let i = 0; i < batch.length; i++) {
        if (validator.check(time[i], bid[i], ask[i]) !== 0) continue;
        if (builder.onTick(time[i], (bid[i] + ask[i]) / 2)) {
          await p.bar(builder.closedStart, builder.closedOpen, builder.closedHigh, builder.closedLow, builder.closedClose);
        }
      }
    }
  }
  await csv.flush();
  if (file !== null) {
    file.end();
    await once(file, 'finish');
  }
  return 0;
}
