// Where the minute detectors read an endpoint's past (issue 12): its minute rollups in the store,
// with minutes inside its maintenance windows left out (planned work is not degradation). The
// batch judge reads them once into an array; the live judge asks the store each time a detector
// looks back (a baseline re-learnt every few hours, the usual loss every hour, a warning's
// evidence), so it never holds weeks of minutes per endpoint in memory.
import { HOUR_MS } from '../../shared/time';
import type { Interval, MaintenanceCalendar } from '../calendar';
import type { Store } from '../store';
import type { MinuteSample } from './baseline';
import {
  addToTotals,
  arrayHistory,
  BASELINE_HISTORY_MS,
  noTotals,
  type LossTotals,
  type MinuteHistory,
} from './detectors';

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

/** How many hours of loss totals the live history keeps: the baseline's week and a margin. */
const HOUR_TOTALS_KEPT = Math.ceil(BASELINE_HISTORY_MS / HOUR_MS) + 24;

/**
 * The loss totals of whole hours, kept per endpoint in one small typed ring (an hour's slot holds
 * its hour index and its three totals). The usual loss is re-learnt every hour over the past week:
 * with this each re-learn reads one new hour from the store instead of the whole week. A past
 * hour's minutes no longer change once the detectors have judged past it (they never read ahead).
 */
function hourTotalsRing(readHour: (hourStart: number) => LossTotals) {
  const slots = new Float64Array(HOUR_TOTALS_KEPT * 4).fill(NaN);
  return (hourStart: number): LossTotals => {
    const hour = hourStart / HOUR_MS;
    const at = (hour % HOUR_TOTALS_KEPT) * 4;
    if (slots[at] !== hour) {
      const totals = readHour(hourStart);
      slots.set([hour, totals.checks, totals.failed, totals.measured], at);
    }
    return { checks: slots[at + 1] ?? 0, failed: slots[at + 2] ?? 0, measured: slots[at + 3] ?? 0 };
  };
}

function totalsOf(samples: readonly MinuteSample[]): LossTotals {
  const totals = noTotals();
  for (const sample of samples) addToTotals(totals, sample);
  return totals;
}

/**
 * The store as a detector's history. While `preload` holds samples (a warm-up that steps through
 * days of them at once), reads inside its span are answered from memory; `dropPreload` frees it.
 * Totals of whole hours come from a per-endpoint ring (hourTotalsRing); the ragged ends of a span
 * are read from the store.
 */
export function storeHistory(source: MinuteSource): MinuteHistory & {
  preload(from: number, to: number): MinuteSample[];
  dropPreload(): void;
} {
  let preloaded: { from: number; to: number; history: MinuteHistory } | null = null;
  const inPreload = (from: number, to: number) =>
    preloaded !== null && from >= preloaded.from && to <= preloaded.to ? preloaded.history : null;
  const slice = (from: number, to: number) =>
    inPreload(from, to)?.slice(from, to) ?? readMinutes(source, from, to);
  const hourTotals = hourTotalsRing((hourStart) => totalsOf(slice(hourStart, hourStart + HOUR_MS)));
  return {
    slice,
    totals(from, to) {
      const held = inPreload(from, to);
      if (held) return held.totals(from, to);
      const firstHour = Math.ceil(from / HOUR_MS) * HOUR_MS;
      const lastHour = Math.floor(to / HOUR_MS) * HOUR_MS;
      if (lastHour <= firstHour) return totalsOf(readMinutes(source, from, to));
      const totals = totalsOf(readMinutes(source, from, firstHour));
      for (let hour = firstHour; hour < lastHour; hour += HOUR_MS) {
        const part = hourTotals(hour);
        totals.checks += part.checks;
        totals.failed += part.failed;
        totals.measured += part.measured;
      }
      const tail = totalsOf(readMinutes(source, lastHour, to));
      return {
        checks: totals.checks + tail.checks,
        failed: totals.failed + tail.failed,
        measured: totals.measured + tail.measured,
      };
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
