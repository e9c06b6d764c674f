import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveHandoverWindow } from '@src/main/reports/handover-window';
import { buildShiftHandover } from '@src/main/reports/shift-handover';
import { ShiftHandover } from '@src/shared/contract/report-contract';
import { handoverFixture, type HandoverFixture } from '../../../support/handover-setup';

const at = (iso: string): number => Date.parse(iso);

describe('shift handover from a real store', () => {
  let fx: HandoverFixture;
  beforeAll(() => {
    fx = handoverFixture();
  });
  afterAll(() => fx.remove());

  it('picks the most recent ended shift occurrence, or the most recent of a named shift', () => {
    const now = at('2026-01-05T21:30:00Z'); // 22:30 local: late has just ended, night is running
    expect(resolveHandoverWindow(fx.config, now, {})).toEqual({
      ok: true,
      window: {
        fromMs: at('2026-01-05T13:00:00Z'),
        toMs: at('2026-01-05T21:00:00Z'),
        shift: { id: 'late', name: 'Late shift' },
      },
    });
    expect(resolveHandoverWindow(fx.config, now, { shiftId: 'night' })).toMatchObject({
      ok: true,
      window: { fromMs: at('2026-01-04T21:00:00Z'), toMs: at('2026-01-05T05:00:00Z') },
    });
    expect(resolveHandoverWindow(fx.config, now, { shiftId: 'lunch' })).toMatchObject({
      ok: false,
      reason: 'unknown_shift',
      message: expect.stringContaining('early, late, night') as unknown,
    });
  });

  it('labels an explicit window with its shift only when it is exactly one occurrence', () => {
    const exact = resolveHandoverWindow(fx.config, 0, {
      fromMs: at('2026-01-05T13:00:00Z'),
      toMs: at('2026-01-05T21:00:00Z'),
    });
    expect(exact).toMatchObject({ ok: true, window: { shift: { id: 'late' } } });
    const custom = resolveHandoverWindow(fx.config, 0, {
      fromMs: at('2026-01-05T13:00:00Z'),
      toMs: at('2026-01-05T14:00:00Z'),
    });
    expect(custom).toMatchObject({ ok: true, window: { shift: null } });
  });

  it('reports lines, outages with cause and acknowledgement, worst devices and inherited alarms', () => {
    const now = at('2026-01-05T21:30:00Z');
    const resolved = resolveHandoverWindow(fx.config, now, {});
    if (!resolved.ok) throw new Error(resolved.message);
    const handover = buildShiftHandover(fx.store, fx.config, resolved.window, now);
    expect(() => ShiftHandover.parse(handover)).not.toThrow();
    expect(handover.shift).toEqual({ id: 'late', name: 'Late shift' });
    expect(handover.from).toBe('2026-01-05T13:00:00.000Z');

    const press = handover.lines.find((l) => l.id === 'press-1');
    expect(press).toMatchObject({ name: 'Press line 1', down_s: 600, failures: 1, downtime_cost: 8500 });
    expect(handover.lines.find((l) => l.id === 'paint')).toMatchObject({
      down_s: 6 * 3600,
      downtime_cost: null,
    });

    const plcOutage = handover.outages.find((o) => o.endpointId === 'press1-plc');
    expect(plcOutage).toMatchObject({
      endpointName: 'Press 1 PLC',
      lineName: 'Press line 1',
      startedAt: '2026-01-05T14:10:00.000Z',
      endedAt: '2026-01-05T14:20:00.000Z',
      duration_s: 600,
      failureMessage: 'connect ECONNREFUSED',
      acknowledgedAt: '2026-01-05T14:16:00.000Z',
      acknowledgedBy: 'Anna',
      note: 'PLC rebooted <ok>',
    });
    const camOutage = handover.outages.find((o) => o.endpointId === 'paint-cam');
    expect(camOutage).toMatchObject({ startedAt: '2026-01-05T15:00:00.000Z', acknowledgedBy: null });

    expect(handover.worstDevices.map((d) => [d.endpointId, d.down_s])).toEqual([
      ['paint-cam', 6 * 3600],
      ['press1-plc', 600],
    ]);

    // The PLC alarm was acknowledged and cleared within the shift: not handed over.
    expect(handover.openAlarms).toHaveLength(1);
    expect(handover.openAlarms[0]).toMatchObject({
      endpointId: 'paint-cam',
      acknowledged: false,
      cleared: false,
      startedAt: '2026-01-05T15:00:00.000Z',
    });
  });

  it('judges inherited alarms as of the shift end, not as of now', () => {
    // The PLC alarm was raised at 14:15Z, acknowledged at 14:16Z and cleared at 14:20Z: a window
    // ending at 14:18Z hands it over as acknowledged but still down.
    const window = { fromMs: at('2026-01-05T13:00:00Z'), toMs: at('2026-01-05T14:18:00Z'), shift: null };
    const handover = buildShiftHandover(fx.store, fx.config, window, at('2026-01-05T21:30:00Z'));
    const plc = handover.openAlarms.find((a) => a.endpointId === 'press1-plc');
    expect(plc).toMatchObject({ acknowledged: true, cleared: false, acknowledgedBy: 'Anna' });
    // Its impact as of 14:18Z too: down since 14:10Z, 8 min x 850 per minute.
    expect(plc?.impact).toMatchObject({
      severity: 'high',
      costPerMinute: 850,
      costSoFar: 8 * 850,
      affected: { endpointIds: [], lineIds: ['press-1'] },
      shift: { id: 'late', name: 'Late shift' },
    });
  });

  it('hands over each alarm with its impact at the end of the shift', () => {
    const window = { fromMs: at('2026-01-05T13:00:00Z'), toMs: at('2026-01-05T21:00:00Z'), shift: null };
    const handover = buildShiftHandover(fx.store, fx.config, window, at('2026-01-06T09:00:00Z'));
    // The camera is the paint shop's only device, so it takes the line down; the line has no cost.
    expect(handover.openAlarms.map((a) => [a.endpointId, a.impact.severity, a.impact.costSoFar])).toEqual([
      ['paint-cam', 'high', 0],
    ]);
    expect(handover.openAlarms[0]?.impact.affected.lineIds).toEqual(['paint']);
  });
});
