// KPI reports end to end: recorded checks through `linewatch import`'s code path into a real temp
// SQLite store, then buildReport. Numbers worked out by hand; minutes after 14:00Z (15:00 Berlin).
import { describe, expect, it } from 'vitest';
import { importChecksFile } from '@src/main/import/import-checks';
import { buildReport } from '@src/main/kpi';
import type { Store } from '@src/main/store';
import { Report } from '@src/shared/report/report-schema';
import { writeChecks } from '../support/import-fixture';
import { WORKED_EXAMPLE_CONFIG as CONFIG } from '../support/kpi-fixture';
import { useTempStores } from '../support/temp-store';

const BASE = '2026-01-05T14:00:00Z';
const at = (minutes: number): number => Date.parse(BASE) + minutes * 60_000;
const LATER = Date.parse('2030-01-01T00:00:00Z'); // "now" long after the data: nothing is live

/** A fresh store in its own folder (the checks files go next to it), removed after the test. */
const setup = useTempStores('kpi');

/** Checks every 5 min at the given minutes, failing at the listed ones. */
function series(endpoint: string, minutes: number[], failing: number[] = []): [string, number, boolean][] {
  return minutes.map((m) => [endpoint, m, !failing.includes(m)]);
}
const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.floor((to - from) / 5) + 1 }, (_, i) => from + i * 5);

function report(store: Store, from: number, to: number, now = LATER): Report {
  return Report.parse(buildReport(store, CONFIG, { fromMs: from, toMs: to, nowMs: now }));
}

describe('report through import', () => {
  it('the spec worked example gives exactly the spec JSON', () => {
    const { dir, store } = setup();
    // 14:00 ok, 14:05 ok, 14:10 fail, 14:15 fail, 14:20 ok, 14:25 ok.
    const file = writeChecks(dir, 'a.jsonl', BASE, series('press1-plc', range(0, 25), [10, 15]));
    expect(importChecksFile(file, CONFIG, store).ok).toBe(true);
    const r = report(store, at(0), at(30));
    expect(r.from).toBe('2026-01-05T14:00:00.000Z');
    expect(r.to).toBe('2026-01-05T14:30:00.000Z');
    expect(r.endpoints).toEqual([
      {
        id: 'press1-plc',
        line: 'press-1',
        up_s: 1200,
        down_s: 600,
        maintenance_s: 0,
        unknown_s: 0,
        availability: 0.6666666666666666,
        failures: 1,
        mttd_s: 300,
        mtta_s: null,
        mttr_s: 600,
        mtbf_s: 1200,
      },
    ]);
    const line = {
      id: 'press-1',
      up_s: 1200,
      down_s: 600,
      maintenance_s: 0,
      unknown_s: 0,
      availability: 0.6666666666666666,
      failures: 1,
      mttr_s: 600,
      mtbf_s: 1200,
      downtime_cost: 8500,
    };
    expect(r.lines).toEqual([line]);
    expect(r.site).toEqual({ ...line, id: 'plant-augsburg' });
    expect(r.shifts).toEqual([{ id: 'late', site: r.site, lines: [line] }]);
    expect(r.outages).toEqual([
      {
        endpoint: 'press1-plc',
        started_at: '2026-01-05T14:10:00.000Z',
        detected_at: '2026-01-05T14:15:00.000Z',
        ended_at: '2026-01-05T14:20:00.000Z',
        duration_s: 600,
        ended_by_gap: false,
        in_maintenance: false,
        secondary_of: null,
        acknowledged_at: null,
        failure_kind: 'error',
        failure_message: 'connect ECONNREFUSED',
      },
    ]);
  });

  it('a blip (one failed check while up) is still up time and no failure', () => {
    const { dir, store } = setup();
    importChecksFile(
      writeChecks(dir, 'b.jsonl', BASE, series('press1-plc', range(0, 25), [10])),
      CONFIG,
      store,
    );
    // up@0 to 25 + 5 = 30: up 1800 s.
    expect(report(store, at(0), at(30)).endpoints[0]).toMatchObject({ up_s: 1800, down_s: 0, failures: 0 });
  });

  it('a gap cuts an open outage: ended_by_gap, not in mttr, unknown time counted', () => {
    const { dir, store } = setup();
    // ok 0, 5; fail 10, 15; nothing until 40 (25 min > 12.5); ok 40, 45.
    // up@0, down@10 (detected 15), unknown@20 (= 15 + 5, the outage ends there by gap), up@40.
    // Window 0-60: up 0-10 + 40-50 = 1200; down 600; unknown 20-40 + 50-60 = 1800.
    const checks = series('press1-plc', [0, 5, 10, 15, 40, 45], [10, 15]);
    importChecksFile(writeChecks(dir, 'g.jsonl', BASE, checks), CONFIG, store);
    const r = report(store, at(0), at(60));
    expect(r.endpoints[0]).toMatchObject({
      up_s: 1200,
      down_s: 600,
      unknown_s: 1800,
      failures: 1,
      mttr_s: null,
    });
    expect(r.outages[0]).toMatchObject({
      ended_at: '2026-01-05T14:20:00.000Z',
      ended_by_gap: true,
      duration_s: 600,
    });
  });

  it('a window with no data: availability null and everything unknown', () => {
    const { store } = setup();
    const r = report(store, at(0), at(30));
    expect(r.endpoints[0]).toMatchObject({ availability: null, unknown_s: 1800, up_s: 0, failures: 0 });
    expect(r.site).toMatchObject({ availability: null, unknown_s: 1800, mtbf_s: null, downtime_cost: 0 });
  });

  it('live: the current state extends to now within 2.5 intervals of the last check', () => {
    const { dir, store } = setup();
    importChecksFile(writeChecks(dir, 'l.jsonl', BASE, series('press1-plc', range(0, 25))), CONFIG, store);
    // Last check 25. now 35 (10 min later <= 12.5): up 0-35 = 2100, unknown 35-60 = 1500.
    expect(report(store, at(0), at(60), at(35)).endpoints[0]).toMatchObject({ up_s: 2100, unknown_s: 1500 });
    // now 40 (15 min > 12.5): up to 25 + 5 = 30 only.
    expect(report(store, at(0), at(60), at(40)).endpoints[0]).toMatchObject({ up_s: 1800, unknown_s: 1800 });
  });

  it('a later window reads the state in force from before it', () => {
    const { dir, store } = setup();
    importChecksFile(
      writeChecks(dir, 'w.jsonl', BASE, series('press1-plc', range(0, 115), [10, 15])),
      CONFIG,
      store,
    );
    // up since 20, last change long before 60: window 60-120 is all up, no failure in it.
    const r = report(store, at(60), at(120));
    expect(r.lines[0]).toMatchObject({ up_s: 3600, failures: 0, unknown_s: 0 });
    expect(r.outages).toEqual([]); // the outage of 14:10 started before the window
  });
});
