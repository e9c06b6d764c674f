// The live judge (issue 12): keeps every endpoint's RTT, loss and threshold detectors running as
// minutes close, so the console's early warnings cost one step per endpoint-minute instead of
// re-judging days of history on every request. It runs the very detectors of the batch judge
// (judge.ts, `linewatch insights`, the import), over the same minute rollups, on the injected
// clock; only where they read their past differs (minute-history.ts: the store, not an array).
//
// How it runs:
// - Warm-up: each endpoint is judged once from LIVE_WARM_MS before the start (its baselines from
//   the 7 days before that), one endpoint per slice, yielding between slices so the probes run.
//   Until every endpoint is warm the live judge answers nothing (insights-handlers.ts says so).
// - Every LIVE_TICK_MS: commit what the engine buffers, then step each endpoint through the
//   minutes that have settled: those that ended LIVE_SETTLE_MS or more ago (a check started late
//   in a minute lands after its timeout), again in slices.
// - A config change re-warms the endpoints whose judging inputs changed (the endpoint's line and
//   thresholds, the site's timezone, the maintenance windows); removed endpoints are dropped.
// - Ended warnings are kept while a window the console may ask for (MAX_INSIGHTS_WINDOW_MS plus
//   the judge's lookback) can still overlap them.
import { performance } from 'node:perf_hooks';
import { MAX_INSIGHTS_WINDOW_MS } from '../../shared/contract';
import { DAY_MS, MINUTE_MS } from '../../shared/time';
import { createMaintenanceCalendar } from '../calendar';
import type { TimerHandle, Clock } from '../clock/clock';
import type { EndpointConfig, LinewatchConfig } from '../config';
import type { Store } from '../store';
import { BASELINE_HISTORY_MS, firstIndexAt, type MinuteDetector } from './detectors';
import { JUDGE_LOOKBACK_MS, minuteDetectorsOf, overlaps, type InsightsWindow } from './judge';
import { readMinutes, storeHistory } from './minute-history';
import type { InsightWarning } from './warning';

/** How far back the warm-up judges: a day's window with the judge's day of lookback. */
export const LIVE_WARM_MS = DAY_MS + JUDGE_LOOKBACK_MS;
export const LIVE_TICK_MS = MINUTE_MS;
/** A minute is judged once it ended this long ago (probe timeouts and the engine's write buffer). */
export const LIVE_SETTLE_MS = 2 * MINUTE_MS;
/** Work per slice before yielding to the probes (wall time of this process). */
const SLICE_MS = 20;
const KEEP_ENDED_MS = MAX_INSIGHTS_WINDOW_MS + JUDGE_LOOKBACK_MS;

export interface LiveInsightsDeps {
  store: Store;
  config: () => LinewatchConfig;
  clock: Clock;
  /** Commits the checks the engine still buffers, so settled minutes are in the store. */
  flush: () => void;
  log?: (line: string) => void;
}

export interface LiveInsightsProgress {
  warm: number;
  devices: number;
}

export interface LiveInsights {
  /**
   * Per endpoint, its minute-detector warnings overlapping the window; null when the live judge
   * does not cover the window: not warm yet, a window that starts before what it judged (less
   * the judge's lookback), or one that ends before the minutes it has judged (a past window).
   */
  minuteWarnings(window: InsightsWindow): ((endpoint: EndpointConfig) => InsightWarning[]) | null;
  progress(): LiveInsightsProgress;
  /** Resolves when every endpoint is warm and stepped up to the settled minutes (tests, bench). */
  idle(): Promise<void>;
  stop(): void;
}

interface EndpointJudge {
  fingerprint: string;
  detectors: MinuteDetector[];
  /** Minutes from here on have not been judged yet. */
  next: number;
  /** Where judging began: windows starting less than a lookback after it are not covered. */
  judgedFrom: number;
}

/** What the live detectors of an endpoint depend on: when it changes, they are judged again. */
function fingerprintOf(config: LinewatchConfig, endpoint: EndpointConfig): string {
  return JSON.stringify([config.site.timezone, endpoint.lineId, endpoint.warn ?? null, config.maintenance]);
}

const settledUntil = (now: number) => Math.floor((now - LIVE_SETTLE_MS) / MINUTE_MS) * MINUTE_MS;

