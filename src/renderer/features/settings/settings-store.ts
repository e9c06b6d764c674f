// The console settings as main last reported them (the PIN only as `pinSet`). Loaded at start and
// replaced by the answer of every update, so the kiosk rotation follows a change at once.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ConsoleSettings } from '../../../shared/contract';
import type { LinewatchClient } from '../../client/linewatch-client';

export interface SettingsState {
  settings: ConsoleSettings | null;
  setSettings(settings: ConsoleSettings): void;
}

export const settingsStore = createStore<SettingsState>()((set) => ({
  settings: null,
  setSettings: (settings) => set({ settings }),
}));

export function useSettings<T>(selector: (state: SettingsState) => T): T {
  return useStore(settingsStore, selector);
}

/** Loads the settings, retrying every 5 s while the services cannot answer yet. */
export function startSettingsSync(client: Pick<LinewatchClient, 'getSettings'>): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const load = (): void => {
    client.getSettings().then(
      (settings) => {
        if (!stopped) settingsStore.getState().setSettings(settings);
      },
      () => {
        if (!stopped) timer = setTimeout(load, 5_000);
      },
    );
  };
  load();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
