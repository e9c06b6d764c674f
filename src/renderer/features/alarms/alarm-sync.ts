// Keeps the alarm store in step with the services: the list is fetched on start, whenever an alarm
// is raised, cleared or acknowledged (here or at another console), and after a reconnect, since
// events sent while disconnected are lost. It also tells which alarms are new, for the audible cue.
import type { AlarmView, Unsubscribe } from '../../../shared/contract';
import type { LinewatchClient } from '../../client/linewatch-client';
import { isActive, needsAttention, type AlarmStore } from './alarm-store';

export interface AlarmSyncOptions {
  /**
   * Called with unacknowledged, still active alarms that no earlier list contained. Never called
   * for the first list: alarms already present when the wall opens were announced long ago.
   */
  onNewAlarms?: (alarms: readonly AlarmView[]) => void;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface AlarmSync {
  /** Fetch the list now (also used by the acknowledge flow after a conflict). */
  refresh(): Promise<void>;
  stop: Unsubscribe;
}

export function startAlarmSync(
  client: LinewatchClient,
  store: AlarmStore,
  options: AlarmSyncOptions = {},
): AlarmSync {
  let stopped = false;
  let latestLoad = 0;
  // Every alarm id ever listed; null until the first list arrives (the baseline).
  let seen: Set<number> | null = null;
  let connectionState = client.connection.current().state;

  const refresh = async (): Promise<void> => {
    const load = ++latestLoad;
    try {
      const { alarms } = await client.listAlarms();
      // A slower, older answer must not overwrite a newer one.
      if (stopped || load !== latestLoad) return;
      const fresh = seen ? alarms.filter((a) => !seen?.has(a.id) && isActive(a) && needsAttention(a)) : [];
      seen ??= new Set();
      for (const alarm of alarms) seen.add(alarm.id);
      store.getState().setAlarms(alarms);
      if (fresh.length > 0) options.onNewAlarms?.(fresh);
    } catch (error) {
      if (!stopped && load === latestLoad) store.getState().setLoadError(describe(error));
    }
  };

  const unsubscribers: Unsubscribe[] = [
    client.on('alarmsChanged', () => void refresh()),
    client.connection.subscribe((status) => {
      const wasReconnecting = connectionState === 'reconnecting';
      connectionState = status.state;
      if (status.state === 'open' && wasReconnecting) void refresh();
    }),
  ];
  void refresh();

  return {
    refresh,
    stop: () => {
      stopped = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
