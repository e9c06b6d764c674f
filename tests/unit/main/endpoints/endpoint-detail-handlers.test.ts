// The endpoint page's server side: its current alarm comes with the alarm's impact.
import { beforeEach, describe, expect, it } from 'vitest';
import { createEndpointDetailHandlers } from '@src/main/endpoints/endpoint-detail-handlers';
import type { Store } from '@src/main/store';
import { EndpointDetail } from '@src/shared/contract';
import { MINUTE_MS } from '@src/shared/time';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { useTempStores } from '../../../support/temp-store';

const T0 = Date.UTC(2026, 2, 10, 7, 0);
const NOW = T0 + 12 * MINUTE_MS;

const config = aConfig({
  lines: [
    aLine('press', [anEndpoint('plc', { critical: true }), anEndpoint('hmi', { dependsOn: 'plc' })], {
      downtimeCostPerMinute: 100,
    }),
  ],
});

describe('endpoint detail', () => {
  const tempStore = useTempStores('endpoint-detail');
  let store: Store;
  beforeEach(() => {
    ({ store } = tempStore());
  });

  const detailOf = (endpointId: string) => {
    const handlers = createEndpointDetailHandlers({ store, config: () => config, now: () => NOW });
    const detail = handlers.getEndpointDetail(
      { endpointId, from: T0 - 60 * MINUTE_MS, to: NOW },
      { connectionId: 'test', canMutate: false, label: 'test' },
    );
    if (detail instanceof Promise) throw new Error('expected a synchronous answer');
    return EndpointDetail.parse(detail);
  };

  it("carries the device's current alarm with its impact, and null for a device without one", () => {
    store.outages.insert({
      id: 1,
      endpointId: 'plc',
      startedAt: T0,
      detectedAt: T0 + 10_000,
      endedAt: null,
      endedByGap: false,
      inMaintenance: false,
      secondaryOfEndpoint: null,
      secondaryOfOutage: null,
      failureKind: 'timeout',
      failureMessage: 'no reply',
    });
    store.alarms.insert({ id: 7, outageId: 1, endpointId: 'plc', raisedAt: T0 + 10_000 });

    const plc = detailOf('plc');
    expect(plc.alarm).toMatchObject({
      id: 7,
      failure: 'No answer (timeout): no reply',
      impact: {
        // 12 min x 100; can take press down, and the HMI depends on it.
        costPerMinute: 100,
        costSoFar: 1200,
        affected: { endpointIds: ['hmi'], lineIds: ['press'] },
        cascadeRisk: 'high',
        severity: 'critical',
        expectedRecoveryS: null,
      },
    });
    expect(detailOf('hmi').alarm).toBeNull();
  });

  it('carries the device behind the endpoint, its note and a change of identity; null before any', () => {
    expect(detailOf('plc').device).toBeNull();
    const identity = {
      source: 'enip' as const,
      vendor: 'Rockwell Automation/Allen-Bradley',
      product: '1756-EN2T/D',
      firmware: 'rev 11.2',
      serialHash: '0123456789ab',
      details: { 'product code': '166' },
    };
    const swapped = { ...identity, firmware: 'rev 12.1', serialHash: 'ba9876543210' };
    store.identities.recordMany([
      { endpointId: 'plc', ts: T0, identity, note: null },
      { endpointId: 'plc', ts: T0 + MINUTE_MS, identity: swapped, note: 'minor recoverable fault' },
    ]);
    expect(detailOf('plc').device).toEqual({
      identity: swapped,
      since: new Date(T0 + MINUTE_MS).toISOString(),
      lastSeen: new Date(T0 + MINUTE_MS).toISOString(),
      note: 'minor recoverable fault',
      change: { at: new Date(T0 + MINUTE_MS).toISOString(), previous: identity },
    });
  });
});
