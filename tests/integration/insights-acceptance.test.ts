// Issue 12's acceptance: an imported history (through `linewatch import`'s code path) where one
// endpoint's RTT climbs from ~1 ms to ~20 ms over six hours before it goes down, while its neighbour
// stays healthy with jitter; `linewatch insights` (the command in-process) shows a warning on the
// first that started at least 30 minutes before the outage, and none on the neighbour.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInsights } from '@src/main/cli/insights-command';
import { importChecksFile } from '@src/main/import/import-checks';
import type { InsightsJson } from '@src/main/insights/insights-report';
import { aConfig, aLine, anEndpoint, configYaml } from '../support/config-builders';
import { useTempStores } from '../support/temp-store';

const setup = useTempStores('insights');

const INTERVAL_MS = 30_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
const HEALTHY_MS = 2 * 24 * 3_600_000; // two days of healthy history for the baseline
const RAMP_MS = 6 * 3_600_000;
const OUTAGE_AT = T0 + HEALTHY_MS + RAMP_MS;
const END = OUTAGE_AT + 3_600_000;

const CONFIG = aConfig({
  lines: [
    aLine('press-1', [
      anEndpoint('press1-plc', { intervalMs: INTERVAL_MS, critical: true }),
      anEndpoint('press1-hmi', { intervalMs: INTERVAL_MS }),
    ]),
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
  const rand = random(12);
  const lines: string[] = [];
  for (let ts = T0; ts < END; ts += INTERVAL_MS) {
    const iso = new Date(ts).toISOString();
    // The PLC: ~1 ms, then a linear climb to ~20 ms over six hours, then down for an hour.
    if (ts >= OUTAGE_AT) {
      lines.push(JSON.stringify({ endpoint: 'press1-plc', ts: iso, ok: false, error: 'timeout' }));
    } else {
      const climb = ts < T0 + HEALTHY_MS ? 0 : (19 * (ts - T0 - HEALTHY_MS)) / RAMP_MS;
      const rtt = 1 + climb + (rand() - 0.5) * 0.4 * (1 + climb / 5);
      lines.push(JSON.stringify({ endpoint: 'press1-plc', ts: iso, ok: true, rtt_ms: rtt }));
    }
    // The HMI: ~1.2 ms with jitter, an occasional slow answer, and a lone failed check now and then.
    const r = rand();
    if (r < 0.0005) {
      lines.push(JSON.stringify({ endpoint: 'press1-hmi', ts: iso, ok: false, error: 'timeout' }));
    } else {
      const spike = r > 0.995 ? 8 * rand() : 0;
      const rtt = 1.2 + (rand() - 0.5) * 0.6 + spike;
      lines.push(JSON.stringify({ endpoint: 'press1-hmi', ts: iso, ok: true, rtt_ms: rtt }));
    }
  }
  return lines;
}

describe('linewatch insights on an RTT ramp before an outage', () => {
  it('warns on the degrading endpoint at least 30 minutes before its outage, and not on its neighbour', () => {
    const { dir, store } = setup();
    const checks = join(dir, 'checks.jsonl');
    writeFileSync(checks, history().join('\n') + '\n');
    const imported = importChecksFile(checks, CONFIG, store);
    expect(imported.ok).toBe(true);
    const outage = store.outages.startedIn(T0, END).find((o) => o.endpointId === 'press1-plc');
    expect(outage?.startedAt).toBe(OUTAGE_AT);
    store.close();

    const configFile = join(dir, 'linewatch.yaml');
    writeFileSync(configFile, configYaml(CONFIG));
    const out: string[] = [];
    const err: string[] = [];
    const code = runInsights(
      {
        configPath: configFile,
        dataDir: dir,
        from: new Date(OUTAGE_AT - 12 * 3_600_000).toISOString(),
        to: new Date(END).toISOString(),
        format: 'json',
        out: null,
      },
      { stdout: (line) => out.push(line), stderr: (line) => err.push(line) },
    );
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(out.join('\n')) as InsightsJson;
    const plc = json.warnings.filter((w) => w.endpoint === 'press1-plc' && w.kind === 'rtt_rise');
    expect(plc.length).toBeGreaterThan(0);
    const first = plc[0];
    expect(Date.parse(first?.started_at ?? '')).toBeLessThanOrEqual(OUTAGE_AT - 30 * 60_000);
    expect(first?.baseline.rtt_ms).toBeLessThan(1.5);
    expect(first?.observed.rtt_ms).toBeGreaterThan(5);
    expect(first?.reason).toMatch(
      /^RTT \d+(\.\d+)? ms against \d(\.\d+)? ± \d(\.\d+)? ms usual since \d\d:\d\d$/,
    );
    expect(json.warnings.filter((w) => w.endpoint === 'press1-hmi')).toEqual([]);
    expect(json.priorities.map((p) => [p.rank, p.endpoint, p.line])).toEqual([[1, 'press1-plc', 'press-1']]);
    expect(json.priorities[0]?.action).not.toBe('');
  });
});
