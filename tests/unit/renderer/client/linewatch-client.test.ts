import { describe, expect, it } from 'vitest';
import { ContractCallError, createClient } from '@src/renderer/client/linewatch-client';
import type { EventListener, EventName, LinewatchBridge } from '@src/shared/contract';
import { unstubbedRequests } from '../../../support/fake-bridge';
import { appInfo, engineStatus, snapshot } from '../../../support/renderer-fixtures';

function fakeBridge(): LinewatchBridge & { emitted: EventName[]; requests: unknown[] } {
  const emitted: EventName[] = [];
  const requests: unknown[] = [];
  return {
    ...unstubbedRequests(),
    emitted,
    requests,
    getAppInfo: (request) => {
      requests.push(request);
      return Promise.resolve({ ok: true, value: appInfo });
    },
    getWallSnapshot: () => Promise.resolve({ ok: true, value: snapshot }),
    getConfigStatus: () =>
      Promise.resolve({ ok: false, error: { code: 'internal', message: 'config store closed' } }),
    getEngineStatus: () => Promise.resolve({ ok: true, value: engineStatus() }),
    listAlarms: () => Promise.resolve({ ok: true, value: { alarms: [] } }),
    acknowledgeAlarm: () =>
      Promise.resolve({
        ok: false,
        error: { code: 'conflict', message: 'Alarm 7 was already acknowledged by Anna' },
      }),
    on<E extends EventName>(event: E, _listener: EventListener<E>) {
      emitted.push(event);
      return () => undefined;
    },
  };
}

describe('linewatch client', () => {
  it('unwraps ok results into plain values', async () => {
    const bridge = fakeBridge();
    const client = createClient(bridge);
    await expect(client.getAppInfo()).resolves.toEqual(appInfo);
    await expect(client.getWallSnapshot({})).resolves.toEqual(snapshot);
    expect(bridge.requests).toEqual([{}]);
  });

  it('throws a ContractCallError carrying code, message and method on an error result', async () => {
    const client = createClient(fakeBridge());
    const failure = await client.getConfigStatus().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContractCallError);
    expect(failure).toMatchObject({
      code: 'internal',
      method: 'getConfigStatus',
      message: expect.stringContaining('config store closed') as unknown,
    });
  });

  it('passes the new error codes (conflict, not_found) through unchanged', async () => {
    const client = createClient(fakeBridge());
    const failure = await client
      .acknowledgeAlarm({ alarmId: 7, operator: 'Bo', note: '' })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'conflict', method: 'acknowledgeAlarm' });
  });

  it('forwards event subscriptions to the bridge and reports an always-open connection by default', () => {
    const bridge = fakeBridge();
    const client = createClient(bridge);
    client.on('endpointStates', () => undefined)();
    expect(bridge.emitted).toEqual(['endpointStates']);
    expect(client.connection.current().state).toBe('open');
  });
});
