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
    expect(
      usageProperties({
        name: 'Alarm Acknowledged',
        secondsToAcknowledge: 47.3,
        severity: 'high',
        cascadeRisk: 'medium',
      }),
    ).toEqual({ seconds_to_acknowledge: '30-60s', severity: 'high', cascade_risk: 'medium' });
    expect(
      usageProperties({ name: 'Config Applied', endpointCount: 312, lineCount: 4, errorCount: 0 }),
    ).toEqual({
      endpoint_count: '250-499',
      line_count: '1-9',
      error_count: '0',
    });
  });

  it("says an alarm's severity and cascade risk as their levels, nothing else", () => {
    expect(
      usageProperties({
        name: 'Alarm Raised',
        endpointType: 'plc',
        critical: true,
        severity: 'critical',
        cascadeRisk: 'high',
      }),
    ).toEqual({ endpoint_type: 'plc', critical: true, severity: 'critical', cascade_risk: 'high' });
    // A view from a newer (or broken) main is not passed through as free text.
    const odd = { severity: 'press1-plc at 10.10.1.21', cascadeRisk: 'extreme' } as unknown as {
      severity: 'low';
      cascadeRisk: 'low';
    };
    expect(usageProperties({ name: 'Alarm Acknowledged', secondsToAcknowledge: 5, ...odd })).toEqual({
      seconds_to_acknowledge: '<10s',
      severity: 'unknown',
      cascade_risk: 'unknown',
    });
  });

  it('names pages, never URLs', () => {
    expect(pageName('#/endpoint/press1-plc?from=2026')).toBe('endpoint');
    expect(pageName('')).toBe('wall');
    expect(usageProperties({ name: 'Page Viewed', page: '#/reports/shift' })).toEqual({ page: 'reports' });
  });

  it('groups a fault per error kind, device type and line, with manufacturing context', () => {
    const fault = {
      errorKind: 'probe_engine',
      endpointType: 'plc',
      lineHash: '0c1d2e3f4a5b',
      critical: true,
      costBucket: '100-999',
      shift: '06:00-14:00',
    };
    expect(faultFingerprint(fault)).toEqual(['probe_engine', 'plc', '0c1d2e3f4a5b']);
    expect(faultTags('3f9a1c0b27de', fault)).toEqual({
      site: '3f9a1c0b27de',
      error_kind: 'probe_engine',
      line: '0c1d2e3f4a5b',
      endpoint_type: 'plc',
      criticality: 'critical',
      downtime_cost_per_minute: '100-999',
      shift: '06:00-14:00',
    });
    expect(faultTags('3f9a1c0b27de', { errorKind: 'handler.getReport', shift: null })).toEqual({
      site: '3f9a1c0b27de',
      error_kind: 'handler.getReport',
      line: 'none',
      endpoint_type: 'none',
      criticality: 'none',
      downtime_cost_per_minute: 'none',
      shift: 'none',
    });
  });
});
