// Picks the transport once at startup: the Electron preload when present, otherwise the headless
// host's WebSocket on the page's own origin. Nothing else in the renderer knows which it got.
// A browser on a LAN wall may hold the operator token: kept in sessionStorage (this tab only, gone
// with it; never in the URL, where it would end up in history and proxy logs) and offered as a
// WebSocket subprotocol on every (re)connect.
import type { AppInfo, LinewatchBridge } from '../../shared/contract';
import { WS_PATH, wsSubprotocols } from '../../shared/contract/ws-protocol';
import { alwaysOpenConnection, type ConnectionStatusSource } from './connection-status';
import { createClient, type LinewatchClient } from './linewatch-client';
import type { OperatorTokenTransport } from './operator-access';
import { createWsBridge } from './ws-bridge';

export const OPERATOR_TOKEN_KEY = 'linewatch.operatorToken';

export function contractUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WS_PATH}`;
}

/** Where the token is kept; storage may be missing or refuse (private modes), then it is not kept. */
export interface TokenStorage {
  read(): string | null;
  write(token: string | null): void;
}

export function sessionTokenStorage(storage: () => Storage = () => window.sessionStorage): TokenStorage {
  return {
    read: () => {
      try {
        return storage().getItem(OPERATOR_TOKEN_KEY);
      } catch {
        return null;
      }
    },
    write: (token) => {
      try {
        if (token === null) storage().removeItem(OPERATOR_TOKEN_KEY);
        else storage().setItem(OPERATOR_TOKEN_KEY, token);
      } catch {
        // Not kept: this connection still presents it until the next reconnect.
      }
    },
  };
}

export interface SelectedBridge {
  bridge: LinewatchBridge;
  connection: ConnectionStatusSource;
  operatorToken: OperatorTokenTransport | null;
}

export function selectBridge(tokens: TokenStorage = sessionTokenStorage()): SelectedBridge {
  if (window.linewatch) {
    return { bridge: window.linewatch, connection: alwaysOpenConnection, operatorToken: null };
  }
  // The token being presented; storage only remembers it across reloads of this tab.
  let token = tokens.read();
  const bridge = createWsBridge({
    url: contractUrl(window.location),
    protocols: () => wsSubprotocols(token),
  });
  const operatorToken: OperatorTokenTransport = {
    present(next) {
      token = next;
      tokens.write(next);
      return bridge.reconnect();
    },
    forget() {
      token = null;
      tokens.write(null);
    },
    presenting: () => token !== null,
  };
  return { bridge, connection: bridge.connection, operatorToken };
}

export function selectClient(options: { onAppInfo?: (info: AppInfo) => void } = {}): LinewatchClient {
  const { bridge, connection, operatorToken } = selectBridge();
  return createClient(bridge, connection, { operatorToken, onAppInfo: options.onAppInfo });
}
