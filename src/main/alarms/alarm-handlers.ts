// The alarm list and acknowledgement: contract handlers of the alarm feature. The store's alarm
// rows are joined with the config in use (names) for the screen; an acknowledgement is one
// transaction with its audit entry, so the log never misses one nor records one that did not happen.
import { ContractFailure, type ContractHandlers, type EventPayload } from '../../shared/contract';
import type { LinewatchConfig } from '../config';
import type { Store } from '../store';
import { toAlarmViews } from './alarm-views';
import { acknowledgeCleared } from './acknowledge-cleared';

export interface AlarmHandlerDeps {
  store: Pick<Store, 'alarms' | 'outages' | 'auditLog' | 'transaction'>;
  config: () => LinewatchConfig;
  now: () => number;
  emit: (event: 'alarmsChanged', payload: EventPayload<'alarmsChanged'>) => void;
}

type AlarmHandlers = Pick<ContractHandlers, 'listAlarms' | 'acknowledgeAlarm' | 'acknowledgeAlarms'>;

export function createAlarmHandlers(deps: AlarmHandlerDeps): AlarmHandlers {
  const { store, config, now } = deps;
  return {
    listAlarms: () => ({ alarms: toAlarmViews(store.alarms.active(), config(), store, now()) }),
    acknowledgeAlarm: ({ alarmId, operator, note }) => {
      const existing = store.alarms.get(alarmId);
      if (!existing) throw new ContractFailure('not_found', `No alarm ${alarmId}`);
      const at = now();
      const updated = store.transaction(() => {
        const row = store.alarms.acknowledge(alarmId, at, operator, note);
        if (row) {
          store.auditLog.append({
            ts: at,
            actor: operator,
            action: 'alarm.acknowledged',
            subject: existing.endpointId,
            details: { alarmId, note, secondsToAcknowledge: (at - existing.raisedAt) / 1000 },
          });
        }
        return row;
      });
      if (!updated) {
        throw new ContractFailure(
          'conflict',
          `Alarm ${alarmId} was already acknowledged by ${existing.acknowledgedBy ?? 'someone'}`,
        );
      }
      deps.emit('alarmsChanged', { reason: 'acknowledged', alarmId });
      const [view] = toAlarmViews([updated], config(), store, at);
      if (!view) throw new Error('acknowledged alarm vanished');
      return view;
    },
    acknowledgeAlarms: ({ alarmIds, operator, note }) =>
      acknowledgeCleared(deps, { alarmIds, operator, note }),
  };
}
