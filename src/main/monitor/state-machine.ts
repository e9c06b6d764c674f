// The per-endpoint state machine of the KPI spec (§3 "Checks and state", "Segments"): thresholds
// with backdating, and a monitoring gap that resets to unknown. Pure: the live monitor and
// `linewatch import` feed it the same way.
import type { EndpointState, MachineState } from '../../shared/domain/endpoint';

export type { MachineState };

export interface Thresholds {
  downAfter: number;
  upAfter: number;
  intervalMs: number;
}

export interface Transition {
  from: EndpointState;
  to: EndpointState;
  /** When the new state holds from: the first check of the streak, or the gap start. */
  since: number;
  /** The moment the machine decided: the check that completed the streak, or the gap start. */
  decidedAt: number;
  /** True when a monitoring gap forced the machine back to unknown. */
  byGap: boolean;
}

/**
 * A failed streak that a success ended before it reached `downAfter` while the endpoint was not
 * down (issue 12): no state change, but an early sign of a failing port or card.
 */
export interface NearMiss {
  /** The streak's first failed check. */
  startedAt: number;
  /** The successful check that ended it. */
  endedAt: number;
  failedChecks: number;
}

export const initialMachineState = (): MachineState => ({
  state: 'unknown',
  since: null,
  okStreak: 0,
  okStreakStart: null,
  failStreak: 0,
  failStreakStart: null,
  lastCheckTs: null,
});

/** A gap is a distance between consecutive checks of more than 2.5 intervals. */
export const GAP_FACTOR = 2.5;

export function applyCheck(
  machine: MachineState,
  check: { ts: number; ok: boolean },
  thresholds: Thresholds,
): { machine: MachineState; transitions: Transition[]; nearMiss: NearMiss | null } {
  const transitions: Transition[] = [];
  let nearMiss: NearMiss | null = null;
  let current = machine;
  if (current.lastCheckTs !== null && check.ts - current.lastCheckTs > GAP_FACTOR * thresholds.intervalMs) {
    const gapStart = current.lastCheckTs + thresholds.intervalMs;
    if (current.state !== 'unknown') {
      transitions.push({
        from: current.state,
        to: 'unknown',
        since: gapStart,
        decidedAt: gapStart,
        byGap: true,
      });
    }
    current = { ...initialMachineState(), since: current.state === 'unknown' ? current.since : gapStart };
  }

  const next: MachineState = { ...current, lastCheckTs: check.ts };
  if (check.ok) {
    // After a gap the streaks are empty: a streak cut by a gap is no near miss.
    const short = next.failStreak > 0 && next.failStreak < thresholds.downAfter;
    if (short && next.state !== 'down' && next.failStreakStart !== null) {
      nearMiss = { startedAt: next.failStreakStart, endedAt: check.ts, failedChecks: next.failStreak };
    }
    next.okStreakStart = next.okStreak === 0 ? check.ts : next.okStreakStart;
    next.okStreak += 1;
    next.failStreak = 0;
    next.failStreakStart = null;
    if (next.state !== 'up' && next.okStreak >= thresholds.upAfter && next.okStreakStart !== null) {
      transitions.push({
        from: next.state,
        to: 'up',
        since: next.okStreakStart,
        decidedAt: check.ts,
        byGap: false,
      });
      next.state = 'up';
      next.since = next.okStreakStart;
    }
  } else {
    next.failStreakStart = next.failStreak === 0 ? check.ts : next.failStreakStart;
    next.failStreak += 1;
    next.okStreak = 0;
    next.okStreakStart = null;
    if (next.state !== 'down' && next.failStreak >= thresholds.downAfter && next.failStreakStart !== null) {
      transitions.push({
        from: next.state,
        to: 'down',
        since: next.failStreakStart,
        decidedAt: check.ts,
        byGap: false,
      });
      next.state = 'down';
      next.since = next.failStreakStart;
    }
  }
  return { machine: next, transitions, nearMiss };
}
