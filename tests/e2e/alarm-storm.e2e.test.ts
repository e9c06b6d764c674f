// End to end for the alarm strip in a storm, against the built `linewatch serve` and real loopback
// devices: a switch taken down with three devices behind it is ONE row that opens to them, the
// other devices down on that line are "the rest of Press 36", devices back up wait in one row, and
// "Acknowledge all cleared" answers them with one note in one request. Screenshots of the strip in
// the storm at 1080p and 4K go to docs/screenshots/ (the README shows them).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { aConfig, aLine, anEndpoint, configYaml, tcp } from '../support/config-builders';
import { ifAssigned } from '../support/if-assigned';
import { makeTempDir } from '../support/temp-store';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

/** Nothing listens there: a probe is refused at once (a device that is off). */
const OFF = tcp('127.0.3.1', 9);
const fast = { intervalMs: 500, timeoutMs: 300, downAfter: 2, upAfter: 2 };
/** Detected after their switch, so their outages are secondary to it. */
const behind = { ...fast, downAfter: 5 };
const FILLER_LINES = 14;

interface Plant {
  configPath: string;
  devices: SimulatedDevice[];
  sw: SimulatedDevice;
  flappers: SimulatedDevice[];
}

async function writePlant(dir: string): Promise<Plant> {
  const up = await startSimulatedDevice({ kind: 'tcp', host: '127.0.3.10' });
  const sw = await startSimulatedDevice({ kind: 'tcp', host: '127.0.3.11' });
  const flappers = await Promise.all(
    [12, 13, 14].map((octet) => startSimulatedDevice({ kind: 'tcp', host: `127.0.3.${octet}` })),
  );
  // Off from the start, back on once their alarms are raised: cleared, not acknowledged.
  await Promise.all(flappers.map((device) => device.stop()));
  const at = (device: SimulatedDevice) => tcp(device.host, device.port);
  const press = aLine(
    'press-36',
    [
      anEndpoint('p36-switch', {
        ...fast,
        name: 'Press 36 switch',
        type: 'switch',
        critical: true,
        probe: at(sw),
      }),
      ...[1, 2, 3].map((n) =>
        anEndpoint(`p36-robot-${n}`, {
          ...behind,
          name: `Robot ${n}`,
          type: 'robot',
          dependsOn: 'p36-switch',
          probe: at(sw),
        }),
      ),
      ...[1, 2, 3, 4].map((n) =>
        anEndpoint(`p36-cam-${n}`, { ...fast, name: `Camera ${n}`, type: 'camera', probe: OFF }),
      ),
      anEndpoint('p36-hmi', { ...fast, name: 'Press 36 HMI', type: 'hmi', probe: at(up) }),
    ],
    { name: 'Press 36', downtimeCostPerMinute: 850 },
  );
  const paint = aLine(
    'paint',
    [
      anEndpoint('paint-plc', { ...fast, name: 'Paint PLC', type: 'plc', critical: true, probe: OFF }),
      ...flappers.map((device, n) =>
        anEndpoint(`paint-cam-${n + 1}`, {
          ...fast,
          name: `Paint camera ${n + 1}`,
          type: 'camera',
          probe: at(device),
        }),
      ),
    ],
    { name: 'Paint shop', downtimeCostPerMinute: 400 },
  );
  // A busy plant around them: on every line a few devices off, grouped per line.
  const fillers = Array.from({ length: FILLER_LINES }, (_, l) =>
    aLine(
      `line-${l + 1}`,
      Array.from({ length: 6 }, (_, n) =>
        anEndpoint(`l${l + 1}-dev-${n + 1}`, {
          ...fast,
          intervalMs: 1000,
          name: `L${l + 1} device ${n + 1}`,
          type: n === 0 ? 'plc' : 'scanner',
          critical: n === 0,
          probe: n < 2 + (l % 4) ? OFF : at(up),
        }),
      ),
      { name: `Line ${l + 1}`, downtimeCostPerMinute: 100 + 10 * l },
    ),
  );
  const configPath = join(dir, 'plant.yaml');
  writeFileSync(
    configPath,
    configYaml(
      aConfig({
        site: { id: 'storm', name: 'Storm Plant', timezone: 'Europe/Berlin' },
        lines: [press, paint, ...fillers],
      }),
    ),
  );
  return { configPath, devices: [up, sw, ...flappers], sw, flappers };
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

describe.skipIf(missing !== null)('the alarm strip in a storm against linewatch serve', () => {
  const temp = makeTempDir('e2e-storm');
  let plant: Plant | undefined;
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    plant = await writePlant(temp.dir);
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
    const page = await browser.newPage();
    await page.goto(cli.url);
    await page.locator('.consent-secondary, [data-endpoint-id]').first().waitFor({ timeout: 30_000 });
    if ((await page.locator('.consent-secondary').count()) > 0)
      await page.locator('.consent-secondary').click();
    await page.close();
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await Promise.all((plant?.devices ?? []).map((d) => d.stop()));
    temp.remove();
  });

  it('groups the storm, opens a group, and acknowledges all cleared with one note', async () => {
    if (!plant) throw new Error('no plant');
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(cli.url);
    const strip = page.locator('#alarm-strip');
    // The paint cameras raise their alarms, then come back: cleared, waiting for a note.
    await expect.poll(() => page.locator('[data-alarm-id]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect
      .poll(() => strip.locator('.alarms__summary').innerText(), { timeout: 30_000 })
      .toMatch(/in \d+ rows/);
    await Promise.all(plant.flappers.map((device) => device.start()));
    await plant.sw.stop();

    // The switch: one row, "+3 devices down behind this switch", closed until asked.
    const switchRow = strip.locator('[data-alarm-id]', { hasText: 'Press 36 switch' });
    const behindButton = switchRow.locator('button.alarm__behind');
    await expect
      .poll(() => behindButton.count(), { timeout: 30_000 })
      .toBe(1)
      .catch(async (error: unknown) => {
        await page.screenshot({ path: 'test-results/storm-debug.png' });
        console.log(await strip.innerText());
        throw error;
      });
    await expect
      .poll(() => behindButton.innerText(), { timeout: 30_000 })
      .toMatch(/\+3 devices down behind this switch/);
    expect(await behindButton.getAttribute('aria-expanded')).toBe('false');
    expect(await strip.locator('[data-alarm-id]', { hasText: 'Robot 1' }).count()).toBe(0);
    await behindButton.click();
    expect(await behindButton.getAttribute('aria-expanded')).toBe('true');
    expect(await switchRow.locator('.alarm__secondary li').allInnerTexts()).toEqual(
      expect.arrayContaining(['↳ Robot 1', '↳ Robot 2', '↳ Robot 3']),
    );
    expect(await switchRow.locator('.severity').innerText()).toMatch(/CRITICAL|HIGH|MEDIUM|LOW/);

    // The rest of Press 36 (its four cameras): one group row, opened with the keyboard.
    const rest = strip.locator('[data-group="line-press-36"]');
    await expect
      .poll(() => rest.locator('.alarm-group__title strong').innerText(), { timeout: 30_000 })
      .toBe('the rest of Press 36: 4 devices down');
    const toggle = rest.locator('button.alarm-group__toggle');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await rest.locator('.alarm-group__members [data-alarm-id]').count()).toBe(0);
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => rest.locator('.alarm-group__members [data-alarm-id]').count()).toBe(4);

    // Devices back up: one row, and the strip stays well under 40 % of the page.
    const clearedRow = strip.locator('[data-group="cleared"]');
    await expect
      .poll(() => clearedRow.locator('.alarm-group__title strong').innerText(), { timeout: 30_000 })
      .toBe('3 devices back up, not acknowledged');
    const height = (await strip.boundingBox())?.height ?? Infinity;
    expect(height).toBeLessThan(0.4 * 1080);
    await toggle.click(); // closed again for the picture, the list scrolled back to its top
    await page.evaluate("document.querySelector('#alarm-strip .alarms__list').scrollTop = 0");
    await screenshot(page, 'alarm-strip-storm-1080p');
    await page.setViewportSize({ width: 3840, height: 2160 });
    await screenshot(page, 'alarm-strip-storm-4k');
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Acknowledge all cleared: every cleared alarm chosen, one name, one note.
    await strip.locator('button.alarms__ack-cleared').click();
    const dialog = page.locator('dialog.ack-cleared');
    await expect.poll(() => dialog.locator('input[name="alarm"]:checked').count()).toBe(3);
    await dialog.locator('input[name="operator"]').fill('Anna');
    await dialog.locator('textarea[name="note"]').fill('Paint cameras back after the cable swap');
    await screenshot(page, 'alarm-ack-cleared-1080p');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('dialog.ack-cleared').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => strip.locator('[data-group="cleared"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await strip.locator('button.alarms__ack-cleared').count()).toBe(0);

    // The shift log has the note on each of the three outages.
    await page.goto(`${cli.url}#/alarms`);
    await expect
      .poll(() => page.locator('#closed-title + * , .op-table').first().innerText(), { timeout: 30_000 })
      .toMatch(/Paint camera/);
    const notes = await page.locator('.op-table tbody tr', { hasText: 'Paint camera' }).allInnerTexts();
    expect(notes.filter((row) => row.includes('Paint cameras back after the cable swap'))).toHaveLength(3);
    await page.close();
  });
});
