// The acknowledge actions the App provides: the normal flow, plus the operator PIN when the page
// runs as a kiosk wall and a PIN is set (anyone walking past a wall could otherwise silence it).
import type { LinewatchClient } from '../client/linewatch-client';
import { submitAcknowledge, type OperatorMemory, type PinGate } from '../stores/acknowledge-flow';
import type { AlarmStore } from '../stores/alarm-store';
import { settingsStore } from '../stores/settings-store';
import type { AcknowledgeActions } from '../views/acknowledge-context';

export function kioskPinGate(client: Pick<LinewatchClient, 'verifyPin'>, kiosk: boolean): PinGate {
  return {
    // Until the settings are known a kiosk assumes a PIN is set: refusing is the safe side.
    required: () => kiosk && (settingsStore.getState().settings?.pinSet ?? true),
    verify: async (pin) => (await client.verifyPin({ pin })).ok,
  };
}

export function createAcknowledgeActions(deps: {
  client: LinewatchClient;
  store: AlarmStore;
  memory: OperatorMemory;
  kiosk: boolean;
}): AcknowledgeActions {
  const pinGate = kioskPinGate(deps.client, deps.kiosk);
  return {
    submit: (input) => submitAcknowledge({ ...deps, pinGate }, input),
    lastOperator: () => deps.memory.load(),
    pinRequired: () => pinGate.required(),
  };
}
