// The operator session verifyPin handed out. Main honours it only on the connection that verified
// and until it has been idle for `sessionIdleSeconds`; the console forgets it a little earlier, so a
// request never races main's expiry, and at once when the connection drops (main forgets it then).
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface OperatorSessionState {
  token: string | null;
  /** When the session was issued or last used successfully (epoch ms). */
  lastUsedAt: number;
  idleMs: number;
}

export interface OperatorSession {
  /** For components that show whether the PIN is needed; `token` clears when the session expires. */
  store: StoreApi<OperatorSessionState>;
  /** The token while it is still good, else null (and the expired one is dropped). */
  live(): string | null;
  start(token: string, idleSeconds: number): void;
  /** A request with the session succeeded: main restarted its idle clock, so does the console. */
  touch(): void;
  end(): void;
}

/** Stop using a session this much before main would. */
export const SESSION_EXPIRY_MARGIN_MS = 5_000;

export function createOperatorSession(now: () => number = () => Date.now()): OperatorSession {
  const store = createStore<OperatorSessionState>()(() => ({ token: null, lastUsedAt: 0, idleMs: 0 }));
  let timer: ReturnType<typeof setTimeout> | null = null;

  const usableForMs = (): number => {
    const { lastUsedAt, idleMs } = store.getState();
    return lastUsedAt + idleMs - SESSION_EXPIRY_MARGIN_MS - now();
  };
  const end = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (store.getState().token !== null) store.setState({ token: null, lastUsedAt: 0, idleMs: 0 });
  };
  // Only so the UI learns of the expiry without asking; live() checks the clock itself.
  const scheduleExpiry = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(end, Math.max(0, usableForMs()));
  };

  return {
    store,
    live() {
      const { token } = store.getState();
      if (token === null) return null;
      if (usableForMs() <= 0) {
        end();
        return null;
      }
      return token;
    },
    start(token, idleSeconds) {
      store.setState({ token, lastUsedAt: now(), idleMs: idleSeconds * 1000 });
      scheduleExpiry();
    },
    touch() {
      if (store.getState().token === null) return;
      store.setState({ lastUsedAt: now() });
      scheduleExpiry();
    },
    end,
  };
}
