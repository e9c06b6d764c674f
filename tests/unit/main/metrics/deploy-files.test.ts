// The shipped deploy/ files: Prometheus' own promtool accepts the configs and the rules and passes
// the rules' unit tests, and every series the rules and the Grafana dashboard read is one that
// /metrics exposes (or a recording rule makes), so a renamed metric cannot silently blank a panel.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createPrometheusMetrics } from '@src/main/metrics/prometheus-metrics';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { parseExposition } from '../../../support/prometheus-text';
import { useTempDirs } from '../../../support/temp-store';

const DEPLOY = fileURLToPath(new URL('../../../../deploy/', import.meta.url));
const PROMTOOL = '/usr/bin/promtool';
const hasPromtool = existsSync(PROMTOOL);
if (!hasPromtool)
  console.log(`skipping the promtool checks: ${PROMTOOL} is absent (apt-get install prometheus)`);

const tempDir = useTempDirs('deploy');

function promtool(cwd: string, ...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(PROMTOOL, args, { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The series names /metrics exposes, from a real scrape (histograms as their base name). */
async function exposedNames(): Promise<Set<string>> {
  const config = aConfig({ lines: [aLine('press-1', [anEndpoint('plc')])] });
  const metrics = createPrometheusMetrics(
    {
      config: () => config,
      liveStates: () => [],
      schedulerStats: () => ({ maxLagMs: 0, started: 0, skippedBusy: 0 }),
      figures: () => ({
        config,
        windows: [],
        alarmsBySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
        activeWarnings: new Map(),
      }),
      now: () => 0,
    },
    { version: 'test', host: 'headless' },
  );
  const text = (await metrics.scrape()).body;
  // Series without samples in this scrape still have their # TYPE line.
  const typed = [...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1] ?? '');
  return new Set([...typed, ...parseExposition(text).map((s) => s.name)]);
}

interface RuleGroupFile {
  groups: { rules: { record?: string; alert?: string; expr: string }[] }[];
}

const rules = (file: string): RuleGroupFile['groups'][number]['rules'] =>
  (parse(readFileSync(join(DEPLOY, 'prometheus/rules', file), 'utf8')) as RuleGroupFile).groups.flatMap(
    (g) => g.rules,
  );

/** Metric names an expression reads: linewatch_* and recorded level:metric:operation names. */
const namesIn = (expr: string): string[] =>
  [...expr.matchAll(/\b((?:[a-z]+:)?linewatch_[a-z_]+(?::[a-z_]+)?)\b/g)]
    .map((m) => m[1] ?? '')
    .map((name) => name.replace(/_(bucket|sum|count)$/, ''));

describe('deploy files', () => {
  it.skipIf(!hasPromtool)('pass promtool check config, check rules and test rules', () => {
    const dir = tempDir();
    cpSync(join(DEPLOY, 'prometheus'), dir, { recursive: true });
    // The configs name files under /etc/prometheus; full checks need them to exist.
    for (const file of ['prometheus.yml', 'remote-write.yml']) {
      const text = readFileSync(join(dir, file), 'utf8').replaceAll('/etc/prometheus/', `${dir}/`);
      writeFileSync(join(dir, file), text);
    }
    writeFileSync(join(dir, 'linewatch-operator-token'), 'token\n');
    writeFileSync(join(dir, 'mimir-password'), 'password\n');
    for (const args of [
      ['check', 'config', 'prometheus.yml'],
      ['check', 'config', 'remote-write.yml'],
      ['check', 'rules', 'rules/linewatch-recording.yml', 'rules/linewatch-alerts.yml'],
      ['test', 'rules', 'rules/linewatch-rules.test.yml'],
    ]) {
      const run = promtool(dir, ...args);
      expect(run.output).not.toContain('FAILED');
      expect(run.status, `promtool ${args.join(' ')}:\n${run.output}`).toBe(0);
    }
  });

  it('read only series that /metrics exposes or a recording rule records', async () => {
    const exposed = await exposedNames();
    const recordingRules = rules('linewatch-recording.yml');
    const known = new Set([...exposed, ...recordingRules.map((r) => r.record ?? '')]);
    const read = [...recordingRules.map((r) => r.expr), ...rules('linewatch-alerts.yml').map((r) => r.expr)];
    const dashboard = JSON.parse(readFileSync(join(DEPLOY, 'grafana/linewatch-plants.json'), 'utf8')) as {
      panels: { targets?: { expr: string }[] }[];
      templating: { list: { definition?: string }[] };
    };
    read.push(...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
    read.push(...dashboard.templating.list.map((v) => v.definition ?? ''));
    const unknown = read.flatMap(namesIn).filter((name) => !known.has(name));
    expect(unknown).toEqual([]);
    // The dashboard covers the views.
    const titles = dashboard.panels.map((p) => (p as { title?: string }).title ?? '');
    for (const title of ['Sites', 'Lines', 'Endpoints', 'Active alarms by severity', 'Degrading devices']) {
      expect(titles.some((t) => t.startsWith(title))).toBe(true);
    }
    expect(read.flatMap(namesIn).length).toBeGreaterThan(20);
  });
});
