// "Acknowledge all cleared": one name, one note and (while a PIN is set) one PIN for a selection of
// alarms whose device is back up, sent as ONE request. Main answers the ones it can and names the
// others; the dialog closes when all went through, else it stays open saying which were left and why.
import type { AcknowledgeAlarmsResult, AlarmView } from '../../../shared/contract';
import type { LinewatchClient } from '../../client/linewatch-client';
import {
  describeAcknowledgeFailure,
  OPERATOR_REQUIRED,
  type AcknowledgeInput,
  type OperatorMemory,
  type PinGate,
} from './acknowledge-flow';
import { isAcknowledged, isActive, type AlarmStore } from './alarm-store';

export interface AcknowledgeClearedDeps {
  client: Pick<LinewatchClient, 'acknowledgeAlarms' | 'listAlarms'>;
  store: AlarmStore;
  memory: OperatorMemory;
  pinGate?: PinGate;
  readOnly?: () => boolean;
}

export interface AcknowledgeClearedInput extends AcknowledgeInput {
  alarmIds: readonly number[];
}

export const NOTHING_CHOSEN = 'Choose at least one alarm to acknowledge.';

/** Back up and not yet acknowledged: what "Acknowledge all cleared" offers. */
export const isClearedUnanswered = (alarm: AlarmView): boolean => !isActive(alarm) && !isAcknowledged(alarm);

const WHY: Record<AcknowledgeAlarmsResult['refused'][number]['reason'], string> = {
  not_found: 'no longer listed',
  not_cleared: 'down again: acknowledge it on its own',
  already_acknowledged: 'already acknowledged',
};

/** "2 not acknowledged: Camera 3 (already acknowledged by Bea), PLC 2 (down again: …)". */
export function describeRefusals(
  refused: AcknowledgeAlarmsResult['refused'],
  known: readonly AlarmView[],
  acknowledged: number,
): string {
  const byId = new Map(known.map((alarm) => [alarm.id, alarm]));
  const names = refused.map(({ alarmId, reason, acknowledgedBy }) => {
    const alarm = byId.get(alarmId);
    const who = acknowledgedBy ? ` by ${acknowledgedBy}` : '';
    return `${alarm ? alarm.endpointName : `alarm #${alarmId}`} (${WHY[reason]}${who})`;
  });
  const done = acknowledged > 0 ? `${acknowledged} acknowledged. ` : '';
  return `${done}${refused.length} not acknowledged: ${names.join(', ')}.`;
}

/** Returns true when every chosen alarm was acknowledged (the dialog is then closed). */
export async function submitAcknowledgeCleared(
  deps: AcknowledgeClearedDeps,
  input: AcknowledgeClearedInput,
): Promise<boolean> {
  const { client, store, memory } = deps;
  const draft = store.getState().acknowledgingCleared;
  if (!draft || draft.submitting) return false;
  const fail = (error: string): false => {
    if (store.getState().acknowledgingCleared) {
      store.getState().setAcknowledgeClearedProgress({ submitting: false, error });
    }
    return false;
  };
  const operator = input.operator.trim();
  if (operator === '') return fail(OPERATOR_REQUIRED);
  if (input.alarmIds.length === 0) return fail(NOTHING_CHOSEN);
  store.getState().setAcknowledgeClearedProgress({ submitting: true, error: null });
  memory.save(operator);
  try {
    if (deps.pinGate?.required()) {
      const check = await deps.pinGate.verify(input.pin ?? '');
      if (!check.ok) return fail(check.message);
    }
    const result = await client.acknowledgeAlarms({
      alarmIds: [...input.alarmIds],
      operator,
      note: input.note.trim(),
    });
    const known = store.getState().alarms;
    store.getState().upsertAlarm(...result.acknowledged);
    if (result.refused.length === 0) {
      store.getState().closeAcknowledgeCleared();
      return true;
    }
    // Answered elsewhere or down again: the fresh list shows each as it is now (one acknowledged
    // elsewhere is gone from it, so names also come from the list the operator picked from).
    const fresh = await client.listAlarms().then(
      (list) => list.alarms,
      () => null,
    );
    const message = describeRefusals(
      result.refused,
      [...known, ...(fresh ?? [])],
      result.acknowledged.length,
    );
    if (fresh) store.getState().setAlarms(fresh);
    return fail(message);
  } catch (error) {
    const id = input.alarmIds[0] ?? 0;
    return fail(await describeAcknowledgeFailure(error, id, client, deps.readOnly?.() ?? false));
  }
}
