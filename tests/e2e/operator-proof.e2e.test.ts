// End to end: operator proof in real Chromium against the built `linewatch serve`. With a PIN set
// (from a script on the WebSocket), a desk console asks for it before acknowledging, refuses a
// wrong one with the reason and acknowledges with the right one; a consent save from Settings gets
// the shared PIN prompt. A LAN bind (127.0.0.2) shows the screen as read-only, asks for the operator
// token on acknowledge, and acts once the right token is entered (kept in sessionStorage, never in
// the URL). Screenshots at 1080p and 4K land in test-results/ for a look.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PATH, wsSubprotocols } from '@src/shared/contract/ws-protocol';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { startCli, type RunningCli } from '../support/cli-process';
import { declineTelemetryIfAsked } from '../support/first-run';
import { startSmallPlant, type SmallPlant } from '../support/small-plant';
import { ifAssigned } from '../support/if-assigned';
import { makeTempDir } from '../support/temp-store';

const missing = chromiumMissingReason();
if (missing) console.warn(`e2e skipped: ${missing}`);
const PIN = '2468';

/** One contract request from a script, the way IT would set the PIN. */
async function contractCall(pageUrl: string, method: string, payload: unknown): Promise<unknown> {
  const url = `${pageUrl.replace(/^http/, 'ws').replace(/\/$/, '')}${WS_PATH}`;
  const socket = new WebSocket(url, wsSubprotocols(null));
  try {
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve());
      socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
    });
    const answer = new Promise<unknown>((resolve) =>
      socket.addEventListener('message', (event) => resolve(JSON.parse(String(event.data)))),
    );
    socket.send(JSON.stringify({ type: 'request', id: 1, method, payload }));
    return await answer;
  } finally {
    socket.close();
  }
}

async function shots(page: Page, name: string): Promise<void> {
  mkdirSync('test-results', { recursive: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `test-results/operator-proof-${name}-1080p.png` });
  await page.setViewportSize({ width: 3840, height: 2160 });
  // The root font size follows the viewport: wait for the layout at the new size.
  await page.waitForFunction('document.documentElement.clientWidth === 3840');
  await page.screenshot({ path: `test-results/operator-proof-${name}-4k.png` });
  await page.setViewportSize({ width: 1920, height: 1080 });
}

