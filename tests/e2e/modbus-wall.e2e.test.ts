// End to end (issue 13): the built `linewatch serve` monitors a loopback Modbus PLC and a plain TCP
// device; when the PLC answers with exception 0x0B and the TCP device is gone, the wall in Chromium
// tells the two apart in words and icon, and the outage log leads with the cause. Screenshots at
// 1080p and 4K go to docs/screenshots/. Addresses 127.13.0.5-6 are this file's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import {
  startSimulatedModbusDevice,
  type SimulatedModbusDevice,
} from '@src/main/demo/simulated-modbus-device';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { aConfig, aLine, anEndpoint, configYaml, modbus, tcp } from '../support/config-builders';
import { declineTelemetryIfAsked } from '../support/first-run';
import { ifAssigned } from '../support/if-assigned';
import { screenshotAtWallSizes } from '../support/screenshots';
import { makeTempDir } from '../support/temp-store';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 30_000 };

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

describe.skipIf(missing !== null)('a Modbus exception on the wall against linewatch serve', () => {
  const temp = makeTempDir('e2e-modbus');
  let plc: SimulatedModbusDevice;
  let robot: SimulatedDevice;
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    plc = await startSimulatedModbusDevice({ host: '127.13.0.5' });
    robot = await startSimulatedDevice({ kind: 'tcp', host: '127.13.0.6' });
    const fast = { intervalMs: 500, timeoutMs: 300 };
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      configYaml(
        aConfig({
          site: { id: 'modbus-plant', name: 'Modbus Plant', timezone: 'Europe/Berlin' },
          lines: [
            aLine(
              'paint-3',
              [
                anEndpoint('paint3-plc', {
                  ...fast,
                  name: 'Paint 3 PLC',
                  type: 'plc',
                  critical: true,
                  probe: modbus(plc.host, plc.port),
                }),
                anEndpoint('paint3-robot', {
                  ...fast,
                  name: 'Paint 3 robot',
                  type: 'robot',
                  probe: tcp(robot.host, robot.port),
                }),
              ],
              { name: 'Paint shop 3', downtimeCostPerMinute: 600 },
            ),
          ],
        }),
      ),
    );
    cli = await startCli(['serve', '--config', configPath, '--data', join(temp.dir, 'data'), '--port', '0']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(plc)?.stop();
    await ifAssigned(robot)?.stop();
    temp.remove();
  });

  it('shows "PLC answers with an exception", distinct from a refused device, on tiles and in the outage log', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}#/wall`);
    await declineTelemetryIfAsked(page, 'article[data-endpoint-id]', { timeoutMs: POLL.timeout });
    const plcTile = page.locator('article[data-endpoint-id="paint3-plc"]');
    const robotTile = page.locator('article[data-endpoint-id="paint3-robot"]');
    await expect.poll(() => plcTile.getAttribute('data-state'), POLL).toBe('up');
    await expect.poll(() => robotTile.getAttribute('data-state'), POLL).toBe('up');

    plc.behave({ kind: 'exception', code: 0x0b });
    await robot.stop();
    await expect.poll(() => plcTile.getAttribute('data-failure-kind'), POLL).toBe('protocol');
    await expect.poll(() => robotTile.getAttribute('data-failure-kind'), POLL).toBe('refused');
    const plcText = await plcTile.innerText();
    expect(plcText).toMatch(/DOWN/);
    expect(plcText).toContain('⚠');
    expect(plcText).toContain('PLC answers with an exception');
    expect(plcText).toContain('Modbus exception 0x0B: gateway target failed to respond');
    const robotText = await robotTile.innerText();
    expect(robotText).toContain('Connection refused');
    expect(robotText).not.toContain('exception');
    // The band that marks "answers wrongly" is on the PLC only.
    expect(await plcTile.locator('.tile__cause--answer').count()).toBe(1);
    expect(await robotTile.locator('.tile__cause--answer').count()).toBe(0);
    await screenshotAtWallSizes(page, 'wall-modbus-exception');

    await page.goto(`${cli.url}#/outages`);
    const plcRow = page.locator('tr', { hasText: 'Paint 3 PLC' });
    await expect
      .poll(() => plcRow.innerText(), POLL)
      .toContain('PLC answers with an exception: Modbus exception 0x0B: gateway target failed to respond');

    // The overview's chips tell the two apart too: the PLC's carries the cause's icon and mark.
    await page.goto(`${cli.url}#/overview`);
    const plcChip = page.locator('.chip[data-endpoint-id="paint3-plc"]');
    const robotChip = page.locator('.chip[data-endpoint-id="paint3-robot"]');
    await expect.poll(() => plcChip.getAttribute('data-failure-kind'), POLL).toBe('protocol');
    expect(await plcChip.getAttribute('aria-label')).toContain('PLC answers with an exception');
    expect(await plcChip.locator('.chip__icon').innerText()).toBe('⚠');
    expect(await plcChip.getAttribute('class')).toContain('chip--answer');
    expect(await robotChip.getAttribute('data-failure-kind')).toBe('refused');
    expect(await robotChip.getAttribute('class')).not.toContain('chip--answer');
    await screenshotAtWallSizes(page, 'overview-modbus-exception');
    await page.close();
  });
});
