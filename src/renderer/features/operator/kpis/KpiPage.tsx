// Availability KPIs by day, week and shift, each compared with the period before, with a trend
// chart. Figures come from getReport and getAvailabilitySeries; nothing is estimated here.
import { useCallback, useMemo, useState } from 'react';
import { useWall } from '../../../live/wall-store';
import { useClient } from '../../../app/client-context';
import { EChart } from '../EChart';
import { availabilityTrendOption, type TrendPoint } from '../chart-options';
import { formatAvailability } from '../../../../shared/format';
import { isoTime as iso, startOfLocalWeek } from '../../../../shared/time';
import { dayTrend, periodWindows, shiftTrend, weekTrend, type KpiPeriod } from './kpi-periods';
import { useInterval, useRequest } from '../use-request';
import { KpiTable, kpiRows } from './KpiTable';
import { LoadStatus, OperatorPage } from '../OperatorPage';

const PERIODS: readonly (readonly [KpiPeriod, string])[] = [
  ['day', 'Day'],
  ['week', 'Week'],
  ['shift', 'Shift'],
];

export function KpiPage() {
  const client = useClient();
  const site = useWall((state) => state.site);
  const lines = useWall((state) => state.lines);
  const [period, setPeriod] = useState<KpiPeriod>('day');
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 60_000);
  const timeZone = site?.timezone ?? 'UTC';
  const windows = useMemo(() => periodWindows(period, now, timeZone), [period, now, timeZone]);
  const lineNames = useMemo(() => new Map(lines.map((l) => [l.id, l.name])), [lines]);

  const key = `${period}-${now}-${site?.id ?? ''}`;
  const reports = useRequest(key, async () => {
    const [current, previous, calendar] = await Promise.all([
      client.getReport({ from: iso(windows.current.fromMs), to: iso(windows.current.toMs) }),
      client.getReport({ from: iso(windows.previous.fromMs), to: iso(windows.previous.toMs) }),
      client.getSiteCalendar(),
    ]);
    return { current, previous, calendar };
  });
  const trend = useRequest(`trend-${key}`, async (): Promise<TrendPoint[]> => {
    if (!site || period === 'shift') return [];
    const series = await client.getAvailabilitySeries({
      level: 'site',
      id: site.id,
      resolution: 'day',
      from: iso(windows.trendFromMs),
      to: iso(now),
    });
    if (period === 'day') return dayTrend(series.buckets, timeZone);
    const weekStarts = Array.from({ length: 8 }, (_, i) => startOfLocalWeek(now, timeZone, 7 - i));
    return weekTrend(series.buckets, weekStarts, timeZone);
  });

  const data = reports.data;
  const trendData = trend.data;
  const shiftNames = new Map(data?.calendar.shifts.map((s) => [s.id, s.name]) ?? []);
  const points = useMemo(
    () => (period === 'shift' ? shiftTrend(data) : (trendData ?? [])),
    [period, data, trendData],
  );
  const makeOption = useCallback((fontPx: number) => availabilityTrendOption(points, fontPx), [points]);

  return (
    <OperatorPage
      name="kpis"
      title="Availability KPIs"
      subtitle={`${windows.label} · compared with ${windows.previousLabel}`}
      actions={
        <div className="op-range" role="tablist" aria-label="Period">
          {PERIODS.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={period === id}
              className="op-button op-button--toggle"
              aria-pressed={period === id}
              onClick={() => setPeriod(id)}
            >
              {label}
            </button>
          ))}
        </div>
      }
    >
      <LoadStatus status={reports.status} error={reports.error} empty={!data} what="the KPIs" emptyText="" />
      {data && site && period !== 'shift' && (
        <KpiTable
          rows={kpiRows(site, data.current, data.previous, lineNames)}
          previousLabel={windows.previousLabel}
        />
      )}
      {data && site && period === 'shift' && data.current.shifts.length === 0 && (
        <p className="op-status op-status--empty">No shifts are configured for this site.</p>
      )}
      {data &&
        site &&
        period === 'shift' &&
        data.current.shifts.map((shift) => {
          const before = data.previous.shifts.find((s) => s.id === shift.id);
          return (
            <section key={shift.id} className="op-section" aria-label={shiftNames.get(shift.id) ?? shift.id}>
              <h2 className="op-section__title">
                {shiftNames.get(shift.id) ?? shift.id} — {formatAvailability(shift.site.availability)}
              </h2>
              <KpiTable
                rows={kpiRows(site, shift, before ?? null, lineNames)}
                previousLabel={windows.previousLabel}
              />
            </section>
          );
        })}
      <section className="op-section" aria-labelledby="trend-title">
        <h2 id="trend-title" className="op-section__title">
          {period === 'day'
            ? 'Site availability, last 14 days'
            : period === 'week'
              ? 'Site availability, last 8 weeks'
              : 'Site availability per shift, last 7 days'}
        </h2>
        <LoadStatus
          status={period === 'shift' ? reports.status : trend.status}
          error={period === 'shift' ? reports.error : trend.error}
          empty={points.every((p) => p.value === null)}
          what="the trend"
          emptyText="No monitored time in this range yet, so there is no trend to show."
        />
        {points.some((p) => p.value !== null) && (
          <EChart makeOption={makeOption} label="Availability trend" className="op-chart--trend" />
        )}
      </section>
    </OperatorPage>
  );
}
