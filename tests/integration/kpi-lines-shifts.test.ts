// Maintenance, line state, dependencies, acknowledgement and DST shifts end to end: import into a
// real temp SQLite store, then buildReport. Minutes after 14:00Z (15:00 Berlin), checks every 5 min.
import { describe, expect, it } from 'vitest';
import { importChecksFile } from '@src/main/import/import-checks';
import { buildReport } from '@src/main/kpi';
import type { Store } from '@src/main/store';
import type { EndpointConfig, LinewatchConfig, MaintenanceConfig } from '@src/main/config';
import { Report } from '@src/shared/report/report-schema';
import { aConfig, aLine, aMaintenanceWindow, THREE_SHIFTS } from '../support/config-builders';
import { writeChecks } from '../support/import-fixture';
import { aPlc } from '../support/kpi-fixture';
import { useTempStores } from '../support/temp-store';

const BASE = '2026-01-05T14:00:00Z';
const at = (minutes: number, base = BASE): number => Date.parse(base) + minutes * 60_000;
const LATER = Date.parse('2030-01-01T00:00:00Z');

const tempStore = useTempStores('kpi-lines');

/** Imports checks every 5 min over [0, last] minutes per endpoint, failing at the listed minutes. */
function load(config: LinewatchConfig, last: number, failing: Record<string, number[]>, base = BASE): Store {
  const { dir, store } = tempStore();
  const checks: [string, number, boolean][] = [];
  for (const [endpoint, fails] of Object.entries(failing)) {
    for (let m = 0; m <= last; m += 5) checks.push([endpoint, m, !fails.includes(m)]);
  }
  const outcome = importChecksFile(writeChecks(dir, 'c.jsonl', base, checks), config, store);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return store;
}
const report = (s: Store, config: LinewatchConfig, from: number, to: number): Report =>
  Report.parse(buildReport(s, config, { fromMs: from, toMs: to, nowMs: LATER }));
/** Site `plant` with the three shifts and one line `line-1` ("Line 1") of these endpoints. */
const config = (
  endpoints: EndpointConfig[],
  maintenance: MaintenanceConfig[] = [],
  downtimeCostPerMinute: number | null = null,
): LinewatchConfig =>
  aConfig({
    shifts: THREE_SHIFTS,
    lines: [aLine('line-1', endpoints, { name: 'Line 1', downtimeCostPerMinute })],
    maintenance,
  });

describe('lines and maintenance through import', () => {
  it('maintenance cuts an outage; a planned outage inside it does not count', () => {
    // Maintenance 15:20-15:40 Berlin = minutes 20-40 on the line.
    const c = config(
      [aPlc('plc'), aPlc('hmi')],
      [aMaintenanceWindow('pm', ['line-1'], '2026-01-05T15:20', '2026-01-05T15:40')],
    );
    // plc fails 10-25, ok from 30: down 10-30 (detected 15); hmi fails 25-30, ok from 35: down 25-35.
    const s = load(c, 55, { plc: [10, 15, 20, 25], hmi: [25, 30] });
    const r = report(s, c, at(0), at(60));
    // plc: up 0-10 + 40-60 = 1800; down 10-20 = 600; maintenance 1200; mttr 30 - 10 = 1200 s.
    expect(r.endpoints[0]).toMatchObject({
      up_s: 1800,
      down_s: 600,
      maintenance_s: 1200,
      failures: 1,
      mttr_s: 1200,
    });
    // hmi: the outage started at 25, inside maintenance: no down time, no failure.
    expect(r.endpoints[1]).toMatchObject({
      up_s: 2400,
      down_s: 0,
      maintenance_s: 1200,
      failures: 0,
      availability: 1,
    });
    expect(r.outages.map((o) => [o.endpoint, o.in_maintenance])).toEqual([
      ['plc', false],
      ['hmi', true],
    ]);
    expect(r.lines[0]).toMatchObject({ up_s: 1800, down_s: 600, maintenance_s: 1200, failures: 1 });
  });

  it('critical endpoints down at overlapping times: one line failure over the union', () => {
    const c = config(
      [aPlc('plc', { critical: true }), aPlc('robot', { critical: true }), aPlc('hmi')],
      [],
      850,
    );
    // plc down 10-30, robot down 20-40, hmi (not critical) down 45-55 (its ok 55, 60 end it).
    const s = load(c, 55, { plc: [10, 15, 20, 25], robot: [20, 25, 30, 35], hmi: [45, 50] });
    const r = report(s, c, at(0), at(60));
    // Line down 10-40 = 1800 s, one failure of 1800 s; up 0-10 + 40-60 = 1800. 1800/60*850 = 25500.
    expect(r.lines[0]).toEqual({
      id: 'line-1',
      up_s: 1800,
      down_s: 1800,
      maintenance_s: 0,
      unknown_s: 0,
      availability: 0.5,
      failures: 1,
      mttr_s: 1800,
      mtbf_s: 1800,
      downtime_cost: 25500,
    });
    expect(r.endpoints.map((e) => e.failures)).toEqual([1, 1, 1]);
  });

  it('a secondary outage behind its parent, and mtta from an acknowledgement', () => {
    const c = config([aPlc('switch'), aPlc('plc', { dependsOn: 'switch' })]);
    // switch down 10-30 (detected 15); plc down 15-30 (detected 20, parent already down): secondary.
    const s = load(c, 55, { switch: [10, 15, 20, 25], plc: [15, 20, 25] });
    const alarm = s.alarms.recent(10)[0];
    expect(alarm?.endpointId).toBe('switch');
    s.alarms.acknowledge(alarm?.id ?? 0, at(15) + 90_000, 'op', 'on it'); // 90 s after detection
    const r = report(s, c, at(0), at(60));
    expect(r.endpoints.map((e) => [e.id, e.failures, e.mttd_s, e.mtta_s, e.mttr_s])).toEqual([
      ['switch', 1, 300, 90, 1200],
      ['plc', 1, 300, null, 900],
    ]);
    expect(r.outages.map((o) => [o.endpoint, o.secondary_of, o.acknowledged_at])).toEqual([
      ['switch', null, '2026-01-05T14:16:30.000Z'],
      ['plc', 'switch', null],
    ]);
  });
});

describe('shifts across DST through import', () => {
  const c = config([aPlc('plc')]);
  it('spring forward: the night of 28/29 March 22:00-06:00 is 7 h of shift time', () => {
    // Checks 19:00Z-06:00Z all ok: up from 19:00Z. Night = 21:00Z-04:00Z.
    const s = load(c, 11 * 60, { plc: [] }, '2026-03-28T19:00:00Z');
    const r = report(s, c, Date.parse('2026-03-28T20:00:00Z'), Date.parse('2026-03-29T06:00:00Z'));
    expect(r.shifts.find((x) => x.id === 'night')?.lines[0]).toMatchObject({ up_s: 25200, unknown_s: 0 });
    expect(r.shifts.find((x) => x.id === 'night')?.site).toMatchObject({ up_s: 25200, availability: 1 });
  });

  it('fall back: the night of 24/25 October 22:00-06:00 is 9 h of shift time', () => {
    // Checks 19:00Z-07:00Z all ok. Night = 20:00Z-05:00Z.
    const s = load(c, 12 * 60, { plc: [] }, '2026-10-24T19:00:00Z');
    const r = report(s, c, Date.parse('2026-10-24T19:00:00Z'), Date.parse('2026-10-25T07:00:00Z'));
    expect(r.shifts.find((x) => x.id === 'night')?.lines[0]).toMatchObject({ up_s: 32400, unknown_s: 0 });
  });
});
