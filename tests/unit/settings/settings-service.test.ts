import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../../src/shared/contract';
import { DEFAULT_RETENTION_CONFIG } from '../../../src/main/config/types';
import { createSettingsService } from '../../../src/main/settings/settings-service';
import { openDatabase } from '../../../src/main/store';
import { createAuditLogStore } from '../../../src/main/store/audit-log-store';
import { createSettingsStore } from '../../../src/main/store/settings-store';
import { useTempDataDirs } from '../store/temp-data-dir';

describe('settings service', () => {
  const newTempDir = useTempDataDirs();
  const opened: { close(): void }[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  function setup() {
    const db = openDatabase(path.join(newTempDir(), 'linewatch.sqlite'));
    opened.push(db);
    let now = 1_000;
    const auditLog = createAuditLogStore(db);
    const service = createSettingsService({
      settings: createSettingsStore(db),
      auditLog,
      transaction: (work) => db.transaction(work)(),
      now: () => now,
      retention: () => DEFAULT_RETENTION_CONFIG,
    });
    const { getSettings, updateSettings, verifyPin } = service.handlers;
    const update = (request: Parameters<typeof updateSettings>[0]) => updateSettings(request);
    return { db, auditLog, getSettings, update, verifyPin, advance: (ms: number) => (now += ms) };
  }

  it('has defaults and shows retention from the config in days', async () => {
    const { getSettings } = setup();
    expect(await getSettings({})).toEqual({
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
    expect(await verifyPin({ pin: '4711' })).toEqual({ ok: true });
    expect(await verifyPin({ pin: '0000' })).toEqual({ ok: false });
  });

  it('needs the PIN for changes from a kiosk and for changing the PIN; audits every change', async () => {
    const { auditLog, update } = setup();
    await update({ actor: 'Sue', fromKiosk: false, newPin: '4711' });
    expect(() => update({ actor: 'Kim', fromKiosk: true, kioskRotationSeconds: 5 })).toThrow(ContractFailure);
    expect(() => update({ actor: 'Kim', fromKiosk: false, newPin: '1234', currentPin: '9999' })).toThrow(
      /PIN/,
    );
    // The console (not kiosk) may change the rotation without the PIN.
    expect(
      (await update({ actor: 'Sue', fromKiosk: false, kioskRotationSeconds: 5 })).kioskRotationSeconds,
    ).toBe(5);
    const kiosk = await update({ actor: 'Kim', fromKiosk: true, displayIndex: 1, currentPin: '4711' });
    expect(kiosk.displayIndex).toBe(1);
    const entries = auditLog.recent(10).filter((e) => e.action === 'settings.changed');
    expect(entries.map((e) => e.actor)).toEqual(['Kim', 'Sue', 'Sue']);
    expect(entries[0]?.details).toEqual({ displayIndex: { from: null, to: 1 }, fromKiosk: true });
    expect(JSON.stringify(entries)).not.toContain('4711');
  });

  it('locks PIN checks for a minute after five wrong guesses', async () => {
    const { update, verifyPin, advance } = setup();
    await update({ actor: 'Sue', fromKiosk: false, newPin: '4711' });
    for (let i = 0; i < 5; i += 1) expect(await verifyPin({ pin: '0000' })).toEqual({ ok: false });
    expect(await verifyPin({ pin: '4711' })).toEqual({ ok: false });
    advance(60_001);
    expect(await verifyPin({ pin: '4711' })).toEqual({ ok: true });
  });
});
