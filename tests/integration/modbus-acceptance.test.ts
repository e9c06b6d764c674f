// Issue 13 acceptance for Modbus, live, through the real services (config file, scheduler, probe,
// monitor, SQLite store, contract handlers): a loopback PLC answers holding register 0, then
// answers every read with exception 0x0B. The endpoint goes down with kind `protocol` and the
// exception named in the outage's cause, and comes back up when the PLC answers again. Address
// 127.13.0.2 is this file's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import type { Caller } from '@src/shared/contract';
import { startSimulatedModbusDevice } from '@src/main/demo/simulated-modbus-device';
import { loadConfigFile } from '@src/main/config';
import { buildReport } from '@src/main/kpi';
import { openStore } from '@src/main/store';
import { makeTempDir } from '../support/temp-store';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 20_000 };
const READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };
const EXCEPTION = 'Modbus exception 0x0B: gateway target failed to respond';

describe('modbus endpoint through the monitor', () => {
  it('goes down with kind protocol and the exception named, and comes back up', async () => {
    const temp = makeTempDir('modbus-live');
    const device = await startSimulatedModbusDevice({ host: '127.13.0.2' });
    device.setRegister(0, 42);
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: live, name: Live, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 400ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - id: press1-plc
        name: Press 1 PLC
        type: plc
        probe: { kind: modbus, host: ${device.host}, port: ${device.port}, unit_id: 1, read: { function: holding_registers, address: 0, count: 1 } }
`,
    );
    const dataDir = join(temp.dir, 'data');
    const from = Date.now();
    const services = await startLinewatchServices({
      dataDir,
      configPath,
      host: 'headless',
      appVersion: 'test',
    });
    const live = async () =>
      (await services.handlers.getWallSnapshot({}, READER)).states.find((s) => s.id === 'press1-plc');
    try {
      await expect.poll(async () => (await live())?.state, POLL).toBe('up');
      device.behave({ kind: 'exception', code: 0x0b });
      await expect.poll(async () => (await live())?.state, POLL).toBe('down');
      expect(await live()).toMatchObject({ lastFailureKind: 'protocol', lastError: EXCEPTION });

      // The outage log (the contract handler) carries the cause.
      // Handlers take the request as dispatch hands it over: times in epoch ms.
      const { outages } = await services.handlers.listOutages(
        { from: from - 1000, to: Date.now() + 1000, limit: 10 },
        READER,
      );
      expect(outages).toHaveLength(1);
      expect(outages[0]).toMatchObject({ failureKind: 'protocol', failureMessage: EXCEPTION, endedAt: null });

      const answeredAgainAt = Date.now();
      device.behave({ kind: 'answer' });
      await expect
        .poll(async () => {
          const state = await live();
          return state?.state === 'up' && Date.parse(state.since ?? '') >= answeredAgainAt;
        }, POLL)
        .toBe(true);
      // One connection served every check, exceptions included: the PLC was not hammered.
      expect(device.openConnections()).toBe(1);
      await services.stop();
      // Shutdown closes the kept connection.
      await expect.poll(() => device.openConnections(), POLL).toBe(0);

      const store = openStore(dataDir);
      try {
        const [outage, ...more] = store.outages.overlapping(0, Date.now() + 1);
        expect(more).toEqual([]);
        expect(outage).toMatchObject({
          endpointId: 'press1-plc',
          failureKind: 'protocol',
          failureMessage: EXCEPTION,
        });
        expect(outage?.endedAt).toBeGreaterThanOrEqual(answeredAgainAt - 100);
        const loaded = loadConfigFile(configPath);
        if (!loaded.ok) throw new Error('config did not load');
        const report = buildReport(store, loaded.config, {
          fromMs: from,
          toMs: Date.now(),
          nowMs: Date.now(),
        });
        expect(report.outages).toMatchObject([
          { endpoint: 'press1-plc', failure_kind: 'protocol', failure_message: EXCEPTION },
        ]);
      } finally {
        store.close();
      }
    } finally {
      await services.stop();
      await device.stop();
      temp.remove();
    }
  }, 90_000);
});
