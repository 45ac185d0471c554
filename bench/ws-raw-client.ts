/**
 * A minimal RFC 6455 WebSocket client on node:net, the load generator of bench/gateway.bench.ts: the `ws`
 * library's client cost more CPU per frame than the servers it measured. Messages are handed over as
 * (buffer, start, end) with no copy and no allocation per frame: reads land in one reused buffer (net's
 * `onread`, no stream machinery), and only a frame split across reads or a fragmented message is gathered
 * into a buffer of its own. Left out: extensions (none offered), subprotocols, wss:, and UTF-8 validation of
 * text messages (the decoding this client exists to skip).
 */
import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';

const ACCEPT_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_HEAD_BYTES = 16 * 1024;
/** Bounds what a frame header can make this client allocate. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
const CLOSE_TIMEOUT_MS = 5000;
/** Every socket's reads: each read is parsed before the next one lands (what must outlive it is copied). */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);

/** One message's payload, buf[start, end); buf is only valid during the call (it is reused). */
export type MessageHandler = (buf: Buffer, start: number, end: number, binary: boolean) => void;

/** The server answered the upgrade request with another status than 101. */
export class UpgradeError extends Error {
  constructor(readonly status: number) { super(`WebSocket upgrade answered ${status}`); }
}

const grow = (b: Buffer, used: number, min: number): Buffer => {
  const next = Buffer.allocUnsafe(Math.max(min, 2 * b.length));
  b.copy(next, 0, 0, used);
  return next;
};

/** Server-to-client frames -> messages and control frames. Stops for good at the first protocol error. */
export class FrameParser {
  /** A frame split across reads, gathered (header and payload) until complete. */
  #held: Buffer = Buffer.allocUnsafe(1024);
  #heldLen = 0;
  /** A fragmented message being reassembled, and its opcode (0: none). */
  #frag: Buffer = Buffer.allocUnsafe(0);
  #fragLen = 0;
  #fragOpcode = 0;
  #stopped = false;

  constructor(
    public onMessage: MessageHandler,
    private readonly onControl: (opcode: number, buf: Buffer, start: number, end: number) => void,
    private readonly onError: (err: Error) => void,
  ) {}

