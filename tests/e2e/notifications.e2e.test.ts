// End to end: notifications from the built `linewatch serve`. A device is stopped; a webhook
// receiver on 127.0.0.1 gets the signed alarm, the dashboard in Chromium pops the desktop notice
// through the browser Notification API, and the alarms page lists both deliveries as delivered.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { declineTelemetryIfAsked } from '../support/first-run';
import { ifAssigned } from '../support/if-assigned';
import { startSmallPlant, type SmallPlant } from '../support/small-plant';
import { makeTempDir } from '../support/temp-store';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);

const SECRET = 'e2e-hook-secret';

describe.skipIf(missing !== null)('notifications from linewatch serve', () => {
  const temp = makeTempDir('e2e-notify');
  let plant: SmallPlant;
  let hook: WebhookReceiver;
  let cli: RunningCli;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    plant = await startSmallPlant(temp.dir, 130);
    hook = await startWebhookReceiver('127.0.0.1');
    appendFileSync(
      plant.configPath,
      `notifications:
  channels:
    - { id: ops-hook, kind: webhook, url: "${hook.url}", secret_env: E2E_HOOK_SECRET }
    - { id: desk, kind: desktop }
  rules:
    - { channels: [ops-hook, desk], endpoints: [press1-plc] }
`,
    );
    process.env.E2E_HOOK_SECRET = SECRET;
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
    context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.grantPermissions(['notifications'], { origin: new URL(cli.url).origin });
    // Record what the page shows through the Notification API (headless Chromium shows nothing).
    await context.addInitScript({
      content: `
        window.shownNotices = [];
        const Real = window.Notification;
        window.Notification = class extends Real {
          constructor(title, options) {
            super(title, options);
            window.shownNotices.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
          }
        };`,
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(hook)?.close();
    await ifAssigned(plant)?.stop();
    Reflect.deleteProperty(process.env, 'E2E_HOOK_SECRET');
    temp.remove();
  });

  it('a stopped PLC reaches the webhook (signed), the browser notification and the delivery log', async () => {
    await page.goto(`${cli.url}#/alarms`);
    await declineTelemetryIfAsked(page, '[data-page="alarms"]');
    await expect.poll(() => page.locator('[data-delivery-log]').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => page.locator('.op-status--calm').first().innerText(), { timeout: 30_000 })
      .toMatch(/No active alarms/);

    await plant.plc.stop();
    await expect.poll(() => hook.received.length, { timeout: 30_000 }).toBe(1);
    const [got] = hook.received;
    if (!got) throw new Error('nothing received');
    expect(hook.signatureValid(got, SECRET)).toBe(true);
    expect(got.body).toMatchObject({
      type: 'alarm.raised',
      alarm: { endpoint: { id: 'press1-plc', name: 'Press 1 PLC' } },
    });

    await expect
      .poll(() => page.evaluate<string[]>('window.shownNotices.map((n) => n.title)'), {
        timeout: 30_000,
      })
      .toEqual(['Press 1 PLC down']);

    const rows = page.locator('[data-delivery-log] tbody tr');
    await expect
      .poll(() => page.locator('[data-delivery-log] tr[data-delivery-status="delivered"]').count(), {
        timeout: 30_000,
      })
      .toBe(2);
    const text = await page.locator('[data-delivery-log]').innerText();
    expect(text).toMatch(/ops-hook \(webhook\)/);
    expect(text).toMatch(/desk \(desktop\)/);
    expect(text).toMatch(/raised · Press 1 PLC/);
    expect(await rows.count()).toBe(2);
    mkdirSync('test-results', { recursive: true });
    await page.locator('[data-delivery-log]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/notifications-delivery-log-1080p.png' });
  });
});
