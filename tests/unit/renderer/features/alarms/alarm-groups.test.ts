// The strip's order and grouping as pure functions over hand-built alarms: severity then age, a
// parent with devices behind it as one row, "the rest of a line" from three alarms, the cleared
// ones in one row at the end, and each group's counts, worst severity and cost per minute.
import { describe, expect, it } from 'vitest';
import { compareAlarms, costPerMinute, worstSeverity } from '@src/renderer/features/alarms/alarm-order';
import {
  groupAlarms,
  groupTitle,
  LINE_GROUP_MIN,
  type StripEntry,
} from '@src/renderer/features/alarms/alarm-groups';
import { formatBehind, formatImpact } from '@src/renderer/features/alarms/format-alarm';
import type { AlarmView, Severity } from '@src/shared/contract';
import { alarm, impact } from '../../../../support/renderer-fixtures';

const at = (hhmm: string): string => `2025-01-01T${hhmm}:00.000Z`;
/** Alarm `id` on `line` (named "Line <n>"), started at `hhmm`, of `severity`. */
function on(
  line: number,
  id: number,
  hhmm: string,
  severity: Severity = 'medium',
  overrides: Partial<AlarmView> = {},
): AlarmView {
  return alarm(id, {
    endpointId: `ep-${id}`,
    endpointName: `Device ${id}`,
    lineId: `line-${line}`,
    lineName: `Line ${line}`,
    startedAt: at(hhmm),
    raisedAt: at(hhmm),
    impact: impact({ severity }),
    ...overrides,
  });
}
const cleared = { clearedAt: at('09:30') };
const keys = (entries: StripEntry[]): string[] => entries.map((entry) => entry.key);

describe('alarm order', () => {
  it('puts the worst first, then the longest down, then the lower id; devices back up last', () => {
    const list = [
      on(1, 1, '08:00', 'low'),
      on(1, 2, '08:30', 'critical'),
      on(1, 3, '07:00', 'high'),
      on(1, 4, '08:10', 'critical'),
      on(1, 5, '06:00', 'critical', cleared), // back up: needs a note, not a hand
      on(1, 6, '08:10', 'critical'),
      on(1, 7, '09:00', 'medium', { acknowledgedAt: at('09:05'), acknowledgedBy: 'Anna' }),
    ];
    expect(list.sort(compareAlarms).map((a) => a.id)).toEqual([4, 6, 2, 3, 7, 1, 5]);
  });

  it('shows an alarm in maintenance where main puts it (never above low)', () => {
    const maintenance = on(1, 1, '07:00', 'low', {
      impact: impact({ severity: 'low', inMaintenance: true }),
    });
    expect([maintenance, on(1, 2, '08:00', 'medium')].sort(compareAlarms).map((a) => a.id)).toEqual([2, 1]);
  });

  it('counts a line’s rate once however many of its alarms take it down, and nothing for lines back up', () => {
    const rate = (perMinute: number) => impact({ severity: 'high', costPerMinute: perMinute });
    const list = [
      on(1, 1, '08:00', 'high', { impact: rate(120) }),
      on(1, 2, '08:05', 'high', { impact: rate(120) }),
      on(2, 3, '08:05', 'high', { impact: rate(80) }),
      on(3, 4, '08:05', 'high', { impact: rate(500), ...cleared }),
    ];
    expect(costPerMinute(list)).toBe(200);
    expect(worstSeverity([on(1, 1, '08:00', 'low'), on(1, 2, '08:00', 'high')])).toBe('high');
  });
});

