import t from 'tap';
import type { Test } from 'tap';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runIndicatorsCommand } from '../engine/cli/indicators-command.ts';
import { computeBatch } from '../engine/indicators/batch.ts';
import { parseIndicatorList } from '../engine/indicators/mod.ts';
import { ticksToBars } from '../engine/bars/mod.ts';
import { loadTickFile } from '../engine/ticks/mod.ts';

const LIST = 'sma:20,ema:10,rsi:14,macd:12:26:9,bbands:20:2,atr:14';
const HEADER = 'time,open,high,low,close,sma_20,ema_10,rsi_14,macd_12_26_9,macd_signal_12_26_9,macd_hist_12_26_9,' +
  'bbands_upper_20_2,bbands_middle_20_2,bbands_lower_20_2,atr_14';
const dir = mkdtempSync(join(tmpdir(), 'pipstream-ind-cli-'));

async function run(argv: string[]): Promise<{ code: number; text: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runIndicatorsCommand(argv, out);
  return { code, text: Buffer.concat(chunks).toString('utf8') };
}

/** Every indicator cell equals the batch value printed as String(x); empty while warming. */
function checkAgainstBatch(t: Test, lines: string[], bars: { time: ArrayLike<number>; open: ArrayLike<number>; high: ArrayLike<number>; low: ArrayLike<number>; close: ArrayLike<number>; length: number }) {
  const cols = parseIndicatorList(LIST).flatMap((s) => computeBatch(s, bars.high, bars.low, bars.close));
  t.equal(lines.length - 1, bars.length, 'one row per closed bar');
  let mismatches = 0;
  for (let i = 0; i < bars.length; i++) {
    const want = [bars.time[i], bars.open[i], bars.high[i], bars.low[i], bars.close[i]].map(String)
      .concat(cols.map((c) => (Number.isNaN(c[i]) ? '' : String(c[i]))));
    const got = lines[i + 1].split(',');
    for (let k = 0; k < want.length; k++) {
      const same = got[k] === want[k] || (k >= 5 && want[k] !== '' && Math.abs(Number(got[k]) - Number(want[k])) <= 1e-10 * Math.max(1, Math.abs(Number(want[k]))));
      if (!same && mismatches++ < 5) t.fail(`row ${i + 1} ${HEADER.split(',')[k]}: ${got[k]} vs ${want[k]}`);
    }
  }
  t.equal(mismatches, 0, 'all cells agree with batch');
}

t.test('--ticks real FXCM file, 1m, to stdout', async (t) => {
  const { code, text } = await run(['--ticks', 'data/ticks/fxcm-EUR_USD-2014-05.csv.gz', '--timeframe', '1m', '--indicators', LIST]);
  t.equal(code, 0);
  const lines = text.trimEnd().split('\n');
  t.equal(lines[0], HEADER);
  t.match(lines[1], /^\d{13},[\d.]+,[\d.]+,[\d.]+,[\d.]+,{10}$/, 'warming cells are empty');
  const bars = ticksToBars(await loadTickFile('data/ticks/fxcm-EUR_USD-2014-05.csv.gz'), 60_000);
  checkAgainstBatch(t, lines, bars);
  t.equal(lines[34].split(',').filter((c) => c === '').length, 0, 'all ten outputs present from bar 33');
  t.equal(lines[33].split(',').filter((c) => c === '').length, 3, 'MACD starts at bar 33');
});

t.test('--bars file with --out, --flag=value form', async (t) => {
  const ticks = await loadTickFile('data/ticks/oanda-EUR_USD-2014-05.csv.gz');
  const bars = ticksToBars(ticks, 300_000);
  const barFile = join(dir, 'bars.csv');
  const rows = Array.from({ length: bars.length }, (_, i) => `${new Date(bars.time[i]).toISOString()},${bars.open[i]},${bars.high[i]},${bars.low[i]},${bars.close[i]}`);
  writeFileSync(barFile, `time,open,high,low,close\n${rows.join('\n')}\n`);
  const outFile = join(dir, 'out.csv');
  const { code, text } = await run(['--bars', barFile, `--indicators=${LIST}`, '--out', outFile]);
  t.equal(code, 0);
  t.equal(text, '', 'nothing on stdout');
  checkAgainstBatch(t, readFileSync(outFile, 'utf8').trimEnd().split('\n'), bars);
});

t.test('bad arguments', async (t) => {
  const ticks = 'data/ticks/oanda-EUR_USD-2014-05.csv.gz';
  const cases: [string[], RegExp][] = [
    [['--indicators', LIST], /exactly one of --bars/],
    [['--ticks', ticks, '--bars', 'x', '--indicators', LIST], /exactly one of --bars/],
    [['--ticks', ticks, '--indicators', LIST], /--timeframe/],
    [['--ticks', ticks, '--timeframe', '1x', '--indicators', LIST], /bad timeframe/],
    [['--ticks', ticks, '--timeframe', '1m'], /--indicators is required/],
    [['--ticks', ticks, '--timeframe', '1m', '--indicators', LIST, '--speed', 'max'], /unknown argument/],
    [['--ticks', ticks, '--timeframe', '1m', '--timeframe', '5m', '--indicators', LIST], /more than once/],
    [['--ticks', '--timeframe', '1m', '--indicators', LIST], /--ticks needs a value/],
  ];
  for (const [argv, msg] of cases) await t.rejects(run(argv), { code: 'PS_BAD_ARGUMENT', message: msg }, argv.join(' '));
  await t.rejects(run(['--ticks', ticks, '--timeframe', '1m', '--indicators', 'sma:0']), { code: 'PS_BAD_INDICATOR' });
  await t.rejects(run(['--ticks', join(dir, 'missing.csv'), '--timeframe', '1m', '--indicators', 'sma:2']), { code: 'PS_BAD_TICK_FILE' });
});
