import { describe, expect, it } from 'vitest';
import { createProcessPool } from '@src/main/probes/icmp/process-pool';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('createProcessPool', () => {
  it('never runs more than its limit at once and runs every task', async () => {
    const pool = createProcessPool(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        pool.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          expect(pool.active).toBeLessThanOrEqual(3);
          await tick(1 + (i % 4));
          running -= 1;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(pool.active).toBe(0);
    expect(pool.queued).toBe(0);
  });

  it('frees the slot of a task that throws', async () => {
    const pool = createProcessPool(1);
    await expect(pool.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(pool.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('starts queued tasks in FIFO order', async () => {
    const pool = createProcessPool(1);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        pool.run(() => {
          order.push(n);
          return Promise.resolve();
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
  });

  it('refuses a limit below 1', () => {
    expect(() => createProcessPool(0)).toThrow(RangeError);
  });
});
