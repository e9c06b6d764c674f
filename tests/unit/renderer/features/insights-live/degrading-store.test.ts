import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Insights, InsightWarningView } from '@src/shared/contract';
import {
  activeDegrading,
  degradingCountIn,
  degradingKeyIn,
  degradingStore,
  DEGRADING_FIRST_DELAY_MS,
  DEGRADING_WINDOW_MS,
  isDegradingIn,
  startDegradingSync,
} from '@src/renderer/features/insights-live/degrading-store';

const NOW = Date.parse('2026-01-05T12:00:00Z');

function warning(endpointId: string, lineId: string, endedAt: string | null = null): InsightWarningView {
  return {
    endpointId,
    endpointName: endpointId,
    lineId,
    lineName: lineId,
    kind: 'rtt_rise',
    score: 0.7,
    startedAt: '2026-01-05T10:00:00.000Z',
    endedAt,
    baseline: { rttMs: 2, loss: null },
    observed: { rttMs: 9, loss: null },
    reason: 'RTT 9 ms against 2 ms usual since 10:00',
  };
}

const insights = (warnings: InsightWarningView[]): Insights => ({
  from: new Date(NOW - DEGRADING_WINDOW_MS).toISOString(),
  to: new Date(NOW).toISOString(),
  warnings,
  priorities: [],
});

describe('degrading devices', () => {
  it('are the endpoints with an active warning, counted once per line', () => {
    const { endpoints, byLine, strongest } = activeDegrading(
      insights([
        warning('plc-1', 'press-1'),
        warning('plc-1', 'press-1'), // a second active warning of the same device
        warning('hmi-1', 'press-1', '2026-01-05T11:00:00.000Z'), // cleared: not degrading
        warning('robot-1', 'weld-2'),
      ]),
    );
    expect([...endpoints].sort()).toEqual(['plc-1', 'robot-1']);
    expect(byLine).toEqual({ 'press-1': 1, 'weld-2': 1 });
    expect(strongest.get('plc-1')).toEqual({
      kind: 'rtt_rise',
      score: 0.7,
      startedAtMs: Date.parse('2026-01-05T10:00:00.000Z'),
    });
    expect(strongest.has('hmi-1')).toBe(false);
  });

  it('answer a tile with a boolean and a line with a number (null until the services answered)', () => {
    const state = { status: 'ready' as const, ...activeDegrading(insights([warning('plc-1', 'press-1')])) };
    expect(isDegradingIn(state, 'plc-1')).toBe(true);
    expect(isDegradingIn(state, 'hmi-1')).toBe(false);
    expect(degradingCountIn(state, 'press-1')).toBe(1);
    expect(degradingCountIn(state, 'weld-2')).toBe(0);
    expect(degradingCountIn({ ...state, status: 'loading' }, 'press-1')).toBeNull();
    // A line block's chips: one primitive per line, equal while nothing changes.
    expect(degradingKeyIn(state, ['hmi-1', 'plc-1'])).toBe('plc-1');
    expect(degradingKeyIn(state, ['hmi-1'])).toBe('');
  });
});

describe('startDegradingSync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    degradingStore.setState({ status: 'loading', endpoints: new Set(), byLine: {}, strongest: new Map() });
  });
  afterEach(() => vi.useRealTimers());

  it('asks for the last 24 h once a minute, one poll however many pages start it', async () => {
    const getInsights = vi.fn(() => Promise.resolve(insights([warning('plc-1', 'press-1')])));
    const stopWall = startDegradingSync({ getInsights }, { now: () => NOW });
    const stopOverview = startDegradingSync({ getInsights }, { now: () => NOW });
    // The first request waits for the page to be up.
    await vi.advanceTimersByTimeAsync(DEGRADING_FIRST_DELAY_MS - 1);
    expect(getInsights).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(getInsights).toHaveBeenCalledTimes(1);
    expect(getInsights).toHaveBeenCalledWith({
      from: '2026-01-04T12:00:00.000Z',
      to: '2026-01-05T12:00:00.000Z',
    });
    expect(isDegradingIn(degradingStore.getState(), 'plc-1')).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getInsights).toHaveBeenCalledTimes(2);
    stopWall();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getInsights).toHaveBeenCalledTimes(3);
    stopOverview();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(getInsights).toHaveBeenCalledTimes(3);
  });

  it('shows nothing as degrading when the services cannot answer', async () => {
    degradingStore.setState({ status: 'ready', ...activeDegrading(insights([warning('plc-1', 'press-1')])) });
    const getInsights = vi.fn(() => Promise.reject(new Error('unknown request getInsights')));
    const stop = startDegradingSync({ getInsights }, { now: () => NOW, firstAfterMs: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(degradingStore.getState().status).toBe('unavailable');
    expect(isDegradingIn(degradingStore.getState(), 'plc-1')).toBe(false);
    expect(degradingCountIn(degradingStore.getState(), 'press-1')).toBeNull();
    stop();
  });
});
