// What happens when an operator acknowledges an alarm: the operator name is required (and
// remembered for the next time), the services decide, and every refusal becomes a sentence the
// operator can act on, shown inside the dialog rather than lost in a console.
import type { AlarmView } from '../../shared/contract';
import { ContractCallError, type LinewatchClient } from '../client/linewatch-client';
import type { AlarmStore } from './alarm-store';

/** Where the last operator name is kept between acknowledgements (localStorage in the browser). */
export interface OperatorMemory {
  load(): string;
  save(operator: string): void;
}

export interface AcknowledgeInput {
  operator: string;
  note: string;
  /** The operator PIN, asked for on a kiosk wall (see `pinGate`). */
  pin?: string;
}

/** On a kiosk wall with a PIN set, acknowledging needs the operator PIN. */
export interface PinGate {
  required(): boolean;
  verify(pin: string): Promise<boolean>;
}

export interface AcknowledgeDeps {
  client: Pick<LinewatchClient, 'acknowledgeAlarm' | 'listAlarms'>;
  store: AlarmStore;
  memory: OperatorMemory;
  pinGate?: PinGate;
}

export const PIN_WRONG = 'Wrong PIN. Enter the operator PIN to acknowledge from this wall.';

export const OPERATOR_REQUIRED = 'Enter your name so the shift log shows who acknowledged.';

function alreadyAcknowledged(alarm: AlarmView | undefined): string {
  if (!alarm?.acknowledgedBy) return 'This alarm was already acknowledged at another console.';
  return `Already acknowledged by ${alarm.acknowledgedBy}.`;
}

/** Turn a failed call into what the operator should read. */
export async function describeAcknowledgeFailure(
  error: unknown,
  alarmId: number,
  client: AcknowledgeDeps['client'],
): Promise<string> {
  if (!(error instanceof ContractCallError)) {
    return `Could not acknowledge: ${error instanceof Error ? error.message : String(error)}`;
  }
  switch (error.code) {
    case 'conflict': {
      // The conflict message is written for logs; the list says who got there first.
      const alarms = await client.listAlarms().then(
        (list) => list.alarms,
        () => [],
      );
      return alreadyAcknowledged(alarms.find((alarm) => alarm.id === alarmId));
    }
    case 'not_found':
      return 'This alarm no longer exists — it may have been cleared and closed meanwhile.';
    case 'transport':
      return 'Not connected to Linewatch. Try again when the connection is back.';
    case 'bad_request':
      return `Linewatch refused the acknowledgement: ${error.detail}`;
    default:
      return `Linewatch could not save the acknowledgement: ${error.detail}`;
  }
}

/** Returns true when the alarm was acknowledged (the dialog is then closed). */
export async function submitAcknowledge(deps: AcknowledgeDeps, input: AcknowledgeInput): Promise<boolean> {
  const { client, store, memory } = deps;
  const draft = store.getState().acknowledging;
  if (!draft || draft.submitting) return false;
  const operator = input.operator.trim();
  if (operator === '') {
    store.getState().setAcknowledgeProgress({ submitting: false, error: OPERATOR_REQUIRED });
    return false;
  }
  store.getState().setAcknowledgeProgress({ submitting: true, error: null });
  memory.save(operator);
  try {
    if (deps.pinGate?.required() && !(await deps.pinGate.verify(input.pin ?? ''))) {
      store.getState().setAcknowledgeProgress({ submitting: false, error: PIN_WRONG });
      return false;
    }
    const updated = await client.acknowledgeAlarm({
      alarmId: draft.alarmId,
      operator,
      note: input.note.trim(),
    });
    store.getState().upsertAlarm(updated);
    if (store.getState().acknowledging?.alarmId === draft.alarmId) store.getState().closeAcknowledge();
    return true;
  } catch (error) {
    const message = await describeAcknowledgeFailure(error, draft.alarmId, client);
    // The operator may have closed the dialog (or opened another) while the call was in flight.
    if (store.getState().acknowledging?.alarmId === draft.alarmId) {
      store.getState().setAcknowledgeProgress({ submitting: false, error: message });
    }
    return false;
  }
}
