import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import t, { type Test } from 'tap';
import { AlertActor, notificationFor, smtpTransport, type Notification } from '../actors/alert/mod.ts';
import { connectBus } from '../engine/bus/mod.ts';
import { isPipstreamError } from '../engine/errors/mod.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';

interface Mail { from: string; to: string[]; data: string }

/**
 * A tiny loopback SMTP server (RFC 5321 subset: EHLO/HELO, MAIL, RCPT, DATA, RSET, QUIT).
 * `rcptReplies` scripts the RCPT answer per session (the last one repeats), to force 4xx/5xx.
 */
async function smtpServer(t: Test, rcptReplies: string[] = ['250 ok']): Promise<{ port: number; mails: Mail[]; sessions: number }> {
  const state = { port: 0, mails: [] as Mail[], sessions: 0 };
  const server = createServer((sock: Socket) => {
    const session = state.sessions++;
    let buf = '';
    let mail: Mail = { from: '', to: [], data: '' };
    let inData = false;
    const say = (line: string) => sock.write(`${line}\r\n`);
    say('220 loopback ESMTP test');
    sock.setEncoding('utf8');
    sock.on('error', () => undefined);
    sock.on('data', (chunk: string) => {
      buf += chunk;
      let i: number;
      while ((i = buf.indexOf('\r\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            state.mails.push(mail);
            mail = { from: '', to: [], data: '' };
            say('250 2.0.0 queued');
          } else {
            mail.data += `${line.startsWith('.') ? line.slice(1) : line}\n`;
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') { say('250-loopback'); say('250-8BITMIME'); say('250 SIZE 1000000'); }
        else if (verb === 'HELO') say('250 loopback');
        else if (verb === 'MAIL') { mail.from = /<(.*)>/.exec(line)![1]!; say('250 ok'); }
        else if (verb === 'RCPT') {
          const r = rcptReplies[Math.min(session, rcptReplies.length - 1)]!;
          if (r.startsWith('250')) mail.to.push(/<(.*)>/.exec(line)![1]!);
          say(r);
        } else if (verb === 'DATA') { inData = true; say('354 end with .'); }
        else if (verb === 'RSET') { mail = { from: '', to: [], data: '' }; say('250 ok'); }
        else if (verb === 'QUIT') { say('221 bye'); sock.end(); }
        else say('502 unknown command');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.port = (server.address() as AddressInfo).port;
  t.teardown(() => new Promise<void>((r) => server.close(() => r())));
  return state;
}

function signal(): EngineSignal {
  return {
    id: '0190f5a3-0000-7000-8000-0000000000aa', type: 'SIGNAL_ALERT', instrument: 'GBP_USD', time_ms: 1_399_000_500_000,
    workflow_id: 'wf-9', workflow_version: 1, node_id: 'notify', trigger_node_id: 'bar', account: 'acc7',
    price: 1.68805, bid: 1.688, ask: 1.6881, side: null, units: null, stop_loss_pips: null, take_profit_pips: null,
    cooldown_s: null, expiry_s: null, tick_seq: 7, tradeable: true,
  };
}

const base = { host: '127.0.0.1', from: 'alerts@pipstream.test', timeoutMs: 2000, baseDelayMs: 5, maxAttempts: 3 };

t.test('smtpTransport delivers a readable mail to every recipient', async (t) => {
  const s = await smtpServer(t);
  const n = notificationFor(signal());
  await smtpTransport({ ...base, port: s.port, to: ['ops@example.test', 'trader@example.test'] }).send(n);
  t.equal(s.mails.length, 1);
  const m = s.mails[0]!;
  t.equal(m.from, 'alerts@pipstream.test');
  t.same(m.to, ['ops@example.test', 'trader@example.test']);
  t.match(m.data, /^Subject: \[pipstream\] GBP_USD alert \(acc7\)$/m);
  t.match(m.data, new RegExp(`^Message-ID: <${n.id}@pipstream>$`, 'm'));
  t.match(m.data, /^To: <ops@example.test>, <trader@example.test>$/m);
  t.ok(m.data.includes(n.message), 'the alert line is in the body');
  t.ok(m.data.includes(`notification: ${n.id}`));
});

t.test('a body line starting with "." is dot-stuffed and arrives intact', async (t) => {
  const s = await smtpServer(t);
  const n: Notification = { ...notificationFor(signal()), message: '.\n.hidden' };
  await smtpTransport({ ...base, port: s.port, to: ['ops@example.test'] }).send(n);
  t.equal(s.mails.length, 1, 'a lone "." line did not end DATA early');
  t.match(s.mails[0]!.data, /\n\.\n\.hidden\n/);
});

t.test('4xx replies are retried, 5xx are permanent', async (t) => {
  const soft = await smtpServer(t, ['451 try later', '250 ok']);
  await smtpTransport({ ...base, port: soft.port, to: ['ops@example.test'] }).send(notificationFor(signal()));
  t.equal(soft.sessions, 2);
  t.equal(soft.mails.length, 1);

  const hard = await smtpServer(t, ['550 no such user', '250 ok']);
  const err = await smtpTransport({ ...base, port: hard.port, to: ['nobody@example.test'] }).send(notificationFor(signal()))
    .catch((e: unknown) => e);
  t.equal(hard.sessions, 1, 'no retry after 550');
  t.ok(isPipstreamError(err, 'PS_ALERT_DELIVERY'));
  t.match((err as { details: object }).details, { transport: 'smtp', status: 550, retryable: false, attempts: 1 });
});

t.test('a server that never answers times out, retryably', async (t) => {
  const server = createServer(() => undefined); // accepts, never greets
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => { server.close(); });
  const port = (server.address() as AddressInfo).port;
  const err = await smtpTransport({ ...base, timeoutMs: 100, maxAttempts: 2, port, to: ['ops@example.test'] })
    .send(notificationFor(signal())).catch((e: unknown) => e);
  t.match((err as { details: object }).details, { retryable: true, timeout: true, attempts: 2 });
});

t.test('AlertActor sends an alert by email through the account transport', async (t) => {
  const s = await smtpServer(t);
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  t.teardown(() => bus.close());
  const mail = smtpTransport({ ...base, port: s.port, to: ['desk@example.test'] });
  const actor = new AlertActor({ bus, transportsFor: () => [mail] });
  actor.handleSignal(signal());
  actor.handleSignal(signal());
  await actor.idle();
  t.equal(s.mails.length, 1, 'one mail for a signal seen twice');
  t.same(s.mails[0]!.to, ['desk@example.test']);
});

t.test('smtpTransport rejects addresses that could inject commands', async (t) => {
  t.throws(() => smtpTransport({ ...base, port: 25, to: ['a@b.test>\r\nRCPT TO:<x@y.test'] }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => smtpTransport({ ...base, port: 0, to: ['a@b.test'] }), { code: 'PS_BAD_ARGUMENT' });
});
