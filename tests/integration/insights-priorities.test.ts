// The priority list on a realistic history through `linewatch import`'s code path: a congested
// uplink slows every device behind one cell switch at once, while a device on another line stays
// healthy. The real detectors (buildInsights) find each device's RTT rise, detectGroupDegradation
// turns them into one warning on the switch, and rankPriorities puts the switch first with
// "check the uplink".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importChecksFile } from '@src/main/import/import-checks';
import { buildInsights } from '@src/main/insights/judge';
import { aConfig, aLine, anEndpoint } from '../support/config-builders';
import { useTempStores } from '../support/temp-store';

const setup = useTempStores('insights-priorities');

const INTERVAL_MS = 60_000;
const HOUR_MS = 3_600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
const HEALTHY_MS = 24 * HOUR_MS; // a day of healthy history for the baselines
const RAMP_MS = 4 * HOUR_MS;
const END = T0 + HEALTHY_MS + RAMP_MS;
const BEHIND = ['cell-robot', 'cell-plc', 'cell-cam'];

const CONFIG = aConfig({
  lines: [
    aLine(
      'cell-1',
      [
        anEndpoint('cell-switch', { name: 'Cell 1 switch', type: 'switch', intervalMs: INTERVAL_MS }),
        ...BEHIND.map((id) =>
          anEndpoint(id, { dependsOn: 'cell-switch', intervalMs: INTERVAL_MS, critical: id === 'cell-plc' }),
        ),
      ],
      { name: 'Cell 1', downtimeCostPerMinute: 400 },
    ),
    aLine('yard', [anEndpoint('gate', { intervalMs: INTERVAL_MS })], { name: 'Yard' }),
  ],
});

/** A deterministic jitter source (mulberry32), so the test never depends on luck. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function history(): string[] {
  const rand = random(7);
  const lines: string[] = [];
  const check = (endpoint: string, ts: number, rtt: number): void => {
    lines.push(JSON.stringify({ endpoint, ts: new Date(ts).toISOString(), ok: true, rtt_ms: rtt }));
  };
  for (let ts = T0; ts < END; ts += INTERVAL_MS) {
    // Behind the switch: ~1 ms, then the uplink's queue grows everyone's RTT to ~15 ms.
    const climb = ts < T0 + HEALTHY_MS ? 0 : (14 * (ts - T0 - HEALTHY_MS)) / RAMP_MS;
    check('cell-switch', ts, 0.8 + (rand() - 0.5) * 0.2);
    for (const id of BEHIND) check(id, ts, 1 + climb + (rand() - 0.5) * 0.4 * (1 + climb / 5));
    check('gate', ts, 1.5 + (rand() - 0.5) * 0.6);
  }
  return lines;
}

describe('maintenance priorities on an imported history', () => {
  it('devices behind one switch slowing together put the switch first: check the uplink', () => {
    const { dir, store } = setup();
    const checks = join(dir, 'checks.jsonl');
    writeFileSync(checks, history().join('\n') + '\n');
    expect(importChecksFile(checks, CONFIG, store).ok).toBe(true);

    const { warnings, priorities } = buildInsights(store, CONFIG, { from: END - 6 * HOUR_MS, to: END });
    const kinds = warnings.map((w) => [w.endpointId, w.kind]);
    expect(new Set(kinds.map(([id]) => id))).toEqual(new Set(['cell-switch', ...BEHIND]));
    expect(kinds.filter(([id]) => id === 'cell-switch')).toEqual([['cell-switch', 'group_degradation']]);
    expect(priorities[0]).toMatchObject({
      rank: 1,
      endpointId: 'cell-switch',
      lineId: 'cell-1',
      score: 1,
      action: 'check the uplink',
    });
    expect(priorities[0]?.reason).toMatch(
      /^Cell 1 switch: devices behind it degrading together \(RTT \d+(\.\d)? ms against 1\.\d ms.*\); its failure takes down Cell 1 at 400\/min; 3 devices depend on it$/,
    );
    // Behind it: the critical PLC (400 × 1), then the others at the non-critical weight, by id.
    expect(priorities.slice(1).map((p) => [p.endpointId, p.action])).toEqual([
      ['cell-plc', 'check load and the network path'],
      ['cell-cam', 'check load and the network path'],
      ['cell-robot', 'check load and the network path'],
    ]);
  });
});
