// End to end: the "degrading" badge on the wall BEFORE the device goes down (issue 12), on the built
// `linewatch serve` in headless Chromium. The PLC's imported history is ~1 ms for 14 h, then climbs to
// ~20 ms over the last 4 h up to a few minutes ago; live, the simulated device keeps answering at
// ~20 ms, so it is UP and degrading. Its neighbour has a steady history and gets no badge. Then the
// PLC is switched off and its tile turns DOWN. The wall and the endpoint chart with its warning band
// are captured at 1080p and 4K into docs/screenshots/ (the README shows them).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { importThroughBin, startCli, type RunningCli } from '../support/cli-process';
import { aConfig, configYaml, http, tcp } from '../support/config-builders';
import { plcAndHmiLine, rampRtt, steadyWithSpikes, writeRecordedChecks } from '../support/degrading-history';
import { declineTelemetryIfAsked } from '../support/first-run';
import { ifAssigned } from '../support/if-assigned';
import { screenshotAtWallSizes } from '../support/screenshots';
import { makeTempDir } from '../support/temp-store';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const INTERVAL_MS = 5_000;
/** The degrading PLC answers this slowly live, where its recorded climb ended. */
const LIVE_DELAY_MS = 20;

const tileOf = (page: Page, endpointId: string): Locator =>
  page.locator(`article.tile[data-endpoint-id="${endpointId}"]`);

/** The little of the page's DOM the pixel count needs (the node tsconfig has no DOM types). */
interface ChartCanvas {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/**
 * Pixels of the chart's canvases in the warning band's amber (its dashed edge and its label,
 * chart-options.ts WARNING_EDGE #ffc24d); the loss bars' orange is well apart from it.
 */
function warningAmberPixels(chart: Locator): Promise<number> {
  return chart.evaluate((box) => {
    const canvases = (
      box as unknown as { querySelectorAll(s: 'canvas'): ArrayLike<ChartCanvas> }
    ).querySelectorAll('canvas');
    let count = 0;
    for (let c = 0; c < canvases.length; c++) {
      const canvas = canvases[c];
      const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      for (let i = 0; i + 2 < pixels.length; i += 4) {
        const near = (k: number, value: number) => Math.abs((pixels[i + k] ?? 0) - value) < 30;
        if (near(0, 255) && near(1, 194) && near(2, 77)) count++;
      }
    }
    return count;
  });
}

describe.skipIf(missing !== null)('the degrading badge on the wall against linewatch serve', () => {
  const temp = makeTempDir('e2e-insights-wall');
  let plc: SimulatedDevice;
  let hmi: SimulatedDevice;
  let cli: RunningCli;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    plc = await startSimulatedDevice({ kind: 'http', host: '127.0.0.146' });
    plc.setDegradation({ delayMs: LIVE_DELAY_MS, dropShare: 0 });
    hmi = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.147' });
    const timing = { intervalMs: INTERVAL_MS, timeoutMs: 1_000 };
    const config = aConfig({
      site: { id: 'wall-plant', name: 'Wall Plant', timezone: 'Europe/Berlin' },
      lines: [
        plcAndHmiLine(
          {
            ...timing,
            probe: http(`http://${plc.host}:${plc.port}/health`, { status: 200, text: 'OK' }),
          },
          { ...timing, probe: tcp(hmi.host, hmi.port) },
        ),
      ],
    });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(configPath, configYaml(config));
    // The history ends a few minutes ago on the minute grid, so live probing starts after it.
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 3 * MINUTE;
    const checks = writeRecordedChecks(
      temp.dir,
      'history.jsonl',
      [
        { endpoint: 'press1-plc', rttAt: rampRtt(end - 4 * HOUR, end, 1, LIVE_DELAY_MS), jitterMs: 0.3 },
        { endpoint: 'press1-hmi', rttAt: steadyWithSpikes(1.2, 8, 7), jitterMs: 0.6 },
      ],
      { from: end - 18 * HOUR, end, intervalMs: INTERVAL_MS },
    );
    const data = join(temp.dir, 'data');
    importThroughBin(configPath, data, checks);
    cli = await startCli(['serve', '--config', configPath, '--data', data, '--port', '0']);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(plc)?.stop();
    await ifAssigned(hmi)?.stop();
    temp.remove();
  });

