// "Acknowledge all cleared" in main: one request, one transaction, one audit entry per alarm, the
// alarms it may not answer named with why, and the operator PIN checked as for one alarm.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlarmHandlers } from '@src/main/alarms/alarm-handlers';
import { authoriseHandlers, createOperatorAuth } from '@src/main/auth';
import { hashPin } from '@src/main/settings/pin-hash';
import type { OutageRecord, Store } from '@src/main/store';
import {
  ContractFailure,
  requests,
  type Caller,
  type ContractHandlers,
  type EventPayload,
  type RequestOf,
} from '@src/shared/contract';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { useTempStores } from '../../../support/temp-store';

const T = Date.UTC(2026, 2, 10, 9);
const MINUTE = 60_000;
const CALLER: Caller = { connectionId: 'ws-1', canMutate: true, label: 'websocket 1' };
const config = aConfig({
  lines: [
    aLine(
      'line-1',
      ['a', 'b', 'c', 'd'].map((id) => anEndpoint(id)),
      { name: 'Line 1' },
    ),
  ],
});

const outage = (
  id: number,
  endpointId: string,
  endedAt: number | null,
): Omit<OutageRecord, 'acknowledgedAt'> => ({
  id,
  endpointId,
  startedAt: T - 30 * MINUTE,
  detectedAt: T - 29 * MINUTE,
  endedAt,
  endedByGap: false,
  inMaintenance: false,
  secondaryOfEndpoint: null,
  secondaryOfOutage: null,
  failureKind: 'timeout',
  failureMessage: 'no reply',
});

