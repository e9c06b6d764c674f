// The optional per-endpoint `warn:` thresholds of issue 12: resolved to ms and a 0-1 loss share,
// refused with FILE:LINE:COL when out of range or misspelt.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '@src/main/config';
import { aConfig, aLine, anEndpoint, configYaml } from '../../../support/config-builders';
import { FILE, issuesOf, withLine, yaml } from '../../../support/config-helpers';

describe('warn thresholds', () => {
  it('resolves rtt_ms and loss_pct (percent to a share); absent when not written', () => {
    const text = yaml(
      withLine(
        13,
        '        probe: { kind: icmp, host: 10.0.0.1 }',
        '        warn: { rtt_ms: 50, loss_pct: 2 }',
      ),
    );
    const result = parseConfigText(text, FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const [sw, plc] = result.config.lines[0]?.endpoints ?? [];
    expect(sw?.warn).toEqual({ rttMs: 50, loss: 0.02 });
    expect(plc?.warn).toBeUndefined();
  });

  it('keeps a threshold the file leaves out as null', () => {
    const text = yaml(
      withLine(13, '        probe: { kind: icmp, host: 10.0.0.1 }', '        warn: { rtt_ms: 20 }'),
    );
    const result = parseConfigText(text, FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.lines[0]?.endpoints[0]?.warn).toEqual({ rttMs: 20, loss: null });
  });

  it('refuses a loss over 100 %, a zero RTT and an unknown key, each at its place', () => {
    const lines = withLine(
      13,
      '        probe: { kind: icmp, host: 10.0.0.1 }',
      '        warn: { rtt_ms: 0, loss_pct: 150, jitter: 3 }',
    );
    const issues = issuesOf(yaml(lines));
    expect(
      issues.some((i) => i.startsWith(`${FILE}:14:`) && i.includes('expected an RTT in milliseconds')),
    ).toBe(true);
    expect(issues.some((i) => i.startsWith(`${FILE}:14:`) && i.includes('expected a loss percentage'))).toBe(
      true,
    );
    expect(
      issues.some((i) => i.startsWith(`${FILE}:14:`) && i.includes('expected one of rtt_ms, loss_pct')),
    ).toBe(true);
  });

  it('round-trips through the test config builder', () => {
    const config = aConfig({
      lines: [aLine('press-1', [anEndpoint('plc', { warn: { rttMs: 50, loss: 0.02 } }), anEndpoint('hmi')])],
    });
    const result = parseConfigText(configYaml(config), FILE);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.lines).toEqual(config.lines);
  });
});
