// Telemetry end to end with the REAL SDKs (@sentry/node in the host, @sentry/browser and
// mixpanel-browser in the dashboard in Chromium, the CLI's `telemetry test`) against a local
// receiver standing in for Sentry and Mixpanel: nothing before consent, the expected events after,
// none of the corpus in any of them, and nothing more the moment consent is withdrawn.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulatedDevice, type SimulatedDevice } from '../../src/main/demo/simulated-device';
import { startReceiver, type Receiver } from '../fixtures/telemetry/receiver';
import { chromiumMissingReason, launchChromium } from '../support/chromium';
import { BIN } from '../support/cli-process';
import { makeTempDir } from '../support/temp-dir';

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

function run(
  args: string[],
  env: NodeJS.ProcessEnv,
  waitForUrl: boolean,
): Promise<Proc & { code: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
      const frame = JSON.parse(String(d)) as { type: string };
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

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await plc?.stop();
    await hmi?.stop();
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
    for (const fragment of forbidden()) expect(everything, fragment).not.toContain(fragment);
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
    await dialog.waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-endpoint-id]').count()).toBe(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-consent-dialog-1080p.png' });
    await page.setViewportSize({ width: 3840, height: 2160 });
    await page.screenshot({ path: 'test-results/e2e-consent-dialog-4k.png' });
    await throwInRenderer(page);
    await page.getByRole('button', { name: 'Send nothing' }).click();
    await page.locator('[data-endpoint-id]').first().waitFor({ timeout: 10_000 });
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
    await page.locator('[data-endpoint-id]').first().waitFor({ timeout: 10_000 });
    await throwInRenderer(page);
    const names = () => receiver.mixpanelEvents().map((e) => e.event);
    await expect.poll(names, { timeout: 20_000 }).toContain('Console Started');
    await expect
      .poll(() => receiver.sentryEvents().join('\n'), { timeout: 15_000 })
      .toMatch(/telemetry self-test/);
    await expect
      .poll(() => receiver.sentryEvents().join('\n'), { timeout: 15_000 })
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
    expect(receiver.sentryEvents().join('\n')).toMatch(/"fingerprint":\["selftest","plc","press-1"\]/);
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
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(host.url);
    await page.getByRole('dialog').waitFor({ timeout: 10_000 });
    for (const label of ['Error reports', 'Performance timings', 'Usage statistics']) {
      await page.getByRole('switch', { name: label }).check();
    }
    await page.getByRole('button', { name: 'Save choice' }).click();
    await page.locator('[data-endpoint-id]').first().waitFor({ timeout: 10_000 });
    const before = receiver.requests.length;
    await expect.poll(() => receiver.requests.length, { timeout: 20_000 }).toBeGreaterThan(before);

    // Queue events Mixpanel has not sent yet (it batches every 5 s), then withdraw everything.
    await page.evaluate("location.hash = '#/alarms'");
    const reply = await callContract(host.url, 'setConsent', {
      choice: { error_diagnostics: false, performance: false, usage_analytics: false },
    });
    expect(reply).toMatchObject({ result: { ok: true, value: { source: 'stored' } } });
    await expect
      .poll(
        () =>
          page.evaluate(
            "Object.keys(localStorage).filter((k) => k.startsWith('__mpq_') && localStorage.getItem(k) !== '[]')",
          ),
        { timeout: 5000 },
      )
      .toEqual([]);
    // A request already on the wire when consent was withdrawn may still land: let it arrive, then
    // nothing more may come.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const atWithdrawal = receiver.requests.length;
    await page.evaluate("location.hash = '#/'");
    await throwInRenderer(page);
    await new Promise((resolve) => setTimeout(resolve, 7000));
    expect(receiver.requests.length).toBe(atWithdrawal);
    expectClean();
    await page.close();
    await host.stop();
  });
});
