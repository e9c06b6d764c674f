// UI speed at scale (issue 6): 2,000 endpoints on 40 lines against the BUILT `linewatch serve`,
// measured in Debian's Chromium. Prints one JSON object:
//  - time from navigation to all 2,000 [data-endpoint-id] in the page, overview and all-devices
//    wall, at 1920x1080 and 3840x2160 (median of BENCH_UI_LOAD_RUNS loads, default 3; the first
//    load of the run is the only one with a cold HTTP and code cache);
//  - JS heap over ~60 s of live updates (performance.memory and CDP after GC), long tasks;
//  - render counts per second of the tiles, chips and line blocks (counted from outside the app by
//    RENDER_COUNTER_INIT below) against the number of endpoints.
// Targets are loopback TCP listeners started here (127.0.0.x only); some are switched off and on
// every few seconds so the wall gets a steady stream of state changes.
/* global window, document -- the page functions below run in the browser */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const LINES = 40;
const PER_LINE = 50;
const TOTAL = LINES * PER_LINE;
const LISTENERS = 8;
const FLAPPING = 2; // listeners toggled: a quarter of the endpoints change state regularly
const SAMPLE_SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 60);
// Each page load is timed this many times (fresh page each); the median is reported.
const LOAD_RUNS = Number(process.env.BENCH_UI_LOAD_RUNS ?? 3);
const CHROMIUM = process.env.LINEWATCH_CHROMIUM ?? '/usr/bin/chromium';
// LINEWATCH_BIN: a snapshot of bin/ + out/, so a parallel rebuild of out/ cannot disturb a run.
const BIN = process.env.LINEWATCH_BIN ?? fileURLToPath(new URL('../bin/linewatch.js', import.meta.url));

