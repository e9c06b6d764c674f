// Answers are checked in one place for both transports: the preload (IPC) and the WebSocket
// client run every answer through checkedResult, so the renderer gets the same Result from either
// for the same answer, a contract-breaking one included.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkedResult, type LinewatchBridge, type Result } from '@src/shared/contract';
import { createWsBridge, type WsBridge } from '@src/renderer/client/ws-bridge';
import { startContractTestServer, type ContractTestServer } from '../../../support/contract-test-server';
import { fake, resetFakeElectron } from '../../../support/fake-electron';
import { appInfo } from '../../../support/renderer-fixtures';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

/** Answers a host might send for getAppInfo, and what the renderer must get for each. */
const CASES: { what: string; answer: unknown; expected: Result<unknown> }[] = [
  { what: 'a valid value', answer: { ok: true, value: appInfo }, expected: { ok: true, value: appInfo } },
  {
    what: 'a valid value with a key the contract does not know (dropped)',
    answer: { ok: true, value: { ...appInfo, extra: 'from a newer host' } },
    expected: { ok: true, value: appInfo },
  },
  {
    what: 'a value that breaks the contract',
    answer: { ok: true, value: { name: 1 } },
    expected: {
      ok: false,
      error: { code: 'transport', message: 'Response to getAppInfo does not match the contract' },
    },
  },
  {
    what: 'an error with a known code',
    answer: { ok: false, error: { code: 'forbidden', message: 'PIN needed' } },
    expected: { ok: false, error: { code: 'forbidden', message: 'PIN needed' } },
  },
  {
    what: 'an error with a code this renderer does not know',
    answer: { ok: false, error: { code: 'from_the_future', message: 'later' } },
    expected: { ok: false, error: { code: 'internal', message: 'later' } },
  },
];

describe('checkedResult', () => {
  it.each(CASES)('turns $what into the Result the renderer gets', ({ answer, expected }) => {
    expect(checkedResult('getAppInfo', answer)).toEqual(expected);
  });

  it('refuses what is not a Result at all', () => {
    for (const answer of [undefined, null, 'ok', { ok: 'yes' }, { ok: false, error: 'nope' }]) {
      expect(checkedResult('getAppInfo', answer)).toEqual({
        ok: false,
        error: { code: 'transport', message: 'The answer to getAppInfo is not a contract result' },
      });
    }
  });
});

describe('both transports', () => {
  let server: ContractTestServer;
  let ws: WsBridge;
  let ipc: LinewatchBridge;

  beforeAll(async () => {
    resetFakeElectron();
    // Importing the preload exposes its bridge, as in the sandboxed renderer.
    await import('@src/preload/index');
    ipc = fake.exposed.get('linewatch') as LinewatchBridge;
    server = await startContractTestServer();
    ws = createWsBridge({ url: server.url, initialBackoffMs: 50, maxBackoffMs: 200 });
  });
  afterAll(async () => {
    ws.close();
    await server.close();
  });

  const overIpc = async (answer: unknown): Promise<Result<unknown>> => {
    vi.spyOn(fake.ipcRenderer, 'invoke').mockResolvedValueOnce(answer);
    return ipc.getAppInfo({});
  };
  const overWebSocket = async (answer: unknown): Promise<Result<unknown>> => {
    const call = ws.getAppInfo({});
    const request = await server.nextRequest();
    // The frame schema only carries envelopes; a broken value inside one is the case to test.
    server.send(request.socket, { type: 'response', id: request.frame.id, result: answer as never });
    return call;
  };

  it.each(CASES)('give the renderer the same Result for $what', async ({ answer, expected }) => {
    expect(await overIpc(answer)).toEqual(expected);
    expect(await overWebSocket(answer)).toEqual(expected);
  });
});
