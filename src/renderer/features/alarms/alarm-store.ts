// The alarms operators must see: the active list as the services report it, worst first (see
// alarm-order.ts), plus the state of the acknowledge dialogs (one alarm, or all cleared ones).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AlarmView } from '../../../shared/contract';
import { compareAlarms } from './alarm-order';

export interface AcknowledgeDraft {
  alarmId: number;
  submitting: boolean;
  /** Why the last submit failed, in words for the operator; null before a submit or after success. */
  error: string | null;
}

/** The "Acknowledge all cleared" dialog: which alarms it offers are picked in the dialog itself. */
export interface AcknowledgeClearedDraft {
  submitting: boolean;
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
  acknowledgingCleared: AcknowledgeClearedDraft | null;
  // The actions are closures over the store (no `this`), so components may select them alone.
  setAlarms: (alarms: readonly AlarmView[]) => void;
  /** Replace alarms with newer versions of themselves (the answer to an acknowledge). */
  upsertAlarm: (...alarms: AlarmView[]) => void;
  setLoadError: (message: string | null) => void;
  openAcknowledge: (alarmId: number) => void;
  closeAcknowledge: () => void;
  setAcknowledgeProgress: (progress: Pick<AcknowledgeDraft, 'submitting' | 'error'>) => void;
  openAcknowledgeCleared: () => void;
  closeAcknowledgeCleared: () => void;
  setAcknowledgeClearedProgress: (progress: AcknowledgeClearedDraft) => void;
}

export type AlarmStore = StoreApi<AlarmState>;

export const isActive = (alarm: AlarmView): boolean => alarm.clearedAt === null;
export const isAcknowledged = (alarm: AlarmView): boolean => alarm.acknowledgedAt !== null;
export const needsAttention = (alarm: AlarmView): boolean => !isAcknowledged(alarm);

/** Cleared and acknowledged means nothing is left to do or to watch. */
export const isVisible = (alarm: AlarmView): boolean => isActive(alarm) || !isAcknowledged(alarm);

export function visibleAlarms(alarms: readonly AlarmView[]): AlarmView[] {
  return alarms.filter(isVisible).sort(compareAlarms);
}

export function createAlarmStore(): AlarmStore {
  return createStore<AlarmState>()((set) => ({
    alarms: [],
    loaded: false,
    loadError: null,
    acknowledging: null,
    acknowledgingCleared: null,
    setAlarms: (alarms) => set({ alarms: visibleAlarms(alarms), loaded: true, loadError: null }),
    upsertAlarm: (...alarms) =>
      set((state) => {
        const replaced = new Set(alarms.map((alarm) => alarm.id));
        return {
          alarms: visibleAlarms([
            ...state.alarms.filter((existing) => !replaced.has(existing.id)),
            ...alarms,
          ]),
        };
      }),
    setLoadError: (loadError) => set({ loadError }),
    openAcknowledge: (alarmId) => set({ acknowledging: { alarmId, submitting: false, error: null } }),
    closeAcknowledge: () => set({ acknowledging: null }),
    setAcknowledgeProgress: (progress) =>
      set((state) =>
        state.acknowledging ? { acknowledging: { ...state.acknowledging, ...progress } } : state,
      ),
    openAcknowledgeCleared: () => set({ acknowledgingCleared: { submitting: false, error: null } }),
    closeAcknowledgeCleared: () => set({ acknowledgingCleared: null }),
    setAcknowledgeClearedProgress: (progress) =>
      set((state) => (state.acknowledgingCleared ? { acknowledgingCleared: progress } : state)),
  }));
}

/** The renderer's single alarm store. Tests create their own with createAlarmStore(). */
export const alarmStore = createAlarmStore();

export function useAlarms<T>(selector: (state: AlarmState) => T): T {
  return useStore(alarmStore, selector);
}
