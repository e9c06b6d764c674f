// A rising loss or timeout rate (issue 12): a Bernoulli CUSUM of the minute failures against the
// endpoint's usual loss (baseline.ts).
//
// Rule (documented constants below):
// - p0 = the usual loss, floored at LOSS_FLOOR (a spotless history is no proof that 1 loss in 200
//   is abnormal); p1 = max(LOSS_RISE_FACTOR × p0, p0 + LOSS_RISE_MIN): the loss we want to catch.
// - Each minute adds the log-likelihood ratio of its failures: x·ln(p1/p0) + (n-x)·ln((1-p1)/(1-p0)).
//   Fully failed minutes are an outage, not a degradation: they add nothing (outages have their own
//   alarms), so an outage alone never raises a loss warning.
// - Raise when the sum passes LOSS_CUSUM.h (about five failures more than usual in a short while);
//   clear once it has stayed below clearBelow for clearMinutes. started_at where it last left zero.
// - The evidence is the loss over the minutes that drove the sum up (started_at up to the last minute
//   that pushed it, outages left out), and a span whose evidence is not above the break-even loss
//   (lossBreakEven: where a minute's ratio turns positive) is dropped: a burst of partially failed
//   minutes on a lossy line must not read "Loss 6.4 % against 8.4 % usual".
// - While active, the warning's span is kept out of the baseline. Unlike RTT a new loss level is not
//   accepted as usual: lasting loss is worth checking the port or cable.
// The CUSUM machinery and plain-language helpers the RTT and loss detectors share.
import type { MinuteSample } from './baseline';
import * as detect from './detectors';
import type { InsightWarning } from './warning';

export const LOSS_FLOOR = 0.005;
export const LOSS_RISE_FACTOR = 3;
export const LOSS_RISE_MIN = 0.02;
export const LOSS_CUSUM: detect.CusumSettings = { k: 0, h: 8, cap: 20, clearBelow: 2, clearMinutes: 30 };

/** The loss we want to catch, for a usual loss p0 (already floored). */
export function lossToCatch(p0: number): number {
  return Math.max(LOSS_RISE_FACTOR * p0, p0 + LOSS_RISE_MIN);
}

/**
 * The loss at which a check's log-likelihood ratio breaks even (between p0 and p1): a span whose
 * observed loss is not above it has not shown a rise, whatever the sum did on a few bursty minutes.
 */
export function lossBreakEven(p0: number): number {
  const p1 = lossToCatch(p0);
  const okWeight = Math.log((1 - p0) / (1 - p1));
  return okWeight / (Math.log(p1 / p0) + okWeight);
}

const percent = (share: number) => `${detect.plainNumber(share * 100)} %`;

/** The rising-loss detector of one endpoint, judging one minute at a time. */
export class LossRiseDetector implements detect.MinuteDetector {
  readonly ended: InsightWarning[] = [];
  private readonly usualLossAt: ReturnType<typeof detect.createLossSchedule>;
  private readonly cusum = new detect.HysteresisCusum(LOSS_CUSUM);
  private usualOfSpan: number | null = null;
  private lastStart = -Infinity;
  private activeCache: { at: number; warnings: InsightWarning[] } | null = null;

  constructor(private readonly target: detect.MinuteDetectorTarget) {
    this.usualLossAt = detect.createLossSchedule(target.history);
  }

  step(sample: MinuteSample): void {
    this.lastStart = sample.start;
    if (sample.okCount === 0) return;
    const { cusum } = this;
    const usual = this.usualLossAt(sample.start, cusum.active ? cusum.active.startedAt : Infinity);
    if (usual === null) return;
    const p0 = Math.max(usual, LOSS_FLOOR);
    const p1 = lossToCatch(p0);
    const failed = sample.count - sample.okCount;
    const llr = failed * Math.log(p1 / p0) + sample.okCount * Math.log((1 - p1) / (1 - p0));
    const wasActive = cusum.active !== null;
    const cleared = cusum.step(sample.start, llr);
    if (!wasActive && cusum.active) this.usualOfSpan = usual;
    if (cleared) {
      const warning = this.warningOf(cleared);
      if (warning) this.ended.push(warning);
    }
  }

  active(): InsightWarning[] {
    if (this.activeCache?.at !== this.lastStart) {
      const span = this.cusum.active;
      const warning = span ? this.warningOf(span) : null;
      this.activeCache = { at: this.lastStart, warnings: warning ? [warning] : [] };
    }
    return this.activeCache.warnings;
  }

  private warningOf(span: detect.CusumSpan): InsightWarning | null {
    const { usualOfSpan } = this;
    if (usualOfSpan === null) return null;
    const totals = this.target.history.totals(span.startedAt, span.strongUntil + 1);
    const observed = totals.checks > 0 ? totals.failed / totals.checks : null;
    if (observed === null || observed <= lossBreakEven(Math.max(usualOfSpan, LOSS_FLOOR))) return null;
    const last = span.endedAt ?? span.strongUntil;
    return {
      endpointId: this.target.endpointId,
      lineId: this.target.lineId,
      kind: 'loss_rise',
      score: detect.cusumScore(span.peak, LOSS_CUSUM),
      startedAt: span.startedAt,
      endedAt: span.endedAt,
      baseline: { rttMs: null, loss: usualOfSpan },
      observed: { rttMs: null, loss: observed },
      reason:
        `Loss ${percent(observed)} against ${percent(usualOfSpan)} usual ` +
        `since ${detect.plainTime(span.startedAt, this.target.timezone, last)}`,
    };
  }
}

export function detectLossRise(input: detect.MinuteDetectorInput): InsightWarning[] {
  return detect.runDetector(input, (target) => new LossRiseDetector(target));
}
