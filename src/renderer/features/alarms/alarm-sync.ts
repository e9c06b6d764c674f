// Keeps the alarm store in step with the services: the list is fetched on start, whenever an alarm
// is raised, cleared or acknowledged (here or at another console), and after a reconnect, since
// events sent while disconnected are lost; bursts of events are coalesced. It also tells which
// alarms are new, for the audible cue.
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

export const SECONDARY_REFRESH_MS = 1_000;

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
  // Every alarm id ever listed; null until the first list arrives (the baseline).
  let seen: Set<number> | null = null;
  let connectionState = client.connection.current().state;

  // One load at a time (see refresh), so an older answer can never overwrite a newer one.
  const load = async (): Promise<void> => {
    try {
      const { alarms } = await client.listAlarms();
      if (stopped) return;
      const fresh = seen ? alarms.filter((a) => !seen?.has(a.id) && isActive(a) && needsAttention(a)) : [];
      seen ??= new Set();
      for (const alarm of alarms) seen.add(alarm.id);
      store.getState().setAlarms(alarms);
      if (fresh.length > 0) options.onNewAlarms?.(fresh);
    } catch (error) {
      if (!stopped) store.getState().setLoadError(describe(error));
    }
  };

  // A burst of events (an "Acknowledge all cleared" of 200 alarms sends one per alarm) costs one
  // load in flight plus one after it, not one load per event.
  const queue: { inFlight: Promise<void> | null; again: boolean } = { inFlight: null, again: false };
  // Read through a call: other calls set the flag while `run` awaits, which narrowing cannot see.
  const askedAgain = (): boolean => queue.again;
  const refresh = (): Promise<void> => {
    if (queue.inFlight) {
      queue.again = true;
      return queue.inFlight;
    }
    const run = async (): Promise<void> => {
      do {
        queue.again = false;
        await load();
      } while (askedAgain() && !stopped);
      queue.inFlight = null;
    };
    queue.inFlight = run();
    return queue.inFlight;
  };

  // A device down behind another raises no alarm (main holds it back), so no alarmsChanged tells
  // that its parent's row now has one more device behind it: a device going down that no listed
  // alarm is about asks for one refresh, at most once per SECONDARY_REFRESH_MS.
  let secondaryTimer: ReturnType<typeof setTimeout> | null = null;
  const onStates = (states: readonly { id: string; state: string }[]): void => {
    if (secondaryTimer !== null) return;
    const alarmed = new Set(store.getState().alarms.map((alarm) => alarm.endpointId));
    if (!states.some((live) => live.state === 'down' && !alarmed.has(live.id))) return;
    secondaryTimer = setTimeout(() => {
      secondaryTimer = null;
      if (!stopped) void refresh();
    }, SECONDARY_REFRESH_MS);
  };

  const unsubscribers: Unsubscribe[] = [
    client.on('alarmsChanged', () => void refresh()),
    client.on('endpointStates', ({ states }) => onStates(states)),
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
      if (secondaryTimer !== null) clearTimeout(secondaryTimer);
      for (const unsubscribe of unsubscribers) unsubscribe();
    },
  };
}
