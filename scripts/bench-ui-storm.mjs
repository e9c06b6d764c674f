// bench:ui's alarm-storm scenario (issue 11): the plant of bench-ui-plant.mjs with every 7th endpoint
// pointed at a refused loopback port, so ~290 endpoints are down with an unacknowledged alarm each,
// while every endpoint is still checked every second (live batches keep flowing) and a few devices
// switch every 5 s (alarms keep being raised and cleared, as in a real storm).
//
// The overview, as a kiosk wall (`?kiosk=1`, the figure) and as a desk console (navigation,
// consent gate) opens it, is timed from navigation start (performance.now() in the page, whose
// origin is the navigation's start) until every [data-endpoint-id] is in the page:
//  - firstVisit: a fresh browser context (cold HTTP and code cache), one navigation;
//  - warm: a second navigation in that same context (about:blank in between, so it is a real load);
// each the median of `loadRuns` contexts, at 1920x1080 and 3840x2160. Besides the figure it keeps
// what a load waited for: the contract requests sent before the first tile, the responses (method,
// when asked, when answered, bytes) before the last tile, long tasks, React commits and renders, and
// the payload size and round trip of listAlarms, getWallSnapshot and getReport in this storm.
/* global window, document -- the page functions below run in the browser */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  COUNTED_COMPONENTS,
  configYaml,
  declineConsentOnce,
  LINES,
  PER_LINE,
  refusedTarget,
  RENDER_COUNTER_INIT,
  startListener,
  startServe,
  stopServe,
  TOTAL,
} from './bench-ui-plant.mjs';

const DOWN_EVERY = 7;
const LISTENERS = 8;
/** One device on every fifth line (not one of the down ones) switches off and on every 5 s. */
const isFlapping = (index) =>
  index % DOWN_EVERY !== 0 && index % PER_LINE === 3 && Math.floor(index / PER_LINE) % 5 === 0;
const DOWN = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => i % DOWN_EVERY === 0).length;

/**
 * The overview as the kiosk wall opens it (the figure), and as a desk console opens it (with
 * the navigation; its consent check comes before the page).
 */
const STORM_PAGES = [
  ['kiosk', '?kiosk=1#/overview'],
  ['console', '#/overview'],
];

const LOAD_COUNTED = {
  ...COUNTED_COMPONENTS,
  AlarmStrip: 'alarmStrip',
  AlarmRow: 'alarmRow',
  OverviewPage: 'overviewPage',
  App: 'app',
};

// Installed before the bundle runs: records when the first and the last tile are in the page (a
// requestAnimationFrame loop, as a paint would see them) and every contract frame on the page's
// WebSocket (only the frame's head is read, so the probe adds no JSON parsing of its own).
const LOAD_PROBE_INIT = (total) => {
  const probe = { firstTileAt: null, allTilesAt: null, allTilesEpochMs: null, sent: [], received: [] };
  window.__loadProbe = probe;
  window.__loadLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__loadLongTasks.push({ at: Math.round(entry.startTime), ms: Math.round(entry.duration) });
    }
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    const tiles = document.querySelectorAll('[data-endpoint-id]').length;
    if (tiles > 0 && probe.firstTileAt === null) probe.firstTileAt = performance.now();
    if (tiles >= total) {
      probe.allTilesAt = performance.now();
      probe.allTilesEpochMs = Date.now();
      // What React had committed by then (RENDER_COUNTER_INIT's counts go on counting).
      probe.rendersAtAllTiles = { ...window.__benchRenders };
      probe.commitsAtAllTiles = window.__benchCommits;
      return;
    }
    window.requestAnimationFrame(poll);
  };
  window.requestAnimationFrame(poll);
  const Native = window.WebSocket;
  window.WebSocket = class ProbedWebSocket extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        const text = String(event.data);
        const head = text.slice(0, 120);
        const id = /"id":(\d+)/.exec(head);
        const name = /"event":"([^"]+)"/.exec(head);
        probe.received.push({
          at: performance.now(),
          bytes: text.length,
          id: head.startsWith('{"type":"response"') && id ? Number(id[1]) : null,
          event: head.startsWith('{"type":"event"') && name ? name[1] : null,
        });
      });
    }
    send(data) {
      const head = String(data).slice(0, 160);
      const id = /"id":(\d+)/.exec(head);
      const method = /"method":"([^"]+)"/.exec(head);
      probe.sent.push({ at: performance.now(), id: id ? Number(id[1]) : null, method: method?.[1] ?? null });
      super.send(data);
    }
  };
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/** One navigation of `page` to `url`, timed; what the page waited for comes with it. */
async function timedVisit(page, url) {
  const gotoEpochMs = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__loadProbe.allTilesAt !== null, undefined, {
    polling: 100,
    timeout: 30_000,
  });
  const seen = await page.evaluate(() => ({
    probe: window.__loadProbe,
    longTasks: window.__loadLongTasks,
    navigation: performance.getEntriesByType('navigation')[0]?.toJSON() ?? null,
    paints: performance.getEntriesByType('paint').map((p) => ({ name: p.name, at: Math.round(p.startTime) })),
  }));
  const { probe } = seen;
  const sentById = new Map(probe.sent.map((s) => [s.id, s]));
  const responses = probe.received
    .filter((r) => r.id !== null && r.at <= probe.allTilesAt)
    .map((r) => ({
      method: sentById.get(r.id)?.method ?? null,
      askedAtMs: Math.round(sentById.get(r.id)?.at ?? NaN),
      answeredAtMs: Math.round(r.at),
      bytes: r.bytes,
    }));
  const eventsBefore = probe.received.filter((r) => r.event !== null && r.at <= probe.allTilesAt);
  const allTiles = Math.round(probe.allTilesAt);
  return {
    ms: allTiles,
    fromGotoMs: probe.allTilesEpochMs - gotoEpochMs,
    firstTileMs: Math.round(probe.firstTileAt),
    // Navigation timing: the HTML's response, and when the bundle had run (DOMContentLoaded).
    responseEndMs: Math.round(seen.navigation?.responseEnd ?? NaN),
    domContentLoadedMs: Math.round(seen.navigation?.domContentLoadedEventEnd ?? NaN),
    firstContentfulPaintMs: seen.paints.find((p) => p.name === 'first-contentful-paint')?.at ?? null,
    requestsBeforeFirstTile: probe.sent.filter((s) => s.at <= probe.firstTileAt).map((s) => s.method),
    responsesBeforeAllTiles: responses,
    eventBatchesBeforeAllTiles: eventsBefore.length,
    eventBytesBeforeAllTiles: eventsBefore.reduce((sum, e) => sum + e.bytes, 0),
    longTasksBeforeAllTiles: seen.longTasks.filter((t) => t.at <= allTiles),
    reactCommitsBeforeAllTiles: probe.commitsAtAllTiles,
    rendersBeforeAllTiles: probe.rendersAtAllTiles,
  };
}

