// Faults of the running host reach Sentry with the manufacturing context the README promises, with
// the REAL @sentry/node against the local receiver: a check that throws in the monitor and an
// unexpected handler failure each say the line (as its hash), endpoint type, criticality, cost
// bucket and shift, and nothing leaves before consent.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContractFailure, type ContractHandlers } from '@src/shared/contract';
import { NO_CONSENT } from '@src/shared/telemetry/consent';
import { systemClock } from '@src/main/clock/clock';
import { startMonitorRuntime } from '@src/main/monitor';
import { hashLineId } from '@src/main/telemetry/sensitive-strings';
import { startTelemetryRuntime, type TelemetryRuntime } from '@src/main/telemetry/telemetry-runtime';
import { startReceiver, type Receiver } from '../../../fixtures/telemetry/receiver';
import { aConfig, aLine, anEndpoint, tcp, THREE_SHIFTS } from '../../../support/config-builders';
import { openTempStore, type TempStore } from '../../../support/temp-store';

// Checked every second, so the test waits for checks, not for the default 10 s interval.
const fast = { intervalMs: 1000, timeoutMs: 500 };
const config = aConfig({
  site: { id: 'plant-augsburg', name: 'Augsburg Plant', timezone: 'Europe/Berlin' },
  shifts: THREE_SHIFTS,
  lines: [
    aLine(
      'press-1',
      [
        anEndpoint('press1-plc', {
          name: 'Press 1 PLC',
          type: 'plc',
          critical: true,
          ...fast,
          probe: tcp('127.0.0.93', 502),
        }),
        anEndpoint('press1-hmi', { name: 'Press 1 HMI', type: 'hmi', ...fast, probe: tcp('127.0.0.94', 80) }),
      ],
      { name: 'Press line 1', downtimeCostPerMinute: 850 },
    ),
  ],
});
// 14:30 in Augsburg (winter time): the late shift.
const NOW = Date.parse('2026-03-02T13:30:00Z');
const LINE = hashLineId('plant-augsburg', 'press-1');

interface SentryEvent {
  fingerprint?: string[];
  tags?: Record<string, string>;
  exception?: { values?: { value?: string }[] };
}
/** The error events among the envelopes (header, item header, item per line). */
const errorEvents = (receiver: Receiver): SentryEvent[] =>
  receiver.sentryEvents().flatMap((body) => {
    const lines = body.split('\n');
    const item = JSON.parse(lines[1] ?? '{}') as { type?: string };
    return item.type === 'event' ? [JSON.parse(lines[2] ?? '{}') as SentryEvent] : [];
  });

