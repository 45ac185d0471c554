/**
 * Progress on standard error while scenarios run. On a terminal: one line redrawn in place (scenario,
 * step, elapsed seconds), refreshed once a second so the redraw costs the benchmarks next to nothing;
 * otherwise (CI logs, pipes) one plain line per step.
 */
export class Progress {
  readonly #out: NodeJS.WriteStream | NodeJS.WritableStream;
  readonly #tty: boolean;
  #label = '';
  #text = '';
  #since = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(out: NodeJS.WriteStream | NodeJS.WritableStream = process.stderr) {
    this.#out = out;
    this.#tty = (out as NodeJS.WriteStream).isTTY === true;
  }

  /** A scenario starts (index of count). */
  scenario(name: string, index: number, count: number): void {
    this.#since = performance.now();
    this.#label = `[${index + 1}/${count}] ${name}`;
    this.#show(this.#label);
    if (this.#tty && this.#timer === null) {
      this.#timer = setInterval(() => this.#show(this.#text), 1000);
      this.#timer.unref();
    }
  }

  /** A step inside the current scenario. */
  step(text: string): void {
    this.#show(`${this.#label}: ${text}`);
  }

  /** The scenario ended; its outcome stays on screen. */
  done(text: string): void {
    if (this.#tty) this.#out.write(`\r\x1b[K${this.#label}: ${text}\n`);
    else this.#out.write(`${this.#label}: ${text}\n`);
    this.#label = '';
  }

  stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  #show(text: string): void {
    if (this.#label === '') return;
    this.#text = text;
    const line = `${text} (${((performance.now() - this.#since) / 1000).toFixed(0)} s)`;
    const columns = (this.#out as NodeJS.WriteStream).columns;
    if (this.#tty) this.#out.write(`\r\x1b[K${line.slice(0, (columns > 0 ? columns : 100) - 1)}`);
    else this.#out.write(`${line}\n`);
  }
}
