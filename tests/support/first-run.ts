// A fresh data folder opens on the telemetry consent dialog (privacy spec: first run asks before
// the dashboard). Tests about other features answer it the way a cautious operator would.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export async function declineTelemetryIfAsked(
  page: Page,
  readySelector: string,
  options: { timeoutMs?: number } = {},
): Promise<void> {
  const decline = page.getByRole('button', { name: 'Send nothing' });
  await expect
    .poll(async () => (await decline.count()) + (await page.locator(readySelector).count()), {
      timeout: options.timeoutMs ?? 10_000,
    })
    .toBeGreaterThan(0);
  if ((await decline.count()) > 0) await decline.click();
}
