// End to end (issue 13): the built `linewatch serve` monitors a loopback OPC UA server and a plain
// TCP device; when the server goes Suspended and the TCP device is gone, the wall in Chromium tells
// the two apart in words and icon ("OPC UA: Suspended" against "Connection refused"), and the
// outage log leads with the cause. Screenshots at 1080p and 4K go to docs/screenshots/.
// Addresses 127.0.46.5-6 are this file's.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServerState } from 'node-opcua-client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { aConfig, aLine, anEndpoint, configYaml, opcua, tcp } from '../support/config-builders';
import { declineTelemetryIfAsked } from '../support/first-run';
import { ifAssigned } from '../support/if-assigned';
import { startOpcuaServer, type TestOpcuaServer } from '../support/opcua-server';
import { makeTempDir } from '../support/temp-store';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 30_000 };

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

describe.skipIf(missing !== null)('an OPC UA server Suspended on the wall against linewatch serve', () => {
  const temp = makeTempDir('e2e-opcua');
  let server: TestOpcuaServer;
  let robot: SimulatedDevice;
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    server = await startOpcuaServer({ host: '127.0.46.5', dataDir: join(temp.dir, 'server') });
    robot = await startSimulatedDevice({ kind: 'tcp', host: '127.0.46.6' });
    const fast = { intervalMs: 1000, timeoutMs: 900 };
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      configYaml(
        aConfig({
          site: { id: 'opcua-plant', name: 'OPC UA Plant', timezone: 'Europe/Berlin' },
          lines: [
            aLine(
              'weld-2',
              [
                anEndpoint('weld2-opcua', {
                  ...fast,
                  name: 'Weld 2 OPC UA server',
                  type: 'server',
                  critical: true,
                  probe: opcua(server.url),
                }),
                anEndpoint('weld2-robot', {
                  ...fast,
                  name: 'Weld 2 robot A',
                  type: 'robot',
                  probe: tcp(robot.host, robot.port),
                }),
              ],
              { name: 'Body shop welding 2', downtimeCostPerMinute: 1200 },
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
    await ifAssigned(server)?.stop();
    await ifAssigned(robot)?.stop();
    temp.remove();
  });

  it('shows "OPC UA: Suspended", distinct from a refused device, on tiles and in the outage log', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}#/wall`);
    await declineTelemetryIfAsked(page, 'article[data-endpoint-id]', { timeoutMs: POLL.timeout });
    const serverTile = page.locator('article[data-endpoint-id="weld2-opcua"]');
    const robotTile = page.locator('article[data-endpoint-id="weld2-robot"]');
    await expect.poll(() => serverTile.getAttribute('data-state'), POLL).toBe('up');
    await expect.poll(() => robotTile.getAttribute('data-state'), POLL).toBe('up');

    server.setState(ServerState.Suspended);
    await robot.stop();
    await expect.poll(() => serverTile.getAttribute('data-failure-kind'), POLL).toBe('server_state');
    await expect.poll(() => robotTile.getAttribute('data-failure-kind'), POLL).toBe('refused');
    const serverText = await serverTile.innerText();
    expect(serverText).toMatch(/DOWN/);
    expect(serverText).toContain('‖');
    expect(serverText).toContain('Server not running');
    expect(serverText).toContain('OPC UA: Suspended');
    const robotText = await robotTile.innerText();
    expect(robotText).toContain('Connection refused');
    expect(robotText).not.toContain('OPC UA');
    // The band that marks "answers wrongly" is on the OPC UA server only.
    expect(await serverTile.locator('.tile__cause--answer').count()).toBe(1);
    expect(await robotTile.locator('.tile__cause--answer').count()).toBe(0);
    await screenshot(page, 'wall-opcua-suspended-1080p');
    await page.setViewportSize({ width: 3840, height: 2160 });
    await screenshot(page, 'wall-opcua-suspended-4k');

    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${cli.url}#/outages`);
    const serverRow = page.locator('tr', { hasText: 'Weld 2 OPC UA server' });
    await expect.poll(() => serverRow.innerText(), POLL).toContain('Server not running: OPC UA: Suspended');
    await page.close();
  });
});
