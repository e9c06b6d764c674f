// ECharts options for the console's charts, built from shaped data only (no DOM), in the dark
// control-room palette. Series differ in form as well as colour: band (area), average (solid
// line), loss (bars on their own axis), so they read apart in grey-scale print too.
import type { EChartsCoreOption } from 'echarts/core';
import { formatAvailability } from '../../../shared/format';
import type { RttBand } from './endpoint/rtt-band';
import type { WarningSpan } from './endpoint/warning-spans';

const TEXT = '#eef3f7';
const MUTED = '#a3afbb';
const GRID = '#24303c';
const BAND = 'rgba(47, 182, 168, 0.35)';
const AVG = '#7fe0d5';
const LOSS = '#ff8a6b';
const WARNING_FILL = 'rgba(255, 194, 77, 0.14)';
const WARNING_EDGE = '#ffc24d';

function axisText(fontPx: number) {
  return { color: MUTED, fontSize: Math.round(fontPx * 0.85) };
}

function siteTimeLabel(timeZone: string | undefined, withDate: boolean) {
  const format = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    ...(withDate ? { day: '2-digit', month: 'short' } : {}),
    ...(timeZone ? { timeZone } : {}),
  });
  return (value: number): string => format.format(value);
}

interface TooltipParam {
  seriesName?: string;
  value?: unknown;
}

const pointValue = (param: TooltipParam | undefined): number | null => {
  const value = Array.isArray(param?.value) ? (param.value as unknown[])[1] : null;
  return typeof value === 'number' ? value : null;
};

/** The band is drawn as min + spread; the tooltip gives people min, average and max. */
function rttTooltip(label: (ms: number) => string) {
  return (raw: unknown): string => {
    const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
    const find = (name: string): number | null => pointValue(params.find((p) => p.seriesName === name));
    const first = params[0];
    const at = Array.isArray(first?.value) ? (first.value as unknown[])[0] : null;
    const min = find('RTT min');
    const spread = find('RTT min–max');
    const ms = (v: number | null): string => (v === null ? '—' : `${v.toFixed(1)} ms`);
    const loss = find('Loss %');
    return [
      typeof at === 'number' ? `<b>${label(at)}</b>` : '',
      `min ${ms(min)} · avg ${ms(find('RTT average'))} · max ${ms(min !== null && spread !== null ? min + spread : null)}`,
      `loss ${loss === null ? '—' : `${loss.toFixed(1)} %`}`,
    ].join('<br/>');
  };
}

export function rttChartOption(
  band: RttBand,
  opts: {
    fontPx: number;
    timeZone: string | undefined;
    fromMs: number;
    toMs: number;
    multiDay: boolean;
    /** Early warnings of the endpoint (issue 12): shaded, hatched and labelled, not colour alone. */
    warnings?: readonly WarningSpan[];
  },
): EChartsCoreOption {
  const { fontPx } = opts;
  const warnings = opts.warnings ?? [];
  const label = siteTimeLabel(opts.timeZone, opts.multiDay);
  return {
    animation: false,
    textStyle: { color: TEXT, fontSize: fontPx },
    grid: { left: fontPx * 4.5, right: fontPx * 4.5, top: fontPx * 3, bottom: fontPx * 2.2 },
    legend: {
      top: 0,
      textStyle: { color: TEXT, fontSize: Math.round(fontPx * 0.9) },
      itemWidth: fontPx * 1.6,
      itemHeight: fontPx * 0.8,
      data: ['RTT min–max', 'RTT average', 'Loss %'],
    },
    tooltip: { trigger: 'axis', textStyle: { fontSize: fontPx }, formatter: rttTooltip(label) },
    xAxis: {
      type: 'time',
      min: opts.fromMs,
      max: opts.toMs,
      axisLabel: { ...axisText(fontPx), formatter: label, hideOverlap: true },
      axisLine: { lineStyle: { color: GRID } },
      splitLine: { show: false },
    },
    yAxis: [
      {
        type: 'value',
        name: 'ms',
        min: 0,
        nameTextStyle: axisText(fontPx),
        axisLabel: axisText(fontPx),
        splitLine: { lineStyle: { color: GRID } },
      },
      {
        type: 'value',
        name: 'loss %',
        min: 0,
        max: 100,
        nameTextStyle: axisText(fontPx),
        axisLabel: axisText(fontPx),
        splitLine: { show: false },
      },
    ],
    series: [
      // The invisible base of the band: the minimum.
      {
        name: 'RTT min',
        type: 'line',
        data: band.min,
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        connectNulls: false,
        silent: true,
      },
      {
        name: 'RTT min–max',
        type: 'line',
        data: band.spread,
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND },
        itemStyle: { color: BAND },
        connectNulls: false,
      },
      {
        name: 'RTT average',
        type: 'line',
        data: band.avg,
        symbol: 'none',
        lineStyle: { color: AVG, width: Math.max(2, fontPx * 0.14) },
        itemStyle: { color: AVG },
        connectNulls: false,
        ...(warnings.length > 0 && {
          markArea: {
            silent: true,
            itemStyle: {
              color: WARNING_FILL,
              borderColor: WARNING_EDGE,
              borderWidth: 1,
              // Fill, dashed edges and the label tell the band apart; ECharts draws no decal on a mark area.
              borderType: 'dashed',
            },
            label: {
              position: 'insideTop',
              color: WARNING_EDGE,
              fontSize: Math.round(fontPx * 0.8),
            },
            data: warnings.map((w) => [{ name: `⚠ ${w.label}`, xAxis: w.fromMs }, { xAxis: w.toMs }]),
          },
        }),
      },
      {
        name: 'Loss %',
        type: 'bar',
        yAxisIndex: 1,
        data: band.lossPercent,
        barMaxWidth: fontPx,
        itemStyle: {
          color: LOSS,
          decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: 0.8 },
        },
      },
    ],
  };
}

export interface TrendPoint {
  label: string;
  /** Percent 0-100, or null when there was no data (no bar is drawn: no data is not 0 %). */
  value: number | null;
}

export function availabilityTrendOption(points: readonly TrendPoint[], fontPx: number): EChartsCoreOption {
  const known = points.map((p) => p.value).filter((v): v is number => v !== null);
  // Zoom in on the top of the scale, where plant availability lives, but never hide a bad bucket.
  const floor = known.length > 0 ? Math.max(0, Math.floor(Math.min(...known) / 5) * 5 - 5) : 0;
  return {
    animation: false,
    textStyle: { color: TEXT, fontSize: fontPx },
    grid: { left: fontPx * 4, right: fontPx, top: fontPx * 1.8, bottom: fontPx * 2.4 },
    tooltip: {
      trigger: 'axis',
      textStyle: { fontSize: fontPx },
      // The KPI page's reading of the same figure: never rounded up to 100 % while down time exists.
      valueFormatter: (v: unknown) => formatAvailability(typeof v === 'number' ? v / 100 : null),
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => p.label),
      axisLabel: { ...axisText(fontPx), hideOverlap: true },
      axisLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'value',
      min: floor,
      max: 100,
      axisLabel: { ...axisText(fontPx), formatter: '{value} %' },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        name: 'Availability',
        type: 'bar',
        data: points.map((p) => p.value),
        barMaxWidth: fontPx * 3,
        itemStyle: { color: '#2fb6a8' },
        label: {
          show: points.length <= 14,
          position: 'top',
          color: TEXT,
          fontSize: Math.round(fontPx * 0.8),
          formatter: (p: { value: unknown }) =>
            typeof p.value === 'number' ? formatAvailability(p.value / 100) : '',
        },
      },
    ],
  };
}
