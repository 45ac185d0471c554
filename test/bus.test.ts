/**
 * One behavioural suite, run against the embedded bus and against a real nats-server
 * (NATS_URL, default nats://127.0.0.1:4222). With CI=true an unreachable server is a failure;
 * locally the JetStream half is skipped with a message. Subjects carry a per-run token, so runs
 * (and other people's tests on the same server) do not see each other's messages.
 */
import t, { type Test } from 'tap';
import { AckPolicy, DeliverPolicy, jetstreamManager } from '@nats-io/jetstream';
import { connectBus, subjectMatches, type Bus, type BusMsg, type ConsumeOptions, type PubAck } from '../engine/bus/mod.ts';
import { isPipstreamError, type PipstreamError } from '../engine/errors/mod.ts';
import { decodeTickEvent, encodeTickEvent, EventType, makeEnvelope } from '../engine/events/mod.ts';
import { Streams, Subjects, type StreamName } from '../engine/switchboard/mod.ts';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const inCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');
const enc = new TextEncoder();
const dec = new TextDecoder();
let unique = 0;
const token = (p: string) => `T${process.pid}x${Date.now().toString(36)}x${++unique}${p}`.toUpperCase();

/** Consumes until `done(received)` is true, or `withinMs` have passed. */
async function collect(bus: Bus, stream: StreamName, filter: string, done: (got: BusMsg[]) => boolean,
  opts: ConsumeOptions = {}, withinMs = 5000): Promise<BusMsg[]> {
  const got: BusMsg[] = [];
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const c = await bus.consume(stream, filter, (m) => {
    got.push(m);
    m.ack();
    if (done(got)) finish();
  }, opts);
  const timer = setTimeout(finish, withinMs);
  await finished;
  clearTimeout(timer);
  await c.close();
  return got;
}

