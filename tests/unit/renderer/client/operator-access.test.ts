// The proof every mutating request carries, attached in one place (the client): the live operator
// session; after `forbidden` the operator is asked once (PIN, or the token on a read-only wall) and
// the call retried. Callers such as the consent saves in start-telemetry.ts never see any of it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus, ConnectionStatusSource } from '@src/renderer/client/connection-status';
import { ContractCallError, createClient } from '@src/renderer/client/linewatch-client';
import { TOKEN_REFUSED, WRONG_PIN, type OperatorTokenTransport } from '@src/renderer/client/operator-access';
import type { OpenPrompt } from '@src/renderer/client/operator-prompts';
import { SESSION_EXPIRY_MARGIN_MS } from '@src/renderer/client/operator-session';
import type { BridgeRequests } from '@src/renderer/client/request-methods';
import {
  SESSION_IDLE_SECONDS,
  type AppInfo,
  type LinewatchBridge,
  type VerifyPinResult,
} from '@src/shared/contract';
import { NO_CONSENT, type ConsentState } from '@src/shared/telemetry/consent';
import { unstubbedRequests } from '../../../support/fake-bridge';
import { alarm, appInfo } from '../../../support/renderer-fixtures';

const forbidden = (message = 'acknowledgeAlarm refused: an operator PIN is set') => ({
  ok: false as const,
  error: { code: 'forbidden' as const, message },
});
const pinAnswer = (answer: Partial<VerifyPinResult>) => ({
  ok: true as const,
  value: { ok: false, session: null, sessionIdleSeconds: null, retryAfterSeconds: null, ...answer },
});
const SESSION = pinAnswer({ ok: true, session: 'session-1', sessionIdleSeconds: SESSION_IDLE_SECONDS });
const consent: ConsentState = {
  choice: { ...NO_CONSENT },
  source: 'stored',
  locked: false,
  needsDecision: false,
  decidedAt: null,
  appVersion: null,
  identityEpoch: 0,
};

interface Harness {
  bridge: BridgeRequests;
  client: ReturnType<typeof createClient>;
  info: { current: AppInfo };
  setConnection: (state: ConnectionStatus['state']) => void;
  /** Resolves with the next prompt the console opens. */
  nextPrompt: () => Promise<OpenPrompt>;
}

