import { describe, expect, it } from 'vitest';
import { compareAlarms, createAlarmStore, visibleAlarms } from '@src/renderer/features/alarms/alarm-store';
import { alarm } from '../../../../support/renderer-fixtures';

const acked = { acknowledgedAt: '2025-01-01T08:10:00.000Z', acknowledgedBy: 'Anna', note: 'on it' };
const ids = (list: readonly { id: number }[]): number[] => list.map((entry) => entry.id);

describe('alarm ordering', () => {
  it('puts unacknowledged alarms first, each group newest first', () => {
    const list = [
      alarm(1, { raisedAt: '2025-01-01T08:00:00.000Z' }),
      alarm(2, { raisedAt: '2025-01-01T09:00:00.000Z', ...acked }),
      alarm(3, { raisedAt: '2025-01-01T08:30:00.000Z' }),
      alarm(4, { raisedAt: '2025-01-01T07:00:00.000Z', ...acked }),
      // Cleared but nobody answered: still needs someone, so it ranks with the unanswered.
      alarm(5, { raisedAt: '2025-01-01T08:15:00.000Z', clearedAt: '2025-01-01T08:20:00.000Z' }),
    ];
    expect(ids(visibleAlarms(list))).toEqual([3, 5, 1, 2, 4]);
  });

  it('breaks a tie on the raise time by id, newest id first, so the order never jitters', () => {
    const at = { raisedAt: '2025-01-01T08:00:00.000Z' };
    expect(ids([alarm(7, at), alarm(9, at), alarm(8, at)].sort(compareAlarms))).toEqual([9, 8, 7]);
  });

  it('drops alarms that are both cleared and acknowledged', () => {
    const list = [
      alarm(1, { clearedAt: '2025-01-01T08:20:00.000Z', ...acked }),
      alarm(2, { clearedAt: '2025-01-01T08:20:00.000Z' }),
      alarm(3, acked),
    ];
    expect(ids(visibleAlarms(list))).toEqual([2, 3]);
  });
});

describe('alarm store', () => {
  it('stores the visible alarms in display order and marks the list loaded', () => {
    const store = createAlarmStore();
    expect(store.getState().loaded).toBe(false);
    store.getState().setLoadError('boom');
    store.getState().setAlarms([alarm(1, acked), alarm(2)]);
    expect(ids(store.getState().alarms)).toEqual([2, 1]);
    expect(store.getState()).toMatchObject({ loaded: true, loadError: null });
  });

  it('replaces an acknowledged alarm in place and re-sorts it behind the unanswered ones', () => {
    const store = createAlarmStore();
    store
      .getState()
      .setAlarms([
        alarm(1, { raisedAt: '2025-01-01T08:00:00.000Z' }),
        alarm(2, { raisedAt: '2025-01-01T09:00:00.000Z' }),
      ]);
    store.getState().upsertAlarm(alarm(2, { raisedAt: '2025-01-01T09:00:00.000Z', ...acked }));
    expect(ids(store.getState().alarms)).toEqual([1, 2]);
    expect(store.getState().alarms[1]?.acknowledgedBy).toBe('Anna');
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
});