describe.skipIf(missing !== null)('operator proof against linewatch serve', () => {
  const temp = makeTempDir('e2e-operator-proof');
  let plant: SmallPlant;
  let desk: RunningCli;
  let lan: RunningCli;
  let browser: Browser;
  const lanData = join(temp.dir, 'lan-data');

  beforeAll(async () => {
    plant = await startSmallPlant(temp.dir, 130);
    const serve = (data: string, extra: string[]) =>
      startCli(['serve', '--config', plant.configPath, '--data', data, '--port', '0', ...extra]);
    [desk, lan] = await Promise.all([
      serve(join(temp.dir, 'desk-data'), []),
      serve(lanData, ['--host', '127.0.0.2']),
    ]);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    for (const cli of [desk, lan]) if (ifAssigned(cli)?.child.exitCode === null) await cli.stop();
    await ifAssigned(plant)?.stop();
    temp.remove();
  });

  it('asks a desk console for the PIN before acknowledging, refuses a wrong one, acknowledges with the right one', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${desk.url}#/alarms`);
    // Decided before the PIN exists (the consent save would need the PIN too, see below).
    await declineTelemetryIfAsked(page, '[data-page="alarms"]');
    await expect.poll(() => page.locator('[data-page="alarms"]').count(), { timeout: 30_000 }).toBe(1);
    await expect
      .poll(() => page.locator('[data-connection-access]').getAttribute('data-connection-access'))
      .toBe('operator');
    expect(await page.locator('[data-access="read-only"]').count()).toBe(0);

    const set = await contractCall(desk.url, 'updateSettings', { actor: 'E2E IT', newPin: PIN });
    expect(set).toMatchObject({ type: 'response', id: 1, result: { ok: true, value: { pinSet: true } } });

    await plant.plc.stop();
    await page.reload();
    const ackButton = page.locator('.op-alarm[data-alarm-kind="unacked"] [data-ack-button]');
    await expect.poll(() => ackButton.count(), { timeout: 30_000 }).toBe(1);
    await ackButton.click();
    const dialog = page.locator('dialog.ack-dialog');
    await dialog.locator('input[name="operator"]').fill('Desk Operator');
    const pin = dialog.locator('input[name="pin"]');
    expect(await pin.count()).toBe(1);
    await pin.fill('1111');
    await shots(page, 'ack-pin');
    await dialog.locator('button[type="submit"]').click();
    await expect
      .poll(() => dialog.locator('[role="alert"]').innerText(), { timeout: 30_000 })
      .toMatch(/Wrong PIN/);
    // Cleared for the next try.
    expect(await pin.inputValue()).toBe('');
    await shots(page, 'ack-pin-wrong');
    await pin.fill(PIN);
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('dialog.ack-dialog').count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.locator('.op-alarm[data-alarm-kind="acked"]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.locator('.op-alarm[data-alarm-kind="acked"]').innerText()).toMatch(/Desk Operator/);
    await page.close();
  });

  it('asks a console without a session for the PIN when a consent save is refused, then saves', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${desk.url}#/settings`);
    const usage = page.locator('[data-category="usage_analytics"] input');
    await expect.poll(() => usage.count(), { timeout: 30_000 }).toBe(1);
    expect(await usage.isChecked()).toBe(false);
    await usage.click();
    const prompt = page.locator('dialog.operator-prompt[data-prompt="pin"]');
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(1);
    expect(await prompt.innerText()).toMatch(/Enter it to save the privacy choice/);
    await prompt.locator('input[name="pin"]').fill('9999');
    await prompt.locator('button[type="submit"]').click();
    await expect
      .poll(() => prompt.locator('[role="alert"]').innerText(), { timeout: 30_000 })
      .toMatch(/Wrong PIN/);
    await shots(page, 'shared-pin-prompt');
    await prompt.locator('input[name="pin"]').fill(PIN);
    await prompt.locator('button[type="submit"]').click();
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => usage.isChecked(), { timeout: 30_000 }).toBe(true);
    await page.close();
  });

  it('shows a LAN wall as read-only and acts from it once the operator token is entered', async () => {
    const token = readFileSync(join(lanData, 'operator-token'), 'utf8').trim();
    expect(new URL(lan.url).hostname).toBe('127.0.0.2');
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${lan.url}#/alarms`);
    const chip = page.locator('[data-access="read-only"]');
    await expect.poll(() => chip.count(), { timeout: 30_000 }).toBe(1);
    expect(await page.locator('[data-connection-access]').getAttribute('data-connection-access')).toBe(
      'read-only',
    );
    expect(await chip.innerText()).toMatch(/READ-ONLY[\s\S]*Operator sign-in/);
    // A read-only wall is never asked the first-run consent question.
    expect(await page.getByRole('button', { name: 'Send nothing' }).count()).toBe(0);
    // The PLC is down for this host too (it watches the same plant); its alarm is not acknowledged.
    const ackButton = page.locator('.op-alarm[data-alarm-kind="unacked"] [data-ack-button]');
    await expect.poll(() => ackButton.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await shots(page, 'read-only-chip');

    await ackButton.first().click();
    const prompt = page.locator('dialog.operator-prompt[data-prompt="token"]');
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(1);
    expect(await prompt.innerText()).toMatch(
      /Enter the operator token from the Linewatch host to act from this screen/,
    );
    await shots(page, 'token-prompt');

    const field = prompt.locator('input[name="operatorToken"]');
    await field.fill('not-the-operator-token');
    await prompt.locator('button[type="submit"]').click();
    await expect
      .poll(() => prompt.locator('[role="alert"]').innerText(), { timeout: 30_000 })
      .toMatch(/not accepted: this screen stays read-only/);
    expect(await chip.count()).toBe(1);
    expect(await page.evaluate("sessionStorage.getItem('linewatch.operatorToken')")).toBeNull();
    await shots(page, 'token-refused');

    await field.fill(token);
    await prompt.locator('button[type="submit"]').click();
    await expect.poll(() => prompt.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => chip.count(), { timeout: 30_000 }).toBe(0);
    const dialog = page.locator('dialog.ack-dialog');
    await expect.poll(() => dialog.count(), { timeout: 30_000 }).toBe(1);
    await dialog.locator('input[name="operator"]').fill('LAN Operator');
    // No PIN is set on this host: the token alone lets the screen act.
    expect(await dialog.locator('input[name="pin"]').count()).toBe(0);
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => dialog.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(() => page.locator('.op-alarm[data-alarm-kind="acked"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);

    expect(await page.evaluate("sessionStorage.getItem('linewatch.operatorToken')")).toBe(token);
    expect(page.url()).not.toContain(token);
    // A reload of the tab presents the kept token again: still an operator screen.
    await page.reload();
    await expect
      .poll(() => page.locator('[data-connection-access]').getAttribute('data-connection-access'), {
        timeout: 30_000,
      })
      .toBe('operator');
    expect(await chip.count()).toBe(0);
    await page.close();
  });
});
