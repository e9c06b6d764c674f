// "Acknowledge all cleared": one note for a selection of alarms whose device is back up. Every
// alarm that can be acknowledged is, in ONE transaction with one audit entry each (so the shift log
// never records half a batch); the others are named with why, and the rest still goes through: an
// operator who picked 40 cleared alarms should not have to start over because a colleague answered
// one of them a moment earlier. Only cleared alarms are accepted: an alarm still down deserves its
// own look, not a line in a batch.
import type { AcknowledgeAlarmsResult, EventPayload, RequestOf } from '../../shared/contract';
import type { LinewatchConfig } from '../config';
import type { AlarmRecord, Store } from '../store';
import { toAlarmViews } from './alarm-views';

export interface AcknowledgeClearedDeps {
  store: Pick<Store, 'alarms' | 'outages' | 'auditLog' | 'transaction'>;
  config: () => LinewatchConfig;
  now: () => number;
  emit: (event: 'alarmsChanged', payload: EventPayload<'alarmsChanged'>) => void;
}

type Refusal = AcknowledgeAlarmsResult['refused'][number];

const notFound = (id: number): Refusal => ({
  alarmId: id,
  reason: 'not_found',
  acknowledgedBy: null,
  message: `No alarm ${id}`,
});

function refusalOf(id: number, alarm: AlarmRecord | null): Refusal | null {
  if (!alarm) return notFound(id);
  if (alarm.acknowledgedAt !== null) {
    return {
      alarmId: id,
      reason: 'already_acknowledged',
      acknowledgedBy: alarm.acknowledgedBy,
      message: `Alarm ${id} was already acknowledged by ${alarm.acknowledgedBy ?? 'someone'}`,
    };
  }
  if (alarm.clearedAt === null) {
    return {
      alarmId: id,
      reason: 'not_cleared',
      acknowledgedBy: null,
      message: `Alarm ${id} is still down: acknowledge it on its own`,
    };
  }
  return null;
}

export function acknowledgeCleared(
  deps: AcknowledgeClearedDeps,
  request: Pick<RequestOf<'acknowledgeAlarms'>, 'alarmIds' | 'operator'> & { note: string },
): AcknowledgeAlarmsResult {
  const { store } = deps;
  const { alarmIds, operator, note } = request;
  const at = deps.now();
  const { done, refused } = store.transaction(() => {
    const acknowledged: AlarmRecord[] = [];
    const refusals: Refusal[] = [];
    for (const id of alarmIds) {
      // Checked and written inside the transaction, so no other console can slip in between.
      const existing = store.alarms.get(id);
      const refusal = refusalOf(id, existing);
      if (refusal || !existing) {
        refusals.push(refusal ?? notFound(id));
        continue;
      }
      const row = store.alarms.acknowledge(id, at, operator, note);
      if (!row) {
        refusals.push(refusalOf(id, store.alarms.get(id)) ?? notFound(id));
        continue;
      }
      store.auditLog.append({
        ts: at,
        actor: operator,
        action: 'alarm.acknowledged',
        subject: existing.endpointId,
        details: {
          alarmId: id,
          note,
          secondsToAcknowledge: (at - existing.raisedAt) / 1000,
          batch: alarmIds.length,
        },
      });
      acknowledged.push(row);
    }
    return { done: acknowledged, refused: refusals };
  });
  // One event per alarm, as for a single acknowledgement: every listener (the renderers' lists,
  // notifications, usage counts) keeps seeing one "acknowledged" per alarm. Renderers coalesce
  // the refreshes these trigger (alarm-sync.ts).
  for (const row of done) deps.emit('alarmsChanged', { reason: 'acknowledged', alarmId: row.id });
  return { acknowledged: toAlarmViews(done, deps.config(), store, at), refused };
}