export function startLiveInsights(deps: LiveInsightsDeps): LiveInsights {
  const { store, clock } = deps;
  const judges = new Map<string, EndpointJudge>();
  let config = deps.config();
  let calendar = createMaintenanceCalendar(config);
  let endpoints = new Map(config.lines.flatMap((line) => line.endpoints).map((e) => [e.id, e]));
  /** Endpoints to (re)warm, in config order. */
  let toWarm: string[] = [...endpoints.keys()];
  /** Endpoints still to step in the current tick. */
  let toStep: string[] = [];
  let timer: TimerHandle | null = null;
  let working = false;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  const followConfig = (): void => {
    const next = deps.config();
    if (next === config) return;
    config = next;
    calendar = createMaintenanceCalendar(next);
    endpoints = new Map(next.lines.flatMap((line) => line.endpoints).map((e) => [e.id, e]));
    for (const id of judges.keys()) if (!endpoints.has(id)) judges.delete(id);
    const changed = [...endpoints.values()].filter(
      (endpoint) => judges.get(endpoint.id)?.fingerprint !== fingerprintOf(next, endpoint),
    );
    for (const endpoint of changed) judges.delete(endpoint.id);
    toWarm = [...new Set([...toWarm.filter((id) => endpoints.has(id)), ...changed.map((e) => e.id)])];
    if (toWarm.length > 0) schedule(0);
  };

  const warm = (endpoint: EndpointConfig, now: number): void => {
    const source = { store, calendar, endpointId: endpoint.id, lineId: endpoint.lineId };
    const history = storeHistory(source);
    const judgedFrom = Math.floor((now - LIVE_WARM_MS) / MINUTE_MS) * MINUTE_MS;
    const until = settledUntil(now);
    const samples = history.preload(judgedFrom - BASELINE_HISTORY_MS, until);
    const detectors = minuteDetectorsOf(config, endpoint, history);
    for (let i = firstIndexAt(samples, judgedFrom); i < samples.length; i++) {
      const sample = samples[i];
      if (sample) for (const detector of detectors) detector.step(sample);
    }
    history.dropPreload();
    judges.set(endpoint.id, {
      fingerprint: fingerprintOf(config, endpoint),
      detectors,
      next: until,
      judgedFrom,
    });
  };

  const step = (endpoint: EndpointConfig, judge: EndpointJudge, now: number): void => {
    const until = settledUntil(now);
    if (until <= judge.next) return;
    const source = { store, calendar, endpointId: endpoint.id, lineId: endpoint.lineId };
    for (const sample of readMinutes(source, judge.next, until))
      for (const detector of judge.detectors) detector.step(sample);
    judge.next = until;
    const keepFrom = now - KEEP_ENDED_MS;
    for (const detector of judge.detectors) {
      const old = detector.ended.findIndex((w) => w.endedAt === null || w.endedAt >= keepFrom);
      detector.ended.splice(0, old === -1 ? detector.ended.length : old);
    }
  };

  /** Runs queued work for up to SLICE_MS of wall time; returns whether work is left. */
  const runSlice = (now: number): boolean => {
    const started = performance.now();
    while (performance.now() - started < SLICE_MS) {
      const warmId = toWarm.shift();
      if (warmId !== undefined) {
        const endpoint = endpoints.get(warmId);
        if (endpoint) warm(endpoint, now);
        continue;
      }
      const stepId = toStep.shift();
      if (stepId === undefined) return false;
      const endpoint = endpoints.get(stepId);
      const judge = judges.get(stepId);
      if (endpoint && judge) step(endpoint, judge, now);
    }
    return toWarm.length > 0 || toStep.length > 0;
  };

  const work = (): void => {
    timer = null;
    working = true;
    let more = false;
    try {
      followConfig();
      if (toWarm.length === 0 && toStep.length === 0) {
        // A new tick: what the engine buffers goes to the store first, then every endpoint steps.
        deps.flush();
        toStep = [...judges.keys()];
      }
      more = runSlice(clock.now());
    } catch (error) {
      // A failing read must not stop live judging for good: log it and try again next tick.
      deps.log?.(`live insights: ${error instanceof Error ? error.message : String(error)}`);
      toStep = [];
    } finally {
      working = false;
    }
    if (more) {
      schedule(0);
      return;
    }
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
    schedule(LIVE_TICK_MS - (clock.now() % LIVE_TICK_MS) || LIVE_TICK_MS);
  };

  function schedule(ms: number): void {
    if (stopped || working) return;
    timer?.cancel();
    timer = clock.after(ms, work);
  }

  schedule(0);

  return {
    minuteWarnings(window) {
      followConfig();
      if (toWarm.length > 0 || judges.size < endpoints.size) return null;
      for (const judge of judges.values()) {
        if (window.from - JUDGE_LOOKBACK_MS < judge.judgedFrom) return null;
        // A window that ends before the judged minutes would see later ends: the batch judge
        // answers it, with warnings still active at its end open (endedAt null) as they were then.
        if (window.to < judge.next) return null;
      }
      return (endpoint) => {
        const judge = judges.get(endpoint.id);
        if (!judge) return [];
        return judge.detectors.flatMap((detector) =>
          [...detector.ended, ...detector.active()].filter((w) => overlaps(w, window)),
        );
      };
    },
    progress: () => ({ warm: judges.size, devices: endpoints.size }),
    idle() {
      if (stopped || (!working && toWarm.length === 0 && toStep.length === 0)) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stop() {
      stopped = true;
      timer?.cancel();
      timer = null;
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    },
  };
}
