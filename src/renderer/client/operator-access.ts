// How this console earns the right to change things. Main authorises every mutating request: a LAN
// wall that has not presented the operator token may only read, and while an operator PIN is set the
// request must carry proof. This module is that proof, in one place for every caller: it attaches
// the live operator session to each mutating request, and after a `forbidden` reply it asks the
// operator once (the token on a read-only wall, else the PIN) so the client can retry the call.
import {
  SESSION_IDLE_SECONDS,
  type AppInfo,
  type MutatingRequestName,
  type OperatorProof,
} from '../../shared/contract';
import type { ConnectionStatusSource } from './connection-status';
import { createOperatorPrompts, type OperatorPrompts, type PromptOutcome } from './operator-prompts';
import { createOperatorSession, type OperatorSession } from './operator-session';
import type { BridgeRequests } from './request-methods';

/** How a WebSocket console presents the operator token (sessionStorage + the subprotocol). */
export interface OperatorTokenTransport {
  /** Keep `token` (null: none) and reconnect presenting it; resolves whether the new socket opened. */
  present(token: string | null): Promise<boolean>;
  /** Drop the kept token without reconnecting (it was not accepted). */
  forget(): void;
  /** True while a token is being presented (kept from an earlier sign-in in this tab, or just entered). */
  presenting(): boolean;
}

/** What the client tried already for one call, so each kind of question is asked at most once. */
export type RecoveryStep = 'token' | 'pin' | 'plain';

export interface OperatorAccessDeps {
  requests: Pick<BridgeRequests, 'verifyPin' | 'getAppInfo'>;
  connection: ConnectionStatusSource;
  /** Null where there is no token to present (the Electron window is always an operator). */
  token?: OperatorTokenTransport | null;
  /** Fresh app info learnt on the way (access, pinSet), for the rest of the console. */
  onAppInfo?: (info: AppInfo) => void;
  now?: () => number;
}

export interface OperatorAccess {
  session: OperatorSession;
  prompts: OperatorPrompts;
  /** True when this console can present an operator token (a browser on the WebSocket). */
  readonly canSignIn: boolean;
  /** True while this console presents an operator token: it is a LAN screen. */
  presentsToken(): boolean;
  /** Checks the PIN; when right, the session it earns is kept for the next mutating requests. */
  verifyPin(pin: string): Promise<PromptOutcome>;
  /** Presents the token (reconnecting); ok once main answers that this connection may act. */
  signIn(token: string): Promise<PromptOutcome>;
  /** Opens the shared PIN prompt; true once a right PIN was entered, false when cancelled. */
  askPin(purpose: string): Promise<boolean>;
  /** Opens the shared token prompt; true once signed in, false when cancelled (or impossible). */
  askToken(purpose: string): Promise<boolean>;
  /** For the client: the request with `proof: { session }` when a live session is held and it has none. */
  withProof<R extends object>(request: R): R;
  /** For the client: the request succeeded (a session it carried was used, so it lives on). */
  succeeded(request: object): void;
  /** For the client, after `forbidden`: true when the operator proved something worth one retry. */
  recover(name: MutatingRequestName, request: object, tried: Set<RecoveryStep>): Promise<boolean>;
}

/** Completes "… to <purpose>" in the prompts. */
export const PURPOSES: Record<MutatingRequestName, string> = {
  acknowledgeAlarm: 'acknowledge the alarm',
  acknowledgeAlarms: 'acknowledge the alarms',
  updateSettings: 'save the settings',
  setConsent: 'save the privacy choice',
  forgetMe: 'reset the analytics identity',
};

export const NOT_CONNECTED = 'Not connected to Linewatch: try again when the connection is back.';
export const WRONG_PIN = 'Wrong PIN: check it and try again.';
export const tooManyWrongPins = (seconds: number): string =>
  `Too many wrong PINs: try again in ${seconds} s.`;
export const TOKEN_REFUSED =
  'That token was not accepted: this screen stays read-only. Check it and enter it again.';

/**
 * A `forbidden` refusal as a sentence for the person at the screen, saying what to do next (main's
 * messages are written for logs and scripts). `action` completes "… to <action>".
 */
