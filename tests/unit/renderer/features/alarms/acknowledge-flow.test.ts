import { describe, expect, it, vi } from 'vitest';
import {
  OPERATOR_REQUIRED,
  submitAcknowledge,
  type OperatorMemory,
  type PinGate,
} from '@src/renderer/features/alarms/acknowledge-flow';
import { createAlarmStore } from '@src/renderer/features/alarms/alarm-store';
import type { BridgeRequests } from '@src/renderer/client/request-methods';
import type { AlarmView, ContractError } from '@src/shared/contract';
import { fakeServices } from '../../../../support/fake-bridge';
import { alarm } from '../../../../support/renderer-fixtures';

function memory(initial = ''): OperatorMemory & { saved: string[] } {
  const saved: string[] = [];
  return { saved, load: () => saved.at(-1) ?? initial, save: (name) => void saved.push(name) };
}

function setup(stubs: Partial<BridgeRequests>) {
  const services = fakeServices(stubs);
  const store = createAlarmStore();
  store.getState().setAlarms([alarm(7), alarm(8)]);
  store.getState().openAcknowledge(7);
  const remembered = memory();
  return { store, remembered, deps: { client: services.client, store, memory: remembered } };
}

const fails = (error: ContractError) => vi.fn(() => Promise.resolve({ ok: false as const, error }));

describe('acknowledge flow', () => {
  it('requires an operator name and does not call the services without one', async () => {
    const acknowledgeAlarm = vi.fn();
    const { deps, store, remembered } = setup({ acknowledgeAlarm });
    await expect(submitAcknowledge(deps, { operator: '   ', note: 'x' })).resolves.toBe(false);
    expect(acknowledgeAlarm).not.toHaveBeenCalled();
    expect(store.getState().acknowledging).toEqual({
      alarmId: 7,
      submitting: false,
      error: OPERATOR_REQUIRED,
    });
    expect(remembered.saved).toEqual([]);
  });

  it('sends the trimmed name and note, remembers the name, updates the list and closes the dialog', async () => {
    const acknowledgeAlarm = vi.fn((request: { alarmId: number; operator: string; note?: string }) =>
      Promise.resolve({
        ok: true as const,
        value: alarm(request.alarmId, {
          acknowledgedAt: '2025-01-01T08:05:00.000Z',
          acknowledgedBy: request.operator,
          note: request.note ?? null,
        }),
      }),
    );
    const { deps, store, remembered } = setup({ acknowledgeAlarm });
    await expect(submitAcknowledge(deps, { operator: ' Anna ', note: ' cable swapped ' })).resolves.toBe(
      true,
    );
    expect(acknowledgeAlarm).toHaveBeenCalledWith({ alarmId: 7, operator: 'Anna', note: 'cable swapped' });
    expect(remembered.saved).toEqual(['Anna']);
    expect(store.getState().acknowledging).toBeNull();
    const updated = store.getState().alarms.find((a) => a.id === 7);
    expect(updated?.acknowledgedBy).toBe('Anna');
    // Being answered does not move an alarm: the order is severity, then age.
    expect(store.getState().alarms.map((a) => a.id)).toEqual([7, 8]);
  });

  it('says who was faster on a conflict, from the refreshed list', async () => {
    const jonas: AlarmView = alarm(7, {
      acknowledgedAt: '2025-01-01T08:04:00.000Z',
      acknowledgedBy: 'Jonas',
    });
    const { deps, store } = setup({
      acknowledgeAlarm: fails({ code: 'conflict', message: 'alarm 7 already acknowledged' }),
      listAlarms: vi.fn(() => Promise.resolve({ ok: true as const, value: { alarms: [jonas] } })),
    });
    await expect(submitAcknowledge(deps, { operator: 'Anna', note: '' })).resolves.toBe(false);
    expect(store.getState().acknowledging).toEqual({
      alarmId: 7,
      submitting: false,
      error: 'Already acknowledged by Jonas.',
    });
  });

  it.each([
    [{ code: 'conflict', message: 'x' } as const, 'already acknowledged at another console'],
    [{ code: 'not_found', message: 'x' } as const, 'no longer exists'],
    [{ code: 'transport', message: 'x' } as const, 'Not connected to Linewatch'],
    [
      { code: 'bad_request', message: 'note: too long' } as const,
      'refused the acknowledgement: note: too long',
    ],
    [{ code: 'internal', message: 'disk full' } as const, 'could not save the acknowledgement: disk full'],
  ])('maps a %j refusal to words for the operator', async (error, expected) => {
    // listAlarms stays unstubbed (it fails), so a conflict falls back to the generic sentence.
    const { deps, store } = setup({ acknowledgeAlarm: fails(error) });
    await submitAcknowledge(deps, { operator: 'Anna', note: '' });
    expect(store.getState().acknowledging?.error).toContain(expected);
    expect(store.getState().acknowledging?.submitting).toBe(false);
  });

  it('does nothing without an open dialog or while a submit is in flight', async () => {
    const acknowledgeAlarm = vi.fn();
    const { deps, store } = setup({ acknowledgeAlarm });
    store.getState().setAcknowledgeProgress({ submitting: true, error: null });
    await expect(submitAcknowledge(deps, { operator: 'Anna', note: '' })).resolves.toBe(false);
    store.getState().closeAcknowledge();
    await expect(submitAcknowledge(deps, { operator: 'Anna', note: '' })).resolves.toBe(false);
    expect(acknowledgeAlarm).not.toHaveBeenCalled();
  });

  it('does not reopen or touch a dialog the operator closed while the call was in flight', async () => {
    const { deps, store } = setup({
      acknowledgeAlarm: fails({ code: 'internal', message: 'slow and broken' }),
    });
    const pending = submitAcknowledge(deps, { operator: 'Anna', note: '' });
    store.getState().closeAcknowledge();
    await pending;
    expect(store.getState().acknowledging).toBeNull();
  });
});

