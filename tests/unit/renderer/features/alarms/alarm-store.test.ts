import { describe, expect, it } from 'vitest';
import { createAlarmStore, visibleAlarms } from '@src/renderer/features/alarms/alarm-store';
import { alarm, impact } from '../../../../support/renderer-fixtures';

const acked = { acknowledgedAt: '2025-01-01T08:10:00.000Z', acknowledgedBy: 'Anna', note: 'on it' };
const ids = (list: readonly { id: number }[]): number[] => list.map((entry) => entry.id);

describe('visible alarms', () => {
  it('drops alarms that are both cleared and acknowledged', () => {
    const list = [
      alarm(1, { clearedAt: '2025-01-01T08:20:00.000Z', ...acked }),
      alarm(2, { clearedAt: '2025-01-01T08:20:00.000Z' }),
      alarm(3, acked),
    ];
    expect(ids(visibleAlarms(list))).toEqual([3, 2]);
  });
});

describe('alarm store', () => {
  it('stores the visible alarms in display order and marks the list loaded', () => {
    const store = createAlarmStore();
    expect(store.getState().loaded).toBe(false);
    store.getState().setLoadError('boom');
    store.getState().setAlarms([alarm(1, acked), alarm(2, { impact: impact({ severity: 'critical' }) })]);
    expect(ids(store.getState().alarms)).toEqual([2, 1]);
    expect(store.getState()).toMatchObject({ loaded: true, loadError: null });
  });

  it('replaces acknowledged alarms in place, keeping their place by severity and age', () => {
    const store = createAlarmStore();
    const older = { startedAt: '2025-01-01T07:00:00.000Z' };
    store
      .getState()
      .setAlarms([alarm(1), alarm(2, older), alarm(3, { clearedAt: '2025-01-01T08:20:00.000Z' })]);
    store
      .getState()
      .upsertAlarm(
        alarm(2, { ...older, ...acked }),
        alarm(3, { clearedAt: '2025-01-01T08:20:00.000Z', ...acked }),
      );
    // Answered, still down: same place; answered and back up: gone.
    expect(ids(store.getState().alarms)).toEqual([2, 1]);
    expect(store.getState().alarms[0]?.acknowledgedBy).toBe('Anna');
  });

  it('keeps the acknowledge draft only while a dialog is open', () => {
    const store = createAlarmStore();
    store.getState().setAcknowledgeProgress({ submitting: true, error: null });
    expect(store.getState().acknowledging).toBeNull();
    store.getState().openAcknowledge(4);
    store.getState().setAcknowledgeProgress({ submitting: false, error: 'nope' });
    expect(store.getState().acknowledging).toEqual({ alarmId: 4, submitting: false, error: 'nope' });
    store.getState().closeAcknowledge();
    expect(store.getState().acknowledging).toBeNull();
  });

  it('keeps the "Acknowledge all cleared" draft only while its dialog is open', () => {
    const store = createAlarmStore();
    store.getState().setAcknowledgeClearedProgress({ submitting: true, error: null });
    expect(store.getState().acknowledgingCleared).toBeNull();
    store.getState().openAcknowledgeCleared();
    store.getState().setAcknowledgeClearedProgress({ submitting: false, error: 'nope' });
    expect(store.getState().acknowledgingCleared).toEqual({ submitting: false, error: 'nope' });
    store.getState().closeAcknowledgeCleared();
    expect(store.getState().acknowledgingCleared).toBeNull();
  });
});
