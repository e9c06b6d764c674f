import { describe, expect, it, vi } from 'vitest';
import { createAlarmStore } from '@src/renderer/features/alarms/alarm-store';
import { SECONDARY_REFRESH_MS, startAlarmSync } from '@src/renderer/features/alarms/alarm-sync';
import type { AlarmView, Result } from '@src/shared/contract';
import { fakeServices, flush } from '../../../../support/fake-bridge';
import { alarm, impact, live } from '../../../../support/renderer-fixtures';

/** A listAlarms stub whose answer the test changes between calls. */
function alarmSource(initial: AlarmView[]) {
  let current = initial;
  const listAlarms = vi.fn((): Promise<Result<{ alarms: AlarmView[] }>> =>
    Promise.resolve({
      ok: true,
      value: { alarms: current },
    }),
  );
  return { listAlarms, set: (next: AlarmView[]) => (current = next) };
}

describe('alarm sync', () => {
  it('loads on start and refetches on every alarmsChanged event', async () => {
    const source = alarmSource([alarm(1)]);
    const services = fakeServices({ listAlarms: source.listAlarms });
    const store = createAlarmStore();
    const sync = startAlarmSync(services.client, store);
    await flush();
    expect(store.getState().alarms.map((a) => a.id)).toEqual([1]);

    source.set([alarm(1), alarm(2, { impact: impact({ severity: 'high' }) })]);
    services.emit('alarmsChanged', { reason: 'raised', alarmId: 2 });
    await flush();
    expect(store.getState().alarms.map((a) => a.id)).toEqual([2, 1]);
    expect(source.listAlarms).toHaveBeenCalledTimes(2);

    sync.stop();
    expect(services.listenerCount('alarmsChanged')).toBe(0);
  });

  it('refetches after a reconnect, but not on the first connect', async () => {
    const source = alarmSource([]);
    const services = fakeServices({ listAlarms: source.listAlarms });
    services.setConnection('connecting');
    startAlarmSync(services.client, createAlarmStore());
    services.setConnection('open');
    await flush();
    expect(source.listAlarms).toHaveBeenCalledTimes(1);

    services.setConnection('reconnecting');
    services.setConnection('open');
    await flush();
    expect(source.listAlarms).toHaveBeenCalledTimes(2);
  });

  it('announces only alarms that are new, active and unanswered — never those present at load', async () => {
    const source = alarmSource([alarm(1)]);
    const services = fakeServices({ listAlarms: source.listAlarms });
    const onNewAlarms = vi.fn((_alarms: readonly AlarmView[]) => undefined);
    startAlarmSync(services.client, createAlarmStore(), { onNewAlarms });
    await flush();
    expect(onNewAlarms).not.toHaveBeenCalled();

    source.set([
      alarm(1),
      alarm(2),
      alarm(3, { acknowledgedAt: '2025-01-01T08:01:00.000Z', acknowledgedBy: 'Anna' }),
      alarm(4, { clearedAt: '2025-01-01T08:02:00.000Z' }),
    ]);
    services.emit('alarmsChanged', { reason: 'raised', alarmId: 2 });
    await flush();
    expect(onNewAlarms).toHaveBeenCalledOnce();
    expect(onNewAlarms.mock.calls[0]?.[0].map((a) => a.id)).toEqual([2]);

    // The same alarm acknowledged later is not news again.
    source.set([alarm(2, { acknowledgedAt: '2025-01-01T08:03:00.000Z', acknowledgedBy: 'Bo' })]);
    services.emit('alarmsChanged', { reason: 'acknowledged', alarmId: 2 });
    await flush();
    expect(onNewAlarms).toHaveBeenCalledOnce();
  });

  it('keeps the last list and reports the failure when a refresh fails', async () => {
    const source = alarmSource([alarm(1)]);
    const services = fakeServices({ listAlarms: source.listAlarms });
    const store = createAlarmStore();
    startAlarmSync(services.client, store);
    await flush();
    source.listAlarms.mockResolvedValueOnce({ ok: false, error: { code: 'transport', message: 'gone' } });
    services.emit('alarmsChanged', { reason: 'cleared', alarmId: 1 });
    await flush();
    expect(store.getState().alarms.map((a) => a.id)).toEqual([1]);
    expect(store.getState().loadError).toContain('gone');
  });

  it('coalesces a burst of events into one more load after the one in flight', async () => {
    const answers: ((value: Result<{ alarms: AlarmView[] }>) => void)[] = [];
    const listAlarms = vi.fn(
      () => new Promise<Result<{ alarms: AlarmView[] }>>((resolve) => answers.push(resolve)),
    );
    const services = fakeServices({ listAlarms });
    const store = createAlarmStore();
    startAlarmSync(services.client, store);
    for (let id = 2; id <= 40; id++) services.emit('alarmsChanged', { reason: 'acknowledged', alarmId: id });
    await flush();
    expect(listAlarms).toHaveBeenCalledTimes(1);
    answers[0]?.({ ok: true, value: { alarms: [alarm(1)] } });
    await flush();
    expect(listAlarms).toHaveBeenCalledTimes(2);
    answers[1]?.({ ok: true, value: { alarms: [alarm(1), alarm(2)] } });
    await flush();
    expect(store.getState().alarms.map((a) => a.id)).toEqual([1, 2]);
    expect(listAlarms).toHaveBeenCalledTimes(2);
  });

  it('refreshes once when a device goes down that no alarm is about (one behind another)', async () => {
    vi.useFakeTimers();
    try {
      const source = alarmSource([alarm(1)]); // on plc-1
      const services = fakeServices({ listAlarms: source.listAlarms });
      startAlarmSync(services.client, createAlarmStore());
      await vi.runOnlyPendingTimersAsync();
      expect(source.listAlarms).toHaveBeenCalledTimes(1);
      services.emit('endpointStates', { states: [live('plc-1', { state: 'down' })] });
      await vi.advanceTimersByTimeAsync(SECONDARY_REFRESH_MS);
      expect(source.listAlarms).toHaveBeenCalledTimes(1);
      services.emit('endpointStates', { states: [live('hmi-1', { state: 'down' })] });
      services.emit('endpointStates', { states: [live('cam-1', { state: 'down' })] });
      await vi.advanceTimersByTimeAsync(SECONDARY_REFRESH_MS);
      expect(source.listAlarms).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
