// Telemetry end to end with the REAL SDKs (@sentry/node in the host, @sentry/browser and
// mixpanel-browser in the dashboard in Chromium, the CLI's `telemetry test`) against a local
// receiver standing in for Sentry and Mixpanel: nothing before consent, the expected events after,
// none of the corpus in any of them, and nothing more the moment consent is withdrawn.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { hashLineId } from '@src/main/telemetry/sensitive-strings';
import { startReceiver, type ReceivedRequest, type Receiver } from '../fixtures/telemetry/receiver';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { BIN } from '../support/cli-process';
import { ifAssigned } from '../support/if-assigned';
import { makeTempDir } from '../support/temp-store';
import { wsText } from '../support/ws-text';

const missing = chromiumMissingReason();
const corpus = JSON.parse(
  readFileSync(new URL('../fixtures/telemetry/corpus.json', import.meta.url), 'utf8'),
) as {
  cases: { input: string; forbidden: string[] }[];
};
// Names the e2e config defines (the scrubber learns them from the loaded config); corpus cases that
// rely on names this config does not have (another plant's devices, another user) are left out.
const UNKNOWN_HERE = ['plc-press1', 'hmi-press1', 'anna.schmidt', 'ws-ctrl-07'];
const cases = corpus.cases.filter((c) => !UNKNOWN_HERE.some((n) => c.input.includes(n)));
const poison = cases.map((c) => c.input).join(' | ');
const ALL = 'error_diagnostics,performance,usage_analytics';

interface Proc {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

// Every process a test started, so a test that fails half-way cannot leave its host sending into
// the next test's window.
const children = new Set<ChildProcess>();

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  waitForUrl: boolean,
): Promise<Proc & { code: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  const code = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const proc = (url: string) => ({
      url,
      code,
      output: () => output,
      stop: async () => {
        if (child.exitCode === null) child.kill('SIGTERM');
        await code;
      },
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /dashboard at (http:\/\/\S+)/.exec(output);
      if (waitForUrl && match?.[1]) resolve(proc(match[1]));
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    if (!waitForUrl) resolve(proc(''));
    else void code.then((c) => reject(new Error(`linewatch exited with ${c}:\n${output}`)));
  });
}

async function callContract(url: string, method: string, payload: unknown): Promise<unknown> {
  const ws = new WebSocket(url.replace(/^http/, 'ws') + 'contract');
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'request', id: 1, method, payload }));
  // Events (consentChanged among them) may arrive before the response.
  const reply = await new Promise<unknown>((resolve) =>
    ws.on('message', (d) => {
      const frame = JSON.parse(wsText(d)) as { type: string };
      if (frame.type === 'response') resolve(frame);
    }),
  );
  ws.close();
  return reply;
}

const throwInRenderer = (page: Page): Promise<void> =>
  page.evaluate((message) => {
    setTimeout(() => {
      throw new Error(message);
    }, 0);
  }, poison);

// In-page helpers (page.evaluate / addInitScript serialize them: each is self-contained). The tests
// are type-checked without the DOM lib, so the page's globals are typed by what is used of them.
interface PageGlobals {
  localStorage: { getItem(key: string): string | null };
  location: { hash: string };
  // A function property with a receiver: the original is kept and called on the page's Storage.
  // The page's scripts may pass any value; Storage keeps its string form.
  Storage: { prototype: { setItem: (this: unknown, key: string, value: unknown) => void } };
  HashChangeEvent: new (type: string) => object;
  dispatchEvent(event: object): boolean;
  __queueLog?: QueueWrite[];
}
/** A write of Mixpanel's opt-in flag, or a write that put events into a `__mpq_*` queue key. */
interface QueueWrite {
  key: string;
  value: string;
  events: number;
  at: number;
}

/** Logs, in order, the writes a poll could miss: one undone right away still counts. */
function logQueueWrites(): void {
  const page = globalThis as unknown as PageGlobals;
  const log: QueueWrite[] = [];
  page.__queueLog = log;
  const setItem = page.Storage.prototype.setItem;
  page.Storage.prototype.setItem = function (this: unknown, key: string, value: unknown): void {
    setItem.call(this, key, value);
    const text = String(value);
    let events = 0;
    if (key.startsWith('__mpq_')) {
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) events = parsed.length;
      } catch {
        // a lock key (`:X`, `:Y`, `:Z`) holds no queue
      }
    }
    if (key.startsWith('__mp_opt_in_out_') || events > 0)
      log.push({ key, value: text.slice(0, 200), events, at: Date.now() });
  };
}

