// Picks the transport once at startup: the Electron preload when present, otherwise the headless
// host's WebSocket on the page's own origin. Nothing else in the renderer knows which it got.
import type { LinewatchBridge } from '../../shared/contract';
import { WS_PATH } from '../../shared/contract/ws-protocol';
import { alwaysOpenConnection, type ConnectionStatusSource } from './connection-status';
import { createClient, type LinewatchClient } from './linewatch-client';
import { createWsBridge } from './ws-bridge';

export function contractUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${WS_PATH}`;
}

export function selectBridge(): { bridge: LinewatchBridge; connection: ConnectionStatusSource } {
  if (window.linewatch) return { bridge: window.linewatch, connection: alwaysOpenConnection };
  const bridge = createWsBridge({ url: contractUrl(window.location) });
  return { bridge, connection: bridge.connection };
}

export function selectClient(): LinewatchClient {
  const { bridge, connection } = selectBridge();
  return createClient(bridge, connection);
}
