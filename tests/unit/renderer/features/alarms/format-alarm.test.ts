import { describe, expect, it } from 'vitest';
import { formatImpact, impactAt } from '@src/renderer/features/alarms/format-alarm';
import { impact } from '../../../../support/renderer-fixtures';

describe('an alarm row keeps its cost counting between answers', () => {
  const asOf = '2026-01-05T14:00:00.000Z';
  const at = (iso: string): number => Date.parse(iso);

  it('adds the rate for the time since main computed the figures while the alarm is active', () => {
    const figures = impact({ costPerMinute: 850, costSoFar: 4250, asOf });
    // 5 min at 850/min before the answer, 90 s after it.
    expect(impactAt(figures, true, at('2026-01-05T14:01:30.000Z')).costSoFar).toBe(4250 + 1.5 * 850);
    expect(formatImpact(impactAt(figures, true, at('2026-01-05T14:01:30.000Z')))).toContain('5,525 so far');
  });

  it('leaves a cleared alarm, a free one and an answer without asOf as they are', () => {
    const later = at('2026-01-05T15:00:00.000Z');
    expect(impactAt(impact({ costPerMinute: 850, costSoFar: 100, asOf }), false, later).costSoFar).toBe(100);
    expect(impactAt(impact({ costPerMinute: 0, costSoFar: 0, asOf }), true, later).costSoFar).toBe(0);
    expect(impactAt(impact({ costPerMinute: 850, costSoFar: 100 }), true, later).costSoFar).toBe(100);
  });

  it('never counts backwards when the screen clock is behind the services', () => {
    const figures = impact({ costPerMinute: 850, costSoFar: 100, asOf });
    expect(impactAt(figures, true, at('2026-01-05T13:59:00.000Z')).costSoFar).toBe(100);
  });
});
