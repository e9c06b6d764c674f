// Consent as stored, preset and locked, and what a change does: gate, event, queue deletion.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '@src/main/store';
import { createConsentStore } from '@src/main/store/consent-store';
import { ConsentLockedError, createConsentService } from '@src/main/telemetry/consent-service';
import { defaultPolicyPath, readConsentOverride, type ConsentOverride } from '@src/main/telemetry/policy';
import { NO_CONSENT, parseConsentList, type ConsentState } from '@src/shared/telemetry/consent';
import { createConsentGate } from '@src/shared/telemetry/consent-gate';
import { useTempDirs } from '../../../support/temp-store';

const ALL = { error_diagnostics: true, performance: true, usage_analytics: true };
const tempDir = useTempDirs('consent');

function setup(override: ConsentOverride = { kind: 'none' }) {
  const db = openDatabase(join(tempDir(), 'db.sqlite'));
  const gate = createConsentGate();
  const changes: ConsentState[] = [];
  const deleteSentryQueue = vi.fn(() => Promise.resolve());
  const service = createConsentService({
    store: createConsentStore(db),
    override,
    gate,
    appVersion: '0.1.0',
    now: () => Date.parse('2026-03-01T06:00:00Z'),
    onChange: (state) => changes.push(state),
    deleteSentryQueue,
  });
  return { db, gate, changes, deleteSentryQueue, service };
}

describe('consent service', () => {
  it('starts never asked, all off, asking for a decision', () => {
    const { service, gate } = setup();
    expect(service.state()).toMatchObject({
      choice: NO_CONSENT,
      source: 'never_asked',
      needsDecision: true,
      locked: false,
    });
    expect(gate.current()).toEqual(NO_CONSENT);
  });

  it('stores a decision with time and version, applies it to the gate and tells renderers at once', () => {
    const { service, gate, changes } = setup();
    const state = service.set({ ...NO_CONSENT, usage_analytics: true });
    expect(state).toMatchObject({
      source: 'stored',
      needsDecision: false,
      decidedAt: '2026-03-01T06:00:00.000Z',
      appVersion: '0.1.0',
    });
    expect(gate.allows('usage_analytics')).toBe(true);
    expect(changes.at(-1)).toEqual(state);
  });

  it('deletes the Sentry queue when error or performance consent is withdrawn, and on Forget me', async () => {
    const { service, deleteSentryQueue } = setup();
    service.set(ALL);
    expect(deleteSentryQueue).not.toHaveBeenCalled();
    service.set({ ...ALL, performance: false });
    expect(deleteSentryQueue).toHaveBeenCalledTimes(1);
    const before = service.state().identityEpoch;
    expect((await service.forgetMe()).identityEpoch).toBe(before + 1);
    expect(deleteSentryQueue).toHaveBeenCalledTimes(2);
  });

  it('shows a locked choice as locked and refuses to change it', () => {
    const { service, gate } = setup({
      kind: 'locked',
      source: 'policy',
      choice: { ...NO_CONSENT, error_diagnostics: true },
    });
    expect(service.state()).toMatchObject({ locked: true, needsDecision: false, source: 'policy' });
    expect(gate.allows('error_diagnostics')).toBe(true);
    expect(() => service.set(ALL)).toThrow(ConsentLockedError);
  });

  it('uses a preset until someone decides, then the decision', () => {
    const { service } = setup({ kind: 'preset', source: 'policy', choice: ALL });
    expect(service.state()).toMatchObject({ choice: ALL, needsDecision: true, locked: false });
    expect(service.set(NO_CONSENT).choice).toEqual(NO_CONSENT);
  });
});

describe('IT overrides', () => {
  const noFile = (): string => {
    throw new Error('ENOENT');
  };

  it('parses LINEWATCH_CONSENT as a lock; a typo locks everything off', () => {
    expect(
      readConsentOverride({ LINEWATCH_CONSENT: 'error_diagnostics,usage_analytics' }, 'linux', noFile)
        .override,
    ).toEqual({
      kind: 'locked',
      source: 'environment',
      choice: { error_diagnostics: true, performance: false, usage_analytics: true },
    });
    expect(readConsentOverride({ LINEWATCH_CONSENT: 'none' }, 'linux', noFile).override).toMatchObject({
      choice: NO_CONSENT,
    });
    const typo = readConsentOverride({ LINEWATCH_CONSENT: 'error_diagnostic' }, 'linux', noFile);
    expect(typo.override).toMatchObject({ kind: 'locked', choice: NO_CONSENT });
    expect(typo.warnings[0]).toMatch(/unknown consent category/);
    expect(parseConsentList('performance')).toEqual({ ...NO_CONSENT, performance: true });
  });

  it('reads the policy file (LINEWATCH_POLICY_FILE for tests), which outranks the variable when locked', () => {
    const file = join(tempDir(), 'policy.json');
    writeFileSync(file, JSON.stringify({ consent: { error_diagnostics: true }, locked: true }));
    const env = { LINEWATCH_POLICY_FILE: file, LINEWATCH_CONSENT: 'usage_analytics' };
    expect(readConsentOverride(env, 'linux').override).toEqual({
      kind: 'locked',
      source: 'policy',
      choice: { ...NO_CONSENT, error_diagnostics: true },
    });
    writeFileSync(file, JSON.stringify({ consent: { performance: true } }));
    expect(readConsentOverride({ LINEWATCH_POLICY_FILE: file }, 'linux').override).toMatchObject({
      kind: 'preset',
    });
    writeFileSync(file, '{ not json');
    expect(readConsentOverride({ LINEWATCH_POLICY_FILE: file }, 'linux').override).toMatchObject({
      kind: 'locked',
      choice: NO_CONSENT,
    });
  });

  it('knows the machine-wide policy path of each OS', () => {
    expect(defaultPolicyPath('linux', {})).toBe('/etc/linewatch/policy.json');
    expect(defaultPolicyPath('darwin', {})).toBe('/Library/Application Support/Linewatch/policy.json');
    expect(defaultPolicyPath('win32', { ProgramData: 'C:\\ProgramData' })).toMatch(
      /ProgramData.Linewatch.policy\.json$/,
    );
  });
});
