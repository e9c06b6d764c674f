// End to end: the operator views of the built `linewatch serve` in headless Chromium, through the
// app's own routes. A device is stopped to raise an alarm, which is acknowledged with a note from
// the alarm list and then found in the outage log (and its CSV), the endpoint chart and the line.
// Every page is captured at 1080p and 4K into test-results/ for a look.
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { startSmallPlant, type SmallPlant } from '../support/small-plant';
import { ifAssigned } from '../support/if-assigned';
import { makeTempDir } from '../support/temp-store';
import { declineTelemetryIfAsked } from '../support/first-run';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

async function shots(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/operator-${name}-1080p.png` });
  await page.setViewportSize({ width: 3840, height: 2160 });
  // Charts follow their box on the next frame.
  await page.waitForTimeout(500);
  await page.screenshot({ path: `test-results/operator-${name}-4k.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
}

describe.skipIf(missing !== null)('operator views against linewatch serve', () => {
  const temp = makeTempDir('e2e-operator');
  let plant: SmallPlant;
  let cli: RunningCli;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    plant = await startSmallPlant(temp.dir, 110);
    // Shifts covering the whole day, so the handover and "this shift" have something to cover.
    appendFileSync(
      plant.configPath,
      `shifts:
  - { id: early, name: Early shift, start: "06:00", end: "14:00" }
  - { id: late, name: Late shift, start: "14:00", end: "22:00" }
  - { id: night, name: Night shift, start: "22:00", end: "06:00" }
`,
    );
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
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(plant)?.stop();
    temp.remove();
  });

  it('raises an alarm and acknowledges it with a note from the alarm list', async () => {
    await page.goto(`${cli.url}#/alarms`);
    await declineTelemetryIfAsked(page, '[data-page="alarms"]');
    await expect.poll(() => page.locator('[data-page="alarms"]').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => page.locator('.op-status--calm').first().innerText(), { timeout: 30_000 })
      .toMatch(/No active alarms/);

    await plant.plc.stop();
    const row = page.locator('.op-alarm[data-alarm-kind="unacked"]');
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.innerText()).toMatch(
      /Press 1 PLC[\s\S]*NOT ACKNOWLEDGED|NOT ACKNOWLEDGED[\s\S]*Press 1 PLC/,
    );
    await shots(page, 'alarms');

    await row.locator('[data-ack-button]').click();
    const dialog = page.locator('dialog.ack-dialog');
    await dialog.locator('input[name="operator"]').fill('E2E Operator');
    await dialog.locator('textarea[name="note"]').fill('Maintenance replacing cable');
    await dialog.locator('button[type="submit"]').click();
    const acked = page.locator('.op-alarm[data-alarm-kind="acked"]');
    await expect.poll(() => acked.count(), { timeout: 30_000 }).toBe(1);
    expect(await acked.innerText()).toMatch(/E2E Operator[\s\S]*Maintenance replacing cable/);
    await shots(page, 'alarms-acknowledged');
  });

  it('lists the outage with its acknowledgement, filters it and exports it as CSV', async () => {
    await page.goto(`${cli.url}#/outages`);
    const row = page.locator('tr[data-outage-id]', { hasText: 'Press 1 PLC' });
    await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
    expect(await row.innerText()).toMatch(/OPEN[\s\S]*E2E Operator[\s\S]*Maintenance replacing cable/);
    await shots(page, 'outages');

    await page.locator('select[name="status"]').selectOption('closed');
    await expect.poll(() => page.locator('tr[data-outage-id]').count()).toBe(0);
    await expect.poll(() => page.locator('.op-status--empty').innerText()).toMatch(/No outages match/);
    await page.locator('select[name="status"]').selectOption('all');
    await expect.poll(() => row.count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Export CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^linewatch-outages-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^line,endpoint,endpoint_id,started/);
    expect(lines[1]).toMatch(
      /^Press line 1,Press 1 PLC,press1-plc,.*,open,primary,.*E2E Operator,Maintenance replacing cable$/,
    );
  });

  it("shows the device's current alarm with its impact on the endpoint page", async () => {
    await page.goto(`${cli.url}#/endpoint/press1-plc`);
    const panel = page.locator('.op-impact');
    await expect.poll(() => panel.count(), { timeout: 30_000 }).toBe(1);
    // The PLC is the press line's critical device and the line costs money per minute.
    expect(await panel.innerText()).toMatch(
      /Current alarm[\s\S]*(CRITICAL|HIGH)[\s\S]*Cost so far[\s\S]*per minute/,
    );
    expect(await panel.innerText()).toMatch(/Lines down:\s*Press line 1/);
    await shots(page, 'endpoint-alarm');
  });

  it('shows the endpoint detail with its RTT band, state timeline and recent checks', async () => {
    await plant.plc.start();
    await page.goto(`${cli.url}#/endpoint/press1-plc`);
    await page.getByRole('button', { name: 'Last hour' }).click();
    const chart = page.locator('[data-chart="rtt"]');
    await expect
      .poll(async () => Number(await chart.getAttribute('data-buckets')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => chart.locator('canvas').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.op-timeline__list li[data-state="down"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator('tr[data-ok="false"]').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.op-endpoint-state').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('up');
    await page.reload();
    await page.getByRole('button', { name: 'Last hour' }).click();
    await expect
      .poll(() => page.locator('tr[data-ok="true"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await shots(page, 'endpoint');
  });

  it('shows the line, the KPIs, the handover and the config', async () => {
    await page.goto(`${cli.url}#/line-detail/press-1`);
    await expect.poll(() => page.locator('tr[data-endpoint-row]').count(), { timeout: 30_000 }).toBe(2);
    await expect
      .poll(() => page.locator('.op-figure__value').first().innerText(), { timeout: 30_000 })
      .toMatch(/^(—|\d+(\.\d+)? %)$/);
    await shots(page, 'line');

    await page.goto(`${cli.url}#/kpis`);
    await expect.poll(() => page.locator('[data-kpi-row]').count(), { timeout: 30_000 }).toBe(2);
    await expect.poll(() => page.locator('.op-delta, [data-kpi-row] .op-muted').count()).toBeGreaterThan(0);
    await shots(page, 'kpis');
    await page.getByRole('tab', { name: 'Shift' }).click();
    await expect
      .poll(() => page.locator('[data-page="kpis"] .op-section__title').first().innerText(), {
        timeout: 30_000,
      })
      .toMatch(/shift/i);
    await shots(page, 'kpis-shift');

    await page.goto(`${cli.url}#/handover`);
    await expect
      .poll(() => page.locator('[data-page="handover"] .op-page__title').innerText(), { timeout: 30_000 })
      .toMatch(/Shift handover — (Early|Late|Night) shift/);
    expect(await page.getByRole('button', { name: /Print/ }).isEnabled()).toBe(true);
    await shots(page, 'handover');
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'test-results/operator-handover-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${cli.url}#/config`);
    await expect
      .poll(() => page.locator('.op-code').first().innerText(), { timeout: 30_000 })
      .toMatch(/press1-plc/);
    await expect.poll(() => page.locator('.op-version').count()).toBeGreaterThan(0);
    await shots(page, 'config');
  });
});
