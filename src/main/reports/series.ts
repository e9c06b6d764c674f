// Chart series for the renderer. Availability per bucket is a full KPI computation over that
// bucket, so it agrees exactly with `linewatch report` for the same window. The store is read once
// for the whole window and each bucket gets its slice; the request schema still caps the buckets at
// MAX_AVAILABILITY_BUCKETS because each one is a computeReport. RTT comes from the rollups.
import { ContractFailure } from '../../shared/contract/dispatch';
import type { AvailabilitySeries, RttSeries } from '../../shared/contract/report-contract';
import { HOUR_MS, isoTime, startOfNextLocalDay } from '../../shared/time';
import type { LinewatchConfig } from '../config';
import { computeReport, loadKpiInput, type EndpointTimelineInput, type KpiInput } from '../kpi';
import type { Store } from '../store';

export interface AvailabilitySeriesQuery {
  level: 'endpoint' | 'line' | 'site';
  id: string;
  resolution: 'hour' | 'day';
  fromMs: number;
  toMs: number;
}

/** Bucket boundaries covering [fromMs, toMs): whole UTC hours, or local days in the site zone
 * (a plant's "Tuesday" is its own midnight to midnight, 23 or 25 h across DST). */
export function bucketBounds(
  resolution: 'hour' | 'day',
  fromMs: number,
  toMs: number,
  zone: string,
): number[] {
  const next =
    resolution === 'hour'
      ? (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS + HOUR_MS
      : (ms: number) => startOfNextLocalDay(ms, zone);
  const bounds = [fromMs];
  for (let at = next(fromMs); at < toMs; at = next(at)) bounds.push(at);
  bounds.push(toMs);
  return bounds;
}

/** The part of the config a level needs: one line (with all its endpoints, whose dependencies and
 * critical flags shape the figures), or everything for the site. Keeps per-bucket reports cheap. */
function scopeConfig(
  config: LinewatchConfig,
  level: AvailabilitySeriesQuery['level'],
  id: string,
): LinewatchConfig {
  if (level === 'site') {
    if (id !== config.site.id)
      throw new ContractFailure('not_found', `No site "${id}" (this site is "${config.site.id}")`);
    return config;
  }
  const line = config.lines.find((l) =>
    level === 'line' ? l.id === id : l.endpoints.some((e) => e.id === id),
  );
  if (!line) throw new ContractFailure('not_found', `No ${level} "${id}" in the config`);
  return { ...config, lines: [line] };
}

/** Index of the last change with since <= at (or 0): changes are sorted by since. */
function lastAtOrBefore(changes: EndpointTimelineInput['changes'], at: number): number {
  let lo = 0;
  let hi = changes.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((changes[mid]?.since ?? Infinity) <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The input for one bucket: computeReport needs the change in force at fromMs - 1 and every change
 * up to toMs, and the outages started in the bucket; slicing keeps each bucket O(its own changes). */
function sliceInput(input: KpiInput, fromMs: number, toMs: number): KpiInput {
  const timelines = new Map<string, EndpointTimelineInput>();
  for (const [id, t] of input.timelines) {
    const first = lastAtOrBefore(t.changes, fromMs - 1);
    const last = lastAtOrBefore(t.changes, toMs);
    timelines.set(id, { ...t, changes: t.changes.slice(first, last + 1) });
  }
  const outages = input.outages.filter((o) => o.startedAt >= fromMs && o.startedAt < toMs);
  return { ...input, fromMs, toMs, timelines, outages };
}

export function availabilitySeries(
  store: Store,
  config: LinewatchConfig,
  query: AvailabilitySeriesQuery,
  nowMs: number,
): AvailabilitySeries {
  const scoped = scopeConfig(config, query.level, query.id);
  const bounds = bucketBounds(query.resolution, query.fromMs, query.toMs, config.site.timezone);
  const input = loadKpiInput(store, scoped, { fromMs: query.fromMs, toMs: query.toMs, nowMs });
  const buckets = bounds.slice(0, -1).map((start, i) => {
    const end = bounds[i + 1] ?? query.toMs;
    const report = computeReport(sliceInput(input, start, end));
    const figures =
      query.level === 'site'
        ? report.site
        : query.level === 'line'
          ? report.lines.find((l) => l.id === query.id)
          : report.endpoints.find((e) => e.id === query.id);
    return {
      start: isoTime(start),
      availability: figures?.availability ?? null,
      up_s: figures?.up_s ?? 0,
      down_s: figures?.down_s ?? 0,
    };
  });
  return { buckets };
}

export function rttSeries(
  store: Store,
  config: LinewatchConfig,
  query: { endpointId: string; resolution: 'minute' | 'hour'; fromMs: number; toMs: number },
): RttSeries {
  if (!config.lines.some((l) => l.endpoints.some((e) => e.id === query.endpointId))) {
    throw new ContractFailure('not_found', `No endpoint "${query.endpointId}" in the config`);
  }
  const buckets = store.rollups
    .series(query.endpointId, query.resolution, query.fromMs, query.toMs)
    .map((b) => ({
      start: isoTime(b.start),
      count: b.count,
      okCount: b.okCount,
      loss: b.count > 0 ? 1 - b.okCount / b.count : 0,
      rttMinMs: b.rttMinMs,
      rttAvgMs: b.rttAvgMs,
      rttMaxMs: b.rttMaxMs,
    }));
  return { buckets };
}
