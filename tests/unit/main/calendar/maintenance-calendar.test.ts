// Hand-worked instants: Berlin CET = UTC+1, CEST = UTC+2; 2026 changes on Sun Mar 29 (02:00 CET ->
// 03:00 CEST at 01:00Z) and Sun Oct 25 (03:00 CEST -> 02:00 CET at 01:00Z). New York EST -5 / EDT -4,
// changes Sun Mar 8 (07:00Z) and Sun Nov 1 (06:00Z).
import { describe, expect, it } from 'vitest';
import type { LinewatchConfig, MaintenanceConfig } from '@src/main/config';
import { createMaintenanceCalendar, type Interval } from '@src/main/calendar/maintenance-calendar';
import { configWith } from '../../../support/calendar-fixtures';

const Z = (iso: string): number => Date.parse(iso);
const H = 3_600_000;
const MIN = 60_000;
const iso = (list: readonly Interval[]): [string, string][] =>
  list.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()]);

const weekly = (id: string, targets: string[], start: string, durationMs: number): MaintenanceConfig => ({
  id,
  targets,
  kind: 'recurring',
  every: 'week',
  weekday: 0,
  start,
  durationMs,
});
const daily = (id: string, targets: string[], start: string, durationMs: number): MaintenanceConfig => ({
  id,
  targets,
  kind: 'recurring',
  every: 'day',
  weekday: null,
  start,
  durationMs,
});
const once = (id: string, targets: string[], from: string, to: string): MaintenanceConfig => ({
  id,
  targets,
  kind: 'once',
  from,
  to,
});

// The spec §1 example plus a site-wide shutdown and an entry for another line.
const config: LinewatchConfig = configWith('Europe/Berlin', [
  weekly('weekly-pm', ['press-1'], '02:00', 4 * H),
  daily('daily-backup', ['press1-hmi'], '23:30', 20 * MIN),
  once('plc-swap', ['press1-plc'], '2026-11-30T08:00', '2026-11-30T10:00'),
  once('xmas', ['plant-augsburg'], '2026-12-24T18:00', '2026-12-27T06:00'),
  daily('paint-clean', ['paint-2'], '12:00', 1 * H),
]);
const cal = createMaintenanceCalendar(config);
const PLC = { endpointId: 'press1-plc', lineId: 'press-1' };
const HMI = { endpointId: 'press1-hmi', lineId: 'press-1' };
const ROBOT = { endpointId: 'paint2-robot', lineId: 'paint-2' };

describe('weekly Sunday 02:00 for 4 h across DST', () => {
  it('spring Sunday 2026-03-29: 02:00 does not exist -> starts 03:00 CEST = 01:00Z, 4 real hours to 05:00Z', () => {
    expect(iso(cal.windowsFor(PLC, Z('2026-03-28T12:00:00Z'), Z('2026-03-29T12:00:00Z')))).toEqual([
      ['2026-03-29T01:00:00.000Z', '2026-03-29T05:00:00.000Z'],
    ]);
  });
  it('autumn Sunday 2026-10-25: 02:00 occurs twice -> first (CEST) = 00:00Z, 4 real hours to 04:00Z (05:00 CET)', () => {
    expect(iso(cal.windowsFor(PLC, Z('2026-10-24T12:00:00Z'), Z('2026-10-25T12:00:00Z')))).toEqual([
      ['2026-10-25T00:00:00.000Z', '2026-10-25T04:00:00.000Z'],
    ]);
  });
  it('ordinary Sundays: Mar 22 02:00 CET = 01:00Z, Jul 5 02:00 CEST = 00:00Z', () => {
    expect(iso(cal.windowsFor(PLC, Z('2026-03-22T00:00:00Z'), Z('2026-03-23T00:00:00Z')))).toEqual([
      ['2026-03-22T01:00:00.000Z', '2026-03-22T05:00:00.000Z'],
    ]);
    expect(iso(cal.windowsFor(PLC, Z('2026-07-04T00:00:00Z'), Z('2026-07-06T00:00:00Z')))).toEqual([
      ['2026-07-05T00:00:00.000Z', '2026-07-05T04:00:00.000Z'],
    ]);
  });
  it('a window that began before the query start is included, clipped; windowAt gives it whole', () => {
    expect(iso(cal.windowsFor(PLC, Z('2026-03-22T03:00:00Z'), Z('2026-03-22T12:00:00Z')))).toEqual([
      ['2026-03-22T03:00:00.000Z', '2026-03-22T05:00:00.000Z'],
    ]);
    expect(cal.windowAt(PLC, Z('2026-03-22T03:00:00Z'))).toEqual({
      id: 'weekly-pm',
      start: Z('2026-03-22T01:00:00Z'),
      end: Z('2026-03-22T05:00:00Z'),
    });
    expect(cal.windowAt(PLC, Z('2026-03-22T05:00:00Z'))).toBeNull(); // end is exclusive
  });
  it('look-back covers durations longer than a day (Sun Jan 11 02:00 CET for 72 h)', () => {
    const long = createMaintenanceCalendar(
      configWith('Europe/Berlin', [weekly('overhaul', ['press-1'], '02:00', 72 * H)]),
    );
    // Jan 11 01:00Z + 72 h = Jan 14 01:00Z, so all of Tue Jan 13 (UTC) is maintenance.
    expect(iso(long.windowsFor(PLC, Z('2026-01-13T00:00:00Z'), Z('2026-01-14T00:00:00Z')))).toEqual([
      ['2026-01-13T00:00:00.000Z', '2026-01-14T00:00:00.000Z'],
    ]);
  });
});

