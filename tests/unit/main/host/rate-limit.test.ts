import { describe, expect, it } from 'vitest';
import { createKeyedRateLimiter, createRateLimiter } from '@src/main/host/rate-limit';

const clock = () => {
  const c = { now: 0, read: () => c.now };
  return c;
};
const takeMany = (take: () => string, n: number) => Array.from({ length: n }, take);
const count = (decisions: string[], which: string) => decisions.filter((d) => d === which).length;

describe('rate limiter', () => {
  it('allows a burst, then the sustained rate', () => {
    const c = clock();
    const limiter = createRateLimiter({ ratePerSecond: 50, burst: 200, abuseAfter: 1000 }, c.read);
    const first = takeMany(() => limiter.take(), 250);
    expect(count(first, 'allow')).toBe(200);
    expect(count(first, 'limit')).toBe(50);
    c.now += 1_000;
    const next = takeMany(() => limiter.take(), 100);
    expect(count(next, 'allow')).toBe(50);
  });

  it('refills no higher than the burst however long it idles', () => {
    const c = clock();
    const limiter = createRateLimiter({ ratePerSecond: 10, burst: 5, abuseAfter: 100 }, c.read);
    c.now += 3_600_000;
    expect(
      count(
        takeMany(() => limiter.take(), 10),
        'allow',
      ),
    ).toBe(5);
  });

  it('tells abuse apart: refusals far past the limit', () => {
    const c = clock();
    const limiter = createRateLimiter({ ratePerSecond: 50, burst: 200, abuseAfter: 1000 }, c.read);
    // A burst of 1,000 is answered (200 served, 800 refused) without counting as abuse...
    const burst = takeMany(() => limiter.take(), 1000);
    expect(count(burst, 'abuse')).toBe(0);
    // ...one that keeps going is.
    const more = takeMany(() => limiter.take(), 300);
    expect(count(more, 'limit')).toBe(200);
    expect(more.at(-1)).toBe('abuse');
  });

  it('keeps one budget per key and forgets a key', () => {
    const c = clock();
    const keyed = createKeyedRateLimiter({ ratePerSecond: 1, burst: 2, abuseAfter: 10 }, c.read);
    expect(takeMany(() => keyed.take('a'), 3)).toEqual(['allow', 'allow', 'limit']);
    expect(keyed.take('b')).toBe('allow');
    expect(keyed.size).toBe(2);
    keyed.forget('a');
    expect(keyed.size).toBe(1);
    expect(keyed.take('a')).toBe('allow');
  });
});
