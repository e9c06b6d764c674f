// Line state, maintenance, dependencies and acknowledgement on hand-built inputs. Minutes after
// 14:00Z (15:00 Berlin); window 0-60; every endpoint's last check at 55 (interval 5 min -> 60).
import { describe, expect, it } from 'vitest';
import { computeReport } from '@src/main/kpi';
import { Report } from '@src/shared/report/report-schema';
import { aConfig, aLine, aMaintenanceWindow } from '../../../support/config-builders';
import { aPlc, at, input, outage, timeline } from '../../../support/kpi-fixture';

const WINDOW = { from: at(0), to: at(60) };

describe('maintenance', () => {
  // 15:20-15:40 Berlin = minutes 20-40, on the whole line.
  const config = aConfig({
    lines: [aLine('press-1', [aPlc('plc'), aPlc('hmi')], { name: 'Press line 1' })],
    maintenance: [aMaintenanceWindow('pm', ['press-1'], '2026-01-05T15:20', '2026-01-05T15:40')],
  });

  it('cuts an outage (its time inside maintenance is maintenance) and a planned outage does not count', () => {
    // plc: up@0, down@10, up@30 (outage 10-30 detected 15): up 0-10 + 40-60 = 1800, down 10-20 = 600,
    //   maintenance 20-40 = 1200. Counted (started 10, before the window). mttr 30-10 = 1200 s.
    // hmi: up@0, down@25, up@35: the planned outage 25-35 lies inside maintenance -> no down time,
    //   no failure; listed with in_maintenance: true.
    const report = Report.parse(
      computeReport(
        input(
          config,
          WINDOW,
          {
            plc: timeline(
              [
                ['up', at(0)],
                ['down', at(10)],
                ['up', at(30)],
              ],
              at(55),
            ),
            hmi: timeline(
              [
                ['up', at(0)],
                ['down', at(25)],
                ['up', at(35)],
              ],
              at(55),
            ),
          },
          [
            outage('plc', { startedAt: at(10), detectedAt: at(15), endedAt: at(30) }),
            outage('hmi', { startedAt: at(25), detectedAt: at(30), endedAt: at(35), inMaintenance: true }),
          ],
        ),
      ),
    );
    expect(report.endpoints).toEqual([
      {
        id: 'plc',
        line: 'press-1',
        up_s: 1800,
        down_s: 600,
        maintenance_s: 1200,
        unknown_s: 0,
        availability: 0.75, // 1800 / 2400
        failures: 1,
        mttd_s: 300,
        mtta_s: null,
        mttr_s: 1200,
        mtbf_s: 1800,
      },
      {
        id: 'hmi',
        line: 'press-1',
        up_s: 2400,
        down_s: 0,
        maintenance_s: 1200,
        unknown_s: 0,
        availability: 1,
        failures: 0,
        mttd_s: null,
        mtta_s: null,
        mttr_s: null,
        mtbf_s: null,
      },
    ]);
    // Line (no critical marked -> both): up 0-10, down 10-20, maintenance 20-40, up 40-60.
    // The line's down interval ends at 20 (maintenance begins): length 600 s. No cost configured.
    expect(report.lines[0]).toEqual({
      id: 'press-1',
      up_s: 1800,
      down_s: 600,
      maintenance_s: 1200,
      unknown_s: 0,
      availability: 0.75,
      failures: 1,
      mttr_s: 600,
      mtbf_s: 1800,
      downtime_cost: null,
    });
    expect(report.site.downtime_cost).toBeNull();
    expect(report.outages.map((o) => [o.endpoint, o.in_maintenance, o.duration_s])).toEqual([
      ['plc', false, 1200],
      ['hmi', true, 600],
    ]);
  });

  it('judges in_maintenance with the calendar, whatever the stored flag says', () => {
    // Stored as not in maintenance (say, recorded before the entry was added): the report must
    // agree with its own maintenance time, so started 25 (inside 20-40) does not count.
    const report = computeReport(
      input(
        config,
        WINDOW,
        {
          hmi: timeline(
            [
              ['up', at(0)],
              ['down', at(25)],
              ['up', at(35)],
            ],
            at(55),
          ),
        },
        [outage('hmi', { startedAt: at(25), detectedAt: at(30), endedAt: at(35) })],
      ),
    );
    expect(report.endpoints[1]).toMatchObject({ failures: 0 });
    expect(report.outages[0]).toMatchObject({ in_maintenance: true });
  });

  it('a planned outage overrunning its window: no endpoint failure, but the line goes down after it', () => {
    // hmi: up@0, down@25, up@50. Endpoint: maintenance 20-40, down 40-50 = 600 s, failures 0.
    // Line: down 40-50 starts in the window -> 1 line failure (spec: maximal down intervals).
    const report = computeReport(
      input(
        config,
        WINDOW,
        {
          hmi: timeline(
            [
              ['up', at(0)],
              ['down', at(25)],
              ['up', at(50)],
            ],
            at(55),
          ),
        },
        [outage('hmi', { startedAt: at(25), detectedAt: at(30), endedAt: at(50) })],
      ),
    );
    expect(report.endpoints[1]).toMatchObject({ down_s: 600, failures: 0, mttr_s: null });
    // plc has no data (unknown throughout), so the line is unknown 0-20, maintenance 20-40 (it
    // overrides unknown), down 40-50 (down overrides all), unknown 50-60: unknown 1200 + 600 = 1800.
    expect(report.lines[0]).toMatchObject({ down_s: 600, failures: 1, mttr_s: 600, unknown_s: 1800 });
  });
});

