// Minute samples for the detector tests, built in memory (the import path is exercised by
// tests/integration/insights-acceptance.test.ts): deterministic jitter, six checks a minute.
import type { MinuteSample } from '@src/main/insights/baseline';

export const T0 = Date.parse('2026-01-05T00:00:00Z');
export const MIN = 60_000;
export const HOUR = 60 * MIN;

/** mulberry32: the same jitter on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `minutes` samples from `start`, RTT from `rttAt(minute index)` plus ±jitter, failures from `failedAt`. */
export function minutes(
  start: number,
  count: number,
  rttAt: (i: number) => number,
  options: { jitter?: number; seed?: number; failedAt?: (i: number) => number } = {},
): MinuteSample[] {
  const rand = random(options.seed ?? 1);
  const jitter = options.jitter ?? 0.2;
  return Array.from({ length: count }, (_, i) => {
    const failed = options.failedAt?.(i) ?? 0;
    return {
      start: start + i * MIN,
      count: 6,
      okCount: 6 - failed,
      rttAvgMs: failed === 6 ? null : rttAt(i) + (rand() - 0.5) * jitter,
    };
  });
}