describe('acknowledgeAlarms', () => {
  const tempStore = useTempStores();
  let store: Store;
  let emit: ReturnType<
    typeof vi.fn<(event: 'alarmsChanged', payload: EventPayload<'alarmsChanged'>) => void>
  >;
  let handlers: ReturnType<typeof createAlarmHandlers>;

  /** Alarm `id` on endpoint `endpointId`, cleared 10 minutes ago unless `cleared` is false. */
  const alarm = (id: number, endpointId: string, { cleared = true, acknowledged = false } = {}): void => {
    const endedAt = cleared ? T - 10 * MINUTE : null;
    store.outages.insert(outage(id, endpointId, endedAt));
    store.alarms.insert({ id, outageId: id, endpointId, raisedAt: T - 29 * MINUTE });
    if (endedAt !== null) store.alarms.clearForOutage(id, endedAt);
    if (acknowledged) store.alarms.acknowledge(id, T - 5 * MINUTE, 'Bea', 'seen');
  };
  const request = (overrides: Partial<RequestOf<'acknowledgeAlarms'>> = {}) =>
    requests.acknowledgeAlarms.request.parse({
      alarmIds: [1, 2],
      operator: 'Anna',
      note: 'night shift: all back after the switch reboot',
      ...overrides,
    });

  beforeEach(() => {
    ({ store } = tempStore());
    emit = vi.fn();
    handlers = createAlarmHandlers({ store, config: () => config, now: () => T, emit });
  });

  it('acknowledges every chosen cleared alarm with one note and one audit entry each', async () => {
    alarm(1, 'a');
    alarm(2, 'b');
    alarm(3, 'c'); // not chosen: stays unanswered
    const result = await handlers.acknowledgeAlarms(request(), CALLER);

    expect(result.refused).toEqual([]);
    expect(result.acknowledged.map((view) => [view.id, view.acknowledgedBy, view.note])).toEqual([
      [1, 'Anna', 'night shift: all back after the switch reboot'],
      [2, 'Anna', 'night shift: all back after the switch reboot'],
    ]);
    const audit = store.auditLog.recent(10).filter((entry) => entry.action === 'alarm.acknowledged');
    expect(audit.map((entry) => [entry.subject, entry.actor, entry.details])).toEqual(
      expect.arrayContaining([
        ['a', 'Anna', expect.objectContaining({ alarmId: 1, secondsToAcknowledge: 29 * 60, batch: 2 })],
        ['b', 'Anna', expect.objectContaining({ alarmId: 2, batch: 2 })],
      ]),
    );
    expect(audit).toHaveLength(2);
    expect(store.alarms.get(3)?.acknowledgedAt).toBeNull();
    // Cleared and acknowledged: gone from the operator's list.
    expect((await handlers.listAlarms({}, CALLER)).alarms.map((view) => view.id)).toEqual([3]);
    expect(emit.mock.calls).toEqual([
      ['alarmsChanged', { reason: 'acknowledged', alarmId: 1 }],
      ['alarmsChanged', { reason: 'acknowledged', alarmId: 2 }],
    ]);
  });

  it('names each alarm it leaves alone with why, and still answers the others', async () => {
    alarm(1, 'a');
    alarm(2, 'b', { cleared: false });
    alarm(3, 'c', { acknowledged: true });
    const result = await handlers.acknowledgeAlarms(request({ alarmIds: [1, 2, 3, 99] }), CALLER);

    expect(result.acknowledged.map((view) => view.id)).toEqual([1]);
    expect(result.refused).toEqual([
      {
        alarmId: 2,
        reason: 'not_cleared',
        acknowledgedBy: null,
        message: 'Alarm 2 is still down: acknowledge it on its own',
      },
      {
        alarmId: 3,
        reason: 'already_acknowledged',
        acknowledgedBy: 'Bea',
        message: 'Alarm 3 was already acknowledged by Bea',
      },
      { alarmId: 99, reason: 'not_found', acknowledgedBy: null, message: 'No alarm 99' },
    ]);
    expect(store.alarms.get(2)?.acknowledgedAt).toBeNull();
    expect(store.alarms.get(3)?.acknowledgedBy).toBe('Bea');
    expect(store.auditLog.recent(10).filter((e) => e.action === 'alarm.acknowledged')).toHaveLength(1);
    expect(emit).toHaveBeenCalledTimes(1);
  });

  it('writes nothing when the transaction fails half way', () => {
    alarm(1, 'a');
    alarm(2, 'b');
    const append = store.auditLog.append.bind(store.auditLog);
    let appended = 0;
    vi.spyOn(store.auditLog, 'append').mockImplementation((entry) => {
      if (++appended === 2) throw new Error('disk full');
      append(entry);
    });
    expect(() => void handlers.acknowledgeAlarms(request(), CALLER)).toThrow('disk full');
    expect(store.alarms.get(1)?.acknowledgedAt).toBeNull();
    expect(store.auditLog.recent(10).filter((e) => e.action === 'alarm.acknowledged')).toEqual([]);
    expect(emit).not.toHaveBeenCalled();
  });

  it('refuses an empty or repeated selection and a missing name before anything runs', () => {
    const complaint = (fields: object) =>
      requests.acknowledgeAlarms.request.safeParse({ alarmIds: [1], operator: 'Anna', ...fields }).error
        ?.issues[0]?.message;
    expect(complaint({ alarmIds: [] })).toBe('choose at least one alarm');
    expect(complaint({ alarmIds: [4, 4] })).toBe('alarm ids must not repeat');
    expect(complaint({ operator: '  ' })).toBe('operator name is required');
  });

  it('needs the operator PIN while one is set, as one acknowledgement does', async () => {
    alarm(1, 'a');
    alarm(2, 'b');
    const auth = createOperatorAuth({ pinHash: () => hashPin('4711'), now: () => T, audit: vi.fn() });
    const guarded = authoriseHandlers(handlers as unknown as ContractHandlers, auth);
    const refusal = (() => {
      try {
        void guarded.acknowledgeAlarms(request(), CALLER);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(ContractFailure);
    expect((refusal as ContractFailure).code).toBe('forbidden');
    expect(store.alarms.get(1)?.acknowledgedAt).toBeNull();

    const answered = await guarded.acknowledgeAlarms(request({ proof: { pin: '4711' } }), CALLER);
    expect(answered).toMatchObject({ refused: [], acknowledged: [{ id: 1 }, { id: 2 }] });
    const readOnly: Caller = { ...CALLER, canMutate: false };
    expect(() => void guarded.acknowledgeAlarms(request({ proof: { pin: '4711' } }), readOnly)).toThrow(
      ContractFailure,
    );
  });
});
