// End to end for the console shell against the built `linewatch serve`: the overview sorts lines by
// health, settings are saved from the page, and a `?kiosk=1` wall hides the navigation, rotates
// through its pages and asks for the operator PIN before acknowledging; with a PIN set, settings
// are saved only with it. Screenshots at 1080p and 4K land in test-results/ for a human look.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { ifAssigned } from '../support/if-assigned';
import { makeTempDir } from '../support/temp-store';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);
const PIN = '4711';

async function writePlant(dir: string): Promise<{ configPath: string; devices: SimulatedDevice[] }> {
  const devices = await Promise.all(
    [0, 1, 2, 3].map((i) => startSimulatedDevice({ kind: 'tcp', host: `127.0.0.${90 + i}` })),
  );
  const [a, b, c, dead] = devices as [SimulatedDevice, SimulatedDevice, SimulatedDevice, SimulatedDevice];
  await dead.stop(); // the packer PLC is down from the start
  const tcp = (d: SimulatedDevice): string => `{ kind: tcp, host: ${d.host}, port: ${d.port} }`;
  const configPath = join(dir, 'plant.yaml');
  writeFileSync(
    configPath,
    `version: 1
site: { id: e2e, name: Console Plant, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: assembly
    name: Assembly
    endpoints:
      - { id: asm-plc, name: Assembly PLC, type: plc, probe: ${tcp(a)} }
  - id: paint
    name: Paint shop
    endpoints:
      - { id: paint-plc, name: Paint PLC, type: plc, probe: ${tcp(b)} }
  - id: packing
    name: Packing
    endpoints:
      - { id: pack-hmi, name: Packing HMI, type: hmi, probe: ${tcp(c)} }
      - { id: pack-plc, name: Packing PLC, type: plc, critical: true, probe: ${tcp(dead)} }
`,
  );
  return { configPath, devices };
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png` });
}

describe.skipIf(missing !== null)('console shell and kiosk wall against linewatch serve', () => {
  const temp = makeTempDir('e2e-console');
  let devices: SimulatedDevice[] = [];
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    const plant = await writePlant(temp.dir);
    devices = plant.devices;
    cli = await startCli([
      'serve',
      '--config',
      plant.configPath,
      '--data',
      join(temp.dir, 'data'),
      '--port',
      '0',
    ]);
    browser = await launchChromium();
    // A fresh data folder asks for telemetry consent first; decline it once (main remembers).
    const page = await browser.newPage();
    await page.goto(cli.url);
    // Whichever comes first, the question or the dashboard; a slow start must not skip the answer.
    await page.locator('.consent-secondary, [data-endpoint-id]').first().waitFor({ timeout: 30_000 });
    if ((await page.locator('.consent-secondary').count()) > 0)
      await page.locator('.consent-secondary').click();
    await page.close();
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await Promise.all(devices.map((d) => d.stop()));
    temp.remove();
  });

  it('opens on the overview with the unhealthy line first, every device present', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(cli.url);
    await expect.poll(() => new URL(page.url()).hash).toBe('#/overview');
    await expect.poll(() => page.locator('[data-endpoint-id]').count(), { timeout: 30_000 }).toBe(4);
    const pack = page.locator('[data-endpoint-id="pack-plc"]');
    await expect.poll(() => pack.getAttribute('data-state'), { timeout: 30_000 }).toBe('down');
    // A string runs in the page: the node-side tsconfig has no DOM types.
    const order = () =>
      page.evaluate<string[]>(
        "[...document.querySelectorAll('[data-line-id]')].map((e) => e.dataset.lineId)",
      );
    await expect.poll(order, { timeout: 30_000 }).toEqual(['packing', 'assembly', 'paint']);
    expect(await page.locator('[data-line-id="packing"]').getAttribute('data-health')).toBe('critical');
    expect(await pack.innerText()).toMatch(/DOWN/);
    // Figures come from the services or read "—", never invented.
    await expect
      .poll(() => page.locator('[data-kpi="site-today"]').innerText(), { timeout: 30_000 })
      .toMatch(/^(—|\d+(\.\d)? %)$/);
    await expect.poll(() => page.locator('.nav').count()).toBe(1);
    await shot(page, 'console-overview-1080p');
    await page.setViewportSize({ width: 3840, height: 2160 });
    await shot(page, 'console-overview-4k');
    await page.setViewportSize({ width: 1080, height: 1920 });
    await shot(page, 'console-overview-portrait');
    await page.close();
  });

  it('saves a short rotation and an operator PIN from the settings page', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}#/settings`);
    const form = page.locator('[data-form="settings"]');
    await form.locator('input[name="rotation"]').fill('3');
    await form.locator('input[name="newPin"]').fill(PIN);
    await form.locator('input[name="actor"]').fill('E2E Supervisor');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => page.locator('[data-outcome]').getAttribute('data-outcome'), { timeout: 30_000 })
      .toBe('saved');
    await expect.poll(() => page.locator('legend').nth(1).innerText()).toMatch(/\(set\)/);
    await shot(page, 'console-settings-1080p');
    await page.close();
  });

  it('with the PIN set, saves the settings only with the PIN and says why otherwise', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}#/settings`);
    const form = page.locator('[data-form="settings"]');
    const currentPin = form.locator('input[name="currentPin"]');
    await expect.poll(() => currentPin.count(), { timeout: 30_000 }).toBe(1);
    await form.locator('input[name="actor"]').fill('E2E Supervisor');
    const outcome = page.locator('[data-outcome]');
    // The browser holds the form back: the PIN field is required while a PIN is set.
    await form.locator('button[type="submit"]').click();
    expect(
      await page.evaluate("document.querySelector('input[name=currentPin]').validity.valueMissing"),
    ).toBe(true);
    expect(await outcome.count()).toBe(0);
    await currentPin.fill('0000');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => outcome.innerText(), { timeout: 30_000 }).toMatch(/Not saved\. Wrong PIN/);
    await currentPin.fill(PIN);
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 30_000 }).toBe('saved');
    await page.close();
  });

  it('as a kiosk wall hides the navigation and rotates through overview and line pages', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}?kiosk=1`);
    await expect.poll(() => page.locator('[data-kiosk="true"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('.nav').count()).toBe(0);
    const seen = new Set<string>();
    const wanted = ['#/overview', '#/line/assembly', '#/line/paint', '#/line/packing'];
    // Returns as soon as every page was seen; the deadline only has to outlast a busy machine.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !wanted.every((hash) => seen.has(hash))) {
      seen.add(new URL(page.url()).hash);
      await page.waitForTimeout(250);
    }
    expect([...seen]).toEqual(expect.arrayContaining(wanted));
    expect(await page.locator('.nav').count()).toBe(0);
    await page.close();
  });

  it('asks a kiosk wall for the PIN before acknowledging, and refuses a wrong one', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}?kiosk=1#/overview`);
    const button = page.locator('[data-ack-button]').first();
    await expect.poll(() => button.count(), { timeout: 30_000 }).toBe(1);
    await button.click();
    const dialog = page.locator('dialog.ack-dialog');
    await dialog.locator('input[name="operator"]').fill('Kiosk Operator');
    const pin = dialog.locator('input[name="pin"]');
    expect(await pin.count()).toBe(1);
    await pin.fill('0000');
    await dialog.locator('button[type="submit"]').click();
    await expect
      .poll(() => dialog.locator('[role="alert"]').innerText(), { timeout: 30_000 })
      .toMatch(/Wrong PIN/);
    await shot(page, 'console-kiosk-pin-refused-1080p');
    await pin.fill(PIN);
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('dialog.ack-dialog').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-alarm-kind="acked"]').count(), { timeout: 30_000 }).toBe(1);
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.evaluate("window.location.hash = '#/overview'");
    await shot(page, 'console-kiosk-4k');
    await page.close();
  });
});
