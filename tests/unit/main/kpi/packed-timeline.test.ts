// The interval arithmetic under the KPIs, on small hand-made timelines (plain numbers as ms).
import { describe, expect, it } from 'vitest';
import type { EndpointStateName } from '@src/main/kpi/timeline';
import { covers } from '@src/main/kpi/timeline';
import {
  DOWN,
  MAINTENANCE,
  UNKNOWN,
  UP,
  TimelineBuilder,
  buildStates,
  downRuns,
  lineTimeline,
  overlayWindows,
  packedTotals,
  type PackedTimeline,
} from '@src/main/kpi/packed-timeline';

const NAME = { [UP]: 'up', [DOWN]: 'down', [MAINTENANCE]: 'maintenance', [UNKNOWN]: 'unknown' } as const;

/** A timeline as [class, start, end] rows, to compare against the hand-worked segments. */
function rows(t: PackedTimeline): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (let i = 0; i < t.length; i++) {
    const cls = t.classes[i] as keyof typeof NAME;
    out.push([NAME[cls], t.starts[i] ?? NaN, i + 1 < t.length ? (t.starts[i + 1] ?? NaN) : t.end]);
  }
  return out;
}

/** An endpoint's state timeline over [lo, hi), copied out of its (reused) builder. */
function states(
  changes: readonly { state: EndpointStateName; since: number }[],
  lastEnd: number,
  lo: number,
  hi: number,
): PackedTimeline {
  const b = new TimelineBuilder();
  buildStates(b, changes, lastEnd, lo, hi);
  return b.snapshot();
}

function overlay(src: PackedTimeline, windows: readonly { start: number; end: number }[]): PackedTimeline {
  const b = new TimelineBuilder();
  overlayWindows(src, windows, b);
  return b.snapshot();
}

describe('packed timeline', () => {
  it('tiles [lo, hi): unknown before the first change and after the last interval end', () => {
    // up@10, down@20, unknown@30 (gap start), up@40; last interval ends at 45; span 0-50.
    const t = states(
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
    expect(rows(t)).toEqual([
      ['unknown', 0, 10],
      ['up', 10, 20],
      ['down', 20, 30],
      ['unknown', 30, 40],
      ['up', 40, 45],
      ['unknown', 45, 50],
    ]);
    expect(packedTotals(t, [{ start: 5, end: 50 }])).toEqual({
      up: 15,
      down: 10,
      maintenance: 0,
      unknown: 20,
    });
  });

  it('a change long before the span still gives the state at its start', () => {
    const t = states([{ state: 'down', since: -1000 }], 1000, 0, 100);
    expect(rows(t)).toEqual([['down', 0, 100]]);
  });

  it('maintenance overrides any state and merges with neighbours of its class', () => {
    const t = states(
      [
        { state: 'up', since: 0 },
        { state: 'down', since: 50 },
      ],
      100,
      0,
      100,
    );
    const over = overlay(t, [
      { start: 40, end: 60 },
      { start: 90, end: 120 },
    ]);
    expect(rows(over)).toEqual([
      ['up', 0, 40],
      ['maintenance', 40, 60],
      ['down', 60, 90],
      ['maintenance', 90, 100],
    ]);
  });

  it('line: down beats maintenance beats unknown beats up', () => {
    const a = overlay(
      states(
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
    const b = states(
      [
        { state: 'up', since: 0 },
        { state: 'down', since: 50 },
      ],
      60,
      0,
      60,
    );
    // b: up 0-50, down 50-60.
    const line = lineTimeline([a, b], 0, 60);
    expect(rows(line)).toEqual([
      ['up', 0, 10],
      ['maintenance', 10, 20],
      ['up', 20, 30],
      ['down', 30, 40],
      ['unknown', 40, 50],
      ['down', 50, 60],
    ]);
    expect(downRuns(line)).toEqual([
      { start: 30, end: 40 },
      { start: 50, end: 60 },
    ]);
    expect(rows(lineTimeline([], 0, 60))).toEqual([['unknown', 0, 60]]);
  });

  it('totals within several intervals and the binary search', () => {
    const t = states(
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
    expect(packedTotals(t, shifts)).toEqual({ up: 10, down: 20, maintenance: 0, unknown: 0 });
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
