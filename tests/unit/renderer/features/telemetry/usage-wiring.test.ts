// Alarm usage events tell the truth: an alarm announced before this console's list holds it is
// reported once the list has it (with its impact), and acknowledging a cleared alarm, which takes
// it off the list at once, is still reported.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload } from '@src/shared/contract';
import type { UsageEvent } from '@src/shared/telemetry/usage-events';
import type { LinewatchClient } from '@src/renderer/client/linewatch-client';
import { alarmStore } from '@src/renderer/features/alarms/alarm-store';
import { alarm, impact } from '../../../../support/renderer-fixtures';

// src/renderer/features/telemetry is DOM code outside tsconfig.node.json, which type-checks the
// tests: imported by path at run time and typed here by the shape the test uses.
const { wireUsageEvents } = (await import(
  /* @vite-ignore */ fileURLToPath(
    new URL('../../../../../src/renderer/features/telemetry/usage-wiring.ts', import.meta.url),
  )
)) as {
  wireUsageEvents: (client: LinewatchClient, kiosk: boolean, track: (event: UsageEvent) => void) => void;
};

function fakeClient() {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const client = {
    on(event: string, listener: (payload: unknown) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () => undefined;
    },
  } as unknown as LinewatchClient;
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  return { client, emit };
}

describe('alarm usage events', () => {
  let tracked: UsageEvent[];
  let emit: ReturnType<typeof fakeClient>['emit'];
  beforeEach(() => {
    vi.stubGlobal('window', { location: { hash: '#/overview' }, addEventListener: () => undefined });
    alarmStore.getState().setAlarms([]);
    tracked = [];
    const fake = fakeClient();
    emit = fake.emit;
    wireUsageEvents(fake.client, false, (event) => tracked.push(event));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const alarmEvents = () => tracked.filter((e) => e.name.startsWith('Alarm'));

  it('waits for the alarm list, then reports the raised alarm with its severity and cascade risk', () => {
    emit('alarmsChanged', { reason: 'raised', alarmId: 7 });
    expect(alarmEvents()).toEqual([]);
    alarmStore
      .getState()
      .setAlarms([alarm(7, { impact: impact({ severity: 'high', cascadeRisk: 'medium' }) })]);
    expect(alarmEvents()).toEqual([
      {
        name: 'Alarm Raised',
        endpointType: 'unknown',
        critical: false,
        severity: 'high',
        cascadeRisk: 'medium',
      },
    ]);
    // A later refresh of the same list does not report it again.
    alarmStore.getState().setAlarms([alarm(7)]);
    expect(alarmEvents()).toHaveLength(1);
  });

  it('reports the acknowledgement of a cleared alarm that has already left the list', () => {
    const cleared = alarm(8, {
      clearedAt: '2025-01-01T08:01:00.000Z',
      impact: impact({ severity: 'critical', cascadeRisk: 'high' }),
    });
    alarmStore.getState().setAlarms([cleared]);
    // This console's own acknowledgement: the answer replaces it, and cleared + acknowledged is gone.
    alarmStore.getState().upsertAlarm({ ...cleared, acknowledgedAt: '2025-01-01T08:00:50.000Z' });
    expect(alarmStore.getState().alarms).toEqual([]);
    // The announcement carries no time: the acknowledgement is "now", 45 s after it was raised.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2025-01-01T08:00:50.000Z') });
    emit('alarmsChanged', { reason: 'acknowledged', alarmId: 8 });
    expect(alarmEvents()).toEqual([
      { name: 'Alarm Acknowledged', secondsToAcknowledge: 45, severity: 'critical', cascadeRisk: 'high' },
    ]);
  });
});
