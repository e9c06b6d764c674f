// The figures behind the scrape-time gauges that need the store: line and site availability and
// downtime cost from the KPI report (the one formula, src/main/kpi), active alarms by severity
// (the alarms' own impact rules) and the endpoints' active early warnings. They cost a report of
// every endpoint, so they are computed at most once per FIGURES_REFRESH_MS however many scrapers
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

/**
 * How old the figures may be: availability so far today moves slowly, and two KPI reports of
 * 2,000 endpoints take a few hundred ms of the engine's thread (bench: metricsScrape2000).
 */
export const FIGURES_REFRESH_MS = 60_000;
const FIGURES_EARLY_REFRESH_MS = 5_000;

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
  /**
   * The cached figures. Older than their refresh age, they are still answered once more while
   * they are recomputed right after (so a scrape waits for a report only the very first time);
   * a changed config recomputes at once.
   */
  current(): PlantFigures;
}

/** Until every window has monitored time, refresh sooner: a fresh start fills in within seconds. */
const refreshAgeOf = (figures: PlantFigures): number =>
  figures.windows.some((w) => w.site.availability === null) ? FIGURES_EARLY_REFRESH_MS : FIGURES_REFRESH_MS;

export function createPlantFigures(deps: PlantFiguresDeps): PlantFiguresSource {
  let cached: { at: number; figures: PlantFigures } | null = null;
  let refreshing = false;
  const compute = (): PlantFigures => {
    cached = { at: deps.now(), figures: computePlantFigures(deps) };
    return cached.figures;
  };
  return {
    current() {
      if (!cached || cached.figures.config !== deps.config()) return compute();
      const age = deps.now() - cached.at;
      if ((age < 0 || age >= refreshAgeOf(cached.figures)) && !refreshing) {
        refreshing = true;
        setImmediate(() => {
          refreshing = false;
          try {
            compute();
          } catch {
            // The store is closed (stopping) or busy: the next scrape tries again.
          }
        });
      }
      return cached.figures;
    },
  };
}
