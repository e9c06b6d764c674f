// End to end: the Insights page of the built `linewatch serve` in headless Chromium. A device's
// history is imported first (13 h at ~1 ms, then ~20 ms for the last 3 h up to a few minutes ago),
// so the page shows it ranked first with its action and its RTT rise in the warnings. The page is
// captured at 1080p and 4K into docs/screenshots/ (the README shows them).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { BIN, startCli, type RunningCli } from '../support/cli-process';
import { aConfig, aLine, anEndpoint, configYaml, tcp } from '../support/config-builders';
import { declineTelemetryIfAsked } from '../support/first-run';
import { ifAssigned } from '../support/if-assigned';
import { random } from '../support/minute-samples';
import { makeTempDir } from '../support/temp-store';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function screenshots(page: Page): Promise<void> {
  mkdirSync('docs/screenshots', { recursive: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/insights-1080p.png' });
  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/insights-4k.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
}

/** Checks every 30 s of one device: ~1 ms, then ~20 ms from `slowFrom`, up to `end`. */
function historyLines(endpoint: string, from: number, slowFrom: number, end: number): string {
  const rand = random(12);
  const lines: string[] = [];
  for (let ts = from; ts < end; ts += 30_000) {
    const rtt = (ts >= slowFrom ? 20 : 1) + (rand() - 0.5) * 0.3;
    lines.push(JSON.stringify({ endpoint, ts: new Date(ts).toISOString(), ok: true, rtt_ms: rtt }));
  }
  return lines.join('\n') + '\n';
}

describe.skipIf(missing !== null)('the Insights page against linewatch serve', () => {
  const temp = makeTempDir('e2e-insights');
  let device: SimulatedDevice;
  let cli: RunningCli;
  let browser: Browser;

  beforeAll(async () => {
    device = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.130' });
    const config = aConfig({
      site: { id: 'insights-plant', name: 'Insights Plant', timezone: 'Europe/Berlin' },
      lines: [
        aLine(
          'press-1',
          [
            anEndpoint('press1-plc', {
              name: 'Press 1 PLC',
              type: 'plc',
              critical: true,
              intervalMs: 30_000,
              timeoutMs: 1_000,
              probe: tcp(device.host, device.port),
            }),
          ],
          { name: 'Press line 1', downtimeCostPerMinute: 850 },
        ),
      ],
    });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(configPath, configYaml(config));
    // The history ends a few minutes ago on the minute grid, so live probing starts after it.
    const end = Math.floor(Date.now() / MINUTE) * MINUTE - 3 * MINUTE;
    const checks = join(temp.dir, 'history.jsonl');
    writeFileSync(checks, historyLines('press1-plc', end - 16 * HOUR, end - 3 * HOUR, end));
    const data = join(temp.dir, 'data');
    const imported = spawnSync(
      process.execPath,
      [BIN, 'import', '--config', configPath, '--data', data, checks],
      { encoding: 'utf8' },
    );
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    cli = await startCli(['serve', '--config', configPath, '--data', data, '--port', '0']);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(device)?.stop();
    temp.remove();
  });

  it('ranks the degrading device first with its action, sparkline and RTT-rise warning', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${cli.url}#/insights`);
    await declineTelemetryIfAsked(page, '[data-page="insights"]');
    const first = page.locator('.insights-priority').first();
    await expect.poll(() => first.count(), { timeout: 60_000 }).toBe(1);
    expect(await first.getAttribute('data-endpoint')).toBe('press1-plc');
    const text = await first.innerText();
    expect(text).toMatch(/^1\b/);
    expect(text).toMatch(/Press 1 PLC[\s\S]*Press line 1[\s\S]*Action:/);
    expect(await first.locator('a').getAttribute('href')).toBe('#/endpoint/press1-plc');
    await expect.poll(() => first.locator('svg.insights-spark path').count(), { timeout: 30_000 }).toBe(1);
    const warnings = page.locator('table.insights-warnings tbody tr', { hasText: 'RTT rising' });
    await expect.poll(() => warnings.count()).toBeGreaterThan(0);
    expect(await warnings.first().innerText()).toMatch(/Press 1 PLC/);
    await screenshots(page);
  }, 120_000);
});
