// `linewatch insights` through the CLI's own entry (runCli, in-process): arguments, exit codes,
// errors on stderr, JSON and CSV, --out; on checks imported through `linewatch import`'s code path.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '@src/main/cli/cli';
import { parseConfigText } from '@src/main/config';
import { importChecksFile } from '@src/main/import/import-checks';
import type { InsightsJson } from '@src/main/insights/insights-report';
import { openStore } from '@src/main/store';
import { useTempDirs } from '../support/temp-store';

const CONFIG_YAML = `version: 1
site: { id: plant, name: Plant, timezone: Europe/Berlin }
lines:
  - id: press-1
    name: Press line 1
    downtime_cost_per_minute: 850
    endpoints:
      - id: press1-plc
        name: Press 1 PLC
        type: plc
        interval: 10s
        warn: { rtt_ms: 50 }
        probe: { kind: tcp, host: 10.10.1.21, port: 502 }
`;
const T0 = Date.parse('2026-01-05T06:00:00Z');
const WINDOW = ['--from', '2026-01-05T06:00:00Z', '--to', '2026-01-05T08:00:00Z'];

const newDir = useTempDirs('insights-cli');

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('linewatch insights (CLI)', () => {
  let dir = '';
  let base: string[] = [];

  beforeEach(() => {
    dir = newDir();
    const configFile = join(dir, 'linewatch.yaml');
    writeFileSync(configFile, CONFIG_YAML);
    const parsed = parseConfigText(CONFIG_YAML, configFile);
    if (!parsed.ok) throw new Error('config');
    // Two hours at 10 s: 2 ms, except 07:00-07:20Z at 80 ms (over the configured 50 ms).
    const lines: string[] = [];
    for (let ts = T0; ts < T0 + 2 * 3_600_000; ts += 10_000) {
      const slow = ts >= T0 + 3_600_000 && ts < T0 + 3_600_000 + 20 * 60_000;
      lines.push(
        JSON.stringify({
          endpoint: 'press1-plc',
          ts: new Date(ts).toISOString(),
          ok: true,
          rtt_ms: slow ? 80 : 2,
        }),
      );
    }
    const checks = join(dir, 'checks.jsonl');
    writeFileSync(checks, lines.join('\n') + '\n');
    const store = openStore(join(dir, 'data'));
    try {
      expect(importChecksFile(checks, parsed.config, store).ok).toBe(true);
    } finally {
      store.close();
    }
    base = ['insights', '--config', configFile, '--data', join(dir, 'data')];
  });

  it('prints the warnings and priorities as JSON', async () => {
    const result = await cli(...base, ...WINDOW);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as InsightsJson;
    expect(json.from).toBe('2026-01-05T06:00:00.000Z');
    expect(json.to).toBe('2026-01-05T08:00:00.000Z');
    expect(json.warnings).toEqual([
      {
        endpoint: 'press1-plc',
        line: 'press-1',
        kind: 'threshold',
        score: 0.8,
        started_at: '2026-01-05T07:00:00.000Z',
        ended_at: '2026-01-05T07:20:00.000Z',
        baseline: { rtt_ms: 50, loss: null },
        observed: { rtt_ms: 80, loss: null },
        reason: 'RTT 80 ms above the configured 50 ms since 08:00',
      },
    ]);
    expect(json.priorities.map((p) => [p.rank, p.endpoint])).toEqual([[1, 'press1-plc']]);
  });

  it('writes CSV to --out and says so', async () => {
    const file = join(dir, 'insights.csv');
    const result = await cli(...base, ...WINDOW, '--format', 'csv', '--out', file);
    expect(result).toEqual({ code: 0, out: `wrote the csv insights to ${file}`, err: '' });
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('# warnings\n');
    expect(csv).toContain(
      'press1-plc,press-1,threshold,0.80,2026-01-05T07:00:00.000Z,2026-01-05T07:20:00.000Z,50.0,80.0,,,',
    );
    expect(csv).toContain('\n\n# priorities\nrank,endpoint,line,score,reason,action\n1,press1-plc,');
  });

  it('a window without warnings is empty lists, not an error', async () => {
    const result = await cli(...base, '--from', '2026-01-05T06:00:00Z', '--to', '2026-01-05T06:30:00Z');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ warnings: [], priorities: [] });
  });

  it('misuse is exit 2 with the usage; bad input exit 1 with a clear message', async () => {
    const missing = await cli(...base, '--from', '2026-01-05T06:00:00Z');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('linewatch: insights: --from ISO and --to ISO are required');
    expect(missing.err).toContain('insights --config FILE --data DIR --from ISO --to ISO');
    expect((await cli(...base, ...WINDOW, '--format', 'xml')).code).toBe(2);
    const badTime = await cli(...base, '--from', '2026-01-05 06:00', '--to', '2026-01-05T08:00:00Z');
    expect(badTime.code).toBe(1);
    expect(badTime.err).toMatch(/^linewatch insights: --from: expected /);
    const noData = await cli(
      'insights',
      '--config',
      join(dir, 'linewatch.yaml'),
      '--data',
      join(dir, 'nope'),
      ...WINDOW,
    );
    expect(noData).toMatchObject({ code: 1, err: `--data: no folder "${join(dir, 'nope')}"` });
  });
});
