// computeReport on hand-built inputs. Every expected number is worked out by hand in the comments
// (minutes after 14:00Z; interval 5 min, so a last check at minute m evidences up to m + 5).
import { describe, expect, it } from 'vitest';
import { computeReport } from '@src/main/kpi';
import { Report } from '@src/shared/report/report-schema';
import { at, input, outage, timeline, WORKED_EXAMPLE_CONFIG as WORKED } from '../../../support/kpi-fixture';

/** Parses with the contract schema (throws on any deviation) and returns the report. */
const checked = (report: Report): Report => Report.parse(report);

describe('computeReport: the spec worked example', () => {
  it('gives exactly the spec JSON', () => {
    // Checks 14:00 ok, 14:05 ok, 14:10 fail, 14:15 fail, 14:20 ok, 14:25 ok -> up@0, down@10, up@20;
    // last check 14:25 + 5 min = 14:30. up 0-10 + 20-30 = 1200 s, down 10-20 = 600 s.
    // availability 1200/1800; mttd 15-10 = 300; mttr 20-10 = 600; mtbf 1200/1; cost 600/60*850 = 8500.
    const report = checked(
      computeReport(
        input(
          WORKED,
          { from: at(0), to: at(30) },
          {
            'press1-plc': timeline(
              [
                ['up', at(0)],
                ['down', at(10)],
                ['up', at(20)],
              ],
              at(25),
            ),
          },
          [outage('press1-plc', { startedAt: at(10), detectedAt: at(15), endedAt: at(20) })],
        ),
      ),
    );
    const figures = {
      up_s: 1200,
      down_s: 600,
      maintenance_s: 0,
      unknown_s: 0,
      availability: 0.6666666666666666,
      failures: 1,
    };
    const line = { id: 'press-1', ...figures, mttr_s: 600, mtbf_s: 1200, downtime_cost: 8500 };
    const site = { ...line, id: 'plant-augsburg' };
    expect(report).toEqual({
      from: '2026-01-05T14:00:00.000Z',
      to: '2026-01-05T14:30:00.000Z',
      endpoints: [
        {
          id: 'press1-plc',
          line: 'press-1',
          ...figures,
          mttd_s: 300,
          mtta_s: null,
          mttr_s: 600,
          mtbf_s: 1200,
        },
      ],
      lines: [line],
      site,
      // 15:00-15:30 Berlin is inside the late shift (14:00-22:00) only.
      shifts: [{ id: 'late', site, lines: [line] }],
      outages: [
        {
          endpoint: 'press1-plc',
          started_at: '2026-01-05T14:10:00.000Z',
          detected_at: '2026-01-05T14:15:00.000Z',
          ended_at: '2026-01-05T14:20:00.000Z',
          duration_s: 600,
          ended_by_gap: false,
          in_maintenance: false,
          secondary_of: null,
          acknowledged_at: null,
          // Fields after the spec's (issue 13): the outage's cause.
          failure_kind: 'error',
          failure_message: 'connect ECONNREFUSED',
        },
      ],
    });
    // Field order as in the spec, for people reading the JSON.
    expect(Object.keys(report)).toEqual(['from', 'to', 'endpoints', 'lines', 'site', 'shifts', 'outages']);
    expect(Object.keys(report.lines[0] ?? {})).toEqual(Object.keys(line));
  });

  it('a blip (one failed check while up) leaves no trace: up all along, no failure', () => {
    // ok 0, ok 5, FAIL 10, ok 15 ... ok 25: the streak of 1 never reaches down_after 2 -> up@0 only.
    const report = computeReport(
      input(WORKED, { from: at(0), to: at(30) }, { 'press1-plc': timeline([['up', at(0)]], at(25)) }),
    );
    expect(report.endpoints[0]).toMatchObject({ up_s: 1800, down_s: 0, availability: 1, failures: 0 });
    expect(report.endpoints[0]).toMatchObject({ mttd_s: null, mttr_s: null, mtbf_s: null });
    expect(report.lines[0]).toMatchObject({ failures: 0, mttr_s: null, mtbf_s: null, downtime_cost: 0 });
    expect(report.outages).toEqual([]);
  });

  it('a window with no data: availability null (not 1), unknown_s = the window', () => {
    const report = checked(computeReport(input(WORKED, { from: at(0), to: at(30) }, {})));
    const empty = { up_s: 0, down_s: 0, maintenance_s: 0, unknown_s: 1800, availability: null, failures: 0 };
    expect(report.endpoints[0]).toEqual({
      id: 'press1-plc',
      line: 'press-1',
      ...empty,
      mttd_s: null,
      mtta_s: null,
      mttr_s: null,
      mtbf_s: null,
    });
    // A cost is configured, so the cost of 0 s down is 0, not null.
    expect(report.lines[0]).toEqual({
      id: 'press-1',
      ...empty,
      mttr_s: null,
      mtbf_s: null,
      downtime_cost: 0,
    });
    expect(report.site).toMatchObject({ availability: null, unknown_s: 1800 });
  });

  it('a gap cuts an open outage: ended_by_gap, no endpoint repair time, unknown time counted', () => {
    // ok 0, ok 5, fail 10, fail 15, (nothing until 40 > 2.5 x 5 min after 15), ok 40, ok 45:
    // up@0, down@10, unknown@20 (15 + 5), up@40; last check 45 -> evidence to 50. Window 0-60.
    // up 0-10 + 40-50 = 1200; down 10-20 = 600; unknown 20-40 + 50-60 = 1800.
    const report = checked(
      computeReport(
        input(
          WORKED,
          { from: at(0), to: at(60) },
          {
            'press1-plc': timeline(
              [
                ['up', at(0)],
                ['down', at(10)],
                ['unknown', at(20)],
                ['up', at(40)],
              ],
              at(45),
            ),
          },
          [
            outage('press1-plc', {
              startedAt: at(10),
              detectedAt: at(15),
              endedAt: at(20),
              endedByGap: true,
            }),
          ],
        ),
      ),
    );
    expect(report.endpoints[0]).toMatchObject({
      up_s: 1200,
      down_s: 600,
      unknown_s: 1800,
      maintenance_s: 0,
      availability: 0.6666666666666666,
      failures: 1,
      mttd_s: 300,
      mttr_s: null, // the gap end is no repair
      mtbf_s: 1200,
    });
    // The line's down interval 10-20 is a maximal down interval ending by `to`: spec "Line state"
    // takes its length (600) into the line mttr; only the endpoint rule excludes gap ends.
    expect(report.lines[0]).toMatchObject({ failures: 1, mttr_s: 600, unknown_s: 1800 });
    expect(report.outages[0]).toMatchObject({ ended_by_gap: true, duration_s: 600 });
  });
});

