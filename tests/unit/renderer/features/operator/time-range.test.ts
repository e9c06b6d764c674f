import { describe, expect, it } from 'vitest';
import { resolveRange, siteTodayInputs } from '@src/renderer/features/operator/time-range';

describe('a custom range starts as the site today', () => {
  it('takes the date of the site zone, not of UTC or the PC', () => {
    const lateEvening = Date.parse('2026-01-05T23:30:00Z');
    expect(siteTodayInputs(lateEvening, 'Europe/Berlin')).toEqual({
      from: '2026-01-06T00:00',
      to: '2026-01-06T23:59',
    });
    expect(siteTodayInputs(lateEvening, 'America/New_York')).toEqual({
      from: '2026-01-05T00:00',
      to: '2026-01-05T23:59',
    });
  });

  it('resolves to the site midnight, whatever the zone', () => {
    const now = Date.parse('2026-01-05T23:30:00Z');
    const custom = { kind: 'custom' as const, ...siteTodayInputs(now, 'Europe/Berlin') };
    expect(resolveRange(custom, now, 'Europe/Berlin')).toEqual({
      from: '2026-01-05T23:00:00.000Z',
      to: '2026-01-06T22:59:00.000Z',
    });
  });
});
