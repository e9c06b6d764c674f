// The outage log as CSV for people (a spreadsheet, a shift report): times in the site's zone,
// durations in whole seconds and minutes to one decimal, yes/no instead of true/false. Machines
// that need exact figures use `linewatch report --format json`.
import type { ConsoleOutage } from '../../../../shared/contract';
import { csvRow, csvSeconds, type CsvValue } from '../../../../shared/format';
import { formatIsoLocal } from '../format-operator';
import { failureCauseText } from '../../../../shared/domain/failure';

export const OUTAGE_CSV_HEADER = [
  'line',
  'endpoint',
  'endpoint_id',
  'started',
  'detected',
  'ended',
  'duration_s',
  'duration_min',
  'status',
  'kind',
  'secondary_of',
  'in_maintenance',
  'ended_by_gap',
  'failure',
  'acknowledged',
  'acknowledged_by',
  'note',
] as const;

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** The device's type label ("PLC") for the cause words; "Device" when the caller does not know. */
export type DeviceLabel = (endpointId: string) => string;
const anyDevice: DeviceLabel = () => 'Device';

export function outageCsvRow(
  outage: ConsoleOutage,
  timeZone: string | undefined,
  deviceLabel: DeviceLabel = anyDevice,
): CsvValue[] {
  return [
    outage.lineName,
    outage.endpointName,
    outage.endpointId,
    formatIsoLocal(outage.startedAt, timeZone),
    formatIsoLocal(outage.detectedAt, timeZone),
    formatIsoLocal(outage.endedAt, timeZone),
    csvSeconds(outage.duration_s),
    Math.round(outage.duration_s / 6) / 10,
    outage.endedAt === null ? 'open' : 'closed',
    outage.secondaryOf === null ? 'primary' : 'secondary',
    outage.secondaryOf,
    yesNo(outage.inMaintenance),
    yesNo(outage.endedByGap),
    failureCauseText(outage.failureKind, outage.failureMessage, deviceLabel(outage.endpointId)),
    formatIsoLocal(outage.acknowledgedAt, timeZone),
    outage.acknowledgedBy,
    outage.note,
  ];
}

/** CRLF line ends and a BOM so spreadsheet programs open UTF-8 names correctly. */
export function outagesToCsv(
  outages: readonly ConsoleOutage[],
  timeZone: string | undefined,
  deviceLabel: DeviceLabel = anyDevice,
): string {
  const rows = [
    csvRow(OUTAGE_CSV_HEADER),
    ...outages.map((o) => csvRow(outageCsvRow(o, timeZone, deviceLabel))),
  ];
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/** "linewatch-outages-2026-01-05_2026-01-06.csv" from the window shown. */
export function outageCsvFileName(fromIso: string, toIso: string): string {
  return `linewatch-outages-${fromIso.slice(0, 10)}_${toIso.slice(0, 10)}.csv`;
}