/** `runs` fresh contexts, each visited twice: first visit (cold) and warm (second navigation). */
export async function timeOverview(browser, url, viewport, runs, screenshotPath) {
  const first = [];
  const warm = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ viewport });
    await context.addInitScript(LOAD_PROBE_INIT, TOTAL);
    await context.addInitScript(RENDER_COUNTER_INIT, LOAD_COUNTED);
    const page = await context.newPage();
    first.push(await timedVisit(page, url));
    await page.goto('about:blank');
    warm.push(await timedVisit(page, url));
    if (screenshotPath && i === runs - 1) {
      // After the reports and the alarm list have surely arrived: the page as the wall shows it.
      await page.waitForTimeout(2_000);
      await page.screenshot({ path: screenshotPath });
    }
    await context.close();
  }
  const summary = (visits) => {
    const ms = median(visits.map((v) => v.ms));
    return {
      ms,
      samplesMs: visits.map((v) => v.ms),
      fromGotoMs: median(visits.map((v) => v.fromGotoMs)),
      firstTileMs: median(visits.map((v) => v.firstTileMs)),
      longestTaskBeforeAllTilesMs: Math.max(
        0,
        ...visits.flatMap((v) => v.longTasksBeforeAllTiles.map((t) => t.ms)),
      ),
      // The visit whose figure is the median, in full: what that load waited for.
      medianVisit: visits.find((v) => v.ms === ms),
    };
  };
  return { firstVisit: summary(first), warm: summary(warm) };
}

// Asked from a page of the host (the contract accepts only its own pages), on a WebSocket of its
// own: bytes of the answer and the round trip, median of five after one warm-up.
const CONTRACT_ROUND_TRIPS = async ({ requests, path, subprotocol }) => {
  const socket = new WebSocket(`ws://${window.location.host}${path}`, [subprotocol]);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve);
    socket.addEventListener('error', reject);
  });
  let nextId = 1;
  const ask = (method, payload) =>
    new Promise((resolve) => {
      const id = nextId++;
      const started = performance.now();
      const onMessage = (event) => {
        const text = String(event.data);
        if (!text.startsWith(`{"type":"response","id":${id},`)) return;
        socket.removeEventListener('message', onMessage);
        resolve({ ms: performance.now() - started, bytes: text.length, text });
      };
      socket.addEventListener('message', onMessage);
      socket.send(JSON.stringify({ type: 'request', id, method, payload }));
    });
  const out = {};
  for (const [name, method, payload] of requests) {
    await ask(method, payload);
    const times = [];
    let last = null;
    for (let i = 0; i < 5; i += 1) {
      last = await ask(method, payload);
      times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    out[name] = { bytes: last.bytes, roundTripMs: Math.round(times[2] * 10) / 10, text: last.text };
  }
  socket.close();
  return out;
};

