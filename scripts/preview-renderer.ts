// Dev harness for LOOKING at the renderer: builds it with vite, serves it with a fake plant over
// the real contract frames (HTTP + WebSocket at /contract), and screenshots the wall at the sizes
// control rooms use. Run: node --experimental-strip-types scripts/preview-renderer.ts [--serve]
// Not the headless host (src/main/host); it answers the wall's requests from a fake plant and walks
// through an incident: calm wall, alarms arrive, an operator acknowledges, the host goes away.
import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { WebSocketServer, type WebSocket } from 'ws';
import type {
  AppInfo,
  ConfigStatus,
  EventName,
  EventPayload,
  RequestOf,
  Result,
} from '../src/shared/contract/index.ts';

// Type stripping runs .ts files but cannot resolve an extensionless import, and tsc rejects a
// `.ts` one in a value import, so the sibling module is loaded by URL and typed by a type query.
const { createFakePlant } = (await import(
  new URL('./preview-fake-plant.ts', import.meta.url).href
)) as typeof import('./preview-fake-plant.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out/renderer');
const resultsDir = path.join(root, 'test-results');
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:";
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

await build({
  root: path.join(root, 'src/renderer'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
});

// Replaced for each screen size, so every size starts from the same story.
let plant = createFakePlant();
const appInfo: AppInfo = {
  name: 'Linewatch',
  version: '0.1.0-preview',
  host: 'headless',
  demo: true,
  access: 'operator',
  pinSet: false,
};
const configStatus = (): ConfigStatus => ({
  source: 'file',
  path: '/etc/linewatch/plant.yaml',
  appliedAt: new Date().toISOString(),
  hash: 'preview',
  endpointCount: plant.snapshot().states.length,
  errors: plant.configErrors(),
});
const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
const answers: Record<string, (payload: unknown) => Result<unknown>> = {
  getAppInfo: () => ok(appInfo),
  getWallSnapshot: () => ok(plant.snapshot()),
  getConfigStatus: () => ok(configStatus()),
  getEngineStatus: () => ok(plant.engineStatus()),
  listAlarms: () => ok(plant.alarms()),
  acknowledgeAlarm: (payload) => {
    // The real host validates with the contract schema; the preview trusts its own renderer.
    const request = payload as RequestOf<'acknowledgeAlarm'>;
    const result = plant.acknowledge(request);
    if (result.ok)
      setTimeout(() => broadcast('alarmsChanged', { reason: 'acknowledged', alarmId: request.alarmId }));
    return result;
  },
};

const server = http.createServer((request, response) => {
  const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  const file = path.join(outDir, urlPath === '/' ? 'index.html' : urlPath);
  if (!file.startsWith(outDir)) return void response.writeHead(403).end();
  readFile(file).then(
    (body) => {
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'content-type': type, 'content-security-policy': CSP }).end(body);
    },
    () => response.writeHead(404).end(),
  );
});

let acceptingSockets = true;
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  if (!acceptingSockets || !request.url?.startsWith('/contract')) return void socket.destroy();
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
wss.on('connection', (ws: WebSocket) => {
  ws.on('message', (data) => {
    // ws hands a message over as one Buffer (its default binaryType).
    const frame = JSON.parse((data as Buffer).toString()) as { id: number; method: string; payload: unknown };
    const answer = answers[frame.method];
    const result = answer
      ? answer(frame.payload)
      : { ok: false, error: { code: 'unknown_method', message: `preview has no ${frame.method}` } };
    ws.send(JSON.stringify({ type: 'response', id: frame.id, result }));
  });
});
const broadcast = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
  for (const client of wss.clients) client.send(JSON.stringify({ type: 'event', event, payload }));
};
const startIncident = (): void => {
  broadcast('endpointStates', { states: plant.startIncident() });
  broadcast('configApplied', configStatus());
  broadcast('alarmsChanged', { reason: 'raised', alarmId: 5 });
};
const ticker = setInterval(() => broadcast('endpointStates', { states: plant.tick() }), 1_000);

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
console.log(`preview serving ${url}`);

if (process.argv.includes('--serve')) {
  console.log('--serve: Ctrl+C to stop');
} else {
  await mkdir(resultsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const shoot = async (page: Page, name: string): Promise<void> => {
    const file = path.join(resultsDir, `preview-${name}.png`);
    await page.screenshot({ path: file });
    console.log(`screenshot ${file}`);
  };
  try {
    const sizes = [
      { name: '1920x1080', width: 1920, height: 1080 },
      { name: '3840x2160', width: 3840, height: 2160 },
      { name: '1080x1920', width: 1080, height: 1920 },
    ];
    for (const size of sizes) {
      plant = createFakePlant();
      const calmFirst = size.name === '1920x1080';
      if (!calmFirst) plant.startIncident();
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
      page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
      await page.goto(url);
      await page.waitForSelector('[data-endpoint-id]');
      await page.waitForTimeout(2_200); // a couple of live batches and clock ticks
      if (calmFirst) {
        await shoot(page, `${size.name}-calm`);
        // The operator's first click unlocks audio, then the incident arrives live.
        await page.mouse.click(5, size.height - 5);
        startIncident();
        await page.waitForSelector('[data-alarm-kind="unacked"]');
        await page.waitForTimeout(1_200);
      }
      await shoot(page, `${size.name}-alarms`);
      await page.locator('[data-ack-button]').first().click();
      await page.waitForSelector('dialog[open]');
      if (size.name === '3840x2160') {
        // Someone at another console is faster: the dialog must say so.
        plant.acknowledge({ alarmId: 5, operator: 'Jonas', note: '' });
        await page.fill('dialog input[name=operator]', 'Anna');
        await page.keyboard.press('Enter');
        await page.waitForSelector('.ack-dialog__error');
      } else if (size.name === '1080x1920') {
        await page.fill('dialog textarea[name=note]', 'Checking the patch panel');
        await page.keyboard.press('Enter');
        await page.waitForSelector('.ack-dialog__error');
      } else {
        await page.keyboard.type('Anna');
        await page.fill('dialog textarea[name=note]', 'Electrician on the way to cabinet 3');
      }
      await shoot(page, `${size.name}-ack-dialog`);
      if (size.name === '1920x1080') {
        await page.keyboard.press('Enter');
        await page.waitForSelector('dialog[open]', { state: 'detached' });
        await page.waitForTimeout(300);
        await shoot(page, `${size.name}-acknowledged`);
        // Take the host away to see how the wall says it is no longer live.
        acceptingSockets = false;
        for (const client of wss.clients) client.terminate();
        await page.waitForSelector('[data-banner="connection-lost"]');
        await page.waitForTimeout(1_200);
        await shoot(page, '1920x1080-disconnected');
        acceptingSockets = true;
        await page.waitForSelector('[data-banner="connection-lost"]', { state: 'detached', timeout: 15_000 });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    clearInterval(ticker);
    for (const client of wss.clients) client.terminate();
    wss.close();
    server.close();
  }
}
