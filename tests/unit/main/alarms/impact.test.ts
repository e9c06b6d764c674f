// Every impact field against numbers worked out by hand, through toAlarmViews on a real store, plus
// the cascade-risk and severity rules on their own (impact.ts documents each rule).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toAlarmViews } from '@src/main/alarms/alarm-views';
import { computeImpact, impactTopology } from '@src/main/alarms/impact';
import type { LinewatchConfig } from '@src/main/config';
import type { OutageRecord, Store } from '@src/main/store';
import type { AlarmView } from '@src/shared/contract';
import { DAY_MS, MINUTE_MS } from '@src/shared/time';
import {
  aConfig,
  aLine,
  aMaintenanceWindow,
  anEndpoint,
  THREE_SHIFTS,
} from '../../../support/config-builders';
import { useTempStores } from '../../../support/temp-store';

// 2026-03-10 07:00 UTC is 08:00 in Berlin (UTC+1 until 29 March): the early shift.
const T0 = Date.UTC(2026, 2, 10, 7, 0);
const NOW = T0 + 30 * MINUTE_MS;
const S = 1000;

/*
 * press (100/min): router (not critical) <- plc (critical) <- hmi
 * paint (50/min, none marked, so both critical): robot (depends on router) <- cam
 * oven (60/min): burner, in maintenance 08:20-08:40 local
 * yard (no cost): gate
 * pack (30/min): scanner (not critical), pack-plc (critical)
 */
const config: LinewatchConfig = aConfig({
  shifts: THREE_SHIFTS,
  lines: [
    aLine(
      'press',
      [
        anEndpoint('router'),
        anEndpoint('plc', { critical: true, dependsOn: 'router' }),
        anEndpoint('hmi', { dependsOn: 'plc' }),
      ],
      { downtimeCostPerMinute: 100 },
    ),
    aLine(
      'paint',
      [anEndpoint('robot', { dependsOn: 'router' }), anEndpoint('cam', { dependsOn: 'robot' })],
      {
        downtimeCostPerMinute: 50,
      },
    ),
    aLine('oven', [anEndpoint('burner')], { downtimeCostPerMinute: 60 }),
    aLine('yard', [anEndpoint('gate')]),
    aLine('pack', [anEndpoint('scanner'), anEndpoint('pack-plc', { critical: true })], {
      downtimeCostPerMinute: 30,
    }),
  ],
  maintenance: [aMaintenanceWindow('oven-service', ['burner'], '2026-03-10T08:20', '2026-03-10T08:40')],
});

type NewOutage = Omit<OutageRecord, 'acknowledgedAt'>;
const outage = (
  id: number,
  endpointId: string,
  startedAt: number,
  fields: Partial<NewOutage> = {},
): NewOutage => ({
  id,
  endpointId,
  startedAt,
  detectedAt: startedAt + 10 * S,
  endedAt: null,
  endedByGap: false,
  inMaintenance: false,
  secondaryOfEndpoint: null,
  secondaryOfOutage: null,
  failureKind: 'timeout',
  failureMessage: 'no reply',
  ...fields,
});

