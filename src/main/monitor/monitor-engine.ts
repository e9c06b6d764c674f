// The monitoring engine shared by the live monitor and `linewatch import`: checks in, the spec's
// state machine, outages with dependencies and maintenance, alarms, and batched writes. Time comes
// from the checks themselves and the injected clock, never from Date.now().
import type { EndpointLive } from '../../shared/contract/schemas';
import { isoTimeOrNull as iso } from '../../shared/time';
import type { Clock, TimerHandle } from '../clock/clock';
import type { EndpointConfig } from '../config';
import type { ProbeResult } from '../probes/probe-result';
import { FlapDetector } from './flapping';
import { IdentityTracker } from './identity-tracker';
import { PendingWrites, type EngineStore } from './pending-writes';
import { applyCheck, initialMachineState, type MachineState, type Transition } from './state-machine';

export interface MaintenanceLookup {
  isInMaintenance(target: { endpointId: string; lineId: string }, ts: number): boolean;
}

export type AlarmSignal = { kind: 'raised' | 'cleared'; alarmId: number; endpointId: string; at: number };

interface OpenOutage {
  id: number;
  startedAt: number;
  detectedAt: number;
  alarmId: number | null;
}

interface Tracked {
  config: EndpointConfig;
  machine: MachineState;
  outage: OpenOutage | null;
  flaps: FlapDetector;
  live: EndpointLive;
}

export interface MonitorEngine {
  ingest(endpointId: string, ts: number, result: ProbeResult): void;
  snapshot(): EndpointLive[];
  /** Swap in a new endpoint list (config reload); unchanged ids keep their state and outages. */
  setEndpoints(endpoints: EndpointConfig[], maintenance: MaintenanceLookup): void;
  /** Commits buffered writes; throws when the database refuses them (the writes stay buffered). */
  flush(): void;
  /**
   * `flush` for the engine's own timers and for readers: a refused commit (SQLITE_FULL, EROFS)
   * never escapes; the writes stay buffered for the next try and `commitHealth` tells about it.
   */
  tryFlush(): boolean;
  /** How the last commits went and what is still buffered (issue 14: /healthz, system alarms). */
  commitHealth(): CommitHealth;
  stop(): void;
}

export interface CommitHealth {
  /** The last refused commit's message, or null once a commit went through again. */
  lastError: string | null;
  /** When commits started failing; null while they succeed. */
  failingSince: number | null;
  /** Checks decided but not yet committed. */
  bufferedChecks: number;
  /** The newest check ingested (by its timestamp), null before the first. */
  newestCheckTs: number | null;
}

export interface MonitorEngineOptions {
  endpoints: EndpointConfig[];
  maintenance: MaintenanceLookup;
  clock: Clock;
  store: EngineStore;
  onLive?: (states: EndpointLive[]) => void;
  onAlarm?: (signal: AlarmSignal) => void;
  /** 0 disables timed flushing (import flushes once at the end). */
  flushEveryMs?: number;
  emitEveryMs?: number;
}