function startListener(host) {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.end();
  });
  const listen = (port) =>
    new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve(server.address().port);
      });
    });
  return {
    host,
    listen,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function configYaml(targets) {
  const lines = [];
  for (let l = 0; l < LINES; l += 1) {
    lines.push(`  - id: line-${l}\n    name: Line ${String(l + 1).padStart(2, '0')}\n    endpoints:`);
    for (let e = 0; e < PER_LINE; e += 1) {
      const t = targets[(l * PER_LINE + e) % targets.length];
      lines.push(
        `      - { id: l${l}-d${e}, name: Line ${l + 1} device ${e + 1}, type: plc, critical: ${e === 0}, probe: { kind: tcp, host: ${t.host}, port: ${t.port} } }`,
      );
    }
  }
  return `version: 1
site: { id: bench, name: Bench Plant, timezone: Europe/Berlin }
defaults: { interval: 1s, timeout: 500ms, down_after: 1, up_after: 1 }
lines:
${lines.join('\n')}
`;
}

function startServe(configPath, dataDir) {
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--config', configPath, '--data', dataDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /dashboard at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

const LONG_TASKS_INIT = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

// The components whose renders are counted, by function name (the renderer bundle keeps names), and
// the key each count is reported under.
const COUNTED_COMPONENTS = {
  EndpointTile: 'tile',
  TimeInState: 'tileSince', // the time-in-state span inside a tile
  TileRtt: 'tileRtt', // the RTT span inside a tile
  DeviceChip: 'chip',
  LineHealthBlock: 'line',
};

// Renders are counted from outside the app, so production code carries no counters: a minimal React
// DevTools global hook, installed before the bundle runs, to which React hands every committed
// fiber tree (as to the real DevTools). A component rendered in a commit when its fiber is new
// (mounted) or carries React's PerformedWork flag (its function ran and the result was used; a
// memo bail-out leaves it clear). As in DevTools, the walk enters a subtree only where this commit
// replaced the children: where `child` is still the previous fiber's, nothing below was touched.
const RENDER_COUNTER_INIT = (counted) => {
  const PERFORMED_WORK = 1;
  window.__benchRenders = {};
  const countCommit = (rootFiber) => {
    const counts = window.__benchRenders;
    const pending = [rootFiber];
    while (pending.length > 0) {
      const fiber = pending.pop();
      const previous = fiber.alternate;
      if (typeof fiber.type === 'function') {
        const key = counted[fiber.type.displayName ?? fiber.type.name];
        if (key !== undefined && (previous === null || (fiber.flags & PERFORMED_WORK) !== 0)) {
          counts[key] = (counts[key] ?? 0) + 1;
        }
      }
      if (previous === null || fiber.child !== previous.child) {
        for (let child = fiber.child; child !== null; child = child.sibling) pending.push(child);
      }
    }
  };
  const renderers = new Map();
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers,
    inject(internals) {
      renderers.set(renderers.size + 1, internals);
      return renderers.size;
    },
    onCommitFiberRoot(_rendererId, root) {
      countCommit(root.current);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
};

/** Median of LOAD_RUNS loads; every sample and the worst long task of any run are kept. */
async function medianTimeToAllTiles(browser, url, viewport) {
  const runs = [];
  for (let i = 0; i < LOAD_RUNS; i += 1) runs.push(await timeToAllTiles(browser, url, viewport));
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return {
    ms: sorted[Math.floor((sorted.length - 1) / 2)],
    samplesMs: runs.map((r) => r.ms),
    longTasksDuringLoad: Math.max(...runs.map((r) => r.longTasksDuringLoad)),
    longestTaskMs: Math.max(...runs.map((r) => r.longestTaskMs)),
  };
}

/** ms from navigation start until every endpoint is in the page. */
async function timeToAllTiles(browser, url, viewport) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(LONG_TASKS_INIT);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (total) => (document.querySelectorAll('[data-endpoint-id]').length >= total ? performance.now() : false),
    TOTAL,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = Math.round(await handle.jsonValue());
  const longTasks = await page.evaluate(() => window.__longTasks.map(Math.round));
  await page.close();
  return { ms, longTasksDuringLoad: longTasks.length, longestTaskMs: Math.max(0, ...longTasks) };
}

async function heapOverTime(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.addInitScript(LONG_TASKS_INIT);
  await page.addInitScript(RENDER_COUNTER_INIT, COUNTED_COMPONENTS);
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url, { waitUntil: 'commit', timeout: 90_000 });
  await page.waitForFunction(
    (total) => document.querySelectorAll('[data-endpoint-id]').length >= total,
    TOTAL,
    { timeout: 90_000 },
  );
  await page.waitForTimeout(3_000);
  const gcHeap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return Math.round((await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6);
  };
  const startMb = await gcHeap();
  // The page's chips or tiles mounted by now; none counted means the names no longer match.
  if (Object.keys(await page.evaluate(() => window.__benchRenders)).length === 0) {
    throw new Error(`no render of ${Object.keys(COUNTED_COMPONENTS).join(', ')} seen: renamed or minified?`);
  }
  await page.evaluate(() => {
    window.__longTasks = [];
    window.__benchRenders = {};
  });
  const samples = [];
  const started = Date.now();
  while (Date.now() - started < SAMPLE_SECONDS * 1_000) {
    await page.waitForTimeout(5_000);
    samples.push(Math.round((await page.evaluate(() => performance.memory.usedJSHeapSize)) / 1e6));
  }
  const seconds = (Date.now() - started) / 1_000;
  const endMb = await gcHeap();
  const { renders, longTasks, downNow, unknownNow, staleNow } = await page.evaluate(() => ({
    renders: window.__benchRenders,
    longTasks: window.__longTasks.map(Math.round),
    downNow: document.querySelectorAll('[data-endpoint-id][data-state="down"]').length,
    unknownNow: document.querySelectorAll('[data-endpoint-id][data-state="unknown"]').length,
    // The shell marks itself stale while the live connection is down: figures would not be live.
    staleNow: document.querySelector('[data-stale="true"]') !== null,
  }));
  await page.close();
  return {
    seconds: Math.round(seconds),
    heapAfterGcMb: { start: startMb, end: endMb },
    heapSamplesMb: samples,
    chipRendersPerSecond: Math.round((renders.chip ?? 0) / seconds),
    lineBlockRendersPerSecond: Math.round((renders.line ?? 0) / seconds),
    tileRendersPerSecond: Math.round((renders.tile ?? 0) / seconds),
    // The time-in-state and RTT spans inside tiles, which re-render on their own (not the tile).
    tileSinceRendersPerSecond: Math.round((renders.tileSince ?? 0) / seconds),
    tileRttRendersPerSecond: Math.round((renders.tileRtt ?? 0) / seconds),
    devicesDownAtEnd: downNow,
    devicesUnknownAtEnd: unknownNow,
    staleAtEnd: staleNow,
    longTasks: longTasks.length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}

/** A fresh data folder asks for telemetry consent first; decline once (stored in main) so the
 * measured pages open straight onto the console. */
async function declineConsentOnce(browser, url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const decline = page.locator('.consent-secondary');
  await decline.click({ timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  await page.close();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-bench-ui-'));
  const listeners = [];
  for (let i = 0; i < LISTENERS; i += 1) listeners.push(startListener(`127.0.0.${20 + i}`));
  const targets = [];
  for (const listener of listeners) targets.push({ host: listener.host, port: await listener.listen(0) });
  const configPath = join(dir, 'bench.yaml');
  writeFileSync(configPath, configYaml(targets));
  const serve = await startServe(configPath, join(dir, 'data'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
    ],
  });
  // Flapping targets: off for 5 s, on for 5 s, so ~500 endpoints change state every few seconds.
  let flapping = true;
  const flap = async () => {
    let on = true;
    while (flapping) {
      await new Promise((r) => setTimeout(r, 5_000));
      if (!flapping) break;
      on = !on;
      for (let i = 0; i < FLAPPING; i += 1) {
        const listener = listeners[i];
        if (on) await listener.listen(targets[i].port).catch(() => undefined);
        else await listener.stop();
      }
    }
  };
  const flapping$ = flap();
  try {
    await new Promise((r) => setTimeout(r, 3_000)); // first checks done, so states are live
    await declineConsentOnce(browser, serve.url);
    const result = { endpoints: TOTAL, lines: LINES, loadMs: {} };
    for (const [name, viewport] of [
      ['1920x1080', { width: 1920, height: 1080 }],
      ['3840x2160', { width: 3840, height: 2160 }],
    ]) {
      result.loadMs[name] = {
        overview: await medianTimeToAllTiles(browser, `${serve.url}#/overview`, viewport),
        allDevices: await medianTimeToAllTiles(browser, `${serve.url}#/wall`, viewport),
      };
      console.error(`bench-ui: ${name} ${JSON.stringify(result.loadMs[name])}`);
    }
    result.live = { overview: await heapOverTime(browser, `${serve.url}#/overview`) };
    console.error(`bench-ui: live overview ${JSON.stringify(result.live.overview)}`);
    result.live.allDevices = await heapOverTime(browser, `${serve.url}#/wall`);
    result.limits = { loadMs: 1_500, heapMb: 200 };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    flapping = false;
    await flapping$;
    await browser.close();
    serve.child.kill('SIGTERM');
    await new Promise((r) => serve.child.once('exit', r));
    await Promise.all(listeners.map((l) => l.stop().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
