// The engine's near-miss hook through the import path (the same engine as live monitoring, with the
// checks' own time): each short failed streak becomes one row in the store, written with the flush.
import { describe, expect, it } from 'vitest';
import { importChecksFile } from '@src/main/import/import-checks';
import { detectNearMisses } from '@src/main/insights/near-misses';
import { aConfig, aLine } from '../../../support/config-builders';
import { writeChecks } from '../../../support/import-fixture';
import { aPlc } from '../../../support/kpi-fixture';
import { useTempStores } from '../../../support/temp-store';

const BASE = '2026-01-05T14:00:00Z';
const at = (minutes: number): number => Date.parse(BASE) + minutes * 60_000;
const CONFIG = aConfig({
  lines: [aLine('press-1', [aPlc('press1-plc', { downAfter: 3 }), aPlc('press1-hmi', { downAfter: 3 })])],
});

const setup = useTempStores('near-misses');

describe('monitor engine: near misses', () => {
  it('stores each failed streak that ended before down_after, and no outage', () => {
    const { dir, store } = setup();
    const plc: [string, number, boolean][] = [
      [0, true],
      [5, true],
      [10, false],
      [15, true],
      [20, false],
      [25, false],
      [30, true],
      [35, false],
      [40, false],
      [45, false], // down: an outage, not a near miss
      [50, true],
      [55, true],
    ].map(([m, ok]) => ['press1-plc', m as number, ok as boolean]);
    const file = writeChecks(dir, 'a.jsonl', BASE, [
      ...plc,
      ['press1-hmi', 0, true],
      ['press1-hmi', 5, true],
    ]);
    expect(importChecksFile(file, CONFIG, store)).toMatchObject({ ok: true, summary: { outagesOpened: 1 } });
    expect(store.nearMisses.listForWindow(at(0), at(60))).toEqual(
      new Map([
        [
          'press1-plc',
          [
            { endpointId: 'press1-plc', startedAt: at(10), endedAt: at(15), failedChecks: 1 },
            { endpointId: 'press1-plc', startedAt: at(20), endedAt: at(30), failedChecks: 2 },
          ],
        ],
      ]),
    );
  });

  it('feeds the near-miss detector: a day of growing short streaks warns on that endpoint only', () => {
    const { dir, store } = setup();
    const checks: [string, number, boolean][] = [];
    // Two healthy days, then a day with a short failed streak every two hours on the PLC.
    for (let m = 0; m < 3 * 24 * 60; m += 5) {
      const blip = m >= 2 * 24 * 60 && m % 120 === 60;
      checks.push(['press1-plc', m, !blip], ['press1-hmi', m, true]);
    }
    const file = writeChecks(dir, 'b.jsonl', BASE, checks);
    expect(importChecksFile(file, CONFIG, store)).toMatchObject({ ok: true, summary: { outagesOpened: 0 } });
    const from = at(2 * 24 * 60);
    const to = at(3 * 24 * 60);
    const nearMisses = store.nearMisses.listForWindow(at(-30 * 24 * 60), to);
    expect(nearMisses.get('press1-plc')).toHaveLength(12);
    const judge = (endpointId: string) =>
      detectNearMisses({
        endpointId,
        lineId: 'press-1',
        nearMisses: nearMisses.get(endpointId) ?? [],
        from,
        to,
        monitoredSince: at(0),
      });
    const [warning] = judge('press1-plc');
    // The sixth short streak of the day (against the 0.5 a day floor) raises it: 11:00 + 10 h.
    expect(warning).toMatchObject({ kind: 'near_misses', startedAt: from + (60 + 5 * 120 + 5) * 60_000 });
    expect(judge('press1-hmi')).toEqual([]);
  });
});
