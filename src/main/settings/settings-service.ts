// Console settings: read, change (with the PIN rules below) and audit. Handlers for the contract
// entries getSettings, updateSettings and verifyPin.
//  - The PIN is kept as a scrypt hash and never returned; the renderer learns only `pinSet`.
//  - Changing or removing a set PIN needs the current one; any change sent from a kiosk needs it.
//  - Wrong PINs are throttled, so a wall touch screen cannot be brute-forced in a lunch break.
import { z } from 'zod';
import {
  ContractFailure,
  type ConsoleSettings,
  type ContractHandlers,
  type RequestName,
} from '../../shared/contract';
import type { RetentionConfig } from '../config/types';
import type { AuditLogStore } from '../store/audit-log-store';
import type { SettingsStore } from '../store/settings-store';
import { hashPin, verifyPinHash } from './pin-hash';

export const DEFAULT_ROTATION_SECONDS = 20;
const KEYS = { rotation: 'kiosk.rotationSeconds', display: 'kiosk.displayIndex', pin: 'operator.pinHash' };
const MAX_WRONG_PINS = 5;
const LOCKOUT_MS = 60_000;
const DAY_MS = 86_400_000;

export interface SettingsServiceDeps {
  settings: SettingsStore;
  auditLog: AuditLogStore;
  /** Runs the change and its audit entry atomically. */
  transaction: <T>(work: () => T) => T;
  now: () => number;
  retention: () => RetentionConfig;
}

type SettingsHandlers = Pick<
  ContractHandlers,
  Extract<RequestName, 'getSettings' | 'updateSettings' | 'verifyPin'>
>;

const days = (ms: number): number => Math.round((ms / DAY_MS) * 10) / 10;

export function createSettingsService(deps: SettingsServiceDeps): {
  handlers: SettingsHandlers;
  read(): ConsoleSettings;
} {
  const { settings } = deps;
  let wrongPins = 0;
  let lockedUntil = 0;

  const pinHash = (): string | null => {
    const value = settings.get(KEYS.pin);
    return typeof value === 'string' ? value : null;
  };

  const read = (): ConsoleSettings => {
    const rotation = z.number().int().min(3).max(3_600).safeParse(settings.get(KEYS.rotation));
    const display = z.number().int().min(0).max(15).nullable().safeParse(settings.get(KEYS.display));
    const retention = deps.retention();
    return {
      kioskRotationSeconds: rotation.success ? rotation.data : DEFAULT_ROTATION_SECONDS,
      displayIndex: display.success ? display.data : null,
      pinSet: pinHash() !== null,
      retentionDays: {
        rawChecks: days(retention.rawChecksMs),
        minuteRollups: days(retention.minuteRollupsMs),
        hourRollups: days(retention.hourRollupsMs),
        dayRollups: days(retention.dayRollupsMs),
      },
    };
  };

  /** True when no PIN is set or `pin` matches; counts wrong guesses and locks out after too many. */
  const checkPin = (pin: string | undefined): boolean => {
    const stored = pinHash();
    if (stored === null) return true;
    if (deps.now() < lockedUntil || pin === undefined) return false;
    if (verifyPinHash(pin, stored)) {
      wrongPins = 0;
      return true;
    }
    wrongPins += 1;
    if (wrongPins >= MAX_WRONG_PINS) {
      wrongPins = 0;
      lockedUntil = deps.now() + LOCKOUT_MS;
    }
    return false;
  };

  const handlers: SettingsHandlers = {
    getSettings: () => read(),
    verifyPin: ({ pin }) => ({ ok: pinHash() !== null && checkPin(pin) }),
    updateSettings: (request) => {
      const changesPin = request.newPin !== undefined;
      if ((request.fromKiosk || changesPin) && !checkPin(request.currentPin)) {
        throw new ContractFailure(
          'pin_required',
          deps.now() < lockedUntil
            ? 'Too many wrong PINs: wait a minute and try again'
            : 'Wrong or missing PIN',
        );
      }
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
      return read();
    },
  };
  return { handlers, read };
}
