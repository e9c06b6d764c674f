// Shift figures across the DST changes of Europe/Berlin in 2026 (spring forward Sunday 29 March at
// 02:00 CET, fall back Sunday 25 October at 03:00 CEST), on hand-built inputs.
import { describe, expect, it } from 'vitest';
import { computeReport } from '@src/main/kpi';
import { Report } from '@src/shared/report/report-schema';
import { aConfig, aLine, THREE_SHIFTS } from '../../../support/config-builders';
import { aPlc, input, outage, timeline } from '../../../support/kpi-fixture';

const CONFIG = aConfig({
  shifts: THREE_SHIFTS,
  lines: [
    aLine('line-a', [aPlc('a-plc', { name: 'A PLC' })], { name: 'Line A' }),
    aLine('line-b', [aPlc('b-plc', { name: 'B PLC' })], { name: 'Line B', downtimeCostPerMinute: 100 }),
  ],
});

const t = (iso: string): number => Date.parse(iso);
const H = 3_600_000;

describe('shifts across DST', () => {
  it('the spring-forward night 22:00-06:00 is 7 h; a failure belongs to the shift in which it started', () => {
    // Window 20:00Z 28 Mar - 06:00Z 29 Mar = 21:00 CET - 08:00 CEST. Occurrences inside it:
    // late 21:00-22:00 CET (20:00Z-21:00Z) 1 h; night 22:00 CET-06:00 CEST (21:00Z-04:00Z) 7 h = 25200 s;
    // early 06:00-08:00 CEST (04:00Z-06:00Z) 2 h.
    // line-a up throughout. line-b down 03:50Z-04:20Z (05:50-06:20 CEST), crossing night -> early.
    const from = t('2026-03-28T20:00:00Z');
    const to = t('2026-03-29T06:00:00Z');
    const report = Report.parse(
      computeReport(
        input(
          CONFIG,
          { from, to },
          {
            'a-plc': timeline([['up', from - H]], to),
            'b-plc': timeline(
              [
                ['up', from - H],
                ['down', t('2026-03-29T03:50:00Z')],
                ['up', t('2026-03-29T04:20:00Z')],
              ],
              to,
            ),
          },
          [
            outage('b-plc', {
              startedAt: t('2026-03-29T03:50:00Z'),
              detectedAt: t('2026-03-29T03:55:00Z'),
              endedAt: t('2026-03-29T04:20:00Z'),
            }),
          ],
        ),
      ),
    );
    const shift = (id: string) => report.shifts.find((s) => s.id === id);
    expect(report.shifts.map((s) => s.id)).toEqual(['early', 'late', 'night']);
    expect(shift('night')?.lines[0]).toMatchObject({ id: 'line-a', up_s: 25200, down_s: 0, failures: 0 });
    expect(shift('late')?.lines[0]).toMatchObject({ up_s: 3600 });
    expect(shift('early')?.lines[0]).toMatchObject({ up_s: 7200 });
    // line-b night: down 03:50-04:00 = 600 s, up 25200 - 600 = 24600; the failure started in the
    // night, so it is the night's, with its full length (30 min) as repair time; mtbf 24600 / 1.
    // cost 600 / 60 * 100 = 1000.
    expect(shift('night')?.lines[1]).toEqual({
      id: 'line-b',
      up_s: 24600,
      down_s: 600,
      maintenance_s: 0,
      unknown_s: 0,
      availability: 24600 / 25200,
      failures: 1,
      mttr_s: 1800,
      mtbf_s: 24600,
      downtime_cost: 1000,
    });
    // Early: down 04:00-04:20 = 1200 s, up 7200 - 1200 = 6000, no failure of its own.
    expect(shift('early')?.lines[1]).toMatchObject({ up_s: 6000, down_s: 1200, failures: 0, mttr_s: null });
    expect(shift('early')?.lines[1]?.downtime_cost).toBe(2000);
    // Night site: line-a 25200 + line-b 24600 = 49800 up; cost only line-b's 1000.
    expect(shift('night')?.site).toMatchObject({
      up_s: 49800,
      down_s: 600,
      failures: 1,
      downtime_cost: 1000,
    });
  });

  it('the fall-back night 22:00-06:00 is 9 h', () => {
    // 22:00 CEST 24 Oct = 20:00Z; 06:00 CET 25 Oct = 05:00Z: 9 h = 32400 s.
    const from = t('2026-10-24T19:00:00Z');
    const to = t('2026-10-25T07:00:00Z');
    const report = computeReport(input(CONFIG, { from, to }, { 'a-plc': timeline([['up', from - H]], to) }));
    const night = report.shifts.find((s) => s.id === 'night');
    expect(night?.lines[0]).toMatchObject({ up_s: 32400, unknown_s: 0 });
    // line-b has no data: its whole night is unknown.
    expect(night?.lines[1]).toMatchObject({ up_s: 0, unknown_s: 32400, availability: null });
  });

  it('the shifts of the 23-hour local day 29 March add up to 23 h', () => {
    // 00:00 CET 29 Mar = 23:00Z 28 Mar; 00:00 CEST 30 Mar = 22:00Z 29 Mar.
    const from = t('2026-03-28T23:00:00Z');
    const to = t('2026-03-29T22:00:00Z');
    const report = computeReport(input(CONFIG, { from, to }, { 'a-plc': timeline([['up', from - H]], to) }));
    const upByShift = report.shifts.map((s) => [s.id, s.lines[0]?.up_s]);
    // night (from 00:00 CET) to 06:00 CEST: 5 h; early 8 h; late 8 h; night from 22:00 CEST to
    // midnight: 2 h -> night 7 h in this window, total 23 h = 82800 s.
    expect(upByShift).toEqual([
      ['early', 28800],
      ['late', 28800],
      ['night', 25200],
    ]);
    expect(report.lines[0]?.up_s).toBe(82800);
  });

  it('lists only the shifts that occur in the window', () => {
    // 15:00-15:30 Berlin on 5 Jan: late only (as in the spec's example report).
    const from = t('2026-01-05T14:00:00Z');
    const report = computeReport(input(CONFIG, { from, to: from + H / 2 }, {}));
    expect(report.shifts.map((s) => s.id)).toEqual(['late']);
  });
});