describe('daily windows', () => {
  it('23:30 for 20 m is 22:30Z-22:50Z in winter, 21:30Z-21:50Z in summer', () => {
    expect(iso(cal.windowsFor(HMI, Z('2026-01-15T12:00:00Z'), Z('2026-01-16T12:00:00Z')))).toEqual([
      ['2026-01-15T22:30:00.000Z', '2026-01-15T22:50:00.000Z'],
    ]);
    expect(iso(cal.windowsFor(HMI, Z('2026-07-15T12:00:00Z'), Z('2026-07-16T12:00:00Z')))).toEqual([
      ['2026-07-15T21:30:00.000Z', '2026-07-15T21:50:00.000Z'],
    ]);
  });
  it('23:30 for 45 m crosses local midnight; a query for one local day gets both pieces', () => {
    const c = createMaintenanceCalendar(
      configWith('Europe/Berlin', [daily('late', ['press1-hmi'], '23:30', 45 * MIN)]),
    );
    // Local Jan 16 = [Jan 15 23:00Z, Jan 16 23:00Z). Jan 15 23:30 CET = 22:30Z..23:15Z (clipped to
    // start at 23:00Z); Jan 16 23:30 CET = 22:30Z..23:15Z (clipped to end at 23:00Z).
    expect(iso(c.windowsFor(HMI, Z('2026-01-15T23:00:00Z'), Z('2026-01-16T23:00:00Z')))).toEqual([
      ['2026-01-15T23:00:00.000Z', '2026-01-15T23:15:00.000Z'],
      ['2026-01-16T22:30:00.000Z', '2026-01-16T23:00:00.000Z'],
    ]);
  });
});

describe('one-off windows', () => {
  it('"2026-11-30T08:00" is Berlin local (CET): 07:00Z-09:00Z', () => {
    expect(iso(cal.windowsFor(PLC, Z('2026-11-30T00:00:00Z'), Z('2026-12-01T00:00:00Z')))).toEqual([
      ['2026-11-30T07:00:00.000Z', '2026-11-30T09:00:00.000Z'],
    ]);
  });
  it('with an explicit offset the site zone is ignored: 08:00+00:00 = 08:00Z, 11:00+02:00 = 09:00Z', () => {
    const c = createMaintenanceCalendar(
      configWith('Europe/Berlin', [
        once('swap', ['press1-plc'], '2026-11-30T08:00+00:00', '2026-11-30T11:00+02:00'),
      ]),
    );
    expect(iso(c.windowsFor(PLC, Z('2026-11-30T00:00:00Z'), Z('2026-12-01T00:00:00Z')))).toEqual([
      ['2026-11-30T08:00:00.000Z', '2026-11-30T09:00:00.000Z'],
    ]);
  });
  it('site-wide shutdown Dec 24 18:00 CET (17:00Z) to Dec 27 06:00 CET (05:00Z) swallows weekly-pm on Sun Dec 27 (01:00Z-05:00Z)', () => {
    expect(iso(cal.windowsFor(PLC, Z('2026-12-24T00:00:00Z'), Z('2026-12-28T00:00:00Z')))).toEqual([
      ['2026-12-24T17:00:00.000Z', '2026-12-27T05:00:00.000Z'],
    ]);
    // Both end at 05:00Z: the tie goes to the entry listed first (weekly-pm).
    expect(cal.windowAt(PLC, Z('2026-12-27T02:00:00Z'))?.id).toBe('weekly-pm');
    expect(cal.windowAt(PLC, Z('2026-12-26T02:00:00Z'))?.id).toBe('xmas');
  });
});

