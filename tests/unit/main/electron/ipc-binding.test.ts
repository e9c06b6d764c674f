import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain } from 'electron';
import { fake, FakeBrowserWindow, resetFakeElectron } from '../../../support/fake-electron';
import { fakeHandlers } from '../../../support/shell-handlers';
import { bindContract, isTrustedSender } from '@src/main/electron/ipc-binding';
import { createWindowEventSink } from '@src/main/electron/event-sink';
import { REQUEST_NAMES, eventChannel, requestChannel } from '@src/shared/contract';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

const fromApp = { senderFrame: { url: 'app://linewatch/index.html', parent: null }, sender: { id: 1 } };
const fromWindow = (id: number) => ({ ...fromApp, sender: { id } });

beforeEach(() => resetFakeElectron());

describe('bindContract', () => {
  it('registers exactly the contract channels, once each', () => {
    bindContract(ipcMain, fakeHandlers());
    const expected = REQUEST_NAMES.map(requestChannel);
    expect(fake.ipcMain.handleCalls).toEqual(expected);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...expected].sort());
  });

  it('returns a function that removes every handler', () => {
    const binding = bindContract(ipcMain, fakeHandlers());
    binding.unbind();
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('answers a valid request from the app window with { ok: true, value }', async () => {
    const handlers = fakeHandlers();
    bindContract(ipcMain, handlers);
    const result = await fake.ipcMain.invoke(requestChannel('getAppInfo'), fromApp, {});
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Linewatch',
        version: '9.9.9-test',
        host: 'electron',
        demo: true,
        access: 'operator',
        pinSet: false,
      },
    });
    expect(handlers.getAppInfo).toHaveBeenCalledOnce();
    // The caller is built from the window that sent it, never from the payload.
    expect(handlers.getAppInfo.mock.calls[0]).toEqual([
      {},
      { connectionId: 'ipc:1', canMutate: true, label: 'electron window 1' },
    ]);
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: 1 } }],
    [
      'a look-alike origin',
      { senderFrame: { url: 'app://linewatch.evil/index.html', parent: null }, sender: { id: 1 } },
    ],
    [
      'a sub-frame of the app',
      { senderFrame: { url: 'app://linewatch/index.html', parent: {} }, sender: { id: 1 } },
    ],
    ['a frame that is gone', { senderFrame: null, sender: { id: 1 } }],
    [
      'a disposed frame',
      {
        get senderFrame(): never {
          throw new Error('Render frame was disposed');
        },
        sender: { id: 1 },
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
    bindContract(ipcMain, fakeHandlers(), { senderCheck: () => false });
    const result = await fake.ipcMain.invoke(requestChannel('getConfigStatus'), fromApp, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('trusts only the top-level app frame', () => {
    expect(isTrustedSender(fromApp)).toBe(true);
    expect(
      isTrustedSender({
        senderFrame: { url: 'app://linewatch/index.html', parent: fromApp.senderFrame },
        sender: { id: 1 },
      }),
    ).toBe(false);
  });
});

describe('per-window rate limit', () => {
  const limits = { ratePerSecond: 1, burst: 3, abuseAfter: 100 };

  it('answers rate_limited past the burst, per window, without running the handler', async () => {
    const handlers = fakeHandlers();
    let now = 0;
    bindContract(ipcMain, handlers, { limits, now: () => now });
    const call = (id: number) => fake.ipcMain.invoke(requestChannel('getAppInfo'), fromWindow(id), {});
    for (let i = 0; i < 3; i += 1) expect(await call(1)).toMatchObject({ ok: true });
    expect(await call(1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(handlers.getAppInfo).toHaveBeenCalledTimes(3);
    // Another window has its own budget.
    expect(await call(2)).toMatchObject({ ok: true });
    // The bucket refills at the sustained rate.
    now = 1_000;
    expect(await call(1)).toMatchObject({ ok: true });
    expect(await call(1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('forgets a closed window', async () => {
    const binding = bindContract(ipcMain, fakeHandlers(), { limits, now: () => 0 });
    const call = () => fake.ipcMain.invoke(requestChannel('getAppInfo'), fromWindow(7), {});
    for (let i = 0; i < 3; i += 1) await call();
    expect(await call()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    binding.windowClosed(7);
    expect(await call()).toMatchObject({ ok: true });
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
