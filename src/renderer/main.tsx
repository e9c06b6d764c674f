// Renderer entry: pick the transport, start syncing the stores, and render the wall.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installAlarmSound } from './browser/alarm-sound';
import { createOperatorMemory } from './browser/operator-memory';
import { selectClient } from './client/select-bridge';
import { submitAcknowledge } from './stores/acknowledge-flow';
import { alarmStore } from './stores/alarm-store';
import { startAlarmSync } from './stores/alarm-sync';
import { startClock } from './stores/clock-store';
import { healthStore } from './stores/health-store';
import { startHealthSync } from './stores/health-sync';
import { startWallSync } from './stores/wall-sync';
import { wallStore } from './stores/wall-store';
import { AcknowledgeContext, type AcknowledgeActions } from './views/acknowledge-context';
import { WallPage } from './views/WallPage';
import './styles/wall.css';
import './styles/tile.css';
import './styles/header-status.css';
import './styles/alarms.css';
import './styles/ack-dialog.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const client = selectClient();
const alarmSound = installAlarmSound();
const operatorMemory = createOperatorMemory();

startWallSync(client, wallStore);
startAlarmSync(client, alarmStore, { onNewAlarms: () => alarmSound.play() });
startHealthSync(client, healthStore);
startClock();

const acknowledgeActions: AcknowledgeActions = {
  submit: (input) => submitAcknowledge({ client, store: alarmStore, memory: operatorMemory }, input),
  lastOperator: () => operatorMemory.load(),
};

createRoot(container).render(
  <StrictMode>
    <AcknowledgeContext value={acknowledgeActions}>
      <WallPage />
    </AcknowledgeContext>
  </StrictMode>,
);
