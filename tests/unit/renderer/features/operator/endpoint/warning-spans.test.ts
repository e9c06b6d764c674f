import { describe, expect, it } from 'vitest';
import type { InsightWarningView } from '@src/shared/contract';
import { warningSpans } from '@src/renderer/features/operator/endpoint/warning-spans';
import { rttChartOption } from '@src/renderer/features/operator/chart-options';
import { shapeRttBand } from '@src/renderer/features/operator/endpoint/rtt-band';

const t = (iso: string) => Date.parse(iso);
const FROM = t('2026-01-05T00:00:00Z');
const TO = t('2026-01-06T00:00:00Z');

const warning = (
  endpointId: string,
  kind: InsightWarningView['kind'],
  startedAt: string,
  endedAt: string | null,
): InsightWarningView => ({
  endpointId,
  endpointName: endpointId,
  lineId: 'press-1',
  lineName: 'Press 1',
  kind,
  score: 0.6,
  startedAt,
  endedAt,
  baseline: { rttMs: 2, loss: null },
  observed: { rttMs: 8, loss: null },
  reason: 'RTT 8 ms against 2 ms usual since 10:00',
});

describe('warning bands on the RTT chart', () => {
  it("are the endpoint's warnings clipped to the window, an active one running to its end", () => {
    const spans = warningSpans(
      [
        warning('plc-1', 'loss_rise', '2026-01-05T20:00:00.000Z', null),
        warning('plc-1', 'rtt_rise', '2026-01-04T22:00:00.000Z', '2026-01-05T03:00:00.000Z'),
        warning('hmi-1', 'rtt_rise', '2026-01-05T10:00:00.000Z', null), // another device
        warning('plc-1', 'threshold', '2026-01-04T10:00:00.000Z', '2026-01-04T11:00:00.000Z'), // before
      ],
      'plc-1',
      FROM,
      TO,
    );
    expect(spans).toEqual([
      { fromMs: FROM, toMs: t('2026-01-05T03:00:00Z'), label: 'RTT rise' },
      { fromMs: t('2026-01-05T20:00:00Z'), toMs: TO, label: 'Loss rise' },
    ]);
  });

  it('merge where warnings overlap, naming each kind once', () => {
    const spans = warningSpans(
      [
        warning('plc-1', 'rtt_rise', '2026-01-05T10:00:00.000Z', '2026-01-05T12:00:00.000Z'),
        warning('plc-1', 'threshold', '2026-01-05T11:00:00.000Z', '2026-01-05T13:00:00.000Z'),
        warning('plc-1', 'rtt_rise', '2026-01-05T12:30:00.000Z', '2026-01-05T12:40:00.000Z'),
      ],
      'plc-1',
      FROM,
      TO,
    );
    expect(spans).toEqual([
      {
        fromMs: t('2026-01-05T10:00:00Z'),
        toMs: t('2026-01-05T13:00:00Z'),
        label: 'RTT rise, Over warn limit',
      },
    ]);
  });

  it('are drawn as a labelled mark area with dashed edges on the average line, and not at all without warnings', () => {
    const band = shapeRttBand([], 60_000);
    const base = { fontPx: 16, timeZone: 'UTC', fromMs: FROM, toMs: TO, multiDay: false };
    const seriesOf = (option: ReturnType<typeof rttChartOption>) =>
      option.series as {
        name: string;
        markArea?: { data: unknown[]; itemStyle: { borderType?: unknown } };
      }[];
    const plain = seriesOf(rttChartOption(band, base));
    expect(plain.some((s) => s.markArea !== undefined)).toBe(false);
    const shaded = seriesOf(
      rttChartOption(band, { ...base, warnings: [{ fromMs: FROM, toMs: TO, label: 'RTT rise' }] }),
    );
    const average = shaded.find((s) => s.name === 'RTT average');
    expect(average?.markArea?.data).toEqual([[{ name: '⚠ RTT rise', xAxis: FROM }, { xAxis: TO }]]);
    expect(average?.markArea?.itemStyle.borderType).toBe('dashed');
  });
});
