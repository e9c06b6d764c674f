// Day-of-week patterns in the RTT baseline (issue 12): the rule in baseline.ts's header.
import { describe, expect, it } from 'vitest';
import { expectedRtt, learnBaseline, type Baseline } from '@src/main/insights/baseline';
import { HOUR, MIN, minutes, T0 } from '../../../support/minute-samples';

const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONDAY = 1;
const SATURDAY = 6;
const SUNDAY = 0;

/** Local weekday (0 = Sunday) and hour in UTC: T0 is a Monday at 00:00. */
const utcWeekday = (ms: number) => (new Date(ms).getUTCDay() + 7) % 7;
const utcHour = (ms: number) => new Date(ms).getUTCHours();

/** A week of minutes from `start`, RTT from `rttAt(ms)` (± the helper's jitter). */
function week(start: number, rttAt: (ms: number) => number, seed = 1) {
  return minutes(start, WEEK / MIN, (i) => rttAt(start + i * MIN), { seed });
}

function learnt(samples: ReturnType<typeof week>, timezone: string): Baseline {
  const baseline = learnBaseline(samples, timezone);
  if (!baseline) throw new Error('expected a baseline');
  return baseline;
}

const isWeekend = (weekday: number) => weekday === SATURDAY || weekday === SUNDAY;

