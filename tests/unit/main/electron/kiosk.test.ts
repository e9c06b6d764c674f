import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEmitter, FakeBrowserWindow, defined, resetFakeElectron } from '../../../support/fake-electron';
import {
  chooseDisplayBounds,
  installCrashRecovery,
  kioskUrl,
  kioskWindowOptions,
  parseKioskOptions,
  type Timers,
} from '@src/main/electron/kiosk';
import { createMainWindow } from '@src/main/electron/window';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

beforeEach(() => resetFakeElectron());

/** Timers run by hand: `tick(ms)` fires whatever is due. */
function manualTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    setTimeout: (run, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => void due.delete(id as number),
  };
  const tick = (ms: number): void => {
    now += ms;
    for (const [id, timer] of [...due]) {
      if (timer.at <= now) {
        due.delete(id);
        timer.run();
      }
    }
  };
  return { timers, tick };
}

class CrashyContents extends FakeEmitter {
  reloads = 0;
  reload(): void {
    this.reloads += 1;
  }
}

const display = (x: number) => ({ bounds: { x, y: 0, width: 1920, height: 1080 } });

describe('kiosk options', () => {
  it('reads --kiosk and --display N, ignoring a bad display number', () => {
    expect(parseKioskOptions(['electron', '.', '--kiosk'], '1')).toEqual({ kiosk: true, displayIndex: 1 });
    expect(parseKioskOptions(['electron', '.'], null)).toEqual({ kiosk: false, displayIndex: null });
    expect(parseKioskOptions(['--kiosk'], 'left')).toEqual({ kiosk: true, displayIndex: null });
  });

  it('puts the window on the chosen display, falling back to the primary one', () => {
    const displays = [display(0), display(1920)];
    expect(chooseDisplayBounds(displays, display(0), 1).x).toBe(1920);
    expect(chooseDisplayBounds(displays, display(0), 5).x).toBe(0);
    expect(chooseDisplayBounds(displays, display(0), null).x).toBe(0);
  });

  it('opens a frameless full-screen kiosk window with the hardening intact', () => {
    createMainWindow({
      preloadPath: '/p.cjs',
      url: kioskUrl('app://linewatch/index.html'),
      extra: kioskWindowOptions(display(1920).bounds),
    });
    const window = defined(FakeBrowserWindow.instances[0]);
    expect(window.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      x: 1920,
      width: 1920,
    });
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(window.loadedUrls).toEqual(['app://linewatch/index.html?kiosk=1#/overview']);
  });
});

describe('crashed renderer recovery', () => {
  function crashy() {
    const webContents = new CrashyContents();
    const window = { isDestroyed: () => false, webContents };
    return { window, webContents };
  }
  const crash = (contents: CrashyContents) => contents.emit('render-process-gone', {}, { reason: 'crashed' });

  it('reloads with exponential backoff from 1 s up to 60 s', () => {
    const { timers, tick } = manualTimers();
    const { window, webContents } = crashy();
    // The fake's `on` signature is looser than Electron's; the shape is what the code uses.
    const { delays } = installCrashRecovery(window as unknown as Parameters<typeof installCrashRecovery>[0], {
      timers,
    });
    for (let i = 0; i < 8; i += 1) {
      crash(webContents);
      tick(60_000);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    expect(webContents.reloads).toBe(8);
  });

  it('does not stack reloads, and starts at 1 s again after a minute of stable running', () => {
    const { timers, tick } = manualTimers();
    const { window, webContents } = crashy();
    const { delays } = installCrashRecovery(window as unknown as Parameters<typeof installCrashRecovery>[0], {
      timers,
    });
    crash(webContents);
    crash(webContents);
    tick(1_000);
    expect(webContents.reloads).toBe(1);
    crash(webContents);
    tick(2_000);
    webContents.emit('did-finish-load');
    tick(60_000);
    crash(webContents);
    expect(delays).toEqual([1_000, 2_000, 1_000]);
  });
});
