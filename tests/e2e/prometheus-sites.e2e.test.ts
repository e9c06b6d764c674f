// Many sites, one view, on the real engines: three `linewatch serve` sites bound to LAN-mode
// loopback addresses (so /metrics needs the operator token) and one real Prometheus, run with the
// shipped deploy/prometheus config and rules (targets, token file and a 1 s interval swapped in).
// Through Prometheus' HTTP API: three sites report, a stopped device is down within two scrapes of
// its site saying so, and the recording rules evaluate.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { startCli, type RunningCli } from '../support/cli-process';
import { parseExposition, samplesOf } from '../support/prometheus-text';
import { makeTempDir, type TempDir } from '../support/temp-store';

const PROMETHEUS = '/usr/bin/prometheus';
const hasPrometheus = existsSync(PROMETHEUS);
if (!hasPrometheus)
  console.log(
    `skipping the three-site Prometheus test: ${PROMETHEUS} is absent (apt-get install prometheus)`,
  );

const DEPLOY = fileURLToPath(new URL('../../deploy/prometheus/', import.meta.url));
const SCRAPE_INTERVAL_MS = 1000;
const SITES = ['site-a', 'site-b', 'site-c'].map((id, index) => ({
  id,
  host: `127.14.0.${index + 1}`,
  deviceHost: `127.14.1.${index + 1}`,
}));
const PROMETHEUS_HOST = '127.14.0.9';

interface Site {
  id: string;
  device: SimulatedDevice;
  cli: RunningCli;
}

interface PrometheusVector {
  metric: Record<string, string>;
  value: [number, string];
}

/** A free port on `host`: bound, read, released (the caller binds it right after). */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function siteConfig(id: string, device: SimulatedDevice): string {
  return `version: 1
site: { id: ${id}, name: "Plant ${id}", timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    downtime_cost_per_minute: 100
    endpoints:
      - { id: press1-plc, name: Press 1 PLC, type: plc, critical: true, probe: { kind: tcp, host: ${device.host}, port: ${device.port} } }
`;
}

/** The shipped prometheus.yml with this test's targets, token file, rule paths and intervals. */
function prometheusConfig(tokenFile: string, sites: Site[]): string {
  const shipped = parse(readFileSync(join(DEPLOY, 'prometheus.yml'), 'utf8')) as {
    global: Record<string, string>;
    rule_files: string[];
    scrape_configs: {
      authorization: { credentials_file: string };
      static_configs: { targets: string[]; labels: Record<string, string> }[];
    }[];
  };
  const job = shipped.scrape_configs[0];
  if (!job) throw new Error('deploy/prometheus/prometheus.yml has no scrape job');
  shipped.global.scrape_interval = `${SCRAPE_INTERVAL_MS / 1000}s`;
  shipped.global.evaluation_interval = '1s';
  shipped.rule_files = shipped.rule_files.map((file) => join(DEPLOY, file));
  job.authorization.credentials_file = tokenFile;
  job.static_configs = sites.map((site) => ({
    targets: [new URL(site.cli.url).host],
    labels: { site: site.id },
  }));
  return stringify(shipped);
}

