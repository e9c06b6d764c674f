// Issue acceptance, live: 1 s interval on loopback. A TCP device stopped for about 7 s yields
// exactly one outage of 6-8 s, detected within 3.5 s of the stop; an HTTP endpoint whose expected
// text never matches is never up; ICMP to 127.0.0.1 has no failures.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLinewatchServices } from '../../src/main/app/services';
import { startSimulatedDevice } from '../../src/main/demo/simulated-device';
import { loadConfigFile } from '../../src/main/config';
import { buildReport } from '../../src/main/kpi';
import { openStore } from '../../src/main/store';
import { makeTempDir } from '../support/temp-dir';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('live monitoring on loopback', () => {
  it('detects and records a 7 s TCP outage, a wrong-text HTTP endpoint and a healthy ICMP host', async () => {
    const temp = makeTempDir('live');
    const plc = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.90' });
    const hmi = await startSimulatedDevice({ kind: 'http', host: '127.0.0.91', healthyText: 'DEGRADED' });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: live, name: Live, timezone: Europe/Berlin }
defaults: { interval: 1s, timeout: 500ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: plc, name: PLC, type: plc, probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} } }
      - { id: hmi, name: HMI, type: hmi, probe: { kind: http, url: "http://${hmi.host}:${hmi.port}/", expect_text: "OK" } }
      - { id: gw, name: Gateway, type: switch, probe: { kind: icmp, host: 127.0.0.1 } }
`,
    );
    const dataDir = join(temp.dir, 'data');
    const services = await startLinewatchServices({
      dataDir,
      configPath,
      host: 'headless',
      appVersion: 'test',
    });
    try {
      await sleep(4000);
      const stoppedAt = Date.now();
      await plc.stop();
      await sleep(7000);
      const restartedAt = Date.now();
      await plc.start();
      await sleep(4000);
      await services.stop();

      const store = openStore(dataDir);
      const outages = store.outages.overlapping(0, Date.now() + 1);
      const plcOutages = outages.filter((o) => o.endpointId === 'plc');
      expect(plcOutages).toHaveLength(1);
      const [outage] = plcOutages;
      if (!outage?.endedAt) throw new Error('the PLC outage did not end');
      const durationS = (outage.endedAt - outage.startedAt) / 1000;
      expect(durationS).toBeGreaterThanOrEqual(6);
      expect(durationS).toBeLessThanOrEqual(8);
      expect(outage.detectedAt - stoppedAt).toBeLessThanOrEqual(3500);
      expect(outage.endedAt).toBeGreaterThanOrEqual(restartedAt - 100);

      expect(store.stateChanges.listForEndpoint('hmi').map((c) => c.state)).toEqual(['down']);
      const gwChecks = store.checks.listForEndpoint('gw', 0, Date.now() + 1);
      expect(gwChecks.length).toBeGreaterThan(10);
      expect(gwChecks.every((c) => c.ok)).toBe(true);
      expect(outages.filter((o) => o.endpointId === 'gw')).toEqual([]);

      // And the report shows all of it afterwards.
      const loaded = loadConfigFile(configPath);
      if (!loaded.ok) throw new Error('config did not load');
      const report = buildReport(store, loaded.config, {
        fromMs: stoppedAt - 4000,
        toMs: Date.now(),
        nowMs: Date.now(),
      });
      const figures = new Map(report.endpoints.map((e) => [e.id, e]));
      expect(figures.get('hmi')?.availability).toBe(0);
      expect(figures.get('gw')).toMatchObject({ availability: 1, failures: 0 });
      expect(figures.get('plc')?.failures).toBe(1);
      expect(report.outages.filter((o) => o.endpoint === 'plc')).toHaveLength(1);
      store.close();
    } finally {
      await services.stop();
      await plc.stop();
      await hmi.stop();
      temp.remove();
    }
  }, 30_000);
});
