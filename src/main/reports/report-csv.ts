// `linewatch report --format csv`: the Report as five tables for people and spreadsheets. JSON keeps
// every digit; here numbers are rounded the way the UI shows them (README "Reports" lists columns).
import type { LineFigures, Report } from '../../shared/report/report-schema';
import { csvCost, csvPercent, csvRow, csvSeconds, type CsvValue } from '../../shared/format';

// One titled table: `# title`, the header row, then the rows. Lines end in "\n", which shells and
// spreadsheets both read.
function csvTable(title: string, header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [`# ${title}`, csvRow(header), ...rows.map(csvRow)].join('\n');
}

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
  csvSeconds(f.up_s),
  csvSeconds(f.down_s),
  csvSeconds(f.maintenance_s),
  csvSeconds(f.unknown_s),
  csvPercent(f.availability),
  f.failures,
  csvSeconds(f.mttr_s),
  csvSeconds(f.mtbf_s),
  csvCost(f.downtime_cost),
];

export function formatReportCsv(report: Report): string {
  const endpoints = csvTable(
    'endpoints',
    ['endpoint', 'line', ...TIME_COLUMNS, 'mttd_s', 'mtta_s', 'mttr_s', 'mtbf_s'],
    report.endpoints.map((e) => [
      e.id,
      e.line,
      csvSeconds(e.up_s),
      csvSeconds(e.down_s),
      csvSeconds(e.maintenance_s),
      csvSeconds(e.unknown_s),
      csvPercent(e.availability),
      e.failures,
      csvSeconds(e.mttd_s),
      csvSeconds(e.mtta_s),
      csvSeconds(e.mttr_s),
      csvSeconds(e.mtbf_s),
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
      'failure_kind',
      'failure_message',
    ],
    report.outages.map((o) => [
      o.endpoint,
      o.started_at,
      o.detected_at,
      o.ended_at,
      csvSeconds(o.duration_s),
      o.ended_by_gap,
      o.in_maintenance,
      o.secondary_of,
      o.acknowledged_at,
      o.failure_kind,
      o.failure_message,
    ]),
  );
  return [endpoints, lines, site, shifts, outages].join('\n\n') + '\n';
}