describe('computeReport: live extension (spec §3 "Segments")', () => {
  // up@0, last check at 25: evidence to 30; live, the state extends to now while now - 25 <= 12.5 min.
  const live = (nowMinutes: number) =>
    computeReport(
      input(
        WORKED,
        { from: at(0), to: at(60), now: at(nowMinutes) },
        { 'press1-plc': timeline([['up', at(0)]], at(25)) },
      ),
    ).endpoints[0];

  it('extends the current state to now within 2.5 intervals of the last check', () => {
    // now 35 (10 min after the last check): up 0-35 = 2100 s, unknown 35-60 = 1500 s.
    expect(live(35)).toMatchObject({ up_s: 2100, unknown_s: 1500 });
    // now 37:30 is exactly 2.5 intervals: still live -> up 2250 s.
    expect(live(37.5)).toMatchObject({ up_s: 2250, unknown_s: 1350 });
  });

  it('beyond 2.5 intervals the state ends at last check + interval, then unknown', () => {
    // now 40 (15 min > 12.5): up 0-30 = 1800 s, unknown 1800 s.
    expect(live(40)).toMatchObject({ up_s: 1800, unknown_s: 1800 });
  });

  it('never shortens [last, last + interval): now 27 still counts up to 30', () => {
    expect(live(27)).toMatchObject({ up_s: 1800, unknown_s: 1800 });
  });
});
