import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import t, { type Test } from 'tap';
import { Agent } from 'undici';
import {
  AlertActor, backoffMs, notificationFor, webhookTransport, type Notification, type Transport,
} from '../actors/alert/mod.ts';
import { connectBus, type Bus } from '../engine/bus/mod.ts';
import { isPipstreamError } from '../engine/errors/mod.ts';
import { readDeadLetter } from '../engine/events/dead-letter.ts';
import { readNotification } from '../engine/events/trade.ts';
import { signalMessage } from '../engine/node/journal.ts';
import type { EngineSignal } from '../engine/supervisor/mod.ts';
import { Subjects } from '../engine/switchboard/mod.ts';

const SECRET = 'whsec-test';

interface Received { headers: IncomingMessage['headers']; body: string; verified: boolean }
type Reply = number | 'hang' | { status: number; retryAfter: string };

/** Loopback webhook receiver: answers with the scripted replies in turn (the last one repeats) and checks each signature. */
async function receiver(t: Test, replies: Reply[]): Promise<{ url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => { body += c; });
    req.on('end', () => {
      got.push({ headers: req.headers, body, verified: verify(req.headers, body) });
      const r = replies[Math.min(got.length - 1, replies.length - 1)]!;
      if (r === 'hang') return; // never answers: the sender's timeout must fire
      if (typeof r === 'number') res.writeHead(r, { 'content-type': 'text/plain' }).end('ok');
      else res.writeHead(r.status, { 'retry-after': r.retryAfter }).end('slow down');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.teardown(() => { server.closeAllConnections(); server.close(); });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, got };
}

