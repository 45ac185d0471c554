/**
 * Expiry deadlines of pending orders: a binary min-heap of (deadline ms, order id), so one timer
 * armed for the earliest deadline serves every pending order (no setTimeout per order).
 * Entries are never removed early: a confirmed or rejected order's entry is skipped when it pops.
 */
export class DeadlineHeap {
  private readonly at: number[] = [];
  private readonly ids: string[] = [];

  get size(): number {
    return this.at.length;
  }

  /** The earliest deadline, or Infinity when empty. */
  peek(): number {
    return this.at.length > 0 ? this.at[0]! : Infinity;
  }

  push(deadlineMs: number, id: string): void {
    let i = this.at.length;
    this.at.push(deadlineMs);
    this.ids.push(id);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.at[p]! <= deadlineMs) break;
      this.move(p, i);
      i = p;
    }
    this.at[i] = deadlineMs;
    this.ids[i] = id;
  }

  /** Removes and returns the ids whose deadline is <= nowMs, earliest first. */
  popDue(nowMs: number): string[] {
    const out: string[] = [];
    while (this.at.length > 0 && this.at[0]! <= nowMs) out.push(this.pop());
    return out;
  }

  private pop(): string {
    const top = this.ids[0]!;
    const lastAt = this.at.pop()!;
    const lastId = this.ids.pop()!;
    const n = this.at.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && this.at[l + 1]! < this.at[l]! ? l + 1 : l;
      if (this.at[c]! >= lastAt) break;
      this.move(c, i);
      i = c;
    }
    this.at[i] = lastAt;
    this.ids[i] = lastId;
    return top;
  }

  private move(from: number, to: number): void {
    this.at[to] = this.at[from]!;
    this.ids[to] = this.ids[from]!;
  }
}