  /** Ignores everything from now on (after a close frame, or when the socket is dropped). */
  stop(): void { this.#stopped = true; }

  /** Parses the bytes buf[start, end) read from the socket, delivering every message they complete. */
  push(buf: Buffer, start: number, end: number): void {
    if (this.#stopped) return;
    let pos = start;
    if (this.#heldLen > 0) {
      pos = this.#hold(buf, pos, end);
      if (pos < 0) return;
      const n = this.#heldLen;
      this.#heldLen = 0;
      this.#frame(this.#held, 0, n);
    }
    while (pos < end && !this.#stopped) {
      const size = this.#size(buf, pos, end);
      if (size < 0) return;
      if (size > end - pos) { this.#hold(buf, pos, end); return; }
      this.#frame(buf, pos, pos + size);
      pos += size;
    }
  }

  /**
   * The frame at b[pos]: its size (header + payload) once its header lies within [pos, end), before that
   * the header bytes needed so far (more than end - pos); -1 after a protocol error.
   */
  #size(b: Buffer, pos: number, end: number): number {
    const avail = end - pos;
    if (avail < 2) return 2;
    const b1 = b[pos + 1];
    if ((b1 & 0x80) !== 0) return this.#fail('the server sent a masked frame');
    const len7 = b1 & 0x7f;
    if (len7 < 126) return 2 + len7;
    if (len7 === 126) return avail < 4 ? 4 : 4 + ((b[pos + 2] << 8) | b[pos + 3]);
    if (avail < 10) return 10;
    const len = b.readUInt32BE(pos + 2) * 2 ** 32 + b.readUInt32BE(pos + 6);
    return len > MAX_MESSAGE_BYTES ? this.#fail(`a frame of ${len} bytes (the limit is ${MAX_MESSAGE_BYTES})`) : 10 + len;
  }

  /** Moves b[pos, end) into the held frame until it is complete: returns where it ended, or -1 (not yet, or an error). */
  #hold(b: Buffer, pos: number, end: number): number {
    for (;;) {
      const want = this.#size(this.#held, 0, this.#heldLen);
      if (want < 0) return -1;
      if (this.#heldLen === want) return pos;
      if (pos === end) return -1;
      if (want > this.#held.length) this.#held = grow(this.#held, this.#heldLen, want);
      const n = Math.min(want - this.#heldLen, end - pos);
      b.copy(this.#held, this.#heldLen, pos, pos + n);
      this.#heldLen += n;
      pos += n;
    }
  }

  /** One complete frame, b[start, end). */
  #frame(b: Buffer, start: number, end: number): void {
    const b0 = b[start], opcode = b0 & 0x0f, fin = (b0 & 0x80) !== 0, len7 = b[start + 1] & 0x7f;
    const p = start + (len7 < 126 ? 2 : len7 === 126 ? 4 : 10);
    if ((b0 & 0x70) !== 0) return void this.#fail('a frame with RSV bits set (no extension was negotiated)');
    if (opcode >= 8) {
      if (opcode > 10) return void this.#fail(`unknown opcode ${opcode}`);
      if (!fin || len7 > 125) return void this.#fail('a fragmented or oversized control frame');
      return this.onControl(opcode, b, p, end);
    }
    if (opcode === 0) {
      if (this.#fragOpcode === 0) return void this.#fail('a continuation frame with no message to continue');
      if (!this.#append(b, p, end) || !fin) return;
      const n = this.#fragLen, binary = this.#fragOpcode === 2;
      this.#fragLen = 0;
      this.#fragOpcode = 0;
      return this.onMessage(this.#frag, 0, n, binary);
    }
    if (opcode > 2) return void this.#fail(`unknown opcode ${opcode}`);
    if (this.#fragOpcode !== 0) return void this.#fail('a new message inside a fragmented one');
    if (fin) return this.onMessage(b, p, end, opcode === 2);
    this.#fragOpcode = opcode;
    this.#append(b, p, end);
  }

  #append(b: Buffer, start: number, end: number): boolean {
    const n = this.#fragLen + end - start;
    if (n > MAX_MESSAGE_BYTES) {
      this.#fail(`a message over ${MAX_MESSAGE_BYTES} bytes`);
      return false;
    }
    if (n > this.#frag.length) this.#frag = grow(this.#frag, this.#fragLen, n);
    b.copy(this.#frag, this.#fragLen, start, end);
    this.#fragLen = n;
    return true;
  }

  #fail(message: string): -1 {
    this.#stopped = true;
    this.onError(new Error(`WebSocket protocol error: ${message}`));
    return -1;
  }
}

export interface ConnectOptions {
  /** Every message, from the first frame on (it can arrive in the same read as the upgrade response). */
  onMessage: MessageHandler;
  /** Gives up on the upgrade (the promise rejects and the socket is destroyed). */
  signal?: AbortSignal;
}

/** An open connection (see connect()). */
export class RawWebSocket {
  /** Once, when the connection is gone: the code of the server's close frame (1005: none given), or 1006 without one. */
  onClose: (code: number) => void = () => {};
  /** A protocol violation by the server; the socket is destroyed and onClose follows. Socket errors only close (1006), as with `ws`. */
  onError: (err: Error) => void = () => {};
  readonly #socket: Socket;
  readonly #parser: FrameParser;
  #code = 1006;
  #closeSent = false;

  constructor(socket: Socket, onMessage: MessageHandler) {
    this.#socket = socket;
    this.#parser = new FrameParser(onMessage, (op, b, s, e) => this.#control(op, b, s, e), (err) => this.#fail(err));
    socket.once('close', () => this.onClose(this.#code));
  }

  set onMessage(handler: MessageHandler) { this.#parser.onMessage = handler; }

  /** Bytes read from the socket (connect() feeds them). */
  read(buf: Buffer, start: number, end: number): void { this.#parser.push(buf, start, end); }

  /** One masked text frame. */
  send(text: string): void {
    if (this.#closeSent || !this.#socket.writable) throw new Error('WebSocket is closing or closed');
    const b = Buffer.from(text);
    this.#write(0x1, b, 0, b.length);
  }

  /** Starts the closing handshake; the socket is dropped should the server not answer within CLOSE_TIMEOUT_MS. */
  close(code = 1000): void {
    if (this.#closeSent || !this.#socket.writable) return;
    const payload = Buffer.from([code >> 8, code & 0xff]);
    this.#write(0x8, payload, 0, 2);
    this.#closeSent = true;
    const timer = setTimeout(() => this.terminate(), CLOSE_TIMEOUT_MS).unref();
    this.#socket.once('close', () => clearTimeout(timer));
  }

  /** Drops the connection at once (onClose: 1006). */
  terminate(): void {
    this.#parser.stop();
    this.#socket.destroy();
  }

  #control(opcode: number, b: Buffer, start: number, end: number): void {
    if (opcode === 0x9) return this.#write(0xa, b, start, end);
    if (opcode !== 0x8) return; // pong
    if (end - start === 1) return this.#fail(new Error('WebSocket protocol error: a close frame with a 1-byte payload'));
    this.#code = end - start >= 2 ? (b[start] << 8) | b[start + 1] : 1005;
    this.#parser.stop();
    if (!this.#closeSent) this.#write(0x8, b, start, Math.min(end, start + 2)); // echo the code
    this.#closeSent = true;
    this.#socket.end();
  }

  #fail(err: Error): void {
    this.#parser.stop();
    this.onError(err);
    this.#socket.destroy();
  }

  /** A masked frame (a client must mask, RFC 6455 5.3) of payload b[start, end). */
  #write(opcode: number, b: Buffer, start: number, end: number): void {
    if (!this.#socket.writable) return;
    const n = end - start, hl = n < 126 ? 2 : n < 65536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(hl + 4 + n);
    frame[0] = 0x80 | opcode;
    if (hl === 2) frame[1] = 0x80 | n;
    else if (hl === 4) { frame[1] = 0x80 | 126; frame.writeUInt16BE(n, 2); }
    else { frame[1] = 0x80 | 127; frame.writeBigUInt64BE(BigInt(n), 2); }
    randomFillSync(frame, hl, 4);
    for (let i = 0; i < n; i++) frame[hl + 4 + i] = b[start + i] ^ frame[hl + (i & 3)];
    this.#socket.write(frame);
  }
}

/** Why an upgrade response head (status line and headers) is not a valid 101 for this key, or null. */
function upgradeError(head: string, accept: string): Error | null {
  const [statusLine, ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  if (status === null) return new Error(`not an HTTP response to the WebSocket upgrade: ${JSON.stringify(statusLine.slice(0, 80))}`);
  if (status[1] !== '101') return new UpgradeError(Number(status[1]));
  const headers = new Map<string, string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  if (headers.get('upgrade')?.toLowerCase() !== 'websocket' || !/(^|,)\s*upgrade\s*(,|$)/i.test(headers.get('connection') ?? '')) {
    return new Error('the 101 response lacks Upgrade: websocket / Connection: Upgrade');
  }
  if (headers.get('sec-websocket-accept') !== accept) return new Error('the 101 response has a wrong Sec-WebSocket-Accept');
  if (headers.has('sec-websocket-extensions') || headers.has('sec-websocket-protocol')) {
    return new Error('the server chose an extension or subprotocol that was not offered');
  }
  return null;
}

/**
 * Opens a WebSocket to a ws://host:port/path?query URL: resolves once the server has answered 101 with the
 * right Sec-WebSocket-Accept; rejects with an UpgradeError for another status, an Error for anything else.
 */
export function connect(url: string, opts: ConnectOptions): Promise<RawWebSocket> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    if (u.protocol !== 'ws:') throw new Error(`not a ws:// URL: ${url}`);
    if (opts.signal?.aborted) throw new Error('WebSocket upgrade aborted');
    const key = randomBytes(16).toString('base64');
    const accept = createHash('sha1').update(key + ACCEPT_GUID).digest('base64');
    let head = Buffer.alloc(0);
    let ws: RawWebSocket | null = null;
    const socket = netConnect({
      host: u.hostname.replace(/^\[(.*)\]$/, '$1'), port: u.port === '' ? 80 : Number(u.port),
      onread: {
        buffer: READ_BUFFER,
        callback: (n) => {
          if (ws !== null) ws.read(READ_BUFFER, 0, n);
          else readHead(n);
          return true;
        },
      },
    });
    const fail = (err: Error) => {
      opts.signal?.removeEventListener('abort', abort);
      socket.destroy();
      reject(err);
    };
    const abort = () => fail(new Error('WebSocket upgrade aborted'));
    const readHead = (n: number) => {
      head = Buffer.concat([head, READ_BUFFER.subarray(0, n)]);
      const at = head.indexOf('\r\n\r\n');
      if (at < 0) {
        if (head.length > MAX_HEAD_BYTES) fail(new Error(`the upgrade response head exceeds ${MAX_HEAD_BYTES} bytes`));
        return;
      }
      const err = upgradeError(head.toString('latin1', 0, at), accept);
      if (err !== null) return fail(err);
      opts.signal?.removeEventListener('abort', abort);
      ws = new RawWebSocket(socket, opts.onMessage);
      resolve(ws);
      ws.read(head, at + 4, head.length);
    };
    opts.signal?.addEventListener('abort', abort, { once: true });
    // Until the upgrade completes, a socket error or close fails it; after, RawWebSocket reports the close.
    socket.on('error', (err) => { if (ws === null) fail(err); });
    socket.once('close', () => { if (ws === null) fail(new Error('the connection closed during the WebSocket upgrade')); });
    socket.setNoDelay(true);
    socket.write(`GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  });
}
