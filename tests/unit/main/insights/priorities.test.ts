// The maintenance priority list: the score and the order (worked by hand), each action rule of the
// table in priorities.ts, the reason text, and the group-degradation detector.
import { describe, expect, it } from 'vitest';
import type { LinewatchConfig } from '@src/main/config';
import { importChecksFile } from '@src/main/import/import-checks';
import type { HistoryOutage } from '@src/main/insights/actions';
import { detectGroupDegradation } from '@src/main/insights/group-degradation';
import { HISTORY_MS, rankPriorities } from '@src/main/insights/priorities';
import type { InsightWarning, WarningKind } from '@src/main/insights/warning';
import { MINUTE_MS } from '@src/shared/time';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { writeChecks } from '../../../support/import-fixture';
import { useTempStores } from '../../../support/temp-store';

const T0 = Date.UTC(2026, 2, 10, 7, 0);
const S = 1000;

function aWarning(
  endpointId: string,
  kind: WarningKind,
  score: number,
  fields: Partial<InsightWarning> = {},
): InsightWarning {
  return {
    endpointId,
    lineId: '',
    kind,
    score,
    startedAt: T0,
    endedAt: null,
    baseline: { rttMs: 1.2, loss: 0 },
    observed: { rttMs: 9.8, loss: 0.03 },
    reason: `${kind} on ${endpointId}`,
    ...fields,
  };
}

/*
 * press (850/min): press1-switch (not critical) <- press1-plc (critical) <- press1-hmi (not critical)
 * yard (no cost, none marked so all critical): gate
 * pack (30/min): scanner (not critical), pack-plc (critical)
 */
const config: LinewatchConfig = aConfig({
  lines: [
    aLine(
      'press-1',
      [
        anEndpoint('press1-switch', { name: 'Press 1 access switch', type: 'switch' }),
        anEndpoint('press1-plc', { name: 'Press 1 PLC', critical: true, dependsOn: 'press1-switch' }),
        anEndpoint('press1-hmi', { name: 'Press 1 HMI', dependsOn: 'press1-plc' }),
      ],
      { name: 'Press line 1', downtimeCostPerMinute: 850 },
    ),
    aLine('yard', [anEndpoint('gate', { name: 'Gate' })], { name: 'Yard' }),
    aLine('pack', [anEndpoint('scanner', { name: 'Scanner' }), anEndpoint('pack-plc', { critical: true })], {
      name: 'Packing',
      downtimeCostPerMinute: 30,
    }),
  ],
});

const rank = (warnings: InsightWarning[], outages: HistoryOutage[] = []) =>
  rankPriorities({ warnings, config, outages });

