// Contract handlers for shell tests: spies returning schema-valid values.
import { vi } from 'vitest';
import { REQUEST_NAMES, type ContractHandlers } from '@src/shared/contract';
import { impact } from './renderer-fixtures';

export function fakeHandlers() {
  const explicit = {
    getAppInfo: vi.fn(() => ({
      name: 'Linewatch',
      version: '9.9.9-test',
      host: 'electron' as const,
      demo: true,
      access: 'operator' as const,
      pinSet: false,
    })),
    getWallSnapshot: vi.fn(() => ({
      site: { id: 'plant', name: 'Plant', timezone: 'UTC' },
      lines: [],
      states: [],
    })),
    getConfigStatus: vi.fn(() => ({
      source: 'demo' as const,
      path: null,
      appliedAt: '2025-01-01T00:00:00.000Z',
      hash: 'abc',
      endpointCount: 0,
      errors: [],
    })),
    getEngineStatus: vi.fn(() => ({
      endpointCount: 0,
      schedulerMaxLagMs: 0,
      checksStarted: 0,
      skippedBusy: 0,
    })),
    listAlarms: vi.fn(() => ({ alarms: [] })),
    acknowledgeAlarm: vi.fn((request: { alarmId: number; operator: string; note: string }) => ({
      id: request.alarmId,
      endpointId: 'plc-1',
      endpointName: 'PLC 1',
      lineId: 'line-1',
      lineName: 'Line 1',
      startedAt: '2025-01-01T00:00:00.000Z',
      raisedAt: '2025-01-01T00:00:05.000Z',
      clearedAt: null,
      acknowledgedAt: '2025-01-01T00:01:00.000Z',
      acknowledgedBy: request.operator,
      note: request.note,
      failure: 'ICMP: no reply',
      secondaryEndpointIds: [],
      impact: impact(),
    })),
  } satisfies Partial<ContractHandlers>;
  // Requests the shell tests do not exercise still need a handler, or bindContract would have
  // nothing to register for them; they fail loudly if a test ever calls one.
  const rest = Object.fromEntries(
    REQUEST_NAMES.filter((name) => !(name in explicit)).map((name) => [
      name,
      vi.fn(() => {
        throw new Error(`${name} is not faked in the shell tests`);
      }),
    ]),
  );
  return { ...rest, ...explicit } as unknown as typeof explicit & ContractHandlers;
}
