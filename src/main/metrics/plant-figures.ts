// The figures behind the scrape-time gauges that need the store: line and site availability and
// downtime cost from the KPI report (the one formula, src/main/kpi), active alarms by severity
// (the alarms' own impact rules) and the endpoints' active early warnings. They cost a report of
// every endpoint, so they are computed at most once per FIGURES_CACHE_MS however many scrapers
// (Prometheus, a second Prometheus, the OTLP push) ask.
import { SEVERITIES, type Severity } from '../../shared/contract';
import { DAY_MS, MINUTE_MS, startOfLocalDay } from '../../shared/time';
import { toAlarmViews } from '../alarms/alarm-views';
import { shiftOccurrences } from '../calendar';
import type { LinewatchConfig } from '../config';
import type { InsightWarning } from '../insights/warning';
import type { LiveInsights } from '../insights/live-insights';
import { buildReport } from '../kpi';
import type { Store } from '../store';
import type { LineFigures } from '../../shared/report/report-schema';

export const FIGURES_CACHE_MS = 15_000;

export type AvailabilityWindow = 'today' | 'shift';

export interface WindowFigures {
  window: AvailabilityWindow;
  site: LineFigures;
  lines: LineFigures[];
}

export interface PlantFigures {
  config: LinewatchConfig;
  windows: WindowFigures[];
  alarmsBySeverity: Record<Severity, number>;
  /** Per endpoint id, the kinds of its warnings still active. */
  activeWarnings: ReadonlyMap<string, readonly string[]>;
}

export interface PlantFiguresDeps {
  store: Pick<Store, 'transaction' | 'stateChanges' | 'progress' | 'outages' | 'alarms'>;
  config: () => LinewatchConfig;
  now: () => number;
  /** Commits what the engine still buffers, so the newest outages count. */
  flush: () => void;
  /** The live judge; a getter, as it starts after the engine that feeds the metrics. */
  liveInsights?: () => Pick<LiveInsights, 'minuteWarnings'> | null;
}

/** Today (site midnight to now) and the running shift (its start to now), when one runs. */
export function availabilityWindows(
  config: LinewatchConfig,
  nowMs: number,
): { window: AvailabilityWindow; fromMs: number }[] {
  const zone = config.site.timezone;
  const windows: { window: AvailabilityWindow; fromMs: number }[] = [
    { window: 'today', fromMs: startOfLocalDay(nowMs, zone) },
  ];
  const running = shiftOccurrences(config.shifts, zone, nowMs - DAY_MS, nowMs + DAY_MS).find(
    (o) => o.start <= nowMs && nowMs < o.end,
  );
  if (running) windows.push({ window: 'shift', fromMs: running.start });
  return windows;
}

function computePlantFigures(deps: PlantFiguresDeps): PlantFigures {
  deps.flush();
  const config = deps.config();
  const nowMs = deps.now();
  const windows = availabilityWindows(config, nowMs)
    .filter(({ fromMs }) => fromMs < nowMs)
    .map(({ window, fromMs }) => {
      const report = buildReport(deps.store, config, { fromMs, toMs: nowMs, nowMs });
      return { window, site: report.site, lines: report.lines };
    });
  const alarmsBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const alarm of toAlarmViews(deps.store.alarms.active(), config, deps.store, nowMs)) {
    alarmsBySeverity[alarm.impact.severity] += 1;
  }
  return { config, windows, alarmsBySeverity, activeWarnings: activeWarnings(deps, config, nowMs) };
}

function activeWarnings(
  deps: PlantFiguresDeps,
  config: LinewatchConfig,
  nowMs: number,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  // The live judge's warnings of the last minutes; null until it is warm, then there are none to show.
  const warningsOf = deps.liveInsights?.()?.minuteWarnings({ from: nowMs - 5 * MINUTE_MS, to: nowMs });
  if (!warningsOf) return out;
  for (const line of config.lines) {
    for (const endpoint of line.endpoints) {
      const kinds = [
        ...new Set(
          warningsOf(endpoint)
            .filter((w: InsightWarning) => w.endedAt === null)
            .map((w) => w.kind),
        ),
      ];
      if (kinds.length > 0) out.set(endpoint.id, kinds);
    }
  }
  return out;
}

export interface PlantFiguresSource {
  /** The cached figures, recomputed when older than FIGURES_CACHE_MS or the config changed. */
  current(): PlantFigures;
}

export function createPlantFigures(deps: PlantFiguresDeps): PlantFiguresSource {
  let cached: { at: number; figures: PlantFigures } | null = null;
  return {
    current() {
      const at = deps.now();
      if (
        cached &&
        cached.figures.config === deps.config() &&
        at >= cached.at &&
        at - cached.at < FIGURES_CACHE_MS
      ) {
        return cached.figures;
      }
      cached = { at, figures: computePlantFigures(deps) };
      return cached.figures;
    },
  };
}
