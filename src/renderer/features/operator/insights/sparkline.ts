// Shapes an endpoint's RTT buckets into an inline SVG sparkline against its usual band (issue 12).
// The band is the 10th-90th percentile of the bucket means BEFORE the endpoint's first warning in
// the window (what "usual" looked like here), so a rise reads as the line leaving the band; with no
// such history the whole series is used. Pure: the component only draws what this returns.
import type { RttSeries } from '../../../../shared/contract';

export interface Sparkline {
  /** SVG path ("M x y L x y …"), broken ("M") where a bucket has no RTT. */
  path: string;
  /** The usual band as y coordinates (top above bottom), or null without any RTT. */
  band: { top: number; bottom: number } | null;
  /** y of the warning's baseline median, when it gave one and it fits the chart. */
  baselineY: number | null;
  peakMs: number | null;
}

const quantile = (sorted: readonly number[], q: number): number => {
  const at = (sorted.length - 1) * q;
  const low = sorted[Math.floor(at)] ?? 0;
  const high = sorted[Math.ceil(at)] ?? low;
  return low + (high - low) * (at - Math.floor(at));
};

export function shapeSparkline(
  buckets: RttSeries['buckets'],
  window: { from: number; to: number },
  firstWarningAt: number | null,
  baselineMs: number | null,
  size: { width: number; height: number },
): Sparkline {
  const points = buckets
    .map((b) => ({ at: Date.parse(b.start), rtt: b.rttAvgMs }))
    .filter((p) => !Number.isNaN(p.at))
    .sort((a, b) => a.at - b.at);
  const values = points.flatMap((p) => (p.rtt === null ? [] : [p.rtt]));
  if (values.length === 0) return { path: '', band: null, baselineY: null, peakMs: null };
  const usual = points
    .filter((p) => firstWarningAt === null || p.at < firstWarningAt)
    .flatMap((p) => (p.rtt === null ? [] : [p.rtt]));
  const sortedUsual = [...(usual.length >= 5 ? usual : values)].sort((a, b) => a - b);
  const low = quantile(sortedUsual, 0.1);
  const high = quantile(sortedUsual, 0.9);
  const peakMs = Math.max(...values, high, baselineMs ?? 0);
  const top = peakMs * 1.1 || 1;
  const pad = 1;
  const y = (ms: number): number => pad + (size.height - 2 * pad) * (1 - ms / top);
  const span = window.to - window.from;
  const x = (at: number): number => (size.width * (at - window.from)) / span;
  let path = '';
  let pen = false;
  for (const p of points) {
    if (p.rtt === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${x(p.at).toFixed(1)} ${y(p.rtt).toFixed(1)} `;
    pen = true;
  }
  return {
    path: path.trim(),
    band: { top: y(high), bottom: y(low) },
    baselineY: baselineMs === null ? null : y(baselineMs),
    peakMs,
  };
}
