// Expected instants are worked out by hand from the 2026 rules:
// - Europe/Berlin: CET = UTC+1, CEST = UTC+2. Spring forward Sun 2026-03-29 at 02:00 CET (01:00Z),
//   clocks jump to 03:00 CEST. Fall back Sun 2026-10-25 at 03:00 CEST (01:00Z), clocks go to 02:00
//   CET, so 02:00-02:59 local happens twice (00:00Z-00:59Z, then 01:00Z-01:59Z).
// - America/New_York: EST = UTC-5, EDT = UTC-4. Spring forward Sun 2026-03-08 at 02:00 EST (07:00Z)
//   to 03:00 EDT. Fall back Sun 2026-11-01 at 02:00 EDT (06:00Z) to 01:00 EST, so 01:00-01:59 local
//   happens twice (05:00Z-05:59Z EDT, then 06:00Z-06:59Z EST).
import { describe, expect, it } from 'vitest';
import {
  addDays,
  localDateOf,
  localDayStart,
  localToEpochMs,
  shiftOccurrenceAt,
  shiftOccurrenceOn,
  shiftRule,
  startOfLocalDay,
  startOfLocalWeek,
  startOfNextLocalDay,
  toLocalParts,
  weekdayOf,
  zoneOffsetMs,
  type LocalDate,
  type LocalParts,
} from '@src/shared/time';

const BER = 'Europe/Berlin';
const NY = 'America/New_York';
const H = 3_600_000;
const Z = (iso: string): number => Date.parse(iso);
const at = (y: number, m: number, d: number, hh: number, mm = 0, ss = 0): LocalParts => ({
  y,
  m,
  d,
  hh,
  mm,
  ss,
});

describe('localToEpochMs: ordinary times', () => {
  it('Berlin winter noon is 11:00Z (CET +1), summer noon is 10:00Z (CEST +2)', () => {
    expect(localToEpochMs(at(2026, 1, 15, 12), BER)).toBe(Z('2026-01-15T11:00:00Z'));
    expect(localToEpochMs(at(2026, 7, 15, 12), BER)).toBe(Z('2026-07-15T10:00:00Z'));
  });

  it('New York winter noon is 17:00Z (EST -5), summer noon is 16:00Z (EDT -4)', () => {
    expect(localToEpochMs(at(2026, 1, 15, 12), NY)).toBe(Z('2026-01-15T17:00:00Z'));
    expect(localToEpochMs(at(2026, 7, 15, 12), NY)).toBe(Z('2026-07-15T16:00:00Z'));
  });

  it('UTC is the identity', () => {
    expect(localToEpochMs(at(2026, 3, 29, 2, 30), 'UTC')).toBe(Z('2026-03-29T02:30:00Z'));
  });
});

describe('localToEpochMs: spring-forward gap shifts forward by the gap length', () => {
  it('Berlin 2026-03-29: 01:59:59 CET = 00:59:59Z; 02:00 and 02:30 do not exist -> 03:00/03:30 CEST', () => {
    expect(localToEpochMs(at(2026, 3, 29, 1, 59, 59), BER)).toBe(Z('2026-03-29T00:59:59Z'));
    // 02:00 read with the pre-change offset (+1) = 01:00Z, which the clock shows as 03:00 CEST.
    expect(localToEpochMs(at(2026, 3, 29, 2, 0), BER)).toBe(Z('2026-03-29T01:00:00Z'));
    expect(localToEpochMs(at(2026, 3, 29, 2, 30), BER)).toBe(Z('2026-03-29T01:30:00Z'));
    // 03:00 CEST really exists and is the same instant as the shifted 02:00.
    expect(localToEpochMs(at(2026, 3, 29, 3, 0), BER)).toBe(Z('2026-03-29T01:00:00Z'));
  });

  it('New York 2026-03-08: 02:30 does not exist -> 03:30 EDT = 07:30Z (forward, not back)', () => {
    expect(localToEpochMs(at(2026, 3, 8, 2, 30), NY)).toBe(Z('2026-03-08T07:30:00Z'));
    expect(localToEpochMs(at(2026, 3, 8, 1, 30), NY)).toBe(Z('2026-03-08T06:30:00Z'));
  });
});

