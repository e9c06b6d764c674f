// Kiosk mode for a wall screen: `--kiosk` opens the window full-screen without menu or frame on the
// chosen display (`--display N`, else the display index from the settings), keeps the display awake,
// and reloads a crashed renderer with exponential backoff, so an unattended wall heals itself.
import type { BrowserWindow, BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface KioskOptions {
  kiosk: boolean;
  /** From `--display N`; overrides the setting. */
  displayIndex: number | null;
}

/** `displayArg` is the value of `--display` (lifecycle's argValue), null when absent. */
export function parseKioskOptions(argv: readonly string[], displayArg: string | null): KioskOptions {
  const display = displayArg;
  const index = display === null ? NaN : Number(display);
  return {
    kiosk: argv.includes('--kiosk'),
    displayIndex: Number.isInteger(index) && index >= 0 ? index : null,
  };
}

/** The display at `index` in the OS list, falling back to the primary one when it is absent. */
export function chooseDisplayBounds(
  displays: readonly { bounds: Rectangle }[],
  primary: { bounds: Rectangle },
  index: number | null,
): Rectangle {
  const chosen = index === null ? undefined : displays[index];
  return (chosen ?? primary).bounds;
}

export function kioskWindowOptions(bounds: Rectangle): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
  };
}

/** The renderer reads `?kiosk=1`: no navigation, rotating pages, PIN-gated actions. */
export const kioskUrl = (indexUrl: string): string => `${indexUrl}?kiosk=1#/overview`;

export const RELOAD_MIN_MS = 1_000;
export const RELOAD_MAX_MS = 60_000;
/** A renderer that stayed up this long counts as healed: the next crash starts at 1 s again. */
export const STABLE_AFTER_MS = 60_000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type RecoverableWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'reload'>;
};

/**
 * Reloads the page after `render-process-gone`, waiting 1 s, 2 s, 4 s ... up to 60 s between
 * attempts, so a page that crashes on load does not spin the CPU. Returns the delays used (tests).
 */
export function installCrashRecovery(
  window: RecoverableWindow,
  options: { timers?: Timers; log?: (line: string) => void } = {},
): { delays: number[] } {
  const timers = options.timers ?? realTimers;
  const delays: number[] = [];
  let nextDelay = RELOAD_MIN_MS;
  let pending: unknown = null;
  let stable: unknown = null;

  window.webContents.on('render-process-gone', (_event, details) => {
    if (stable !== null) timers.clearTimeout(stable);
    stable = null;
    if (pending !== null) return;
    const delay = nextDelay;
    nextDelay = Math.min(nextDelay * 2, RELOAD_MAX_MS);
    delays.push(delay);
    options.log?.(`linewatch: renderer gone (${details.reason}); reloading in ${delay / 1000} s`);
    pending = timers.setTimeout(() => {
      pending = null;
      if (!window.isDestroyed()) window.webContents.reload();
    }, delay);
  });
  window.webContents.on('did-finish-load', () => {
    if (stable !== null) timers.clearTimeout(stable);
    stable = timers.setTimeout(() => {
      stable = null;
      nextDelay = RELOAD_MIN_MS;
    }, STABLE_AFTER_MS);
  });
  return { delays };
}