describe('learnBaseline, day of week', () => {
  it('expects the quiet weekend at the weekend and the working days on Monday morning', () => {
    // 1 ms on Saturday and Sunday, 3 ms Monday to Friday: the all-day figures say 3 ms every day.
    const baseline = learnt(
      week(T0, (ms) => (isWeekend(utcWeekday(ms)) ? 1 : 3)),
      'UTC',
    );
    expect(baseline.rtt.medianMs).toBeCloseTo(3, 1);
    const nextWeek = T0 + WEEK;
    expect(expectedRtt(baseline, nextWeek - DAY + 10 * HOUR, 'UTC').medianMs).toBeCloseTo(1, 1); // Sunday
    expect(expectedRtt(baseline, nextWeek - 2 * DAY + 3 * HOUR, 'UTC').medianMs).toBeCloseTo(1, 1); // Saturday
    expect(expectedRtt(baseline, nextWeek + 7 * HOUR, 'UTC').medianMs).toBeCloseTo(3, 1); // Monday 07:00
    expect(expectedRtt(baseline, nextWeek + 2 * DAY + 15 * HOUR, 'UTC').medianMs).toBeCloseTo(3, 1);
    // Both weekend days are one class, learnt from both (two days: robust to one odd day).
    expect(baseline.rttByWeekday[SATURDAY]).toBe(baseline.rttByWeekday[SUNDAY]);
    expect(baseline.rttByWeekday[MONDAY]).not.toBe(baseline.rttByWeekday[SUNDAY]);
  });

  it('gives exactly the all-day and hour-of-day figures where there is no weekly pattern', () => {
    // A daily load peak (3 ms, 08:00-09:00) every day, jitter, no difference between weekdays.
    const baseline = learnt(
      week(T0, (ms) => (utcHour(ms) === 8 ? 3 : 1)),
      'UTC',
    );
    expect(baseline.rttByWeekday).toEqual([null, null, null, null, null, null, null]);
    for (let ms = T0 + WEEK; ms < T0 + 2 * WEEK; ms += HOUR)
      expect(expectedRtt(baseline, ms, 'UTC')).toBe(baseline.rttByHour[utcHour(ms)] ?? baseline.rtt);
    expect(expectedRtt(baseline, T0 + WEEK + 8 * HOUR, 'UTC').medianMs).toBeCloseTo(3, 1);
  });

  it('does not make one odd day (a holiday) usual for its weekday', () => {
    // 3 ms all week but a quiet Wednesday at 1 ms: next Wednesday still expects 3 ms.
    const wednesday = 3;
    const baseline = learnt(
      week(T0, (ms) => (utcWeekday(ms) === wednesday ? 1 : 3)),
      'UTC',
    );
    expect(baseline.rttByWeekday.every((day) => day === null)).toBe(true);
    expect(expectedRtt(baseline, T0 + WEEK + 2 * DAY + 10 * HOUR, 'UTC').medianMs).toBeCloseTo(3, 1);
  });

  it('keeps shifts that do not start or end on the hour within two spreads of what it expects', () => {
    // Production Monday to Friday 06:00-22:10 and Saturday 06:15-14:00 at 3 ms; otherwise 1 ms.
    const busy = (ms: number) => {
      const weekday = utcWeekday(ms);
      const minute = (ms % DAY) / MIN;
      if (weekday === SUNDAY) return false;
      if (weekday === SATURDAY) return minute >= 6 * 60 + 15 && minute < 14 * 60;
      return minute >= 6 * 60 && minute < 22 * 60 + 10;
    };
    const baseline = learnt(
      week(T0, (ms) => (busy(ms) ? 3 : 1)),
      'UTC',
    );
    expect(baseline.rttByWeekday[SATURDAY]).toBe(baseline.rttByWeekday[SUNDAY]);
    const zAt3ms = (ms: number) => {
      const level = expectedRtt(baseline, ms, 'UTC');
      return (3 - level.medianMs) / level.spreadMs;
    };
    const saturday = T0 + WEEK + 5 * DAY;
    // Saturday's shift: its first 45 minutes (Sunday's quiet hour 6 is the class's majority), its
    // middle, and the Wednesday shift's last 10 minutes after 22:00.
    expect(zAt3ms(saturday + 6 * HOUR + 20 * MIN)).toBeLessThan(2);
    expect(zAt3ms(saturday + 10 * HOUR)).toBeLessThan(2);
    expect(zAt3ms(T0 + WEEK + 2 * DAY + 22 * HOUR + 5 * MIN)).toBeLessThan(2);
    // Away from the shifts the quiet level still applies, and Monday morning expects production.
    expect(expectedRtt(baseline, saturday + 18 * HOUR, 'UTC').medianMs).toBeCloseTo(1, 1);
    expect(expectedRtt(baseline, T0 + WEEK + 2 * DAY + 23 * HOUR, 'UTC').medianMs).toBeCloseTo(1, 1);
    expect(expectedRtt(baseline, T0 + WEEK + 6 * HOUR + 30 * MIN, 'UTC').medianMs).toBeCloseTo(3, 0);
  });

  it('reads weekdays in the site zone across a DST change', () => {
    // Berlin: CET (UTC+1) until 2026-03-29 01:00 UTC, then CEST (UTC+2). A quiet local weekend.
    const dstStart = Date.parse('2026-03-29T01:00:00Z');
    const berlinWeekday = (ms: number) => utcWeekday(ms + (ms < dstStart ? 1 : 2) * HOUR);
    const mondayCet = Date.parse('2026-03-22T23:00:00Z'); // Monday 2026-03-23 00:00 local
    const baseline = learnt(
      week(mondayCet, (ms) => (isWeekend(berlinWeekday(ms)) ? 1 : 3)),
      'Europe/Berlin',
    );
    expect(baseline.rttByWeekday[SUNDAY]).not.toBeNull();
    // Sunday 2026-04-05 22:45 and Monday 2026-04-06 00:15 CEST (a fixed UTC+1 would call both
    // Sunday, and the latter's half an hour either side, too).
    const sundayLate = Date.parse('2026-04-05T20:45:00Z');
    const mondayEarly = Date.parse('2026-04-05T22:15:00Z');
    expect(expectedRtt(baseline, sundayLate, 'Europe/Berlin').medianMs).toBeCloseTo(1, 1);
    expect(expectedRtt(baseline, mondayEarly, 'Europe/Berlin').medianMs).toBeCloseTo(3, 1);
    // The short Sunday of the change (23 local hours) is still one weekday of the weekend class.
    expect(expectedRtt(baseline, Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin').medianMs).toBeCloseTo(
      1,
      1,
    );
  });
});
