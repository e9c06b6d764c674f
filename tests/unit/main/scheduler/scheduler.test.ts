import { describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import { createScheduler } from '@src/main/scheduler/scheduler';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('scheduler', () => {
  it('keeps to the schedule over many hours without drift', async () => {
    const clock = new ManualClock(0);
    const scheduler = createScheduler({ clock, maxConcurrent: 10 });
    const starts: number[] = [];
    scheduler.start([
      {
        id: 'a',
        intervalMs: 10_000,
        run: () => {
          starts.push(clock.now());
          return Promise.resolve();
        },
      },
    ]);
    clock.advance(0);
    await flush();
    for (let i = 0; i < 6 * 360; i++) {
      clock.advance(10_000);
      await flush();
    }
    expect(starts.length).toBe(6 * 360 + 1);
    expect(starts.every((t, i) => t === i * 10_000)).toBe(true);
  });

  it('spreads the first checks over the first interval', () => {
    const clock = new ManualClock(0);
    const scheduler = createScheduler({ clock, maxConcurrent: 100 });
    const starts = new Map<string, number>();
    scheduler.start(
      Array.from({ length: 4 }, (_, i) => ({
        id: `e${i}`,
        intervalMs: 8000,
        run: () => {
          starts.set(`e${i}`, clock.now());
          return Promise.resolve();
        },
      })),
    );
    clock.advance(8000);
    expect([...starts.values()]).toEqual([0, 2000, 4000, 6000]);
  });

  it('never runs two checks of one endpoint at once and respects the global bound', async () => {
    const clock = new ManualClock(0);
    const scheduler = createScheduler({ clock, maxConcurrent: 2 });
    let inFlight = 0;
    let maxInFlight = 0;
    const releases: (() => void)[] = [];
    const perEndpoint = new Map<string, number>();
    const slow = (id: string) => async () => {
      perEndpoint.set(id, (perEndpoint.get(id) ?? 0) + 1);
      expect(perEndpoint.get(id)).toBe(1);
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight -= 1;
      perEndpoint.set(id, (perEndpoint.get(id) ?? 1) - 1);
    };
    scheduler.start(['a', 'b', 'c'].map((id) => ({ id, intervalMs: 1000, run: slow(id) })));
    clock.advance(3000);
    await flush();
    expect(maxInFlight).toBe(2);
    expect(scheduler.stats().skippedBusy).toBeGreaterThan(0);
    while (releases.length) {
      releases.shift()?.();
      await flush();
    }
    await scheduler.stop();
  });
});
