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

interface ManualTimer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/**
 * A clock that only moves when told to: deterministic tests of the scheduler and monitor, and the
 * bench's accelerated soak. Timers sit in a binary heap: thousands of endpoint timers every 10 s
 * would make a sorted scan per timer quadratic.
 */
export class ManualClock implements Clock {
  private current: number;
  private readonly heap: ManualTimer[] = [];
  private seq = 0;

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  after(ms: number, fn: () => void): TimerHandle {
    const timer: ManualTimer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Advance time to `now + ms`, running due timers in order (including ones they schedule). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (let next = this.heap[0]; next !== undefined && next.at <= target; next = this.heap[0]) {
      this.pop();
      if (next.cancelled) continue;
      this.current = next.at;
      next.fn();
    }
    this.current = target;
  }

  /** Earlier time first; at the same time, the one set first. */
  private static before(a: ManualTimer, b: ManualTimer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(timer: ManualTimer): void {
    const heap = this.heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const up = heap[parent];
      if (up === undefined || !ManualClock.before(timer, up)) break;
      heap[i] = up;
      i = parent;
    }
    heap[i] = timer;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = last;
      let at = i;
      const l = heap[left];
      const r = heap[right];
      if (l !== undefined && ManualClock.before(l, least)) [least, at] = [l, left];
      if (r !== undefined && right < heap.length && ManualClock.before(r, least)) [least, at] = [r, right];
      if (at === i) break;
      heap[i] = least;
      i = at;
    }
    heap[i] = last;
  }
}
