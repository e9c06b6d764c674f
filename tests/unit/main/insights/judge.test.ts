// The judge on checks imported through `linewatch import`'s code path: warnings overlapping the
// window only, and planned work (maintenance) never read as degradation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LinewatchConfig } from '@src/main/config';
import { importChecksFile } from '@src/main/import/import-checks';
import { judgeInsights } from '@src/main/insights/judge';
import { aConfig, aLine, aMaintenanceWindow, anEndpoint } from '../../../support/config-builders';
import { random } from '../../../support/minute-samples';
import { useTempStores } from '../../../support/temp-store';

const setup = useTempStores('insights-judge');
const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
// 10 h at ~1 ms, then 10:00-11:00Z at ~20 ms (11:00-12:00 in Berlin), then 2 h at ~1 ms again.
const SLOW_FROM = T0 + 10 * HOUR;
const SLOW_TO = T0 + 11 * HOUR;
const END = T0 + 13 * HOUR;

const config = (maintenance: LinewatchConfig['maintenance'] = []): LinewatchConfig =>
  aConfig({ lines: [aLine('press-1', [anEndpoint('press1-plc', { intervalMs: 30_000 })])], maintenance });

function importHistory(dir: string, cfg: LinewatchConfig, store: Parameters<typeof importChecksFile>[2]) {
  const rand = random(4);
  const lines: string[] = [];
  for (let ts = T0; ts < END; ts += 30_000) {
    const rtt = (ts >= SLOW_FROM && ts < SLOW_TO ? 20 : 1) + (rand() - 0.5) * 0.3;
    lines.push(
      JSON.stringify({ endpoint: 'press1-plc', ts: new Date(ts).toISOString(), ok: true, rtt_ms: rtt }),
    );
  }
  const file = join(dir, 'checks.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  expect(importChecksFile(file, cfg, store).ok).toBe(true);
}

describe('judgeInsights', () => {
  it('reports an RTT rise that overlaps the window, and nothing for a window after it cleared', () => {
    const { dir, store } = setup();
    const cfg = config();
    importHistory(dir, cfg, store);
    const [warning, ...rest] = judgeInsights(store, cfg, { from: SLOW_FROM + HOUR / 2, to: END });
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ endpointId: 'press1-plc', lineId: 'press-1', kind: 'rtt_rise' });
    // Where the sum last left zero: the rise itself, or a jittery minute or two before it.
    expect(warning?.startedAt).toBeGreaterThanOrEqual(SLOW_FROM - 5 * 60_000);
    expect(warning?.startedAt).toBeLessThanOrEqual(SLOW_FROM);
    expect(warning?.endedAt).toBeGreaterThan(SLOW_TO);
    const after = (warning?.endedAt ?? 0) + 60_000;
    expect(judgeInsights(store, cfg, { from: after, to: END })).toEqual([]);
  });

  it('reads nothing into a slow hour inside a maintenance window of the endpoint', () => {
    const { dir, store } = setup();
    const cfg = config([
      aMaintenanceWindow('firmware', ['press1-plc'], '2026-01-05T11:00', '2026-01-05T12:00'),
    ]);
    importHistory(dir, cfg, store);
    expect(judgeInsights(store, cfg, { from: T0, to: END })).toEqual([]);
  });
});
