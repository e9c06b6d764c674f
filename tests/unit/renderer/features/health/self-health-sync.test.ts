// The "Linewatch itself" store follows main: loaded on start, replaced by each healthChanged event
// (an older poll answer never overwrites it), polled every 15 s, asked again after a reconnect.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Health } from '@src/shared/contract';
import { createSelfHealthStore } from '@src/renderer/features/health/self-health-store';
import { startSelfHealthSync } from '@src/renderer/features/health/self-health-sync';
import { fakeServices } from '../../../../support/fake-bridge';

afterEach(() => vi.useRealTimers());

const health = (status: Health['status'], fields: Partial<Health> = {}): Health => ({
  status,
  checkedAt: '2026-01-05T14:00:00.000Z',
  checks: [{ name: 'database', status, detail: status === 'ok' ? 'writable' : 'cannot write: disk full' }],
  systemAlarms: [],
  ...fields,
});

describe('self health sync', () => {
  it('loads, follows healthChanged events, polls every 15 s and reloads after a reconnect', async () => {
    vi.useFakeTimers();
    let answer = health('ok');
    const getHealth = vi.fn(() => Promise.resolve({ ok: true as const, value: answer }));
    const services = fakeServices({ getHealth });
    const store = createSelfHealthStore();
    const stop = startSelfHealthSync(services.client, store);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().health?.status).toBe('ok');

    const alarm = {
      kind: 'database_unwritable' as const,
      message: 'Linewatch cannot write to its database',
      detail: 'cannot write: disk full',
      raisedAt: '2026-01-05T14:00:05.000Z',
    };
    services.emit('healthChanged', health('failing', { systemAlarms: [alarm] }));
    expect(store.getState().health?.systemAlarms).toEqual([alarm]);

    answer = health('degraded');
    await vi.advanceTimersByTimeAsync(15_000);
    expect(getHealth).toHaveBeenCalledTimes(2);
    expect(store.getState().health?.status).toBe('degraded');

    services.setConnection('reconnecting');
    services.setConnection('open');
    await vi.advanceTimersByTimeAsync(0);
    expect(getHealth).toHaveBeenCalledTimes(3);

    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getHealth).toHaveBeenCalledTimes(3);
  });

  it('toggles the panel from the chip', () => {
    const store = createSelfHealthStore();
    store.getState().togglePanel();
    expect(store.getState().panelOpen).toBe(true);
    store.getState().closePanel();
    expect(store.getState().panelOpen).toBe(false);
  });
});
