// Keeps the "Linewatch itself" store current: main pushes healthChanged when the status or the
// system alarms change; a slow poll refreshes the details (free space, newest check) between
// changes, and a reconnect asks at once. Failures are quiet: the connection banner already speaks.
import type { Unsubscribe } from '../../../shared/contract';
import type { LinewatchClient } from '../../client/linewatch-client';
import type { SelfHealthStore } from './self-health-store';

export const HEALTH_POLL_MS = 15_000;

export function startSelfHealthSync(
  client: LinewatchClient,
  store: SelfHealthStore,
  pollMs = HEALTH_POLL_MS,
): Unsubscribe {
  let stopped = false;
  let latest = 0;
  let connectionState = client.connection.current().state;

  const load = async (): Promise<void> => {
    const request = ++latest;
    try {
      const health = await client.getHealth();
      // An answer overtaken by a newer request or an event is older than what the store holds.
      if (!stopped && request === latest) store.getState().setHealth(health);
    } catch {
      // Keep the last known health; the next poll tries again.
    }
  };

  const timer = setInterval(() => void load(), pollMs);
  const unsubscribers: Unsubscribe[] = [
    client.on('healthChanged', (health) => {
      latest++;
      store.getState().setHealth(health);
    }),
    client.connection.subscribe((status) => {
      const wasReconnecting = connectionState === 'reconnecting';
      connectionState = status.state;
      if (status.state === 'open' && wasReconnecting) void load();
    }),
  ];
  void load();

  return () => {
    stopped = true;
    clearInterval(timer);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
