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
import { badArgument, parseFlags } from './args.ts';
import { BarBuilder, BAR_BUILDER_SLOTS, parseTimeframe, readBarFile } from '../bars/mod.ts';
import { readTickFile, TickValidator } from '../ticks/mod.ts';
import {
  indicatorOutput, indicatorOutputNames, indicatorStateSize, initIndicator, outputCount, parseIndicatorList, updateIndicator,
} from '../indicators/mod.ts';
import type { IndicatorSpec } from '../indicators/mod.ts';

const USAGE = 'usage: pipstream indicators --bars FILE | --ticks FILE --timeframe TF --indicators LIST [--out FILE]';
const FLAGS = { bars: {}, ticks: {}, timeframe: {}, indicators: {}, out: {} } as const;

function badArg(message: string, details: Record<string, unknown> = {}): never {
  return badArgument(message, USAGE, details);
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
  const opts = parseFlags(argv, 'indicators', FLAGS, USAGE);
  const one = (k: keyof typeof FLAGS) => opts.get(k)?.[0];
  const bars = one('bars'), ticks = one('ticks'), tf = one('timeframe');
  const list = one('indicators'), outFile = one('out');
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
