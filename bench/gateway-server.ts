/**
 * One fan-out server for bench/gateway.bench.ts, in its own process so the bench's clients and
 * publisher never share its event loop. Prints `ready <port>` once it serves, runs until SIGTERM.
 *
 *   node --import tsx bench/gateway-server.ts gateway   the real gateway (startGateway) on a throwaway
 *        PostgreSQL schema with every migration applied, rate limits raised out of the way
 *   node --import tsx bench/gateway-server.ts ws        the peer: a minimal `ws` server doing the gateway's
 *        price job: one core NATS subscription per instrument, the same JSON frame to every subscriber
 *
 * (needs NATS; `gateway` also Redis and PostgreSQL)
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { connectBus, type BusSubscription } from '../engine/bus/mod.ts';
import { loadConfig } from '../engine/config/mod.ts';
import { PipstreamError } from '../engine/errors/mod.ts';
import { TickReader } from '../engine/node/feed.ts';
import { Subjects } from '../engine/switchboard/mod.ts';
import { applyMigrations, connectPostgres } from '../engine/store/mod.ts';
import { priceFrame, startGateway, WS_PATH } from '../gateway/mod.ts';

/** The gateway's own threshold (GatewayOptions.wsBackpressureBytes default): above it, prices are not sent at once. */
const BACKPRESSURE_BYTES = 256 * 1024;
/** Rate limits far above anything the bench offers: the bench measures serving, not 429s. */
const UNLIMITED = { capacity: 1e9, refillPerS: 1e9 };

async function serveGateway(): Promise<() => Promise<void>> {
  const config = loadConfig();
  const admin = await connectPostgres(config.databaseUrl, { max: 1 });
  const schema = `psbench_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create schema ${schema}`);
  const sql = await connectPostgres(config.databaseUrl, { searchPath: `${schema}, public` });
  await applyMigrations(sql);
  const gw = await startGateway({
    port: 0, host: '127.0.0.1', sql, jwtSecret: randomBytes(32),
    rateLimit: { perToken: UNLIMITED, perIp: UNLIMITED, prefix: `psbench:${randomBytes(4).toString('hex')}:` },
    log: pino({ level: 'warn', name: 'bench-gateway' }),
  });
  process.stdout.write(`ready ${gw.port}\n`);
  return async () => {
    await gw.close();
    await sql.end();
    await admin.unsafe(`drop schema if exists ${schema} cascade`);
    await admin.end();
  };
}

/**
 * What a competent `ws` server for the same job looks like: the frame is built once per tick (the
 * gateway's own priceFrame) and encoded to a Buffer once, not once per client. A client above the
 * gateway's backpressure threshold is skipped for that tick (ws has no per-socket drain to conflate on).
 * Like the gateway (gateway/ws/session.ts), the frames of the ticks that arrived in one read go out in
 * one write per client: its socket is corked at the first and uncorked in a microtask after the last.
 * No auth: the gateway authenticates once per connection at upgrade, outside the fan-out measured.
 */
async function serveWsPeer(): Promise<() => Promise<void>> {
  const bus = await connectBus({ kind: 'jetstream', name: 'pipstream-bench-ws-peer' });
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: WS_PATH });
  const subscribers = new Map<string, { sub: BusSubscription; clients: Set<WebSocket> }>();
  const reader = new TickReader();
  // ws has no public cork; its socket is the net.Socket it writes to (ws's own cork/uncork pairs nest inside).
  const corked: Array<{ cork(): void; uncork(): void }> = [];
  const uncorkAll = () => {
    for (const s of corked) s.uncork();
    corked.length = 0;
  };
  const subscribe = (instrument: string, ws: WebSocket) => {
    let feed = subscribers.get(instrument);
    if (feed === undefined) {
      const clients = new Set<WebSocket>();
      const sub = bus.subscribe(Subjects.price(instrument), (m) => {
        if (!reader.read(m.data)) return;
        const frame = priceFrame(instrument, reader.tick);
        for (const c of clients) {
          if (c.bufferedAmount > BACKPRESSURE_BYTES) continue;
          const socket = (c as unknown as { _socket: { cork(): void; uncork(): void; writableCorked: number } })._socket;
          if (socket.writableCorked === 0) {
            socket.cork();
            if (corked.push(socket) === 1) queueMicrotask(uncorkAll);
          }
          c.send(frame, { binary: false });
        }
      });
      subscribers.set(instrument, (feed = { sub, clients }));
    }
    feed.clients.add(ws);
  };
  wss.on('connection', (ws) => {
    const mine = new Set<string>();
    ws.on('message', (data) => {
      let req: { op?: unknown; id?: unknown; channel?: unknown; instrument?: unknown };
      try {
        req = JSON.parse(String(data)) as typeof req;
      } catch {
        ws.send(JSON.stringify({ id: null, ok: false, error: { code: 'PS_BAD_REQUEST', message: 'message is not JSON' } }));
        return;
      }
      if (req.op !== 'subscribe' || req.channel !== 'prices' || typeof req.instrument !== 'string') {
        ws.send(JSON.stringify({ id: req.id ?? null, ok: false, error: { code: 'PS_BAD_REQUEST', message: 'the peer serves price subscriptions only' } }));
        return;
      }
      subscribe(req.instrument, ws);
      mine.add(req.instrument);
      ws.send(JSON.stringify({ id: req.id ?? null, ok: true, op: 'subscribe', channel: 'prices', instrument: req.instrument }));
    });
    ws.on('close', () => { for (const i of mine) subscribers.get(i)?.clients.delete(ws); });
  });
  await new Promise<void>((resolve, reject) => { wss.once('listening', resolve); wss.once('error', reject); });
  await bus.nats!.flush();
  process.stdout.write(`ready ${(wss.address() as { port: number }).port}\n`);
  return async () => {
    for (const f of subscribers.values()) f.sub.unsubscribe();
    for (const c of wss.clients) c.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await bus.close();
  };
}

const kind = process.argv[2];
if (kind !== 'gateway' && kind !== 'ws') throw new PipstreamError('PS_BAD_ARGUMENT', 'usage: gateway-server.ts gateway|ws', { kind });
const stop = await (kind === 'gateway' ? serveGateway() : serveWsPeer());
process.once('SIGTERM', () => {
  stop().then(() => process.exit(0), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
});
