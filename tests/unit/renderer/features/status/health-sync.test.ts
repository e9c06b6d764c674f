import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHealthStore, lagWarningMs } from '@src/renderer/features/status/health-store';
import { startHealthSync } from '@src/renderer/features/status/health-sync';
import { fakeServices } from '../../../../support/fake-bridge';
import { configStatus, engineStatus } from '../../../../support/renderer-fixtures';

afterEach(() => vi.useRealTimers());

describe('health sync', () => {
  it('polls the engine status every 10 s and warns only above one second of lag', async () => {
    vi.useFakeTimers();
    let lag = 300;
    const getEngineStatus = vi.fn(() =>
      Promise.resolve({
        ok: true as const,
        value: engineStatus({ schedulerMaxLagMs: lag }),
      }),
    );
    const services = fakeServices({ getEngineStatus });
    const store = createHealthStore();
    const stop = startHealthSync(services.client, store);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().schedulerLagMs).toBe(300);
    expect(lagWarningMs(store.getState())).toBeNull();

    lag = 2_430;
    await vi.advanceTimersByTimeAsync(9_999);
    expect(getEngineStatus).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(getEngineStatus).toHaveBeenCalledTimes(2);
    expect(lagWarningMs(store.getState())).toBe(2_430);

    stop();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(getEngineStatus).toHaveBeenCalledTimes(2);
  });

  it('loads the config errors on start and refetches them when a config is applied', async () => {
    const issue = { file: 'plant.yaml', line: 4, col: 9, message: 'unknown key "ip"' };
    const getConfigStatus = vi
      .fn()
      .mockResolvedValueOnce({ ok: true, value: configStatus({ errors: [issue, issue] }) })
      .mockResolvedValueOnce({ ok: true, value: configStatus() });
    const services = fakeServices({ getConfigStatus });
    const store = createHealthStore();
    startHealthSync(services.client, store);
    await vi.waitFor(() => expect(store.getState().configErrors).toHaveLength(2), { timeout: 20_000 });

    services.emit('configApplied', configStatus());
    await vi.waitFor(() => expect(store.getState().configErrors).toHaveLength(0), { timeout: 20_000 });
    expect(getConfigStatus).toHaveBeenCalledTimes(2);
  });

  it('keeps quiet and keeps the last value when the engine status cannot be fetched', async () => {
    const services = fakeServices();
    const store = createHealthStore();
    const stop = startHealthSync(services.client, store, 50);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.getState().schedulerLagMs).toBeNull();
    expect(lagWarningMs(store.getState())).toBeNull();
    stop();
  });
});
