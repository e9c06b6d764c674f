// Where the minute detectors read an endpoint's past (issue 12): its minute rollups in the store,
// with minutes inside its maintenance windows left out (planned work is not degradation). The
// batch judge reads them once into an array; the live judge asks the store each time a detector
// looks back (a baseline re-learnt every few hours, the usual loss every hour, a warning's
// evidence), so it never holds weeks of minutes per endpoint in memory.
import type { Interval, MaintenanceCalendar } from '../calendar';
import type { Store } from '../store';
import type { MinuteSample } from './baseline';
import { addToTotals, arrayHistory, noTotals, type MinuteHistory } from './detectors';

/** The samples whose minute starts outside the (sorted, merged) maintenance intervals. */
export function outsideMaintenance(
  samples: MinuteSample[],
  maintenance: readonly Interval[],
): MinuteSample[] {
  if (maintenance.length === 0) return samples;
  let k = 0;
  return samples.filter((sample) => {
    while (k < maintenance.length && (maintenance[k]?.end ?? Infinity) <= sample.start) k++;
    const current = maintenance[k];
    return current === undefined || sample.start < current.start;
  });
}

export interface MinuteSource {
  store: Store;
  calendar: MaintenanceCalendar;
  endpointId: string;
  lineId: string;
}

/** The endpoint's minute samples in [from, to), maintenance left out, oldest first. */
export function readMinutes(source: MinuteSource, from: number, to: number): MinuteSample[] {
  const target = { endpointId: source.endpointId, lineId: source.lineId };
  return outsideMaintenance(
    source.store.rollups.series(source.endpointId, 'minute', from, to),
    source.calendar.windowsFor(target, from, to),
  );
}

/**
 * The store as a detector's history. While `preload` holds samples (a warm-up that steps through
 * days of them at once), reads inside its span are answered from memory; `dropPreload` frees it.
 */
export function storeHistory(source: MinuteSource): MinuteHistory & {
  preload(from: number, to: number): MinuteSample[];
  dropPreload(): void;
} {
  let preloaded: { from: number; to: number; history: MinuteHistory } | null = null;
  const inPreload = (from: number, to: number) =>
    preloaded !== null && from >= preloaded.from && to <= preloaded.to ? preloaded.history : null;
  return {
    slice: (from, to) => inPreload(from, to)?.slice(from, to) ?? readMinutes(source, from, to),
    totals(from, to) {
      const held = inPreload(from, to);
      if (held) return held.totals(from, to);
      const totals = noTotals();
      for (const sample of readMinutes(source, from, to)) addToTotals(totals, sample);
      return totals;
    },
    preload(from, to) {
      const samples = readMinutes(source, from, to);
      preloaded = { from, to, history: arrayHistory(samples) };
      return samples;
    },
    dropPreload() {
      preloaded = null;
    },
  };
}
