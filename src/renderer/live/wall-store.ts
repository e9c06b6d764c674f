// The wall's state: the snapshot's structure (site, lines, endpoints) and the live state of every
// endpoint in a map keyed by id. Live updates replace only the entries that changed, so a tile that
// selects its own entry re-renders only when its endpoint changes (2,000 tiles at 1 Hz).
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, EndpointLive, WallLine, WallSnapshot } from '../../shared/contract';
import type { ConnectionStatus } from '../client/connection-status';

export type LiveStates = Readonly<Record<string, EndpointLive>>;

export interface WallState {
  appInfo: AppInfo | null;
  /**
   * A LAN wall: the services said `read-only` on this page, or it presented the operator token from
   * the start (a reload after sign-in). It stays a wall (no first-run consent question) after an
   * operator signs in on it.
   */
  lanWall: boolean;
  site: WallSnapshot['site'] | null;
  lines: readonly WallLine[];
  live: LiveStates;
  connection: ConnectionStatus;
  /** Why the last load failed, shown until a load succeeds. */
  loadError: string | null;
  setAppInfo(appInfo: AppInfo): void;
  markLanWall(): void;
  setSnapshot(snapshot: WallSnapshot): void;
  applyStates(batch: readonly EndpointLive[]): void;
  setConnection(connection: ConnectionStatus): void;
  setLoadError(message: string | null): void;
}

export type WallStore = StoreApi<WallState>;

function sameLive(a: EndpointLive, b: EndpointLive): boolean {
  return (
    a.state === b.state &&
    a.since === b.since &&
    a.lastCheckAt === b.lastCheckAt &&
    a.lastOk === b.lastOk &&
    a.lastRttMs === b.lastRttMs &&
    a.lastError === b.lastError &&
    a.lastFailureKind === b.lastFailureKind &&
    a.flapping === b.flapping
  );
}

/** Events and snapshots can cross in flight; whichever was checked later wins, never the older. */
function isOlder(incoming: EndpointLive, existing: EndpointLive): boolean {
  if (incoming.lastCheckAt === null || existing.lastCheckAt === null) return false;
  return Date.parse(incoming.lastCheckAt) < Date.parse(existing.lastCheckAt);
}

/** Returns `live` itself when nothing in the batch changes it, so subscribers see no update. */
export function mergeLiveStates(live: LiveStates, batch: readonly EndpointLive[]): LiveStates {
  let next: Record<string, EndpointLive> | null = null;
  for (const incoming of batch) {
    const existing = (next ?? live)[incoming.id];
    if (existing && (sameLive(existing, incoming) || isOlder(incoming, existing))) continue;
    next ??= { ...live };
    next[incoming.id] = incoming;
  }
  return next ?? live;
}

export function createWallStore(): WallStore {
  return createStore<WallState>()((set) => ({
    appInfo: null,
    lanWall: false,
    site: null,
    lines: [],
    live: {},
    connection: { state: 'connecting', nextAttemptAt: null },
    loadError: null,
    setAppInfo: (appInfo) =>
      set((state) => ({ appInfo, lanWall: state.lanWall || appInfo.access === 'read-only' })),
    markLanWall: () => set({ lanWall: true }),
    setSnapshot: (snapshot) =>
      set((state) => {
        // Endpoints missing from the snapshot are gone from the config. Entries the snapshot does not
        // change keep their objects (their tiles stay put), and an event that arrived while the
        // snapshot was in flight is newer than the snapshot, so it wins.
        const live: Record<string, EndpointLive> = {};
        for (const incoming of snapshot.states) {
          const existing = state.live[incoming.id];
          const keep = existing && (sameLive(existing, incoming) || isOlder(incoming, existing));
          live[incoming.id] = keep ? existing : incoming;
        }
        return { site: snapshot.site, lines: snapshot.lines, live, loadError: null };
      }),
    applyStates: (batch) =>
      set((state) => {
        const live = mergeLiveStates(state.live, batch);
        return live === state.live ? state : { live };
      }),
    setConnection: (connection) => set({ connection }),
    setLoadError: (loadError) => set({ loadError }),
  }));
}

/** The renderer's single wall store. Tests create their own with createWallStore(). */
export const wallStore = createWallStore();

/** This connection may only read (a LAN wall without the operator token). */
export const isReadOnlyConnection = (): boolean => wallStore.getState().appInfo?.access === 'read-only';

export function useWall<T>(selector: (state: WallState) => T): T {
  return useStore(wallStore, selector);
}