describe('fault context in Sentry (real @sentry/node, local receiver)', () => {
  let receiver: Receiver;
  let temp: TempStore;
  let telemetry: TelemetryRuntime;

  beforeAll(async () => {
    receiver = await startReceiver();
    temp = openTempStore('fault-reporting');
    telemetry = startTelemetryRuntime({
      consentStore: temp.store.consent,
      config,
      appVersion: '0.0.0-test',
      host: 'headless',
      now: () => NOW,
      emit: () => undefined,
      log: () => undefined,
      env: { LINEWATCH_POLICY_FILE: '/nonexistent/linewatch-policy.json' },
      targets: { sentryDsn: receiver.dsn, mixpanelToken: null, mixpanelApiHost: null },
      endpointOfAlarm: (alarmId) => (alarmId === 7 ? 'press1-plc' : null),
    });
  });
  afterEach(() => {
    telemetry.consent.set(NO_CONSENT);
    receiver.requests.length = 0;
  });
  afterAll(async () => {
    temp.close();
    await receiver.close();
  });

  it('a check that throws in the monitor: the device, its line and the shift, nothing identifying', async () => {
    const store = temp.store;
    let calls = 0;
    const runtime = startMonitorRuntime({
      config,
      clock: systemClock,
      store,
      // A probe engine bug naming the device, as real ones do.
      probe: (probe) => {
        calls += 1;
        return Promise.reject(new Error(`socket pool broken for ${probe.kind === 'tcp' ? probe.host : ''}`));
      },
      onLive: () => undefined,
      onAlarm: () => undefined,
      log: () => undefined,
      onCheckError: (endpointId, error) => telemetry.reportCheckError(endpointId, error),
    });
    try {
      // Before consent: checks fail and are reported, and nothing reaches the receiver.
      await expect.poll(() => calls, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
      expect(receiver.requests).toEqual([]);

      telemetry.consent.set({ ...NO_CONSENT, error_diagnostics: true });
      await expect
        .poll(() => errorEvents(receiver).map((e) => e.tags?.endpoint_type), { timeout: 10_000 })
        .toEqual(expect.arrayContaining(['plc', 'hmi']));
    } finally {
      await runtime.stop();
    }
    const event = errorEvents(receiver).find((e) => e.tags?.endpoint_type === 'plc');
    expect(event?.fingerprint).toEqual(['probe_engine', 'plc', LINE]);
    expect(event?.tags).toMatchObject({
      error_kind: 'probe_engine',
      line: LINE,
      endpoint_type: 'plc',
      criticality: 'critical',
      downtime_cost_per_minute: '100-999',
      shift: '14:00-22:00',
    });
    const hmi = errorEvents(receiver).find((e) => e.tags?.endpoint_type === 'hmi');
    // The HMI is not marked critical and its line marks the PLC: it does not stop the line.
    expect(hmi?.tags?.criticality).toBe('normal');
    const everything = receiver.requests.map((r) => r.body).join('\n');
    for (const secret of ['127.0.0.93', 'press-1', 'press1-plc', 'Press 1 PLC', 'plant-augsburg', 'Augsburg'])
      expect(everything, secret).not.toContain(secret);
    expect(event?.exception?.values?.[0]?.value).toBe('socket pool broken for [redacted]');
  });

  it('an unexpected handler failure names the device the request was about; a ContractFailure is not a fault', async () => {
    telemetry.consent.set({ ...NO_CONSENT, error_diagnostics: true });
    const handlers = telemetry.instrumentHandlers({
      getEndpointDetail: () => {
        throw new Error('detail query failed');
      },
      getReport: () => {
        throw new ContractFailure('bad_request', 'from must be before to');
      },
    } as unknown as ContractHandlers);
    const caller = { connectionId: 'test', transport: 'ipc' } as never;
    await expect(handlers.getEndpointDetail({ endpointId: 'press1-hmi' } as never, caller)).rejects.toThrow(
      'detail query failed',
    );
    await expect(handlers.getReport({} as never, caller)).rejects.toThrow('from must be before to');

    await expect.poll(() => errorEvents(receiver), { timeout: 10_000 }).toHaveLength(1);
    expect(errorEvents(receiver)[0]?.tags).toMatchObject({
      error_kind: 'handler.getEndpointDetail',
      line: LINE,
      endpoint_type: 'hmi',
      criticality: 'normal',
      downtime_cost_per_minute: '100-999',
      shift: '14:00-22:00',
    });
  });

  it('a failure in an alarm request carries the context of the device of the alarm', async () => {
    telemetry.consent.set({ ...NO_CONSENT, error_diagnostics: true });
    const handlers = telemetry.instrumentHandlers({
      acknowledgeAlarm: () => {
        throw new Error('audit write failed');
      },
    } as unknown as ContractHandlers);
    const caller = { connectionId: 'test', transport: 'ipc' } as never;
    await expect(handlers.acknowledgeAlarm({ alarmId: 7 } as never, caller)).rejects.toThrow(
      'audit write failed',
    );
    await expect.poll(() => errorEvents(receiver), { timeout: 10_000 }).toHaveLength(1);
    expect(errorEvents(receiver)[0]?.tags).toMatchObject({
      error_kind: 'handler.acknowledgeAlarm',
      line: LINE,
      endpoint_type: 'plc',
      criticality: 'critical',
    });
  });
});
