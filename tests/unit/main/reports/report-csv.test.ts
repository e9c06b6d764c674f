import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '@src/shared/format';
import { formatReportCsv } from '@src/main/reports/report-csv';
import { Report, type LineFigures } from '@src/shared/report/report-schema';

const figures = (id: string, over: Partial<LineFigures> = {}): LineFigures => ({
  id,
  up_s: 1200,
  down_s: 600.4,
  maintenance_s: 0,
  unknown_s: 0,
  availability: 2 / 3,
  failures: 1,
  mttr_s: 600,
  mtbf_s: 1199.5,
  downtime_cost: 8505.666,
  ...over,
});

const report: Report = Report.parse({
  from: '2026-01-05T14:00:00.000Z',
  to: '2026-01-05T14:30:00.000Z',
  endpoints: [
    {
      id: 'press1-plc',
      line: 'press-1',
      up_s: 1200,
      down_s: 600,
      maintenance_s: 0,
      unknown_s: 0,
      availability: 2 / 3,
      failures: 1,
      mttd_s: 300,
      mtta_s: null,
      mttr_s: 600,
      mtbf_s: 1200,
    },
    {
      id: 'press1-hmi',
      line: 'press-1',
      up_s: 0,
      down_s: 0,
      maintenance_s: 0,
      unknown_s: 1800,
      availability: null,
      failures: 0,
      mttd_s: null,
      mtta_s: null,
      mttr_s: null,
      mtbf_s: null,
    },
  ],
  lines: [figures('press-1'), figures('paint', { downtime_cost: null, availability: 1 })],
  site: figures('plant-augsburg'),
  shifts: [{ id: 'late', site: figures('plant-augsburg'), lines: [figures('press-1')] }],
  outages: [
    {
      endpoint: 'press1-plc',
      started_at: '2026-01-05T14:10:00.000Z',
      detected_at: '2026-01-05T14:15:00.000Z',
      ended_at: null,
      duration_s: null,
      ended_by_gap: false,
      in_maintenance: false,
      secondary_of: 'press1-switch',
      acknowledged_at: null,
      failure_kind: 'protocol',
      failure_message: 'Modbus exception 0x0B: gateway target failed to respond',
    },
  ],
});

describe('CSV cells (RFC 4180)', () => {
  it('quotes commas, quotes, line breaks and edge spaces, and leaves plain text alone', () => {
    expect(csvCell('plain-id')).toBe('plain-id');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(false)).toBe('false');
    expect(csvRow(['x', 1, null, 'y,z'])).toBe('x,1,,"y,z"');
  });
});

describe('formatReportCsv', () => {
  const csv = formatReportCsv(report);
  const tables = csv.trimEnd().split('\n\n');

  it('writes five titled tables separated by one blank line', () => {
    expect(tables.map((t) => t.split('\n')[0])).toEqual([
      '# endpoints',
      '# lines',
      '# site',
      '# shifts',
      '# outages',
    ]);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\n\n\n');
  });

  it('rounds for people: percent with 3 decimals, whole seconds, cost with 2 decimals, empty for null', () => {
    expect(tables[0]).toBe(
      [
        '# endpoints',
        'endpoint,line,up_s,down_s,maintenance_s,unknown_s,availability_pct,failures,mttd_s,mtta_s,mttr_s,mtbf_s',
        'press1-plc,press-1,1200,600,0,0,66.667,1,300,,600,1200',
        'press1-hmi,press-1,0,0,0,1800,,0,,,,',
      ].join('\n'),
    );
    expect(tables[1]).toBe(
      [
        '# lines',
        'line,up_s,down_s,maintenance_s,unknown_s,availability_pct,failures,mttr_s,mtbf_s,downtime_cost',
        'press-1,1200,600,0,0,66.667,1,600,1200,8505.67',
        'paint,1200,600,0,0,100.000,1,600,1200,',
      ].join('\n'),
    );
  });

  it('carries the window on the site row and one row per shift level', () => {
    expect(tables[2]?.split('\n')[1]).toBe(
      'site,from,to,up_s,down_s,maintenance_s,unknown_s,availability_pct,failures,mttr_s,mtbf_s,downtime_cost',
    );
    expect(tables[2]?.split('\n')[2]).toBe(
      'plant-augsburg,2026-01-05T14:00:00.000Z,2026-01-05T14:30:00.000Z,1200,600,0,0,66.667,1,600,1200,8505.67',
    );
    expect(tables[3]?.split('\n').slice(1)).toEqual([
      'shift,level,id,up_s,down_s,maintenance_s,unknown_s,availability_pct,failures,mttr_s,mtbf_s,downtime_cost',
      'late,site,plant-augsburg,1200,600,0,0,66.667,1,600,1200,8505.67',
      'late,line,press-1,1200,600,0,0,66.667,1,600,1200,8505.67',
    ]);
  });

  it('lists outages with empty cells for an outage still open', () => {
    expect(tables[4]?.split('\n').slice(1)).toEqual([
      'endpoint,started_at,detected_at,ended_at,duration_s,ended_by_gap,in_maintenance,secondary_of,acknowledged_at,failure_kind,failure_message',
      'press1-plc,2026-01-05T14:10:00.000Z,2026-01-05T14:15:00.000Z,,,false,false,press1-switch,,protocol,Modbus exception 0x0B: gateway target failed to respond',
    ]);
  });
});
