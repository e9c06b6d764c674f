// Hand-worked instants (Berlin CET +1 / CEST +2; New York EST -5 / EDT -4; 2026 change dates:
// Berlin Mar 29 and Oct 25, New York Mar 8 and Nov 1, all Sundays).
import { describe, expect, it } from 'vitest';
import type { ShiftConfig } from '@src/main/config';
import { shiftAt, shiftOccurrences } from '@src/main/calendar/shift-calendar';

const BER = 'Europe/Berlin';
const NY = 'America/New_York';
const H = 3_600_000;
const Z = (iso: string): number => Date.parse(iso);

const SHIFTS: ShiftConfig[] = [
  { id: 'early', name: 'Early', start: '06:00', end: '14:00' },
  { id: 'late', name: 'Late', start: '14:00', end: '22:00' },
  { id: 'night', name: 'Night', start: '22:00', end: '06:00' },
];

const iso = (o: { shiftId: string; start: number; end: number }): [string, string, string] => [
  o.shiftId,
  new Date(o.start).toISOString(),
  new Date(o.end).toISOString(),
];

describe('shiftOccurrences', () => {
  it('an ordinary Berlin winter day: the night begun the evening before is clipped to the window', () => {
    // Local day 2026-01-15 = [Jan 14 23:00Z, Jan 15 23:00Z). Night Jan 14 22:00 CET = 21:00Z..05:00Z.
    const occ = shiftOccurrences(SHIFTS, BER, Z('2026-01-14T23:00:00Z'), Z('2026-01-15T23:00:00Z'));
    expect(occ.map(iso)).toEqual([
      ['night', '2026-01-14T23:00:00.000Z', '2026-01-15T05:00:00.000Z'],
      ['early', '2026-01-15T05:00:00.000Z', '2026-01-15T13:00:00.000Z'],
      ['late', '2026-01-15T13:00:00.000Z', '2026-01-15T21:00:00.000Z'],
      ['night', '2026-01-15T21:00:00.000Z', '2026-01-15T23:00:00.000Z'],
    ]);
  });

  it('Berlin spring forward: night 22:00 CET (21:00Z) -> 06:00 CEST (04:00Z) is 7 h', () => {
    const occ = shiftOccurrences(SHIFTS, BER, Z('2026-03-28T12:00:00Z'), Z('2026-03-29T12:00:00Z'));
    const night = occ.find((o) => o.shiftId === 'night');
    expect(night && iso(night)).toEqual(['night', '2026-03-28T21:00:00.000Z', '2026-03-29T04:00:00.000Z']);
    expect(night && night.end - night.start).toBe(7 * H);
  });

  it('Berlin fall back: night 22:00 CEST (20:00Z) -> 06:00 CET (05:00Z) is 9 h', () => {
    const occ = shiftOccurrences(SHIFTS, BER, Z('2026-10-24T12:00:00Z'), Z('2026-10-25T12:00:00Z'));
    const night = occ.find((o) => o.shiftId === 'night');
    expect(night && iso(night)).toEqual(['night', '2026-10-24T20:00:00.000Z', '2026-10-25T05:00:00.000Z']);
    expect(night && night.end - night.start).toBe(9 * H);
  });

  it('shifts tile the 23-hour and 25-hour local days exactly (no gap, no overlap)', () => {
    // Mar 29 local = [Mar 28 23:00Z, Mar 29 22:00Z) = 23 h; Oct 25 local = [Oct 24 22:00Z, Oct 25 23:00Z) = 25 h.
    for (const [from, to, hours] of [
      ['2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23],
      ['2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25],
    ] as const) {
      const occ = shiftOccurrences(SHIFTS, BER, Z(from), Z(to));
      occ.forEach((o, i) => {
        if (i > 0) expect(o.start).toBe(occ[i - 1]?.end);
      });
      expect(occ.reduce((s, o) => s + o.end - o.start, 0)).toBe(hours * H);
    }
  });

  it('New York night shifts are 7 h on 2026-03-08 and 9 h on 2026-11-01, 8 h on the Berlin dates', () => {
    // Mar 7 22:00 EST = Mar 8 03:00Z -> 06:00 EDT = 10:00Z; Oct 31 22:00 EDT = Nov 1 02:00Z -> 06:00 EST = 11:00Z.
    const nights = (from: string, to: string): [string, string, string][] =>
      shiftOccurrences(SHIFTS, NY, Z(from), Z(to))
        .filter((o) => o.shiftId === 'night')
        .map(iso);
    expect(nights('2026-03-08T00:00:00Z', '2026-03-08T12:00:00Z')).toEqual([
      ['night', '2026-03-08T03:00:00.000Z', '2026-03-08T10:00:00.000Z'],
    ]);
    expect(nights('2026-11-01T00:00:00Z', '2026-11-01T12:00:00Z')).toEqual([
      ['night', '2026-11-01T02:00:00.000Z', '2026-11-01T11:00:00.000Z'],
    ]);
    // Berlin's spring Sunday is ordinary in New York: Mar 28 22:00 EDT = Mar 29 02:00Z -> 10:00Z.
    expect(nights('2026-03-29T00:00:00Z', '2026-03-29T12:00:00Z')).toEqual([
      ['night', '2026-03-29T02:00:00.000Z', '2026-03-29T10:00:00.000Z'],
    ]);
  });

  it('returns nothing for an empty window or no shifts, and sorts across shifts by start', () => {
    expect(shiftOccurrences(SHIFTS, BER, Z('2026-01-15T00:00:00Z'), Z('2026-01-15T00:00:00Z'))).toEqual([]);
    expect(shiftOccurrences([], BER, Z('2026-01-15T00:00:00Z'), Z('2026-01-16T00:00:00Z'))).toEqual([]);
    const week = shiftOccurrences(SHIFTS, BER, Z('2026-01-12T00:00:00Z'), Z('2026-01-19T00:00:00Z'));
    expect(week.map((o) => o.start)).toEqual([...week.map((o) => o.start)].sort((a, b) => a - b));
    // 7 days x 3 shifts, plus the night begun Jan 11 (21:00Z) reaching into the window's start.
    expect(week).toHaveLength(22);
  });
});

describe('shiftAt', () => {
  it('finds the covering shift around both Berlin changes', () => {
    expect(shiftAt(SHIFTS, BER, Z('2026-03-29T01:30:00Z'))).toBe('night'); // 03:30 CEST
    expect(shiftAt(SHIFTS, BER, Z('2026-03-29T03:59:59Z'))).toBe('night'); // 05:59:59 CEST
    expect(shiftAt(SHIFTS, BER, Z('2026-03-29T04:00:00Z'))).toBe('early'); // 06:00 CEST
    expect(shiftAt(SHIFTS, BER, Z('2026-10-25T01:30:00Z'))).toBe('night'); // second 02:30 (CET)
    expect(shiftAt(SHIFTS, BER, Z('2026-10-25T04:59:59Z'))).toBe('night'); // 05:59:59 CET
    expect(shiftAt(SHIFTS, BER, Z('2026-10-25T05:00:00Z'))).toBe('early'); // 06:00 CET
    expect(shiftAt(SHIFTS, BER, Z('2026-10-24T20:00:00Z'))).toBe('night'); // 22:00 CEST
  });

  it('returns null where no shift is defined', () => {
    const dayOnly = SHIFTS.slice(0, 1); // early 06:00-14:00
    expect(shiftAt(dayOnly, BER, Z('2026-01-15T05:00:00Z'))).toBe('early'); // 06:00 CET
    expect(shiftAt(dayOnly, BER, Z('2026-01-15T13:00:00Z'))).toBeNull(); // 14:00 CET, end is exclusive
    expect(shiftAt(dayOnly, BER, Z('2026-01-15T03:00:00Z'))).toBeNull(); // 04:00 CET
  });
});
