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
  localToEpochMs,
  toLocalParts,
  weekdayOf,
  zoneOffsetMs,
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
