// Renderer entry: pick the transport, start syncing the wall store, and render the wall.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectClient } from './client/select-bridge';
import { startClock } from './stores/clock-store';
import { startWallSync } from './stores/wall-sync';
import { wallStore } from './stores/wall-store';
import { WallPage } from './views/WallPage';
import './styles/wall.css';
import './styles/tile.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

startWallSync(selectClient(), wallStore);
startClock();

createRoot(container).render(
  <StrictMode>
    <WallPage />
  </StrictMode>,
);