describe.skipIf(!hasPrometheus)('three sites in one Prometheus', () => {
  let temp: TempDir;
  let tokenFile: string;
  let token: string;
  const sites: Site[] = [];
  let prometheus: ChildProcess | null = null;
  let prometheusUrl = '';
  let prometheusOutput = '';

  const query = async (expr: string): Promise<PrometheusVector[]> => {
    const response = await fetch(`${prometheusUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as {
      status: string;
      data: { result: PrometheusVector[] };
      error?: string;
    };
    if (body.status !== 'success') throw new Error(`query ${expr}: ${body.error ?? body.status}`);
    return body.data.result;
  };

  beforeAll(async () => {
    temp = makeTempDir('prometheus-sites');
    token = randomBytes(24).toString('base64url');
    tokenFile = join(temp.dir, 'operator-token');
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    for (const spec of SITES) {
      const device = await startSimulatedDevice({ kind: 'tcp', host: spec.deviceHost });
      const dir = join(temp.dir, spec.id);
      mkdirSync(dir);
      const configPath = join(dir, 'plant.yaml');
      writeFileSync(configPath, siteConfig(spec.id, device));
      const cli = await startCli([
        'serve',
        '--config',
        configPath,
        '--data',
        join(dir, 'data'),
        '--host',
        spec.host,
        '--port',
        '0',
        '--operator-token-file',
        tokenFile,
      ]);
      sites.push({ id: spec.id, device, cli });
    }
    const configFile = join(temp.dir, 'prometheus.yml');
    writeFileSync(configFile, prometheusConfig(tokenFile, sites));
    const port = await freePort(PROMETHEUS_HOST);
    prometheusUrl = `http://${PROMETHEUS_HOST}:${port}`;
    prometheus = spawn(
      PROMETHEUS,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${join(temp.dir, 'tsdb')}`,
        `--web.listen-address=${PROMETHEUS_HOST}:${port}`,
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    prometheus.stdout?.on('data', (chunk: Buffer) => (prometheusOutput += chunk.toString()));
    prometheus.stderr?.on('data', (chunk: Buffer) => (prometheusOutput += chunk.toString()));
    // Ready once it has loaded the config and the rules; a bad config ends the process instead.
    await vi.waitFor(
      async () => {
        if (prometheus?.exitCode !== null) throw new Error(`prometheus exited:\n${prometheusOutput}`);
        const response = await fetch(`${prometheusUrl}/-/ready`);
        if (response.status !== 200) throw new Error(`prometheus not ready: ${response.status}`);
      },
      { timeout: 30_000, interval: 200 },
    );
  });

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus?.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    for (const site of sites) {
      await site.cli.stop();
      await site.device.stop();
    }
    temp.remove();
  });

  it('sees all three sites, scraped with the operator token (refused without it)', async () => {
    const [site] = sites;
    if (!site) throw new Error('no site');
    expect((await fetch(new URL('/metrics', site.cli.url))).status).toBe(401);
    await expect
      .poll(() => query('count(count by (site) (linewatch_line_up))').then((r) => r[0]?.value[1]))
      .toBe('3');
    const up = await query('up{job="linewatch"}');
    expect(up.map((r) => [r.metric.site, r.metric.instance, r.value[1]]).sort()).toEqual([
      ['site-a', 'site-a', '1'],
      ['site-b', 'site-b', '1'],
      ['site-c', 'site-c', '1'],
    ]);
    await expect
      .poll(() =>
        query('linewatch_endpoint_up{site="site-b",endpoint="press1-plc"}').then((r) => r[0]?.value[1]),
      )
      .toBe('1');
  });

  it('shows a stopped device down within two scrapes of its site reporting it', async () => {
    const site = sites[1];
    if (!site) throw new Error('no site');
    await site.device.stop();
    // When the site itself says down (its engine needs two failed checks): the start of the bound.
    const siteMetrics = async (): Promise<number | undefined> => {
      const response = await fetch(new URL('/metrics', site.cli.url), {
        headers: { authorization: `Bearer ${token}` },
      });
      const samples = parseExposition(await response.text());
      return samplesOf(samples, 'linewatch_endpoint_up', { endpoint: 'press1-plc' })[0]?.value;
    };
    await expect.poll(siteMetrics).toBe(0);
    const siteSaidDownAt = Date.now();
    await expect
      .poll(() =>
        query('linewatch_endpoint_up{site="site-b",endpoint="press1-plc"} == 0').then((r) => r.length),
      )
      .toBe(1);
    // The first scrape that carried the 0: a sample's timestamp is its scrape's start.
    const range = await query('linewatch_endpoint_up{site="site-b",endpoint="press1-plc"}[2m]');
    const values = (range[0] as unknown as { values: [number, string][] } | undefined)?.values ?? [];
    const firstZero = values.find(([, value]) => value === '0');
    expect(firstZero).toBeDefined();
    expect((firstZero?.[0] ?? Infinity) * 1000).toBeLessThanOrEqual(siteSaidDownAt + 2 * SCRAPE_INTERVAL_MS);
    // The other sites are untouched, and the line of site-b is down.
    expect((await query('linewatch_endpoint_up == 0')).map((r) => r.metric.site)).toEqual(['site-b']);
    await expect.poll(() => query('linewatch_line_up{site="site-b"}').then((r) => r[0]?.value[1])).toBe('0');
  });

  it('evaluates the shipped recording rules without errors', async () => {
    await expect.poll(() => query('site:linewatch_lines_up:count').then((r) => r.length)).toBe(3);
    // Availability comes from each site's KPI report (refreshed every 5 s until it has data), so it may take a moment.
    await expect
      .poll(
        () =>
          query('site:linewatch_availability:ratio_today').then((r) => r.map((v) => v.metric.site).sort()),
        {
          timeout: 60_000,
        },
      )
      .toEqual(['site-a', 'site-b', 'site-c']);
    await expect.poll(() => query('group:linewatch_availability:ratio_today').then((r) => r.length)).toBe(1);
    const response = await fetch(`${prometheusUrl}/api/v1/rules?type=record`);
    const { data } = (await response.json()) as {
      data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] };
    };
    const rules = data.groups.flatMap((g) => g.rules);
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.filter((r) => r.health !== 'ok')).toEqual([]);
  });
});