describe('alarm impact', () => {
  const tempStore = useTempStores('impact');
  let store: Store;
  let views: Map<string, AlarmView['impact']>;

  beforeEach(() => {
    ({ store } = tempStore());
    let nextId = 100;
    const history = (
      endpointId: string,
      daysAgo: number,
      repairS: number,
      fields: Partial<NewOutage> = {},
    ) => {
      const startedAt = T0 - daysAgo * DAY_MS;
      store.outages.insert(
        outage(++nextId, endpointId, startedAt, { endedAt: startedAt + repairS * S, ...fields }),
      );
    };
    const alarmOn = (o: NewOutage) => {
      store.outages.insert(o);
      store.alarms.insert({ id: o.id, outageId: o.id, endpointId: o.endpointId, raisedAt: o.detectedAt });
      if (o.endedAt !== null) store.alarms.clearForOutage(o.id, o.endedAt);
    };
    store.transaction(() => {
      // The router's counted repairs: 120 s, 300 s, 600 s -> median 300 s. Not counted: one that
      // started in maintenance, one ended by a gap, one 91 days back.
      history('router', 10, 120);
      history('router', 20, 300);
      history('router', 30, 600);
      history('router', 5, 10, { inMaintenance: true });
      history('router', 6, 5, { endedByGap: true });
      history('router', 91, 1);
      // The gate's: 60 s and 100 s -> median 80 s (even count: mean of the middle two).
      history('gate', 2, 60);
      history('gate', 3, 100);

      alarmOn(outage(1, 'router', T0));
      // Behind the router: plc (and hmi behind the plc) still down; robot 1-10 min, cam behind it 2-20 min.
      store.outages.insert(
        outage(2, 'plc', T0 + 5 * S, { secondaryOfOutage: 1, secondaryOfEndpoint: 'router' }),
      );
      store.outages.insert(
        outage(3, 'hmi', T0 + 6 * S, { secondaryOfOutage: 2, secondaryOfEndpoint: 'plc' }),
      );
      store.outages.insert(
        outage(4, 'robot', T0 + MINUTE_MS, {
          endedAt: T0 + 10 * MINUTE_MS,
          secondaryOfOutage: 1,
          secondaryOfEndpoint: 'router',
        }),
      );
      store.outages.insert(
        outage(5, 'cam', T0 + 2 * MINUTE_MS, {
          endedAt: T0 + 20 * MINUTE_MS,
          secondaryOfOutage: 4,
          secondaryOfEndpoint: 'robot',
        }),
      );
      // Down since 08:10 local; maintenance from 08:20 (it is 08:30 now).
      alarmOn(outage(6, 'burner', T0 + 10 * MINUTE_MS));
      // 05:00-05:30 local (night shift), cleared, not yet acknowledged.
      alarmOn(outage(7, 'gate', T0 - 3 * 60 * MINUTE_MS, { endedAt: T0 - 150 * MINUTE_MS }));
      alarmOn(outage(8, 'scanner', T0 + 25 * MINUTE_MS));
    });
    const list = toAlarmViews(store.alarms.active(), config, store, NOW);
    views = new Map(list.map((v) => [v.endpointId, v.impact]));
  });

  const of = (endpointId: string) => {
    const found = views.get(endpointId);
    if (!found) throw new Error(`no alarm on ${endpointId}`);
    return found;
  };

  it('affected: transitive dependants across lines, and the lines down behind the alarm now', () => {
    expect(of('router').affected).toEqual({
      endpointIds: ['cam', 'hmi', 'plc', 'robot'],
      lineIds: ['press'],
    });
    // Paint was down behind the router (robot, then cam) but is up again at 08:30.
    expect(of('scanner').affected).toEqual({ endpointIds: [], lineIds: [] });
    // A cleared alarm is seen as it was at its end: the gate (critical: yard marks none) took yard down.
    expect(of('gate').affected).toEqual({ endpointIds: [], lineIds: ['yard'] });
    // In maintenance the oven line is not down.
    expect(of('burner').affected.lineIds).toEqual([]);
  });

  it('costPerMinute: the rates of the lines it takes down now, 0 without a cost or a line', () => {
    expect(of('router').costPerMinute).toBe(100);
    expect(of('scanner').costPerMinute).toBe(0); // not critical, pack-plc is
    expect(of('gate').costPerMinute).toBe(0); // yard has no cost
    expect(of('burner').costPerMinute).toBe(0); // in maintenance
  });

  it('costSoFar: each line down behind it since started_at, without maintenance, times its rate', () => {
    // press: plc down 08:00:05-08:30 = 1795 s = 29.9167 min x 100 = 2991.67
    // paint: robot 1-10 min united with cam 2-20 min = 19 min x 50 = 950
    expect(of('router').costSoFar).toBeCloseTo((1795 / 60) * 100 + 19 * 50, 6);
    // oven: down 08:10-08:20, then maintenance: 10 min x 60
    expect(of('burner').costSoFar).toBeCloseTo(600, 6);
    expect(of('gate').costSoFar).toBe(0);
    expect(of('scanner').costSoFar).toBe(0);
  });

  it('cascadeRisk: by lines it can reach, dependants and cost', () => {
    expect(of('router').cascadeRisk).toBe('critical'); // can take press and paint down
    expect(of('gate').cascadeRisk).toBe('medium'); // takes its own line down, no dependants
    expect(of('burner').cascadeRisk).toBe('medium');
    expect(of('scanner').cascadeRisk).toBe('low');
  });

  it('expectedRecoveryS: median of the counted repairs of the 90 days before, null without', () => {
    expect(of('router').expectedRecoveryS).toBe(300);
    expect(of('gate').expectedRecoveryS).toBe(80);
    expect(of('scanner').expectedRecoveryS).toBeNull();
  });

  it('shift: the shift in which the outage started', () => {
    expect(of('router').shift).toEqual({ id: 'early', name: 'Early shift' });
    expect(of('gate').shift).toEqual({ id: 'night', name: 'Night shift' });
    const noShifts = toAlarmViews(store.alarms.active(), { ...config, shifts: [] }, store, NOW);
    expect(noShifts.map((v) => v.impact.shift)).toEqual([null, null, null, null]);
  });

  it('severity: from cost, lines and cascade risk; never above low in maintenance', () => {
    expect(of('router').severity).toBe('critical'); // costs money now, cascade critical
    expect(of('gate').severity).toBe('high'); // took a line down
    expect(of('scanner').severity).toBe('low');
    expect(of('burner')).toMatchObject({ inMaintenance: true, severity: 'low' }); // medium otherwise
    expect(of('router').inMaintenance).toBe(false);
  });

  it("reads the alarms' outages by id, one query per level of secondaries, one for the repairs", () => {
    const overlapping = vi.spyOn(store.outages, 'overlapping');
    const byIds = vi.spyOn(store.outages, 'byIds');
    const secondariesOf = vi.spyOn(store.outages, 'secondariesOf');
    const repairs = vi.spyOn(store.outages, 'repairs');
    toAlarmViews(store.alarms.active(), config, store, NOW);
    expect(byIds).toHaveBeenCalledTimes(1);
    // The router's tree is 3 levels deep: {plc, robot}, {hmi, cam}, then nothing.
    expect(secondariesOf.mock.calls.map(([ids]) => [...ids].sort((a, b) => a - b))).toEqual([
      [1, 6, 7, 8],
      [2, 4],
      [3, 5],
    ]);
    expect(repairs).toHaveBeenCalledTimes(1);
    expect(repairs.mock.calls[0]?.[0]).toEqual(
      expect.arrayContaining(['router', 'burner', 'gate', 'scanner']),
    );
    // Never a scan of the whole history.
    expect(overlapping).not.toHaveBeenCalled();
  });
});

