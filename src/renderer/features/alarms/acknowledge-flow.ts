// What happens when an operator acknowledges an alarm: the operator name is required (and
// remembered for the next time), the services decide, and every refusal becomes a sentence the
// operator can act on, shown inside the dialog rather than lost in a console.
import type { AlarmView } from '../../../shared/contract';
import { ContractCallError, type LinewatchClient } from '../../client/linewatch-client';
import { describeForbidden } from '../../client/operator-access';
import type { PromptOutcome } from '../../client/operator-prompts';
import type { AlarmStore } from './alarm-store';

/** Where the last operator name is kept between acknowledgements (localStorage in the browser). */
export interface OperatorMemory {
  load(): string;
  save(operator: string): void;
}

export interface AcknowledgeInput {
  operator: string;
  note: string;
  /** The operator PIN, asked for in the dialog while one is set (see `pinGate`). */
  pin?: string;
}

/**
 * While an operator PIN is set, main accepts an acknowledgement only with proof. The dialog asks
 * for the PIN when this console holds no live operator session; verifying it earns one, which the
 * client then sends with the acknowledgement (and the next ones, for a while).
 */
export interface PinGate {
  required(): boolean;
  verify(pin: string): Promise<PromptOutcome>;
}

export interface AcknowledgeDeps {
  client: Pick<LinewatchClient, 'acknowledgeAlarm' | 'listAlarms'>;
  store: AlarmStore;
  memory: OperatorMemory;
  pinGate?: PinGate;
  /** True on a LAN wall that has not presented the operator token (it may only read). */
  readOnly?: () => boolean;
}

export const OPERATOR_REQUIRED = 'Enter your name so the shift log shows who acknowledged.';

function alreadyAcknowledged(alarm: AlarmView | undefined): string {
  if (!alarm?.acknowledgedBy) return 'This alarm was already acknowledged at another console.';
  return `Already acknowledged by ${alarm.acknowledgedBy}.`;
}

/** Turn a failed call into what the operator should read. */
export async function describeAcknowledgeFailure(
  error: unknown,
  alarmId: number,
  client: Pick<LinewatchClient, 'listAlarms'>,
  readOnly = false,
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
    case 'forbidden':
      return describeForbidden(error.detail, readOnly, 'acknowledge alarms');
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
    if (deps.pinGate?.required()) {
      const check = await deps.pinGate.verify(input.pin ?? '');
      if (!check.ok) {
        if (store.getState().acknowledging?.alarmId === draft.alarmId) {
          store.getState().setAcknowledgeProgress({ submitting: false, error: check.message });
        }
        return false;
      }
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
    const message = await describeAcknowledgeFailure(
      error,
      draft.alarmId,
      client,
      deps.readOnly?.() ?? false,
    );
    // The operator may have closed the dialog (or opened another) while the call was in flight.
    if (store.getState().acknowledging?.alarmId === draft.alarmId) {
      store.getState().setAcknowledgeProgress({ submitting: false, error: message });
    }
    return false;
  }
}