function suite(t: Test, kind: 'jetstream' | 'embedded'): void {
  let bus: Bus;
  const errors: PipstreamError[] = [];
  const durables: Array<[string, string]> = [];
  const used: Array<[string, string]> = [];
  const subject = (s: string, stream: StreamName) => (used.push([Streams[stream].name, s]), s);

  t.before(async () => {
    bus = await connectBus({ kind, url: NATS_URL, timeoutMs: 3000, onError: (e) => errors.push(e) });
  });
  t.teardown(async () => {
    if (bus.nats) {
      const jsm = await jetstreamManager(bus.nats);
      for (const [s, d] of durables) await jsm.consumers.delete(s, d).catch(() => undefined);
      for (const [s, subj] of used) await jsm.streams.purge(s, { filter: subj }).catch(() => undefined);
    }
    await bus.close();
  });

  t.test('ensureStreams creates every switchboard stream, idempotently', async (t) => {
    t.equal(bus.kind, kind);
    t.equal(bus.nats === null, kind === 'embedded', 'nats connection exposed only for jetstream');
    await bus.ensureStreams();
    await bus.ensureStreams();
    for (const k of Object.keys(Streams) as StreamName[]) {
      const s = await bus.streamInfo(k);
      t.equal(s.name, Streams[k].name);
      t.same([...s.subjects], [...Streams[k].subjects], `${k} subjects`);
      t.equal(s.duplicateWindowMs, 120_000, `${k} dedupe window`);
      t.equal(s.maxBytes, kind === 'jetstream' ? Streams[k].maxBytes : -1, `${k} size bound`);
    }
  });

  if (kind === 'jetstream') {
    t.test('a size bound the server cannot reserve is refused by name and changes nothing', async (t) => {
      const huge = await connectBus({ kind, url: NATS_URL, timeoutMs: 3000, streamMaxBytes: { METRICS: 2 ** 50 } });
      t.teardown(() => huge.close());
      await t.rejects(huge.ensureStreams(), { code: 'PS_BUS_STREAM_CONFIG', message: /stream METRICS: nats-server cannot reserve 1125899906842624 bytes/ });
      t.equal((await bus.streamInfo('METRICS')).maxBytes, Streams.METRICS.maxBytes, 'the bound in force is untouched');
    });
  }

  t.test('publish + consume round trip, in order, with stream sequences', async (t) => {
    const inst = token('RT');
    const subj = subject(Subjects.price(inst), 'PRICES');
    const N = 300;
    const acks: PubAck[] = [];
    for (let i = 0; i < 20; i++) {
      const tick = { instrument: inst, timeMs: 1_700_000_000_000 + i, seq: i, bid: 1.1, ask: 1.1002, source: 'test' };
      acks.push(await bus.publish(subj, encodeTickEvent({ envelope: makeEnvelope(EventType.EVENT_TYPE_TICK), tick }),
        { msgId: `test:${inst}:${i}` }));
    }
    t.ok(acks.every((a, i) => a.stream === 'PRICES' && !a.duplicate && (i === 0 || a.seq > acks[i - 1]!.seq)), 'acks in order');
    for (let i = 20; i < N; i++) {
      const tick = { instrument: inst, timeMs: 1_700_000_000_000 + i, seq: i, bid: 1.1, ask: 1.1002, source: 'test' };
      bus.publishAsync(subj, encodeTickEvent({ envelope: makeEnvelope(EventType.EVENT_TYPE_TICK), tick }), `test:${inst}:${i}`);
    }
    await bus.flush();
    const got = await collect(bus, 'PRICES', subj, (g) => g.length >= N);
    t.equal(got.length, N, 'every message delivered');
    t.same(got.map((m) => decodeTickEvent(m.data).tick!.seq), Array.from({ length: N }, (_, i) => i), 'in publish order');
    t.equal(got[0]!.seq, acks[0]!.seq, 'seq is the stream sequence');
    t.ok(got.every((m, i) => m.subject === subj && (i === 0 || m.seq > got[i - 1]!.seq)));
  });

  t.test('msgId dedupe within the window', async (t) => {
    const subj = subject(Subjects.signals(token('DD')), 'SIGNALS');
    const a = await bus.publish(subj, enc.encode('first'), { msgId: `${subj}:1` });
    const b = await bus.publish(subj, enc.encode('second'), { msgId: `${subj}:1` });
    t.equal(a.duplicate, false);
    t.equal(b.duplicate, true, 'second publish reported as duplicate');
    t.equal(b.seq, a.seq, 'duplicate ack names the stored sequence');
    bus.publishAsync(subj, enc.encode('third'), `${subj}:1`);
    bus.publishAsync(subj, enc.encode('marker'), `${subj}:2`);
    await bus.flush();
    const got = await collect(bus, 'SIGNALS', subj, (g) => dec.decode(g.at(-1)!.data) === 'marker');
    t.same(got.map((m) => dec.decode(m.data)), ['first', 'marker'], 'duplicates not stored');
  });

  t.test('consume from a start sequence, and only new messages', async (t) => {
    const subj = subject(Subjects.orders(token('SQ')), 'ORDERS');
    const seqs: number[] = [];
    for (let i = 0; i < 5; i++) seqs.push((await bus.publish(subj, enc.encode(`m${i}`), { msgId: `${subj}:${i}` })).seq);
    const got = await collect(bus, 'ORDERS', subj, (g) => g.length >= 3, { deliver: { startSeq: seqs[2]! } });
    t.same(got.map((m) => dec.decode(m.data)), ['m2', 'm3', 'm4']);
    t.same(got.map((m) => m.seq), seqs.slice(2));

    const fresh: string[] = [];
    const c = await bus.consume('ORDERS', subj, (m) => { fresh.push(dec.decode(m.data)); }, { deliver: 'new' });
    await bus.publish(subj, enc.encode('m5'), { msgId: `${subj}:5` });
    for (let i = 0; i < 100 && fresh.length < 1; i++) await new Promise((r) => setTimeout(r, 20));
    await c.close();
    t.same(fresh, ['m5'], "'new' skips what was stored before");
  });

  t.test('consume from a start time', async (t) => {
    const subj = subject(Subjects.orders(token('ST')), 'ORDERS');
    await bus.publish(subj, enc.encode('old'), { msgId: `${subj}:old` });
    await new Promise((r) => setTimeout(r, 50));
    const from = Date.now();
    await new Promise((r) => setTimeout(r, 50));
    await bus.publish(subj, enc.encode('new1'), { msgId: `${subj}:1` });
    await bus.publish(subj, enc.encode('new2'), { msgId: `${subj}:2` });
    const got = await collect(bus, 'ORDERS', subj, (g) => g.length >= 2, { deliver: { startTimeMs: from } });
    t.same(got.map((m) => dec.decode(m.data)), ['new1', 'new2'], 'only what was stored at or after the time');
  });

  t.test('durable consumer resumes after its acked messages', async (t) => {
    const subj = subject(Subjects.billing(token('DU')), 'BILLING');
    const durable = token('dur');
    durables.push([Streams.BILLING.name, durable]);
    for (let i = 0; i < 3; i++) await bus.publish(subj, enc.encode(`a${i}`), { msgId: `${subj}:${i}` });
    const first = await collect(bus, 'BILLING', subj, (g) => g.length >= 3, { durable });
    t.same(first.map((m) => dec.decode(m.data)), ['a0', 'a1', 'a2']);
    for (let i = 3; i < 5; i++) await bus.publish(subj, enc.encode(`a${i}`), { msgId: `${subj}:${i}` });
    const second = await collect(bus, 'BILLING', subj, (g) => g.length >= 2, { durable });
    t.same(second.map((m) => dec.decode(m.data)), ['a3', 'a4'], 'acked messages are not delivered again');
  });

  t.test('core subscribe with * and > wildcards', async (t) => {
    const a = token('A');
    const b = token('B');
    const star: string[] = [];
    const gt: string[] = [];
    const s1 = bus.subscribe(Subjects.allWorkflowChanges, (m) => { if (m.subject.includes(a) || m.subject.includes(b)) star.push(m.subject); });
    const s2 = bus.subscribe('workflow.changed.>', (m) => { if (m.subject.includes(a) || m.subject.includes(b)) gt.push(m.subject); });
    const subjects = [Subjects.workflowChanged(a), Subjects.workflowChanged(b), `${Subjects.workflowChanged(a)}.deeper`];
    if (bus.nats) await bus.nats.flush(); // the subscriptions reach the server before the publishes
    for (const s of subjects) bus.publishCore(s, enc.encode('x'));
    for (let i = 0; i < 100 && gt.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    s1.unsubscribe();
    s2.unsubscribe();
    t.same(star.sort(), subjects.slice(0, 2).sort(), '* matches exactly one token');
    t.same(gt.sort(), [...subjects].sort(), '> matches one or more tokens');
  });

  t.test('dead-letter subjects land in DEAD_LETTERS, not in the source stream', async (t) => {
    const priceDlq = subject(Subjects.deadLetter(Subjects.price(token('DL'))), 'DEAD_LETTERS');
    t.match(priceDlq, /^prices\.forex\.[^.]+\.dlq$/);
    t.equal((await bus.publish(priceDlq, enc.encode('bad'), { msgId: `${priceDlq}:1` })).stream, 'DEAD_LETTERS');
    const sigDlq = subject(Subjects.deadLetter(Subjects.signals(token('DL'))), 'DEAD_LETTERS');
    t.equal((await bus.publish(sigDlq, enc.encode('bad'))).stream, 'DEAD_LETTERS');
    const got = await collect(bus, 'DEAD_LETTERS', priceDlq, (g) => g.length >= 1);
    t.same(got.map((m) => dec.decode(m.data)), ['bad']);
  });

  t.test('publishing where no stream listens fails with PS_BUS_PUBLISH', async (t) => {
    const subj = `nostream.${token('X')}`;
    await t.rejects(bus.publish(subj, enc.encode('x')), { code: 'PS_BUS_PUBLISH' });
    errors.length = 0;
    bus.publishAsync(subj, enc.encode('x'), 'id-1');
    await bus.flush();
    t.ok(errors.length === 1 && isPipstreamError(errors[0], 'PS_BUS_PUBLISH'), 'publishAsync failure reaches onError');
    t.match(errors[0]?.details, { subject: subj, msgId: 'id-1' });
  });

  t.test('publishAcked: each message answered once, after the caller\'s work; with the ack, or the error publish() gives', async (t) => {
    const subj = subject(Subjects.orders(token('PA')), 'ORDERS');
    const answers: Array<[string, PipstreamError | null, PubAck | null]> = [];
    let synchronous = true;
    for (let i = 0; i < 5; i++) {
      bus.publishAcked(subj, enc.encode(`a${i}`), { msgId: `${subj}:${i}`, coalesce: i < 3 }, (err, ack) => {
        answers.push([`a${i}`, err, ack]);
        t.notOk(synchronous);
      });
    }
    const lost = `nostream.${token('PA')}`;
    bus.publishAcked(lost, enc.encode('x'), { msgId: 'lost-1' }, (err, ack) => { answers.push(['lost', err, ack]); });
    synchronous = false;
    for (let i = 0; i < 200 && answers.length < 6; i++) await new Promise((r) => setTimeout(r, 20));
    t.same(answers.map((a) => a[0]).sort(), ['a0', 'a1', 'a2', 'a3', 'a4', 'lost'], 'every message answered once');
    for (const [name, err, ack] of answers) {
      if (name === 'lost') t.ok(ack === null && isPipstreamError(err, 'PS_BUS_PUBLISH'), 'no stream: the error');
      else t.ok(err === null && ack !== null && ack.stream === Streams.ORDERS.name && ack.seq > 0, `${name} stored`);
    }
    await new Promise((r) => setTimeout(r, 50));
    t.equal(answers.length, 6, 'and never again');
  });

  t.test('request / respond', async (t) => {
    const subj = `pipstream.test.${token('RQ')}`;
    const sub = bus.respond(subj, (d) => enc.encode(`echo:${dec.decode(d)}`));
    if (bus.nats) await bus.nats.flush();
    t.equal(dec.decode(await bus.request(subj, enc.encode('hi'), { timeoutMs: 2000 })), 'echo:hi');
    sub.unsubscribe();
    if (bus.nats) await bus.nats.flush();
    await t.rejects(bus.request(subj, enc.encode('hi'), { timeoutMs: 500 }), { code: /PS_SERVICE_UNAVAILABLE|PS_TIMEOUT/ });
  });

  t.test('room(): after publishAsync reports backlog, resumes at half the high-water mark; failures surface', async (t) => {
    const small = await connectBus({ kind, url: NATS_URL, timeoutMs: 3000, maxInFlight: 8, highWaterMark: 64, publishAttempts: 1 });
    t.teardown(() => small.close());
    await small.ensureStreams();
    const inst = token('RM');
    const subj = subject(Subjects.price(inst), 'PRICES');
    let paused = 0;
    for (let i = 0; i < 300; i++) {
      if (!small.publishAsync(subj, enc.encode(`r${i}`), `${subj}:${i}`)) {
        paused++;
        await small.room();
      }
    }
    await small.flush();
    if (kind === 'jetstream') t.ok(paused > 0, `backpressure engaged (${paused} pauses)`);
    const got = await collect(small, 'PRICES', subj, (g) => g.length >= 300);
    t.same(got.map((m) => dec.decode(m.data)), Array.from({ length: 300 }, (_, i) => `r${i}`), 'nothing dropped, in order');
    small.publishAsync(`nostream.${token('RM')}`, enc.encode('x'), 'rm-x');
    await t.rejects(small.flush().then(() => small.room()), { code: 'PS_BUS_PUBLISH' }, 'an unreported failure rejects');
  });

  if (kind === 'jetstream') {
    t.test('a backlog of large messages behind a busy handler never makes the server cut the connection (slow consumer)', async (t) => {
      // nats-server closes a connection with more than 64 MiB waiting for it. A pull of 1000 messages of
      // 70 KB each while the handler holds the event loop was 70 MB: the server dropped the connection,
      // and with it every request in flight on it (a persistence actor could not start on such a backlog).
      const big = await connectBus({ kind, url: NATS_URL, timeoutMs: 10_000 });
      t.teardown(() => big.close());
      let disconnects = 0;
      void (async () => { for await (const s of big.nats!.status()) if (s.type === 'disconnect') disconnects++; })();
      const subj = subject(`${Subjects.price(token('SC'))}.dlq`, 'DEAD_LETTERS');
      const N = 1200;
      const payload = new Uint8Array(70_000).fill(7);
      for (let i = 0; i < N; i++) {
        if (!big.publishAsync(subj, payload, `${subj}:${i}`)) await big.room();
      }
      await big.flush();
      const durable = token('sc');
      durables.push([Streams.DEAD_LETTERS.name, durable]);
      let got = 0, stalled = false;
      let finish!: () => void;
      const finished = new Promise<void>((r) => (finish = r));
      const c = await big.consume('DEAD_LETTERS', subj, (m) => {
        if (!stalled) {
          stalled = true;
          const until = Date.now() + 3000; // the handler holds the event loop: nothing is read meanwhile
          while (Date.now() < until);
        }
        m.ack();
        if (++got === N) finish();
      }, { durable });
      const timer = setTimeout(finish, 60_000);
      await finished;
      clearTimeout(timer);
      await c.close();
      t.equal(got, N, 'every message delivered');
      t.equal(disconnects, 0, 'the connection was never cut');
    });
  }

  if (kind === 'jetstream') {
    t.test('retryIn: a durable consumer gets the message again after the delay, not the ack wait; a batch part asks for its batch', async (t) => {
      const subj = subject(Subjects.notifications(token('RI')), 'NOTIFY');
      await bus.publish(subj, enc.encode('lone'), { msgId: `${subj}:lone` });
      for (let i = 0; i < 3; i++) bus.publishAsync(subj, enc.encode(`part${i}`), `${subj}:part${i}`, { coalesce: true });
      await bus.flush();
      const durable = token('ri');
      durables.push([Streams.NOTIFY.name, durable]);
      const seen: Array<[string, number, number]> = [];
      const t0 = Date.now();
      let finish!: () => void;
      const finished = new Promise<void>((r) => (finish = r));
      const c = await bus.consume('NOTIFY', subj, (m) => {
        const what = dec.decode(m.data);
        seen.push([what, m.deliveries, Date.now() - t0]);
        // The lone message and the batch's middle part fail on their first delivery.
        if (m.deliveries === 1 && (what === 'lone' || what === 'part1')) m.retryIn(300);
        else m.ack();
        if (seen.filter(([, d]) => d === 2).length === 4) finish();
      }, { durable });
      const timer = setTimeout(finish, 10_000);
      await finished;
      clearTimeout(timer);
      await new Promise((r) => setTimeout(r, 700)); // a retry asked for again would be back by now
      await c.close();
      const again = seen.filter(([, d]) => d === 2);
      t.same(again.map(([w]) => w).sort(), ['lone', 'part0', 'part1', 'part2'], 'the lone message again, and the whole batch');
      t.ok(again.every(([, , at]) => at >= 250 && at < 5000), `after the delay, not the 30 s ack wait (${again.map(([, , at]) => at).join(', ')} ms)`);
      t.equal(seen.filter(([, d]) => d > 2).length, 0, 'acked the second time: never a third');
    });

    /** A NOTIFY subject and its durable, made here with an ack wait of 1.5 s (an existing durable is resumed as it is). */
    const shortAckWait = async (tag: string) => {
      const subj = subject(Subjects.notifications(token(tag)), 'NOTIFY');
      const durable = token(tag.toLowerCase());
      durables.push([Streams.NOTIFY.name, durable]);
      const jsm = await jetstreamManager(bus.nats!);
      await jsm.consumers.add(Streams.NOTIFY.name, {
        durable_name: durable, filter_subject: subj, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: 1_500_000_000,
      });
      return { subj, durable, jsm };
    };

    t.test('retryIn keeps the message in the consumer (no redelivery by the server, even past the ack wait); close() hands it back', async (t) => {
      // An ack wait of 1.5 s: the retry below waits longer than two of them.
      const { subj, durable, jsm } = await shortAckWait('RK');
      await bus.publish(subj, enc.encode('kept'), { msgId: `${subj}:kept` });
      await bus.publish(subj, enc.encode('handed'), { msgId: `${subj}:handed` });
      const seen: Array<[string, number]> = [];
      const t0 = Date.now();
      const c = await bus.consume('NOTIFY', subj, (m) => {
        const what = dec.decode(m.data);
        seen.push([what, m.deliveries]);
        if (what === 'kept' && m.deliveries === 1) m.retryIn(3500);
        else if (what === 'handed') m.retryIn(60_000);
        else m.ack();
      }, { durable });
      while (!seen.some(([w, d]) => w === 'kept' && d === 2) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
      const ms = Date.now() - t0;
      // The handler's ack of 'kept' is on its way: the server counts it a moment later (it raced once in a full suite).
      let info = await jsm.consumers.info(Streams.NOTIFY.name, durable);
      for (const until = Date.now() + 2000; info.num_ack_pending > 1 && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 20));
        info = await jsm.consumers.info(Streams.NOTIFY.name, durable);
      }
      t.same(seen, [['kept', 1], ['handed', 1], ['kept', 2]], 'each handled once by the server\'s delivery, the retried one again as delivery 2');
      t.ok(ms >= 3400 && ms < 6000, `after its delay (${ms} ms)`);
      t.equal(info.delivered.consumer_seq, 2, 'the server delivered each once: the retry and the ack waits it outlasted stayed in the consumer');
      t.equal(info.num_redelivered, 0, 'nothing waits for a redelivery at the server');
      t.equal(info.num_ack_pending, 1, 'the one still held is in progress at the server');
      await c.close();
      const t1 = Date.now();
      const got = await collect(bus, 'NOTIFY', subj, (g) => g.length > 0, { durable }, 10_000);
      t.same(got.map((m) => [dec.decode(m.data), m.deliveries]), [['handed', 2]], 'the held one goes back to the next consumer at close');
      t.ok(Date.now() - t1 < 8000, `soon, not after its 60 s retry (${Date.now() - t1} ms)`);
    });

    t.test('a message handled for longer than the ack wait is not delivered again meanwhile (work in progress is reported)', async (t) => {
      const { subj, durable } = await shortAckWait('WP');
      await bus.publish(subj, enc.encode('slow'), { msgId: `${subj}:slow` });
      const seen: number[] = [];
      let done!: () => void;
      const finished = new Promise<void>((r) => (done = r));
      const c = await bus.consume('NOTIFY', subj, async (m) => {
        seen.push(m.deliveries);
        if (seen.length === 1) await new Promise((r) => setTimeout(r, 5000)); // more than three ack waits
        m.ack();
        done();
      }, { durable });
      await finished;
      await new Promise((r) => setTimeout(r, 2000)); // a redelivery would have come by now
      await c.close();
      t.same(seen, [1], 'handled once, on its first delivery');
    });

    /** A NOTIFY subject holding `n` messages `m0`, `m1`, ..., and a name for a durable on it (deleted after the suite). */
    const backlog = async (tag: string, n: number) => {
      const subj = subject(Subjects.notifications(token(tag)), 'NOTIFY');
      for (let i = 0; i < n; i++) bus.publishAsync(subj, enc.encode(`m${i}`), `${subj}:${i}`);
      await bus.flush();
      const durable = token(tag.toLowerCase());
      durables.push([Streams.NOTIFY.name, durable]);
      return { subj, durable };
    };
    /** The distinct payloads of what a consumer got (JetStream may deliver one twice; consumers dedupe). */
    const unique = (g: BusMsg[]) => new Set(g.map((m) => dec.decode(m.data)));

    t.test('close(): messages held back behind a busy handler go back to the server, so the next consumer gets them at once', async (t) => {
      const N = 50;
      const { subj, durable } = await backlog('CL', N);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const first: string[] = [];
      // The first message's handler holds the consumer until close(): the others arrive and wait behind it.
      const c = await bus.consume('NOTIFY', subj, (m) => {
        first.push(dec.decode(m.data));
        m.ack();
        return first.length === 1 ? held : undefined;
      }, { durable });
      while (first.length === 0) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 200)); // the rest of the pull arrives meanwhile
      const closing = c.close();
      release();
      await closing;
      t.same(first, ['m0'], 'only the message being handled was handled');
      const t0 = Date.now();
      // At least once (JetStream may deliver one twice; consumers dedupe), in no set order: the handed-back ones
      // come a moment after the ones never delivered.
      const got = await collect(bus, 'NOTIFY', subj, (g) => unique(g).size === N - 1, { durable }, 10_000);
      const ms = Date.now() - t0;
      const rest = [...unique(got)].map((w) => Number(w.slice(1))).sort((a, b) => a - b);
      t.same(rest, Array.from({ length: N - 1 }, (_, i) => i + 1), 'the next consumer gets every one of the rest');
      t.ok(ms < 10_000, `soon, not after the 30 s ack wait (${ms} ms)`);
    });

    t.test('close() while messages are on the wire: they go back to the server, and the next consumer gets them in seconds, not after the ack wait', async (t) => {
      const N = 500;
      const { subj, durable } = await backlog('WI', N);
      let closing: Promise<void> | null = null;
      const first: string[] = [];
      // The server sends the whole pull at once. The first message's handler closes the consumer and then holds the
      // thread, so the others are already here, read but not yet dispatched, when the close begins. Before the
      // drain (2026-11-22) the close dropped them, and they waited out the 30 s ack wait.
      const c = await bus.consume('NOTIFY', subj, (m) => {
        first.push(dec.decode(m.data));
        m.ack();
        if (closing !== null) return;
        closing = c.close();
        for (const until = performance.now() + 200; performance.now() < until;);
      }, { durable });
      while (closing === null) await new Promise((r) => setTimeout(r, 5));
      await closing;
      t.same(first, ['m0'], 'only the first was handled');
      const t0 = Date.now();
      const got = await collect(bus, 'NOTIFY', subj, (g) => unique(g).size === N - 1, { durable }, 20_000);
      const ms = Date.now() - t0;
      t.equal(unique(got).size, N - 1, 'the next consumer gets every one of the rest');
      t.ok(ms < 10_000, `within ${ms} ms (the ack wait is 30 s)`);
    });
  }

  t.test('a handler that returns a promise holds back the next message until it settles', async (t) => {
    const subj = subject(Subjects.notifications(token('AW')), 'NOTIFY');
    for (let i = 0; i < 50; i++) await bus.publish(subj, enc.encode(`a${i}`));
    const log: string[] = [];
    let running = 0;
    let overlapped = false;
    const c = await bus.consume('NOTIFY', subj, (m) => {
      const s = dec.decode(m.data);
      log.push(s);
      if (Number(s.slice(1)) % 7 !== 0) return; // synchronous: no promise
      running++;
      return new Promise<void>((r) => setTimeout(() => { running--; r(); }, 5));
    });
    const origPush = log.push.bind(log);
    log.push = (...xs: string[]) => { if (running > 0) overlapped = true; return origPush(...xs); };
    for (let i = 0; i < 200 && log.length < 50; i++) await new Promise((r) => setTimeout(r, 20));
    await c.close();
    t.same(log, Array.from({ length: 50 }, (_, i) => `a${i}`), 'every message, in order');
    t.notOk(overlapped, 'no message delivered while a returned promise was pending');
  });

  t.test('coalesced publishes: one stored batch per subject and turn, delivered one by one in order, acked as one', async (t) => {
    const subj = subject(Subjects.orders(token('CO')), 'ORDERS');
    const other = subject(Subjects.orders(token('CP')), 'ORDERS');
    const live: string[] = [];
    const sub = bus.subscribe(subj, (m) => { live.push(dec.decode(m.data)); });
    if (bus.nats) await bus.nats.flush();
    const send = (from: number) => {
      const acks: Array<Promise<PubAck>> = [];
      for (let i = from; i < from + 50; i++) acks.push(bus.publish(subj, enc.encode(`c${i}`), { msgId: `${subj}:${i}`, coalesce: true }));
      for (let i = from + 50; i < from + 80; i++) bus.publishAsync(subj, enc.encode(`c${i}`), `${subj}:${i}`, { coalesce: true });
      const alone = bus.publish(other, enc.encode('alone'), { msgId: `${other}:1`, coalesce: true });
      return { acks: Promise.all(acks), alone };
    };
    const first = send(0);
    const acks = await first.acks;
    const alone = await first.alone;
    await bus.flush();
    for (let i = 0; i < 100 && live.length < 80; i++) await new Promise((r) => setTimeout(r, 20));
    sub.unsubscribe();
    t.same(live, Array.from({ length: 80 }, (_, i) => `c${i}`), 'a core subscription gets them one by one too');
    const seqs = new Set(acks.map((a) => a.seq));
    if (kind === 'jetstream') {
      t.equal(seqs.size, 1, 'the turn\'s messages for one subject are one stream message');
      t.not(alone.seq, acks[0]!.seq, 'another subject is another message');
      const again = send(0);
      t.ok((await again.acks).every((a) => a.duplicate && a.seq === acks[0]!.seq), 'the same messages again: the batch is a duplicate');
      await again.alone;
      await bus.flush();
    } else {
      t.equal(seqs.size, 50, 'the in-process bus stores each message');
    }
    const durable = token('co');
    durables.push([Streams.ORDERS.name, durable]);
    const got = await collect(bus, 'ORDERS', subj, (g) => g.length >= 80, { durable });
    t.same(got.map((m) => dec.decode(m.data)), Array.from({ length: 80 }, (_, i) => `c${i}`), 'every message, alone and in order');
    t.ok(got.every((m) => m.subject === subj), 'each with its subject');
    await bus.publish(subj, enc.encode('marker'), { msgId: `${subj}:marker` });
    const after = await collect(bus, 'ORDERS', subj, (g) => g.length >= 1, { durable });
    t.same(after.map((m) => dec.decode(m.data)), ['marker'], 'once every message was acked the batch is acked: nothing comes again');
  });

  t.test('a large burst is cut into batches of bounded size, still delivered whole and in order', async (t) => {
    const subj = subject(Subjects.orders(token('CL')), 'ORDERS');
    const N = 3000;
    const acks = await Promise.all(Array.from({ length: N }, (_, i) =>
      bus.publish(subj, enc.encode(`l${i}`.padEnd(i % 3 === 0 ? 200 : 10, '.')), { msgId: `${subj}:${i}`, coalesce: true })));
    if (kind === 'jetstream') {
      const seqs = [...new Set(acks.map((a) => a.seq))];
      t.ok(seqs.length >= 3 && seqs.length < 10, `${seqs.length} stream messages for ${N} (at most 1,024 each)`);
    }
    const got = await collect(bus, 'ORDERS', subj, (g) => g.length >= N);
    t.same(got.map((m) => dec.decode(m.data).replace(/\.+$/, '')), Array.from({ length: N }, (_, i) => `l${i}`), 'every message, in order');
  });

  if (kind === 'jetstream') {
    t.test('a batch whose handler throws is retried whole; garbage that looks like a batch arrives as it is', async (t) => {
      const subj = subject(Subjects.orders(token('CT')), 'ORDERS');
      const acks = Array.from({ length: 5 }, (_, i) => bus.publish(subj, enc.encode(`b${i}`), { msgId: `${subj}:${i}`, coalesce: true }));
      await Promise.all(acks);
      const garbage = new Uint8Array([0xff, 0x01, 0x09, 0x01]);
      await bus.publish(subj, garbage, { msgId: `${subj}:garbage` });
      errors.length = 0;
      const seen: string[] = [];
      let thrown = false;
      const durable = token('ct');
      durables.push([Streams.ORDERS.name, durable]);
      const c = await bus.consume('ORDERS', subj, (m) => {
        seen.push(m.data[0] === 0xff ? `garbage:${m.data.length}` : dec.decode(m.data));
        if (!thrown && seen.length === 3) {
          thrown = true;
          throw new Error('boom');
        }
        m.ack();
      }, { durable });
      for (let i = 0; i < 250 && !(seen.includes('garbage:4') && seen.includes('b4')); i++) await new Promise((r) => setTimeout(r, 20));
      await c.close();
      // The consumer hands the batch to the handler again a second later, after what arrived meanwhile (the garbage).
      t.same(seen.filter((x) => x.startsWith('b')), ['b0', 'b1', 'b2', 'b0', 'b1', 'b2', 'b3', 'b4'],
        'the rest of the batch waits for its retry, which repeats it whole');
      t.equal(seen.filter((x) => x === 'garbage:4').length, 1, 'bytes that only look like a batch reach the handler as they are');
      t.ok(errors.some((e) => e.code === 'PS_BUS_HANDLER' && /boom/.test(e.message)), 'the failure is reported');
    });
  }

  t.test('a consumer handler that throws is reported, delivery continues', async (t) => {
    const subj = subject(Subjects.notifications(token('HE')), 'NOTIFY');
    for (let i = 0; i < 3; i++) await bus.publish(subj, enc.encode(`n${i}`));
    errors.length = 0;
    const seen: string[] = [];
    const c = await bus.consume('NOTIFY', subj, (m) => {
      seen.push(dec.decode(m.data));
      if (seen.length === 1) throw new Error('boom');
    });
    for (let i = 0; i < 100 && seen.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await c.close();
    t.same(seen, ['n0', 'n1', 'n2']);
    t.ok(errors.some((e) => e.code === 'PS_BUS_HANDLER' && /boom/.test(e.message)));
  });
}