describe('cascade risk and severity by the number of dependants', () => {
  /** A hub on a line whose critical endpoint is another, with `count` non-critical dependants. */
  const hubWith = (count: number, cost: number | null = 40) =>
    impactTopology(
      aConfig({
        lines: [
          aLine(
            'line',
            [
              anEndpoint('main-plc', { critical: true }),
              anEndpoint('hub'),
              ...Array.from({ length: count }, (_, i) => anEndpoint(`dev-${i}`, { dependsOn: 'hub' })),
            ],
            { downtimeCostPerMinute: cost },
          ),
        ],
      }),
    );
  const impactOf = (count: number) =>
    computeImpact(hubWith(count), {
      outage: { id: 1, endpointId: 'hub', startedAt: T0, endedAt: null },
      secondaries: [],
      repairsMs: [],
      nowMs: NOW,
    });

  it('1-4 dependants: medium; 5-9: high; 10 or more: critical (severity follows)', () => {
    expect([1, 4, 5, 9, 10].map((n) => [impactOf(n).cascadeRisk, impactOf(n).severity])).toEqual([
      ['medium', 'medium'],
      ['medium', 'medium'],
      ['high', 'high'],
      ['high', 'high'],
      ['critical', 'critical'],
    ]);
    expect(impactOf(0)).toMatchObject({ cascadeRisk: 'low', severity: 'low', costPerMinute: 0 });
  });

  it('a critical endpoint of a line with a cost and a dependant is high; with cost down now, critical', () => {
    const topology = impactTopology(
      aConfig({
        lines: [
          aLine('line', [anEndpoint('plc', { critical: true }), anEndpoint('hmi', { dependsOn: 'plc' })], {
            downtimeCostPerMinute: 40,
          }),
        ],
      }),
    );
    const impact = computeImpact(topology, {
      outage: { id: 1, endpointId: 'plc', startedAt: T0, endedAt: null },
      secondaries: [],
      repairsMs: [],
      nowMs: T0 + 90 * S,
    });
    expect(impact).toMatchObject({
      cascadeRisk: 'high',
      severity: 'critical',
      costPerMinute: 40,
      costSoFar: 60,
    });
  });

  it('computes the topology once per config object', () => {
    const c = aConfig();
    expect(impactTopology(c)).toBe(impactTopology(c));
    expect(impactTopology({ ...c })).not.toBe(impactTopology(c));
  });
});
