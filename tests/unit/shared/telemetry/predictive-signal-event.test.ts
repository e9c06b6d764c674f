import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createScrubber } from '@src/shared/telemetry/scrubber';
import { bucketLeadTime, bucketScore, usageProperties } from '@src/shared/telemetry/usage-events';

const corpus = JSON.parse(
  readFileSync(new URL('../../../fixtures/telemetry/corpus.json', import.meta.url), 'utf8'),
) as { sensitive: string[] };

describe('Predictive Maintenance Signal properties', () => {
  it('buckets the score and the lead time', () => {
    expect([0.5, 0.65, 0.8, 1].map(bucketScore)).toEqual(['<0.6', '0.6-0.8', '0.8+', '0.8+']);
    expect([60, 1800, 5 * 3600, 7 * 3600, 3 * 86400, -1].map(bucketLeadTime)).toEqual([
      '<15min',
      '15-60min',
      '1-6h',
      '6-24h',
      '>24h',
      'unknown',
    ]);
  });

  it('passes only catalogue values: a name or an id in a field leaves as unknown', () => {
    const sensitive = corpus.sensitive[0] ?? 'press1-plc';
    expect(
      usageProperties({
        name: 'Predictive Maintenance Signal',
        kind: sensitive,
        score: 0.7,
        endpointType: `${sensitive} at 10.10.1.21`,
        leadTimeSeconds: 40 * 60,
      }),
    ).toEqual({ kind: 'unknown', score: '0.6-0.8', endpoint_type: 'unknown', lead_time: '15-60min' });
  });

  it('goes through the scrubber unchanged (nothing in it to scrub)', () => {
    const scrubber = createScrubber({ sensitive: corpus.sensitive });
    const properties = usageProperties({
      name: 'Predictive Maintenance Signal',
      kind: 'rtt_rise',
      score: 0.55,
      endpointType: 'robot',
      leadTimeSeconds: 26 * 3600,
    });
    expect(properties).toEqual({
      kind: 'rtt_rise',
      score: '<0.6',
      endpoint_type: 'robot',
      lead_time: '>24h',
    });
    expect(scrubber.value(properties)).toEqual(properties);
  });
});
