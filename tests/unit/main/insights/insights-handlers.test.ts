// getInsights on a history imported through `linewatch import`'s code path: the wire shape (ISO
// times, names next to ids), the ranked priority, and the short cache keyed on window and config.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinewatchConfig } from '@src/main/config';
import { importChecksFile } from '@src/main/import/import-checks';
import { createInsightsHandlers, INSIGHTS_CACHE_MS } from '@src/main/insights/insights-handlers';
import { Insights, requests } from '@src/shared/contract';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { random } from '../../../support/minute-samples';
import { useTempStores } from '../../../support/temp-store';

const setup = useTempStores('insights-handlers');
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
const SLOW_FROM = T0 + 10 * HOUR;
const END = T0 + 13 * HOUR;
const READER = { connectionId: 'test', canMutate: false, label: 'test' };

const config = (): LinewatchConfig =>
  aConfig({
    lines: [aLine('press-1', [anEndpoint('press1-plc', { intervalMs: 30_000, name: 'Press 1 PLC' })])],
  });

/** 10 h at ~1 ms, then ~20 ms from 10:00Z to the end: an RTT rise. */
function importHistory(dir: string, cfg: LinewatchConfig, store: Parameters<typeof importChecksFile>[2]) {
  const rand = random(4);
  const lines: string[] = [];
  for (let ts = T0; ts < END; ts += 30_000) {
    const rtt = (ts >= SLOW_FROM ? 20 : 1) + (rand() - 0.5) * 0.3;
    lines.push(
      JSON.stringify({ endpoint: 'press1-plc', ts: new Date(ts).toISOString(), ok: true, rtt_ms: rtt }),
    );
  }
  const file = join(dir, 'checks.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  expect(importChecksFile(file, cfg, store).ok).toBe(true);
}

const request = (from: number, to: number) =>
  requests.getInsights.request.parse({ from: new Date(from).toISOString(), to: new Date(to).toISOString() });

describe('getInsights', () => {
  it('answers the warnings and the ranked priorities with ISO times and names', async () => {
    const { dir, store } = setup();
    const cfg = config();
    importHistory(dir, cfg, store);
    const handlers = createInsightsHandlers({ store, config: () => cfg, now: () => END });
    const answer = await handlers.getInsights(request(T0 + 8 * HOUR, END), READER);
    expect(Insights.safeParse(answer).success).toBe(true);
    expect(answer.from).toBe('2026-01-05T08:00:00.000Z');
    const rise = answer.warnings.find((w) => w.kind === 'rtt_rise');
    expect(rise).toMatchObject({
      endpointId: 'press1-plc',
      endpointName: 'Press 1 PLC',
      lineId: 'press-1',
    });
    expect(Date.parse(rise?.startedAt ?? '')).toBeLessThanOrEqual(SLOW_FROM);
    expect(answer.priorities[0]).toMatchObject({
      rank: 1,
      endpointId: 'press1-plc',
      endpointName: 'Press 1 PLC',
    });
    expect(answer.priorities[0]?.action).not.toBe('');
  });

  it('answers the same window from its cache for a short while, and afresh after a config swap', async () => {
    const { dir, store } = setup();
    let cfg = config();
    importHistory(dir, cfg, store);
    let now = END;
    const handlers = createInsightsHandlers({ store, config: () => cfg, now: () => now });
    const first = await handlers.getInsights(request(T0 + 8 * HOUR, END), READER);
    expect(await handlers.getInsights(request(T0 + 8 * HOUR, END), READER)).toBe(first);
    cfg = { ...cfg };
    const afterSwap = await handlers.getInsights(request(T0 + 8 * HOUR, END), READER);
    expect(afterSwap).not.toBe(first);
    now += INSIGHTS_CACHE_MS;
    expect(await handlers.getInsights(request(T0 + 8 * HOUR, END), READER)).not.toBe(afterSwap);
  });

  it('refuses an empty or reversed window and one longer than a week', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(requests.getInsights.request.safeParse({ from: iso(END), to: iso(T0) }).success).toBe(false);
    expect(
      requests.getInsights.request.safeParse({ from: iso(T0), to: iso(T0 + 8 * 24 * HOUR) }).success,
    ).toBe(false);
    expect(
      requests.getInsights.request.safeParse({ from: iso(T0), to: iso(T0 + 7 * 24 * HOUR) }).success,
    ).toBe(true);
  });
  it('without the live judge, refuses a window too large to judge (devices × days over the budget), naming the CLI', async () => {
    const { store } = setup();
    const big = aConfig({
      lines: [
        aLine(
          'big',
          Array.from({ length: 120 }, (_, i) => anEndpoint(`plc-${i}`)),
        ),
      ],
    });
    const handlers = createInsightsHandlers({ store, config: () => big, now: () => END });
    // 120 devices × (1 day + the 1-day lookback) = 240 endpoint-days.
    expect(() => handlers.getInsights(request(END - 24 * HOUR, END), READER)).toThrow(
      /240 endpoint-days, the limit is 200; .*\); use `linewatch insights`/,
    );
    // Half a day of 60 devices is within it.
    const small = aConfig({
      lines: [
        aLine(
          'small',
          Array.from({ length: 60 }, (_, i) => anEndpoint(`plc-${i}`)),
        ),
      ],
    });
    const fits = createInsightsHandlers({ store, config: () => small, now: () => END });
    expect(await fits.getInsights(request(END - 12 * HOUR, END), READER)).toMatchObject({
      warnings: [],
    });
  });
});
