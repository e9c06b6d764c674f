// The alarms operators must see: the active list as the services report it, sorted so the ones
// nobody has answered yet come first, plus the state of the one acknowledge dialog the wall has.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AlarmView } from '../../../shared/contract';

export interface AcknowledgeDraft {
  alarmId: number;
  submitting: boolean;
  /** Why the last submit failed, in words for the operator; null before a submit or after success. */
  error: string | null;
}

export interface AlarmState {
  /** Visible alarms only (cleared and acknowledged ones are gone), in display order. */
  alarms: readonly AlarmView[];
  /** False until the first list arrives, so "no alarms" is never claimed before we know. */
  loaded: boolean;
  /** Why the last refresh failed; the list shown may be stale while this is set. */
  loadError: string | null;
  acknowledging: AcknowledgeDraft | null;
  // The actions are closures over the store (no `this`), so components may select them alone.
  setAlarms: (alarms: readonly AlarmView[]) => void;
  /** Replace one alarm with a newer version of itself (the answer to an acknowledge). */
  upsertAlarm: (alarm: AlarmView) => void;
  setLoadError: (message: string | null) => void;
  openAcknowledge: (alarmId: number) => void;
  closeAcknowledge: () => void;
  setAcknowledgeProgress: (progress: Pick<AcknowledgeDraft, 'submitting' | 'error'>) => void;
}

export type AlarmStore = StoreApi<AlarmState>;

export const isActive = (alarm: AlarmView): boolean => alarm.clearedAt === null;
export const isAcknowledged = (alarm: AlarmView): boolean => alarm.acknowledgedAt !== null;
export const needsAttention = (alarm: AlarmView): boolean => !isAcknowledged(alarm);

/** Cleared and acknowledged means nothing is left to do or to watch. */
export const isVisible = (alarm: AlarmView): boolean => isActive(alarm) || !isAcknowledged(alarm);

/** Unacknowledged first, then newest first; the id breaks ties so the order never jitters. */
export function compareAlarms(a: AlarmView, b: AlarmView): number {
  const attention = Number(needsAttention(b)) - Number(needsAttention(a));
  if (attention !== 0) return attention;
  const newer = Date.parse(b.raisedAt) - Date.parse(a.raisedAt);
  if (newer !== 0) return newer;
  return b.id - a.id;
}

export function visibleAlarms(alarms: readonly AlarmView[]): AlarmView[] {
  return alarms.filter(isVisible).sort(compareAlarms);
}

export function createAlarmStore(): AlarmStore {
  return createStore<AlarmState>()((set) => ({
    alarms: [],
    loaded: false,
    loadError: null,
    acknowledging: null,
    setAlarms: (alarms) => set({ alarms: visibleAlarms(alarms), loaded: true, loadError: null }),
    upsertAlarm: (alarm) =>
      set((state) => ({
        alarms: visibleAlarms([...state.alarms.filter((existing) => existing.id !== alarm.id), alarm]),
      })),
    setLoadError: (loadError) => set({ loadError }),
    openAcknowledge: (alarmId) => set({ acknowledging: { alarmId, submitting: false, error: null } }),
    closeAcknowledge: () => set({ acknowledging: null }),
    setAcknowledgeProgress: (progress) =>
      set((state) =>
        state.acknowledging ? { acknowledging: { ...state.acknowledging, ...progress } } : state,
      ),
  }));
}

/** The renderer's single alarm store. Tests create their own with createAlarmStore(). */
export const alarmStore = createAlarmStore();

export function useAlarms<T>(selector: (state: AlarmState) => T): T {
  return useStore(alarmStore, selector);
}
