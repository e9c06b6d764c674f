// Numbers leave the machine only as coarse buckets: enough to see trends, never enough to
// fingerprint a plant by its exact endpoint count or an operator by their exact reaction time.

const COUNT_EDGES = [0, 1, 10, 50, 100, 250, 500, 1000, 2500, 5000] as const;

/** `0`, `1-9`, `10-49`, ... `5000+`. */
export function bucketCount(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0';
  for (let i = COUNT_EDGES.length - 1; i >= 0; i -= 1) {
    const low = COUNT_EDGES[i] ?? 0;
    if (n >= low) {
      const high = COUNT_EDGES[i + 1];
      if (high === undefined) return `${low}+`;
      return high - 1 === low ? String(low) : `${low}-${high - 1}`;
    }
  }
  return '0';
}

const SECOND_EDGES: readonly (readonly [number, string])[] = [
  [10, '<10s'],
  [30, '10-30s'],
  [60, '30-60s'],
  [300, '1-5min'],
  [900, '5-15min'],
  [3600, '15-60min'],
];

/** Durations such as seconds to acknowledge an alarm. */
export function bucketSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return 'unknown';
  for (const [limit, label] of SECOND_EDGES) if (seconds < limit) return label;
  return '>1h';
}

/** Money per minute, for the Sentry context of a fault (orders of magnitude only). */
export function bucketCostPerMinute(cost: number | null | undefined): string {
  if (cost === null || cost === undefined || !Number.isFinite(cost) || cost <= 0) return 'none';
  if (cost < 100) return '<100';
  if (cost < 1000) return '100-999';
  if (cost < 10000) return '1000-9999';
  return '10000+';
}
