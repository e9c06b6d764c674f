// Who may change things. Every mutating contract request passes `authorise` before its handler
// runs, whatever the transport: a read-only (LAN) connection may not act at all, and while an
// operator PIN is set the request must carry proof — the PIN itself, or a session that verifyPin
// issued to this same connection. Wrong PINs are throttled per connection (one client can never
// lock out another) and every one is audited.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ContractFailure,
  SESSION_IDLE_SECONDS,
  type Caller,
  type OperatorProof,
  type VerifyPinResult,
} from '../../shared/contract';
import type { AuditEntry } from '../store';
import { verifyPinHash } from '../settings/pin-hash';

export const MAX_WRONG_PINS = 5;
export const LOCKOUT_MS = 60_000;
const SESSION_IDLE_MS = SESSION_IDLE_SECONDS * 1000;

export interface OperatorAuthDeps {
  /** The stored scrypt hash of the operator PIN, null while none is set. */
  pinHash: () => string | null;
  now: () => number;
  audit: (entry: Omit<AuditEntry, 'id'>) => void;
  /** Session tokens; random by default, injectable for tests. */
  newToken?: () => string;
}

export interface OperatorAuth {
  /** The verifyPin request: checks the PIN for `caller` and, when right, issues a session. */
  verifyPin(caller: Caller, pin: string): VerifyPinResult;
  /** Throws ContractFailure('forbidden') unless `caller` may run the mutating request `method`. */
  authorise(caller: Caller, method: string, proof: OperatorProof | undefined): void;
  /**
   * Checks the PIN itself (a session is not enough, e.g. to change the PIN); wrong ones count
   * against the caller. Throws ContractFailure('forbidden') when locked out or wrong.
   */
  requirePin(caller: Caller, pin: string | undefined, purpose: string): void;
  /** The PIN was set, changed or removed: every session ends. */
  pinChanged(): void;
  /** The connection is gone: drop its sessions and throttling state. */
  connectionClosed(connectionId: string): void;
}

interface Throttle {
  wrong: number;
  lockedUntil: number;
}
interface Session {
  connectionId: string;
  lastUsedAt: number;
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function createOperatorAuth(deps: OperatorAuthDeps): OperatorAuth {
  const newToken = deps.newToken ?? (() => randomBytes(24).toString('base64url'));
  const throttles = new Map<string, Throttle>();
  const sessions = new Map<string, Session>();

  const lockedForMs = (caller: Caller): number =>
    Math.max(0, (throttles.get(caller.connectionId)?.lockedUntil ?? 0) - deps.now());

  const lockedMessage = (ms: number): string =>
    `Too many wrong PINs from this console: try again in ${Math.ceil(ms / 1000)} s`;

  /** True when `pin` matches the stored hash; a wrong one is counted and audited. */
  const checkPin = (caller: Caller, stored: string, pin: string, purpose: string): boolean => {
    if (verifyPinHash(pin, stored)) {
      throttles.delete(caller.connectionId);
      return true;
    }
    const throttle = throttles.get(caller.connectionId) ?? { wrong: 0, lockedUntil: 0 };
    throttle.wrong += 1;
    const lockout = throttle.wrong >= MAX_WRONG_PINS;
    if (lockout) {
      throttle.wrong = 0;
      throttle.lockedUntil = deps.now() + LOCKOUT_MS;
    }
    throttles.set(caller.connectionId, throttle);
    deps.audit({
      ts: deps.now(),
      actor: caller.label,
      action: 'pin.wrong',
      subject: purpose,
      details: lockout ? { lockedForSeconds: LOCKOUT_MS / 1000 } : {},
    });
    return false;
  };

  /** The session's connection and idleness; a valid one is refreshed. */
  const useSession = (caller: Caller, token: string): boolean => {
    for (const [candidate, session] of sessions) {
      if (!sameText(candidate, token)) continue;
      if (session.connectionId !== caller.connectionId) return false;
      if (deps.now() - session.lastUsedAt > SESSION_IDLE_MS) {
        sessions.delete(candidate);
        return false;
      }
      session.lastUsedAt = deps.now();
      return true;
    }
    return false;
  };

  const requirePin: OperatorAuth['requirePin'] = (caller, pin, purpose) => {
    const stored = deps.pinHash();
    if (stored === null) return;
    const locked = lockedForMs(caller);
    if (locked > 0) throw new ContractFailure('forbidden', lockedMessage(locked));
    if (pin === undefined || pin === '')
      throw new ContractFailure('forbidden', `An operator PIN is set: ${purpose} needs the PIN`);
    if (!checkPin(caller, stored, pin, purpose)) {
      const nowLocked = lockedForMs(caller);
      throw new ContractFailure('forbidden', nowLocked > 0 ? lockedMessage(nowLocked) : 'Wrong PIN');
    }
  };

  return {
    verifyPin(caller, pin) {
      const none = { session: null, sessionIdleSeconds: null };
      const stored = deps.pinHash();
      if (stored === null) return { ok: false, ...none, retryAfterSeconds: null };
      const locked = lockedForMs(caller);
      if (locked > 0) return { ok: false, ...none, retryAfterSeconds: Math.ceil(locked / 1000) };
      if (!checkPin(caller, stored, pin, 'verifyPin')) {
        const nowLocked = lockedForMs(caller);
        return { ok: false, ...none, retryAfterSeconds: nowLocked > 0 ? Math.ceil(nowLocked / 1000) : null };
      }
      const token = newToken();
      sessions.set(token, { connectionId: caller.connectionId, lastUsedAt: deps.now() });
      return { ok: true, session: token, sessionIdleSeconds: SESSION_IDLE_SECONDS, retryAfterSeconds: null };
    },
    authorise(caller, method, proof) {
      if (!caller.canMutate) {
        throw new ContractFailure(
          'forbidden',
          `${method} refused: this connection is read-only; present the operator token to act from it`,
        );
      }
      if (deps.pinHash() === null) return;
      if (proof?.session !== undefined && useSession(caller, proof.session)) return;
      if (proof?.pin !== undefined) {
        requirePin(caller, proof.pin, method);
        return;
      }
      throw new ContractFailure(
        'forbidden',
        proof?.session !== undefined
          ? `${method} refused: the operator session has expired or belongs to another connection; enter the PIN again`
          : `${method} refused: an operator PIN is set; send the PIN or a session from verifyPin`,
      );
    },
    requirePin,
    pinChanged: () => sessions.clear(),
    connectionClosed(connectionId) {
      throttles.delete(connectionId);
      for (const [token, session] of sessions)
        if (session.connectionId === connectionId) sessions.delete(token);
    },
  };
}
