import { describe, expect, it } from 'vitest';
import { buildInsightsJson, formatInsightsCsv } from '@src/main/insights/insights-report';
import type { InsightWarning, MaintenancePriority } from '@src/main/insights/warning';

const FROM = Date.parse('2026-01-05T14:00:00Z');
const TO = Date.parse('2026-01-05T15:00:00Z');
const WARNING: InsightWarning = {
  endpointId: 'press1-plc',
  lineId: 'press-1',
  kind: 'rtt_rise',
  score: 0.8234,
  startedAt: Date.parse('2026-01-05T13:10:00Z'),
  endedAt: null,
  baseline: { rttMs: 1.2, loss: null },
  observed: { rttMs: 9.84, loss: 0.031 },
  reason: 'RTT 9.8 ms against 1.2 ± 0.3 ms usual since 14:10',
};
const PRIORITY: MaintenancePriority = {
  rank: 1,
  endpointId: 'press1-plc',
  lineId: 'press-1',
  score: 1,
  reason: 'Press 1 PLC: RTT rise, "critical"',
  action: 'check load and the network path',
};

describe('insights output', () => {
  it('is the issue JSON: snake_case, ISO times, unrounded numbers', () => {
    expect(buildInsightsJson({ from: FROM, to: TO }, [WARNING], [PRIORITY])).toEqual({
      from: '2026-01-05T14:00:00.000Z',
      to: '2026-01-05T15:00:00.000Z',
      warnings: [
        {
          endpoint: 'press1-plc',
          line: 'press-1',
          kind: 'rtt_rise',
          score: 0.8234,
          started_at: '2026-01-05T13:10:00.000Z',
          ended_at: null,
          baseline: { rtt_ms: 1.2, loss: null },
          observed: { rtt_ms: 9.84, loss: 0.031 },
          reason: 'RTT 9.8 ms against 1.2 ± 0.3 ms usual since 14:10',
        },
      ],
      priorities: [
        {
          rank: 1,
          endpoint: 'press1-plc',
          line: 'press-1',
          score: 1,
          reason: 'Press 1 PLC: RTT rise, "critical"',
          action: 'check load and the network path',
        },
      ],
    });
  });

  it('is two CSV tables, rounded for people, text quoted where needed', () => {
    expect(formatInsightsCsv(buildInsightsJson({ from: FROM, to: TO }, [WARNING], [PRIORITY]))).toBe(
      [
        '# warnings',
        'endpoint,line,kind,score,started_at,ended_at,baseline_rtt_ms,observed_rtt_ms,baseline_loss_pct,observed_loss_pct,reason',
        'press1-plc,press-1,rtt_rise,0.82,2026-01-05T13:10:00.000Z,,1.2,9.8,,3.10,RTT 9.8 ms against 1.2 ± 0.3 ms usual since 14:10',
        '',
        '# priorities',
        'rank,endpoint,line,score,reason,action',
        '1,press1-plc,press-1,1.00,"Press 1 PLC: RTT rise, ""critical""",check load and the network path',
        '',
      ].join('\n'),
    );
  });
});
