// The scrubber against the corpus of strings that must never leave the machine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createConsentGate } from '@src/shared/telemetry/consent-gate';
import { createFaultLocator } from '@src/shared/telemetry/fault-context';
import { createScrubber } from '@src/shared/telemetry/scrubber';
import { faultFingerprint, faultTags, sentryPrivacyHooks } from '@src/shared/telemetry/sentry-hooks';
import { usageProperties } from '@src/shared/telemetry/usage-events';

interface CorpusCase {
  input: string;
  forbidden: string[];
  kept?: string[];
}
export const corpus = JSON.parse(
  readFileSync(new URL('../../../fixtures/telemetry/corpus.json', import.meta.url), 'utf8'),
) as { sensitive: string[]; faultContext: { allowed: string[] }; cases: CorpusCase[] };

describe('scrubber', () => {
  const scrubber = createScrubber({ sensitive: corpus.sensitive });

  it.each(corpus.cases)('scrubs "$input"', ({ input, forbidden, kept }) => {
    const out = scrubber.text(input);
    for (const fragment of forbidden) expect(out).not.toContain(fragment);
    for (const fragment of kept ?? []) expect(out).toContain(fragment);
  });

  it('walks nested events: values and keys, arrays, cycles, without touching numbers', () => {
    const event: Record<string, unknown> = {
      message: corpus.cases[0]?.input,
      extra: { 'Press 1 PLC': { host: '10.10.1.21', rtt: 12, up: false } },
      breadcrumbs: [{ data: { url: 'http://hmi-press1:8080/health' } }],
    };
    event.self = event;
    const out = JSON.stringify(scrubber.value(event));
    for (const c of corpus.cases) for (const f of c.forbidden) expect(out).not.toContain(f);
    expect(out).toContain('"rtt":12');
    expect(out).toContain('[dropped]');
  });

  it('removes the OS user name it is given, and only whole words', () => {
    const s = createScrubber({ sensitive: ['anna'] });
    expect(s.text('user anna logged in; annabelle did not')).toBe(
      'user [redacted] logged in; annabelle did not',
    );
  });

  it('follows a new config (setSensitive) at once', () => {
    const s = createScrubber();
    expect(s.text('Paint Robot 3 down')).toBe('Paint Robot 3 down');
    s.setSensitive(['Paint Robot 3']);
    expect(s.text('Paint Robot 3 down')).toBe('[redacted] down');
  });

  it.each(corpus.faultContext.allowed)('passes the fault-context value "%s" unchanged', (value) => {
    expect(scrubber.text(value)).toBe(value);
  });

  it('sends a fault with its context intact and none of the corpus', () => {
    const gate = createConsentGate();
    gate.set({ error_diagnostics: true, performance: false, usage_analytics: false });
    const hooks = sentryPrivacyHooks(gate, scrubber, () => '3f9a1c0b27de');
    const locate = createFaultLocator({
      timeZone: 'Europe/Berlin',
      shifts: [{ start: '22:00', end: '06:00' }],
      lines: [
        {
          id: 'plant-augsburg-press',
          hash: '0c1d2e3f4a5b',
          costBucket: '1000-9999',
          endpoints: [{ id: 'plc-press1', type: 'plc', critical: true }],
        },
      ],
    });
    const fault = locate('probe_engine', { endpointId: 'plc-press1' }, Date.parse('2026-03-02T02:00:00Z'));
    const tags = faultTags('3f9a1c0b27de', fault);
    const sent = hooks.beforeSend({
      message: corpus.cases.map((c) => c.input).join(' | '),
      fingerprint: faultFingerprint(fault),
      tags,
    });
    expect(sent?.tags).toEqual(tags);
    expect(sent?.fingerprint).toEqual(['probe_engine', 'plc', '0c1d2e3f4a5b']);
    expect(tags).toMatchObject({ line: '0c1d2e3f4a5b', shift: '22:00-06:00', criticality: 'critical' });
    const out = JSON.stringify(sent);
    for (const c of corpus.cases) for (const f of c.forbidden) expect(out).not.toContain(f);
    expect(out).not.toContain('plant-augsburg-press');
  });

  it('passes the alarm usage properties (severity, cascade risk) unchanged', () => {
    const properties = usageProperties({
      name: 'Alarm Raised',
      endpointType: 'plc',
      critical: true,
      severity: 'high',
      cascadeRisk: 'critical',
    });
    expect(scrubber.value(properties)).toEqual(properties);
  });
});
