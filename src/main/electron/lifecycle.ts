// The shell's life cycle: one instance per user-data folder, services started once the app is
// ready, and stopped (database flushed and closed) before the process is allowed to exit.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { ConfigLoadError } from '../app/config-load-error';
import type { LinewatchServices, LinewatchServicesOptions } from '../app/services-types';
import { formatIssue } from '../config';
import { registerAppProtocol, registerAppSchemePrivileged } from './app-protocol';
import { createDesktopNotifier } from './desktop-notifier';
import { createWindowEventSink } from './event-sink';
import { startElectronMainSentry } from './sentry-main';
import { bindContract, windowCaller, type ContractBinding } from './ipc-binding';
import { installWebContentsHardening, lockDownDefaultSession } from './security';
import { createMainWindow, revealWindow } from './window';
import { installCrashRecovery, kioskUrl, parseKioskOptions } from './kiosk';
import { enterKioskSession, kioskWindowOptionsFor } from './kiosk-window';
import { APP_INDEX_URL } from './app-protocol';

export const DEFAULT_CONFIG_FILE = 'linewatch.yaml';
/** The shell itself reading settings at startup: it only reads. */
const SHELL_CALLER = { connectionId: 'shell', canMutate: false, label: 'electron shell' } as const;
/** A hung probe or disk must not keep the app from quitting forever. */
const STOP_TIMEOUT_MS = 5_000;

/** A config error lists every FILE:LINE:COL problem; anything else shows its message. */
function describeStartupError(error: unknown): string {
  if (error instanceof ConfigLoadError) return [error.message, ...error.issues.map(formatIssue)].join('\n');
  return error instanceof Error ? error.message : String(error);
}

/** Value of `--name VALUE` or `--name=VALUE`, or null. */
export function argValue(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === name) return argv[i + 1] ?? null;
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return null;
}

/** `--config FILE`, else `<userData>/linewatch.yaml` if present, else null (the demo plant). */
export function resolveConfigPath(
  argv: readonly string[],
  userDataDir: string,
  exists: (path: string) => boolean = existsSync,
): string | null {
  const fromArgs = argValue(argv, '--config');
  if (fromArgs) return resolve(fromArgs);
  const inUserData = join(userDataDir, DEFAULT_CONFIG_FILE);
  return exists(inUserData) ? inUserData : null;
}

export interface ShellOptions {
  startServices: (options: LinewatchServicesOptions) => Promise<LinewatchServices>;
  argv: readonly string[];
  /** The built renderer folder served under app://linewatch/. */
  rendererDir: string;
  /** The CommonJS preload bundle. */
  preloadPath: string;
  log?: (line: string) => void;
}

export interface ShellHandle {
  /** Settles once services run and the window exists (rejects only if startup failed). */
  ready: Promise<void>;
  window(): BrowserWindow | null;
}

