import { describe, expect, it } from 'vitest';
import type { ConsoleOutage } from '@src/shared/contract';
import { outageCsvFileName, outagesToCsv } from '@src/renderer/features/operator/outages/outage-csv';
import { csvCell } from '@src/shared/format';
import {
  DEFAULT_OUTAGE_FILTER,
  filterOutages,
  summarizeOutages,
} from '@src/renderer/features/operator/outages/outage-filters';

const base: ConsoleOutage = {
  id: 1,
  endpointId: 'press1-plc',
  endpointName: 'Press 1 PLC',
  lineId: 'press-1',
  lineName: 'Press line 1',
  startedAt: '2026-01-05T14:10:00.000Z',
  detectedAt: '2026-01-05T14:15:00.000Z',
  endedAt: '2026-01-05T14:20:00.000Z',
  duration_s: 600.4,
  endedByGap: false,
  inMaintenance: false,
  secondaryOf: null,
  failureKind: 'timeout',
  failureMessage: 'connect ETIMEDOUT',
  acknowledgedAt: '2026-01-05T14:16:00.000Z',
  acknowledgedBy: 'Anna',
  note: 'Cable, "pulled"',
};
const open: ConsoleOutage = {
  ...base,
  id: 2,
  endedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
};
const secondary: ConsoleOutage = {
  ...base,
  id: 3,
  endpointId: 'press1-hmi',
  secondaryOf: 'press1-switch',
  lineId: 'press-2',
};
const maintenance: ConsoleOutage = { ...base, id: 4, inMaintenance: true };
const all = [base, open, secondary, maintenance];
const ids = (rows: ConsoleOutage[]): number[] => rows.map((o) => o.id);

describe('outage filters', () => {
  it('keeps everything by default', () => {
    expect(ids(filterOutages(all, DEFAULT_OUTAGE_FILTER))).toEqual([1, 2, 3, 4]);
  });
  it('filters by line, endpoint, relation, maintenance and status', () => {
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, lineId: 'press-2' }))).toEqual([3]);
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, endpointId: 'press1-hmi' }))).toEqual([3]);
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, relation: 'primary' }))).toEqual([1, 2, 4]);
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, relation: 'secondary' }))).toEqual([3]);
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, maintenance: 'exclude' }))).toEqual([1, 2, 3]);
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, maintenance: 'only' }))).toEqual([4]);
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, status: 'open' }))).toEqual([2]);
    expect(ids(filterOutages(all, { ...DEFAULT_OUTAGE_FILTER, status: 'closed' }))).toEqual([1, 3, 4]);
  });
  it('summarises what is shown', () => {
    expect(summarizeOutages([base, open])).toEqual({ count: 2, open: 1, totalDown_s: 1200.8 });
  });
});

describe('outage CSV', () => {
  it('quotes, doubles quotes and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell(-3)).toBe('-3');
  });
  it('writes site-local times and numbers rounded for people', () => {
    const csv = outagesToCsv([base, open], 'Europe/Berlin');
    expect(csv.startsWith('\uFEFFline,endpoint,endpoint_id,started')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    // 14:10 UTC is 15:10 in Berlin in January; 600.4 s -> 600 s and 10.0 min.
    expect(lines[1]).toBe(
      'Press line 1,Press 1 PLC,press1-plc,2026-01-05 15:10:00,2026-01-05 15:15:00,2026-01-05 15:20:00,600,10,closed,primary,,no,no,No answer (timeout): connect ETIMEDOUT,2026-01-05 15:16:00,Anna,"Cable, ""pulled"""',
    );
    expect(lines[2]).toContain(',open,primary,');
  });
  it('names the file after the window', () => {
    expect(outageCsvFileName('2026-01-05T00:00:00Z', '2026-01-06T00:00:00Z')).toBe(
      'linewatch-outages-2026-01-05_2026-01-06.csv',
    );
  });
});
