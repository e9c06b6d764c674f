// The config's own thresholds (issue 12): `warn: { rtt_ms, loss_pct }` on an endpoint.
//
// Rule (documented constants below): a minute is "over" when its mean RTT exceeds rtt_ms, or when the
// loss of the last THRESHOLD_LOSS_MINUTES minutes (fully failed minutes, i.e. outages, left out)
// exceeds loss_pct. RAISE_MINUTES consecutive over minutes raise a warning that started at the first
// of them; CLEAR_MINUTES consecutive minutes not over clear it (ended at the first of those). The
// evidence's baseline is the configured threshold.
import type { EndpointWarnConfig } from '../config';
import { MINUTE_MS } from '../../shared/time';
import type { MinuteSample } from './baseline';
import {
  lossOf,
  plainNumber,
  plainTime,
  runDetector,
  type MinuteDetector,
  type MinuteDetectorInput,
  type MinuteDetectorTarget,
} from './detectors';
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

/** Over-threshold spans of one figure, fed one minute's figure at a time (null: no figure). */
class SpansOver {
  active: Span | null = null;
  private overRun: number[] = [];
  private calmRun: number[] = [];

  constructor(readonly limit: number) {}

  /** Feeds one minute; returns the span that this minute ended, if any. */
  step(start: number, figure: number | null): Span | null {
    if (figure === null) return null;
    if (figure > this.limit) {
      this.calmRun = [];
      this.overRun.push(start);
      if (this.active === null && this.overRun.length >= RAISE_MINUTES)
        this.active = { startedAt: this.overRun[0] ?? start, endedAt: null, worstRatio: 0, worst: figure };
      if (this.active && figure / this.limit > this.active.worstRatio) {
        this.active.worstRatio = figure / this.limit;
        this.active.worst = figure;
      }
    } else {
      this.overRun = [];
      this.calmRun.push(start);
      if (this.active && this.calmRun.length >= CLEAR_MINUTES) {
        const ended = this.active;
        ended.endedAt = this.calmRun[0] ?? start;
        this.active = null;
        return ended;
      }
    }
    return null;
  }
}

/** The configured-threshold detector of one endpoint, judging one minute at a time. */
export class ThresholdDetector implements MinuteDetector {
  readonly ended: InsightWarning[] = [];
  private readonly rtt: SpansOver | null;
  private readonly loss: SpansOver | null;
  /** The samples of the last THRESHOLD_LOSS_MINUTES minutes, for the loss figure. */
  private recent: MinuteSample[] | null = null;

  constructor(
    private readonly target: MinuteDetectorTarget,
    warn: EndpointWarnConfig,
  ) {
    this.rtt = warn.rttMs === null ? null : new SpansOver(warn.rttMs);
    this.loss = warn.loss === null ? null : new SpansOver(warn.loss);
  }

  step(sample: MinuteSample): void {
    const rttEnded = this.rtt?.step(sample.start, sample.rttAvgMs);
    if (rttEnded) this.ended.push(this.rttWarning(rttEnded));
    if (!this.loss) return;
    const windowStart = sample.start - (THRESHOLD_LOSS_MINUTES - 1) * MINUTE_MS;
    this.recent = [
      ...(this.recent ?? this.target.history.slice(windowStart, sample.start)).filter(
        (s) => s.start >= windowStart,
      ),
      sample,
    ];
    const lossEnded = this.loss.step(sample.start, sample.okCount === 0 ? null : lossOf(this.recent));
    if (lossEnded) this.ended.push(this.lossWarning(lossEnded));
  }

  active(): InsightWarning[] {
    return [
      ...(this.rtt?.active ? [this.rttWarning(this.rtt.active)] : []),
      ...(this.loss?.active ? [this.lossWarning(this.loss.active)] : []),
    ];
  }

  private rttWarning(span: Span): InsightWarning {
    const limit = this.rtt?.limit ?? 0;
    return this.warningOf(
      span,
      { rttMs: limit, loss: null },
      { rttMs: span.worst, loss: null },
      `RTT ${plainNumber(span.worst)} ms above the configured ${plainNumber(limit)} ms`,
    );
  }

  private lossWarning(span: Span): InsightWarning {
    const limit = this.loss?.limit ?? 0;
    return this.warningOf(
      span,
      { rttMs: null, loss: limit },
      { rttMs: null, loss: span.worst },
      `Loss ${plainNumber(span.worst * 100)} % above the configured ${plainNumber(limit * 100)} %`,
    );
  }

  private warningOf(
    span: Span,
    baseline: InsightWarning['baseline'],
    observed: InsightWarning['observed'],
    what: string,
  ): InsightWarning {
    return {
      endpointId: this.target.endpointId,
      lineId: this.target.lineId,
      kind: 'threshold',
      // Just over the threshold is 0.5; twice the threshold or more is 1.
      score: Math.min(1, 0.5 * span.worstRatio),
      startedAt: span.startedAt,
      endedAt: span.endedAt,
      baseline,
      observed,
      reason: `${what} since ${plainTime(span.startedAt, this.target.timezone, span.endedAt ?? span.startedAt)}`,
    };
  }
}

export function detectThresholds(
  input: MinuteDetectorInput,
  warn: EndpointWarnConfig | undefined,
): InsightWarning[] {
  if (!warn) return [];
  return runDetector(input, (target) => new ThresholdDetector(target, warn));
}