t.test('subject matching', async (t) => {
  t.ok(subjectMatches('prices.forex.*', 'prices.forex.EUR_USD'));
  t.notOk(subjectMatches('prices.forex.*', 'prices.forex.EUR_USD.dlq'));
  t.ok(subjectMatches('prices.forex.*.dlq', 'prices.forex.EUR_USD.dlq'));
  t.ok(subjectMatches('prices.>', 'prices.forex.EUR_USD'));
  t.notOk(subjectMatches('prices.>', 'prices'));
  t.notOk(subjectMatches('prices.forex', 'prices.forex.EUR_USD'));
  t.ok(subjectMatches('*.*.*', 'a.b.c'));
});

t.test('embedded bus', async (t) => suite(t, 'embedded'));

t.test(`jetstream bus at ${NATS_URL}`, async (t) => {
  try {
    await (await connectBus({ kind: 'jetstream', url: NATS_URL, timeoutMs: 2000 })).close();
  } catch (err) {
    const reason = `NATS unreachable at ${NATS_URL} (${(err as Error).message}); start it with \`make services\``;
    if (inCI) t.fail(reason);
    else t.plan(0, `skipped: ${reason}`);
    return;
  }
  suite(t, 'jetstream');
});

t.test('durableInactiveMs: a throwaway run\'s durable consumer is deleted by the server once unused', async (t) => {
  let bus: Bus;
  try {
    bus = await connectBus({ kind: 'jetstream', url: NATS_URL, timeoutMs: 2000, durableInactiveMs: 1000 });
  } catch (err) {
    if (inCI) t.fail(`NATS unreachable at ${NATS_URL}: ${(err as Error).message}`);
    else t.plan(0, 'skipped: NATS unreachable');
    return;
  }
  t.teardown(() => bus.close());
  const jsm = await jetstreamManager(bus.nats!);
  const durable = token('inactive');
  const subj = Subjects.billing(token('acct'));
  await bus.publish(subj, enc.encode('x'));
  t.equal((await collect(bus, 'BILLING', subj, (g) => g.length >= 1, { durable })).length, 1);
  t.equal((await jsm.consumers.info(Streams.BILLING.name, durable)).config.inactive_threshold, 1000 * 1e6, 'created with the threshold');
  // The server sweeps inactive consumers every few seconds.
  let gone = false;
  for (let i = 0; i < 60 && !gone; i++) {
    await new Promise((r) => setTimeout(r, 250));
    gone = await jsm.consumers.info(Streams.BILLING.name, durable).then(() => false, (err: Error) => /consumer not found/i.test(err.message));
  }
  t.ok(gone, 'deleted once nobody consumed from it for longer than the threshold');
  await t.rejects(connectBus({ kind: 'jetstream', url: NATS_URL, durableInactiveMs: -1 }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('streamMaxBytes: only named streams, whole bytes', async (t) => {
  await t.rejects(connectBus({ kind: 'embedded', streamMaxBytes: { TRADES: 1024 } as never }), { code: 'PS_BAD_ARGUMENT', message: /names no stream: TRADES/ });
  await t.rejects(connectBus({ kind: 'embedded', streamMaxBytes: { ORDERS: 0 } }), { code: 'PS_BAD_ARGUMENT', message: /streamMaxBytes\.ORDERS/ });
  await t.rejects(connectBus({ kind: 'embedded', streamMaxBytes: { ORDERS: 1.5 } }), { code: 'PS_BAD_ARGUMENT' });
});

t.test('connection failures', async (t) => {
  const url = 'nats://127.0.0.1:1';
  await t.rejects(connectBus({ kind: 'jetstream', url, timeoutMs: 1000 }), { code: 'PS_SERVICE_UNAVAILABLE', message: /127\.0\.0\.1:1/ });
  const bus = await connectBus({ kind: 'auto', url, timeoutMs: 1000 });
  t.equal(bus.kind, 'embedded', 'auto falls back to the in-process bus');
  t.match(bus.fallbackReason, /^NATS unavailable .*127\.0\.0\.1:1.*in-process bus/);
  t.notOk(bus.fallbackReason!.includes('\n'), 'one line');
  await bus.close();
});
