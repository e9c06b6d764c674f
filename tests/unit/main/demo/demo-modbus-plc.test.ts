// The demo plant's Modbus PLC (issue 13): its counter register counts, and in its scripted fault
// window it answers with exception 0x0B, so the wall shows a protocol failure, not "unreachable".
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import { startDemoPlant, type DemoPlant } from '@src/main/demo/demo-plant';
import { createModbusProbe } from '@src/main/probes/modbus-probe';
import type { ModbusProbeConfig } from '@src/main/config';

let plant: DemoPlant | null = null;
const probe = createModbusProbe();
afterEach(async () => {
  probe.close();
  await plant?.stop();
  plant = null;
});

describe('the demo plant’s Modbus PLC', () => {
  it('counts in holding register 0, and answers with an exception in its fault window', async () => {
    const clock = new ManualClock(Date.parse('2026-01-05T06:00:00Z'));
    plant = await startDemoPlant(clock);
    const endpoint = plant.config.lines.flatMap((l) => l.endpoints).find((e) => e.id === 'paint3-plc');
    expect(endpoint?.probe.kind).toBe('modbus');
    const config = endpoint?.probe as ModbusProbeConfig;

    clock.advance(5_000);
    expect(await probe.check({ ...config, expect: { equals: 5 } }, 5_000)).toMatchObject({ ok: true });
    clock.advance(3_000);
    expect(await probe.check({ ...config, expect: { equals: 8 } }, 5_000)).toMatchObject({ ok: true });

    // The script's fault window opens 40 s in.
    clock.advance(35_000);
    expect(await probe.check(config, 5_000)).toMatchObject({
      ok: false,
      kind: 'protocol',
      message: 'Modbus exception 0x0B: gateway target failed to respond',
    });
    clock.advance(20_000);
    expect(await probe.check(config, 5_000)).toMatchObject({ ok: true });
  });
});
