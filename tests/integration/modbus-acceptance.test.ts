// Issue 13 acceptance for Modbus, live, through the real services (config file, scheduler, probe,
// monitor, SQLite store, contract handlers): a loopback PLC answers holding register 0, then
// answers every read with exception 0x0B. The endpoint goes down with kind `protocol` and the
// exception named in the outage's cause, and comes back up when the PLC answers again. Address
// 127.13.0.2 is this file's.
import { describe, expect, it } from 'vitest';
import { startSimulatedModbusDevice } from '@src/main/demo/simulated-modbus-device';
import { anEndpoint, modbus } from '../support/config-builders';
import { oneLineConfig, useLivePlants } from '../support/live-plant';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 20_000 };
const EXCEPTION = 'Modbus exception 0x0B: gateway target failed to respond';

describe('modbus endpoint through the monitor', () => {
  const livePlant = useLivePlants('modbus-live');

  it('goes down with kind protocol and the exception named, and comes back up', async () => {
    const plant = livePlant();
    const device = plant.adopt(await startSimulatedModbusDevice({ host: '127.13.0.2' }));
    device.setRegister(0, 42);
    await plant.start(
      oneLineConfig(
        { siteId: 'live', lineId: 'press-1', lineName: 'Press line 1', intervalMs: 500, timeoutMs: 400 },
        [
          anEndpoint('press1-plc', {
            name: 'Press 1 PLC',
            type: 'plc',
            probe: modbus(device.host, device.port),
          }),
        ],
      ),
    );
    const live = () => plant.live('press1-plc');

    await expect.poll(async () => (await live())?.state, POLL).toBe('up');
    device.behave({ kind: 'exception', code: 0x0b });
    await expect.poll(async () => (await live())?.state, POLL).toBe('down');
    expect(await live()).toMatchObject({ lastFailureKind: 'protocol', lastError: EXCEPTION });

    // The outage log (the contract handler) carries the cause.
    const outages = await plant.outages();
    expect(outages).toHaveLength(1);
    expect(outages[0]).toMatchObject({ failureKind: 'protocol', failureMessage: EXCEPTION, endedAt: null });

    const answeredAgainAt = Date.now();
    device.behave({ kind: 'answer' });
    await expect.poll(() => plant.upSince('press1-plc', answeredAgainAt), POLL).toBe(true);
    // One connection served every check, exceptions included: the PLC was not hammered.
    expect(device.openConnections()).toBe(1);
    await plant.services.stop();
    // Shutdown closes the kept connection.
    await expect.poll(() => device.openConnections(), POLL).toBe(0);

    plant.withStore((store) => {
      const [outage, ...more] = store.outages.overlapping(0, Date.now() + 1);
      expect(more).toEqual([]);
      expect(outage).toMatchObject({
        endpointId: 'press1-plc',
        failureKind: 'protocol',
        failureMessage: EXCEPTION,
      });
      expect(outage?.endedAt).toBeGreaterThanOrEqual(answeredAgainAt - 100);
      expect(plant.reportOf(store).outages).toMatchObject([
        { endpoint: 'press1-plc', failure_kind: 'protocol', failure_message: EXCEPTION },
      ]);
    });
  }, 90_000);
});
