import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  FakeWebContents,
  defined,
  fake,
  fakeEvent,
  resetFakeElectron,
} from '../../../support/fake-electron';
import { fakeHandlers } from '../../../support/shell-handlers';
import { resolveConfigPath, runLinewatchShell } from '@src/main/electron/lifecycle';
import type { LinewatchServices, LinewatchServicesOptions } from '@src/main/app/services-types';
import { REQUEST_NAMES, requestChannel } from '@src/shared/contract';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

let userData: string;
// Never read: startup only hands them to protocol.handle and the window, both fakes here.
const paths = {
  rendererDir: '/app/out/renderer',
  preloadPath: '/app/out/preload/index.cjs',
  log: () => undefined,
};

function fakeServices() {
  const services = {
    handlers: fakeHandlers(),
    connectionClosed: vi.fn((_connectionId: string) => undefined),
    health: vi.fn(() => ({
      status: 'ok' as const,
      checkedAt: '2025-01-01T00:00:00.000Z',
      checks: [],
      systemAlarms: [],
    })),
    subscribe: vi.fn(() => vi.fn()),
    stop: vi.fn(() => Promise.resolve()),
  } satisfies LinewatchServices;
  const startServices = vi.fn((_options: LinewatchServicesOptions) =>
    Promise.resolve<LinewatchServices>(services),
  );
  return { services, startServices };
}

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'linewatch-userdata-'));
  fake.app.paths.set('userData', userData);
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

describe('single instance', () => {
  it('quits without a window or services when the lock is held elsewhere', async () => {
    fake.app.lockAvailable = false;
    const { startServices } = fakeServices();
    const shell = runLinewatchShell({ startServices, argv: ['electron', '.'], ...paths });
    await Promise.resolve();
    expect(shell).toBeNull();
    expect(fake.app.calls).toContain('quit');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(startServices).not.toHaveBeenCalled();
  });

  it('brings the existing window back when a second instance starts', async () => {
    const { startServices } = fakeServices();
    const shell = runLinewatchShell({ startServices, argv: ['electron', '.'], ...paths });
    await defined(shell).ready;
    const window = defined(FakeBrowserWindow.instances[0]);
    window.minimized = true;
    fake.app.emit('second-instance', fakeEvent(), ['electron', '.'], '/');
    expect(window.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('startup', () => {
  it('registers the privileged scheme before ready, then starts services, IPC and the window', async () => {
    fake.app.holdReady();
    const { services, startServices } = fakeServices();
    const shell = runLinewatchShell({ startServices, argv: ['electron', '.'], ...paths });
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.app.calls).toContain('enableSandbox');
    expect(startServices).not.toHaveBeenCalled();
    fake.app.becomeReady();
    await defined(shell).ready;

    expect(startServices).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: userData,
        configPath: null,
        host: 'electron',
        appVersion: '9.9.9-test',
      }),
    );
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(REQUEST_NAMES.map(requestChannel).sort());
    expect(services.subscribe).toHaveBeenCalledOnce();
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.session.permissionRequestHandler).not.toBeNull();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(defined(shell).window()).toBe(FakeBrowserWindow.instances[0]);
  });

  it('passes --config FILE to the services', async () => {
    const { startServices } = fakeServices();
    const shell = runLinewatchShell({
      startServices,
      argv: ['electron', '.', '--config', 'plant.yaml'],
      ...paths,
    });
    await defined(shell).ready;
    expect(defined(startServices.mock.calls[0])[0].configPath).toBe(resolve('plant.yaml'));
  });

  it('honours --user-data-dir before taking the lock', () => {
    const { startServices } = fakeServices();
    runLinewatchShell({
      startServices,
      argv: ['electron', '.', `--user-data-dir=${userData}/x`],
      ...paths,
    });
    expect(fake.app.getPath('userData')).toBe(join(userData, 'x'));
    expect(fake.app.calls.indexOf('setPath:userData')).toBeLessThan(
      fake.app.calls.indexOf('requestSingleInstanceLock'),
    );
  });

  it('reports a failed start, opens no window, and exits non-zero', async () => {
    const startServices = vi.fn(() => Promise.reject(new Error('config has 2 errors')));
    const shell = runLinewatchShell({ startServices, argv: ['electron', '.'], ...paths });
    await expect(defined(shell).ready).rejects.toThrow('config has 2 errors');
    expect(fake.errorBoxes[0]?.content).toBe('config has 2 errors');
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    await vi.waitFor(() => expect(fake.app.calls).toContain('exit:1'), { timeout: 20_000 });
  });
});

describe('shutdown', () => {
  it('holds the quit until services stopped, then quits again', async () => {
    const { services, startServices } = fakeServices();
    let releaseStop: () => void = () => undefined;
    services.stop.mockImplementation(() => new Promise<void>((done) => (releaseStop = done)));
    const shell = runLinewatchShell({ startServices, argv: ['electron', '.'], ...paths });
    await defined(shell).ready;

    const first = fakeEvent();
    fake.app.emit('before-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(services.stop).toHaveBeenCalledOnce(), { timeout: 20_000 });
    expect(fake.app.calls).not.toContain('quit');
    expect(fake.ipcMain.handlers.size).toBe(0);

    const duringStop = fakeEvent();
    fake.app.emit('will-quit', duringStop);
    expect(duringStop.defaultPrevented).toBe(true);

    releaseStop();
    await vi.waitFor(() => expect(fake.app.calls).toContain('quit'), { timeout: 20_000 });
    const again = fakeEvent();
    fake.app.emit('before-quit', again);
    fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
    expect(services.stop).toHaveBeenCalledOnce();
  });

  it("forgets a window's operator sessions when its webContents is destroyed", async () => {
    const { services, startServices } = fakeServices();
    // The fake webContents has no id of its own; Electron's always has one.
    Object.defineProperty(FakeWebContents.prototype, 'id', { value: 42, configurable: true });
    try {
      await defined(runLinewatchShell({ startServices, argv: ['electron', '.'], ...paths })).ready;
      const contents = defined(FakeBrowserWindow.instances[0]).webContents;
      expect(services.connectionClosed).not.toHaveBeenCalled();
      contents.emit('destroyed');
      expect(services.connectionClosed).toHaveBeenCalledWith('ipc:42');
    } finally {
      Reflect.deleteProperty(FakeWebContents.prototype, 'id');
    }
  });

  it('quits when the last window closes', async () => {
    const { startServices } = fakeServices();
    await defined(runLinewatchShell({ startServices, argv: ['electron', '.'], ...paths })).ready;
    fake.app.emit('window-all-closed');
    expect(fake.app.calls).toContain('quit');
  });
});

describe('resolveConfigPath', () => {
  it('prefers --config, then <userData>/linewatch.yaml, else the demo plant (null)', () => {
    expect(resolveConfigPath(['x', '--config', '/etc/plant.yaml'], userData)).toBe('/etc/plant.yaml');
    expect(resolveConfigPath(['x', '--config=/etc/plant.yaml'], userData)).toBe('/etc/plant.yaml');
    expect(resolveConfigPath(['x'], userData)).toBeNull();
    writeFileSync(join(userData, 'linewatch.yaml'), 'site: {}');
    expect(resolveConfigPath(['x'], userData)).toBe(join(userData, 'linewatch.yaml'));
  });
});
