// The scrubber against the corpus of strings that must never leave the machine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createScrubber } from '@src/shared/telemetry/scrubber';

interface CorpusCase {
  input: string;
  forbidden: string[];
  kept?: string[];
}
export const corpus = JSON.parse(
  readFileSync(new URL('../../../fixtures/telemetry/corpus.json', import.meta.url), 'utf8'),
) as { sensitive: string[]; cases: CorpusCase[] };

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
});
