import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, parseConfigText } from '@src/main/config';
import { BASE, FILE, issuesOf, yaml } from '../../../support/config-helpers';

const retentionOf = (lines: string[]) => {
  const result = parseConfigText(yaml(lines), FILE);
  if (!result.ok) throw new Error(`expected the config to load: ${JSON.stringify(result.issues)}`);
  return result.config.retention;
};

describe('retention in the config', () => {
  it('defaults to the one DEFAULT_RETENTION, in days', () => {
    expect(retentionOf(BASE)).toEqual(DEFAULT_RETENTION);
    expect(DEFAULT_RETENTION).toEqual({ rawDays: 7, minuteDays: 30, hourDays: 730, dayDays: 3650 });
    // A section that sets some tiers keeps the default for the others.
    expect(retentionOf([...BASE, 'retention: { raw_checks: 14d }'])).toEqual({
      ...DEFAULT_RETENTION,
      rawDays: 14,
    });
  });

  it('reads durations as written in the file and keeps them in days', () => {
    expect(
      retentionOf([
        ...BASE,
        'retention:',
        '  raw_checks: 36h',
        '  minute_rollups: 14d',
        '  hour_rollups: 365d',
        '  day_rollups: 3650d',
      ]),
    ).toEqual({ rawDays: 1.5, minuteDays: 14, hourDays: 365, dayDays: 3650 });
  });

  it('refuses a zero retention, naming the line', () => {
    expect(issuesOf(yaml([...BASE, 'retention: { raw_checks: 0 }']))).toEqual([
      expect.stringMatching(/^test\.yaml:18:/),
    ]);
  });
});
