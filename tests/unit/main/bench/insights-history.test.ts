// The bench plant of `npm run bench:insights`: deterministic, faults inside the judged week, and no
// scripted outage across a UTC midnight (the bench imports a day per file).
import { describe, expect, it } from 'vitest';
import { BENCH_T0, buildBenchPlant, JUDGED_FROM, JUDGED_TO } from '@src/main/bench/insights-history';
import { DAY_MS, HOUR_MS } from '@src/shared/time';

describe('the insights bench plant', () => {
  it('has 200 healthy endpoints and 30 faulty ones, every fault starting in the judged week', () => {
    const plant = buildBenchPlant();
    const endpoints = plant.config.lines.flatMap((line) => line.endpoints);
    expect(endpoints).toHaveLength(230);
    expect(plant.healthyIds.size).toBe(200);
    for (const fault of plant.faults) {
      const judgedStart = fault.kind === 'near_miss_growth_outage' ? fault.outageAt : fault.start;
      expect(judgedStart).toBeGreaterThanOrEqual(JUDGED_FROM);
      expect(fault.end ?? JUDGED_FROM).toBeLessThan(JUDGED_TO);
      if (fault.outageAt !== null && fault.end !== null)
        expect(Math.floor((fault.outageAt - BENCH_T0) / DAY_MS)).toBe(
          Math.floor((fault.end - 1 - BENCH_T0) / DAY_MS),
        );
    }
  });

  it('generates the same checks on every run, in time order per endpoint', () => {
    const first = buildBenchPlant().checks(BENCH_T0, BENCH_T0 + HOUR_MS);
    const again = buildBenchPlant().checks(BENCH_T0, BENCH_T0 + HOUR_MS);
    expect(again).toEqual(first);
    // 30 faulty + 20 healthy endpoints at 10 s (360 an hour), 180 healthy at 60 s (60 an hour).
    expect(first).toHaveLength(50 * 360 + 180 * 60);
    const lastTs = new Map<string, string>();
    for (const line of first) {
      const check = JSON.parse(line) as { endpoint: string; ts: string };
      expect(check.ts > (lastTs.get(check.endpoint) ?? '')).toBe(true);
      lastTs.set(check.endpoint, check.ts);
    }
  });
});