describe('localToEpochMs: fall-back overlap takes the first occurrence', () => {
  it('Berlin 2026-10-25: 02:00 and 02:30 are the CEST readings (00:00Z, 00:30Z); 03:00 is CET 02:00Z', () => {
    expect(localToEpochMs(at(2026, 10, 25, 2, 0), BER)).toBe(Z('2026-10-25T00:00:00Z'));
    expect(localToEpochMs(at(2026, 10, 25, 2, 30), BER)).toBe(Z('2026-10-25T00:30:00Z'));
    expect(localToEpochMs(at(2026, 10, 25, 3, 0), BER)).toBe(Z('2026-10-25T02:00:00Z'));
    expect(localToEpochMs(at(2026, 10, 25, 1, 59), BER)).toBe(Z('2026-10-24T23:59:00Z'));
  });

  it('New York 2026-11-01: 01:30 is the EDT reading 05:30Z, 02:00 is unambiguous EST 07:00Z', () => {
    expect(localToEpochMs(at(2026, 11, 1, 1, 30), NY)).toBe(Z('2026-11-01T05:30:00Z'));
    expect(localToEpochMs(at(2026, 11, 1, 2, 0), NY)).toBe(Z('2026-11-01T07:00:00Z'));
  });
});

describe('day lengths', () => {
  const dayLength = (zone: string, y: number, m: number, d: number): number => {
    const next = addDays({ y, m, d }, 1);
    return localToEpochMs({ ...next, hh: 0, mm: 0, ss: 0 }, zone) - localToEpochMs(at(y, m, d, 0), zone);
  };
  it('Berlin 2026-03-29 is 23 h (Mar 28 23:00Z -> Mar 29 22:00Z), 2026-10-25 is 25 h (Oct 24 22:00Z -> Oct 25 23:00Z)', () => {
    expect(dayLength(BER, 2026, 3, 29)).toBe(23 * H);
    expect(dayLength(BER, 2026, 10, 25)).toBe(25 * H);
    expect(dayLength(BER, 2026, 3, 28)).toBe(24 * H);
  });
  it('New York: 2026-03-08 is 23 h, 2026-11-01 is 25 h, and the Berlin dates are ordinary there', () => {
    expect(dayLength(NY, 2026, 3, 8)).toBe(23 * H);
    expect(dayLength(NY, 2026, 11, 1)).toBe(25 * H);
    expect(dayLength(NY, 2026, 3, 29)).toBe(24 * H);
    expect(dayLength(NY, 2026, 10, 25)).toBe(24 * H);
  });
});

describe('toLocalParts and zoneOffsetMs', () => {
  it('shows both Berlin readings of 02:30 on 2026-10-25 and 03:00 right after the spring jump', () => {
    expect(toLocalParts(Z('2026-10-25T00:30:00Z'), BER)).toEqual(at(2026, 10, 25, 2, 30));
    expect(toLocalParts(Z('2026-10-25T01:30:00Z'), BER)).toEqual(at(2026, 10, 25, 2, 30));
    expect(toLocalParts(Z('2026-03-29T01:00:00Z'), BER)).toEqual(at(2026, 3, 29, 3, 0));
    expect(toLocalParts(Z('2026-03-29T00:59:59Z'), BER)).toEqual(at(2026, 3, 29, 1, 59, 59));
  });
  it('midnight is hour 0, never 24', () => {
    expect(toLocalParts(Z('2026-01-14T23:00:00Z'), BER)).toEqual(at(2026, 1, 15, 0));
  });
  it('offsets: +1 h / +2 h Berlin, -5 h / -4 h New York; milliseconds do not disturb it', () => {
    expect(zoneOffsetMs(Z('2026-01-15T12:00:00.999Z'), BER)).toBe(H);
    expect(zoneOffsetMs(Z('2026-07-15T12:00:00Z'), BER)).toBe(2 * H);
    expect(zoneOffsetMs(Z('2026-01-15T12:00:00Z'), NY)).toBe(-5 * H);
    expect(zoneOffsetMs(Z('2026-07-15T12:00:00Z'), NY)).toBe(-4 * H);
  });
});

