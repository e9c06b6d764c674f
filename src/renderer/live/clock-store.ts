// One shared ticking clock for the whole wall. Components derive a string from it with a selector,
// so a tile re-renders only when its own text changes (seconds only for recent state changes).
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export const clockStore = createStore<{ now: number }>()(() => ({ now: Date.now() }));

let ticking: ReturnType<typeof setInterval> | null = null;

/** Started once by the app root; aligned to the second so every display flips together. */
export function startClock(): () => void {
  if (ticking) return () => undefined;
  const tick = (): void => clockStore.setState({ now: Date.now() });
  const align = setTimeout(
    () => {
      tick();
      ticking = setInterval(tick, 1_000);
    },
    1_000 - (Date.now() % 1_000),
  );
  return () => {
    clearTimeout(align);
    if (ticking) clearInterval(ticking);
    ticking = null;
  };
}

export function useClock<T>(selector: (now: number) => T): T {
  return useStore(clockStore, (state) => selector(state.now));
}
