import { describe, expect, it } from 'vitest';
import { bucketCount, bucketSeconds } from '@src/shared/telemetry/buckets';
import { pageName, usageProperties } from '@src/shared/telemetry/usage-events';
import { faultFingerprint, faultTags } from '@src/shared/telemetry/sentry-hooks';

describe('what usage analytics may say', () => {
  it('buckets every number before it leaves', () => {
    expect([0, 1, 9, 10, 120, 740, 99999].map(bucketCount)).toEqual([
      '0',
      '1-9',
      '1-9',
      '10-49',
      '100-249',
      '500-999',
      '5000+',
    ]);
    expect([3, 42, 200, 7200].map(bucketSeconds)).toEqual(['<10s', '30-60s', '1-5min', '>1h']);
    expect(usageProperties({ name: 'Alarm Acknowledged', secondsToAcknowledge: 47.3 })).toEqual({
      seconds_to_acknowledge: '30-60s',
    });
    expect(
      usageProperties({ name: 'Config Applied', endpointCount: 312, lineCount: 4, errorCount: 0 }),
    ).toEqual({
      endpoint_count: '250-499',
      line_count: '1-9',
      error_count: '0',
    });
  });

  it('names pages, never URLs', () => {
    expect(pageName('#/endpoint/press1-plc?from=2026')).toBe('endpoint');
    expect(pageName('')).toBe('wall');
    expect(usageProperties({ name: 'Page Viewed', page: '#/reports/shift' })).toEqual({ page: 'reports' });
  });

  it('groups a fault per error kind, device type and line, with manufacturing context', () => {
    const fault = {
      errorKind: 'probe_crash',
      endpointType: 'plc',
      lineId: 'press-1',
      critical: true,
      downtimeCostPerMinute: 850,
      shift: 'early',
    };
    expect(faultFingerprint(fault)).toEqual(['probe_crash', 'plc', 'press-1']);
    expect(faultTags('3f9a1c0b27de', fault)).toEqual({
      site: '3f9a1c0b27de',
      error_kind: 'probe_crash',
      line: 'press-1',
      endpoint_type: 'plc',
      criticality: 'critical',
      downtime_cost_per_minute: '100-999',
      shift: 'early',
    });
  });
});