describe('rankPriorities: score and order', () => {
  it('multiplies score, criticality, cost rate and 1 + dependants, normalised to the top entry', () => {
    // raw: switch 0.5 × 1 (its dependant plc is critical) × 850 × (1 + 2) = 1275
    //      plc    0.9 × 1 × 850 × (1 + 1) = 1530
    //      hmi    1.0 × 0.25 × 850 × 1 = 212.5
    //      gate   1.0 × 1 × max(1, 0) × 1 = 1
    //      scanner 1.0 × 0.25 × 30 × 1 = 7.5
    const list = rank([
      aWarning('gate', 'rtt_rise', 1),
      aWarning('press1-hmi', 'rtt_rise', 1),
      aWarning('press1-switch', 'rtt_rise', 0.5),
      aWarning('scanner', 'rtt_rise', 1),
      aWarning('press1-plc', 'rtt_rise', 0.9),
    ]);
    expect(list.map((p) => [p.rank, p.endpointId, p.lineId])).toEqual([
      [1, 'press1-plc', 'press-1'],
      [2, 'press1-switch', 'press-1'],
      [3, 'press1-hmi', 'press-1'],
      [4, 'scanner', 'pack'],
      [5, 'gate', 'yard'],
    ]);
    const expected = [1, 1275 / 1530, 212.5 / 1530, 7.5 / 1530, 1 / 1530];
    list.forEach((p, i) => {
      expect(p.score).toBeCloseTo(expected[i] ?? NaN, 12);
    });
  });

  it('keeps one entry per endpoint, scored by its strongest warning, the others in the reason', () => {
    const list = rank([
      aWarning('press1-plc', 'loss_rise', 0.3),
      aWarning('press1-plc', 'rtt_rise', 0.8),
      aWarning('press1-plc', 'flapping', 0.2),
    ]);
    expect(list).toHaveLength(1);
    expect(list[0]?.score).toBe(1);
    expect(list[0]?.reason).toBe(
      'Press 1 PLC: RTT 9.8 ms against 1.2 ms; critical for Press line 1 at 850/min; ' +
        '1 device depends on it; also loss rise, flapping',
    );
  });

  it('breaks ties by warning score, then line id, then endpoint id, whatever the input order', () => {
    // Equal raw (1 × 1 × 1 × 1) on the yard line and on a second line without a cost.
    const tied = aConfig({
      lines: [aLine('b-line', [anEndpoint('b2'), anEndpoint('b1')]), aLine('a-line', [anEndpoint('a1')])],
    });
    const warnings = [
      aWarning('b2', 'rtt_rise', 1),
      aWarning('a1', 'rtt_rise', 1),
      aWarning('b1', 'rtt_rise', 1),
    ];
    const orders = [warnings, [...warnings].reverse()].map((w) =>
      rankPriorities({ warnings: w, config: tied, outages: [] }).map((p) => p.endpointId),
    );
    expect(orders).toEqual([
      ['a1', 'b1', 'b2'],
      ['a1', 'b1', 'b2'],
    ]);
  });

  it('is empty without warnings and ignores warnings of endpoints no longer in the config', () => {
    expect(rank([])).toEqual([]);
    expect(rank([aWarning('gone', 'rtt_rise', 1)])).toEqual([]);
  });

  it('explains a non-critical endpoint whose dependant takes the line down, and one that takes none', () => {
    const [switchEntry, scannerEntry] = rank([
      aWarning('press1-switch', 'rtt_rise', 1),
      aWarning('scanner', 'rtt_rise', 0.1, {
        baseline: { rttMs: 2, loss: 0 },
        observed: { rttMs: 40, loss: 0 },
      }),
    ]);
    expect(switchEntry?.reason).toBe(
      'Press 1 access switch: RTT 9.8 ms against 1.2 ms; its failure takes down Press line 1 at 850/min; ' +
        '2 devices depend on it',
    );
    expect(scannerEntry?.reason).toBe('Scanner: RTT 40 ms against 2.0 ms; not critical for Packing');
  });
});

