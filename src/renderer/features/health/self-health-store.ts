// Linewatch's own health as the console shows it (issue 14): the last answer of getHealth or the
// healthChanged event, and whether the "Linewatch itself" panel is open.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Health } from '../../../shared/contract';

export interface SelfHealthState {
  /** Null until main has answered once (or on an older host without getHealth). */
  health: Health | null;
  panelOpen: boolean;
  setHealth: (health: Health) => void;
  togglePanel: () => void;
  closePanel: () => void;
}

export type SelfHealthStore = StoreApi<SelfHealthState>;

export function createSelfHealthStore(): SelfHealthStore {
  return createStore<SelfHealthState>()((set) => ({
    health: null,
    panelOpen: false,
    setHealth: (health) => set({ health }),
    togglePanel: () => set((state) => ({ panelOpen: !state.panelOpen })),
    closePanel: () => set({ panelOpen: false }),
  }));
}

export const selfHealthStore = createSelfHealthStore();

export function useSelfHealth<T>(selector: (state: SelfHealthState) => T): T {
  return useStore(selfHealthStore, selector);
}
