// ManualClock keeps its timers in a heap (for the soak's thousands of timers). It must run them as a
// plain sorted scan would: in time order, ties in the order they were set, timers set by timers
// included, cancelled ones never.
import { describe, expect, it } from 'vitest';
import { ManualClock, type Clock, type TimerHandle } from '@src/main/clock/clock';

/** The reference: every step sorts what is due and runs the earliest. */
class SortedScanClock implements Clock {
  private current = 0;
  private queue: { at: number; seq: number; fn: () => void; cancelled: boolean }[] = [];
  private seq = 0;
  now(): number {
    return this.current;
  }
  after(ms: number, fn: () => void): TimerHandle {
    const entry = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.queue.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  }
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
  }
}

function script(clock: Clock & { advance(ms: number): void }): string[] {
  const ran: string[] = [];
  for (let i = 0; i < 300; i++) {
    const at = (i * 7919) % 1000;
    const handle = clock.after(at, () => {
      ran.push(`${String(clock.now())}:${String(i)}`);
      if (i % 5 === 0) {
        clock.after(i % 3 === 0 ? 0 : 250, () => ran.push(`${String(clock.now())}:child-${String(i)}`));
      }
    });
    if (i % 11 === 0) handle.cancel();
  }
  clock.advance(600);
  clock.advance(900);
  return ran;
}

describe('ManualClock ordering', () => {
  it('runs the same timers at the same times in the same order as a sorted scan', () => {
    const expected = script(new SortedScanClock());
    expect(expected.length).toBeGreaterThan(250);
    expect(script(new ManualClock(0))).toEqual(expected);
  });
});