describe('rankPriorities: recommended actions', () => {
  const actionOf = (warnings: InsightWarning[], outages: HistoryOutage[] = []): string | undefined =>
    rank(warnings, outages)[0]?.action;

  it('loss rises: check the port or cable (also when RTT rises with it)', () => {
    expect(actionOf([aWarning('gate', 'loss_rise', 0.5)])).toBe('check the port or cable');
    expect(actionOf([aWarning('gate', 'rtt_rise', 0.9), aWarning('gate', 'loss_rise', 0.2)])).toBe(
      'check the port or cable',
    );
  });

  it('flapping: raise down_after, naming the current value', () => {
    const flappy = aConfig({ lines: [aLine('l', [anEndpoint('e', { downAfter: 3 })])] });
    const list = rankPriorities({ warnings: [aWarning('e', 'flapping', 0.7)], config: flappy, outages: [] });
    expect(list[0]?.action).toBe('raise down_after (now 3)');
  });

  it('near misses growing week over week: plan a replacement, quoting the weeks', () => {
    // Without a trend handed in, the near-miss warning alone takes the row.
    expect(actionOf([aWarning('gate', 'near_misses', 0.6)])).toBe('plan a replacement');
    const trends = (growing: boolean) =>
      new Map([['gate', { weeklyCounts: growing ? [2, 5, 9] : [6, 3, 7], growing }]]);
    const growing = rankPriorities({
      warnings: [aWarning('gate', 'rtt_rise', 0.6), aWarning('gate', 'near_misses', 0.4)],
      config,
      outages: [],
      nearMissTrends: trends(true),
    })[0];
    expect(growing?.action).toBe('plan a replacement');
    expect(growing?.reason).toBe(
      'Gate: RTT 9.8 ms against 1.2 ms; critical for Yard (no downtime cost set); ' +
        'also near misses rising; near misses grew week over week (2, 5, 9)',
    );
    const steady = rankPriorities({
      warnings: [aWarning('gate', 'near_misses', 0.6)],
      config,
      outages: [],
      nearMissTrends: trends(false),
    })[0];
    expect(steady?.action).toBe('check the port or cable');
  });

  it('RTT rise alone: check load and the network path; a threshold on loss: the port or cable', () => {
    expect(actionOf([aWarning('gate', 'rtt_rise', 0.6)])).toBe('check load and the network path');
    const rttOnly = { baseline: { rttMs: 50, loss: null }, observed: { rttMs: 80, loss: null } };
    expect(actionOf([aWarning('gate', 'threshold', 0.6, rttOnly)])).toBe('check load and the network path');
    const loss = { baseline: { rttMs: null, loss: 0.02 }, observed: { rttMs: null, loss: 0.05 } };
    expect(actionOf([aWarning('gate', 'threshold', 0.6, loss)])).toBe('check the port or cable');
  });

  it('a group degradation on a parent: check the uplink, ahead of its own loss rise', () => {
    expect(
      actionOf([
        aWarning('press1-switch', 'loss_rise', 0.9),
        aWarning('press1-switch', 'group_degradation', 0.5),
      ]),
    ).toBe('check the uplink');
  });

  describe('a child whose outages always follow another endpoint without depends_on', () => {
    // gate (10 s interval, no depends_on) goes down right after press1-switch each time.
    const outage = (endpointId: string, startedAt: number, inMaintenance = false): HistoryOutage => ({
      endpointId,
      startedAt,
      inMaintenance,
    });
    const parentStarts = [0, 60, 120, 180].map((m) => T0 + m * MINUTE_MS);

    it('is told to add depends_on, with the reason', () => {
      const outages = [
        ...parentStarts.map((t) => outage('press1-switch', t)),
        outage('gate', parentStarts[0] ?? 0),
        outage('gate', (parentStarts[1] ?? 0) + 20 * S), // 2 intervals after: still follows
        outage('gate', (parentStarts[2] ?? 0) - 5 * S), // the parent checked later: within its interval
      ];
      const [entry] = rank([aWarning('gate', 'loss_rise', 0.5)], outages);
      expect(entry?.action).toBe('add depends_on: press1-switch');
      expect(entry?.reason).toContain(
        "each of its last 3 outages began right after one of Press 1 access switch's",
      );
    });

    it('is not told when one outage is on its own, when it had fewer than 3, or when one is too late', () => {
      const follow = parentStarts.slice(0, 3).map((t) => outage('gate', t + S));
      const parents = parentStarts.map((t) => outage('press1-switch', t));
      const cases = [
        [...parents, ...follow, outage('gate', T0 + 30 * MINUTE_MS)],
        [...parents, ...follow.slice(0, 2)],
        [...parents, ...follow.slice(0, 2), outage('gate', (parentStarts[2] ?? 0) + 21 * S)],
        // Outages in maintenance do not count: only two remain.
        [...parents, ...follow.slice(0, 2), outage('gate', (parentStarts[2] ?? 0) + S, true)],
      ];
      for (const outages of cases) {
        expect(actionOf([aWarning('gate', 'loss_rise', 0.5)], outages)).toBe('check the port or cable');
      }
    });

    it('proposes the deepest parent, never one that depends on the child or fails less often', () => {
      // scanner (4 outages) follows press1-plc (5) and press1-switch (6), the plc behind the switch:
      // the plc wins. press1-switch follows them too, but the plc depends on it and the scanner
      // fails less often: no proposal. press1-plc already has depends_on: the rule does not apply.
      const extra = T0 + 200 * MINUTE_MS;
      const outages = [
        ...parentStarts.flatMap((t) => [
          outage('press1-switch', t),
          outage('press1-plc', t + S),
          outage('scanner', t + 2 * S),
        ]),
        outage('press1-switch', extra),
        outage('press1-plc', extra + S),
        outage('press1-switch', extra + 20 * MINUTE_MS),
      ];
      const list = rank(
        ['scanner', 'press1-switch', 'press1-plc'].map((id) => aWarning(id, 'loss_rise', 0.5)),
        outages,
      );
      const actions = Object.fromEntries(list.map((p) => [p.endpointId, p.action]));
      expect(actions).toEqual({
        scanner: 'add depends_on: press1-plc',
        'press1-switch': 'check the port or cable',
        'press1-plc': 'check the port or cable',
      });
    });

    it('proposes nothing between two non-switches that fail equally often (who follows is unknown)', () => {
      const outages = parentStarts.flatMap((t) => [outage('gate', t), outage('scanner', t + S)]);
      const list = rank([aWarning('gate', 'loss_rise', 0.5), aWarning('scanner', 'loss_rise', 0.5)], outages);
      expect(list.map((p) => p.action)).toEqual(['check the port or cable', 'check the port or cable']);
    });
  });
});

