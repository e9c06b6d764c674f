// Whether the wall may beep. Browsers only allow audio after the user has interacted with the page
// once, so `unlocked` tracks that; `muted` is the operator's choice. Mute is deliberately not
// persisted: a wall that silently stays muted after a restart would be worse than a beep too many.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface SoundState {
  muted: boolean;
  unlocked: boolean;
  toggleMuted(): void;
  setUnlocked(): void;
}

export const soundStore = createStore<SoundState>()((set) => ({
  muted: false,
  unlocked: false,
  toggleMuted: () => set((state) => ({ muted: !state.muted })),
  setUnlocked: () => set({ unlocked: true }),
}));

export function useSound<T>(selector: (state: SoundState) => T): T {
  return useStore(soundStore, selector);
}
