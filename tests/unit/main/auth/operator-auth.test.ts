// Authorisation of mutating requests: read-only callers, PIN proof, connection-bound sessions with
// idle expiry, revocation on a PIN change, and wrong-PIN throttling that is per connection.
import { describe, expect, it, vi } from 'vitest';
import { authoriseHandlers, createOperatorAuth, LOCKOUT_MS, MAX_WRONG_PINS } from '@src/main/auth';
import { hashPin } from '@src/main/settings/pin-hash';
import {
  ContractFailure,
  MUTATING_REQUEST_NAMES,
  requests,
  type Caller,
  type ContractHandlers,
} from '@src/shared/contract';

const A: Caller = { connectionId: 'ws-a', canMutate: true, label: 'websocket a' };
const B: Caller = { connectionId: 'ws-b', canMutate: true, label: 'websocket b' };
const LAN: Caller = { connectionId: 'ws-lan', canMutate: false, label: 'websocket 10.0.0.9' };
const PIN_HASH = hashPin('4711');

function setup(pinSet = true) {
  let now = 1_000_000;
  let hash: string | null = pinSet ? PIN_HASH : null;
  const audit = vi.fn();
  let tokens = 0;
  const auth = createOperatorAuth({
    pinHash: () => hash,
    now: () => now,
    audit,
    newToken: () => `token-${++tokens}`,
  });
  return {
    auth,
    audit,
    advance: (ms: number) => (now += ms),
    setHash: (next: string | null) => (hash = next),
  };
}

const refusal = (run: () => void): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ContractFailure);
    expect((error as ContractFailure).code).toBe('forbidden');
    return (error as Error).message;
  }
  throw new Error('expected a forbidden refusal');
};

describe('operator authorisation', () => {
  it('lets a local caller act without proof while no PIN is set, never a read-only one', () => {
    const { auth } = setup(false);
    expect(() => auth.authorise(A, 'acknowledgeAlarm', undefined)).not.toThrow();
    expect(refusal(() => auth.authorise(LAN, 'acknowledgeAlarm', { pin: '4711' }))).toMatch(/read-only/);
  });

  it('needs the PIN or a session while a PIN is set', () => {
    const { auth } = setup();
    expect(refusal(() => auth.authorise(A, 'setConsent', undefined))).toMatch(/PIN is set/);
    expect(refusal(() => auth.authorise(A, 'setConsent', {}))).toMatch(/PIN is set/);
    expect(() => auth.authorise(A, 'setConsent', { pin: '4711' })).not.toThrow();
    expect(refusal(() => auth.authorise(A, 'setConsent', { pin: '0000' }))).toMatch(/Wrong PIN/);
    expect(refusal(() => auth.authorise(A, 'setConsent', { session: 'made-up' }))).toMatch(/session/);
  });

  it('binds a session to the connection that verified the PIN', () => {
    const { auth } = setup();
    const verified = auth.verifyPin(A, '4711');
    expect(verified).toEqual({
      ok: true,
      session: 'token-1',
      sessionIdleSeconds: 300,
      retryAfterSeconds: null,
    });
    expect(() => auth.authorise(A, 'acknowledgeAlarm', { session: 'token-1' })).not.toThrow();
    expect(refusal(() => auth.authorise(B, 'acknowledgeAlarm', { session: 'token-1' }))).toMatch(
      /another connection/,
    );
  });

  it('expires a session after 5 minutes idle; each use keeps it alive', () => {
    const { auth, advance } = setup();
    auth.verifyPin(A, '4711');
    advance(4 * 60_000);
    expect(() => auth.authorise(A, 'acknowledgeAlarm', { session: 'token-1' })).not.toThrow();
    advance(4 * 60_000);
    expect(() => auth.authorise(A, 'acknowledgeAlarm', { session: 'token-1' })).not.toThrow();
    advance(5 * 60_000 + 1);
    expect(refusal(() => auth.authorise(A, 'acknowledgeAlarm', { session: 'token-1' }))).toMatch(/expired/);
  });

  it('ends every session when the PIN changes and when the connection closes', () => {
    const { auth } = setup();
    auth.verifyPin(A, '4711');
    auth.verifyPin(B, '4711');
    auth.pinChanged();
    expect(() => auth.authorise(A, 'updateSettings', { session: 'token-1' })).toThrow(ContractFailure);
    auth.verifyPin(A, '4711');
    auth.connectionClosed(A.connectionId);
    expect(() => auth.authorise(A, 'updateSettings', { session: 'token-3' })).toThrow(ContractFailure);
  });

  it('locks out only the connection that guessed wrong, and audits every wrong PIN', () => {
    const { auth, audit, advance } = setup();
    for (let i = 0; i < MAX_WRONG_PINS; i += 1) expect(auth.verifyPin(A, '0000').ok).toBe(false);
    expect(auth.verifyPin(A, '4711')).toMatchObject({ ok: false, retryAfterSeconds: LOCKOUT_MS / 1000 });
    expect(refusal(() => auth.authorise(A, 'forgetMe', { pin: '4711' }))).toMatch(/Too many wrong PINs/);
    // Another console is not affected.
    expect(auth.verifyPin(B, '4711').ok).toBe(true);
    expect(audit).toHaveBeenCalledTimes(MAX_WRONG_PINS);
    expect(audit.mock.calls.at(-1)?.[0]).toMatchObject({
      actor: 'websocket a',
      action: 'pin.wrong',
      details: { lockedForSeconds: 60 },
    });
    advance(LOCKOUT_MS + 1);
    expect(auth.verifyPin(A, '4711').ok).toBe(true);
  });

  it('issues no session while no PIN is set', () => {
    const { auth } = setup(false);
    expect(auth.verifyPin(A, '4711')).toMatchObject({ ok: false, session: null });
  });
});

describe('authoriseHandlers', () => {
  it('covers exactly the requests the contract marks mutating, each of which takes a proof', () => {
    expect([...MUTATING_REQUEST_NAMES].sort()).toEqual(
      ['acknowledgeAlarm', 'acknowledgeAlarms', 'forgetMe', 'setConsent', 'updateSettings'].sort(),
    );
    for (const name of MUTATING_REQUEST_NAMES) {
      const shape = requests[name].request.safeParse({ proof: { session: 'x' } });
      // Other fields may be missing; what matters is that `proof` itself is never the complaint.
      const complaints = shape.success ? [] : shape.error.issues.map((i) => String(i.path[0] ?? i.code));
      expect(complaints, name).not.toContain('proof');
      expect(complaints, name).not.toContain('unrecognized_keys');
    }
  });

  it('refuses before the handler runs, and leaves reads alone', async () => {
    const { auth } = setup();
    const acknowledge = vi.fn(() => 'acknowledged');
    const listAlarms = vi.fn(() => ({ alarms: [] }));
    const wrapped = authoriseHandlers(
      { acknowledgeAlarm: acknowledge, listAlarms } as unknown as ContractHandlers,
      auth,
    );
    expect(() => wrapped.acknowledgeAlarm({ alarmId: 1, operator: 'Sue', note: '' }, A)).toThrow(
      ContractFailure,
    );
    expect(acknowledge).not.toHaveBeenCalled();
    expect(await wrapped.listAlarms({}, LAN)).toEqual({ alarms: [] });
    expect(
      await wrapped.acknowledgeAlarm({ alarmId: 1, operator: 'Sue', note: '', proof: { pin: '4711' } }, A),
    ).toBe('acknowledged');
  });
});
