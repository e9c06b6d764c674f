// End to end: the built `linewatch serve` on a small config, the dashboard in headless Chromium,
// a tile that turns down when its loopback device stops and up when it returns.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@src/main/store';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { startSmallPlant, type SmallPlant } from '../support/small-plant';
import { declineTelemetryIfAsked } from '../support/first-run';
import { ifAssigned } from '../support/if-assigned';
import { makeTempDir } from '../support/temp-store';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 30_000 };

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

describe.skipIf(missing !== null)('wall in a real browser against linewatch serve', () => {
  const temp = makeTempDir('e2e');
  const dataDir = join(temp.dir, 'data');
  let plant: SmallPlant;
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    plant = await startSmallPlant(temp.dir, 80);
    cli = await startCli(['serve', '--config', plant.configPath, '--data', dataDir, '--port', '0']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(plant)?.stop();
    temp.remove();
  });

  it('shows every endpoint, turns a tile down when its device stops and up when it returns', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(cli.url);
    await declineTelemetryIfAsked(page, '[data-endpoint-id]', { timeoutMs: POLL.timeout });
    const plc = page.locator('[data-endpoint-id="press1-plc"]');
    await expect.poll(() => page.locator('[data-endpoint-id]').count(), POLL).toBe(2);
    await expect.poll(() => plc.getAttribute('data-state'), POLL).toBe('up');

    await plant.plc.stop();
    await expect.poll(() => plc.getAttribute('data-state'), POLL).toBe('down');
    await expect.poll(() => plc.innerText(), POLL).toMatch(/DOWN/);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-wall-device-down-1080p.png' });

    await plant.plc.start();
    await expect.poll(() => plc.getAttribute('data-state'), POLL).toBe('up');
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.screenshot({ path: 'test-results/e2e-wall-recovered-4k.png' });
    await page.close();
  });

  it('stops within 5 seconds on SIGTERM and leaves an intact database', async () => {
    const { code, ms } = await cli.stop('SIGTERM');
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    const store = openStore(dataDir);
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.checks.count()).toBeGreaterThan(0);
    store.close();
  });
});
