// The surface the composition root offers to its hosts (the Electron shell and the headless CLI).
import type { ContractHandlers, EventSink, Health } from '../../shared/contract';
import type { ShowDesktopNotice } from '../notifications/channels/desktop';

export interface LinewatchServicesOptions {
  /** Folder holding the SQLite database and everything else the app stores. */
  dataDir: string;
  /** YAML config to monitor; null starts the built-in simulated demo plant on loopback. */
  configPath: string | null;
  host: 'electron' | 'headless';
  appVersion: string;
  log?: (line: string) => void;
  /**
   * Shows a desktop-channel notice natively (the Electron shell). Without it the notice goes to the
   * connected dashboards, which show it with the browser Notification API.
   */
  showDesktopNotice?: ShowDesktopNotice;
}

export interface LinewatchServices {
  /** The contract handlers, every mutating one authorised for its caller before it runs. */
  handlers: ContractHandlers;
  /** A connection (WebSocket, window) has gone: forget its operator sessions and PIN throttling. */
  connectionClosed(connectionId: string): void;
  /** Linewatch's own health, judged now (the `/healthz` route and `getHealth`, issue 14). */
  health(): Health;
  /** Start pushing contract events to a sink; returns the function that stops it. */
  subscribe(sink: EventSink): () => void;
  /** Stop probes and timers, flush pending writes and close the database. */
  stop(): Promise<void>;
}