describe('round trip over all of 2026 in 15-minute steps', () => {
  it.each([BER, NY])(
    '%s: local -> instant gives back the instant, except second readings of an overlap',
    (zone) => {
      let mismatches = 0;
      for (let t = Z('2026-01-01T00:00:00Z'); t < Z('2027-01-01T00:00:00Z'); t += 15 * 60_000) {
        const back = localToEpochMs(toLocalParts(t, zone), zone);
        if (back !== t) {
          // Only the repeated hour may differ, and then by exactly one hour (to the first reading).
          expect(back).toBe(t - H);
          mismatches++;
        }
      }
      // One repeated hour per year = 4 quarter-hours.
      expect(mismatches).toBe(4);
    },
  );
});

describe('calendar helpers', () => {
  it('2026-03-29, 2026-10-25, 2026-03-08 and 2026-11-01 are Sundays (0)', () => {
    for (const d of [
      { y: 2026, m: 3, d: 29 },
      { y: 2026, m: 10, d: 25 },
      { y: 2026, m: 3, d: 8 },
      { y: 2026, m: 11, d: 1 },
    ]) {
      expect(weekdayOf(d)).toBe(0);
    }
  });
  it('addDays rolls months and years', () => {
    expect(addDays({ y: 2026, m: 12, d: 31 }, 1)).toEqual({ y: 2027, m: 1, d: 1 });
    expect(addDays({ y: 2026, m: 3, d: 1 }, -1)).toEqual({ y: 2026, m: 2, d: 28 });
  });
});

// Local day starts and shift occurrences, across zones whose DST moves midnight itself or shifts by
// half an hour. The 2024 rules used below:
// - America/Havana: CST = UTC-5, CDT = UTC-4. Spring forward Sun 2024-03-10 at 00:00 CST (05:00Z)
//   to 01:00 CDT, so that day has no midnight. Fall back Sun 2024-11-03 at 01:00 CDT (05:00Z) to
//   00:00 CST, so midnight happens twice (04:00Z, then 05:00Z).
// - Australia/Lord_Howe: +10:30 / +11 (a 30-minute shift). Back Sun 2024-04-07 at 02:00 to 01:30,
//   forward Sun 2024-10-06 at 02:00 to 02:30.
// - Pacific/Chatham: +12:45 / +13:45. Back Sun 2024-04-07, forward Sun 2024-09-29 (at 02:45/03:45).
const HAV = 'America/Havana';
const LHI = 'Australia/Lord_Howe';
const CHATHAM = 'Pacific/Chatham';
const ZONES = [HAV, LHI, BER, NY, 'Asia/Kolkata', CHATHAM, 'UTC'];
const hours = (ms: number): number => ms / H;
const sameDate = (a: LocalDate, b: LocalDate): boolean => a.y === b.y && a.m === b.m && a.d === b.d;

