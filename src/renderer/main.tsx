// Renderer entry: pick the transport, start syncing the stores, and render the console (App).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installAlarmSound } from './features/alarms/alarm-sound';
import { createOperatorMemory } from './features/alarms/operator-memory';
import { selectClient } from './client/select-bridge';
import { App } from './app/App';
import { createAcknowledgeActions } from './features/alarms/acknowledge-actions';
import { KIOSK } from './app/kiosk-mode';
import { alarmStore } from './features/alarms/alarm-store';
import { startAlarmSync } from './features/alarms/alarm-sync';
import { startBrowserNotifications } from './features/alarms/browser-notifications';
import { startClock } from './live/clock-store';
import { healthStore } from './features/status/health-store';
import { startHealthSync } from './features/status/health-sync';
import { selfHealthStore } from './features/health/self-health-store';
import { startSelfHealthSync } from './features/health/self-health-sync';
import { startWallSync } from './live/wall-sync';
import { wallStore } from './live/wall-store';
import { OperatorPromptHost } from './features/access/OperatorPrompt';
import { AcknowledgeContext, type AcknowledgeActions } from './features/alarms/acknowledge-context';
import { ConsentGate } from './features/telemetry/ConsentGate';
import { startRendererTelemetry } from './features/telemetry/start-telemetry';
import './features/wall/wall.css';
import './features/wall/tile.css';
import './features/status/header-status.css';
import './features/alarms/alarms.css';
import './components/dialog.css';
import './features/alarms/ack-dialog.css';
import './features/access/operator-access.css';
import './app/app.css';
import './features/overview/overview.css';
import './features/health/self-health.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// App info learnt when main refuses a change (access, pinSet) keeps the wall store current too.
const client = selectClient({ onAppInfo: (info) => wallStore.getState().setAppInfo(info) });
// A tab that signed in before this reload is a LAN wall although main now says `operator`.
if (client.operator.presentsToken()) wallStore.getState().markLanWall();
const alarmSound = installAlarmSound();
const operatorMemory = createOperatorMemory();

// Requests go out, and are answered, in this order. The page waits for the snapshot and, on a desk
// console, for the consent (the gate): both are asked before the alarm list, which in an alarm
// storm is the longest answer to compute, so the tiles never wait behind it.
startWallSync(client, wallStore);
// Consent first: nothing is sent until main says which categories are granted.
void startRendererTelemetry(client, KIOSK).catch(() => undefined);
startAlarmSync(client, alarmStore, { onNewAlarms: () => alarmSound.play() });
startHealthSync(client, healthStore);
startSelfHealthSync(client, selfHealthStore);
// The desktop channel's notices, when this is a web dashboard (the Electron shell shows its own).
startBrowserNotifications(client);
startClock();

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
