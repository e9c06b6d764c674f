// The KPI view's periods (day, week, shift) as windows in the site's calendar, the previous window
// to compare against, and the trend buckets reshaped for a chart. Availability is always
// up / (up + down): summing buckets re-derives it from times, never averages percentages.
import type { AvailabilitySeries, SiteCalendar } from '../../../../shared/contract';
import type { Report } from '../../../../shared/report/report-schema';
import { DAY_MS, startOfLocalDay, startOfLocalWeek } from '../../../../shared/time';
import type { TrendPoint } from '../chart-options';

export type KpiPeriod = 'day' | 'week' | 'shift';

export interface PeriodWindows {
  current: { fromMs: number; toMs: number };
  /** The same span one period earlier, for the trend arrows. */
  previous: { fromMs: number; toMs: number };
  /** Where the trend chart starts (day buckets from there to now). */
  trendFromMs: number;
  label: string;
  previousLabel: string;
}

export function periodWindows(period: KpiPeriod, nowMs: number, timeZone: string): PeriodWindows {
  if (period === 'day') {
    const today = startOfLocalDay(nowMs, timeZone);
    const yesterday = startOfLocalDay(nowMs, timeZone, 1);
    return {
      current: { fromMs: today, toMs: nowMs },
      // Yesterday up to the same time of day, so a morning is compared with a morning.
      previous: { fromMs: yesterday, toMs: Math.min(today, yesterday + (nowMs - today)) },
      trendFromMs: startOfLocalDay(nowMs, timeZone, 13),
      label: 'Today so far',
      previousLabel: 'yesterday at this time',
    };
  }
  if (period === 'week') {
    const week = startOfLocalWeek(nowMs, timeZone);
    const lastWeek = startOfLocalWeek(nowMs, timeZone, 1);
    return {
      current: { fromMs: week, toMs: nowMs },
      previous: { fromMs: lastWeek, toMs: Math.min(week, lastWeek + (nowMs - week)) },
      trendFromMs: startOfLocalWeek(nowMs, timeZone, 7),
      label: 'This week so far',
      previousLabel: 'last week at this time',
    };
  }
  const start = startOfLocalDay(nowMs, timeZone, 6);
  return {
    current: { fromMs: start, toMs: nowMs },
    previous: { fromMs: start - 7 * DAY_MS, toMs: start },
    trendFromMs: start,
    label: 'Per shift, last 7 days',
    previousLabel: 'the 7 days before',
  };
}

type Bucket = AvailabilitySeries['buckets'][number];

const percentOf = (up: number, down: number): number | null =>
  up + down > 0 ? (up / (up + down)) * 100 : null;

export function dayTrend(buckets: readonly Bucket[], timeZone: string | undefined): TrendPoint[] {
  const format = new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  return buckets.map((b) => ({
    label: format.format(Date.parse(b.start)),
    value: percentOf(b.up_s, b.down_s),
  }));
}

/** Day buckets folded into weeks that start at `weekStarts` (Monday midnights, ascending). */
export function weekTrend(
  buckets: readonly Bucket[],
  weekStarts: readonly number[],
  timeZone: string | undefined,
): TrendPoint[] {
  const format = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: 'short',
    ...(timeZone ? { timeZone } : {}),
  });
  return weekStarts.map((start, i) => {
    const end = weekStarts[i + 1] ?? Infinity;
    let up = 0;
    let down = 0;
    for (const b of buckets) {
      const at = Date.parse(b.start);
      if (at >= start && at < end) {
        up += b.up_s;
        down += b.down_s;
      }
    }
    return { label: `wk ${format.format(start)}`, value: percentOf(up, down) };
  });
}

/** "▲ +0.42 pts", "▼ −1.10 pts", "= same"; null when either side has no data. */
export function availabilityDelta(
  current: number | null,
  previous: number | null,
): { text: string; direction: 'up' | 'down' | 'same' } | null {
  if (current === null || previous === null) return null;
  const points = (current - previous) * 100;
  if (Math.abs(points) < 0.005) return { text: '= same', direction: 'same' };
  const sign = points > 0 ? '+' : '−';
  return {
    text: `${points > 0 ? '▲' : '▼'} ${sign}${Math.abs(points).toFixed(2)} pts`,
    direction: points > 0 ? 'up' : 'down',
  };
}

/** Site availability per shift over a report's window, named as the config names the shifts. */
export function shiftTrend(data: { current: Report; calendar: SiteCalendar } | null): TrendPoint[] {
  if (!data) return [];
  const names = new Map(data.calendar.shifts.map((s) => [s.id, s.name]));
  return data.current.shifts.map((s) => ({
    label: names.get(s.id) ?? s.id,
    value: s.site.availability === null ? null : s.site.availability * 100,
  }));
}