describe('local day starts where midnight is skipped or repeated', () => {
  it('Havana 2024-11-03: the day starts at the FIRST midnight (00:00 CDT, 04:00Z), also seen from the second', () => {
    expect(localDayStart({ y: 2024, m: 11, d: 3 }, HAV)).toBe(Z('2024-11-03T04:00:00Z'));
    // 05:30Z is the second 00:30 (CST): still the day that began at 04:00Z.
    expect(startOfLocalDay(Z('2024-11-03T05:30:00Z'), HAV)).toBe(Z('2024-11-03T04:00:00Z'));
    expect(startOfLocalDay(Z('2024-11-03T04:30:00Z'), HAV)).toBe(Z('2024-11-03T04:00:00Z'));
    expect(startOfNextLocalDay(Z('2024-11-02T12:00:00Z'), HAV)).toBe(Z('2024-11-03T04:00:00Z'));
    expect(startOfNextLocalDay(Z('2024-11-03T05:30:00Z'), HAV) - Z('2024-11-03T04:00:00Z')).toBe(25 * H);
  });

  it('Havana 2024-03-10: no midnight, the day starts at the first valid instant after it (01:00 CDT, 05:00Z)', () => {
    expect(localDayStart({ y: 2024, m: 3, d: 10 }, HAV)).toBe(Z('2024-03-10T05:00:00Z'));
    expect(startOfLocalDay(Z('2024-03-10T05:00:00Z'), HAV)).toBe(Z('2024-03-10T05:00:00Z'));
    expect(startOfLocalDay(Z('2024-03-10T04:59:59Z'), HAV)).toBe(Z('2024-03-09T05:00:00Z'));
    expect(startOfNextLocalDay(Z('2024-03-10T12:00:00Z'), HAV)).toBe(Z('2024-03-11T04:00:00Z'));
  });

  it('Lord Howe: 24.5 h on 2024-04-07 and 23.5 h on 2024-10-06, midnight untouched', () => {
    const apr7 = localDayStart({ y: 2024, m: 4, d: 7 }, LHI);
    expect(apr7).toBe(Z('2024-04-06T13:00:00Z'));
    expect(hours(localDayStart({ y: 2024, m: 4, d: 8 }, LHI) - apr7)).toBe(24.5);
    const oct6 = localDayStart({ y: 2024, m: 10, d: 6 }, LHI);
    expect(oct6).toBe(Z('2024-10-05T13:30:00Z'));
    expect(hours(localDayStart({ y: 2024, m: 10, d: 7 }, LHI) - oct6)).toBe(23.5);
  });

  it('weeks start on Monday 00:00 local, also across a DST Sunday', () => {
    // Berlin: Monday 2026-03-30 00:00 CEST is 2026-03-29 22:00Z; the week before began at 23:00Z.
    expect(startOfLocalWeek(Z('2026-04-01T12:00:00Z'), BER)).toBe(Z('2026-03-29T22:00:00Z'));
    expect(startOfLocalWeek(Z('2026-04-01T12:00:00Z'), BER, 1)).toBe(Z('2026-03-22T23:00:00Z'));
  });

  it.each(ZONES)(
    '%s, every day of 2024-2026: starts on its date, is its first instant, lasts 23-25 h',
    (zone) => {
      const odd: number[] = [];
      let date: LocalDate = { y: 2024, m: 1, d: 1 };
      let start = localDayStart(date, zone);
      while (date.y < 2027) {
        const next = addDays(date, 1);
        const nextStart = localDayStart(next, zone);
        expect(sameDate(localDateOf(start, zone), date)).toBe(true);
        expect(sameDate(localDateOf(start - 1000, zone), date)).toBe(false);
        expect(startOfLocalDay(start, zone)).toBe(start);
        expect(startOfLocalDay(nextStart - 1000, zone)).toBe(start);
        expect(startOfNextLocalDay(start, zone)).toBe(nextStart);
        const length = hours(nextStart - start);
        expect(length).toBeGreaterThanOrEqual(23);
        expect(length).toBeLessThanOrEqual(25);
        if (length !== 24) odd.push(length);
        date = next;
        start = nextStart;
      }
      // Two DST days a year where the zone has DST: 23 + 25 h (23.5 + 24.5 h on Lord Howe).
      const expected =
        zone === 'Asia/Kolkata' || zone === 'UTC' ? [] : zone === LHI ? [23.5, 24.5] : [23, 25];
      expect(odd.length).toBe(expected.length * 3);
      expect([...new Set(odd)].sort()).toEqual(expected);
    },
  );
});

