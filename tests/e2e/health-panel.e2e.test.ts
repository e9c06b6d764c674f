// End to end for Linewatch's own health against the built `linewatch serve`: `GET /healthz`
// answers JSON quickly, the header chip opens the "Linewatch itself" panel, and (as root, with the
// data folder on a 4 MB tmpfs) a full disk puts the system alarm banner on the wall and /healthz to
// 503, both clearing when space returns. Screenshots at 1080p and 4K go to docs/screenshots/.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { ifAssigned } from '../support/if-assigned';
import { screenshotAtWallSizes } from '../support/screenshots';
import { fillUp, mountTinyTmpfs, unmount } from '../support/tiny-disk';
import { makeTempDir } from '../support/temp-store';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);
/** The service re-judges every 5 s; this is only how long a stuck run may take. */
const POLL = { timeout: 40_000, interval: 250 };

async function healthz(url: string): Promise<{ status: number; body: { status: string }; ms: number }> {
  const started = performance.now();
  const response = await fetch(new URL('/healthz', url));
  const body = (await response.json()) as { status: string };
  return { status: response.status, body, ms: performance.now() - started };
}

describe.skipIf(missing !== null)('Linewatch itself: /healthz, chip, panel and system alarms', () => {
  const temp = makeTempDir('e2e-health');
  const dataDir = join(temp.dir, 'data');
  let mountSkip: string | null = 'not mounted yet';
  let device: SimulatedDevice;
  let cli: RunningCli;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(dataDir);
    mountSkip = mountTinyTmpfs(dataDir, '4m');
    if (mountSkip) console.warn(`${mountSkip}: the full-disk part is skipped`);
    device = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.214' });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: e2e-health, name: Health Plant, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: press1-plc, name: Press 1 PLC, type: plc, probe: { kind: tcp, host: ${device.host}, port: ${device.port} } }
`,
    );
    cli = await startCli(['serve', '--config', configPath, '--data', dataDir, '--port', '0']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(cli.url);
    await page.locator('.consent-secondary, [data-endpoint-id]').first().waitFor({ timeout: 30_000 });
    if ((await page.locator('.consent-secondary').count()) > 0)
      await page.locator('.consent-secondary').click();
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(device)?.stop();
    if (mountSkip === null) unmount(dataDir);
    temp.remove();
  });

  it('answers /healthz with JSON in well under 100 ms and shows every check on the panel', async () => {
    const first = await healthz(cli.url);
    expect(first.status).toBe(200);
    expect(['ok', 'degraded']).toContain(first.body.status);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) times.push((await healthz(cli.url)).ms);
    expect(Math.max(...times)).toBeLessThan(100);

    const chip = page.locator('[data-chip="self-health"]');
    await chip.waitFor({ timeout: 30_000 });
    expect(await chip.innerText()).toMatch(/LINEWATCH (OK|DEGRADED)/);
    await chip.click();
    const panel = page.locator('[data-panel="self-health"]');
    await panel.waitFor();
    await expect.poll(() => panel.locator('[data-check]').count()).toBe(8);
    expect(await panel.locator('[data-check="database"]').innerText()).toMatch(
      /OK[\s\S]*Database[\s\S]*writable/,
    );
    await expect
      .poll(() => page.locator('[data-endpoint-id="press1-plc"]').first().getAttribute('data-state'), POLL)
      .toBe('up');
    await screenshotAtWallSizes(page, 'self-health-panel');
  });

  it('puts a full disk on the wall as a system alarm and clears it when space returns', async (context) => {
    if (mountSkip !== null) context.skip();
    const filler = join(dataDir, 'filler.bin');
    fillUp(filler);
    const banner = page.locator('[data-banner="system-alarms"]');
    await expect.poll(() => banner.locator('[data-system-alarm]').count(), POLL).toBe(2);
    expect(await banner.innerText()).toMatch(/Linewatch cannot write to its database/);
    expect(await banner.innerText()).toMatch(/Disk almost full/);
    expect(await page.locator('[data-chip="self-health"]').getAttribute('data-status')).toBe('failing');
    const failing = await healthz(cli.url);
    expect(failing.status).toBe(503);
    expect(failing.body.status).toBe('failing');
    await screenshotAtWallSizes(page, 'self-health-system-alarm');
    // The engine kept running the whole time.
    expect(cli.child.exitCode).toBeNull();

    rmSync(filler);
    await expect.poll(() => banner.count(), POLL).toBe(0);
    expect((await healthz(cli.url)).status).toBe(200);
  });
});