/** Returns null when another instance already runs (this one is quitting). */
export function runLinewatchShell(options: ShellOptions): ShellHandle | null {
  const log = options.log ?? ((line: string) => console.log(line));
  // Tests and a second wall profile need an isolated data folder; it also scopes the lock below.
  const userDataOverride = argValue(options.argv, '--user-data-dir');
  if (userDataOverride) app.setPath('userData', resolve(userDataOverride));

  // Two instances would fight over the SQLite file and double every probe.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  // Sandbox every renderer, even one created by a future window that forgets `sandbox: true`.
  app.enableSandbox();
  // Before the app scheme is registered and before `ready`: the SDK needs both for its own hooks.
  startElectronMainSentry(app.getPath('userData'), app.getVersion());
  registerAppSchemePrivileged();
  installWebContentsHardening();

  let mainWindow: BrowserWindow | null = null;
  let teardown: (() => void) | null = null;
  /** Set once services run: forgets a window's sessions, PIN throttling and rate limit. */
  let windowGone: ((webContentsId: number) => void) | null = null;
  let starting: Promise<LinewatchServices | null> | null = null;
  let stopping: Promise<void> | null = null;
  let stopped = false;

  const kiosk = parseKioskOptions(options.argv, argValue(options.argv, '--display'));
  // `--display N` wins; else the display chosen in the settings (read once services run).
  let kioskDisplay: number | null = kiosk.displayIndex;

  const openWindow = (): void => {
    const window = kiosk.kiosk
      ? createMainWindow({
          preloadPath: options.preloadPath,
          url: kioskUrl(APP_INDEX_URL),
          extra: kioskWindowOptionsFor(kioskDisplay),
        })
      : createMainWindow({ preloadPath: options.preloadPath });
    const leaveKiosk = kiosk.kiosk ? enterKioskSession() : () => undefined;
    installCrashRecovery(window, { log });
    // Read now: a destroyed webContents no longer answers for its id.
    const contentsId = window.webContents.id;
    window.webContents.once('destroyed', () => windowGone?.(contentsId));
    mainWindow = window;
    window.on('closed', () => {
      leaveKiosk();
      mainWindow = null;
    });
  };

  app.on('second-instance', () => revealWindow(mainWindow));
  // A wall console has nothing to do without its window, on macOS too.
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (mainWindow === null && teardown !== null) openWindow();
  });

  const stopServices = async (services: LinewatchServices | null): Promise<void> => {
    teardown?.();
    teardown = null;
    if (!services) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((done) => {
      timer = setTimeout(() => {
        log('linewatch: services did not stop in time; quitting anyway');
        done();
      }, STOP_TIMEOUT_MS);
    });
    await Promise.race([services.stop(), timeout]).finally(() => clearTimeout(timer));
  };

  // Quit is held back until the services have flushed and closed the database, then re-issued.
  // Both events are hooked because either can be the first one we see depending on how the quit
  // started (app.quit, last window closed, an updater closing windows first).
  const holdQuitUntilStopped = (event: { preventDefault(): void }): void => {
    if (stopped || starting === null) return;
    event.preventDefault();
    stopping ??= starting
      .then(stopServices)
      .catch((error: unknown) => log(`linewatch: error while stopping services: ${String(error)}`))
      .finally(() => {
        stopped = true;
        app.quit();
      });
  };
  app.on('before-quit', holdQuitUntilStopped);
  app.on('will-quit', holdQuitUntilStopped);
  // A service manager (systemd, a kiosk script) stops the app with SIGTERM: quit the normal way
  // so the database is closed cleanly.
  process.once('SIGTERM', () => app.quit());

  const start = async (): Promise<void> => {
    lockDownDefaultSession();
    registerAppProtocol(options.rendererDir);
    const dataDir = app.getPath('userData');
    const launching = options.startServices({
      dataDir,
      configPath: resolveConfigPath(options.argv, dataDir),
      host: 'electron',
      appVersion: app.getVersion(),
      log,
      showDesktopNotice: createDesktopNotifier({ onClick: () => revealWindow(mainWindow) }),
    });
    // The quit guard waits on this; it must not reject, the startup error is reported below.
    starting = launching.catch(() => null);
    const services = await launching;
    // Handlers before the window, so the renderer's first request never races an empty ipcMain.
    const binding: ContractBinding = bindContract(ipcMain, services.handlers);
    const unsubscribe = services.subscribe(createWindowEventSink());
    windowGone = (webContentsId) => {
      binding.windowClosed(webContentsId);
      services.connectionClosed(windowCaller(webContentsId).connectionId);
    };
    teardown = () => {
      unsubscribe();
      binding.unbind();
    };
    if (kiosk.kiosk && kioskDisplay === null) {
      kioskDisplay = (await services.handlers.getSettings({}, SHELL_CALLER)).displayIndex;
    }
    openWindow();
  };

  const ready = app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = describeStartupError(error);
      log(`linewatch: startup failed: ${message}`);
      dialog.showErrorBox('Linewatch could not start', message);
      stopped = true;
      // Services may have started before a later step failed: close the database first.
      void (starting ?? Promise.resolve(null))
        .then(stopServices)
        .catch(() => undefined)
        .finally(() => app.exit(1));
      throw error;
    });

  return { ready, window: () => mainWindow };
}
