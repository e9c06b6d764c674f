// Issue acceptance, live: 1 s interval on loopback. A TCP device stopped for about 7 s yields
// exactly one outage as long as the stop, rounded out to check instants (6-8 s on an idle machine);
// detected at the second failed check; an HTTP endpoint whose expected text never matches is never
// up; ICMP to 127.0.0.1 has no failures.
//
// Bounds come from the spec's rules, not from a fixed margin: an outage starts at the first failed
// check and ends at the first good one, so each end lies after the device event by at most the
// distance to the next check. Checks are due one interval apart and start late by the scheduler's
// lag, which the engine measures itself (`getEngineStatus`); a check skipped because the previous
// one was still running adds an interval. On a loaded machine the lag grows, and so may the bound.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import type { Caller, EndpointLive, EventName, EventPayload } from '@src/shared/contract';
import { startSimulatedDevice } from '@src/main/demo/simulated-device';
import { loadConfigFile } from '@src/main/config';
import { buildReport } from '@src/main/kpi';
import { openStore } from '@src/main/store';
import { makeTempDir } from '../support/temp-store';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const INTERVAL_MS = 1000;
const DOWN_AFTER = 2;
/** How long the device stays off: the fault under test, not a wait for the engine. */
const STOP_MS = 7000;
/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 20_000 };
/** The test reads only: a caller that may not change anything. */
const READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };

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
defaults: { interval: ${INTERVAL_MS}ms, timeout: 500ms, down_after: ${DOWN_AFTER}, up_after: 2 }
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
    const monitoringFrom = Date.now();
    const services = await startLinewatchServices({
      dataDir,
      configPath,
      host: 'headless',
      appVersion: 'test',
    });
    // Every gw check the engine reports live (each check changes lastCheckAt).
    const gwCheckTimes = new Set<string>();
    services.subscribe({
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        if (event !== 'endpointStates') return;
        for (const state of (payload as { states: EndpointLive[] }).states) {
          if (state.id === 'gw' && state.lastCheckAt) gwCheckTimes.add(state.lastCheckAt);
        }
      },
    });
    const live = async (id: string): Promise<EndpointLive | undefined> =>
      (await services.handlers.getWallSnapshot({}, READER)).states.find((s) => s.id === id);
    // The scheduler keeps its largest lag over the last minute: sample it throughout the run.
    let maxLagMs = 0;
    let skippedBusy = 0;
    const sampleEngine = async (): Promise<void> => {
      const status = await services.handlers.getEngineStatus({}, READER);
      maxLagMs = Math.max(maxLagMs, status.schedulerMaxLagMs);
      skippedBusy = Math.max(skippedBusy, status.skippedBusy);
    };
    const sampler = setInterval(() => void sampleEngine(), 250);
    try {
      await expect.poll(async () => (await live('plc'))?.state, POLL).toBe('up');
      await expect.poll(async () => (await live('hmi'))?.state, POLL).toBe('down');
      const stoppedAt = Date.now();
      await plc.stop();
      const stopDoneAt = Date.now();
      await sleep(STOP_MS);
      const restartedAt = Date.now();
      await plc.start();
      const restartDoneAt = Date.now();
      // Up again from a check after the restart: the outage has been closed by the engine.
      await expect
        .poll(async () => {
          const plcLive = await live('plc');
          return plcLive?.state === 'up' && Date.parse(plcLive.since ?? '') >= restartedAt;
        }, POLL)
        .toBe(true);
      await expect.poll(() => gwCheckTimes.size, POLL).toBeGreaterThan(10);
      clearInterval(sampler);
      await sampleEngine();
      await services.stop();

      // After any instant the next check starts within one interval plus the measured lag (plus an
      // interval for each check skipped as busy), so each end of the outage lies within that of
      // the device event that caused it.
      const nextCheckWithinMs = INTERVAL_MS * (1 + skippedBusy) + maxLagMs;
      const context = `scheduler lag ${maxLagMs} ms, ${skippedBusy} skipped; next check within ${nextCheckWithinMs} ms`;

      const store = openStore(dataDir);
      const outages = store.outages.overlapping(0, Date.now() + 1);
      const plcOutages = outages.filter((o) => o.endpointId === 'plc');
      expect(plcOutages).toHaveLength(1);
      const [outage] = plcOutages;
      if (!outage?.endedAt) throw new Error('the PLC outage did not end');
      // Start: the first failed check after the stop.
      expect(outage.startedAt - stopDoneAt, context).toBeLessThanOrEqual(nextCheckWithinMs);
      // End: the first good check after the restart.
      expect(outage.endedAt).toBeGreaterThanOrEqual(restartedAt - 100);
      expect(outage.endedAt - restartDoneAt, context).toBeLessThanOrEqual(nextCheckWithinMs);
      // So the duration is the measured stop, rounded out to check instants.
      const durationMs = outage.endedAt - outage.startedAt;
      expect(durationMs, context).toBeGreaterThanOrEqual(restartedAt - stopDoneAt - nextCheckWithinMs);
      expect(durationMs, context).toBeLessThanOrEqual(restartDoneAt - stoppedAt + nextCheckWithinMs);
      // Detected at the down_after-th failed check: that many check distances after the stop.
      expect(outage.detectedAt - stopDoneAt, context).toBeLessThanOrEqual(DOWN_AFTER * nextCheckWithinMs);
      expect(outage.detectedAt).toBeGreaterThan(outage.startedAt);

      expect(store.stateChanges.listForEndpoint('hmi').map((c) => c.state)).toEqual(['down']);
      const gwChecks = store.checks.listForEndpoint('gw', 0, Date.now() + 1);
      expect(gwChecks.length).toBeGreaterThan(10);
      expect(gwChecks.every((c) => c.ok)).toBe(true);
      expect(outages.filter((o) => o.endpointId === 'gw')).toEqual([]);

      // And the report shows all of it afterwards.
      const loaded = loadConfigFile(configPath);
      if (!loaded.ok) throw new Error('config did not load');
      const report = buildReport(store, loaded.config, {
        fromMs: monitoringFrom,
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
      clearInterval(sampler);
      await services.stop();
      await plc.stop();
      await hmi.stop();
      temp.remove();
    }
  }, 90_000);
});