export function describeForbidden(detail: string, readOnly: boolean, action: string): string {
  if (readOnly) {
    return (
      `This screen is read-only: choose “Operator sign-in” at the top and enter the operator token ` +
      `from the Linewatch host to ${action} here.`
    );
  }
  // Main's own words are already the best advice for a wrong PIN or a lockout.
  if (/^(Wrong PIN|Too many wrong PINs)/.test(detail)) return detail.endsWith('.') ? detail : `${detail}.`;
  if (/session has expired/.test(detail)) {
    return `The PIN entered earlier has expired: enter the operator PIN again to ${action}.`;
  }
  return `An operator PIN is set: enter the operator PIN to ${action}.`;
}

const proofOf = (request: object): OperatorProof | undefined => (request as { proof?: OperatorProof }).proof;

export function createOperatorAccess(deps: OperatorAccessDeps): OperatorAccess {
  const session = createOperatorSession(deps.now);
  const prompts = createOperatorPrompts();
  const token = deps.token ?? null;

  // Main drops a connection's sessions with the connection; a new socket starts without one.
  deps.connection.subscribe((status) => {
    if (status.state !== 'open') session.end();
  });

  const freshAppInfo = async (): Promise<AppInfo | null> => {
    const result = await deps.requests.getAppInfo({});
    if (!result.ok) return null;
    deps.onAppInfo?.(result.value);
    return result.value;
  };

  const verifyPin = async (pin: string): Promise<PromptOutcome> => {
    if (pin.trim() === '') return { ok: false, message: 'Enter the operator PIN.' };
    const result = await deps.requests.verifyPin({ pin });
    if (!result.ok) {
      return {
        ok: false,
        message:
          result.error.code === 'transport'
            ? NOT_CONNECTED
            : `The PIN could not be checked: ${result.error.message}`,
      };
    }
    const answer = result.value;
    if (answer.ok) {
      if (answer.session !== null) {
        session.start(answer.session, answer.sessionIdleSeconds ?? SESSION_IDLE_SECONDS);
      }
      return { ok: true };
    }
    if (answer.retryAfterSeconds !== null) {
      return { ok: false, message: tooManyWrongPins(answer.retryAfterSeconds) };
    }
    return { ok: false, message: WRONG_PIN };
  };

  const signIn = async (value: string): Promise<PromptOutcome> => {
    const candidate = value.trim();
    if (candidate === '') return { ok: false, message: 'Enter the operator token.' };
    if (!token) return { ok: false, message: 'This console has no operator token to present.' };
    const opened = await token.present(candidate);
    const info = opened ? await freshAppInfo() : null;
    if (info?.access === 'operator') return { ok: true };
    if (opened && info === null) {
      token.forget();
      return { ok: false, message: NOT_CONNECTED };
    }
    // Refused: never keep a wrong token, and come back without it if the host closed on us.
    if (opened) token.forget();
    else await token.present(null);
    return { ok: false, message: TOKEN_REFUSED };
  };

  const askPin = (purpose: string): Promise<boolean> =>
    prompts.ask({ kind: 'pin', purpose, submit: verifyPin });
  const askToken = (purpose: string): Promise<boolean> =>
    token ? prompts.ask({ kind: 'token', purpose, submit: signIn }) : Promise.resolve(false);

  return {
    session,
    prompts,
    canSignIn: token !== null,
    presentsToken: () => token?.presenting() ?? false,
    verifyPin,
    signIn,
    askPin,
    askToken,
    withProof(request) {
      if (proofOf(request) !== undefined) return request;
      const live = session.live();
      return live === null ? request : { ...request, proof: { session: live } };
    },
    succeeded(request) {
      if (proofOf(request)?.session !== undefined) session.touch();
    },
    async recover(name, request, tried) {
      const info = await freshAppInfo();
      if (info === null) return false;
      if (info.access === 'read-only') {
        if (tried.has('token') || !token) return false;
        tried.add('token');
        return askToken(PURPOSES[name]);
      }
      // A PIN the caller sent itself was refused: its own message says why (wrong, locked out).
      if (proofOf(request)?.pin !== undefined) return false;
      // Whatever session went with the request is no good any more.
      session.end();
      if (!info.pinSet) {
        // The PIN was removed meanwhile (at another console): the plain request may pass now.
        if (tried.has('plain')) return false;
        tried.add('plain');
        return true;
      }
      if (tried.has('pin')) return false;
      tried.add('pin');
      return askPin(PURPOSES[name]);
    },
  };
}
