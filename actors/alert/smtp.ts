import { connect, type Socket } from 'node:net';
import { PipstreamError } from '../../engine/errors/mod.ts';
import type { Notification } from './notification.ts';
import { deliveryError, validateRetryOptions, withRetries, type Transport } from './transport.ts';

export interface SmtpOptions {
  host: string;
  port: number;
  from: string;
  /** Recipients: fixed, or per notification (e.g. looked up by account). */
  to: readonly string[] | ((n: Notification) => readonly string[]);
  /** Name sent in EHLO. Default 'pipstream.local'. */
  heloName?: string;
  /** Limit for one whole SMTP session. Default 10000. */
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  name?: string;
}

/**
 * Plain SMTP (RFC 5321, no TLS, no AUTH): for a local relay/MTA on a trusted network, which does
 * the onward delivery. Reply 4xx and network failures are retried; 5xx is permanent.
 */
export function smtpTransport(o: SmtpOptions): Transport {
  const name = o.name ?? 'smtp';
  const timeoutMs = o.timeoutMs ?? 10_000;
  const retry = { maxAttempts: o.maxAttempts ?? 3, baseDelayMs: o.baseDelayMs ?? 1000, maxDelayMs: o.maxDelayMs };
  validateRetryOptions(retry, name);
  if (!(Number.isInteger(o.port) && o.port > 0 && o.port < 65536)) {
    throw new PipstreamError('PS_BAD_ARGUMENT', `${name}: port must be 1-65535`, { port: o.port });
  }
  for (const a of [o.from, ...(typeof o.to === 'function' ? [] : o.to)]) checkAddress(name, a);
  return {
    name,
    send(n: Notification): Promise<void> {
      const to = typeof o.to === 'function' ? o.to(n) : o.to;
      if (to.length === 0) return Promise.resolve();
      for (const a of to) checkAddress(name, a);
      const message = formatMessage(o.from, to, n);
      return withRetries(retry, () => session(o, name, timeoutMs, to, message));
    },
  };
}

function checkAddress(name: string, a: string): void {
  // Forbids CR/LF/<> so an address cannot inject SMTP commands or headers.
  if (!/^[^\s<>@]+@[^\s<>@]+$/.test(a)) throw new PipstreamError('PS_BAD_ARGUMENT', `${name}: bad email address`, { address: a });
}

const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

function formatMessage(from: string, to: readonly string[], n: Notification): string {
  const body = [n.message, '', `account: ${n.account}`, `instrument: ${n.instrument}`, `time: ${new Date(n.time_ms).toISOString()}`,
    `signal: ${n.signal_id}`, `notification: ${n.id}`].join('\r\n');
  const headers = [
    `From: <${from}>`,
    `To: ${to.map((a) => `<${a}>`).join(', ')}`,
    `Subject: ${oneLine(`[pipstream] ${n.instrument} alert (${n.account})`)}`,
    `Date: ${new Date(n.time_ms).toUTCString()}`,
    `Message-ID: <${n.id}@pipstream>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  // CRLF only (a bare LF is not a line end in SMTP), then dot-stuffing (RFC 5321 4.5.2) so a line "." cannot end DATA.
  const lines = body.replace(/\r?\n|\r/g, '\r\n').replace(/^\./gm, '..');
  return `${headers.join('\r\n')}\r\n\r\n${lines}\r\n`;
}

/** One SMTP session: greeting, EHLO, MAIL, RCPT..., DATA, QUIT. */
async function session(o: SmtpOptions, name: string, timeoutMs: number, to: readonly string[], message: string): Promise<void> {
  const sock = connect({ host: o.host, port: o.port });
  const replies = new ReplyReader(sock);
  const timer = setTimeout(() => sock.destroy(deliveryError(`${name}: no answer within ${timeoutMs} ms`,
    { transport: name, retryable: true, timeout: true })), timeoutMs);
  try {
    await replies.expect(220, name);
    const cmd = async (line: string, code: number) => {
      sock.write(`${line}\r\n`);
      await replies.expect(code, name);
    };
    await cmd(`EHLO ${o.heloName ?? 'pipstream.local'}`, 250);
    await cmd(`MAIL FROM:<${o.from}>`, 250);
    for (const a of to) await cmd(`RCPT TO:<${a}>`, 250);
    await cmd('DATA', 354);
    await cmd(`${message}.`, 250);
    sock.write('QUIT\r\n');
  } finally {
    clearTimeout(timer);
    sock.end();
  }
}

/** Reads SMTP replies (multi-line `250-...` continued until `250 ...`) off a socket. */
class ReplyReader {
  private buf = '';
  private lines: string[] = [];
  private failure: unknown = null;
  private wake: (() => void) | null = null;

  constructor(sock: Socket) {
    sock.setEncoding('utf8');
    sock.on('data', (chunk: string) => {
      this.buf += chunk;
      let i: number;
      while ((i = this.buf.indexOf('\n')) >= 0) {
        this.lines.push(this.buf.slice(0, i).replace(/\r$/, ''));
        this.buf = this.buf.slice(i + 1);
      }
      this.poke();
    });
    sock.on('error', (err) => { this.failure ??= err; this.poke(); });
    sock.on('close', () => { this.failure ??= new Error('connection closed'); this.poke(); });
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private async next(name: string): Promise<string> {
    while (this.lines.length === 0) {
      if (this.failure) {
        const f = this.failure as PipstreamError;
        throw f.code === 'PS_ALERT_DELIVERY' ? f
          : deliveryError(`${name}: connection failed: ${f.message}`, { transport: name, retryable: true }, f);
      }
      await new Promise<void>((r) => { this.wake = r; });
    }
    return this.lines.shift()!;
  }

  async expect(code: number, name: string): Promise<void> {
    let line: string;
    do line = await this.next(name); while (line[3] === '-');
    const got = Number(line.slice(0, 3));
    if (got === code) return;
    throw deliveryError(`${name}: SMTP ${line}`, { transport: name, retryable: got >= 400 && got < 500, status: got });
  }
}
