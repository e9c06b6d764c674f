// The wall window. Every renderer-facing hardening flag is spelled out even where it matches
// Electron's default, so a future default change (or a copied template) cannot weaken it silently.
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { APP_INDEX_URL } from './app-protocol';

/** Matches the dashboard's background so the window never flashes white in a dark control room. */
export const WINDOW_BACKGROUND = '#0b0f14';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // Spellcheck would download dictionaries from Google: factory networks are often offline.
    spellcheck: false,
    preload: preloadPath,
  };
}

export interface MainWindowOptions {
  /** Absolute path of the CommonJS preload bundle. */
  preloadPath: string;
  url?: string;
  /** Extra options (kiosk: full screen on a chosen display); they override the defaults below. */
  extra?: BrowserWindowConstructorOptions;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1600,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Linewatch',
    backgroundColor: WINDOW_BACKGROUND,
    autoHideMenuBar: true,
    // Shown once painted, so operators never see a half-rendered wall.
    show: false,
    ...options.extra,
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url ?? APP_INDEX_URL);
  return window;
}

/** Brings an existing window to the operator (used when a second instance is started). */
export function revealWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
