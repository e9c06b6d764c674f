// The bench plant of `npm run bench:insights`: deterministic, faults inside the judged weeks, no
// scripted outage across a UTC midnight (the bench imports a day per file), and healthy lines with
// a weekly pattern.
import { describe, expect, it } from 'vitest';
import { BENCH_T0, buildBenchPlant, JUDGED_FROM, JUDGED_TO } from '@src/main/bench/insights-history';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@src/shared/time';

describe('the insights bench plant', () => {
  it('has 360 healthy endpoints and 30 faulty ones, every fault starting in the judged weeks', () => {
    const plant = buildBenchPlant();
    const endpoints = plant.config.lines.flatMap((line) => line.endpoints);
    expect(endpoints).toHaveLength(390);
    expect(plant.healthyIds.size).toBe(360);
    // At least 5,000 healthy endpoint-days judged, for the bound of 1 false warning per 1,000.
    expect((plant.healthyIds.size * (JUDGED_TO - JUDGED_FROM)) / DAY_MS).toBeGreaterThanOrEqual(5_000);
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
    // 30 faulty + 20 healthy endpoints at 10 s (360 an hour), 340 healthy at 60 s (60 an hour).
    expect(first).toHaveLength(50 * 360 + 340 * 60);
    const lastTs = new Map<string, string>();
    for (const line of first) {
      const check = JSON.parse(line) as { endpoint: string; ts: string };
      expect(check.ts > (lastTs.get(check.endpoint) ?? '')).toBe(true);
      lastTs.set(check.endpoint, check.ts);
    }
  });

  it('gives some healthy lines a five-day week: busy on Monday at 10:00, quiet at the weekend', () => {
    const plant = buildBenchPlant();
    // Berlin is UTC+1 in January; day 5 after the Monday BENCH_T0 is a Saturday.
    const rttAt = (id: string, day: number, localHour: number): number => {
      const from = BENCH_T0 + day * DAY_MS + (localHour - 1) * HOUR_MS + 10 * MINUTE_MS;
      const checks = plant
        .checks(from, from + 10 * MINUTE_MS)
        .map((line) => JSON.parse(line) as { endpoint: string; rtt_ms?: number })
        .flatMap((c) => (c.endpoint === id && c.rtt_ms !== undefined ? [c.rtt_ms] : []));
      return checks.reduce((a, b) => a + b, 0) / checks.length;
    };
    // line-5 works Monday to Friday, line-2 also on Saturday mornings (06-14).
    expect(rttAt('line-5-dev-1', 7, 10)).toBeGreaterThan(1.6 * rttAt('line-5-dev-1', 6, 10));
    expect(rttAt('line-5-dev-1', 5, 10)).toBeLessThan(1.1 * rttAt('line-5-dev-1', 6, 10));
    expect(rttAt('line-2-dev-1', 5, 10)).toBeGreaterThan(1.6 * rttAt('line-2-dev-1', 6, 10));
    expect(rttAt('line-2-dev-1', 5, 16)).toBeLessThan(1.1 * rttAt('line-2-dev-1', 6, 16));
  });
});
