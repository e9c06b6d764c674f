// Turns what happens in the console into catalogue events: pages (names only), kiosk rotations,
// alarms, config applications and early warnings that came before an outage. Everything goes
// through trackUsage, i.e. through the gate.
import type { AlarmView } from '../../../shared/contract';
import { pageName, type UsageEvent } from '../../../shared/telemetry/usage-events';
import type { LinewatchClient } from '../../client/linewatch-client';
import { alarmStore } from '../alarms/alarm-store';
import { wallStore } from '../../live/wall-store';
import { degradingStore } from '../insights-live/degrading-store';

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

  wireAlarmEvents(client, track);
  wirePredictiveSignals(track);

  client.on('configApplied', (status) => {
    track({
      name: 'Config Applied',
      endpointCount: status.endpointCount,
      lineCount: wallStore.getState().lines.length,
      errorCount: status.errors.length,
    });
  });
}

/** Alarms raised before this console's list caught up; bounded, since a list may never show one. */
const MAX_AWAITED = 1000;

/**
 * `Alarm Raised` and `Alarm Acknowledged` with the alarm's impact. Main announces a raised alarm
 * before this console's alarm list (refreshed on the same event) holds it, so the event waits for
 * the list instead of reporting an unknown alarm; an acknowledged alarm is looked up in the last
 * version seen, because acknowledging a cleared alarm takes it off the list at once.
 */
function wireAlarmEvents(client: LinewatchClient, track: (event: UsageEvent) => void): void {
  const seen = new Map<number, AlarmView>();
  const awaited = new Set<number>();

  const trackRaised = (alarm: AlarmView): void => {
    const endpoint = wallStore
      .getState()
      .lines.flatMap((line) => line.endpoints)
      .find((e) => e.id === alarm.endpointId);
    track({
      name: 'Alarm Raised',
      endpointType: endpoint?.type ?? 'unknown',
      critical: endpoint?.critical ?? false,
      severity: alarm.impact.severity,
      cascadeRisk: alarm.impact.cascadeRisk,
    });
  };

  const listed = (alarms: readonly AlarmView[]): void => {
    const ids = new Set<number>();
    for (const alarm of alarms) {
      ids.add(alarm.id);
      seen.set(alarm.id, alarm);
      if (awaited.delete(alarm.id)) trackRaised(alarm);
    }
    // Keep what left the list for one more change (its acknowledgement may still be announced).
    if (seen.size > 2 * ids.size + 100) for (const id of seen.keys()) if (!ids.has(id)) seen.delete(id);
  };
  listed(alarmStore.getState().alarms);
  alarmStore.subscribe((state, previous) => {
    if (state.alarms !== previous.alarms) listed(state.alarms);
  });

  client.on('alarmsChanged', ({ reason, alarmId }) => {
    const alarm = seen.get(alarmId);
    if (reason === 'raised') {
      if (alarm) trackRaised(alarm);
      else {
        if (awaited.size >= MAX_AWAITED) awaited.delete(awaited.values().next().value ?? alarmId);
        awaited.add(alarmId);
      }
    } else if (reason === 'acknowledged' && alarm) {
      const acknowledgedAt = alarm.acknowledgedAt === null ? Date.now() : Date.parse(alarm.acknowledgedAt);
      track({
        name: 'Alarm Acknowledged',
        secondsToAcknowledge: (acknowledgedAt - Date.parse(alarm.raisedAt)) / 1000,
        severity: alarm.impact.severity,
        cascadeRisk: alarm.impact.cascadeRisk,
      });
    }
  });
}

/**
 * `Predictive Maintenance Signal`: a device this console shows as degrading goes down. Only the
 * degrading devices (a handful) are looked at per batch, never the whole live map; each warning
 * counts once (by device and start), however often the device goes down while it lasts.
 */
function wirePredictiveSignals(track: (event: UsageEvent) => void): void {
  const reported = new Set<string>();
  wallStore.subscribe((state, previous) => {
    if (state.live === previous.live) return;
    for (const [endpointId, signal] of degradingStore.getState().strongest) {
      const now = state.live[endpointId];
      if (now?.state !== 'down' || previous.live[endpointId]?.state === 'down') continue;
      const key = `${endpointId}@${String(signal.startedAtMs)}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const downAt = now.since === null ? Date.now() : Date.parse(now.since);
      const endpoint = state.lines.flatMap((line) => line.endpoints).find((e) => e.id === endpointId);
      track({
        name: 'Predictive Maintenance Signal',
        kind: signal.kind,
        score: signal.score,
        endpointType: endpoint?.type ?? 'unknown',
        leadTimeSeconds: (downAt - signal.startedAtMs) / 1000,
      });
    }
  });
}
