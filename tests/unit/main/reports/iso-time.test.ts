import { describe, expect, it } from 'vitest';
import { parseIsoWithOffset, parseWindow } from '@src/main/reports/iso-time';

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
      message: expect.stringMatching(/^--from: expected an ISO 8601 time with Z or an offset/),
    });
    expect(parseWindow('2026-01-05T14:00:00Z', 'soon')).toMatchObject({
      message: expect.stringMatching(/^--to: /),
    });
    expect(parseWindow('2026-01-05T15:00:00+01:00', '2026-01-05T14:00:00Z')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/--from must be before --to/),
    });
  });
});