/** What a receiver does: recompute HMAC-SHA256 over "<timestamp>.<raw body>" and compare in constant time. */
function verify(h: IncomingMessage['headers'], body: string): boolean {
  const ts = String(h['x-pipstream-timestamp'] ?? '');
  const sig = String(h['x-pipstream-signature'] ?? '');
  if (!/^\d+$/.test(ts) || Math.abs(Date.now() / 1000 - Number(ts)) > 300) return false;
  const want = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`);
  const have = Buffer.from(sig);
  return want.length === have.length && timingSafeEqual(want, have);
}

function signal(over: Partial<EngineSignal> = {}): EngineSignal {
  return {
    id: '0190f5a3-0000-7000-8000-000000000001', type: 'SIGNAL_ALERT', instrument: 'EUR_USD', time_ms: 1_399_000_000_123.5,
    workflow_id: 'wf-1', workflow_version: 3, node_id: 'alert-1', trigger_node_id: 'tick', account: 'acc1',
    price: 1.38765, bid: 1.3876, ask: 1.3877, side: null, units: null, stop_loss_pips: null, take_profit_pips: null,
    cooldown_s: null, expiry_s: null, tick_seq: 42, tradeable: true, ...over,
  };
}

const note = (): Notification => notificationFor(signal());
const fast = { secret: SECRET, timeoutMs: 300, baseDelayMs: 5, maxAttempts: 3 };

function dispatcher(t: Test): Agent {
  const a = new Agent({ keepAliveTimeout: 10 });
  t.teardown(() => a.destroy());
  return a;
}

t.test('the body is the notification as JSON, signed so the receiver can verify it', async (t) => {
  const r = await receiver(t, [204]);
  await webhookTransport({ ...fast, url: r.url, dispatcher: dispatcher(t) }).send(note());
  t.equal(r.got.length, 1);
  t.ok(r.got[0]!.verified, 'HMAC of "<timestamp>.<body>" recomputed by the receiver matches');
  t.match(r.got[0]!.headers['x-pipstream-signature'], /^sha256=[0-9a-f]{64}$/);
  t.equal(r.got[0]!.headers['content-type'], 'application/json');
  t.same(JSON.parse(r.got[0]!.body), note());
  t.equal(r.got[0]!.headers['x-pipstream-notification-id'], note().id);

  const wrong = await receiver(t, [204]);
  await webhookTransport({ ...fast, secret: 'other', url: wrong.url, dispatcher: dispatcher(t) }).send(note());
  t.notOk(wrong.got[0]!.verified, 'a different secret does not verify');
});

t.test('5xx and 429 are retried until success', async (t) => {
  const r = await receiver(t, [503, 429, 200]);
  await webhookTransport({ ...fast, url: r.url, dispatcher: dispatcher(t) }).send(note());
  t.equal(r.got.length, 3);
  t.ok(r.got.every((g) => g.verified), 'every attempt carries a valid signature');
  t.equal(new Set(r.got.map((g) => g.body)).size, 1, 'same body on every attempt');
});

t.test('a 429 Retry-After is honoured (up to maxDelayMs)', async (t) => {
  const r = await receiver(t, [{ status: 429, retryAfter: '1' }, 200]);
  const started = Date.now();
  await webhookTransport({ ...fast, url: r.url, dispatcher: dispatcher(t) }).send(note());
  t.equal(r.got.length, 2);
  t.ok(Date.now() - started >= 990, 'waited the second the receiver asked for, not the 5 ms backoff');
});

t.test('a 4xx other than 429 is permanent: no retry', async (t) => {
  const r = await receiver(t, [400, 200]);
  const err = await webhookTransport({ ...fast, url: r.url, dispatcher: dispatcher(t) }).send(note()).catch((e: unknown) => e);
  t.equal(r.got.length, 1);
  t.ok(isPipstreamError(err, 'PS_ALERT_DELIVERY'));
  t.match((err as { details: object }).details, { retryable: false, status: 400, attempts: 1, transport: 'webhook' });
});

t.test('a timeout is retried', async (t) => {
  const r = await receiver(t, ['hang', 200]);
  const started = Date.now();
  await webhookTransport({ ...fast, url: r.url, dispatcher: dispatcher(t) }).send(note());
  t.equal(r.got.length, 2);
  t.ok(Date.now() - started >= 290, 'the first attempt waited for its timeout');
});

t.test('every attempt timing out ends in a retryable timeout error after maxAttempts', async (t) => {
  const r = await receiver(t, ['hang']);
  const err = await webhookTransport({ ...fast, timeoutMs: 100, url: r.url, dispatcher: dispatcher(t) }).send(note())
    .catch((e: unknown) => e);
  t.equal(r.got.length, 3);
  t.match((err as { details: object }).details, { retryable: true, timeout: true, attempts: 3 });
});

t.test('connection errors are retried', async (t) => {
  const r = await receiver(t, [200]);
  const closed = r.url.replace(/:\d+\//, ':1/'); // port 1: nothing listens on loopback
  const err = await webhookTransport({ ...fast, url: closed, dispatcher: dispatcher(t) }).send(note()).catch((e: unknown) => e);
  t.match((err as { details: object }).details, { retryable: true, attempts: 3 });
});

t.test('backoff grows exponentially, with bounded jitter and a ceiling', async (t) => {
  const o = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1000 };
  t.equal(backoffMs(1, { ...o, random: () => 0 }), 50);
  t.equal(backoffMs(1, { ...o, random: () => 1 }), 100);
  t.equal(backoffMs(3, { ...o, random: () => 1 }), 400);
  t.equal(backoffMs(8, { ...o, random: () => 1 }), 1000, 'capped at maxDelayMs');
  t.ok(backoffMs(2, o) >= 100 && backoffMs(2, o) <= 200);
});

async function collect(bus: Bus, stream: 'NOTIFY' | 'DEAD_LETTERS', subject: string): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  const c = await bus.consume(stream, subject, (m) => { out.push(m.data); });
  await new Promise((r) => setTimeout(r, 50));
  await c.close();
  return out;
}

async function embedded(t: Test): Promise<Bus> {
  const bus = await connectBus({ kind: 'embedded' });
  await bus.ensureStreams();
  t.teardown(() => bus.close());
  return bus;
}

t.test('AlertActor: retries exhausted -> a dead letter with the error on notifications.events.<account>.dlq', async (t) => {
  const bus = await embedded(t);
  const r = await receiver(t, [500]);
  const hook = webhookTransport({ ...fast, url: r.url, dispatcher: dispatcher(t) });
  const actor = new AlertActor({ bus, transportsFor: (a) => (a === 'acc1' ? [hook] : []) });
  const n = actor.handleSignal(signal());
  await actor.idle();
  await bus.flush();
  t.equal(r.got.length, 3);
  const dlq = (await collect(bus, 'DEAD_LETTERS', Subjects.deadLetter(Subjects.notifications('acc1')))).map(readDeadLetter);
  t.equal(dlq.length, 1);
  t.match(dlq[0], { subject: Subjects.notifications('acc1'), stream: 'NOTIFY', consumer: 'alert:webhook' }, 'where it came from, who gave up');
  t.same({ ...readNotification(dlq[0]!.data), kind: 'signal_alert' }, n, 'the notification as journaled');
  t.match(dlq[0]!.error, { code: 'PS_ALERT_DELIVERY', message: /HTTP 500/, details: { status: 500, attempts: 3, retryable: true } });
  t.equal((await collect(bus, 'NOTIFY', Subjects.notifications('acc1'))).length, 1, 'the in-app notification is still published');
});

t.test('AlertActor: alerts from the bus become one notification each, duplicates and non-alerts are dropped', async (t) => {
  const bus = await embedded(t);
  const r = await receiver(t, [200]);
  const sent: string[] = [];
  const recorder: Transport = { name: 'recorder', send: async (x) => { sent.push(x.id); } };
  const hook = webhookTransport({ ...fast, url: r.url, dispatcher: dispatcher(t) });
  const actor = new AlertActor({ bus, transportsFor: (a) => (a === 'acc1' ? [hook, recorder] : []) });
  await actor.start();
  t.teardown(() => actor.stop());

  const alert = signalMessage(signal(), 'test');
  // Published without msgId so the bus does not dedupe: this is what a redelivery looks like to the actor.
  await bus.publish(alert.subject, alert.data);
  await bus.publish(alert.subject, alert.data);
  const order = signalMessage(signal({ id: '0190f5a3-0000-7000-8000-000000000002', type: 'SIGNAL_AUTO_EXECUTE', side: 'buy', units: 1000 }), 'test');
  await bus.publish(order.subject, order.data);
  const other = signalMessage(signal({ id: '0190f5a3-0000-7000-8000-000000000003', account: 'acc2' }), 'test');
  await bus.publish(other.subject, other.data);

  await new Promise((res) => setTimeout(res, 100));
  await actor.idle();
  await bus.flush();
  const acc1 = (await collect(bus, 'NOTIFY', Subjects.notifications('acc1'))).map(readNotification);
  t.equal(acc1.length, 1, 'one notification for the alert delivered twice; none for the order signal');
  t.same(acc1[0], notificationFor(signal()), 'deterministic from the signal');
  t.equal(acc1[0]!.kind, 'signal_alert');
  t.same(sent, [acc1[0]!.id]);
  t.equal(r.got.length, 1, 'one webhook call');
  t.ok(r.got[0]!.verified);
  t.equal((await collect(bus, 'NOTIFY', Subjects.notifications('acc2'))).length, 1, 'acc2 gets its in-app notification');
  t.equal(actor.handleSignal(signal()), null, 'handled already');
  t.equal(actor.handleSignal(signal({ type: 'SIGNAL_PENDING_CONFIRMATION' })), null, 'not an alert');
});

t.test('webhookTransport rejects bad options', async (t) => {
  t.throws(() => webhookTransport({ url: 'ftp://x', secret: 's' }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => webhookTransport({ url: 'http://x', secret: '' }), { code: 'PS_BAD_ARGUMENT' });
  t.throws(() => webhookTransport({ url: 'http://x', secret: 's', maxAttempts: 0 }), { code: 'PS_BAD_ARGUMENT' });
});