export function createMonitorEngine(options: MonitorEngineOptions): MonitorEngine {
  const { clock, store } = options;
  let maintenance = options.maintenance;
  const tracked = new Map<string, Tracked>();
  const pending = new PendingWrites();
  const changed = new Set<string>();
  const identities = new IdentityTracker(store.identities.all());
  let outageSeq = store.outages.maxId();
  let alarmSeq = store.alarms.maxId();
  let flushTimer: TimerHandle | null = null;
  let emitTimer: TimerHandle | null = null;
  let stopped = false;
  let lastCommitError: string | null = null;
  let commitFailingSince: number | null = null;
  let newestCheckTs: number | null = null;

  const resume = (config: EndpointConfig): Tracked => {
    const saved = savedProgress.get(config.id);
    const machine: MachineState = saved
      ? {
          state: saved.state,
          since: saved.since,
          okStreak: saved.okStreak,
          okStreakStart: saved.okStreakStart,
          failStreak: saved.failStreak,
          failStreakStart: saved.failStreakStart,
          lastCheckTs: saved.lastCheckTs,
        }
      : initialMachineState();
    const open = saved?.openOutageId ? openOutages.get(saved.openOutageId) : undefined;
    const live: EndpointLive = {
      id: config.id,
      state: machine.state,
      since: iso(machine.since),
      lastCheckAt: iso(machine.lastCheckTs),
      lastOk: null,
      lastRttMs: null,
      lastError: null,
      lastFailureKind: null,
      flapping: false,
    };
    return { config, machine, outage: open ?? null, flaps: new FlapDetector(), live };
  };
  const savedProgress = store.progress.all();
  // Read active alarms once: looking them up per open outage would query the table once each.
  const alarmByOutage = new Map(store.alarms.active().map((a) => [a.outageId, a.id]));
  const openOutages = new Map(
    store.outages.open().map((o) => [
      o.id,
      {
        id: o.id,
        startedAt: o.startedAt,
        detectedAt: o.detectedAt,
        alarmId: alarmByOutage.get(o.id) ?? null,
      },
    ]),
  );
  for (const config of options.endpoints) tracked.set(config.id, resume(config));

  const saveProgress = (entry: Tracked): void => {
    const m = entry.machine;
    pending.progress.set(entry.config.id, {
      endpointId: entry.config.id,
      state: m.state,
      since: m.since,
      okStreak: m.okStreak,
      okStreakStart: m.okStreakStart,
      failStreak: m.failStreak,
      failStreakStart: m.failStreakStart,
      lastCheckTs: m.lastCheckTs,
      intervalMs: entry.config.intervalMs,
      openOutageId: entry.outage?.id ?? null,
    });
  };

  const closeOutage = (entry: Tracked, endedAt: number, byGap: boolean): void => {
    const outage = entry.outage;
    if (!outage) return;
    pending.outageCloses.push({ id: outage.id, endedAt, endedByGap: byGap });
    pending.alarmClears.push({ outageId: outage.id, clearedAt: endedAt });
    if (outage.alarmId !== null) {
      options.onAlarm?.({
        kind: 'cleared',
        alarmId: outage.alarmId,
        endpointId: entry.config.id,
        at: endedAt,
      });
    }
    entry.outage = null;
  };

  const openOutage = (entry: Tracked, t: Transition, failure: ProbeResult): void => {
    const parent = entry.config.dependsOn ? tracked.get(entry.config.dependsOn) : undefined;
    // Spec: secondary when the parent was already detected down, and still is, at our detection.
    const parentOutage =
      parent && parent.machine.state === 'down' && parent.outage && parent.outage.detectedAt <= t.decidedAt
        ? parent.outage
        : null;
    const inMaintenance = maintenance.isInMaintenance(
      { endpointId: entry.config.id, lineId: entry.config.lineId },
      t.since,
    );
    const id = ++outageSeq;
    pending.outageInserts.push({
      id,
      endpointId: entry.config.id,
      startedAt: t.since,
      detectedAt: t.decidedAt,
      endedAt: null,
      endedByGap: false,
      inMaintenance,
      secondaryOfEndpoint: parentOutage && parent ? parent.config.id : null,
      secondaryOfOutage: parentOutage?.id ?? null,
      failureKind: failure.ok ? null : failure.kind,
      failureMessage: failure.ok ? null : failure.message,
    });
    // One alarm per primary outage; planned work (maintenance) raises none.
    let alarmId: number | null = null;
    if (!parentOutage && !inMaintenance) {
      alarmId = ++alarmSeq;
      pending.alarmInserts.push({
        id: alarmId,
        outageId: id,
        endpointId: entry.config.id,
        raisedAt: t.decidedAt,
      });
      options.onAlarm?.({ kind: 'raised', alarmId, endpointId: entry.config.id, at: t.decidedAt });
    }
    entry.outage = { id, startedAt: t.since, detectedAt: t.decidedAt, alarmId };
  };

  const scheduleTimers = (): void => {
    if (stopped) return;
    const flushEvery = options.flushEveryMs ?? 250;
    if (flushEvery > 0 && !flushTimer) {
      flushTimer = clock.after(flushEvery, () => {
        flushTimer = null;
        // A refused commit keeps its writes; try again on the next period even if no check comes.
        if (!engine.tryFlush()) scheduleTimers();
      });
    }
    if (options.onLive && !emitTimer) {
      emitTimer = clock.after(options.emitEveryMs ?? 500, () => {
        emitTimer = null;
        emit();
      });
    }
  };

  const emit = (): void => {
    if (changed.size === 0 || !options.onLive) return;
    const now = clock.now();
    const batch: EndpointLive[] = [];
    for (const id of changed) {
      const entry = tracked.get(id);
      if (entry) batch.push({ ...entry.live, flapping: entry.flaps.isFlapping(now) });
    }
    changed.clear();
    options.onLive(batch);
  };

  const engine: MonitorEngine = {
    ingest(endpointId, ts, result) {
      const entry = tracked.get(endpointId);
      if (!entry || stopped) return;
      if (newestCheckTs === null || ts > newestCheckTs) newestCheckTs = ts;
      pending.checks.push({
        endpointId,
        ts,
        ok: result.ok,
        rttMs: result.rttMs,
        errorKind: result.ok ? null : result.kind,
        error: result.ok ? null : result.message,
      });
      const { machine, transitions, nearMiss } = applyCheck(
        entry.machine,
        { ts, ok: result.ok },
        entry.config,
      );
      entry.machine = machine;
      if (nearMiss) pending.nearMisses.push({ endpointId, ...nearMiss });
      const observation = identities.observe(endpointId, ts, result);
      if (observation) pending.identities.push(observation);
      for (const t of transitions) {
        pending.stateChanges.push({ endpointId, state: t.to, since: t.since, decidedAt: t.decidedAt });
        entry.flaps.record(t.decidedAt);
        if (t.from === 'down') closeOutage(entry, t.since, t.byGap);
        if (t.to === 'down') openOutage(entry, t, result);
      }
      entry.live = {
        id: endpointId,
        state: machine.state,
        since: iso(machine.since),
        lastCheckAt: iso(ts),
        lastOk: result.ok,
        lastRttMs: result.rttMs,
        lastError: result.ok ? null : result.message,
        lastFailureKind: result.ok ? null : result.kind,
        flapping: entry.flaps.isFlapping(ts),
      };
      saveProgress(entry);
      changed.add(endpointId);
      scheduleTimers();
    },
    snapshot: () =>
      [...tracked.values()].map((t) => ({ ...t.live, flapping: t.flaps.isFlapping(clock.now()) })),
    setEndpoints(endpoints, nextMaintenance) {
      maintenance = nextMaintenance;
      const next = new Set(endpoints.map((e) => e.id));
      for (const [id, entry] of tracked) {
        if (next.has(id)) continue;
        // Monitoring of a removed endpoint stops: an open outage ends where its evidence ends.
        const last = entry.machine.lastCheckTs;
        if (entry.outage)
          closeOutage(entry, last === null ? entry.outage.startedAt : last + entry.config.intervalMs, true);
        tracked.delete(id);
      }
      for (const config of endpoints) {
        const entry = tracked.get(config.id);
        if (entry) entry.config = config;
        else tracked.set(config.id, resume(config));
      }
      engine.tryFlush();
    },
    flush() {
      try {
        pending.commit(store);
      } catch (error) {
        lastCommitError = error instanceof Error ? error.message : String(error);
        commitFailingSince ??= clock.now();
        throw error;
      }
      lastCommitError = null;
      commitFailingSince = null;
    },
    tryFlush() {
      try {
        engine.flush();
        return true;
      } catch {
        return false;
      }
    },
    commitHealth: () => ({
      lastError: lastCommitError,
      failingSince: commitFailingSince,
      bufferedChecks: pending.checks.length,
      newestCheckTs,
    }),
    stop() {
      stopped = true;
      flushTimer?.cancel();
      emitTimer?.cancel();
      emit();
      pending.commit(store);
    },
  };
  return engine;
}