describe('line state', () => {
  const config = aConfig({
    lines: [
      aLine('body-1', [aPlc('plc', { critical: true }), aPlc('robot', { critical: true }), aPlc('hmi')], {
        name: 'Body line 1',
        downtimeCostPerMinute: 850,
      }),
    ],
  });

  it('two critical endpoints down at overlapping times make one line failure spanning the union', () => {
    // plc down 10-30, robot down 20-40 -> line down 10-40 = 1800 s, ONE failure of 1800 s.
    // hmi (not critical) down 45-55: the line stays up. Line up 0-10 + 40-60 = 1800 s.
    // cost 1800 / 60 * 850 = 25500.
    const report = computeReport(
      input(config, WINDOW, {
        plc: timeline(
          [
            ['up', at(0)],
            ['down', at(10)],
            ['up', at(30)],
          ],
          at(55),
        ),
        robot: timeline(
          [
            ['up', at(0)],
            ['down', at(20)],
            ['up', at(40)],
          ],
          at(55),
        ),
        hmi: timeline(
          [
            ['up', at(0)],
            ['down', at(45)],
            ['up', at(55)],
          ],
          at(55),
        ),
      }),
    );
    expect(report.lines[0]).toEqual({
      id: 'body-1',
      up_s: 1800,
      down_s: 1800,
      maintenance_s: 0,
      unknown_s: 0,
      availability: 0.5,
      failures: 1,
      mttr_s: 1800,
      mtbf_s: 1800,
      downtime_cost: 25500,
    });
    expect(report.site).toEqual({ ...report.lines[0], id: 'plant' });
  });

  it('a down interval already running at `from` is not a failure; one still down at `to` has no repair', () => {
    // plc: down@-10, up@10, down@20, up@30, down@50; last check 65 (after the window).
    // Down runs: (-10)-10 started before `from` -> not a failure; 20-30 (600 s, ended);
    // 50-(past 60) starts in the window but has not ended by `to`. failures 2, mttr 600.
    // down 0-10 + 20-30 + 50-60 = 1800; up 10-20 + 30-50 = 1800; mtbf 1800 / 2 = 900.
    const changes = timeline(
      [
        ['down', at(-10)],
        ['up', at(10)],
        ['down', at(20)],
        ['up', at(30)],
        ['down', at(50)],
      ],
      at(65),
    );
    const report = computeReport(
      input(config, WINDOW, { plc: changes, robot: timeline([['up', at(-60)]], at(65)) }, [
        outage('plc', { startedAt: at(-10), detectedAt: at(-5), endedAt: at(10) }), // before the window
        outage('plc', { startedAt: at(20), detectedAt: at(25), endedAt: at(30) }),
        outage('plc', { startedAt: at(50), detectedAt: at(55) }),
      ]),
    );
    expect(report.lines[0]).toMatchObject({
      up_s: 1800,
      down_s: 1800,
      failures: 2,
      mttr_s: 600,
      mtbf_s: 900,
    });
    // Endpoint: the two outages started in the window count; mttr over the ended one only.
    expect(report.endpoints[0]).toMatchObject({ failures: 2, mttd_s: 300, mttr_s: 600, mtbf_s: 900 });
    expect(report.outages.map((o) => [o.started_at, o.ended_at, o.duration_s])).toEqual([
      ['2026-01-05T14:20:00.000Z', '2026-01-05T14:30:00.000Z', 600],
      ['2026-01-05T14:50:00.000Z', null, null],
    ]);
  });

  it('a down interval starting exactly at `from` counts, and one ending exactly at `to` is repaired', () => {
    // plc: nothing before 0 (unknown), down@0, up@60. The class just before `from` is unknown, so the
    // run starts in the window; it ends at 60 = `to`: mttr 3600. The endpoint outage ends at `to` too.
    const report = computeReport(
      input(
        config,
        WINDOW,
        {
          plc: timeline(
            [
              ['down', at(0)],
              ['up', at(60)],
            ],
            at(65),
          ),
          robot: timeline([['up', at(-60)]], at(65)),
        },
        [outage('plc', { startedAt: at(0), detectedAt: at(5), endedAt: at(60) })],
      ),
    );
    expect(report.lines[0]).toMatchObject({ down_s: 3600, failures: 1, mttr_s: 3600, availability: 0 });
    expect(report.endpoints[0]).toMatchObject({ failures: 1, mttr_s: 3600 });
  });
});

