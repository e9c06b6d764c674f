// Turns what happens in the console into catalogue events: pages (names only), kiosk rotations,
// alarms and config applications. Everything goes through trackUsage, i.e. through the gate.
import { pageName, type UsageEvent } from '../../../shared/telemetry/usage-events';
import type { LinewatchClient } from '../../client/linewatch-client';
import { alarmStore } from '../alarms/alarm-store';
import { wallStore } from '../../live/wall-store';

export function wireUsageEvents(
  client: LinewatchClient,
  kiosk: boolean,
  track: (event: UsageEvent) => void,
): void {
  const page = (): string => pageName(window.location.hash);
  // In kiosk mode nobody navigates: a page change is the rotation.
  track(kiosk ? { name: 'Kiosk Rotation', page: page() } : { name: 'Page Viewed', page: page() });
  window.addEventListener('hashchange', () => {
    track(kiosk ? { name: 'Kiosk Rotation', page: page() } : { name: 'Page Viewed', page: page() });
  });

  client.on('alarmsChanged', ({ reason, alarmId }) => {
    const alarm = alarmStore.getState().alarms.find((a) => a.id === alarmId);
    if (reason === 'raised') {
      const endpoint = wallStore
        .getState()
        .lines.flatMap((line) => line.endpoints)
        .find((e) => e.id === alarm?.endpointId);
      track({
        name: 'Alarm Raised',
        endpointType: endpoint?.type ?? 'unknown',
        critical: endpoint?.critical ?? false,
      });
    } else if (reason === 'acknowledged' && alarm) {
      track({
        name: 'Alarm Acknowledged',
        secondsToAcknowledge: (Date.now() - Date.parse(alarm.raisedAt)) / 1000,
      });
    }
  });

  client.on('configApplied', (status) => {
    track({
      name: 'Config Applied',
      endpointCount: status.endpointCount,
      lineCount: wallStore.getState().lines.length,
      errorCount: status.errors.length,
    });
  });
}
