// Turns probe results into stored checks, state changes and live-state batches for the renderer.
// Writes are buffered and flushed in one transaction a few times a second; live states are sent
// as one batch of just the endpoints that changed, so a wall of thousands of tiles gets small
// updates instead of a full refresh.
import type { EndpointLive } from '../../shared/contract/schemas';
import type { Clock, TimerHandle } from '../clock/clock';
import type { EndpointConfig } from '../config/types';
import type { ProbeResult } from '../probes/probe-result';
import type { CheckRecord, StateChangeRecord } from '../store';
import { applyCheck, initialMachineState, type MachineState } from './state-machine';

export interface MonitorStore {
  checks: { insertMany(checks: CheckRecord[]): void };
  stateChanges: { insert(change: StateChangeRecord): void };
}

export interface LiveMonitor {
  recordCheck(endpointId: string, ts: number, result: ProbeResult): void;
  snapshot(): EndpointLive[];
  /** Write everything buffered now (also called on stop). */
  flush(): void;
  stop(): void;
}

interface Tracked {
  config: EndpointConfig;
  machine: MachineState;
  live: EndpointLive;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function createLiveMonitor(options: {
  endpoints: EndpointConfig[];
  clock: Clock;
  store: MonitorStore;
  onBatch: (states: EndpointLive[]) => void;
  flushEveryMs?: number;
  emitEveryMs?: number;
}): LiveMonitor {
  const { clock, store } = options;
  const tracked = new Map<string, Tracked>();
  for (const config of options.endpoints) {
    tracked.set(config.id, {
      config,
      machine: initialMachineState(),
      live: {
        id: config.id,
        state: 'unknown',
        since: null,
        lastCheckAt: null,
        lastOk: null,
        lastRttMs: null,
        lastError: null,
      },
    });
  }
  let pendingChecks: CheckRecord[] = [];
  let pendingChanges: StateChangeRecord[] = [];
  const changed = new Set<string>();
  let flushTimer: TimerHandle | null = null;
  let emitTimer: TimerHandle | null = null;
  let stopped = false;

  const flush = (): void => {
    if (pendingChecks.length > 0) store.checks.insertMany(pendingChecks);
    for (const change of pendingChanges) store.stateChanges.insert(change);
    pendingChecks = [];
    pendingChanges = [];
  };
  const emit = (): void => {
    if (changed.size === 0) return;
    const batch = [...changed].flatMap((id) => {
      const entry = tracked.get(id);
      return entry ? [entry.live] : [];
    });
    changed.clear();
    options.onBatch(batch);
  };
  const scheduleFlush = (): void => {
    if (flushTimer || stopped) return;
    flushTimer = clock.after(options.flushEveryMs ?? 250, () => {
      flushTimer = null;
      flush();
    });
  };
  const scheduleEmit = (): void => {
    if (emitTimer || stopped) return;
    emitTimer = clock.after(options.emitEveryMs ?? 500, () => {
      emitTimer = null;
      emit();
    });
  };

  return {
    recordCheck(endpointId, ts, result) {
      const entry = tracked.get(endpointId);
      if (!entry || stopped) return;
      pendingChecks.push({
        endpointId,
        ts,
        ok: result.ok,
        rttMs: result.rttMs,
        errorKind: result.ok ? null : result.kind,
        error: result.ok ? null : result.message,
      });
      const { machine, transitions } = applyCheck(entry.machine, { ts, ok: result.ok }, entry.config);
      entry.machine = machine;
      for (const t of transitions) {
        pendingChanges.push({ endpointId, state: t.to, since: t.since, decidedAt: t.decidedAt });
      }
      entry.live = {
        id: endpointId,
        state: machine.state,
        since: iso(machine.since),
        lastCheckAt: iso(ts),
        lastOk: result.ok,
        lastRttMs: result.rttMs,
        lastError: result.ok ? null : result.message,
      };
      changed.add(endpointId);
      scheduleFlush();
      scheduleEmit();
    },
    snapshot: () => [...tracked.values()].map((t) => t.live),
    flush,
    stop() {
      stopped = true;
      flushTimer?.cancel();
      emitTimer?.cancel();
      flush();
    },
  };
}
