// The interval arithmetic under the KPIs, on small hand-made timelines (plain numbers as ms).
import { describe, expect, it } from 'vitest';
import {
  classTotals,
  covers,
  lineSegments,
  overlayMaintenance,
  stateSegments,
  totalsWithin,
} from '../../../src/main/kpi/timeline';

describe('timeline', () => {
  it('tiles [lo, hi): unknown before the first change and after the last interval end', () => {
    // up@10, down@20, unknown@30 (gap start), up@40; last interval ends at 45; span 0-50.
    const segs = stateSegments(
      [
        { state: 'up', since: 10 },
        { state: 'down', since: 20 },
        { state: 'unknown', since: 30 },
        { state: 'up', since: 40 },
      ],
      45,
      0,
      50,
    );
    expect(segs.map((s) => [s.cls, s.start, s.end])).toEqual([
      ['unknown', 0, 10],
      ['up', 10, 20],
      ['down', 20, 30],
      ['unknown', 30, 40],
      ['up', 40, 45],
      ['unknown', 45, 50],
    ]);
    expect(classTotals(segs, 5, 50)).toEqual({ up: 15, down: 10, maintenance: 0, unknown: 20 });
  });

  it('a change long before the span still gives the state at its start', () => {
    const segs = stateSegments([{ state: 'down', since: -1000 }], 1000, 0, 100);
    expect(segs).toEqual([{ cls: 'down', start: 0, end: 100 }]);
  });

  it('maintenance overrides any state and merges with neighbours of its class', () => {
    const segs = stateSegments(
      [
        { state: 'up', since: 0 },
        { state: 'down', since: 50 },
      ],
      100,
      0,
      100,
    );
    const over = overlayMaintenance(segs, [
      { start: 40, end: 60 },
      { start: 90, end: 120 },
    ]);
    expect(over.map((s) => [s.cls, s.start, s.end])).toEqual([
      ['up', 0, 40],
      ['maintenance', 40, 60],
      ['down', 60, 90],
      ['maintenance', 90, 100],
    ]);
  });

  it('line: down beats maintenance beats unknown beats up', () => {
    const a = overlayMaintenance(
      stateSegments(
        [
          { state: 'up', since: 0 },
          { state: 'down', since: 30 },
        ],
        40,
        0,
        60,
      ),
      [{ start: 10, end: 20 }],
    );
    // a: up 0-10, maintenance 10-20, up 20-30, down 30-40, unknown 40-60.
    const b = stateSegments(
      [
        { state: 'up', since: 0 },
        { state: 'down', since: 50 },
      ],
      60,
      0,
      60,
    );
    // b: up 0-50, down 50-60.
    expect(lineSegments([a, b], 0, 60).map((s) => [s.cls, s.start, s.end])).toEqual([
      ['up', 0, 10],
      ['maintenance', 10, 20],
      ['up', 20, 30],
      ['down', 30, 40],
      ['unknown', 40, 50],
      ['down', 50, 60],
    ]);
    expect(lineSegments([], 0, 60)).toEqual([{ cls: 'unknown', start: 0, end: 60 }]);
  });

  it('totals within several intervals and the binary search', () => {
    const segs = stateSegments(
      [
        { state: 'up', since: 0 },
        { state: 'down', since: 50 },
      ],
      100,
      0,
      100,
    );
    const shifts = [
      { start: 40, end: 60 },
      { start: 80, end: 90 },
    ];
    expect(totalsWithin(segs, shifts)).toEqual({ up: 10, down: 20, maintenance: 0, unknown: 0 });
    expect([39, 40, 59, 60, 85, 90].map((ts) => covers(shifts, ts))).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
    ]);
  });
});
