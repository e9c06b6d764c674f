// Which devices are degrading right now (issue 12): the endpoints with an ACTIVE early warning (no
// end) in the last 24 h, from the getInsights contract entry, asked every minute. One request for
// the whole site and a Set: a tile asks "am I degrading?" and gets a boolean, a line block asks
// "how many?" and gets a number, so 2,000 tiles re-render only when their own answer changes.
// When the services cannot answer (an older host, a failure) nothing is shown as degrading: a badge
// is never drawn from a guess.
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Insights, InsightWarningView } from '../../../shared/contract';
import { DAY_MS, isoTime as iso } from '../../../shared/time';
import type { LinewatchClient } from '../../client/linewatch-client';

export const DEGRADING_REFRESH_MS = 60_000;
/** The window judged: long enough for a slow rise to show, short enough to stay cheap. */
export const DEGRADING_WINDOW_MS = DAY_MS;
/**
 * The first request waits this long: judging a site's day is heavy work for the services, and a
 * wall's first load must get its snapshot and tiles first.
 */
export const DEGRADING_FIRST_DELAY_MS = 5_000;
/** Windows end on this grid so that several pages asking together ask the same (from, to). */
const WINDOW_GRID_MS = 10_000;

export interface DegradingState {
  status: 'loading' | 'ready' | 'unavailable';
  /** Endpoints with at least one active warning. */
  endpoints: ReadonlySet<string>;
  /** Per line: how many of its endpoints are degrading. */
  byLine: Readonly<Record<string, number>>;
  /** Per degrading endpoint, its strongest active warning (for the usage event; no tile reads it). */
  strongest: ReadonlyMap<string, DegradingSignal>;
}

export interface DegradingSignal {
  kind: InsightWarningView['kind'];
  score: number;
  startedAtMs: number;
}

export const degradingStore = createStore<DegradingState>()(() => ({
  status: 'loading',
  endpoints: new Set<string>(),
  byLine: {},
  strongest: new Map(),
}));

/** The active warnings of an answer, as the set of endpoints and the count per line. */
export function activeDegrading(insights: Pick<Insights, 'warnings'>): Omit<DegradingState, 'status'> {
  const endpoints = new Set<string>();
  const byLine: Record<string, number> = {};
  const strongest = new Map<string, DegradingSignal>();
  for (const warning of insights.warnings) {
    if (warning.endedAt !== null) continue;
    const known = strongest.get(warning.endpointId);
    if (!known || warning.score > known.score) {
      strongest.set(warning.endpointId, {
        kind: warning.kind,
        score: warning.score,
        startedAtMs: Date.parse(warning.startedAt),
      });
    }
    if (endpoints.has(warning.endpointId)) continue;
    endpoints.add(warning.endpointId);
    byLine[warning.lineId] = (byLine[warning.lineId] ?? 0) + 1;
  }
  return { endpoints, byLine, strongest };
}

export const isDegradingIn = (state: DegradingState, endpointId: string): boolean =>
  state.endpoints.has(endpointId);

/** The degrading devices of a line, as one string (a primitive: compared by value). */
export const degradingKeyIn = (state: DegradingState, endpointIds: readonly string[]): string =>
  endpointIds.filter((id) => state.endpoints.has(id)).join('\n');

/** Devices of a line degrading now; null until the services have answered. */
export const degradingCountIn = (state: DegradingState, lineId: string): number | null =>
  state.status === 'ready' ? (state.byLine[lineId] ?? 0) : null;

/** A boolean per tile: the tile re-renders only when its own endpoint starts or stops degrading. */
export function useIsDegrading(endpointId: string): boolean {
  return useStore(degradingStore, (s) => isDegradingIn(s, endpointId));
}

/**
 * For a line block that draws its chips: which of them are degrading, so the chips get a prop and
 * hold no subscription of their own (2,000 chips, one subscription each is the budget).
 */
export function useDegradingOf(endpointIds: readonly string[]): ReadonlySet<string> {
  const key = useStore(degradingStore, (s) => degradingKeyIn(s, endpointIds));
  return useMemo(() => new Set(key === '' ? [] : key.split('\n')), [key]);
}

/** A number per line block: it re-renders only when its line's count changes. */
export function useDegradingCount(lineId: string): number | null {
  return useStore(degradingStore, (s) => degradingCountIn(s, lineId));
}

let running: { users: number; stop: () => void } | null = null;

/**
 * Polls getInsights for the last DEGRADING_WINDOW_MS every `refreshMs`. Shared: the wall and the
 * overview may both start it, one poll runs, and it stops when the last of them stops.
 */
export function startDegradingSync(
  client: Pick<LinewatchClient, 'getInsights'>,
  options: { now?: () => number; refreshMs?: number; firstAfterMs?: number } = {},
): () => void {
  if (running) {
    running.users += 1;
  } else {
    const now = options.now ?? Date.now;
    let stopped = false;
    let latest = 0;
    const refresh = async (): Promise<void> => {
      const request = ++latest;
      const to = Math.floor(now() / WINDOW_GRID_MS) * WINDOW_GRID_MS;
      try {
        const insights = await client.getInsights({ from: iso(to - DEGRADING_WINDOW_MS), to: iso(to) });
        // A slower, older answer must not overwrite a newer one.
        if (!stopped && request === latest)
          degradingStore.setState({ status: 'ready', ...activeDegrading(insights) });
      } catch {
        if (!stopped && request === latest)
          degradingStore.setState({
            status: 'unavailable',
            endpoints: new Set<string>(),
            byLine: {},
            strongest: new Map(),
          });
      }
    };
    let timer: ReturnType<typeof setInterval> | null = null;
    const first = setTimeout(() => {
      void refresh();
      timer = setInterval(() => void refresh(), options.refreshMs ?? DEGRADING_REFRESH_MS);
    }, options.firstAfterMs ?? DEGRADING_FIRST_DELAY_MS);
    running = {
      users: 1,
      stop: () => {
        stopped = true;
        clearTimeout(first);
        if (timer !== null) clearInterval(timer);
      },
    };
  }
  let released = false;
  return () => {
    if (released || !running) return;
    released = true;
    running.users -= 1;
    if (running.users === 0) {
      running.stop();
      running = null;
    }
  };
}