function harness(stubs: Partial<BridgeRequests>, token: OperatorTokenTransport | null = null): Harness {
  const info = { current: { ...appInfo, pinSet: true } };
  const requests: BridgeRequests = {
    ...unstubbedRequests(),
    getAppInfo: vi.fn(() => Promise.resolve({ ok: true as const, value: info.current })),
    ...stubs,
  };
  const bridge: LinewatchBridge = { ...requests, on: () => () => undefined };
  const listeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { state: 'open', nextAttemptAt: null };
  const connection: ConnectionStatusSource = {
    current: () => status,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const client = createClient(bridge, connection, { operatorToken: token });
  return {
    bridge: requests,
    client,
    info,
    setConnection(state) {
      status = { state, nextAttemptAt: null };
      for (const listener of listeners) listener(status);
    },
    nextPrompt: () =>
      new Promise((resolve) => {
        const open = client.operator.prompts.store.getState().open;
        if (open) {
          resolve(open);
          return;
        }
        const stop = client.operator.prompts.store.subscribe((state) => {
          if (!state.open) return;
          stop();
          resolve(state.open);
        });
      }),
  };
}

const acked = { ok: true as const, value: alarm(7, { acknowledgedBy: 'Anna' }) };
const ackRequest = { alarmId: 7, operator: 'Anna', note: '' };

describe('proof on mutating requests', () => {
  afterEach(() => vi.useRealTimers());

  it('sends mutating requests as they are without a session, and never adds proof to reads', async () => {
    const acknowledgeAlarm = vi.fn(() => Promise.resolve(acked));
    const getSettings = vi.fn(() => Promise.resolve(forbidden()));
    const { client } = harness({ acknowledgeAlarm, getSettings });
    await client.acknowledgeAlarm(ackRequest);
    expect(acknowledgeAlarm).toHaveBeenCalledWith(ackRequest);
    await expect(client.getSettings()).rejects.toMatchObject({ code: 'forbidden' });
    expect(getSettings).toHaveBeenCalledWith({});
    expect(client.operator.prompts.store.getState().open).toBeNull();
  });

  it('attaches the session a right PIN earned to every mutating request, consent saves included', async () => {
    const acknowledgeAlarm = vi.fn(() => Promise.resolve(acked));
    const setConsent = vi.fn(() => Promise.resolve({ ok: true as const, value: consent }));
    const forgetMe = vi.fn(() => Promise.resolve({ ok: true as const, value: consent }));
    const getSettings = vi.fn(() => Promise.resolve(forbidden()));
    const { client } = harness({
      acknowledgeAlarm,
      setConsent,
      forgetMe,
      getSettings,
      verifyPin: () => Promise.resolve(SESSION),
    });
    await expect(client.operator.verifyPin('4711')).resolves.toEqual({ ok: true });

    await client.acknowledgeAlarm(ackRequest);
    // As start-telemetry.ts calls them: no proof of their own.
    await client.setConsent({ choice: { ...NO_CONSENT } });
    await client.forgetMe();
    const proof = { session: 'session-1' };
    expect(acknowledgeAlarm).toHaveBeenCalledWith({ ...ackRequest, proof });
    expect(setConsent).toHaveBeenCalledWith({ choice: NO_CONSENT, proof });
    expect(forgetMe).toHaveBeenCalledWith({ proof });
    await client.getSettings().catch(() => undefined);
    expect(getSettings).toHaveBeenCalledWith({});
  });

  it('leaves proof a caller sent itself alone', async () => {
    const updateSettings = vi.fn(() => Promise.resolve(forbidden('Wrong PIN')));
    const { client } = harness({ updateSettings, verifyPin: () => Promise.resolve(SESSION) });
    await client.operator.verifyPin('4711');
    const request = { actor: 'Bo', newPin: '1234', currentPin: '0000', proof: { pin: '0000' } };
    const failure = await client.updateSettings(request).catch((error: unknown) => error);
    expect(updateSettings).toHaveBeenCalledTimes(1);
    expect(updateSettings).toHaveBeenCalledWith(request);
    // The caller's own PIN was refused: its message stands, no prompt on top of its form.
    expect(failure).toBeInstanceOf(ContractCallError);
    expect(failure).toMatchObject({ code: 'forbidden', detail: 'Wrong PIN' });
    expect(client.operator.prompts.store.getState().open).toBeNull();
  });
});

describe('operator session expiry', () => {
  afterEach(() => vi.useRealTimers());

  it('stops using the session shortly before main would, and each use restarts the idle clock', async () => {
    vi.useFakeTimers();
    const acknowledgeAlarm = vi.fn(() => Promise.resolve(acked));
    const { client } = harness({ acknowledgeAlarm, verifyPin: () => Promise.resolve(SESSION) });
    await client.operator.verifyPin('4711');
    const idleMs = SESSION_IDLE_SECONDS * 1000;

    vi.advanceTimersByTime(idleMs - SESSION_EXPIRY_MARGIN_MS - 1_000);
    await client.acknowledgeAlarm(ackRequest);
    expect(acknowledgeAlarm).toHaveBeenLastCalledWith({ ...ackRequest, proof: { session: 'session-1' } });

    // Used just now, so it lives another full idle period.
    vi.advanceTimersByTime(idleMs - SESSION_EXPIRY_MARGIN_MS - 1_000);
    expect(client.operator.session.live()).toBe('session-1');
    vi.advanceTimersByTime(2_000);
    expect(client.operator.session.store.getState().token).toBeNull();
    expect(client.operator.session.live()).toBeNull();
    await client.acknowledgeAlarm(ackRequest);
    expect(acknowledgeAlarm).toHaveBeenLastCalledWith(ackRequest);
  });

  it('forgets the session when the connection drops (main ends it with the connection)', async () => {
    const { client, setConnection } = harness({ verifyPin: () => Promise.resolve(SESSION) });
    await client.operator.verifyPin('4711');
    expect(client.operator.session.live()).toBe('session-1');
    setConnection('reconnecting');
    expect(client.operator.session.live()).toBeNull();
  });
});

describe('after a forbidden reply', () => {
  it('asks for the PIN once, keeps the session and retries the call with it', async () => {
    const acknowledgeAlarm = vi.fn().mockResolvedValueOnce(forbidden()).mockResolvedValueOnce(acked);
    const verifyPin = vi
      .fn()
      .mockResolvedValueOnce(pinAnswer({}))
      .mockResolvedValueOnce(pinAnswer({ retryAfterSeconds: 60 }))
      .mockResolvedValueOnce(SESSION);
    const { client, nextPrompt } = harness({ acknowledgeAlarm, verifyPin });
    const call = client.acknowledgeAlarm(ackRequest);
    const prompt = await nextPrompt();
    expect(prompt).toMatchObject({ kind: 'pin', purpose: 'acknowledge the alarm' });

    await expect(prompt.submit('0000')).resolves.toEqual({ ok: false, message: WRONG_PIN });
    await expect(prompt.submit('0001')).resolves.toEqual({
      ok: false,
      message: 'Too many wrong PINs: try again in 60 s.',
    });
    await expect(prompt.submit('4711')).resolves.toEqual({ ok: true });
    client.operator.prompts.finish(prompt.id, true);

    await expect(call).resolves.toMatchObject({ id: 7, acknowledgedBy: 'Anna' });
    expect(acknowledgeAlarm).toHaveBeenCalledTimes(2);
    expect(acknowledgeAlarm).toHaveBeenLastCalledWith({ ...ackRequest, proof: { session: 'session-1' } });
    expect(verifyPin).toHaveBeenLastCalledWith({ pin: '4711' });
  });

  it('throws the refusal when the operator cancels, and does not ask twice for one call', async () => {
    const acknowledgeAlarm = vi.fn(() => Promise.resolve(forbidden()));
    const { client, nextPrompt } = harness({ acknowledgeAlarm, verifyPin: () => Promise.resolve(SESSION) });

    const cancelled = client.acknowledgeAlarm(ackRequest).catch((error: unknown) => error);
    client.operator.prompts.finish((await nextPrompt()).id, false);
    expect(await cancelled).toMatchObject({ code: 'forbidden', method: 'acknowledgeAlarm' });
    expect(acknowledgeAlarm).toHaveBeenCalledTimes(1);

    // Refused even with the fresh session: one prompt, one retry, then the error.
    const refused = client.acknowledgeAlarm(ackRequest).catch((error: unknown) => error);
    client.operator.prompts.finish((await nextPrompt()).id, true);
    expect(await refused).toMatchObject({ code: 'forbidden' });
    expect(acknowledgeAlarm).toHaveBeenCalledTimes(3);
    expect(client.operator.prompts.store.getState().open).toBeNull();
  });

  it('asks once for calls refused at the same time and retries each', async () => {
    let pinEntered = false;
    const answer = () => Promise.resolve(pinEntered ? { ok: true as const, value: consent } : forbidden());
    const setConsent = vi.fn(answer);
    const forgetMe = vi.fn(answer);
    const { client, nextPrompt } = harness({
      setConsent,
      forgetMe,
      verifyPin: () => Promise.resolve(SESSION),
    });
    const both = Promise.all([client.setConsent({ choice: { ...NO_CONSENT } }), client.forgetMe()]);
    const prompt = await nextPrompt();
    await prompt.submit('4711');
    pinEntered = true;
    client.operator.prompts.finish(prompt.id, true);
    await expect(both).resolves.toEqual([consent, consent]);
    expect(setConsent).toHaveBeenCalledTimes(2);
    expect(forgetMe).toHaveBeenCalledTimes(2);
  });

  it('retries once without asking when the PIN was removed meanwhile', async () => {
    const acknowledgeAlarm = vi.fn().mockResolvedValueOnce(forbidden()).mockResolvedValueOnce(acked);
    const { client, info } = harness({ acknowledgeAlarm });
    info.current = { ...appInfo, pinSet: false };
    await expect(client.acknowledgeAlarm(ackRequest)).resolves.toMatchObject({ id: 7 });
    expect(client.operator.prompts.store.getState().open).toBeNull();
  });

  it('on a read-only wall asks for the token, presents it, and retries once main says operator', async () => {
    const acknowledgeAlarm = vi
      .fn()
      .mockResolvedValueOnce(forbidden('acknowledgeAlarm refused: this connection is read-only'))
      .mockResolvedValueOnce(acked);
    const presented: (string | null)[] = [];
    let forgotten = 0;
    const token: OperatorTokenTransport = {
      present: (value) => {
        presented.push(value);
        return Promise.resolve(true);
      },
      forget: () => {
        forgotten++;
      },
      presenting: () => presented.length > 0,
    };
    const h = harness({ acknowledgeAlarm }, token);
    h.info.current = { ...appInfo, access: 'read-only', pinSet: false };
    const call = h.client.acknowledgeAlarm(ackRequest);
    const prompt = await h.nextPrompt();
    expect(prompt.kind).toBe('token');

    // A wrong token: main still says read-only, so it is dropped and the prompt says so.
    await expect(prompt.submit('wrong-token')).resolves.toEqual({ ok: false, message: TOKEN_REFUSED });
    expect(forgotten).toBe(1);

    h.info.current = { ...appInfo, access: 'operator', pinSet: false };
    await expect(prompt.submit(' right-token ')).resolves.toEqual({ ok: true });
    h.client.operator.prompts.finish(prompt.id, true);
    await expect(call).resolves.toMatchObject({ id: 7 });
    expect(presented).toEqual(['wrong-token', 'right-token']);
    expect(acknowledgeAlarm).toHaveBeenCalledTimes(2);
  });

  it('comes back without the token when the host would not even open a connection with it', async () => {
    const presented: (string | null)[] = [];
    const token: OperatorTokenTransport = {
      present: (value) => {
        presented.push(value);
        return Promise.resolve(value === null);
      },
      forget: () => undefined,
      presenting: () => false,
    };
    const { client } = harness({}, token);
    await expect(client.operator.signIn('some-token')).resolves.toEqual({
      ok: false,
      message: TOKEN_REFUSED,
    });
    expect(presented).toEqual(['some-token', null]);
  });

  it('cannot ask for a token where there is none to present (the Electron window)', async () => {
    const acknowledgeAlarm = vi.fn(() => Promise.resolve(forbidden('read-only')));
    const h = harness({ acknowledgeAlarm });
    h.info.current = { ...appInfo, access: 'read-only' };
    await expect(h.client.acknowledgeAlarm(ackRequest)).rejects.toMatchObject({ code: 'forbidden' });
    expect(h.client.operator.canSignIn).toBe(false);
    expect(h.client.operator.prompts.store.getState().open).toBeNull();
  });
});

describe('operator prompts', () => {
  it('shows one prompt at a time: a different question waits for the open one', async () => {
    const { client } = harness({});
    const { prompts } = client.operator;
    const submit = () => Promise.resolve({ ok: true as const });
    const pin = prompts.ask({ kind: 'pin', purpose: 'save the settings', submit });
    const token = prompts.ask({ kind: 'token', purpose: 'act from this screen', submit });
    await Promise.resolve();
    const first = prompts.store.getState().open;
    expect(first?.kind).toBe('pin');
    prompts.finish(first?.id ?? 0, false);
    await expect(pin).resolves.toBe(false);
    await Promise.resolve();
    const second = prompts.store.getState().open;
    expect(second?.kind).toBe('token');
    prompts.finish(second?.id ?? 0, true);
    await expect(token).resolves.toBe(true);
    expect(prompts.store.getState().open).toBeNull();
  });
});