  it('shows the PLC degrading on its tile and in the overview while it is up; not its neighbour', async () => {
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}#/wall`);
    await declineTelemetryIfAsked(page, '[data-page="wall"]');
    const plcTile = tileOf(page, 'press1-plc');
    const badge = plcTile.locator('.tile__degrading');
    // The badges come from the first insights poll, a few seconds after the wall has loaded.
    await expect.poll(() => badge.count(), { timeout: 30_000 }).toBe(1);
    expect(await badge.innerText()).toMatch(/DEGRADING/);
    expect(await badge.locator('svg').count()).toBe(1);
    await expect.poll(() => plcTile.getAttribute('data-state'), { timeout: 20_000 }).toBe('up');
    expect(await plcTile.locator('.tile__status').innerText()).toMatch(/UP/);
    const hmiTile = tileOf(page, 'press1-hmi');
    await expect.poll(() => hmiTile.getAttribute('data-state'), { timeout: 20_000 }).toBe('up');
    expect(await hmiTile.locator('.tile__degrading').count()).toBe(0);
    // The wall's line header counts it too.
    const wallCount = page.locator('section.line[data-line-id="press-1"] [data-count="degrading"]');
    await expect.poll(() => wallCount.count(), { timeout: 30_000 }).toBe(1);
    expect((await wallCount.innerText()).replace(/\s+/g, ' ').trim()).toBe('1 device degrading');
    await screenshotAtWallSizes(page, 'degrading-wall');

    // The overview counts it next to the line's other figures.
    await page.goto(`${cli.url}#/overview`);
    const degradingCount = page.locator('section.lh[data-line-id="press-1"] [data-count="degrading"]');
    await expect.poll(() => degradingCount.count(), { timeout: 30_000 }).toBe(1);
    expect((await degradingCount.innerText()).replace(/\s+/g, ' ').trim()).toBe('1 device degrading');
    expect(await degradingCount.locator('svg').count()).toBe(1);
    // The line's device chips say which one, in words for a screen reader as well as the icon.
    const chips = page.locator('section.lh[data-line-id="press-1"] .chip');
    const chipLabels = await Promise.all((await chips.all()).map((chip) => chip.getAttribute('aria-label')));
    expect(chipLabels).toEqual(['Press 1 PLC: UP, degrading', 'Press 1 HMI: UP']);
  }, 90_000);

  it('shades the active warning on the endpoint chart', async () => {
    await page.goto(`${cli.url}#/endpoint/press1-plc`);
    const chart = page.locator('[data-chart="rtt"]');
    await expect.poll(() => chart.getAttribute('data-warning-bands'), { timeout: 30_000 }).toBe('1');
    // What the operator sees: the band's amber edge and label drawn on the chart's canvas.
    await expect
      .poll(() => warningAmberPixels(chart), {
        timeout: 20_000,
        message:
          'amber pixels of the warning band (its dashed edge and "⚠ RTT rise" label) on the chart canvas',
      })
      .toBeGreaterThan(200);
    await screenshotAtWallSizes(page, 'degrading-chart');
  }, 60_000);

  it('turns the same tile DOWN once the PLC stops answering', async () => {
    await page.goto(`${cli.url}#/wall`);
    const plcTile = tileOf(page, 'press1-plc');
    await expect.poll(() => plcTile.getAttribute('data-state'), { timeout: 20_000 }).toBe('up');
    await plc.stop();
    await expect.poll(() => plcTile.getAttribute('data-state'), { timeout: 30_000 }).toBe('down');
    expect(await plcTile.locator('.tile__status').innerText()).toMatch(/DOWN/);
    expect(await tileOf(page, 'press1-hmi').getAttribute('data-state')).toBe('up');
  }, 60_000);
});
