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
// Then the storm (scripts/bench-ui-storm.mjs, issue 11): every 7th endpoint down, ~290 open alarms,
// the overview timed from navigation start, first visit and warm, at both sizes (key `storm`).
/* global window, document -- the page functions below run in the browser */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  configYaml,
  COUNTED_COMPONENTS,
  declineConsentOnce,
  launchChromium,
  LINES,
  LONG_TASKS_INIT,
  RENDER_COUNTER_INIT,
  startListener,
  startServe,
  stopServe,
  TOTAL,
} from './bench-ui-plant.mjs';
import { stormScenario } from './bench-ui-storm.mjs';

const LISTENERS = 8;
const FLAPPING = 2; // listeners toggled: a quarter of the endpoints change state regularly
const SAMPLE_SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 60);
// Each page load is timed this many times (fresh page each); the median is reported.
const LOAD_RUNS = Number(process.env.BENCH_UI_LOAD_RUNS ?? 3);
// BENCH_UI_SCENARIOS: which of `calm` (issue 6) and `storm` (issue 11) to run, default both.
const SCENARIOS = new Set((process.env.BENCH_UI_SCENARIOS ?? 'calm,storm').split(','));
const CHROMIUM = process.env.LINEWATCH_CHROMIUM ?? '/usr/bin/chromium';
// LINEWATCH_BIN: a snapshot of bin/ + out/, so a parallel rebuild of out/ cannot disturb a run.
const BIN = process.env.LINEWATCH_BIN ?? fileURLToPath(new URL('../bin/linewatch.js', import.meta.url));

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

/** The calm plant (issue 6): a quarter of the endpoints switching every 5 s, almost no open alarms. */
async function calmScenario(browser) {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-bench-ui-'));
  const listeners = [];
  for (let i = 0; i < LISTENERS; i += 1) listeners.push(startListener(`127.0.0.${20 + i}`));
  const targets = [];
  for (const listener of listeners) targets.push({ host: listener.host, port: await listener.listen(0) });
  const configPath = join(dir, 'bench.yaml');
  writeFileSync(
    configPath,
    configYaml((index) => targets[index % targets.length]),
  );
  const serve = await startServe(BIN, configPath, join(dir, 'data'));
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
    const result = { loadMs: {} };
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
    return result;
  } finally {
    flapping = false;
    await flapping$;
    await stopServe(serve);
    await Promise.all(listeners.map((l) => l.stop().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const browser = await launchChromium(CHROMIUM);
  try {
    const result = { endpoints: TOTAL, lines: LINES };
    if (SCENARIOS.has('calm')) Object.assign(result, await calmScenario(browser));
    if (SCENARIOS.has('storm')) {
      result.storm = await stormScenario({
        browser,
        bin: BIN,
        loadRuns: LOAD_RUNS,
        screenshotDir: process.env.BENCH_UI_SCREENSHOTS,
      });
    }
    result.limits = { loadMs: 1_500, heapMb: 200, stormLoadMs: 1_500 };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
  }
}

await main();
