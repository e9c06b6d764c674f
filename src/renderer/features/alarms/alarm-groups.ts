// How the strip stays readable in a storm (300 alarms on a 40-line plant): alarms behind a common
// cause become one row each, the worst rows first.
//  1. A parent alarm with devices down behind it (`secondaryEndpointIds`, whose own alarms main
//     holds back) is one row: "+N devices down behind it", opening to those devices.
//  2. Of the alarms left, a line with LINE_GROUP_MIN or more becomes one row, "the rest of Line 36:
//     9 devices down", opening to its alarms. Three: two alarms still read as two rows at a glance,
//     from three on a line row is shorter than the alarms it stands for, and a storm on one line
//     (one switch, one power feed) is usually one cause.
//  3. Devices back up whose alarms nobody acknowledged yet are one row at the end (from two on),
//     where "Acknowledge all cleared" answers them with one note.
// Rows sort by their worst severity, then by their oldest outage (alarm-order.ts), so the group
// that holds a critical alarm is above every row of high ones.
import type { AlarmView, Severity } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { compareAlarms, costPerMinute, isDown, severityRank, worstSeverity } from './alarm-order';

export const LINE_GROUP_MIN = 3;
export const CLEARED_GROUP_MIN = 2;

export interface GroupSummary {
  /** Alarms in the group. */
  alarms: number;
  /** Devices down: the alarms' own devices plus those down behind them. */
  devicesDown: number;
  unacknowledged: number;
  worst: Severity;
  /** The alarm the group is most about (its worst, longest down), named on the row. */
  worstAlarm: AlarmView;
  costPerMinute: number;
  /** The oldest outage of the group, ISO. */
  oldestStartedAt: string;
}

export type StripEntry =
  /** One alarm; with devices behind it, it is the group of rule 1 (the row opens to them). */
  | { kind: 'alarm'; key: string; alarm: AlarmView }
  | {
      kind: 'line';
      key: string;
      lineId: string;
      lineName: string;
      /** True when other rows of this line are shown apart (rule 1): "the rest of Line 36". */
      rest: boolean;
      alarms: AlarmView[];
      summary: GroupSummary;
    }
  | { kind: 'cleared'; key: string; alarms: AlarmView[]; summary: GroupSummary };

export function summarise(alarms: readonly AlarmView[]): GroupSummary {
  const sorted = [...alarms].sort(compareAlarms);
  const [first] = sorted;
  if (!first) throw new Error('summarise: a group has at least one alarm');
  let devicesDown = 0;
  let unacknowledged = 0;
  let oldest = first.startedAt;
  for (const alarm of sorted) {
    if (isDown(alarm)) devicesDown += 1 + alarm.secondaryEndpointIds.length;
    if (alarm.acknowledgedAt === null) unacknowledged += 1;
    if (Date.parse(alarm.startedAt) < Date.parse(oldest)) oldest = alarm.startedAt;
  }
  return {
    alarms: sorted.length,
    devicesDown,
    unacknowledged,
    worst: worstSeverity(sorted),
    worstAlarm: first,
    costPerMinute: costPerMinute(sorted),
    oldestStartedAt: oldest,
  };
}

function entryOrder(entry: StripEntry): { cleared: boolean; severity: number; since: number } {
  if (entry.kind === 'alarm') {
    return {
      cleared: !isDown(entry.alarm),
      severity: severityRank(entry.alarm.impact.severity),
      since: Date.parse(entry.alarm.startedAt),
    };
  }
  return {
    cleared: entry.kind === 'cleared',
    severity: severityRank(entry.summary.worst),
    since: Date.parse(entry.summary.oldestStartedAt),
  };
}

function compareEntries(a: StripEntry, b: StripEntry): number {
  const x = entryOrder(a);
  const y = entryOrder(b);
  if (x.cleared !== y.cleared) return x.cleared ? 1 : -1;
  if (x.severity !== y.severity) return x.severity - y.severity;
  if (x.since !== y.since) return x.since - y.since;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** The strip's rows for the visible alarms (any order in, rows and members sorted out). */
export function groupAlarms(
  alarms: readonly AlarmView[],
  { lineGroupMin = LINE_GROUP_MIN, clearedGroupMin = CLEARED_GROUP_MIN } = {},
): StripEntry[] {
  const entries: StripEntry[] = [];
  const single = (alarm: AlarmView): StripEntry => ({ kind: 'alarm', key: `alarm-${alarm.id}`, alarm });
  const byLine = new Map<string, AlarmView[]>();
  const linesWithCauses = new Set<string>();
  const cleared: AlarmView[] = [];
  for (const alarm of alarms) {
    if (!isDown(alarm)) cleared.push(alarm);
    else if (alarm.secondaryEndpointIds.length > 0) {
      entries.push(single(alarm));
      linesWithCauses.add(alarm.lineId);
    } else {
      const line = byLine.get(alarm.lineId);
      if (line) line.push(alarm);
      else byLine.set(alarm.lineId, [alarm]);
    }
  }
  for (const [lineId, members] of byLine) {
    if (members.length < lineGroupMin) {
      for (const alarm of members) entries.push(single(alarm));
      continue;
    }
    members.sort(compareAlarms);
    entries.push({
      kind: 'line',
      key: `line-${lineId}`,
      lineId,
      lineName: members[0]?.lineName ?? lineId,
      rest: linesWithCauses.has(lineId),
      alarms: members,
      summary: summarise(members),
    });
  }
  if (cleared.length >= clearedGroupMin) {
    cleared.sort(compareAlarms);
    entries.push({ kind: 'cleared', key: 'cleared', alarms: cleared, summary: summarise(cleared) });
  } else {
    for (const alarm of cleared) entries.push(single(alarm));
  }
  return entries.sort(compareEntries);
}

export type GroupEntry = Exclude<StripEntry, { kind: 'alarm' }>;

const devices = (count: number): string => `${formatCount(count)} ${count === 1 ? 'device' : 'devices'}`;

/** "the rest of Line 36: 9 devices down", "Line 2: 3 devices down", "4 devices back up, …". */
export function groupTitle(entry: GroupEntry): string {
  if (entry.kind === 'cleared') return `${devices(entry.summary.alarms)} back up, not acknowledged`;
  const line = entry.rest ? `the rest of ${entry.lineName}` : entry.lineName;
  return `${line}: ${devices(entry.summary.devicesDown)} down`;
}
