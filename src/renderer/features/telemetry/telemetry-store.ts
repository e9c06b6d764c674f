// What the consent UI renders from: the telemetry config main handed over and the consent in
// force. Filled by startRendererTelemetry; read by the gate, the dialog and the Settings section.
import { createStore } from 'zustand/vanilla';
import type { ConsentChoice, ConsentState, TelemetryConfig } from '../../../shared/telemetry/consent';

export interface ConsentActions {
  save(choice: ConsentChoice): Promise<void>;
  forgetMe(): Promise<void>;
}

export interface TelemetryUiState {
  config: TelemetryConfig | null;
  consent: ConsentState | null;
  kiosk: boolean;
  /** True once the first attempt to fetch config and consent finished (even if it failed). */
  ready: boolean;
  /** The last save or forget failure, shown next to the controls. */
  error: string | null;
  actions: ConsentActions | null;
}

export const telemetryStore = createStore<TelemetryUiState>(() => ({
  config: null,
  consent: null,
  kiosk: false,
  ready: false,
  error: null,
  actions: null,
}));