describe('acknowledge flow while an operator PIN is set', () => {
  const gate = (outcome: Awaited<ReturnType<PinGate['verify']>>, required = true) => ({
    required: () => required,
    verify: vi.fn(() => Promise.resolve(outcome)),
  });

  it('verifies the PIN first and acknowledges only when it is right', async () => {
    const acknowledgeAlarm = vi.fn(() => Promise.resolve({ ok: true as const, value: alarm(7) }));
    const { deps, store } = setup({ acknowledgeAlarm });
    const wrong = gate({ ok: false, message: 'Wrong PIN: check it and try again.' });
    await expect(
      submitAcknowledge({ ...deps, pinGate: wrong }, { operator: 'Anna', note: '', pin: '0000' }),
    ).resolves.toBe(false);
    expect(wrong.verify).toHaveBeenCalledWith('0000');
    expect(acknowledgeAlarm).not.toHaveBeenCalled();
    expect(store.getState().acknowledging).toMatchObject({
      submitting: false,
      error: expect.stringMatching(/^Wrong PIN/) as unknown,
    });

    const right = gate({ ok: true });
    await expect(
      submitAcknowledge({ ...deps, pinGate: right }, { operator: 'Anna', note: '', pin: '4711' }),
    ).resolves.toBe(true);
    // The session the PIN earned travels with the request (added by the client, not here).
    expect(acknowledgeAlarm).toHaveBeenCalledWith({ alarmId: 7, operator: 'Anna', note: '' });
  });

  it('does not ask again while a session is live', async () => {
    const acknowledgeAlarm = vi.fn(() => Promise.resolve({ ok: true as const, value: alarm(7) }));
    const { deps } = setup({ acknowledgeAlarm });
    const live = gate({ ok: false, message: 'unused' }, false);
    await expect(submitAcknowledge({ ...deps, pinGate: live }, { operator: 'Anna', note: '' })).resolves.toBe(
      true,
    );
    expect(live.verify).not.toHaveBeenCalled();
  });

  it.each([
    [
      false,
      'acknowledgeAlarm refused: an operator PIN is set',
      'An operator PIN is set: enter the operator PIN',
    ],
    [
      false,
      'Too many wrong PINs from this console: try again in 42 s',
      'Too many wrong PINs from this console: try again in 42 s.',
    ],
    [true, 'acknowledgeAlarm refused: this connection is read-only', 'This screen is read-only'],
  ])('reads a forbidden reply as a sentence (read-only %s)', async (readOnly, message, expected) => {
    const { deps, store } = setup({ acknowledgeAlarm: fails({ code: 'forbidden', message }) });
    await submitAcknowledge({ ...deps, readOnly: () => readOnly }, { operator: 'Anna', note: '' });
    expect(store.getState().acknowledging?.error).toContain(expected);
  });
});
