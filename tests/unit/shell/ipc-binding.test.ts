import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain } from 'electron';
import { fake, FakeBrowserWindow, resetFakeElectron } from './fake-electron';
import { fakeHandlers } from './handlers';
import { bindContract, isTrustedSender } from '../../../src/main/electron/ipc-binding';
import { createWindowEventSink } from '../../../src/main/electron/event-sink';
import { REQUEST_NAMES, eventChannel, requestChannel } from '../../../src/shared/contract';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule);

const fromApp = { senderFrame: { url: 'app://linewatch/index.html', parent: null } };

beforeEach(() => resetFakeElectron());

describe('bindContract', () => {
  it('registers exactly the contract channels, once each', () => {
    bindContract(ipcMain, fakeHandlers());
    const expected = REQUEST_NAMES.map(requestChannel);
    expect(fake.ipcMain.handleCalls).toEqual(expected);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...expected].sort());
  });

  it('returns a function that removes every handler', () => {
    const unbind = bindContract(ipcMain, fakeHandlers());
    unbind();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('answers a valid request from the app window with { ok: true, value }', async () => {
    const handlers = fakeHandlers();
    bindContract(ipcMain, handlers);
    const result = await fake.ipcMain.invoke(requestChannel('getAppInfo'), fromApp, {});
    expect(result).toEqual({
      ok: true,
      value: { name: 'Linewatch', version: '9.9.9-test', host: 'electron', demo: true },
    });
    expect(handlers.getAppInfo).toHaveBeenCalledOnce();
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a look-alike origin', { senderFrame: { url: 'app://linewatch.evil/index.html', parent: null } }],
    ['a sub-frame of the app', { senderFrame: { url: 'app://linewatch/index.html', parent: {} } }],
    ['a frame that is gone', { senderFrame: null }],
    [
      'a disposed frame',
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed');
        },
      },
    ],
  ])('refuses %s with forbidden_sender and never runs the handler', async (_label, event) => {
    const handlers = fakeHandlers();
    bindContract(ipcMain, handlers);
    for (const name of REQUEST_NAMES) {
      const result = await fake.ipcMain.invoke(requestChannel(name), event, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(handlers[name]).not.toHaveBeenCalled();
    }
  });

  it.each([[{ unexpected: 1 }], ['text'], [42]])(
    'answers bad_request to the malformed payload %j',
    async (payload) => {
      const handlers = fakeHandlers();
      bindContract(ipcMain, handlers);
      const result = await fake.ipcMain.invoke(requestChannel('getWallSnapshot'), fromApp, payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(handlers.getWallSnapshot).not.toHaveBeenCalled();
    },
  );

  it('lets the sender check be replaced', async () => {
    bindContract(ipcMain, fakeHandlers(), () => false);
    const result = await fake.ipcMain.invoke(requestChannel('getConfigStatus'), fromApp, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('trusts only the top-level app frame', () => {
    expect(isTrustedSender(fromApp)).toBe(true);
    expect(
      isTrustedSender({ senderFrame: { url: 'app://linewatch/index.html', parent: fromApp.senderFrame } }),
    ).toBe(false);
  });
});

describe('window event sink', () => {
  it('sends the event channel with the payload to every live window only', () => {
    const live = new FakeBrowserWindow({});
    const closed = new FakeBrowserWindow({});
    closed.webContents.destroyed = true;
    const payload = { states: [] };
    createWindowEventSink().emit('endpointStates', payload);
    expect(live.webContents.sent).toEqual([{ channel: eventChannel('endpointStates'), payload }]);
    expect(closed.webContents.sent).toEqual([]);
  });
});
