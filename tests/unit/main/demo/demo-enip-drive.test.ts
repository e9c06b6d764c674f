// The demo plant's EtherNet/IP drive (issue 13): it answers List Identity, and in its scripted
// fault window reports a major fault, so the wall shows "major fault", not "unreachable".
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import { startDemoPlant, type DemoPlant } from '@src/main/demo/demo-plant';
import { createProbeRunner } from '@src/main/probes/run-probe';
import type { ProbeConfig } from '@src/main/config';

let plant: DemoPlant | null = null;
afterEach(async () => {
  await plant?.stop();
  plant = null;
});

describe('the demo plant’s EtherNet/IP drive', () => {
  it('is up with its identity, and down with device_fault in its fault window', async () => {
    const clock = new ManualClock(Date.parse('2026-01-05T06:00:00Z'));
    plant = await startDemoPlant(clock);
    const endpoint = plant.config.lines
      .flatMap((l) => l.endpoints)
      .find((e) => e.id === 'paint3-conveyor-drive');
    expect(endpoint?.probe.kind).toBe('enip');
    const probe = endpoint?.probe as ProbeConfig;
    const run = createProbeRunner({ icmpBackend: 'ping' });

    clock.advance(5_000);
    expect(await run(probe, 5_000)).toMatchObject({
      ok: true,
      identity: { source: 'enip', product: 'SIM-DRIVE 755', firmware: 'rev 10.1' },
    });
    // The script's fault window opens 70 s in and lasts 30 s.
    clock.advance(70_000);
    expect(await run(probe, 5_000)).toMatchObject({
      ok: false,
      kind: 'device_fault',
      message: expect.stringContaining('major recoverable fault') as unknown,
    });
    clock.advance(30_000);
    expect(await run(probe, 5_000)).toMatchObject({ ok: true });
    await run.closeConnections?.();
  });
});
