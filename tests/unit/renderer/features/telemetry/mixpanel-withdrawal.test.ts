// Withdrawing usage_analytics deletes the unsent Mixpanel queue and nothing writes it back (issue
// 9). Drives the REAL mixpanel-browser (its batcher, RequestQueue and localStorage lock) through
// our sender, under fake timers so the races are played out deterministically: an event waiting
// for the queue's storage lock, a batch on the wire, and tracks queued while the SDK loads.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsentChoice } from '@src/shared/telemetry/consent';
import { createConsentGate, type ConsentGate } from '@src/shared/telemetry/consent-gate';
import { createScrubber, type Scrubber } from '@src/shared/telemetry/scrubber';
import type { UsageProperties } from '@src/shared/telemetry/usage-events';
import { installFakeBrowser, type FakeBrowser } from '../../../../support/fake-browser';

// src/renderer/telemetry is DOM code outside tsconfig.node.json, which type-checks the tests: it is
// imported by path at run time and typed here by the shape the test uses.
interface UsageSender {
  track(event: string, properties: UsageProperties): void;
  optIn(): void;
  optOut(): void;
}
interface ClientModule {
  createMixpanelSender(
    options: { token: string; apiHost: string },
    gate: ConsentGate,
    scrubber: Scrubber,
  ): UsageSender;
}
interface DeferredModule {
  createDeferredUsageSender(
    create: () => Promise<UsageSender>,
    gate: ConsentGate,
    clearStored: () => void,
  ): UsageSender & { load(): Promise<void> };
  clearStoredUsageQueues(token: string): void;
}
const importPath = (relative: string): Promise<unknown> =>
  import(/* @vite-ignore */ fileURLToPath(new URL(relative, import.meta.url)));

const TOKEN = 'unit-token';
const GRANTED: ConsentChoice = { error_diagnostics: false, performance: false, usage_analytics: true };
const WITHDRAWN: ConsentChoice = { error_diagnostics: false, performance: false, usage_analytics: false };

let browser: FakeBrowser;
// Imported after the fake window exists: mixpanel-browser captures `window` when it loads.
let mixpanel: object;
let client: ClientModule;
let deferred: DeferredModule;

beforeAll(async () => {
  browser = installFakeBrowser();
  mixpanel = (await import('mixpanel-browser')).default;
  client = (await importPath(
    '../../../../../src/renderer/features/telemetry/mixpanel-client.ts',
  )) as ClientModule;
  deferred = (await importPath(
    '../../../../../src/renderer/features/telemetry/deferred-usage.ts',
  )) as DeferredModule;
});

beforeEach(() => {
  vi.useFakeTimers();
  browser.reset();
  // The sender's instance is named 'linewatch' and the SDK keeps one per name: start afresh.
  Reflect.deleteProperty(mixpanel, 'linewatch');
});

afterEach(() => {
  const instance: unknown = Reflect.get(mixpanel, 'linewatch');
  const stop: unknown =
    typeof instance === 'object' && instance ? Reflect.get(instance, 'stop_batch_senders') : null;
  if (typeof stop === 'function') stop.call(instance);
  vi.clearAllTimers();
  vi.useRealTimers();
});

/** Event names held in any `__mpq_*` key (lock keys hold no JSON array and count as empty). */
function storedEvents(): string[] {
  return Object.keys(browser.localStorage)
    .filter((key) => key.startsWith('__mpq_'))
    .flatMap((key) => {
      try {
        const value: unknown = JSON.parse(browser.localStorage.getItem(key) ?? 'null');
        return Array.isArray(value)
          ? value.map((item: { payload?: { event?: string } }) => item.payload?.event ?? '?')
          : [];
      } catch {
        return [];
      }
    });
}

/** Plays `ms` of time in 25 ms steps; returns every sighting of an event in storage on the way. */
async function watchStorage(ms: number): Promise<string[]> {
  const seen: string[] = [];
  for (let t = 0; t < ms; t += 25) {
    await vi.advanceTimersByTimeAsync(25);
    const events = storedEvents();
    if (events.length > 0) seen.push(`${t} ms: ${events.join(',')}`);
  }
  return seen;
}

const sentEvents = (): string[] => browser.requests.flatMap((r) => r.events.map((e) => e.event));

function setup(): { gate: ConsentGate; sender: UsageSender } {
  const gate = createConsentGate(GRANTED);
  const sender = client.createMixpanelSender(
    { token: TOKEN, apiHost: 'http://127.0.0.1:9' },
    gate,
    createScrubber(),
  );
  return { gate, sender };
}

/** What start-telemetry's applyState does on a withdrawal: the gate first, then the sender. */
function withdraw(gate: { set(choice: ConsentChoice): void }, sender: UsageSender): void {
  gate.set(WITHDRAWN);
  sender.optOut();
}

