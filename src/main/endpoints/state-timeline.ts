// An endpoint's states as spans for the detail page's timeline, clipped to the window asked for.
import type { StateSpan } from '../../shared/contract';
import { isoTime as iso } from '../../shared/time';
import type { StateChangeRecord } from '../store';

/** The spec's rule: a gap longer than 2.5 intervals is unknown time, not the last state. */
const GAP_FACTOR = 2.5;

/**
 * State changes as spans clipped to [fromMs, toMs). The last known state holds while checks keep
 * coming; once they stop for longer than the gap rule allows, the time after is shown as unknown.
 */
export function buildStateTimeline(
  changes: readonly StateChangeRecord[],
  lastCheck: { ts: number; intervalMs: number } | null,
  fromMs: number,
  toMs: number,
  nowMs: number,
): StateSpan[] {
  const ordered = [...changes].sort((a, b) => a.since - b.since);
  const raw: { state: StateSpan['state']; since: number; until: number | null }[] = ordered.map((c, i) => ({
    state: c.state,
    since: c.since,
    until: ordered[i + 1]?.since ?? null,
  }));
  const last = raw.at(-1);
  if (last && lastCheck && nowMs - lastCheck.ts > GAP_FACTOR * lastCheck.intervalMs) {
    const evidenceEnd = Math.max(last.since, lastCheck.ts + lastCheck.intervalMs);
    last.until = evidenceEnd;
    if (last.state !== 'unknown') raw.push({ state: 'unknown', since: evidenceEnd, until: null });
  }
  return raw
    .filter((span) => span.since < toMs && (span.until ?? Infinity) > fromMs && span.until !== span.since)
    .map((span) => ({
      state: span.state,
      since: iso(Math.max(span.since, fromMs)),
      // An open span stays open only when the window reaches the present.
      until: span.until === null && toMs >= nowMs ? null : iso(Math.min(span.until ?? toMs, toMs)),
    }));
}
