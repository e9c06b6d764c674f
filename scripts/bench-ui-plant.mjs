// The plant both bench:ui scenarios run against (scripts/bench-ui.mjs, scripts/bench-ui-storm.mjs):
// loopback TCP listeners (127.0.0.x only), a config of 2,000 endpoints on 40 lines pointing at them,
// the BUILT `linewatch serve`, Debian's Chromium, and the page hooks both scenarios install before
// the bundle runs (long tasks, render counts).
/* global window -- the page functions below run in the browser */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const LINES = 40;
export const PER_LINE = 50;
export const TOTAL = LINES * PER_LINE;

export function startListener(host) {
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

/** A loopback port nothing listens on (taken and released at once): a check there is refused. */
export async function refusedTarget(host) {
  const listener = startListener(host);
  const port = await listener.listen(0);
  await listener.stop();
  return { host, port };
}

/**
 * `targetOf(index)` says where the endpoint with that site-wide index (0 … TOTAL-1) is probed;
 * `timeout` is the check timeout of every endpoint.
 */
export function configYaml(targetOf, { timeout = '500ms' } = {}) {
  const lines = [];
  for (let l = 0; l < LINES; l += 1) {
    lines.push(`  - id: line-${l}\n    name: Line ${String(l + 1).padStart(2, '0')}\n    endpoints:`);
    for (let e = 0; e < PER_LINE; e += 1) {
      const t = targetOf(l * PER_LINE + e);
      lines.push(
        `      - { id: l${l}-d${e}, name: Line ${l + 1} device ${e + 1}, type: plc, critical: ${e === 0}, probe: { kind: tcp, host: ${t.host}, port: ${t.port} } }`,
      );
    }
  }
  return `version: 1
site: { id: bench, name: Bench Plant, timezone: Europe/Berlin }
defaults: { interval: 1s, timeout: ${timeout}, down_after: 1, up_after: 1 }
lines:
${lines.join('\n')}
`;
}

export function startServe(bin, configPath, dataDir) {
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--config', configPath, '--data', dataDir, '--port', '0'],
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

export async function stopServe(serve) {
  serve.child.kill('SIGTERM');
  await new Promise((r) => serve.child.once('exit', r));
}

export function launchChromium(executablePath) {
  return chromium.launch({
    executablePath,
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
}

/** A fresh data folder asks for telemetry consent first; decline once (stored in main) so the
 * measured pages open straight onto the console. */
export async function declineConsentOnce(browser, url) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const decline = page.locator('.consent-secondary');
  await decline.click({ timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
  await page.close();
}

export const LONG_TASKS_INIT = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
};

// The components whose renders are counted, by function name (the renderer bundle keeps names), and
// the key each count is reported under.
export const COUNTED_COMPONENTS = {
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
export const RENDER_COUNTER_INIT = (counted) => {
  const PERFORMED_WORK = 1;
  window.__benchRenders = {};
  window.__benchCommits = 0;
  const countCommit = (rootFiber) => {
    const counts = window.__benchRenders;
    window.__benchCommits += 1;
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
