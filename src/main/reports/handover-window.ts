// Which time a shift handover covers: by default the most recent shift occurrence that has ended,
// `shiftId` narrows that to one shift, or an explicit window is taken as given.
import { DAY_MS } from '../../shared/time';
import { shiftOccurrences, type ShiftOccurrence } from '../calendar';
import type { LinewatchConfig } from '../config';

export interface HandoverWindow {
  fromMs: number;
  toMs: number;
  shift: { id: string; name: string } | null;
}

export type HandoverWindowResult =
  | { ok: true; window: HandoverWindow }
  /** `unknown_shift`: the asked shift id is not in the config; `no_occurrence`: nothing to report. */
  | { ok: false; reason: 'unknown_shift' | 'no_occurrence'; message: string };

// Every shift occurs daily, so a week back always holds one ended occurrence of each.
const LOOK_BACK_MS = 8 * DAY_MS;

/** Unclipped occurrences around `nowMs`: the window reaches far enough past now that a running
 * shift keeps its real end (shiftOccurrences clips to the window it is given). */
function occurrencesAround(config: LinewatchConfig, nowMs: number): ShiftOccurrence[] {
  const from = nowMs - LOOK_BACK_MS;
  return shiftOccurrences(config.shifts, config.site.timezone, from, nowMs + 2 * DAY_MS).filter(
    (o) => o.start > from,
  );
}

const shiftLabel = (config: LinewatchConfig, id: string): { id: string; name: string } => ({
  id,
  name: config.shifts.find((s) => s.id === id)?.name ?? id,
});

export function resolveHandoverWindow(
  config: LinewatchConfig,
  nowMs: number,
  request: { shiftId?: string; fromMs?: number; toMs?: number },
): HandoverWindowResult {
  if (request.fromMs !== undefined && request.toMs !== undefined) {
    const { fromMs, toMs } = request;
    // A window that is exactly one occurrence is labelled with its shift.
    const match = shiftOccurrences(config.shifts, config.site.timezone, fromMs - DAY_MS, toMs + DAY_MS).find(
      (o) => o.start === fromMs && o.end === toMs,
    );
    return { ok: true, window: { fromMs, toMs, shift: match ? shiftLabel(config, match.shiftId) : null } };
  }
  if (config.shifts.length === 0) {
    return {
      ok: false,
      reason: 'no_occurrence',
      message: 'the config defines no shifts: give the window explicitly',
    };
  }
  const { shiftId } = request;
  if (shiftId !== undefined && !config.shifts.some((s) => s.id === shiftId)) {
    const known = config.shifts.map((s) => s.id).join(', ');
    return {
      ok: false,
      reason: 'unknown_shift',
      message: `no shift "${shiftId}" in the config (shifts: ${known})`,
    };
  }
  const ended = occurrencesAround(config, nowMs).filter(
    (o) => o.end <= nowMs && (shiftId === undefined || o.shiftId === shiftId),
  );
  const last = ended.reduce<ShiftOccurrence | null>(
    (best, o) => (best === null || o.end > best.end ? o : best),
    null,
  );
  if (last === null)
    return { ok: false, reason: 'no_occurrence', message: 'no shift occurrence has ended in the last week' };
  return {
    ok: true,
    window: { fromMs: last.start, toMs: last.end, shift: shiftLabel(config, last.shiftId) },
  };
}