describe('alarm groups', () => {
  it('keeps a parent with devices behind it as its own row, and groups the rest of its line', () => {
    const parent = on(36, 1, '08:00', 'high', { secondaryEndpointIds: ['ep-10', 'ep-11', 'ep-12'] });
    const rest = [2, 3, 4, 5].map((id) => on(36, id, `08:0${id}`, 'medium'));
    const entries = groupAlarms([...rest, parent]);
    expect(keys(entries)).toEqual(['alarm-1', 'line-line-36']);
    const line = entries[1];
    if (line?.kind !== 'line') throw new Error('expected a line group');
    expect(line.rest).toBe(true);
    expect(line.alarms.map((a) => a.id)).toEqual([2, 3, 4, 5]);
    expect(groupTitle(line)).toBe('the rest of Line 36: 4 devices down');
    expect(formatBehind(parent.secondaryEndpointIds.length, 'switch')).toBe(
      '+3 devices down behind this switch',
    );
  });

  it(`groups a line from ${LINE_GROUP_MIN} alarms on, and leaves two as two rows`, () => {
    const entries = groupAlarms([
      on(1, 1, '08:00'),
      on(1, 2, '08:01'),
      on(2, 3, '08:02'),
      on(2, 4, '08:03'),
      on(2, 5, '08:04'),
    ]);
    expect(keys(entries)).toEqual(['alarm-1', 'alarm-2', 'line-line-2']);
    const line = entries[2];
    if (line?.kind !== 'line') throw new Error('expected a line group');
    expect(groupTitle(line)).toBe('Line 2: 3 devices down');
  });

  it('sums up a group: counts, worst severity, the alarm it is most about, cost per minute, oldest start', () => {
    const entries = groupAlarms([
      on(7, 1, '08:20', 'medium', { impact: impact({ severity: 'medium', costPerMinute: 50 }) }),
      on(7, 2, '08:10', 'critical', { impact: impact({ severity: 'critical', costPerMinute: 50 }) }),
      on(7, 3, '07:45', 'low', { acknowledgedAt: at('08:00'), acknowledgedBy: 'Bo' }),
    ]);
    const [line] = entries;
    if (line?.kind !== 'line') throw new Error('expected a line group');
    expect(line.summary).toMatchObject({
      alarms: 3,
      devicesDown: 3,
      unacknowledged: 2,
      worst: 'critical',
      costPerMinute: 50,
      oldestStartedAt: at('07:45'),
    });
    expect(line.summary.worstAlarm.id).toBe(2);
    expect(line.alarms.map((a) => a.id)).toEqual([2, 1, 3]);
  });

  it('orders rows by their worst severity, then by their oldest outage', () => {
    const storm = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((id) => on(36, id, '08:30', 'medium')),
      on(36, 10, '08:31', 'high'), // the group holding a high is above single mediums
      on(12, 20, '07:00', 'medium'),
      on(13, 21, '08:40', 'high'),
      on(14, 22, '08:50', 'critical', { secondaryEndpointIds: ['ep-90'] }),
    ];
    expect(keys(groupAlarms(storm))).toEqual(['alarm-22', 'line-line-36', 'alarm-21', 'alarm-20']);
  });

  it('puts devices back up but unanswered in one row at the end, from two on', () => {
    const entries = groupAlarms([
      on(1, 1, '08:00', 'critical', cleared),
      on(2, 2, '08:00', 'low'),
      on(3, 3, '08:00', 'high', cleared),
    ]);
    expect(keys(entries)).toEqual(['alarm-2', 'cleared']);
    const group = entries[1];
    if (group?.kind !== 'cleared') throw new Error('expected the cleared group');
    expect(group.alarms.map((a) => a.id)).toEqual([1, 3]);
    expect(group.summary).toMatchObject({ alarms: 2, devicesDown: 0, unacknowledged: 2, costPerMinute: 0 });
    expect(groupTitle(group)).toBe('2 devices back up, not acknowledged');
    // One alone stays a row of its own.
    expect(keys(groupAlarms([on(1, 1, '08:00', 'critical', cleared)]))).toEqual(['alarm-1']);
  });

  it('turns a storm of 290 alarms on 40 lines into at most one row per line plus the causes', () => {
    const storm: AlarmView[] = [];
    for (let id = 1; id <= 290; id++) storm.push(on(id % 40, id, '08:00', id % 11 === 0 ? 'high' : 'low'));
    storm.push(on(3, 300, '07:00', 'critical', { secondaryEndpointIds: ['a', 'b'] }));
    const entries = groupAlarms(storm);
    expect(entries.length).toBe(41);
    expect(entries[0]?.key).toBe('alarm-300');
    expect(entries.filter((e) => e.kind === 'line').every((e) => e.summary.alarms >= LINE_GROUP_MIN)).toBe(
      true,
    );
  });
});

describe('impact on a row', () => {
  it('says what it costs and what it takes down, leaving out what is zero', () => {
    expect(
      formatImpact(
        impact({
          costPerMinute: 1200,
          costSoFar: 36_000.4,
          affected: { endpointIds: ['a', 'b', 'c', 'd'], lineIds: ['l1', 'l2'] },
        }),
      ),
    ).toBe('1,200/min · 36,000 so far · affects 4 devices, 2 lines');
    expect(formatImpact(impact({ affected: { endpointIds: ['a'], lineIds: [] } }))).toBe('affects 1 device');
    expect(formatImpact(impact())).toBeNull();
  });
});
