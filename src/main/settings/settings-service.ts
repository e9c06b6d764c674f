// Console settings: read, change (with the PIN rules below) and audit. Handlers for the contract
// entries getSettings, updateSettings and verifyPin.
//  - The PIN is kept as a scrypt hash and never returned; the renderer learns only `pinSet`.
//  - While a PIN is set, any change needs proof (checked centrally, src/main/auth); changing or
//    removing the PIN needs the current PIN itself, a session is not enough. A PIN change ends
//    every operator session.
//  - Wrong PINs are throttled per connection (src/main/auth), so a wall touch screen cannot be
//    brute-forced in a lunch break and one client cannot lock out another.
import { z } from 'zod';
import { type ConsoleSettings, type ContractHandlers, type RequestName } from '../../shared/contract';
import type { OperatorAuth } from '../auth';
import type { RetentionPolicy } from '../config';
import type { AuditLogStore, SettingsStore } from '../store';
import { hashPin } from './pin-hash';

export const DEFAULT_ROTATION_SECONDS = 20;
const KEYS = { rotation: 'kiosk.rotationSeconds', display: 'kiosk.displayIndex', pin: 'operator.pinHash' };

/** The stored scrypt hash of the operator PIN, null while none is set. */
export function readPinHash(settings: SettingsStore): string | null {
  const value = settings.get(KEYS.pin);
  return typeof value === 'string' ? value : null;
}

export interface SettingsServiceDeps {
  settings: SettingsStore;
  auth: OperatorAuth;
  auditLog: AuditLogStore;
  /** Runs the change and its audit entry atomically. */
  transaction: <T>(work: () => T) => T;
  now: () => number;
  retention: () => RetentionPolicy;
}

type SettingsHandlers = Pick<
  ContractHandlers,
  Extract<RequestName, 'getSettings' | 'updateSettings' | 'verifyPin'>
>;

/** Days to one decimal: a file's `36h` shows as 1.5. */
const days = (value: number): number => Math.round(value * 10) / 10;

export function createSettingsService(deps: SettingsServiceDeps): {
  handlers: SettingsHandlers;
  read(): ConsoleSettings;
} {
  const { settings, auth } = deps;
  const pinHash = (): string | null => readPinHash(settings);

  const read = (): ConsoleSettings => {
    const rotation = z.number().int().min(3).max(3_600).safeParse(settings.get(KEYS.rotation));
    const display = z.number().int().min(0).max(15).nullable().safeParse(settings.get(KEYS.display));
    const retention = deps.retention();
    return {
      kioskRotationSeconds: rotation.success ? rotation.data : DEFAULT_ROTATION_SECONDS,
      displayIndex: display.success ? display.data : null,
      pinSet: pinHash() !== null,
      retentionDays: {
        rawChecks: days(retention.rawDays),
        minuteRollups: days(retention.minuteDays),
        hourRollups: days(retention.hourDays),
        dayRollups: days(retention.dayDays),
      },
    };
  };

  const handlers: SettingsHandlers = {
    getSettings: () => read(),
    verifyPin: ({ pin }, caller) => auth.verifyPin(caller, pin),
    updateSettings: (request, caller) => {
      const changesPin = request.newPin !== undefined;
      if (changesPin) auth.requirePin(caller, request.currentPin ?? request.proof?.pin, 'changing the PIN');
      const before = read();
      const at = deps.now();
      deps.transaction(() => {
        const changed: Record<string, unknown> = {};
        if (request.kioskRotationSeconds !== undefined) {
          settings.set(KEYS.rotation, request.kioskRotationSeconds, at);
          changed.kioskRotationSeconds = {
            from: before.kioskRotationSeconds,
            to: request.kioskRotationSeconds,
          };
        }
        if (request.displayIndex !== undefined) {
          settings.set(KEYS.display, request.displayIndex, at);
          changed.displayIndex = { from: before.displayIndex, to: request.displayIndex };
        }
        if (request.newPin === null) settings.delete(KEYS.pin);
        else if (request.newPin !== undefined) settings.set(KEYS.pin, hashPin(request.newPin), at);
        // The audit says that the PIN changed, never what it is.
        if (changesPin) changed.pin = request.newPin === null ? 'removed' : before.pinSet ? 'changed' : 'set';
        if (Object.keys(changed).length === 0) return;
        deps.auditLog.append({
          ts: at,
          actor: request.actor,
          action: 'settings.changed',
          subject: null,
          details: { ...changed, fromKiosk: request.fromKiosk },
        });
      });
      if (changesPin) auth.pinChanged();
      return read();
    },
  };
  return { handlers, read };
}
