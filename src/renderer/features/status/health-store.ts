// The engine's own health as the wall shows it: whether checks run late, and whether the config
// file on disk is broken (the engine then keeps running the last good one).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConfigIssue, ConfigStatus, EngineStatus } from '../../../shared/contract';

/** Below this, lateness is scheduling noise nobody needs to see. */
export const LAG_WARNING_MS = 1_000;

export interface HealthState {
  /** Worst scheduler lag of the last minute; null until the engine has answered once. */
  schedulerLagMs: number | null;
  configErrors: readonly ConfigIssue[];
  setEngineStatus(status: EngineStatus): void;
  setConfigStatus(status: ConfigStatus): void;
}

export type HealthStore = StoreApi<HealthState>;

export function createHealthStore(): HealthStore {
  return createStore<HealthState>()((set) => ({
    schedulerLagMs: null,
    configErrors: [],
    setEngineStatus: (status) => set({ schedulerLagMs: status.schedulerMaxLagMs }),
    setConfigStatus: (status) => set({ configErrors: status.errors }),
  }));
}

/** The lag worth warning about, or null when checks run on time (or we do not know yet). */
export function lagWarningMs(state: Pick<HealthState, 'schedulerLagMs'>): number | null {
  const lag = state.schedulerLagMs;
  return lag !== null && lag > LAG_WARNING_MS ? lag : null;
}

export const healthStore = createHealthStore();

export function useHealth<T>(selector: (state: HealthState) => T): T {
  return useStore(healthStore, selector);
}
