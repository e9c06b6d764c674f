// README screenshots at the two wall sizes a control room runs (1080p and 4K), into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';

export const WALL_SIZES = [
  { suffix: '1080p', width: 1920, height: 1080 },
  { suffix: '4k', width: 3840, height: 2160 },
] as const;

/**
 * Resolves once the page has laid out and painted at its new size: the root font follows the
 * viewport and the charts redraw on a ResizeObserver, so a few frames, not a guessed delay.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // The page's globals, typed by hand: the node tsconfig has no DOM types.
    const view = globalThis as unknown as {
      document: { fonts: { ready: Promise<unknown> } };
      requestAnimationFrame(callback: () => void): number;
    };
    await view.document.fonts.ready;
    for (let i = 0; i < 4; i++) await new Promise<void>((done) => view.requestAnimationFrame(done));
  });
}

/** `docs/screenshots/<name>-1080p.png` and `<name>-4k.png`; the page is left at 1080p. */
export async function screenshotAtWallSizes(page: Page, name: string): Promise<void> {
  mkdirSync('docs/screenshots', { recursive: true });
  for (const size of WALL_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await settled(page);
    await page.screenshot({ path: `docs/screenshots/${name}-${size.suffix}.png` });
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await settled(page);
}
