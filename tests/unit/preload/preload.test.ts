import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from '../../support/fake-electron';
import {
  EVENT_NAMES,
  REQUEST_NAMES,
  eventChannel,
  requestChannel,
  type LinewatchBridge,
} from '@src/shared/contract';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fakeElectronModule);

let exposed: Map<string, unknown>;
let bridge: LinewatchBridge;

beforeAll(async () => {
  resetFakeElectron();
  // Importing the preload is what exposes the bridge, exactly as in the sandboxed renderer.
  await import('@src/preload/index');
  exposed = fake.exposed;
  bridge = exposed.get('linewatch') as LinewatchBridge;
});

describe('preload bridge', () => {
  it('exposes exactly `linewatch`, with one method per request plus `on`', () => {
    expect([...exposed.keys()]).toEqual(['linewatch']);
    expect(Object.keys(bridge).sort()).toEqual([...REQUEST_NAMES, 'on'].sort());
    for (const key of Object.keys(bridge))
      expect(typeof (bridge as Record<string, unknown>)[key]).toBe('function');
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
  });

  it('invokes each request on its own contract channel', async () => {
    // The preload forwards payloads untouched (main validates them), so a distinct marker per
    // method proves each method uses its own channel with its own payload.
    const call = bridge as unknown as Record<string, (payload: unknown) => Promise<unknown>>;
    for (const name of REQUEST_NAMES) await call[name]?.({ marker: name });
    expect(fake.ipcRenderer.invocations).toEqual(
      REQUEST_NAMES.map((name) => ({ channel: requestChannel(name), payload: { marker: name } })),
    );
  });

  it('passes only the payload to listeners and unsubscribes', () => {
    const listener = vi.fn();
    const channel = eventChannel('endpointStates');
    const unsubscribe = bridge.on('endpointStates', listener);
    expect(fake.ipcRenderer.listenerCount(channel)).toBe(1);
    const payload = { states: [] };
    fake.ipcRenderer.emit(channel, { sender: fake.ipcRenderer }, payload);
    expect(listener).toHaveBeenCalledExactlyOnceWith(payload);

    unsubscribe();
    expect(fake.ipcRenderer.listenerCount(channel)).toBe(0);
    fake.ipcRenderer.emit(channel, { sender: fake.ipcRenderer }, payload);
    expect(listener).toHaveBeenCalledOnce();
  });

  it('subscribes every contract event on its own channel', () => {
    for (const name of EVENT_NAMES) {
      const off = bridge.on(name, () => undefined);
      expect(fake.ipcRenderer.listenerCount(eventChannel(name))).toBe(1);
      off();
    }
  });

  it('refuses event names outside the contract', () => {
    const on = bridge.on.bind(bridge) as (event: string, listener: () => void) => () => void;
    for (const name of ['linewatch:request:getAppInfo', 'toString', '__proto__', 'madeUp']) {
      expect(() => on(name, () => undefined)).toThrow(/unknown event/);
    }
    const total = [...fake.ipcRenderer.listeners.values()].reduce((sum, list) => sum + list.length, 0);
    expect(total).toBe(0);
  });
});
