import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, defined, resetFakeElectron } from '../../../support/fake-electron';
import { createMainWindow, WINDOW_BACKGROUND } from '@src/main/electron/window';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

beforeEach(() => resetFakeElectron());

describe('main window', () => {
  it('is created with every hardening flag and the preload', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs' });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const options = defined(FakeBrowserWindow.instances[0]).options;
    expect(options.webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('has a dark background, stays hidden until painted, and loads the app origin', () => {
    createMainWindow({ preloadPath: '/p.cjs' });
    const window = defined(FakeBrowserWindow.instances[0]);
    expect(window.options.backgroundColor).toBe(WINDOW_BACKGROUND);
    expect(window.options.show).toBe(false);
    expect(window.loadedUrls).toEqual(['app://linewatch/index.html']);
    window.emit('ready-to-show');
    expect(window.calls).toContain('show');
  });
});