/** Date.now() when Mixpanel was opted out after having been opted in; 0 until then. */
function mixpanelOptedOutAt(): number {
  const flags = ((globalThis as unknown as PageGlobals).__queueLog ?? []).filter((w) =>
    w.key.startsWith('__mp_opt_in_out_'),
  );
  const optedIn = flags.findIndex((w) => w.value === '1');
  const out = flags.findLast((w, i) => i > optedIn && w.value === '0');
  return optedIn >= 0 && out ? out.at : 0;
}

/** Writes of events into a queue key after the last opt-out. */
function eventWritesAfterOptOut(): QueueWrite[] {
  const log = (globalThis as unknown as PageGlobals).__queueLog ?? [];
  const out = log.findLastIndex((w) => w.key.startsWith('__mp_opt_in_out_') && w.value === '0');
  return out < 0 ? [] : log.slice(out + 1).filter((w) => w.events > 0);
}

/** Events held in `__mpq_*` keys now. */
function queuedEventCount(): number {
  const page = globalThis as unknown as PageGlobals;
  let count = 0;
  for (const key of Object.keys(page.localStorage)) {
    if (!key.startsWith('__mpq_')) continue;
    try {
      const parsed: unknown = JSON.parse(page.localStorage.getItem(key) ?? 'null');
      if (Array.isArray(parsed)) count += parsed.length;
    } catch {
      // a lock key
    }
  }
  return count;
}

/**
 * Three page views in one task, every 100 ms: the second and third enqueue find the queue's
 * storage lock taken and poll for it (10-110 ms), the window in which issue 9's withdrawal landed.
 */
function keepTracking(): void {
  const page = globalThis as unknown as PageGlobals;
  setInterval(() => {
    for (let i = 0; i < 3; i++) page.dispatchEvent(new page.HashChangeEvent('hashchange'));
  }, 100);
}

/**
 * Polls every 250 ms for `ms`, moving through the console's pages and throwing `poison` now and
 * then; resolves with the first `__mpq_*` key seen holding an event, or null.
 */
