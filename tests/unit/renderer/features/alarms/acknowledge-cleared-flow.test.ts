// "Acknowledge all cleared" in the renderer: one request for the chosen alarms, the list updated
// from the answer, the dialog closed when all went through, and what main left alone said by name.
import { describe, expect, it, vi } from 'vitest';
import {
  NOTHING_CHOSEN,
  submitAcknowledgeCleared,
} from '@src/renderer/features/alarms/acknowledge-cleared-flow';
import {
  OPERATOR_REQUIRED,
  type OperatorMemory,
  type PinGate,
} from '@src/renderer/features/alarms/acknowledge-flow';
import { createAlarmStore } from '@src/renderer/features/alarms/alarm-store';
import type { BridgeRequests } from '@src/renderer/client/request-methods';
import type { AcknowledgeAlarmsResult, AlarmView } from '@src/shared/contract';
import { fakeServices } from '../../../../support/fake-bridge';
import { alarm } from '../../../../support/renderer-fixtures';

const back = { clearedAt: '2025-01-01T08:30:00.000Z' };
const named = (id: number, overrides: Partial<AlarmView> = {}) =>
  alarm(id, { endpointName: `Camera ${id}`, ...back, ...overrides });

function memory(): OperatorMemory & { saved: string[] } {
  const saved: string[] = [];
  return { saved, load: () => saved.at(-1) ?? '', save: (name) => void saved.push(name) };
}

function setup(stubs: Partial<BridgeRequests>, pinGate?: PinGate) {
  const services = fakeServices(stubs);
  const store = createAlarmStore();
  store.getState().setAlarms([named(1), named(2), named(3), alarm(9)]);
  store.getState().openAcknowledgeCleared();
  const remembered = memory();
  return { store, remembered, deps: { client: services.client, store, memory: remembered, pinGate } };
}

const answered = (ids: number[], refused: AcknowledgeAlarmsResult['refused'] = []) =>
  vi.fn(() =>
    Promise.resolve({
      ok: true as const,
      value: {
        acknowledged: ids.map((id) =>
          named(id, { acknowledgedAt: '2025-01-01T08:40:00.000Z', acknowledgedBy: 'Anna', note: 'all back' }),
        ),
        refused,
      },
    }),
  );

describe('acknowledge all cleared', () => {
  it('sends one request for the chosen alarms with one note, and closes when all went through', async () => {
    const acknowledgeAlarms = answered([1, 3]);
    const { deps, store, remembered } = setup({ acknowledgeAlarms });
    await expect(
      submitAcknowledgeCleared(deps, { operator: ' Anna ', note: ' all back ', alarmIds: [1, 3] }),
    ).resolves.toBe(true);
    expect(acknowledgeAlarms).toHaveBeenCalledOnce();
    expect(acknowledgeAlarms).toHaveBeenCalledWith({ alarmIds: [1, 3], operator: 'Anna', note: 'all back' });
    expect(remembered.saved).toEqual(['Anna']);
    expect(store.getState().acknowledgingCleared).toBeNull();
    // Back up and answered: gone; the unpicked one and the one still down stay.
    expect(store.getState().alarms.map((a) => a.id)).toEqual([9, 2]);
  });

  it('needs a name and at least one alarm before it asks main', async () => {
    const acknowledgeAlarms = vi.fn();
    const { deps, store } = setup({ acknowledgeAlarms });
    await submitAcknowledgeCleared(deps, { operator: ' ', note: '', alarmIds: [1] });
    expect(store.getState().acknowledgingCleared?.error).toBe(OPERATOR_REQUIRED);
    await submitAcknowledgeCleared(deps, { operator: 'Anna', note: '', alarmIds: [] });
    expect(store.getState().acknowledgingCleared?.error).toBe(NOTHING_CHOSEN);
    expect(acknowledgeAlarms).not.toHaveBeenCalled();
  });

  it('stays open and names the alarms main left alone, with who answered first', async () => {
    const acknowledgeAlarms = answered(
      [1],
      [
        { alarmId: 2, reason: 'already_acknowledged', acknowledgedBy: 'Bea', message: 'Alarm 2 was…' },
        { alarmId: 3, reason: 'not_cleared', acknowledgedBy: null, message: 'Alarm 3 is still down…' },
      ],
    );
    const listAlarms = vi.fn(() =>
      Promise.resolve({ ok: true as const, value: { alarms: [alarm(9), alarm(3)] } }),
    );
    const { deps, store } = setup({ acknowledgeAlarms, listAlarms });
    await expect(
      submitAcknowledgeCleared(deps, { operator: 'Anna', note: 'all back', alarmIds: [1, 2, 3] }),
    ).resolves.toBe(false);
    expect(store.getState().acknowledgingCleared).toEqual({
      submitting: false,
      error:
        '1 acknowledged. 2 not acknowledged: Camera 2 (already acknowledged by Bea), ' +
        'PLC 1 (down again: acknowledge it on its own).',
    });
    expect(store.getState().alarms.map((a) => a.id)).toEqual([3, 9]);
  });

  it('asks for the PIN while one is set and sends nothing when it is wrong', async () => {
    const acknowledgeAlarms = answered([1]);
    const pinGate: PinGate = {
      required: () => true,
      verify: (pin) => Promise.resolve(pin === '4711' ? { ok: true } : { ok: false, message: 'Wrong PIN' }),
    };
    const { deps, store } = setup({ acknowledgeAlarms }, pinGate);
    await submitAcknowledgeCleared(deps, { operator: 'Anna', note: '', pin: '0000', alarmIds: [1] });
    expect(store.getState().acknowledgingCleared?.error).toBe('Wrong PIN');
    expect(acknowledgeAlarms).not.toHaveBeenCalled();
    await expect(
      submitAcknowledgeCleared(deps, { operator: 'Anna', note: '', pin: '4711', alarmIds: [1] }),
    ).resolves.toBe(true);
  });
});
