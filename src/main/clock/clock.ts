// Time is injected so the engine can run accelerated in tests and in `import`; nothing in the
// engine calls Date.now() or setTimeout directly.
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Run `fn` once after `ms` milliseconds. */
  after(ms: number, fn: () => void): TimerHandle;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  after(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    // Timers must never keep a stopping CLI alive on their own.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A clock that only moves when told to: deterministic tests of the scheduler and monitor. */
export class ManualClock implements Clock {
  private current: number;
  private queue: { at: number; seq: number; fn: () => void; cancelled: boolean }[] = [];
  private seq = 0;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  after(ms: number, fn: () => void): TimerHandle {
    const entry = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.queue.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  }

  /** Advance time to `now + ms`, running due timers in order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.queue
        .filter((t) => !t.cancelled && t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.queue = this.queue.filter((t) => t !== due);
      this.current = due.at;
      due.fn();
    }
    this.current = target;
    this.queue = this.queue.filter((t) => !t.cancelled);
  }
}