describe('withdrawing usage analytics with the real mixpanel-browser', () => {
  it('an event still waiting for the queue lock at withdrawal is never written to storage', async () => {
    const { gate, sender } = setup();
    sender.optIn();
    // Two tracks in one task: the second enqueue finds the storage lock taken and polls for it.
    sender.track('Page Viewed', { page: 'alarms' });
    sender.track('Consent Changed', {});
    await vi.advanceTimersByTimeAsync(0);
    expect(storedEvents()).toEqual(['Page Viewed']); // the race is set up: one written, one waiting

    withdraw(gate, sender);
    expect(storedEvents()).toEqual([]);
    // Past the lock's poll (10-110 ms) and timeout (2 s) and two batch intervals (5 s each).
    expect(await watchStorage(12_000)).toEqual([]);
    expect(browser.requests).toEqual([]);

    // A later grant sends only what is tracked after it, never the withdrawn events.
    gate.set(GRANTED);
    sender.optIn();
    sender.track('Console Started', {});
    await vi.advanceTimersByTimeAsync(6000);
    expect(sentEvents()).toEqual(['Console Started']);
  });

  it('a grant right after the withdrawal does not bring the waiting event back', async () => {
    const { gate, sender } = setup();
    sender.optIn();
    sender.track('Page Viewed', { page: 'alarms' });
    sender.track('Consent Changed', {});
    await vi.advanceTimersByTimeAsync(0);
    expect(storedEvents()).toEqual(['Page Viewed']);

    withdraw(gate, sender);
    gate.set(GRANTED);
    sender.optIn();
    sender.track('Console Started', {});
    await vi.advanceTimersByTimeAsync(6000);
    expect(sentEvents()).toEqual(['Console Started']);
  });

  it.each([200, 503, 0])(
    'a batch on the wire at withdrawal (answered %i) writes nothing back and is not retried',
    async (status) => {
      const { gate, sender } = setup();
      sender.optIn();
      sender.track('Console Started', {});
      await vi.advanceTimersByTimeAsync(5100); // first flush: the batch is on the wire, unanswered
      expect(browser.requests.map((r) => r.events.map((e) => e.event))).toEqual([['Console Started']]);
      sender.track('Page Viewed', { page: 'alarms' });
      sender.track('Page Viewed', { page: 'settings' });
      await vi.advanceTimersByTimeAsync(0);
      expect(storedEvents()).toEqual(['Console Started', 'Page Viewed']); // one more waits for the lock

      withdraw(gate, sender);
      browser.requests[0]?.respond(status, status === 200 ? '{"status":1}' : '');
      expect(await watchStorage(25_000)).toEqual([]);
      expect(browser.requests).toHaveLength(1);
    },
  );

  it('tracks attempted after the withdrawal are neither queued nor sent', async () => {
    const { gate, sender } = setup();
    sender.optIn();
    sender.track('Console Started', {});
    await vi.advanceTimersByTimeAsync(0);
    withdraw(gate, sender);
    for (let i = 0; i < 20; i++) {
      sender.track('Page Viewed', { page: `p${i}` });
      sender.track('Alarm Raised', {});
      await vi.advanceTimersByTimeAsync(500);
      expect(storedEvents()).toEqual([]);
    }
    expect(await watchStorage(12_000)).toEqual([]);
    expect(browser.requests).toEqual([]);
  });
});

describe('withdrawing while the SDK is still loading (deferred sender)', () => {
  it('drops the tracks queued during the load and does not opt in when it finishes', async () => {
    const gate = createConsentGate(GRANTED);
    let finishLoading: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (finishLoading = resolve));
    const usage = deferred.createDeferredUsageSender(
      async () => {
        await loaded;
        return client.createMixpanelSender(
          { token: TOKEN, apiHost: 'http://127.0.0.1:9' },
          gate,
          createScrubber(),
        );
      },
      gate,
      () => deferred.clearStoredUsageQueues(TOKEN),
    );
    usage.optIn();
    usage.track('Consent Changed', {});
    usage.track('Page Viewed', { page: 'alarms' });
    withdraw(gate, usage);
    finishLoading();
    await usage.load();

    expect(await watchStorage(12_000)).toEqual([]);
    expect(browser.requests).toEqual([]);
    expect(browser.localStorage.getItem(`__mp_opt_in_out_${TOKEN}`)).not.toBe('1');

    gate.set(GRANTED);
    usage.optIn();
    usage.track('Console Started', {});
    await vi.advanceTimersByTimeAsync(6000);
    expect(sentEvents()).toEqual(['Console Started']);
  });

  it('a withdrawal before the SDK was ever loaded still deletes a queue an earlier session left', () => {
    const gate = createConsentGate(GRANTED);
    const create = vi.fn(() => Promise.reject(new Error('not expected')));
    const usage = deferred.createDeferredUsageSender(create, gate, () =>
      deferred.clearStoredUsageQueues(TOKEN),
    );
    browser.localStorage.setItem(
      `__mpq_${TOKEN}_ev`,
      JSON.stringify([{ id: 'x', payload: { event: 'Old' } }]),
    );
    withdraw(gate, usage);
    expect(storedEvents()).toEqual([]);
    expect(create).not.toHaveBeenCalled();
  });
});