async function watchForQueuedEvents({ ms, poison }: { ms: number; poison: string }): Promise<string | null> {
  const page = globalThis as unknown as PageGlobals;
  const routes = ['#/alarms', '#/wall', '#/line/press-1', '#/settings', '#/overview'];
  const sighting = (): string | null => {
    for (const key of Object.keys(page.localStorage)) {
      if (!key.startsWith('__mpq_')) continue;
      const raw = page.localStorage.getItem(key) ?? '';
      try {
        const parsed: unknown = JSON.parse(raw);
        if (Array.isArray(parsed) && parsed.length > 0) return `${key}: ${raw.slice(0, 300)}`;
      } catch {
        // a lock key
      }
    }
    return null;
  };
  const deadline = Date.now() + ms;
  for (let step = 0; ; step++) {
    const seen = sighting();
    if (seen !== null || Date.now() >= deadline) return seen;
    page.location.hash = routes[step % routes.length] ?? '#/';
    if (step % 8 === 0)
      setTimeout(() => {
        throw new Error(poison);
      }, 0);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The events of one Mixpanel request. */
function mixpanelEventsIn(
  request: ReceivedRequest,
): { event: string; properties: Record<string, unknown> }[] {
  if (request.service !== 'mixpanel' || request.method !== 'POST') return [];
  const parsed: unknown = JSON.parse(request.body);
  return (Array.isArray(parsed) ? parsed : [parsed]) as {
    event: string;
    properties: Record<string, unknown>;
  }[];
}

const wholeWord = (text: string): RegExp =>
  new RegExp(`(?<![A-Za-z0-9])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`);

/** When a request was made: Mixpanel's `_` query parameter, a Sentry envelope's `sent_at`. */
function madeAt(request: ReceivedRequest): number | null {
  if (request.service === 'mixpanel') {
    const sent = new URL(request.url, 'http://receiver').searchParams.get('_');
    return sent === null ? null : Number(sent);
  }
  if (request.service === 'sentry' && request.method === 'POST') {
    try {
      const header = JSON.parse(request.body.split('\n', 1)[0] ?? '{}') as { sent_at?: string };
      return header.sent_at ? Date.parse(header.sent_at) : null;
    } catch {
      return null;
    }
  }
  return null;
}

describe.skipIf(missing !== null)('telemetry against a local Sentry/Mixpanel stand-in', () => {
  const temp = makeTempDir('telemetry-e2e');
  let receiver: Receiver;
  let browser: Browser;
  let plc: SimulatedDevice;
  let hmi: SimulatedDevice;
  let configPath: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    receiver = await startReceiver();
    plc = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.91' });
    hmi = await startSimulatedDevice({ kind: 'http', host: '127.0.0.92' });
    configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: plant-augsburg, name: Augsburg Plant, timezone: Europe/Berlin }
defaults: { interval: 1s, timeout: 500ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    downtime_cost_per_minute: 850
    endpoints:
      - { id: press1-plc, name: Press 1 PLC, type: plc, critical: true, probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} } }
      - { id: press1-hmi, name: Press 1 HMI, type: hmi, probe: { kind: http, url: "http://${hmi.host}:${hmi.port}/health" } }
`,
    );
    env = {
      LINEWATCH_SENTRY_DSN: receiver.dsn,
      LINEWATCH_MIXPANEL_TOKEN: 'e2e-token',
      LINEWATCH_MIXPANEL_API_HOST: receiver.origin,
      LINEWATCH_POLICY_FILE: join(temp.dir, 'no-policy.json'),
      LINEWATCH_TELEMETRY_SELFTEST: '1',
      LINEWATCH_CONSENT: '',
    };
    browser = await launchChromium();
  });

  afterEach(async () => {
    const exits = [...children].map((child) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return child.exitCode === null && child.signalCode === null ? exited : Promise.resolve();
    });
    await Promise.all(exits);
  });

  afterAll(async () => {
    await ifAssigned(browser)?.close();
    await ifAssigned(receiver)?.close();
    await ifAssigned(plc)?.stop();
    await ifAssigned(hmi)?.stop();
    temp.remove();
  });

  const forbidden = (): string[] => [
    ...cases.flatMap((c) => c.forbidden),
    'Augsburg Plant',
    'plant-augsburg',
    'Press 1 PLC',
    plc.host,
    hmi.host,
    hostname(),
    temp.dir,
  ];
  const expectClean = (): void => {
    const everything = receiver.requests.map((r) => `${r.url}\n${r.body}`).join('\n');
    for (const fragment of forbidden()) {
      // A short fragment (a machine called "vm") also occurs inside random ids such as Mixpanel's
      // $insert_id; what must not leave is the name itself, so it is matched as a whole word.
      if (fragment.length < 4) expect(everything, fragment).not.toMatch(wholeWord(fragment));
      else expect(everything, fragment).not.toContain(fragment);
    }
  };

  it('before consent: a whole session sends not one request', async () => {
    const host = await run(
      ['serve', '--config', configPath, '--data', join(temp.dir, 'd1'), '--port', '0'],
      env,
      true,
    );
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(host.url);
    const dialog = page.getByRole('dialog', { name: 'Help improve Linewatch?' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-endpoint-id]').count()).toBe(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-consent-dialog-1080p.png' });
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.screenshot({ path: 'test-results/e2e-consent-dialog-4k.png' });
    await throwInRenderer(page);
    await page.getByRole('button', { name: 'Send nothing' }).click();
    await page.locator('[data-endpoint-id]').first().waitFor({ timeout: 30_000 });
    await page.evaluate("location.hash = '#/alarms'");
    await throwInRenderer(page);
    const cli = await run(
      ['telemetry', 'test', '--config', configPath, '--data', join(temp.dir, 'd1')],
      env,
      false,
    );
    expect(await cli.code).toBe(1);
    expect(cli.output()).toMatch(/consent missing: nothing sent/);
    // Longer than Mixpanel's 5 s batch interval and the host's self-test delay.
    await new Promise((resolve) => setTimeout(resolve, 7000));
    await page.close();
    await host.stop();
    expect(receiver.requests).toEqual([]);
  });

  it('after consent: Console Started, host and renderer errors and the CLI test arrive, scrubbed', async () => {
    const granted = { ...env, LINEWATCH_CONSENT: ALL };
    const host = await run(
      ['serve', '--config', configPath, '--data', join(temp.dir, 'd2'), '--port', '0'],
      granted,
      true,
    );
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(host.url);
    await page.locator('[data-endpoint-id]').first().waitFor({ timeout: 30_000 });
    // On a device's page, so the renderer's error says which kind of device on which line.
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.hash = '#/endpoint/press1-plc';
    });
    await throwInRenderer(page);
    const names = () => receiver.mixpanelEvents().map((e) => e.event);
    await expect.poll(names, { timeout: 30_000 }).toContain('Console Started');
    await expect
      .poll(() => receiver.sentryEvents().join('\n'), { timeout: 30_000 })
      .toMatch(/telemetry self-test/);
    await expect
      .poll(() => receiver.sentryEvents().join('\n'), { timeout: 30_000 })
      .toMatch(/"process":"renderer"/);

    const cli = await run(
      ['telemetry', 'test', '--config', configPath, '--data', join(temp.dir, 'd2')],
      granted,
      false,
    );
    expect(await cli.code).toBe(0);
    expect(cli.output()).toContain(`sent a test error to Sentry at 127.0.0.1:${receiver.port}`);
    expect(cli.output()).toContain(`sent a test event to Mixpanel at 127.0.0.1:${receiver.port}`);
    expect(cli.output()).not.toContain('publickey');
    expect(receiver.sentryEvents().join('\n')).toMatch(/Linewatch telemetry test error/);
    expect(names()).toContain('Telemetry Test');

    const started = receiver.mixpanelEvents().find((e) => e.event === 'Console Started');
    expect(started?.properties).toMatchObject({ mode: 'desk', endpoint_count: '1-9', os_family: 'linux' });
    expect(started?.properties).not.toHaveProperty('$current_url');
    for (const r of receiver.requests.filter((q) => q.service === 'mixpanel'))
      expect(r.url).toContain('ip=0');
    // The line as its salted hash, never its id; the renderer's fault carries the same context.
    const line = hashLineId('plant-augsburg', 'press-1');
    expect(receiver.sentryEvents().join('\n')).toContain(`"fingerprint":["selftest","plc","${line}"]`);
    const rendererEvent = receiver.sentryEvents().find((e) => e.includes('"process":"renderer"')) ?? '';
    expect(rendererEvent).toContain(`"line":"${line}"`);
    expect(rendererEvent).toContain('"endpoint_type":"plc"');
    expect(rendererEvent).toContain('"criticality":"critical"');
    expect(rendererEvent).toContain('"downtime_cost_per_minute":"100-999"');
    expectClean();
    await page.close();
    await host.stop();
  });

  it('withdrawing stops sending at once and empties the queues', async () => {
    const host = await run(
      ['serve', '--config', configPath, '--data', join(temp.dir, 'd3'), '--port', '0'],
      env,
      true,
    );
    // The receiver serves the whole file: judge only what arrives from this session on.
    const first = receiver.requests.length;
    const mine = () => receiver.requests.slice(first);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(logQueueWrites);
    await page.goto(host.url);
    await page.getByRole('dialog').waitFor({ timeout: 30_000 });
    for (const label of ['Error reports', 'Performance timings', 'Usage statistics']) {
      await page.getByRole('switch', { name: label }).check();
    }
    await page.getByRole('button', { name: 'Save choice' }).click();
    await page.locator('[data-endpoint-id]').first().waitFor({ timeout: 30_000 });
    // Usage analytics is on: Mixpanel's first batch (every 5 s) brings the consent event.
    const events = () => mine().flatMap(mixpanelEventsIn);
    await expect.poll(() => events().map((e) => e.event), { timeout: 30_000 }).toContain('Consent Changed');

    // Keep tracking in bursts, so that enqueues wait for Mixpanel's storage lock as the withdrawal
    // lands (issue 9), and wait until events are queued unsent: these the withdrawal must delete.
    await page.evaluate(keepTracking);
    await expect.poll(() => page.evaluate(queuedEventCount), { timeout: 30_000 }).toBeGreaterThan(0);
    const reply = await callContract(host.url, 'setConsent', {
      choice: { error_diagnostics: false, performance: false, usage_analytics: false },
    });
    const repliedAt = Date.now();
    expect(reply).toMatchObject({ result: { ok: true, value: { source: 'stored' } } });
    // The page learns it through `consentChanged`; Mixpanel's opt-out flag says it has applied it.
    await expect.poll(() => page.evaluate(mixpanelOptedOutAt), { timeout: 30_000 }).toBeGreaterThan(0);
    const optedOutAt = await page.evaluate(mixpanelOptedOutAt);

    // For 10 s, while the page keeps tracking (page changes on every page, bursts of page views)
    // and throwing renderer errors: no `__mpq_*` key holds an event, at any poll...
    const countMidWindow = new Promise<number>((resolve) =>
      setTimeout(() => resolve(receiver.requests.length), 5000),
    );
    expect(await page.evaluate(watchForQueuedEvents, { ms: 10_000, poison })).toBeNull();
    // ...nor did any write put one there for a moment after the opt-out.
    expect(await page.evaluate(eventWritesAfterOptOut)).toEqual([]);

    // Nothing made after the withdrawal left: a request on the wire at that moment may still land,
    // but every Mixpanel request was sent, and every event and Sentry envelope made, before it...
    const withdrawnAt = Math.max(repliedAt, optedOutAt);
    for (const request of mine()) {
      expect(madeAt(request) ?? 0, `${request.service} ${request.url}`).toBeLessThanOrEqual(withdrawnAt);
    }
    for (const event of events()) {
      // mixpanel-browser stamps `time` in seconds
      expect(Number(event.properties.time) * 1000, event.event).toBeLessThanOrEqual(withdrawnAt);
    }
    // ...and in the second half of the window nothing arrived at all.
    expect(receiver.requests.length).toBe(await countMidWindow);
    expectClean();
    await page.close();
    await host.stop();
  });
});
