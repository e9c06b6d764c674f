// Kiosk mode in the renderer: set by `?kiosk=1` (the Electron shell adds it for `--kiosk`, a browser
// wall uses it in its URL). The page then has no navigation, keeps the screen awake where the
// browser allows, hides the cursor when idle and rotates through the wall pages.
import { useEffect, useState } from 'react';

export function isKioskLocation(search: string): boolean {
  const value = new URLSearchParams(search).get('kiosk');
  return value === '1' || value === 'true';
}

export const KIOSK = typeof window !== 'undefined' && isKioskLocation(window.location.search);

/** Hide the pointer after this long without movement: a cursor parked on a tile hides its name. */
export const CURSOR_IDLE_MS = 3_000;

/** True while the pointer has not moved for CURSOR_IDLE_MS. */
export function useCursorIdle(enabled: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => setIdle(true), CURSOR_IDLE_MS);
    const onActivity = (): void => {
      clearTimeout(timer);
      setIdle(false);
      timer = setTimeout(() => setIdle(true), CURSOR_IDLE_MS);
    };
    window.addEventListener('pointermove', onActivity);
    window.addEventListener('pointerdown', onActivity);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', onActivity);
      window.removeEventListener('pointerdown', onActivity);
    };
  }, [enabled]);
  return enabled && idle;
}

/**
 * Keeps the screen on with the Screen Wake Lock API where the browser offers it. The browser drops
 * the lock whenever the page is hidden, so it is taken again each time the page becomes visible.
 */
export function useScreenWakeLock(enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let stopped = false;
    const acquire = (): void => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock.request('screen').then(
        (lock) => {
          if (stopped) void lock.release();
          else sentinel = lock;
        },
        () => undefined, // refused (no user gesture yet, power saver): the wall still works
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, [enabled]);
}

/** The next page of the rotation after `current` (the first one when `current` is not in it). */
export function nextRotationHash(pages: readonly string[], current: string): string | null {
  if (pages.length === 0) return null;
  const index = pages.indexOf(current);
  return pages[(index + 1) % pages.length] ?? null;
}

/** Moves to the next page every `seconds` while enabled; paused while `paused` (a dialog is open). */
export function useRotation(
  enabled: boolean,
  pages: readonly string[],
  seconds: number,
  paused: boolean,
): void {
  useEffect(() => {
    if (!enabled || paused || pages.length < 2) return;
    const timer = setInterval(() => {
      const next = nextRotationHash(pages, window.location.hash);
      if (next !== null) window.location.hash = next;
    }, seconds * 1_000);
    return () => clearInterval(timer);
  }, [enabled, pages, seconds, paused]);
}
