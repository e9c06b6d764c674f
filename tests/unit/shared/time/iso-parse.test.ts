import { describe, expect, it } from 'vitest';
import {
  parseIsoWindow as parseWindow,
  parseIsoWithOffset,
  parseSiteDateTime,
  siteDateTimeToEpochMs,
} from '@src/shared/time';

describe('report window times', () => {
  it('takes ISO times with Z or an offset', () => {
    expect(parseIsoWithOffset('2026-01-05T14:00:00Z')).toBe(Date.UTC(2026, 0, 5, 14));
    expect(parseIsoWithOffset('2026-01-05T15:00:00+01:00')).toBe(Date.UTC(2026, 0, 5, 14));
    expect(parseIsoWithOffset('2026-01-05T14:00Z')).toBe(Date.UTC(2026, 0, 5, 14));
    expect(parseIsoWithOffset('2026-01-05T14:00:00.250Z')).toBe(Date.UTC(2026, 0, 5, 14, 0, 0, 250));
  });

  it('refuses local times, dates alone and impossible dates', () => {
    expect(parseIsoWithOffset('2026-01-05T14:00:00')).toBeNull();
    expect(parseIsoWithOffset('2026-01-05')).toBeNull();
    expect(parseIsoWithOffset('2026-02-30T00:00:00Z')).toBeNull();
    expect(parseIsoWithOffset('2026-01-05T24:00:00Z')).toBeNull();
    expect(parseIsoWithOffset('yesterday')).toBeNull();
  });

  it('names the option, the expected form and an empty window', () => {
    const bad = parseWindow('2026-01-05 14:00', '2026-01-05T15:00:00Z');
    expect(bad).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^--from: expected an ISO 8601 time with Z or an offset/) as unknown,
    });
    expect(parseWindow('2026-01-05T14:00:00Z', 'soon')).toMatchObject({
      message: expect.stringMatching(/^--to: /) as unknown,
    });
    expect(parseWindow('2026-01-05T15:00:00+01:00', '2026-01-05T14:00:00Z')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--from must be before --to/) as unknown,
    });
  });
});

describe('ISO instants: the edges Date.parse would let through or read differently', () => {
  it('ignores case and surrounding spaces, truncates a long fraction to the millisecond', () => {
    expect(parseIsoWithOffset(' 2026-01-05t14:00:00z ')).toBe(Date.UTC(2026, 0, 5, 14));
    expect(parseIsoWithOffset('2026-01-05T14:00:00.2509Z')).toBe(Date.UTC(2026, 0, 5, 14, 0, 0, 250));
    expect(parseIsoWithOffset('2026-01-05T09:00:00-05:00')).toBe(Date.UTC(2026, 0, 5, 14));
    expect(parseIsoWithOffset('2026-01-05T19:45:00+05:45')).toBe(Date.UTC(2026, 0, 5, 14));
  });
  it('agrees with Date.parse on every form a zod iso.datetime field accepts, years 0000-0099 too', () => {
    for (const text of [
      '2026-01-05T14:00:00.1234567891Z',
      '0000-01-01T00:00:00Z',
      '0050-02-28T23:59:59.999-01:30',
      '9999-12-31T23:59:59.999Z',
    ]) {
      expect(parseIsoWithOffset(text)).toBe(Date.parse(text));
    }
  });
  it('refuses leap days of common years, second 60 and offsets past 23:59', () => {
    expect(parseIsoWithOffset('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoWithOffset('2026-02-29T00:00:00Z')).toBeNull();
    expect(parseIsoWithOffset('2026-01-05T14:00:60Z')).toBeNull();
    expect(parseIsoWithOffset('2026-01-05T14:00:00+24:00')).toBeNull();
  });
});

describe('config date-times (site-local unless written with an offset)', () => {
  const BER = 'Europe/Berlin';
  const instant = (text: string): number | null => {
    const dt = parseSiteDateTime(text);
    return dt === null ? null : siteDateTimeToEpochMs(dt, BER);
  };
  it('reads minutes or seconds, site-local or with Z / an offset', () => {
    expect(instant('2026-01-05T08:00')).toBe(Date.UTC(2026, 0, 5, 7));
    expect(instant('2026-07-05T08:00:30')).toBe(Date.UTC(2026, 6, 5, 6, 0, 30));
    expect(instant('2026-01-05T08:00Z')).toBe(Date.UTC(2026, 0, 5, 8));
    expect(instant('2026-01-05T08:00:00-02:30')).toBe(Date.UTC(2026, 0, 5, 10, 30));
  });
  it('resolves DST like the calendar: a skipped time moves forward, a repeated one is the first', () => {
    expect(instant('2026-03-29T02:30')).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(instant('2026-10-25T02:30')).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });
  it('refuses fractions, impossible dates and clocks, a space for the T', () => {
    for (const text of [
      '2026-01-05T08:00:00.5',
      '2026-02-30T08:00',
      '2026-01-05T24:00',
      '2026-01-05 08:00',
    ]) {
      expect(parseSiteDateTime(text)).toBeNull();
    }
  });
});
