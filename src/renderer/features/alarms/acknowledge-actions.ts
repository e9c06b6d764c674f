// The acknowledge actions the App provides: the normal flow, plus the operator PIN while one is set
// (on every console: main refuses an acknowledgement without proof) and, on a read-only LAN wall,
// the operator token before the dialog can open at all.
import type { OperatorAccess } from '../../client/operator-access';
import type { LinewatchClient } from '../../client/linewatch-client';
import { submitAcknowledge, type OperatorMemory, type PinGate } from './acknowledge-flow';
import type { AlarmStore } from './alarm-store';
import { submitAcknowledgeCleared } from './acknowledge-cleared-flow';
import { settingsStore } from '../settings/settings-store';
import { isReadOnlyConnection, wallStore } from '../../live/wall-store';
import type { AcknowledgeActions } from './acknowledge-context';

/**
 * Whether an operator PIN is set, from the settings (replaced by every save here) or else the app
 * info. Until either is known a kiosk assumes one is set (refusing is the safe side); a desk asks
 * only once main refuses.
 */
export function pinIsSet(kiosk: boolean): boolean {
  return settingsStore.getState().settings?.pinSet ?? wallStore.getState().appInfo?.pinSet ?? kiosk;
}

export function operatorPinGate(
  operator: Pick<OperatorAccess, 'session' | 'verifyPin'>,
  kiosk: boolean,
): PinGate {
  return {
    required: () => pinIsSet(kiosk) && operator.session.live() === null,
    verify: (pin) => operator.verifyPin(pin),
  };
}

export function createAcknowledgeActions(deps: {
  client: LinewatchClient;
  store: AlarmStore;
  memory: OperatorMemory;
  kiosk: boolean;
}): AcknowledgeActions {
  const pinGate = operatorPinGate(deps.client.operator, deps.kiosk);
  return {
    submit: (input) => submitAcknowledge({ ...deps, pinGate, readOnly: isReadOnlyConnection }, input),
    submitCleared: (input) =>
      submitAcknowledgeCleared({ ...deps, pinGate, readOnly: isReadOnlyConnection }, input),
    lastOperator: () => deps.memory.load(),
    pinRequired: () => pinGate.required(),
    signIn: () => deps.client.operator.askToken('acknowledge the alarm'),
  };
}
