import { describe, expect, it } from 'vitest';
import {
  applyCheck,
  initialMachineState,
  type MachineState,
  type Transition,
} from '@src/main/monitor/state-machine';

const MIN = 60_000;
const T0 = Date.parse('2026-01-05T14:00:00Z');
const thresholds = { downAfter: 2, upAfter: 2, intervalMs: 5 * MIN };

function feed(checks: [number, boolean][]): { machine: MachineState; transitions: Transition[] } {
  let machine = initialMachineState();
  const transitions: Transition[] = [];
  for (const [minute, ok] of checks) {
    const step = applyCheck(machine, { ts: T0 + minute * MIN, ok }, thresholds);
    machine = step.machine;
    transitions.push(...step.transitions);
  }
  return { machine, transitions };
}

describe('endpoint state machine (spec §3)', () => {
  it('follows the worked example: up backdated to 14:00, down 14:10, up again 14:20', () => {
    const { transitions, machine } = feed([
      [0, true],
      [5, true],
      [10, false],
      [15, false],
      [20, true],
      [25, true],
    ]);
    expect(transitions.map((t) => [t.to, (t.since - T0) / MIN, (t.decidedAt - T0) / MIN])).toEqual([
      ['up', 0, 5],
      ['down', 10, 15],
      ['up', 20, 25],
    ]);
    expect(machine.state).toBe('up');
    expect(machine.since).toBe(T0 + 20 * MIN);
  });

  it('starts unknown and a streak short of its threshold changes nothing', () => {
    const first = feed([[0, true]]);
    expect(first.machine.state).toBe('unknown');
    const blip = feed([
      [0, true],
      [5, true],
      [10, false],
      [15, true],
    ]);
    expect(blip.transitions.map((t) => t.to)).toEqual(['up']);
    expect(blip.machine.state).toBe('up');
  });

  it('resets to unknown after a gap longer than 2.5 intervals, from a.ts + I', () => {
    const { transitions, machine } = feed([
      [0, false],
      [5, false],
      // 13 minutes later: more than 2.5 x 5 minutes.
      [18, true],
    ]);
    expect(transitions.map((t) => [t.to, (t.since - T0) / MIN, t.byGap])).toEqual([
      ['down', 0, false],
      ['unknown', 10, true],
    ]);
    expect(machine.state).toBe('unknown');
    expect(machine.okStreak).toBe(1);
  });

  it('a distance of exactly 2.5 intervals is not a gap', () => {
    const { transitions } = feed([
      [0, true],
      [5, true],
      [17.5, true],
    ]);
    expect(transitions.map((t) => t.to)).toEqual(['up']);
  });
});

describe('near misses (issue 12): failed streaks that a success ends before down_after', () => {
  const three = { ...thresholds, downAfter: 3 };
  const nearMissesOf = (checks: [number, boolean][], limits = three) => {
    let machine = initialMachineState();
    const found: [number, number, number][] = [];
    for (const [minute, ok] of checks) {
      const step = applyCheck(machine, { ts: T0 + minute * MIN, ok }, limits);
      machine = step.machine;
      if (step.nearMiss) {
        const { startedAt, endedAt, failedChecks } = step.nearMiss;
        found.push([(startedAt - T0) / MIN, (endedAt - T0) / MIN, failedChecks]);
      }
    }
    return found;
  };

  it('records start (first failure), end (the success) and the failed checks', () => {
    expect(
      nearMissesOf([
        [0, true],
        [5, true],
        [10, false],
        [15, true],
        [20, false],
        [25, false],
        [30, true],
      ]),
    ).toEqual([
      [10, 15, 1],
      [20, 30, 2],
    ]);
  });

  it('is not a near miss when the streak went down, ends while down, or was cut by a gap', () => {
    expect(
      nearMissesOf([
        [0, true],
        [5, true],
        [10, false],
        [15, false],
        [20, false], // down
        [25, true],
        [30, false], // a short streak while still down
        [35, true],
        [40, true], // up
        [45, false],
        [60, true], // 15 minutes later: a gap, the streak is gone
      ]),
    ).toEqual([]);
    // down_after 1: every failure is an outage, none is a near miss.
    expect(
      nearMissesOf(
        [
          [0, true],
          [5, false],
          [10, true],
        ],
        { ...thresholds, downAfter: 1 },
      ),
    ).toEqual([]);
  });
});
