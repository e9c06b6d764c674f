// The OTLP push against a local OTLP/HTTP receiver that decodes what arrives: the same instruments
// and labels as /metrics, the headers from the variable `otlp.headers_env` names, and a stopped
// device's up gauge turning 0 in a later export. /metrics of the same run, on a loopback host,
// answers the acceptance (press1-plc up 1, then 0); its availability is the KPI report's.
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import { loadConfigFile } from '@src/main/config';
import { startSimulatedDevice } from '@src/main/demo/simulated-device';
import { startHttpHost } from '@src/main/host/http-host';
import { metricsRoute } from '@src/main/metrics/metrics-route';
import { buildReport } from '@src/main/kpi';
import { openStore } from '@src/main/store';
import { startOfLocalDay } from '@src/shared/time';
import { pointsOf, startOtlpReceiver, type OtlpExport } from '../support/otlp-receiver';
import { parseExposition } from '../support/prometheus-text';
import { makeTempDir } from '../support/temp-store';

const HEADERS_ENV = 'LINEWATCH_TEST_OTLP_HEADERS';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const upOf = (received: OtlpExport, endpoint: string): number | undefined =>
  pointsOf(received, 'linewatch_endpoint_up', { endpoint })[0]?.value;

describe('OTLP push', () => {
  it('sends the /metrics instruments with their labels and the configured headers', async () => {
    const temp = makeTempDir('otlp');
    cleanups.push(() => temp.remove());
    const plc = await startSimulatedDevice({ kind: 'tcp', host: '127.14.0.11' });
    cleanups.push(() => plc.stop());
    const receiver = await startOtlpReceiver('127.14.0.12');
    cleanups.push(() => receiver.close());
    vi.stubEnv(HEADERS_ENV, 'x-api-key=plant-secret,x-scope-orgid=plant-a');
    cleanups.push(() => {
      vi.unstubAllEnvs();
    });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: plant-a, name: Plant A, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    downtime_cost_per_minute: 850
    endpoints:
      - { id: press1-plc, name: Press 1 PLC, type: plc, critical: true, probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} } }
otlp:
  endpoint: ${receiver.url}
  headers_env: ${HEADERS_ENV}
`,
    );
    const dataDir = join(temp.dir, 'data');
    const services = await startLinewatchServices({
      dataDir,
      configPath,
      host: 'headless',
      appVersion: '1.2.3',
      otlpIntervalMs: 300,
    });
    cleanups.push(() => services.stop());
    // The acceptance's curl: /metrics on a loopback bind, no token needed.
    const host = await startHttpHost({
      services,
      rendererDir: temp.dir,
      host: '127.0.0.1',
      port: 0,
      routes: { '/metrics': metricsRoute(() => services.scrapeMetrics()) },
    });
    cleanups.push(() => host.close());
    const curl = async (): Promise<string> => {
      const response = await fetch(new URL('/metrics', host.url));
      expect(response.status).toBe(200);
      return response.text();
    };
    const upLine = (value: number): string =>
      `linewatch_endpoint_up{site="plant-a",line="press-1",endpoint="press1-plc",type="plc",critical="true"} ${value}\n`;

    const up = await receiver.waitFor((e) => upOf(e, 'press1-plc') === 1);
    expect(up.headers['x-api-key']).toBe('plant-secret');
    expect(up.headers['x-scope-orgid']).toBe('plant-a');
    expect(up.headers['content-type']).toBe('application/json');
    expect(up.resource['service.name']).toBe('linewatch');
    expect(up.resource['service.version']).toBe('1.2.3');
    const labels = {
      site: 'plant-a',
      line: 'press-1',
      endpoint: 'press1-plc',
      type: 'plc',
      critical: 'true',
    };
    expect(pointsOf(up, 'linewatch_endpoint_up')).toEqual([
      { metric: 'linewatch_endpoint_up', kind: 'gauge', attributes: labels, value: 1 },
    ]);
    expect(pointsOf(up, 'linewatch_endpoint_state', { ...labels, state: 'up' })[0]?.value).toBe(1);
    expect(pointsOf(up, 'linewatch_line_up', { site: 'plant-a', line: 'press-1' })[0]?.value).toBe(1);
    expect(pointsOf(up, 'linewatch_build_info', { version: '1.2.3' })[0]?.value).toBe(1);
    expect(pointsOf(up, 'linewatch_checks_total', { ...labels, result: 'ok' })[0]?.value).toBeGreaterThan(0);
    const rtt = pointsOf(up, 'linewatch_endpoint_rtt_seconds', labels)[0];
    expect(rtt?.kind).toBe('histogram');
    expect(rtt?.explicitBounds).toEqual([0.0005, 0.001, 0.0025, 0.01, 0.05, 0.25]);
    expect(rtt?.value).toBeGreaterThan(0);
    expect(pointsOf(up, 'linewatch_alarms_active', { severity: 'critical' })[0]?.value).toBe(0);

    // The scrape of the same run: the acceptance's "press1-plc ... 1", and the KPI's availability.
    const scrape = async () => parseExposition(await curl());
    await expect.poll(curl).toContain(upLine(1));
    // The plant figures are refreshed every 5 s until there is monitored time: the first predate it.
    const availability = { line: 'press-1', window: 'today' };
    let ratio = Number.NaN;
    await expect
      .poll(
        async () => {
          const found = (await scrape()).filter(
            (s) =>
              s.name === 'linewatch_line_availability_ratio' &&
              s.labels.line === availability.line &&
              s.labels.window === availability.window,
          );
          ratio = found[0]?.value ?? Number.NaN;
          return found.length;
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    const config = loadConfigFile(configPath);
    if (!config.ok) throw new Error('config');
    const now = Date.now();
    const store = openStore(dataDir);
    const report = buildReport(store, config.config, {
      fromMs: startOfLocalDay(now, 'Europe/Berlin'),
      toMs: now,
      nowMs: now,
    });
    store.close();
    expect(ratio).toBeCloseTo(report.lines[0]?.availability ?? Number.NaN, 2);

    await plc.stop();
    const down = await receiver.waitFor((e) => upOf(e, 'press1-plc') === 0);
    expect(pointsOf(down, 'linewatch_outages_total', labels)[0]?.value).toBe(1);
    expect(pointsOf(down, 'linewatch_line_up', { line: 'press-1' })[0]?.value).toBe(0);
    expect(await curl()).toContain(upLine(0));
  });

  it('says in the log when the collector refuses the export, and goes on monitoring', async () => {
    const temp = makeTempDir('otlp-refused');
    cleanups.push(() => temp.remove());
    const refusing = http.createServer((request, response) => {
      request.resume();
      request.on('end', () => response.writeHead(400, { 'content-type': 'text/plain' }).end('bad tenant'));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.14.0.13', resolve));
    cleanups.push(() => new Promise<void>((resolve) => refusing.close(() => resolve())));
    const { port } = refusing.address() as AddressInfo;
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: plant-b, name: Plant B, timezone: Europe/Berlin }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: gw, name: Gateway, type: switch, probe: { kind: tcp, host: 127.14.0.13, port: ${port} } }
otlp: { endpoint: "http://127.14.0.13:${port}/v1/metrics" }
`,
    );
    const lines: string[] = [];
    const services = await startLinewatchServices({
      dataDir: join(temp.dir, 'data'),
      configPath,
      host: 'headless',
      appVersion: 'test',
      otlpIntervalMs: 300,
      log: (line) => lines.push(line),
    });
    cleanups.push(() => services.stop());
    await expect
      .poll(() =>
        lines.find((line) => line.startsWith(`OTLP push to http://127.14.0.13:${port}/v1/metrics failed:`)),
      )
      .toBeDefined();
    // Logged once, not once per export.
    expect(lines.filter((line) => line.includes('failed:'))).toHaveLength(1);
    expect((await services.scrapeMetrics()).body).toContain('linewatch_endpoint_up{');
  });

  it('stops within two seconds when the collector never answers', async () => {
    const temp = makeTempDir('otlp-silent');
    cleanups.push(() => temp.remove());
    // Takes the connection and the request, never answers.
    const silent = http.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.14.0.14', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          silent.closeAllConnections();
          silent.close(() => resolve());
        }),
    );
    const { port } = silent.address() as AddressInfo;
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: plant-c, name: Plant C, timezone: Europe/Berlin }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: gw, name: Gateway, type: switch, probe: { kind: tcp, host: 127.14.0.14, port: ${port} } }
otlp: { endpoint: "http://127.14.0.14:${port}/v1/metrics" }
`,
    );
    const services = await startLinewatchServices({
      dataDir: join(temp.dir, 'data'),
      configPath,
      host: 'headless',
      appVersion: 'test',
    });
    const started = Date.now();
    await services.stop();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