describe('targets', () => {
  const noonJan15 = Z('2026-01-15T11:30:00Z'); // 12:30 CET: inside paint-clean
  const backupJan15 = Z('2026-01-15T22:40:00Z'); // 23:40 CET: inside daily-backup
  const sunJan18 = Z('2026-01-18T02:00:00Z'); // 03:00 CET: inside weekly-pm
  const xmas = Z('2026-12-25T12:00:00Z');
  it('by site: every endpoint', () => {
    for (const t of [PLC, HMI, ROBOT]) expect(cal.isInMaintenance(t, xmas)).toBe(true);
  });
  it('by line: press-1 endpoints only', () => {
    expect(cal.isInMaintenance(PLC, sunJan18)).toBe(true);
    expect(cal.isInMaintenance(HMI, sunJan18)).toBe(true);
    expect(cal.isInMaintenance(ROBOT, sunJan18)).toBe(false);
  });
  it('by endpoint: press1-hmi only', () => {
    expect(cal.isInMaintenance(HMI, backupJan15)).toBe(true);
    expect(cal.isInMaintenance(PLC, backupJan15)).toBe(false);
  });
  it('a non-matching target (paint-2) does not apply to press-1', () => {
    expect(cal.isInMaintenance(ROBOT, noonJan15)).toBe(true);
    expect(cal.isInMaintenance(PLC, noonJan15)).toBe(false);
    expect(cal.windowsFor(PLC, Z('2026-01-15T00:00:00Z'), Z('2026-01-16T00:00:00Z'))).toEqual([]);
  });
});

describe('America/New_York: nothing is Berlin-specific', () => {
  const ny = createMaintenanceCalendar(
    configWith('America/New_York', [
      weekly('pm', ['press-1'], '02:00', 4 * H),
      weekly('early', ['paint-2'], '01:30', H),
    ]),
  );
  it('Sun Mar 8 02:00 does not exist -> 03:00 EDT = 07:00Z..11:00Z; Sun Mar 29 is ordinary 02:00 EDT = 06:00Z', () => {
    expect(iso(ny.windowsFor(PLC, Z('2026-03-08T00:00:00Z'), Z('2026-03-09T00:00:00Z')))).toEqual([
      ['2026-03-08T07:00:00.000Z', '2026-03-08T11:00:00.000Z'],
    ]);
    expect(iso(ny.windowsFor(PLC, Z('2026-03-29T00:00:00Z'), Z('2026-03-30T00:00:00Z')))).toEqual([
      ['2026-03-29T06:00:00.000Z', '2026-03-29T10:00:00.000Z'],
    ]);
  });
  it('Sun Nov 1: 01:30 occurs twice -> first (EDT) = 05:30Z; 02:00 is unambiguous EST = 07:00Z', () => {
    expect(iso(ny.windowsFor(ROBOT, Z('2026-11-01T00:00:00Z'), Z('2026-11-02T00:00:00Z')))).toEqual([
      ['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    ]);
    expect(iso(ny.windowsFor(PLC, Z('2026-11-01T00:00:00Z'), Z('2026-11-02T00:00:00Z')))).toEqual([
      ['2026-11-01T07:00:00.000Z', '2026-11-01T11:00:00.000Z'],
    ]);
  });
});
