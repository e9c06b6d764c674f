import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '@src/main/kpi';
import { createReportHandlers } from '@src/main/reports/report-handlers';
import { bucketBounds } from '@src/main/reports/series';
import { dispatchRequest, type ContractHandlers } from '@src/shared/contract';
import { handoverFixture, type HandoverFixture } from '../../../support/handover-setup';

const NOW = Date.parse('2026-01-05T21:30:00Z');

describe('report contract handlers', () => {
  let fx: HandoverFixture;
  let handlers: ContractHandlers;
  beforeAll(() => {
    fx = handoverFixture();
    // Only the report entries are exercised; dispatchRequest needs the full map's type.
    handlers = createReportHandlers({
      store: fx.store,
      config: () => fx.config,
      now: () => NOW,
    }) as ContractHandlers;
  });
  afterAll(() => fx.remove());
  const caller = { connectionId: 'test', canMutate: false, label: 'test' };
  const call = (name: string, request: unknown) => dispatchRequest(handlers, name, request, caller);

  it('getReport answers the KPI report for the window', async () => {
    const result = await call('getReport', { from: '2026-01-05T14:00:00Z', to: '2026-01-05T14:30:00Z' });
    expect(result).toMatchObject({
      ok: true,
      value: { lines: [{ id: 'press-1', down_s: 600, downtime_cost: 8500 }, { id: 'paint' }] },
    });
    expect(
      await call('getReport', { from: '2026-01-05T14:30:00Z', to: '2026-01-05T14:00:00Z' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('must be after') as unknown },
    });
  });

  it('getAvailabilitySeries: one KPI computation per bucket, equal to a report over that bucket', async () => {
    const result = await call('getAvailabilitySeries', {
      level: 'line',
      id: 'press-1',
      resolution: 'hour',
      from: '2026-01-05T13:00:00Z',
      to: '2026-01-05T16:00:00Z',
    });
    if (!result.ok) throw new Error(result.error.message);
    const { buckets } = result.value as {
      buckets: { start: string; availability: number | null; down_s: number }[];
    };
    expect(buckets.map((b) => b.start)).toEqual([
      '2026-01-05T13:00:00.000Z',
      '2026-01-05T14:00:00.000Z',
      '2026-01-05T15:00:00.000Z',
    ]);
    expect(buckets[1]).toMatchObject({ availability: 3000 / 3600, up_s: 3000, down_s: 600 });
    const direct = buildReport(fx.store, fx.config, {
      fromMs: Date.parse('2026-01-05T14:00:00Z'),
      toMs: Date.parse('2026-01-05T15:00:00Z'),
      nowMs: NOW,
    });
    expect(buckets[1]?.availability).toBe(direct.lines.find((l) => l.id === 'press-1')?.availability);
    const site = await call('getAvailabilitySeries', {
      level: 'site',
      id: 'plant',
      resolution: 'hour',
      from: '2026-01-05T15:00:00Z',
      to: '2026-01-05T16:00:00Z',
    });
    expect(site).toMatchObject({ ok: true, value: { buckets: [{ down_s: 3600 }] } });
  });

  it('caps and validates series windows with clear errors', async () => {
    const tooMany = await call('getAvailabilitySeries', {
      level: 'site',
      id: 'plant',
      resolution: 'hour',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-10T00:00:00Z',
    });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('at most 200') as unknown },
    });
    const unknown = await call('getAvailabilitySeries', {
      level: 'endpoint',
      id: 'nope',
      resolution: 'day',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-10T00:00:00Z',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('day buckets start at local midnight in the site zone', () => {
    const bounds = bucketBounds(
      'day',
      Date.parse('2026-03-28T12:00:00Z'),
      Date.parse('2026-03-31T00:00:00Z'),
      'Europe/Berlin',
    );
    expect(bounds.map((b) => new Date(b).toISOString())).toEqual([
      '2026-03-28T12:00:00.000Z',
      '2026-03-28T23:00:00.000Z', // midnight CET
      '2026-03-29T22:00:00.000Z', // midnight CEST: the DST day is 23 h
      '2026-03-30T22:00:00.000Z',
      '2026-03-31T00:00:00.000Z',
    ]);
  });

  it('getRttSeries reads the rollups', async () => {
    const result = await call('getRttSeries', {
      endpointId: 'press1-plc',
      resolution: 'minute',
      from: '2026-01-05T14:00:00Z',
      to: '2026-01-05T14:20:00Z',
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        buckets: [
          { start: '2026-01-05T14:00:00.000Z', count: 1, okCount: 1, loss: 0, rttAvgMs: 1.5 },
          { start: '2026-01-05T14:05:00.000Z', count: 1, okCount: 1 },
          { start: '2026-01-05T14:10:00.000Z', count: 1, okCount: 0, loss: 1, rttAvgMs: null },
          { start: '2026-01-05T14:15:00.000Z', count: 1, okCount: 0, loss: 1 },
        ],
      },
    });
    const hours = await call('getRttSeries', {
      endpointId: 'press1-plc',
      resolution: 'minute',
      from: '2026-01-01T00:00:00Z',
      to: '2026-01-09T00:00:00Z',
    });
    expect(hours).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('minute buckets') as unknown },
    });
  });

  it('getShiftHandover resolves the shift, and refuses half a window', async () => {
    expect(await call('getShiftHandover', { shiftId: 'late' })).toMatchObject({
      ok: true,
      value: { shift: { id: 'late' }, from: '2026-01-05T13:00:00.000Z', to: '2026-01-05T21:00:00.000Z' },
    });
    expect(await call('getShiftHandover', { from: '2026-01-05T13:00:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(await call('getShiftHandover', { shiftId: 'lunch' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