describe('rankPriorities on outages recorded through the import path', () => {
  const setup = useTempStores('priorities');

  it('tells a camera without depends_on that always goes down with its switch to depend on it', () => {
    // Both checked every minute; three times both fail for two checks (down_after 2) in the same minute.
    const plant = aConfig({
      lines: [
        aLine('cell', [
          anEndpoint('cell-switch', { name: 'Cell switch', type: 'switch', intervalMs: MINUTE_MS }),
          anEndpoint('cell-cam', { name: 'Cell camera', type: 'camera', intervalMs: MINUTE_MS }),
        ]),
      ],
    });
    const failing = new Set([30, 31, 90, 91, 150, 151]);
    const checks: [string, number, boolean][] = [];
    for (let minute = 0; minute < 180; minute++) {
      for (const id of ['cell-switch', 'cell-cam']) checks.push([id, minute, !failing.has(minute)]);
    }
    const { dir, store } = setup();
    const base = '2026-01-05T14:00:00Z';
    const outcome = importChecksFile(writeChecks(dir, 'checks.jsonl', base, checks), plant, store);
    expect(outcome.ok).toBe(true);
    const to = Date.parse(base) + 180 * MINUTE_MS;
    const outages = store.outages.startedIn(to - HISTORY_MS, to);
    expect(outages.map((o) => o.endpointId).sort()).toEqual([
      'cell-cam',
      'cell-cam',
      'cell-cam',
      'cell-switch',
      'cell-switch',
      'cell-switch',
    ]);
    const list = rankPriorities({
      warnings: [aWarning('cell-cam', 'loss_rise', 0.6), aWarning('cell-switch', 'loss_rise', 0.5)],
      config: plant,
      outages,
    });
    expect(Object.fromEntries(list.map((p) => [p.endpointId, p.action]))).toEqual({
      'cell-cam': 'add depends_on: cell-switch',
      // As many outages as the camera and a switch: the camera is not proposed as its parent.
      'cell-switch': 'check the port or cable',
    });
  });
});

