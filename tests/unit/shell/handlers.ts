// Contract handlers for shell tests: spies returning schema-valid values.
import { vi } from 'vitest';
import type { ContractHandlers } from '../../../src/shared/contract';

export function fakeHandlers() {
  return {
    getAppInfo: vi.fn(() => ({
      name: 'Linewatch',
      version: '9.9.9-test',
      host: 'electron' as const,
      demo: true,
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
  } satisfies ContractHandlers;
}
