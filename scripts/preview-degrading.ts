// Dev harness for LOOKING at the "degrading" marks (issue 12): builds the renderer, serves the fake
// plant of preview-renderer.ts plus a getInsights answer with active early warnings, and
// screenshots the wall and the overview at 1080p and 4K into test-results/.
// Run: node --experimental-strip-types scripts/preview-degrading.ts
import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppInfo, InsightWarningView, Result } from '../src/shared/contract/index.ts';

const { createFakePlant } = (await import(
  new URL('./preview-fake-plant.ts', import.meta.url).href
)) as typeof import('./preview-fake-plant.ts');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out/renderer-degrading');
const resultsDir = path.join(root, 'test-results');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

await build({
  root: path.join(root, 'src/renderer'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir, emptyOutDir: true },
});

const plant = createFakePlant();
const appInfo: AppInfo = {
  name: 'Linewatch',
  version: '0.1.0-preview',
  host: 'headless',
  demo: true,
  access: 'operator',
  pinSet: false,
};
const now = Date.now();
const warning = (
  endpointId: string,
  lineId: string,
  kind: InsightWarningView['kind'],
  endedAt: string | null,
): InsightWarningView => ({
  endpointId,
  endpointName: endpointId,
  lineId,
  lineName: lineId,
  kind,
  score: 0.7,
  startedAt: new Date(now - 40 * 60_000).toISOString(),
  endedAt,
  baseline: { rttMs: 1.2, loss: null },
  observed: { rttMs: 9.5, loss: null },
  reason: 'RTT 9.5 ms against 1.2 ms usual since 10:20',
});
const warnings = [
  warning('body-shop.press-1-plc', 'body-shop', 'rtt_rise', null),
  warning('body-shop.weld-robot-r3', 'body-shop', 'loss_rise', null),
  warning('paint.oven-controller', 'paint', 'threshold', null),
  warning('assembly.conveyor-plc', 'assembly', 'rtt_rise', new Date(now - 5 * 60_000).toISOString()),
];
const ok = (value: unknown): Result<unknown> => ({ ok: true, value });
const answers: Record<string, () => Result<unknown>> = {
  getAppInfo: () => ok(appInfo),
  getWallSnapshot: () => ok(plant.snapshot()),
  getEngineStatus: () => ok(plant.engineStatus()),
  listAlarms: () => ok(plant.alarms()),
  getInsights: () =>
    ok({
      from: new Date(now - 86_400_000).toISOString(),
      to: new Date(now).toISOString(),
      warnings,
      priorities: [],
    }),
};

const server = http.createServer((request, response) => {
  const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  const file = path.join(outDir, urlPath === '/' ? 'index.html' : urlPath);
  if (!file.startsWith(outDir)) return void response.writeHead(403).end();
  readFile(file).then(
    (body) =>
      response
        .writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' })
        .end(body),
    () => response.writeHead(404).end(),
  );
});
const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', (request, socket, head) => {
  if (!request.url?.startsWith('/contract')) return void socket.destroy();
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
wss.on('connection', (ws: WebSocket) => {
  ws.on('message', (data) => {
    const frame = JSON.parse((data as Buffer).toString()) as { id: number; method: string };
    const answer = answers[frame.method];
    const result = answer
      ? answer()
      : { ok: false, error: { code: 'unknown_method', message: `preview has no ${frame.method}` } };
    ws.send(JSON.stringify({ type: 'response', id: frame.id, result }));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
await mkdir(resultsDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of [
    { name: '1920x1080', width: 1920, height: 1080 },
    { name: '3840x2160', width: 3840, height: 2160 },
  ]) {
    for (const page of ['wall', 'overview']) {
      const tab = await browser.newPage({ viewport: { width: size.width, height: size.height } });
      tab.on('pageerror', (error) => console.log(`[page error] ${error.message}`));
      await tab.goto(`${url}#/${page}`);
      await tab.waitForSelector('[data-endpoint-id]');
      await tab.waitForSelector(page === 'wall' ? '.tile__degrading' : '.lh__degrading', { timeout: 10_000 });
      await tab.waitForTimeout(800);
      const file = path.join(resultsDir, `degrading-${page}-${size.name}.png`);
      await tab.screenshot({ path: file });
      console.log(`screenshot ${file}`);
      await tab.close();
    }
  }
} finally {
  await browser.close();
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.close();
}
