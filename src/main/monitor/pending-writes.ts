// Everything the monitor decided since the last flush, committed in ONE transaction: checks, state
// changes, outages, alarms, near misses and each endpoint's progress. A kill -9 therefore loses at most the
// last flush period, and what survives is always consistent (no outage without its progress).
import type {
  AlarmRecord,
  CheckRecord,
  EndpointProgress,
  IdentityObservation,
  NearMissRecord,
  OutageRecord,
  StateChangeRecord,
  Store,
} from '../store';

export type EngineStore = Pick<
  Store,
  'transaction' | 'checks' | 'stateChanges' | 'outages' | 'alarms' | 'progress' | 'nearMisses' | 'identities'
>;

export class PendingWrites {
  checks: CheckRecord[] = [];
  stateChanges: StateChangeRecord[] = [];
  outageInserts: Omit<OutageRecord, 'acknowledgedAt'>[] = [];
  outageCloses: { id: number; endedAt: number; endedByGap: boolean }[] = [];
  alarmInserts: Pick<AlarmRecord, 'id' | 'outageId' | 'endpointId' | 'raisedAt'>[] = [];
  alarmClears: { outageId: number; clearedAt: number }[] = [];
  progress = new Map<string, EndpointProgress>();
  nearMisses: NearMissRecord[] = [];
  identities: IdentityObservation[] = [];

  get isEmpty(): boolean {
    return this.checks.length === 0 && this.stateChanges.length === 0 && this.progress.size === 0;
  }

  /** Write everything in one transaction (nested inside a caller's transaction when there is one). */
  commit(store: EngineStore): void {
    if (this.isEmpty && this.outageCloses.length === 0) return;
    store.transaction(() => {
      if (this.checks.length > 0) store.checks.insertMany(this.checks);
      for (const change of this.stateChanges) store.stateChanges.insert(change);
      for (const outage of this.outageInserts) store.outages.insert(outage);
      for (const alarm of this.alarmInserts) store.alarms.insert(alarm);
      for (const close of this.outageCloses) store.outages.close(close.id, close.endedAt, close.endedByGap);
      for (const clear of this.alarmClears) store.alarms.clearForOutage(clear.outageId, clear.clearedAt);
      store.progress.upsertMany(this.progress.values());
      store.nearMisses.insertMany(this.nearMisses);
      store.identities.recordMany(this.identities);
    });
    this.checks = [];
    this.stateChanges = [];
    this.outageInserts = [];
    this.outageCloses = [];
    this.alarmInserts = [];
    this.alarmClears = [];
    this.progress.clear();
    this.nearMisses = [];
    this.identities = [];
  }
}
