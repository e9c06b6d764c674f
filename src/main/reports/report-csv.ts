// `linewatch report --format csv`: the Report as five tables for people and spreadsheets. JSON keeps
// every digit; here numbers are rounded the way the UI shows them (README "Reports" lists columns).
import type { LineFigures, Report } from '../../shared/report/report-schema';
import { csvTable, type CsvValue } from './csv';

/** Availability 0..1 as a percentage with three decimals ("66.667"); null stays an empty cell. */
export const percentCell = (availability: number | null): CsvValue =>
  availability === null ? null : (availability * 100).toFixed(3);
/** Whole seconds. */
export const secondsCell = (seconds: number | null): CsvValue =>
  seconds === null ? null : Math.round(seconds);
/** Money with two decimals, in whatever currency `downtime_cost_per_minute` is written in. */
export const costCell = (cost: number | null): CsvValue => (cost === null ? null : cost.toFixed(2));

const TIME_COLUMNS = [
  'up_s',
  'down_s',
  'maintenance_s',
  'unknown_s',
  'availability_pct',
  'failures',
] as const;
const LINE_COLUMNS = [...TIME_COLUMNS, 'mttr_s', 'mtbf_s', 'downtime_cost'] as const;

const lineCells = (f: LineFigures): CsvValue[] => [
  secondsCell(f.up_s),
  secondsCell(f.down_s),
  secondsCell(f.maintenance_s),
  secondsCell(f.unknown_s),
  percentCell(f.availability),
  f.failures,
  secondsCell(f.mttr_s),
  secondsCell(f.mtbf_s),
  costCell(f.downtime_cost),
];

export function formatReportCsv(report: Report): string {
  const endpoints = csvTable(
    'endpoints',
    ['endpoint', 'line', ...TIME_COLUMNS, 'mttd_s', 'mtta_s', 'mttr_s', 'mtbf_s'],
    report.endpoints.map((e) => [
      e.id,
      e.line,
      secondsCell(e.up_s),
      secondsCell(e.down_s),
      secondsCell(e.maintenance_s),
      secondsCell(e.unknown_s),
      percentCell(e.availability),
      e.failures,
      secondsCell(e.mttd_s),
      secondsCell(e.mtta_s),
      secondsCell(e.mttr_s),
      secondsCell(e.mtbf_s),
    ]),
  );
  const lines = csvTable(
    'lines',
    ['line', ...LINE_COLUMNS],
    report.lines.map((l) => [l.id, ...lineCells(l)]),
  );
  // The window travels with the site row, so a saved CSV still says what period it covers.
  const site = csvTable(
    'site',
    ['site', 'from', 'to', ...LINE_COLUMNS],
    [[report.site.id, report.from, report.to, ...lineCells(report.site)]],
  );
  const shifts = csvTable(
    'shifts',
    ['shift', 'level', 'id', ...LINE_COLUMNS],
    report.shifts.flatMap((s) => [
      [s.id, 'site', s.site.id, ...lineCells(s.site)],
      ...s.lines.map((l) => [s.id, 'line', l.id, ...lineCells(l)]),
    ]),
  );
  const outages = csvTable(
    'outages',
    [
      'endpoint',
      'started_at',
      'detected_at',
      'ended_at',
      'duration_s',
      'ended_by_gap',
      'in_maintenance',
      'secondary_of',
      'acknowledged_at',
    ],
    report.outages.map((o) => [
      o.endpoint,
      o.started_at,
      o.detected_at,
      o.ended_at,
      secondsCell(o.duration_s),
      o.ended_by_gap,
      o.in_maintenance,
      o.secondary_of,
      o.acknowledged_at,
    ]),
  );
  return [endpoints, lines, site, shifts, outages].join('\n\n') + '\n';
}
