// Renderer entry: pick the transport, start syncing the stores, and render the console (App).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installAlarmSound } from './browser/alarm-sound';
import { createOperatorMemory } from './browser/operator-memory';
import { selectClient } from './client/select-bridge';
import { App } from './app/App';
import { createAcknowledgeActions } from './app/acknowledge-actions';
import { KIOSK } from './app/kiosk-mode';
import { alarmStore } from './stores/alarm-store';
import { startAlarmSync } from './stores/alarm-sync';
import { startClock } from './stores/clock-store';
import { healthStore } from './stores/health-store';
import { startHealthSync } from './stores/health-sync';
import { startWallSync } from './stores/wall-sync';
import { wallStore } from './stores/wall-store';
import { OperatorPromptHost } from './components/OperatorPrompt';
import { AcknowledgeContext, type AcknowledgeActions } from './views/acknowledge-context';
import { ConsentGate } from './telemetry/ConsentGate';
import { startRendererTelemetry } from './telemetry/start-telemetry';
import './styles/wall.css';
import './styles/tile.css';
import './styles/header-status.css';
import './styles/alarms.css';
import './styles/ack-dialog.css';
import './styles/operator-access.css';
import './styles/app.css';
import './styles/overview.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// App info learnt when main refuses a change (access, pinSet) keeps the wall store current too.
const client = selectClient({ onAppInfo: (info) => wallStore.getState().setAppInfo(info) });
// A tab that signed in before this reload is a LAN wall although main now says `operator`.
if (client.operator.presentsToken()) wallStore.getState().markLanWall();
const alarmSound = installAlarmSound();
const operatorMemory = createOperatorMemory();

startWallSync(client, wallStore);
startAlarmSync(client, alarmStore, { onNewAlarms: () => alarmSound.play() });
startHealthSync(client, healthStore);
startClock();
// Consent first: nothing is sent until main says which categories are granted.
void startRendererTelemetry(client, KIOSK).catch(() => undefined);

const acknowledgeActions: AcknowledgeActions = createAcknowledgeActions({
  client,
  store: alarmStore,
  memory: operatorMemory,
  kiosk: KIOSK,
});

createRoot(container).render(
  <StrictMode>
    <AcknowledgeContext value={acknowledgeActions}>
      <ConsentGate>
        <App client={client} kiosk={KIOSK} />
      </ConsentGate>
      {/* Outside the gate: saving the first-run consent choice may need the PIN as well. */}
      <OperatorPromptHost operator={client.operator} />
    </AcknowledgeContext>
  </StrictMode>,
);
