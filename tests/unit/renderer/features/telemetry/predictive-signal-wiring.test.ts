// `Predictive Maintenance Signal`: reported once when a device shown as degrading goes down, with
// the warning's kind, score, the equipment type and the lead time, never a name or an id.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UsageEvent } from '@src/shared/telemetry/usage-events';
import { usageProperties } from '@src/shared/telemetry/usage-events';
import type { LinewatchClient } from '@src/renderer/client/linewatch-client';
import { wallStore } from '@src/renderer/live/wall-store';
import { degradingStore } from '@src/renderer/features/insights-live/degrading-store';
import { live, snapshot } from '../../../../support/renderer-fixtures';

// DOM code outside tsconfig.node.json: imported by path at run time (as usage-wiring.test.ts does).
const { wireUsageEvents } = (await import(
  /* @vite-ignore */ fileURLToPath(
    new URL('../../../../../src/renderer/features/telemetry/usage-wiring.ts', import.meta.url),
  )
)) as {
  wireUsageEvents: (client: LinewatchClient, kiosk: boolean, track: (event: UsageEvent) => void) => void;
};

const client = { on: () => () => undefined } as unknown as LinewatchClient;
const STARTED = Date.parse('2025-01-01T05:00:00.000Z');

describe('predictive maintenance signal', () => {
  let tracked: UsageEvent[];
  beforeEach(() => {
    vi.stubGlobal('window', { location: { hash: '#/wall' }, addEventListener: () => undefined });
    wallStore.getState().setSnapshot(snapshot);
    degradingStore.setState({
      status: 'ready',
      endpoints: new Set(['plc-1']),
      byLine: { 'line-1': 1 },
      strongest: new Map([['plc-1', { kind: 'loss_rise' as const, score: 0.83, startedAtMs: STARTED }]]),
    });
    tracked = [];
    wireUsageEvents(client, false, (event) => tracked.push(event));
  });
  afterEach(() => vi.unstubAllGlobals());

  const signals = () => tracked.filter((e) => e.name === 'Predictive Maintenance Signal');

  it('is reported once when a degrading device goes down, with the lead time from the warning', () => {
    const downAt = '2025-01-01T08:00:00.000Z';
    wallStore.getState().applyStates([live('hmi-1', { state: 'down', since: downAt })]);
    expect(signals()).toEqual([]); // not degrading
    wallStore.getState().applyStates([live('plc-1', { state: 'down', since: downAt, lastOk: false })]);
    expect(signals()).toEqual([
      {
        name: 'Predictive Maintenance Signal',
        kind: 'loss_rise',
        score: 0.83,
        endpointType: 'plc',
        leadTimeSeconds: 3 * 3600,
      },
    ]);
    // Back up and down again while the same warning lasts: not a second signal.
    wallStore.getState().applyStates([live('plc-1', { state: 'up', since: '2025-01-01T08:05:00.000Z' })]);
    wallStore.getState().applyStates([live('plc-1', { state: 'down', since: '2025-01-01T08:09:00.000Z' })]);
    expect(signals()).toHaveLength(1);
    const [first] = signals();
    expect(first && usageProperties(first)).toEqual({
      kind: 'loss_rise',
      score: '0.8+',
      endpoint_type: 'plc',
      lead_time: '1-6h',
    });
  });
});
