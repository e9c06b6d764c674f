// Polls the engine status (it has no event: lag is a running measure, not a change) and keeps the
// config status current. Failures are quiet on purpose: an older host without getEngineStatus, or
// a dropped connection, must not add a second warning to the connection banner.
import type { Unsubscribe } from '../../../shared/contract';
import type { LinewatchClient } from '../../client/linewatch-client';
import type { HealthStore } from './health-store';

export const ENGINE_POLL_MS = 10_000;

export function startHealthSync(
  client: LinewatchClient,
  store: HealthStore,
  pollMs = ENGINE_POLL_MS,
): Unsubscribe {
  let stopped = false;
  let latestConfigLoad = 0;
  let connectionState = client.connection.current().state;

  const pollEngine = async (): Promise<void> => {
    try {
      const status = await client.getEngineStatus();
      if (!stopped) store.getState().setEngineStatus(status);
    } catch {
      // Keep the last known value; the next poll tries again.
    }
  };

  const loadConfig = async (): Promise<void> => {
    const load = ++latestConfigLoad;
    try {
      const status = await client.getConfigStatus();
      if (!stopped && load === latestConfigLoad) store.getState().setConfigStatus(status);
    } catch {
      // Same as above: the banner keeps what it last knew.
    }
  };

  const timer = setInterval(() => void pollEngine(), pollMs);
  const unsubscribers: Unsubscribe[] = [
    client.on('configApplied', () => void loadConfig()),
    client.connection.subscribe((status) => {
      const wasReconnecting = connectionState === 'reconnecting';
      connectionState = status.state;
      if (status.state === 'open' && wasReconnecting) {
        void loadConfig();
        void pollEngine();
      }
    }),
  ];
  void pollEngine();
  void loadConfig();

  return () => {
    stopped = true;
    clearInterval(timer);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