describe('shift occurrences crossing midnight on DST days', () => {
  const night = shiftRule({ start: '22:00', end: '06:00' });
  const fromMidnight = shiftRule({ start: '00:00', end: '08:00' });
  const length = (rule: typeof night, date: LocalDate, zone: string): number => {
    const occ = shiftOccurrenceOn(rule, date, zone);
    return hours(occ.end - occ.start);
  };

  it('a 22:00-06:00 night is 7 h into spring-forward and 9 h into fall-back, 8.5/7.5 h on Lord Howe', () => {
    expect(length(night, { y: 2024, m: 3, d: 9 }, HAV)).toBe(7);
    expect(length(night, { y: 2024, m: 11, d: 2 }, HAV)).toBe(9);
    expect(length(night, { y: 2026, m: 3, d: 28 }, BER)).toBe(7);
    expect(length(night, { y: 2026, m: 10, d: 24 }, BER)).toBe(9);
    expect(length(night, { y: 2024, m: 4, d: 6 }, LHI)).toBe(8.5);
    expect(length(night, { y: 2024, m: 10, d: 5 }, LHI)).toBe(7.5);
    expect(length(night, { y: 2024, m: 9, d: 28 }, CHATHAM)).toBe(7);
    expect(length(night, { y: 2024, m: 1, d: 5 }, 'Asia/Kolkata')).toBe(8);
  });

  it('a shift starting at midnight starts with the day: the first midnight, or 01:00 when midnight is skipped', () => {
    expect(shiftOccurrenceOn(fromMidnight, { y: 2024, m: 11, d: 3 }, HAV)).toEqual({
      start: Z('2024-11-03T04:00:00Z'),
      end: Z('2024-11-03T13:00:00Z'),
    });
    expect(shiftOccurrenceOn(fromMidnight, { y: 2024, m: 3, d: 10 }, HAV)).toEqual({
      start: Z('2024-03-10T05:00:00Z'),
      end: Z('2024-03-10T12:00:00Z'),
    });
    // The second 00:30 (CST) is inside the occurrence that began at the first midnight.
    expect(shiftOccurrenceAt(fromMidnight, Z('2024-11-03T05:30:00Z'), HAV)?.start).toBe(
      Z('2024-11-03T04:00:00Z'),
    );
    expect(shiftOccurrenceAt(night, Z('2024-11-03T05:30:00Z'), HAV)?.start).toBe(Z('2024-11-03T02:00:00Z'));
  });

  it.each(ZONES)('%s, 2024-2026: a 06/14/22 rota tiles every day, one shift on at each instant', (zone) => {
    const earlyRule = shiftRule({ start: '06:00', end: '14:00' });
    const lateRule = shiftRule({ start: '14:00', end: '22:00' });
    const rota = [
      { id: 'early', rule: earlyRule },
      { id: 'late', rule: lateRule },
      { id: 'night', rule: night },
    ];
    for (let date: LocalDate = { y: 2024, m: 1, d: 3 }; date.y < 2027; date = addDays(date, 5)) {
      const early = shiftOccurrenceOn(earlyRule, date, zone);
      const late = shiftOccurrenceOn(lateRule, date, zone);
      const onNight = shiftOccurrenceOn(night, date, zone);
      const nextEarly = shiftOccurrenceOn(earlyRule, addDays(date, 1), zone);
      expect([early.end, late.end, onNight.end]).toEqual([late.start, onNight.start, nextEarly.start]);
      for (let at = early.start; at < nextEarly.start; at += 45 * 60_000) {
        const on = rota.filter((s) => shiftOccurrenceAt(s.rule, at, zone) !== null).map((s) => s.id);
        expect(on).toHaveLength(1);
      }
    }
  });
});