describe('dependencies and acknowledgement', () => {
  const config = aConfig({
    lines: [
      aLine('press-1', [aPlc('switch'), aPlc('plc', { dependsOn: 'switch' })], { name: 'Press line 1' }),
    ],
  });

  it('a secondary outage behind its parent counts like any other and names the parent; mtta from the ack', () => {
    // switch down 10-30, detected 15, acknowledged 15 min + 90 s -> mtta 90.
    // plc down 15-30 behind it: secondary (no alarm, so no ack), still a failure: mttd 300, mttr 900.
    const report = Report.parse(
      computeReport(
        input(
          config,
          WINDOW,
          {
            switch: timeline(
              [
                ['up', at(0)],
                ['down', at(10)],
                ['up', at(30)],
              ],
              at(55),
            ),
            plc: timeline(
              [
                ['up', at(0)],
                ['down', at(15)],
                ['up', at(30)],
              ],
              at(55),
            ),
          },
          [
            outage('plc', {
              startedAt: at(15),
              detectedAt: at(20),
              endedAt: at(30),
              secondaryOfEndpoint: 'switch',
              secondaryOfOutage: 1,
            }),
            outage('switch', {
              startedAt: at(10),
              detectedAt: at(15),
              endedAt: at(30),
              acknowledgedAt: at(16.5),
            }),
          ],
        ),
      ),
    );
    expect(report.endpoints.map((e) => [e.id, e.failures, e.mttd_s, e.mtta_s, e.mttr_s])).toEqual([
      ['switch', 1, 300, 90, 1200],
      ['plc', 1, 300, null, 900],
    ]);
    // Ordered by started_at, whatever the input order.
    expect(report.outages.map((o) => [o.endpoint, o.secondary_of, o.acknowledged_at])).toEqual([
      ['switch', null, '2026-01-05T14:16:30.000Z'],
      ['plc', 'switch', null],
    ]);
    // Line: down 10-30 (union) = 1200 s, one failure.
    expect(report.lines[0]).toMatchObject({ down_s: 1200, failures: 1, mttr_s: 1200 });
  });
});
