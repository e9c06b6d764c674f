// Launches the *built* app (out/main/index.js) in real Electron and checks the wall shows the demo
// plant. Runs only where the Electron binary is installed; elsewhere it says why it was skipped.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinewatchBridge } from '@src/shared/contract';
import { declineTelemetryIfAsked } from '../support/first-run';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const mainEntry = join(root, 'out', 'main', 'index.js');
const screenshotPath = join(root, 'test-results', 'electron-wall.png');

type BinaryLookup = { found: true; path: string } | { found: false; reason: string };

/**
 * Mirrors how `node_modules/electron/index.js` finds the binary, without requiring it: requiring
 * that file downloads Electron when it is missing, which must never happen from a test.
 */
function findElectronBinary(): BinaryLookup {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const candidate = join(override, relativeBinary ?? 'electron');
    return existsSync(candidate)
      ? { found: true, path: candidate }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }
  if (relativeBinary === null) {
    return { found: false, reason: `${pathFile} is missing (the Electron binary was never downloaded)` };
  }
  const candidate = join(packageDir, 'dist', relativeBinary);
  return existsSync(candidate)
    ? { found: true, path: candidate }
    : { found: false, reason: `${candidate} does not exist (the Electron binary was never downloaded)` };
}

const binary = findElectronBinary();
if (!binary.found) console.warn(`test:electron skipped: ${binary.reason}`);

let app: ElectronApplication | null = null;
let userData: string | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
  if (userData) rmSync(userData, { recursive: true, force: true });
  userData = null;
});

describe('Electron app', () => {
  it.skipIf(!binary.found)('shows the demo plant wall in a sandboxed app:// window', async () => {
    if (!binary.found) return;
    // A missing build is a broken pipeline, not a reason to skip: fail loudly.
    expect(existsSync(mainEntry), `${mainEntry} is missing: run \`npm run build\` first`).toBe(true);

    // Isolated profile: no config file there, so the built-in demo plant runs, and the
    // single-instance lock never collides with an app the developer has open.
    userData = mkdtempSync(join(tmpdir(), 'linewatch-electron-'));
    const args = [mainEntry, `--user-data-dir=${userData}`];
    // Chromium refuses to start as root with its sandbox (CI containers); test-only concession.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const env = Object.fromEntries(
      Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    app = await _electron.launch({ executablePath: binary.path, args, cwd: root, env, timeout: 30_000 });

    const page = await app.firstWindow();
    await declineTelemetryIfAsked(page, '[data-endpoint-id]');
    const tiles = page.locator('[data-endpoint-id]');
    await tiles.first().waitFor({ state: 'visible', timeout: 30_000 });
    expect(page.url()).toBe('app://linewatch/index.html');

    const snapshotIds = await page.evaluate(async () => {
      const bridge = (globalThis as { linewatch?: LinewatchBridge }).linewatch;
      if (!bridge) return null;
      const result = await bridge.getWallSnapshot({});
      return result.ok ? result.value.lines.flatMap((line) => line.endpoints.map((e) => e.id)) : null;
    });
    expect(snapshotIds, 'window.linewatch.getWallSnapshot should answer').not.toBeNull();
    const shownIds: (string | null)[] = [];
    for (const tile of await tiles.all()) shownIds.push(await tile.getAttribute('data-endpoint-id'));
    expect(shownIds.length).toBeGreaterThan(0);
    for (const id of shownIds) expect(snapshotIds).toContain(id);

    // The sandbox holds: the page has no Node and no raw IPC.
    const leaks = await page.evaluate(() => {
      const scope = globalThis as { require?: unknown; process?: unknown; ipcRenderer?: unknown };
      return [typeof scope.require, typeof scope.process, typeof scope.ipcRenderer];
    });
    expect(leaks).toEqual(['undefined', 'undefined', 'undefined']);

    mkdirSync(dirname(screenshotPath), { recursive: true });
    await page.screenshot({ path: screenshotPath });
    expect(existsSync(screenshotPath)).toBe(true);
  });
});
