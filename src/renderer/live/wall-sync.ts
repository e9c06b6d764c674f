// Keeps a wall store in step with the services: loads app info and the snapshot, applies live
// batches, refetches the snapshot when the config changes or the connection comes back (events
// sent while disconnected are lost, the snapshot is the catch-up).
import type { Unsubscribe } from '../../shared/contract';
import type { LinewatchClient } from '../client/linewatch-client';
import type { WallStore } from './wall-store';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function startWallSync(client: LinewatchClient, store: WallStore): Unsubscribe {
  let stopped = false;
  let latestLoad = 0;
  const actions = store.getState();

  const load = async (): Promise<void> => {
    const load = ++latestLoad;
    try {
      const [appInfo, snapshot] = await Promise.all([client.getAppInfo(), client.getWallSnapshot()]);
      // A slower, older load must not overwrite the result of a newer one.
      if (stopped || load !== latestLoad) return;
      actions.setAppInfo(appInfo);
      actions.setSnapshot(snapshot);
    } catch (error) {
      if (!stopped && load === latestLoad) actions.setLoadError(describe(error));
    }
  };

  const unsubscribers: Unsubscribe[] = [
    client.on('endpointStates', (batch) => actions.applyStates(batch.states)),
    client.on('configApplied', () => void load()),
    client.connection.subscribe((status) => {
      // The first connect delivers the requests queued below; only a reconnect needs a new load.
      const wasReconnecting = store.getState().connection.state === 'reconnecting';
      actions.setConnection(status);
      if (status.state === 'open' && wasReconnecting) void load();
    }),
  ];
  actions.setConnection(client.connection.current());
  void load();

  return () => {
    stopped = true;
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
