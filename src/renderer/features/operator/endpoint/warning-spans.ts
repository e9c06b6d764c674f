// Where an early warning (issue 12) was active on one endpoint, as spans of the chart window: the
// RTT chart shades them so a rise is read next to the warning it raised.
import type { InsightWarningView } from '../../../../shared/contract';

export interface WarningSpan {
  fromMs: number;
  toMs: number;
  /** Plain words for the band's label: "RTT rise", "Loss rise", ... */
  label: string;
}

const KIND_LABEL: Record<InsightWarningView['kind'], string> = {
  rtt_rise: 'RTT rise',
  loss_rise: 'Loss rise',
  near_misses: 'Near misses',
  flapping: 'Flapping',
  threshold: 'Over warn limit',
  group_degradation: 'Group slowing',
};

/**
 * This endpoint's warnings clipped to [fromMs, toMs], oldest first; an active one runs to toMs.
 * Overlapping warnings (an RTT rise over the warn limit is both) are one band naming both, so two
 * labels are never drawn on top of each other.
 */
export function warningSpans(
  warnings: readonly InsightWarningView[],
  endpointId: string,
  fromMs: number,
  toMs: number,
): WarningSpan[] {
  const spans: WarningSpan[] = [];
  for (const warning of warnings) {
    if (warning.endpointId !== endpointId) continue;
    const start = Math.max(fromMs, Date.parse(warning.startedAt));
    const end = Math.min(toMs, warning.endedAt === null ? toMs : Date.parse(warning.endedAt));
    if (end > start) spans.push({ fromMs: start, toMs: end, label: KIND_LABEL[warning.kind] });
  }
  spans.sort((a, b) => a.fromMs - b.fromMs);
  const merged: WarningSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.fromMs <= last.toMs) {
      last.toMs = Math.max(last.toMs, span.toMs);
      if (!last.label.split(', ').includes(span.label)) last.label = `${last.label}, ${span.label}`;
    } else merged.push({ ...span });
  }
  return merged;
}