describe('detectGroupDegradation', () => {
  // A cell switch with four devices behind it, and a line without depends_on but with a switch.
  const cell: LinewatchConfig = aConfig({
    lines: [
      aLine('cell', [
        anEndpoint('cell-switch', { name: 'Cell switch', type: 'switch' }),
        ...['r1', 'r2', 'r3', 'r4'].map((id) => anEndpoint(id, { dependsOn: 'cell-switch' })),
      ]),
      aLine('flat', [
        anEndpoint('flat-switch', { name: 'Flat switch', type: 'switch' }),
        anEndpoint('f1'),
        anEndpoint('f2'),
      ]),
    ],
  });
  const at = (minutes: number): number => T0 + minutes * MINUTE_MS;

  it('raises on the parent while half or more of the devices behind it degrade at once', () => {
    const found = detectGroupDegradation(
      [
        aWarning('r1', 'rtt_rise', 0.8, {
          startedAt: at(0),
          endedAt: at(30),
          baseline: { rttMs: 1, loss: 0 },
          observed: { rttMs: 9, loss: 0 },
        }),
        aWarning('r2', 'loss_rise', 0.6, {
          startedAt: at(10),
          endedAt: at(40),
          baseline: { rttMs: 3, loss: 0 },
          observed: { rttMs: 11, loss: 0.1 },
        }),
        aWarning('r3', 'rtt_rise', 1, {
          startedAt: at(20),
          endedAt: null,
          baseline: { rttMs: 2, loss: 0 },
          observed: { rttMs: 10, loss: 0 },
        }),
        aWarning('cell-switch', 'rtt_rise', 1, { startedAt: at(0) }), // its own: not a member
      ],
      cell,
    );
    // Two or more members active: 00:10 (r1, r2) until 00:40 (r2 ends, r3 alone).
    expect(found).toEqual([
      {
        endpointId: 'cell-switch',
        lineId: 'cell',
        kind: 'group_degradation',
        score: ((0.8 + 0.6 + 1) / 3) * (3 / 4),
        startedAt: at(10),
        endedAt: at(40),
        baseline: { rttMs: 2, loss: 0 },
        observed: { rttMs: 10, loss: 0 },
        reason:
          '3 of 4 devices behind Cell switch degraded at once (loss rise, rtt rise): points at it or its uplink',
      },
    ]);
  });

  it('stays quiet for one degrading device, for spans that only touch, and ignores its own output', () => {
    const one = [aWarning('r1', 'rtt_rise', 0.8)];
    expect(detectGroupDegradation(one, cell)).toEqual([]);
    const touching = [
      aWarning('r1', 'rtt_rise', 0.8, { startedAt: at(0), endedAt: at(10) }),
      aWarning('r2', 'rtt_rise', 0.8, { startedAt: at(10), endedAt: at(20) }),
    ];
    expect(detectGroupDegradation(touching, cell)).toEqual([]);
    const group = [aWarning('r1', 'rtt_rise', 0.8), aWarning('r2', 'rtt_rise', 0.8)];
    const first = detectGroupDegradation(group, cell);
    expect(first).toHaveLength(1);
    expect(detectGroupDegradation([...group, ...first], cell)).toEqual(first);
  });

  it("raises on a flat line's switch only when all its other devices degrade at once", () => {
    const f1 = aWarning('f1', 'rtt_rise', 0.5, { startedAt: at(0), endedAt: null });
    expect(detectGroupDegradation([f1], cell)).toEqual([]);
    const both = detectGroupDegradation([f1, aWarning('f2', 'rtt_rise', 0.5, { startedAt: at(5) })], cell);
    expect(both.map((w) => [w.endpointId, w.lineId, w.startedAt, w.endedAt, w.score])).toEqual([
      ['flat-switch', 'flat', at(5), null, 0.5],
    ]);
  });

  it('points at the deepest parent that explains it: the switch, not the router above it', () => {
    const tree = aConfig({
      lines: [
        aLine('hall', [
          anEndpoint('router', { type: 'switch' }),
          anEndpoint('sw-a', { type: 'switch', dependsOn: 'router' }),
          ...['a1', 'a2', 'a3'].map((id) => anEndpoint(id, { dependsOn: 'sw-a' })),
          anEndpoint('sw-b', { type: 'switch', dependsOn: 'router' }),
          ...['b1', 'b2'].map((id) => anEndpoint(id, { dependsOn: 'sw-b' })),
        ]),
      ],
    });
    // router: 7 dependants, 4 needed; sw-a: 3, 2 needed.
    const behindA = ['sw-a', 'a1', 'a2', 'a3'].map((id) => aWarning(id, 'rtt_rise', 0.8));
    expect(detectGroupDegradation(behindA, tree).map((w) => w.endpointId)).toEqual(['sw-a']);
    const spread = [...behindA.slice(1), aWarning('b1', 'rtt_rise', 0.8)];
    expect(detectGroupDegradation(spread, tree).map((w) => w.endpointId)).toEqual(['router', 'sw-a']);
  });

  it('feeds the priority list: the parent ranks with check the uplink', () => {
    const members = ['r1', 'r2', 'r3'].map((id) => aWarning(id, 'rtt_rise', 0.8));
    const warnings = [...members, ...detectGroupDegradation(members, cell)];
    const list = rankPriorities({ warnings, config: cell, outages: [] });
    expect(list[0]?.endpointId).toBe('cell-switch');
    expect(list[0]?.action).toBe('check the uplink');
    expect(list[0]?.reason).toMatch(
      /^Cell switch: devices behind it degrading together \(RTT 9\.8 ms against 1\.2 ms, loss 3\.0 % against 0\.0 %\); critical for cell \(no downtime cost set\); 4 devices depend on it$/,
    );
  });
});
