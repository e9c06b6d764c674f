import { describe, expect, it } from 'vitest';
import { importChecksFile } from '@src/main/import/import-checks';
import {
  detectFlapping,
  FLAPPING_LOOKBACK_MS,
  flipTimes,
  type FlappingChange,
} from '@src/main/insights/flapping';
import { HOUR_MS, MINUTE_MS } from '@src/shared/time';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { writeChecks } from '../../../support/import-fixture';
import { useTempStores } from '../../../support/temp-store';

const T0 = Date.UTC(2026, 0, 5, 8);
const base = { endpointId: 'robot-7', lineId: 'weld-2' };
/** An endpoint that goes down and up again every `everyMs` from `from`, `times` times. */
const bouncing = (from: number, everyMs: number, times: number): FlappingChange[] => {
  const changes: FlappingChange[] = [{ state: 'up', since: from - HOUR_MS, decidedAt: from - HOUR_MS }];
  for (let i = 0; i < times; i += 1) {
    const down = from + i * everyMs;
    changes.push({ state: 'down', since: down - 10_000, decidedAt: down });
    changes.push({ state: 'up', since: down + 50_000, decidedAt: down + 60_000 });
  }
  return changes;
};

describe('flapping detector', () => {
  it('counts flips between up and down only, at the decision time', () => {
    const changes: FlappingChange[] = [
      { state: 'unknown', since: 0 },
      { state: 'up', since: 10, decidedAt: 20 },
      { state: 'down', since: 30, decidedAt: 40 },
      { state: 'unknown', since: 50, decidedAt: 50 },
      { state: 'down', since: 60, decidedAt: 70 },
      { state: 'up', since: 80 },
    ];
    expect(flipTimes(changes)).toEqual([40, 80]);
  });

  it('raises on slow flapping (6 flips in an hour) and clears with hysteresis', () => {
    // Down and up every 15 minutes, four times: 8 flips over 46 minutes.
    const changes = bouncing(T0, 15 * MINUTE_MS, 4);
    const warnings = detectFlapping({ ...base, changes, from: T0 - HOUR_MS, to: T0 + 4 * HOUR_MS });
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning?.kind).toBe('flapping');
    // The sixth flip: the third bounce's up at T0 + 31 min.
    expect(warning?.startedAt).toBe(T0 + 31 * MINUTE_MS);
    expect(warning?.score).toBeCloseTo(8 / 12, 10);
    expect(warning?.reason).toBe('8 changes between up and down within an hour: the endpoint is flapping');
    // Clears when at most 2 flips remain in the last hour: when the sixth leaves it.
    expect(warning?.endedAt).toBe(T0 + 31 * MINUTE_MS + HOUR_MS);
  });

  it('raises on the display notion of fast flapping (4 changes within 10 minutes)', () => {
    const changes = bouncing(T0, 2 * MINUTE_MS, 2);
    const [warning] = detectFlapping({ ...base, changes, from: T0, to: T0 + HOUR_MS });
    expect(warning?.startedAt).toBe(T0 + 2 * MINUTE_MS + 60_000);
    expect(warning?.endedAt).toBeNull();
  });

  it('stays quiet on a few ordinary outages, and in maintenance', () => {
    const few = bouncing(T0, 30 * MINUTE_MS, 2);
    expect(detectFlapping({ ...base, changes: few, from: T0, to: T0 + 3 * HOUR_MS })).toEqual([]);
    const many = bouncing(T0, 5 * MINUTE_MS, 6);
    const window = { from: T0, to: T0 + 3 * HOUR_MS };
    expect(detectFlapping({ ...base, changes: many, ...window })).toHaveLength(1);
    expect(detectFlapping({ ...base, changes: many, ...window, isInMaintenance: () => true })).toEqual([]);
  });

  it('reports only warnings overlapping the window, with their true start', () => {
    const changes = bouncing(T0, 5 * MINUTE_MS, 6);
    const [all] = detectFlapping({ ...base, changes, from: T0, to: T0 + 3 * HOUR_MS });
    const inside = detectFlapping({ ...base, changes, from: T0 + 40 * MINUTE_MS, to: T0 + 50 * MINUTE_MS });
    expect(inside).toEqual([{ ...all, endedAt: null }]);
    expect(detectFlapping({ ...base, changes, from: T0 + 3 * HOUR_MS, to: T0 + 4 * HOUR_MS })).toEqual([]);
  });
});

describe('flapping detector on an imported history', () => {
  const setup = useTempStores('flapping');

  it("reads the store's window of state changes: a bouncing robot warns, its steady neighbour does not", () => {
    const { dir, store } = setup();
    const config = aConfig({
      lines: [
        aLine('weld-2', [
          anEndpoint('robot-7', { intervalMs: MINUTE_MS }),
          anEndpoint('hmi-2', { intervalMs: MINUTE_MS }),
        ]),
      ],
    });
    const checks: [string, number, boolean][] = [];
    // Every check a minute for three hours; in the second hour the robot fails 2 of every 6 minutes.
    for (let m = 0; m < 180; m += 1) {
      const bouncing = m >= 60 && m < 120 && m % 6 < 2;
      checks.push(['robot-7', m, !bouncing], ['hmi-2', m, true]);
    }
    const base = '2026-01-05T08:00:00Z';
    const t0 = Date.parse(base);
    expect(importChecksFile(writeChecks(dir, 'flaps.jsonl', base, checks), config, store)).toMatchObject({
      ok: true,
    });
    const from = t0;
    const to = t0 + 3 * HOUR_MS;
    const changes = store.stateChanges.listForWindow(from - FLAPPING_LOOKBACK_MS, to);
    const judge = (endpointId: string) =>
      detectFlapping({ endpointId, lineId: 'weld-2', changes: changes.get(endpointId) ?? [], from, to });
    const [warning] = judge('robot-7');
    // Changes read by `since`: down 60, up 62, down 66, up 68 — the fourth within ten minutes (the
    // tile's notion of flapping) raises it.
    expect(warning).toMatchObject({ kind: 'flapping', startedAt: t0 + 68 * MINUTE_MS });
    expect(warning?.endedAt).not.toBeNull();
    expect(judge('hmi-2')).toEqual([]);
  });
});
