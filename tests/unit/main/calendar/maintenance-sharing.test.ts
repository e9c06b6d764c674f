// Scale sanity (not timed): 2,000 endpoints on 40 lines over 90 days. windowsFor memoises on the SET
// of entries that apply plus (from, to), so endpoints sharing that set share one computed, frozen
// array; a report computes ~one result per line (plus one per endpoint with its own entries).
import { describe, expect, it } from 'vitest';
import type { MaintenanceConfig } from '@src/main/config';
import { createMaintenanceCalendar, type Interval } from '@src/main/calendar/maintenance-calendar';
import { configWith, line } from '../../../support/calendar-fixtures';

const H = 3_600_000;
const DAY = 24 * H;

describe('maintenance windows at plant scale', () => {
  const lines = Array.from({ length: 40 }, (_, l) =>
    line(
      `line-${l}`,
      Array.from({ length: 50 }, (_, e) => `ep-${l}-${e}`),
    ),
  );
  const maintenance: MaintenanceConfig[] = [
    {
      id: 'site-pm',
      targets: ['plant-augsburg'],
      kind: 'recurring',
      every: 'week',
      weekday: 0,
      start: '02:00',
      durationMs: 4 * H,
    },
    ...lines.map((l, i): MaintenanceConfig => ({
      id: `clean-${l.id}`,
      targets: [l.id],
      kind: 'recurring',
      every: 'day',
      // Spread over the day so line results really differ.
      start: `${String(i % 24).padStart(2, '0')}:15`,
      weekday: null,
      durationMs: 30 * 60_000,
    })),
    // Five endpoints with their own entry: each gets its own result.
    ...[0, 1, 2, 3, 4].map((n): MaintenanceConfig => ({
      id: `fw-${n}`,
      targets: [`ep-${n}-0`],
      kind: 'once',
      from: '2026-02-10T09:00',
      to: '2026-02-10T11:00',
    })),
  ];
  const cal = createMaintenanceCalendar(configWith('Europe/Berlin', maintenance, lines));
  const from = Date.parse('2026-01-01T00:00:00Z');
  const to = from + 90 * DAY;

  it('computes one result per distinct set of applicable entries and shares it', () => {
    const results = new Set<readonly Interval[]>();
    for (const l of lines) {
      for (const e of l.endpoints) results.add(cal.windowsFor({ endpointId: e.id, lineId: l.id }, from, to));
    }
    expect(results.size).toBe(40 + 5);
    // Asking again hands back the same objects, not recomputed copies.
    const again = cal.windowsFor({ endpointId: 'ep-7-3', lineId: 'line-7' }, from, to);
    expect(results.has(again)).toBe(true);
    expect(Object.isFrozen(again)).toBe(true);
  });

  it('each line gets 90 daily windows plus 13 Sunday windows, none overlapping', () => {
    // Jan 1 2026 is a Thursday: Sundays Jan 4 .. Mar 29 in the 90 days = 13. line-0 cleans at 00:15,
    // never overlapping 02:00-06:00, so nothing merges: 90 + 13 = 103 intervals.
    const w = cal.windowsFor({ endpointId: 'ep-0-1', lineId: 'line-0' }, from, to);
    expect(w).toHaveLength(103);
    for (let i = 1; i < w.length; i++) expect(w[i]?.start).toBeGreaterThan(w[i - 1]?.end ?? Infinity);
  });
});
