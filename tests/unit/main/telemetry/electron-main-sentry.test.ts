// Sentry in the Electron main process, against the fake `electron` and a stand-in for the SDK: the
// options the shell initialises @sentry/electron with, the double transport gate around the
// offline queue, and the queue deleted on withdrawal.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_CONSENT } from '@src/shared/telemetry/consent';
import type { EnvelopeLike } from '@src/shared/telemetry/envelope-gate';

vi.mock('electron', async () => (await import('../../../support/fake-electron')).fakeElectronModule);

const { fake, resetFakeElectron } = await import('../../../support/fake-electron');
const { startElectronMainSentry } = await import('@src/main/electron/sentry-main');
const { processConsentGate, sentryBackend, installSentryBackend, noSentry } =
  await import('@src/main/telemetry/process-telemetry');

type Loader = NonNullable<Parameters<typeof startElectronMainSentry>[3]>;
interface FakeTransport {
  send(envelope: EnvelopeLike): Promise<object>;
  flush(): Promise<boolean>;
}
interface InitOptions {
  dsn: string;
  sendDefaultPii: boolean;
  transportOptions: { queuePath: string };
  transport: (options: object) => FakeTransport;
  integrations: (defaults: { name: string }[]) => { name: string }[];
  beforeSend: (event: object) => object | null;
  tracesSampler: (context: { name: string }) => number;
}

function fakeSdk() {
  const network: EnvelopeLike[] = [];
  const queued: EnvelopeLike[] = [];
  const inits: InitOptions[] = [];
  const sdk = {
    init: (options: InitOptions) => inits.push(options),
    makeElectronTransport: (): FakeTransport => ({
      send: (envelope) => {
        network.push(envelope);
        return Promise.resolve({ statusCode: 200 });
      },
      flush: () => Promise.resolve(true),
    }),
    // The real offline transport stores what fails and retries through `base` later; recording
    // what reaches it is enough to show nothing unconsented is ever queued.
    makeElectronOfflineTransport:
      (base: (options: object) => FakeTransport) =>
      (options: object): FakeTransport => {
        const inner = base(options);
        return { send: (e) => (queued.push(e), inner.send(e)), flush: () => inner.flush() };
      },
    captureException: vi.fn(),
    startSpan: <T>(_context: object, run: () => T): T => run(),
    flush: () => Promise.resolve(true),
  };
  // The stand-in implements only what the shell uses, with simpler signatures than the SDK's.
  return { sdk: sdk as unknown as ReturnType<Loader>, network, queued, inits };
}

const event = (type: string): EnvelopeLike => [{}, [[{ type }, {}]]];

describe('Electron main Sentry', () => {
  let userData: string;
  beforeEach(() => {
    resetFakeElectron();
    userData = mkdtempSync(join(tmpdir(), 'linewatch-sentry-main-'));
    fake.app.setPath('userData', userData);
    processConsentGate.set(NO_CONSENT);
    installSentryBackend(noSentry);
  });
  afterEach(() => rmSync(userData, { recursive: true, force: true }));

  it('never loads the SDK without a DSN', () => {
    const load = vi.fn();
    expect(startElectronMainSentry(fake.app.getPath('userData'), '1.0.0', {}, load)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('initialises without PII, without native dumps or network breadcrumbs, and with a queue in userData', () => {
    const { sdk, inits } = fakeSdk();
    startElectronMainSentry(
      fake.app.getPath('userData'),
      '1.0.0',
      { LINEWATCH_SENTRY_DSN: 'http://key@127.0.0.1:9/1' },
      () => sdk,
    );
    const options = inits[0];
    expect(options).toMatchObject({ dsn: 'http://key@127.0.0.1:9/1', sendDefaultPii: false });
    expect(options?.transportOptions.queuePath).toBe(join(userData, 'telemetry', 'sentry-queue'));
    const kept = options?.integrations(
      ['SentryMinidump', 'ElectronMinidump', 'ElectronNet', 'OnUncaughtException', 'MainProcessSession'].map(
        (name) => ({ name }),
      ),
    );
    expect(kept?.map((i) => i.name)).toEqual(['OnUncaughtException', 'MainProcessSession']);
    expect(options?.beforeSend({ message: 'x' })).toBeNull();
    expect(options?.tracesSampler({ name: 'kpi.getReport' })).toBe(0);
    processConsentGate.set({ ...NO_CONSENT, error_diagnostics: true, performance: true });
    expect(options?.beforeSend({ message: 'ping 10.1.2.3 failed', server_name: 'ws-ctrl-07' })).toMatchObject(
      {
        message: 'ping [ip] failed',
      },
    );
    expect(options?.beforeSend({ server_name: 'ws-ctrl-07' })).not.toHaveProperty('server_name');
    expect(options?.tracesSampler({ name: 'kpi.getReport' })).toBe(1);
  });

  it('gates in front of the offline queue and again before the network, using the consent of the moment', async () => {
    const { sdk, inits, network, queued } = fakeSdk();
    startElectronMainSentry(
      userData,
      '1.0.0',
      { LINEWATCH_SENTRY_DSN: 'http://key@127.0.0.1:9/1' },
      () => sdk,
    );
    const transport = inits[0]?.transport({});
    await transport?.send(event('event'));
    expect(queued).toHaveLength(0);
    expect(network).toHaveLength(0);
    processConsentGate.set({ ...NO_CONSENT, error_diagnostics: true });
    await transport?.send(event('event'));
    await transport?.send(event('transaction'));
    expect(queued).toHaveLength(1);
    expect(network).toHaveLength(1);
  });

  it('deletes the offline queue folder when asked (consent withdrawn, Forget me)', async () => {
    const { sdk } = fakeSdk();
    startElectronMainSentry(
      userData,
      '1.0.0',
      { LINEWATCH_SENTRY_DSN: 'http://key@127.0.0.1:9/1' },
      () => sdk,
    );
    const queue = join(userData, 'telemetry', 'sentry-queue');
    mkdirSync(queue, { recursive: true });
    writeFileSync(join(queue, 'queue-v2.json'), '[]');
    await sentryBackend().deleteQueue();
    expect(existsSync(queue)).toBe(false);
  });
});
