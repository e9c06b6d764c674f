import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractFailure, type Caller, type ContractHandlers } from '@src/shared/contract';
import { authoriseHandlers, createOperatorAuth } from '@src/main/auth';
import { DEFAULT_RETENTION } from '@src/main/config';
import { createSettingsService, readPinHash } from '@src/main/settings/settings-service';
import { openDatabase } from '@src/main/store';
import { createAuditLogStore } from '@src/main/store/audit-log-store';
import { createSettingsStore } from '@src/main/store/settings-store';
import { useTempDirs } from '../../../support/temp-store';

describe('settings service', () => {
  const newTempDir = useTempDirs();
  const opened: { close(): void }[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  function setup() {
    const db = openDatabase(path.join(newTempDir(), 'linewatch.sqlite'));
    opened.push(db);
    let now = 1_000;
    const auditLog = createAuditLogStore(db);
    const settings = createSettingsStore(db);
    const auth = createOperatorAuth({
      pinHash: () => readPinHash(settings),
      now: () => now,
      audit: (entry) => auditLog.append(entry),
    });
    const service = createSettingsService({
      settings,
      auth,
      auditLog,
      transaction: (work) => db.transaction(work)(),
      now: () => now,
      retention: () => DEFAULT_RETENTION,
    });
    // Through the same authorisation wrapper the services hand to every transport.
    const { getSettings, updateSettings, verifyPin } = authoriseHandlers(
      service.handlers as ContractHandlers,
      auth,
    );
    const callerA: Caller = { connectionId: 'a', canMutate: true, label: 'console a' };
    const update = (request: Parameters<typeof updateSettings>[0], caller = callerA) =>
      updateSettings(request, caller);
    const verify = (request: { pin: string }, caller = callerA) => verifyPin(request, caller);
    return {
      db,
      auditLog,
      getSettings: () => getSettings({}, callerA),
      update,
      verifyPin: verify,
      advance: (ms: number) => (now += ms),
    };
  }

  it('has defaults and shows retention from the config in days', async () => {
    const { getSettings } = setup();
    expect(await getSettings()).toEqual({
      kioskRotationSeconds: 20,
      displayIndex: null,
      pinSet: false,
      retentionDays: { rawChecks: 7, minuteRollups: 30, hourRollups: 730, dayRollups: 3650 },
    });
  });

  it('stores the PIN as a scrypt hash, never returns it, and verifies it', async () => {
    const { db, update, verifyPin } = setup();
    const after = await update({ actor: 'Sue', fromKiosk: false, newPin: '4711' });
    expect(after.pinSet).toBe(true);
    expect(JSON.stringify(after)).not.toContain('4711');
    const stored = db
      .prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'operator.pinHash'")
      .get();
    expect(stored?.value).toMatch(/^"scrypt\$/);
    expect(stored?.value).not.toContain('4711');
    expect(await verifyPin({ pin: '4711' })).toMatchObject({
      ok: true,
      session: expect.any(String) as unknown,
    });
    expect(await verifyPin({ pin: '0000' })).toMatchObject({ ok: false, session: null });
  });

  it('needs proof for any change while a PIN is set, and the PIN itself to change it; audits every change', async () => {
    const { auditLog, update, verifyPin } = setup();
    await update({ actor: 'Sue', fromKiosk: false, newPin: '4711' });
    expect(() => update({ actor: 'Kim', fromKiosk: true, kioskRotationSeconds: 5 })).toThrow(ContractFailure);
    // `fromKiosk: false` is the client's word only: it buys nothing.
    expect(() => update({ actor: 'Kim', fromKiosk: false, kioskRotationSeconds: 5 })).toThrow(/PIN/);
    expect(() =>
      update({ actor: 'Kim', fromKiosk: false, newPin: '1234', currentPin: '9999', proof: { pin: '4711' } }),
    ).toThrow(/PIN/);
    const { session } = await verifyPin({ pin: '4711' });
    // A session from verifyPin proves the operator for ordinary changes...
    expect(
      (
        await update({
          actor: 'Sue',
          fromKiosk: false,
          kioskRotationSeconds: 5,
          proof: { session: session ?? '' },
        })
      ).kioskRotationSeconds,
    ).toBe(5);
    // ...but changing the PIN needs the PIN itself.
    expect(() =>
      update({ actor: 'Sue', fromKiosk: false, newPin: '1234', proof: { session: session ?? '' } }),
    ).toThrow(/PIN/);
    const kiosk = await update({ actor: 'Kim', fromKiosk: true, displayIndex: 1, proof: { pin: '4711' } });
    expect(kiosk.displayIndex).toBe(1);
    const entries = auditLog.recent(10).filter((e) => e.action === 'settings.changed');
    expect(entries.map((e) => e.actor)).toEqual(['Kim', 'Sue', 'Sue']);
    expect(entries[0]?.details).toEqual({ displayIndex: { from: null, to: 1 }, fromKiosk: true });
    expect(JSON.stringify(entries)).not.toContain('4711');
  });

  it('locks PIN checks for a minute after five wrong guesses', async () => {
    const { update, verifyPin, advance } = setup();
    await update({ actor: 'Sue', fromKiosk: false, newPin: '4711' });
    for (let i = 0; i < 5; i += 1) expect(await verifyPin({ pin: '0000' })).toMatchObject({ ok: false });
    expect(await verifyPin({ pin: '4711' })).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    advance(60_001);
    expect(await verifyPin({ pin: '4711' })).toMatchObject({ ok: true });
  });
});
