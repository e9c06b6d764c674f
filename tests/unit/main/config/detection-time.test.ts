import { describe, expect, it } from 'vitest';
import {
  detectionAdvice,
  detectionMessage,
  slowDetections,
  worstCaseDetectionMs,
} from '@src/main/config/detection-time';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';

const slow = { intervalMs: 10_000, downAfter: 4, timeoutMs: 5_000 };

describe('worst-case detection time', () => {
  it('is interval × down_after + timeout', () => {
    expect(worstCaseDetectionMs(anEndpoint('plc', slow))).toBe(45_000);
    // The loader's defaults (10 s × 2 + 2 s) meet the 30 s target.
    expect(worstCaseDetectionMs(anEndpoint('plc'))).toBe(22_000);
  });

  it('flags only critical endpoints over 30 s; exactly 30 s is within the target', () => {
    const config = aConfig({
      lines: [
        aLine('press-1', [
          anEndpoint('press1-plc', { ...slow, critical: true }),
          anEndpoint('press1-hmi', slow), // not critical: its line marks a critical one
          anEndpoint('press1-robot', { intervalMs: 7_000, downAfter: 4, timeoutMs: 2_000, critical: true }),
        ]),
        // A line that marks none: every endpoint counts as critical for the line's state.
        aLine('paint-1', [anEndpoint('paint1-plc'), anEndpoint('paint1-cam', slow)]),
      ],
    });
    expect(
      slowDetections(config).map((s) => [s.endpoint.id, s.lineIndex, s.endpointIndex, s.worstCaseMs]),
    ).toEqual([
      ['press1-plc', 0, 0, 45_000],
      ['paint1-cam', 1, 1, 45_000],
    ]);
  });

  it('says the figure, its terms and values that would meet the target', () => {
    const [detection] = slowDetections(
      aConfig({ lines: [aLine('press-1', [anEndpoint('press1-plc', slow)])] }),
    );
    expect(detection && detectionMessage(detection)).toBe(
      'press1-plc: worst-case detection 45s (interval 10s × down_after 4 + timeout 5s) exceeds 30s ' +
        'for a critical endpoint; lower interval to 6s or down_after to 2',
    );
  });

  it('advises on each term that can meet the target alone', () => {
    // (30 s − 2 s) / 3 = 9.33 s → 9 s; no down_after ≥ 1 fits with a 40 s interval.
    expect(detectionAdvice(anEndpoint('a', { intervalMs: 40_000, downAfter: 3, timeoutMs: 2_000 }))).toBe(
      'lower interval to 9s',
    );
    // Below a second the suggestion stays in milliseconds.
    expect(detectionAdvice(anEndpoint('a', { intervalMs: 400, downAfter: 50, timeoutMs: 29_500 }))).toBe(
      'lower interval to 10ms or down_after to 1',
    );
    expect(detectionAdvice(anEndpoint('a', { intervalMs: 1_000, downAfter: 1, timeoutMs: 30_000 }))).toBe(
      'lower timeout (30s alone reaches 30s)',
    );
  });
});