async function contractFigures(browser, url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const now = Date.now();
  const day = new Date(now - 24 * 3_600_000).toISOString();
  const minute = new Date(now - 60_000).toISOString();
  const to = new Date(now).toISOString();
  const figures = await page.evaluate(CONTRACT_ROUND_TRIPS, {
    path: '/contract',
    subprotocol: 'linewatch.v1',
    requests: [
      ['listAlarms', 'listAlarms', {}],
      ['getWallSnapshot', 'getWallSnapshot', {}],
      ['getReportToday', 'getReport', { from: day, to }],
      ['getReportLastMinute', 'getReport', { from: minute, to }],
    ],
  });
  await page.close();
  const alarms = JSON.parse(figures.listAlarms.text).result.value?.alarms ?? [];
  for (const figure of Object.values(figures)) delete figure.text;
  return {
    alarms: {
      listed: alarms.length,
      unacknowledged: alarms.filter((a) => a.acknowledgedAt === null).length,
      active: alarms.filter((a) => a.clearedAt === null).length,
    },
    payloads: figures,
  };
}

/** The storm's plant and `linewatch serve`, settled: every down endpoint is down on the overview. */
export async function startStormPlant(browser, bin) {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-bench-ui-storm-'));
  const listeners = [];
  for (let i = 0; i < LISTENERS; i += 1) listeners.push(startListener(`127.0.0.${30 + i}`));
  const targets = [];
  for (const listener of listeners) targets.push({ host: listener.host, port: await listener.listen(0) });
  const refused = await refusedTarget('127.0.0.40');
  const flapper = startListener('127.0.0.41');
  const flapTarget = { host: flapper.host, port: await flapper.listen(0) };
  const configPath = join(dir, 'storm.yaml');
  const targetOf = (index) =>
    index % DOWN_EVERY === 0 ? refused : isFlapping(index) ? flapTarget : targets[index % targets.length];
  // A longer timeout than the calm plant's (under the 1 s interval): on a shared 2-core machine a
  // starved listener would otherwise time out and add spurious alarms to the storm's ~290 (the
  // refused ones fail at once).
  writeFileSync(configPath, configYaml(targetOf, { timeout: '900ms' }));
  const serve = await startServe(bin, configPath, join(dir, 'data'));
  let flapping = true;
  const flap = async () => {
    let on = true;
    while (flapping) {
      await new Promise((r) => setTimeout(r, 5_000));
      if (!flapping) break;
      on = !on;
      if (on) await flapper.listen(flapTarget.port).catch(() => undefined);
      else await flapper.stop();
    }
  };
  const flapping$ = flap();
  const stop = async () => {
    flapping = false;
    await flapping$;
    await stopServe(serve);
    await Promise.all([...listeners, flapper].map((l) => l.stop().catch(() => undefined)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await declineConsentOnce(browser, serve.url);
    // The storm is on once the overview shows every down endpoint down.
    const settle = await browser.newPage();
    await settle.goto(`${serve.url}#/overview`, { waitUntil: 'commit' });
    await settle.waitForFunction(
      (down) => document.querySelectorAll('[data-endpoint-id][data-state="down"]').length >= down,
      DOWN,
      { timeout: 30_000, polling: 250 },
    );
    await settle.close();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: serve.url, stop };
}

export async function stormScenario({ browser, bin, loadRuns, screenshotDir }) {
  const plant = await startStormPlant(browser, bin);
  try {
    if (screenshotDir) mkdirSync(screenshotDir, { recursive: true });
    const result = {
      endpoints: TOTAL,
      lines: LINES,
      downEndpoints: DOWN,
      atStart: await contractFigures(browser, plant.url),
      overviewLoadMs: {},
    };
    for (const [name, viewport] of [
      ['1920x1080', { width: 1920, height: 1080 }],
      ['3840x2160', { width: 3840, height: 2160 }],
    ]) {
      result.overviewLoadMs[name] = {};
      for (const [page, path] of STORM_PAGES) {
        const shot = screenshotDir ? join(screenshotDir, `storm-${page}-overview-${name}.png`) : undefined;
        const timed = await timeOverview(browser, `${plant.url}${path}`, viewport, loadRuns, shot);
        result.overviewLoadMs[name][page] = timed;
        console.error(
          `bench-ui: storm ${page} overview ${name} first visit ${timed.firstVisit.ms} ms, warm ${timed.warm.ms} ms`,
        );
      }
    }
    result.atEnd = await contractFigures(browser, plant.url);
    return result;
  } finally {
    await plant.stop();
  }
}
