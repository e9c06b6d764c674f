// The engine through the import path (the same code as live monitoring), on real SQLite files,
// with numbers worked out by hand from the KPI spec.
import { describe, expect, it } from 'vitest';
import { importChecksFile } from '@src/main/import/import-checks';
import { aConfig, aLine, aMaintenanceWindow, icmp, tcp } from '../support/config-builders';
import { writeChecks } from '../support/import-fixture';
import { aPlc } from '../support/kpi-fixture';
import { useTempStores } from '../support/temp-store';

const BASE = '2026-01-05T14:00:00Z';
const at = (minutes: number): number => Date.parse(BASE) + minutes * 60_000;

const CONFIG = aConfig({
  lines: [
    aLine(
      'press-1',
      [
        aPlc('press1-switch', { name: 'Switch', type: 'switch', probe: icmp('127.0.0.1') }),
        aPlc('press1-plc', { name: 'PLC', dependsOn: 'press1-switch' }),
        aPlc('press1-hmi', { name: 'HMI', type: 'hmi', probe: tcp('127.0.0.1', 80) }),
      ],
      { name: 'Press line 1', downtimeCostPerMinute: 850 },
    ),
  ],
  maintenance: [aMaintenanceWindow('hmi-swap', ['press1-hmi'], '2026-01-05T15:00', '2026-01-05T15:30')],
});

/** A fresh store in its own folder (the checks files go next to it), removed after the test. */
const setup = useTempStores('engine');

describe('outages from checks', () => {
  it('the worked example: one outage 14:10-14:20 detected 14:15, one alarm raised and cleared', () => {
    const { dir, store } = setup();
    const file = writeChecks(dir, 'a.jsonl', BASE, [
      ['press1-plc', 0, true],
      ['press1-plc', 5, true],
      ['press1-plc', 10, false],
      ['press1-plc', 15, false],
      ['press1-plc', 20, true],
      ['press1-plc', 25, true],
    ]);
    const outcome = importChecksFile(file, CONFIG, store);
    expect(outcome).toEqual({ ok: true, summary: { checks: 6, endpoints: 1, outagesOpened: 1 } });
    const [outage] = store.outages.overlapping(at(0), at(30));
    expect(outage).toMatchObject({
      endpointId: 'press1-plc',
      startedAt: at(10),
      detectedAt: at(15),
      endedAt: at(20),
      endedByGap: false,
      inMaintenance: false,
      secondaryOfEndpoint: null,
    });
    const alarms = store.alarms.recent(10);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ raisedAt: at(15), clearedAt: at(20), acknowledgedAt: null });
    expect(store.stateChanges.listForEndpoint('press1-plc').map((c) => [c.state, c.since])).toEqual([
      ['up', at(0)],
      ['down', at(10)],
      ['up', at(20)],
    ]);
  });

  it('a gap ends an open outage at the last check + interval, marked ended_by_gap', () => {
    const { dir, store } = setup();
    const file = writeChecks(dir, 'gap.jsonl', BASE, [
      ['press1-plc', 0, false],
      ['press1-plc', 5, false],
      ['press1-plc', 20, true], // 15 min after the last check > 2.5 x 5 min: a gap
    ]);
    importChecksFile(file, CONFIG, store);
    const [outage] = store.outages.overlapping(at(0), at(30));
    expect(outage).toMatchObject({ startedAt: at(0), detectedAt: at(5), endedAt: at(10), endedByGap: true });
    expect(store.stateChanges.listForEndpoint('press1-plc').map((c) => [c.state, c.since])).toEqual([
      ['down', at(0)],
      ['unknown', at(10)],
    ]);
  });

  it('a child detected while its parent is down is secondary and raises no alarm', () => {
    const { dir, store } = setup();
    const file = writeChecks(dir, 'dep.jsonl', BASE, [
      ['press1-plc', 10, false], // listed before the parent at the same instant on purpose
      ['press1-switch', 10, false],
      ['press1-plc', 15, false],
      ['press1-switch', 15, false],
    ]);
    importChecksFile(file, CONFIG, store);
    const outages = store.outages.open();
    const parent = outages.find((o) => o.endpointId === 'press1-switch');
    const child = outages.find((o) => o.endpointId === 'press1-plc');
    expect(child).toMatchObject({ secondaryOfEndpoint: 'press1-switch', secondaryOfOutage: parent?.id });
    expect(store.alarms.recent(10).map((a) => a.endpointId)).toEqual(['press1-switch']);
  });

  it('an outage that starts inside maintenance is in_maintenance and raises no alarm', () => {
    const { dir, store } = setup();
    // 15:00-15:30 Berlin is 14:00-14:30Z: the window covers the whole example.
    const file = writeChecks(dir, 'mw.jsonl', BASE, [
      ['press1-hmi', 10, false],
      ['press1-hmi', 15, false],
      ['press1-hmi', 40, true],
    ]);
    importChecksFile(file, CONFIG, store);
    const [outage] = store.outages.overlapping(at(0), at(60));
    expect(outage).toMatchObject({ startedAt: at(10), inMaintenance: true });
    expect(store.alarms.recent(10)).toEqual([]);
  });

  it('resuming from stored progress gives the same outage as one import', () => {
    const { dir, store } = setup();
    const first = writeChecks(dir, '1.jsonl', BASE, [
      ['press1-plc', 0, true],
      ['press1-plc', 5, true],
      ['press1-plc', 10, false],
    ]);
    const second = writeChecks(dir, '2.jsonl', BASE, [
      ['press1-plc', 15, false],
      ['press1-plc', 20, true],
      ['press1-plc', 25, true],
    ]);
    expect(importChecksFile(first, CONFIG, store).ok).toBe(true);
    expect(importChecksFile(second, CONFIG, store).ok).toBe(true);
    const [outage] = store.outages.overlapping(at(0), at(30));
    expect(outage).toMatchObject({ startedAt: at(10), detectedAt: at(15), endedAt: at(20) });
  });
});
