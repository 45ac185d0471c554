/**
 * `pipstream run`: bad trade-path options are usage errors (exit 2) before anything starts; the gateway runs
 * with the node; what users stored through the gateway (active workflows, registered instruments) runs again;
 * a restarted node trades on with the paper book it had.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import t, { type Test } from 'tap';
import { REPO_ROOT } from '../engine/config/mod.ts';
import { bookCheckpointKey, parseBookCheckpoint } from '../engine/node/book-checkpoint.ts';
import { connectRedis } from '../engine/store/mod.ts';
import { migratedSchemaUrl, probes, redisUrl, requireService } from './helpers/services.ts';

/** Runs `pipstream run` to its end; killed (exit null) when it has not ended within a minute. */
async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['bin/pipstream.mjs', 'run', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const [code] = await once(child, 'close');
  clearTimeout(timer);
  return { code: code as number | null, stderr };
}

t.test('bad trade-path options: exit 2, a clear message, no stack trace', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-run-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const badLimits = join(dir, 'limits.json');
  writeFileSync(badLimits, JSON.stringify({ max_order_units: -5 }));
  const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
    ['unknown broker', ['--broker', 'ib'], {}, /--broker must be paper, oanda or none, got ib/],
    ['oanda broker without credentials', ['--broker', 'oanda'], { OANDA_TOKEN: '', OANDA_ACCOUNT_ID: '' }, /--broker oanda needs OANDA_TOKEN/],
    ['invalid limits', ['--limits', badLimits], {}, /invalid risk limits: \/max_order_units/],
    ['unknown reconcile policy', ['--reconcile', 'ignore'], {}, /--reconcile must be adopt or halt, got ignore/],
    ['webhook without a secret', ['--webhook', 'http://127.0.0.1:1/hook'], { PIPSTREAM_WEBHOOK_SECRET: '' }, /--webhook needs PIPSTREAM_WEBHOOK_SECRET/],
    ['webhook that is not http', ['--webhook', 'ftp://example.com/x'], { PIPSTREAM_WEBHOOK_SECRET: 's' }, /webhook: url must be http\(s\)/],
    ['gateway port that is not a port', ['--gateway', '99999'], {}, /--gateway must be a port number \(0 for any free one\), got 99999/],
    ['a balance that is no amount', ['--balance', 'lots'], {}, /--balance must be an amount of 0 or more, got lots/],
    ['a balance without a broker', ['--broker', 'none', '--balance', '5000'], {}, /--balance is the trading accounts': it needs a broker/],
  ];
  for (const [why, args, env, message] of cases) {
    const r = await run(args, env);
    t.equal(r.code, 2, `${why}: exit 2`);
    t.match(r.stderr, new RegExp(`error PS_BAD_ARGUMENT: ${message.source}`), `${why}: ${r.stderr.split('\n')[0]}`);
    t.notMatch(r.stderr, /\n\s+at /, `${why}: no stack trace`);
  }
});

t.test('a failure after the bus is connected (a stream bound nats-server cannot reserve): what started is stopped, the error said, exit 1', async (t) => {
  if (!(await requireService(t, 'nats', probes.nats))) return;
  const started = performance.now();
  const r = await run(['--speed', 'max', '--broker', 'none'], { PIPSTREAM_STREAM_MAX_BYTES: 'PRICES=900000GiB' });
  const seconds = (performance.now() - started) / 1000;
  t.equal(r.code, 1, 'exit 1');
  t.match(r.stderr, /error PS_BUS_STREAM_CONFIG: stream PRICES: nats-server cannot reserve/, r.stderr.trim().split('\n').at(-1) ?? '');
  t.notMatch(r.stderr, /shutdown incomplete/, 'everything that started stopped');
  // Before, the open NATS connection kept the process alive after the error, for good.
  t.ok(seconds < 30, `the process ended (${seconds.toFixed(1)} s)`);
});

t.test('--gateway 0: the gateway (REST, dashboard) runs with the node; SIGTERM stops both', async (t) => {
  const { child, match, out } = await runUntil(t, ['--speed', '100x', '--gateway', '0'], /gateway {3}http:\/\/127\.0\.0\.1:(\d+)\//);
  const port = match === null ? null : Number(match[1]);
  t.ok(port !== null && port > 0, `the gateway's address is printed (${port}) ${out()}`);
  if (port === null) return;
  t.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200, 'healthz');
  const page = await fetch(`http://127.0.0.1:${port}/`);
  t.equal(page.status, 200, 'the dashboard is served');
  t.match(await page.text(), /<html/i);
  const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json() as { status: string };
  t.equal(ready.status, 'ready', 'NATS, Redis and PostgreSQL reachable');
  child.kill('SIGTERM');
  const [code] = await once(child, 'close');
  t.equal(code, 0, 'exit 0 after SIGTERM');
});

