// How the renderer learns whether its transport to the services is alive. The Electron preload is
// always connected (same process tree); the WebSocket transport can drop and reconnect.
import type { Unsubscribe } from '../../shared/contract';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

export interface ConnectionStatus {
  state: ConnectionState;
  /** While reconnecting: when the next attempt is due (epoch ms), so the banner can count down. */
  nextAttemptAt: number | null;
}

export interface ConnectionStatusSource {
  current(): ConnectionStatus;
  subscribe(listener: (status: ConnectionStatus) => void): Unsubscribe;
}

const ALWAYS_OPEN: ConnectionStatus = { state: 'open', nextAttemptAt: null };

/** For transports that cannot drop (the Electron preload). */
export const alwaysOpenConnection: ConnectionStatusSource = {
  current: () => ALWAYS_OPEN,
  subscribe: () => () => undefined,
};
