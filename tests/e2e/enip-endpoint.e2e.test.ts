// End to end (issue 13): the built `linewatch serve` monitors a loopback EtherNet/IP drive. A major
// fault reads "reports a major fault" on its tile (not "unreachable"); the endpoint page shows the
// Device block (vendor, product, firmware, short serial hash, source, since), a minor fault's note,
// and "identity changed" with the old device after a swap. Screenshots of the endpoint page at
// 1080p and 4K go to docs/screenshots/. Address 127.0.45.4 is this file's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SIMULATED_DRIVE_IDENTITY,
  startSimulatedEnipDevice,
  type SimulatedEnipDevice,
} from '@src/main/demo/simulated-enip-device';
import { hashSerial } from '@src/main/probes/enip/serial-hash';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { aConfig, aLine, anEndpoint, configYaml, enip } from '../support/config-builders';
import { declineTelemetryIfAsked } from '../support/first-run';
import { ifAssigned } from '../support/if-assigned';
import { screenshotAtWallSizes } from '../support/screenshots';
import { makeTempDir } from '../support/temp-store';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 30_000 };
const SITE = 'enip-plant';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

describe.skipIf(missing !== null)('an EtherNet/IP drive against linewatch serve', () => {
  const temp = makeTempDir('e2e-enip');
  let drive: SimulatedEnipDevice;
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    drive = await startSimulatedEnipDevice({ host: '127.0.45.4' });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      configYaml(
        aConfig({
          site: { id: SITE, name: 'EtherNet/IP Plant', timezone: 'Europe/Berlin' },
          lines: [
            aLine(
              'paint-3',
              [
                anEndpoint('paint3-drive', {
                  intervalMs: 500,
                  timeoutMs: 300,
                  name: 'Paint 3 conveyor drive',
                  type: 'other',
                  critical: true,
                  probe: enip(drive.host, drive.port, SITE),
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
    await ifAssigned(drive)?.stop();
    temp.remove();
  });

  it('shows a major fault on the tile, and the device, its note and a swap on the endpoint page', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}#/wall`);
    await declineTelemetryIfAsked(page, 'article[data-endpoint-id]', { timeoutMs: POLL.timeout });
    const tile = page.locator('article[data-endpoint-id="paint3-drive"]');
    await expect.poll(() => tile.getAttribute('data-state'), POLL).toBe('up');

    drive.setCondition('major_fault');
    await expect.poll(() => tile.getAttribute('data-failure-kind'), POLL).toBe('device_fault');
    const tileText = await tile.innerText();
    expect(tileText).toContain('⊘');
    expect(tileText).toContain('Device reports a major fault');
    expect(tileText).toContain('major recoverable fault');
    expect(await tile.locator('.tile__cause--answer').count()).toBe(1);
    await page.screenshot({ path: 'docs/screenshots/wall-enip-major-fault-1080p.png' });

    drive.setCondition('minor_fault');
    await expect.poll(() => tile.getAttribute('data-state'), POLL).toBe('up');
    const firstSerial = hashSerial(SIMULATED_DRIVE_IDENTITY.serial, SITE);
    await page.goto(`${cli.url}#/endpoint/paint3-drive`);
    const device = page.locator('section.op-device');
    await expect.poll(() => device.innerText(), POLL).toContain('minor recoverable fault');
    const text = await device.innerText();
    expect(text).toContain('Rockwell Automation/Allen-Bradley');
    expect(text).toContain('SIM-DRIVE 755');
    expect(text).toContain('rev 10.1');
    expect(text).toContain(firstSerial.slice(0, 8));
    expect(text).not.toContain(SIMULATED_DRIVE_IDENTITY.serial);
    expect(text).toContain('EtherNet/IP List Identity');

    // A swapped drive, still with its minor fault: the page reloads its detail every 30 s; a reload
    // shows it sooner.
    drive.setIdentity({ ...SIMULATED_DRIVE_IDENTITY, revision: '11.2', serial: '0000BEEF' });
    await expect
      .poll(async () => {
        await page.reload();
        return device.innerText().catch(() => '');
      }, POLL)
      .toContain('Identity changed');
    const swapped = await device.innerText();
    expect(swapped).toContain(`was SIM-DRIVE 755 rev 10.1 (serial #${firstSerial.slice(0, 8)})`);
    expect(swapped).toContain('rev 11.2');
    expect(swapped).toContain('minor recoverable fault (status word 0x0105) (the device counts as up)');
    await screenshotAtWallSizes(page, 'endpoint-enip-device');
    await page.close();
  });
});