t.test('a (re)started node runs the workflows and instruments stored in PostgreSQL', async (t) => {
  for (const [name, probe] of Object.entries(probes)) if (!(await requireService(t, name, probe))) return;
  const { sql, url } = await migratedSchemaUrl(t);
  const account = 'stored-acct';
  const workflow = (id: string, level: number | string) => ({
    id, version: 2, account, instruments: ['EUR_USD'],
    nodes: [
      { id: 'up', kind: 'trigger', type: 'price_cross', level, direction: 'above' },
      { id: 'note', kind: 'action', type: 'alert', side: 'buy' },
    ],
    edges: [['up', 'note']],
  });
  await sql`insert into accounts (id, name) values (${account}, 'stored')`;
  await sql`insert into workflows (account_id, id, version, definition, active) values
    (${account}, 'stored-cross', 1, ${sql.json(workflow('stored-cross', 1.3875) as never)}, false),
    (${account}, 'stored-cross', 2, ${sql.json(workflow('stored-cross', 1.3875) as never)}, true),
    (${account}, 'stored-broken', 2, ${sql.json(workflow('stored-broken', 'high') as never)}, true)`;
  await sql`insert into instruments (name, base, quote, pip_location, display_precision) values ('GBP_USD', 'GBP', 'USD', -4, 5)`;

  const child = spawn(process.execPath, ['bin/pipstream.mjs', 'run', '--speed', 'max', '--broker', 'none'], {
    cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: url },
  });
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  let stdout = '';
  const seen = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 90_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (/signal SIGNAL_ALERT EUR_USD .* stored-cross\/note /.test(stdout)) { clearTimeout(timer); resolve(true); }
    });
  });
  t.ok(seen, 'the stored workflow\'s active version fires on the replayed ticks');
  t.match(stdout, /instruments {2}EUR_USD, GBP_USD, NZD_USD, USD_JPY/, 'an actor for every registered instrument');
  t.match(stdout, /workflows {4}2 from files, 1 stored/, 'the file workflows and the valid stored one');
  t.match(stdout, /stored workflow stored-acct\/stored-broken v2 not run: PS_WORKFLOW_INVALID: /, 'a stored document that does not validate is named, not run');
  child.kill('SIGTERM');
  const [code] = await once(child, 'close');
  t.equal(code, 0, 'exit 0 after SIGTERM');
});

/** Starts `pipstream run`; resolves with the child and its stdout so far once `pattern` appears (null after 90 s). */
async function runUntil(t: Test, args: string[], pattern: RegExp) {
  const child = spawn(process.execPath, ['bin/pipstream.mjs', 'run', ...args], { cwd: REPO_ROOT, env: process.env });
  t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL'); });
  let stdout = '', stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const match = await new Promise<RegExpExecArray | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 90_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = pattern.exec(stdout);
      if (m) { clearTimeout(timer); resolve(m); }
    });
  });
  return { child, match, out: () => `${stdout.slice(-600)}${stderr.slice(-600)}` };
}

t.test('a restarted node rebuilds its paper book from its checkpoint, or the journal, and trades on with it', async (t) => {
  for (const [name, probe] of Object.entries(probes)) if (!(await requireService(t, name, probe))) return;
  const dir = mkdtempSync(join(tmpdir(), 'pipstream-run-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const doc = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/workflows/macd-cross-execute.json'), 'utf8')) as { account: string };
  doc.account = `restart-${randomBytes(4).toString('hex')}`;
  const file = join(dir, 'workflow.json');
  writeFileSync(file, JSON.stringify(doc));
  const args = ['--workflow', file, '--speed', 'max'];

  const first = await runUntil(t, args, /orders \d+ filled ([3-9]|\d\d+) /);
  t.ok(first.match, `the first run fills orders: ${first.out()}`);
  first.child.kill('SIGTERM');
  const [code] = await once(first.child, 'close');
  t.equal(code, 0, `and stops${code === 0 ? '' : `: ${first.out()}`}`);
  const filled = Number(first.match?.[1] ?? 0);

  // Its stop checkpointed the book (every fill in it), so the second run replays nothing from the journal.
  const redis = await connectRedis(redisUrl());
  t.teardown(async () => {
    await redis.del(bookCheckpointKey('paper', doc.account));
    await redis.quit();
  });
  const text = await redis.get(bookCheckpointKey('paper', doc.account));
  t.ok(text !== null && parseBookCheckpoint(text, 'paper', doc.account).lastTransactionId >= filled, `a checkpoint holds the first run's ${filled}+ fills`);
  const second = await runUntil(t, args, /book {6}paper book rebuilt from its Redis checkpoint \(1 account\) and ORDERS: (\d+) fills after it\n/);
  t.ok(second.match, `the second run rebuilds the book from it: ${second.out()}`);
  t.equal(second.match?.[1], '0', 'nothing after it');
  second.child.kill('SIGTERM');
  await once(second.child, 'close');

  // Without the checkpoint (a node of a version before them): every fill from the journal.
  await redis.del(bookCheckpointKey('paper', doc.account));
  const third = await runUntil(t, args, /book {6}paper book rebuilt from ORDERS: (\d+) fills\n/);
  t.ok(third.match, `the third run rebuilds the book from the journal: ${third.out()}`);
  t.ok(Number(third.match?.[1] ?? 0) >= filled, `every fill of the first run at least (${third.match?.[1]} >= ${filled})`);
  third.child.kill('SIGTERM');
  await once(third.child, 'close');
});
