// The config's own thresholds (issue 12): `warn: { rtt_ms, loss_pct }` on an endpoint.
//
// Rule (documented constants below): a minute is "over" when its mean RTT exceeds rtt_ms, or when the
// loss of the last THRESHOLD_LOSS_MINUTES minutes (fully failed minutes, i.e. outages, left out)
// exceeds loss_pct. RAISE_MINUTES consecutive over minutes raise a warning that started at the first
// of them; CLEAR_MINUTES consecutive minutes not over clear it (ended at the first of those). The
// evidence's baseline is the configured threshold.
import type { EndpointWarnConfig } from '../config';
import type { MinuteSample } from './baseline';
import { firstIndexAt, lossOf, plainNumber, plainTime, type MinuteDetectorInput } from './detectors';
import type { InsightWarning } from './warning';

export const RAISE_MINUTES = 5;
export const CLEAR_MINUTES = 10;
export const THRESHOLD_LOSS_MINUTES = 15;

interface Span {
  startedAt: number;
  endedAt: number | null;
  /** Worst minute while active: by how many times the threshold was exceeded, and its figure. */
  worstRatio: number;
  worst: number;
}

/** Over-threshold spans of one figure; `figureAt` gives the figure of minute i (null: no figure). */
function spansOver(
  samples: readonly MinuteSample[],
  startIndex: number,
  limit: number,
  figureAt: (i: number) => number | null,
): Span[] {
  const spans: Span[] = [];
  let active: Span | null = null;
  let overRun: number[] = [];
  let calmRun: number[] = [];
  for (let i = startIndex; i < samples.length; i++) {
    const figure = figureAt(i);
    const start = samples[i]?.start;
    if (figure === null || start === undefined) continue;
    if (figure > limit) {
      calmRun = [];
      overRun.push(start);
      if (active === null && overRun.length >= RAISE_MINUTES) {
        active = { startedAt: overRun[0] ?? start, endedAt: null, worstRatio: 0, worst: figure };
        spans.push(active);
      }
      if (active && figure / limit > active.worstRatio) {
        active.worstRatio = figure / limit;
        active.worst = figure;
      }
    } else {
      overRun = [];
      calmRun.push(start);
      if (active && calmRun.length >= CLEAR_MINUTES) {
        active.endedAt = calmRun[0] ?? start;
        active = null;
      }
    }
  }
  return spans;
}

export function detectThresholds(
  input: MinuteDetectorInput,
  warn: EndpointWarnConfig | undefined,
): InsightWarning[] {
  if (!warn) return [];
  const { samples, timezone } = input;
  const startIndex = firstIndexAt(samples, input.judgeFrom);
  const warnings: InsightWarning[] = [];
  const push = (span: Span, rttMs: number | null, loss: number | null, what: string) => {
    warnings.push({
      endpointId: input.endpointId,
      lineId: input.lineId,
      kind: 'threshold',
      // Just over the threshold is 0.5; twice the threshold or more is 1.
      score: Math.min(1, 0.5 * span.worstRatio),
      startedAt: span.startedAt,
      endedAt: span.endedAt,
      baseline: {
        rttMs: rttMs === null ? null : (warn.rttMs ?? null),
        loss: loss === null ? null : warn.loss,
      },
      observed: { rttMs, loss },
      reason: `${what} since ${plainTime(span.startedAt, timezone, span.endedAt ?? span.startedAt)}`,
    });
  };
  if (warn.rttMs !== null) {
    const limit = warn.rttMs;
    for (const span of spansOver(samples, startIndex, limit, (i) => samples[i]?.rttAvgMs ?? null))
      push(
        span,
        span.worst,
        null,
        `RTT ${plainNumber(span.worst)} ms above the configured ${plainNumber(limit)} ms`,
      );
  }
  if (warn.loss !== null) {
    const limit = warn.loss;
    const lossAt = (i: number) =>
      samples[i]?.okCount === 0
        ? null
        : lossOf(samples.slice(Math.max(0, i + 1 - THRESHOLD_LOSS_MINUTES), i + 1));
    for (const span of spansOver(samples, startIndex, limit, lossAt))
      push(
        span,
        null,
        span.worst,
        `Loss ${plainNumber(span.worst * 100)} % above the configured ${plainNumber(limit * 100)} %`,
      );
  }
  return warnings;
}
